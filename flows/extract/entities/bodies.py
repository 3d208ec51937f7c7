"""Government bodies resolved by their country: a body after a country (`米財務省`, `英外務省`: 米 +
財務省, the US Treasury, not Japan's Ministry of Finance; `イギリス外務省` one name), or after
`<country>の` / `同国の` (`ロシアの外務省`: Russia's). A bare 外務省 in Japanese news is Japan's (the
catalog's)."""
from __future__ import annotations

from flows.extract.entities.catalog import catalog
from flows.extract.entities.lexicon import lexicon
from flows.extract.entities.view import Candidate, TextView


def _body_of(country_id: str, body: str, start: int, end: int) -> Candidate:
    """The country's body (財務省 of the United States): the catalog's if it lists one, else an inferred
    organisation named for the country (英国外務省)."""
    bodies = lexicon().government_bodies
    target = bodies[body]["by_country"].get(country_id)
    if target is not None:
        return Candidate(start, end, "ORG", "catalog", target)
    country = catalog().entries[country_id]
    return Candidate(start, end, "ORG", "suffix", name=country.name + body,
                     name_en=bodies[body]["name_en"].format(country=country.name_en))


def resolve_government_bodies(view: TextView, found: list[Candidate]) -> None:
    """Re-point a body (財務省, 外務省, 議会 …) that follows a country mention to that
    country's body; a body after a full country name joins it (イギリス外務省)."""
    text = view.text
    bodies = lexicon().government_bodies
    by_end = {c.end: c for c in found if c.entity_type == "GPE" and c.entity_id}
    by_start = {c.start: c for c in found}
    for pos, country in sorted(by_end.items()):
        for body in sorted(bodies, key=len, reverse=True):
            if not text.startswith(body, pos):
                continue
            end = pos + len(body)
            i = view.sentence_of(pos, end)
            if i < 0 or end not in view.bounds(i)[1]:
                break
            existing = by_start.get(pos)
            if existing is not None and existing.end != end:
                break
            if existing is None and not view.is_free(pos, end) and view.absorb(found, pos, end) is None:
                break   # (米|連邦最高裁判所: the catalog's 最高裁判所 inside gives way)
            cand = _body_of(country.entity_id, body, pos, end)
            if country.end - country.start > 1 and cand.entity_id is None:
                # a full country name and its body are one name (ロシア国防省 is in the catalog as such)
                found.remove(country)
                cand.start = country.start
                cand.name = view.doc.text[country.start:end]
            if existing is not None:
                found.remove(existing)
            else:
                view.take(pos, end)
            found.append(cand)
            break


def resolve_bodies_of_countries(view: TextView, found: list[Candidate]) -> None:
    """A government body after `<country>の` or `同国の` (ロシアの外務省, 同国の国防省) is that country's
    body, not the one a bare 外務省 names in Japanese news (Japan's): re-pointed, the span unchanged."""
    text = view.text
    bodies = lexicon().government_bodies
    countries = sorted((c for c in found if c.entity_type == "GPE" and c.entity_id), key=lambda c: c.start)
    if not countries:
        return
    ends = {c.end: c for c in countries}
    for k, c in enumerate(found):
        body = text[c.start:c.end]
        if c.entity_type != "ORG" or body not in bodies or c.start < 2 or text[c.start - 1] != "の":
            continue
        if text.startswith("同国", c.start - 3):
            before = [d for d in countries if d.end <= c.start - 3]
            country = before[-1] if before else None
        else:
            country = ends.get(c.start - 1)
        if country is None:
            continue
        found[k] = _body_of(country.entity_id, body, c.start, c.end)

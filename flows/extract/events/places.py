"""Where a meeting happened, as a PLOVER CONSULT mode: `visit` (at one party's place) or
`third-party` (somewhere else); `phone` when the text says it was held by phone; `multilateral`
when three parties or more take part.

The country of a person comes from how the article names them: `ロシアのプーチン大統領`
(a country, の, the person) or `トランプ米大統領` (the person, a one-kanji country, a title);
the country of a place from `米アラスカ州`, `米ワシントン`; what the article leaves unsaid from
`home_countries.yaml` (モスクワ is in Russia, プーチン serves it). A meeting at a building or an
institution (ホワイトハウス, クレムリン) is a visit to its owner.
"""
from __future__ import annotations

import re

from flows.extract.events.lexicon import cues, home_countries

_KANJI = re.compile(r"[一-龥々]{1,5}")


def countries_of(text: str, mentions: list[dict]) -> dict[str, str]:
    """entity_id → entity_id of its country, read from adjacent mentions."""
    found: dict[str, str] = {}
    ordered = sorted(mentions, key=lambda m: m["start"])
    for a, b in zip(ordered, ordered[1:]):
        between = text[a["end"]:b["start"]]
        if a["entity_type"] == "GPE" and between in ("の", "") and b["entity_type"] in ("PERSON", "GPE", "FAC", "LOC"):
            if b["entity_id"] != a["entity_id"]:
                found.setdefault(b["entity_id"], a["entity_id"])
        elif a["entity_type"] == "PERSON" and between == "" and b["entity_type"] == "GPE" and len(b["surface"]) == 1:
            found.setdefault(a["entity_id"], b["entity_id"])
    homes = home_countries()
    for m in mentions:                 # what the article leaves unsaid: モスクワ is in Russia, プーチン serves it
        if m["entity_id"] in homes:
            found.setdefault(m["entity_id"], homes[m["entity_id"]])
    return found


def consult_mode(text: str, trigger_start: int, sentence_start: int, locations: list[dict],
                 parties: list[tuple[str, str | None]], countries: dict[str, str]) -> str | None:
    c = cues()
    before = text[sentence_start:trigger_start]
    if any(before.endswith(w) or w in before[-12:] for w in c.phone_modifiers):
        return "phone"
    sides = {countries.get(p[0], p[0]) for p in parties if p[0] in countries or p[0].startswith("gpe:")}
    # (ルビオ、ウィトコフ両氏: one side, the US; a party of no known country counts for none)
    if len(sides) >= 3 and not any(w in before for w in c.separate_meeting_words):
        return "multilateral"   # エジプト、カタール、トルコの3カ国は…協議を開いた (not …と相次いで会談)
    if not locations:
        return None
    place = locations[0]
    if place["entity_type"] in ("FAC", "ORG"):
        return "visit"
    party_ids = {p[0] for p in parties}
    party_countries = party_ids | {countries[p] for p in party_ids if p in countries}
    place_ids = {place["entity_id"], countries.get(place["entity_id"], place["entity_id"])}
    if place_ids & party_countries:
        return "visit"
    if any(w in before for w in c.third_party_modifiers):
        return "third-party"
    if party_ids and all(p in countries or p.startswith("gpe:") for p in party_ids):
        return "third-party"  # every party's country is known, and the place is none of them
    return None


def is_host(mention: dict, text: str, countries: dict[str, str]) -> bool:
    """Whether a visit's target can host it: an organisation, a country or a city known to the
    catalog (not a municipality: 大槌町 is where, not who), or a person in an official capacity
    (a title after the name, a country before it, or a public figure of the catalog). A clinic, a
    studio or a private person is no host; an inferred id (`~`) is a name the catalog does not know."""
    c = cues()
    kind, known = mention["entity_type"], "~" not in mention["entity_id"]
    if kind == "ORG":
        return True
    if kind == "GPE":
        return known and not mention["surface"].endswith(tuple(c.municipality_suffixes))
    if kind != "PERSON":
        return False
    title = _KANJI.match(text, mention["end"])  # トランプ米大統領, 王毅外相: the words right after the name
    titled = title is not None and (title.group().startswith(tuple(c.host_titles))
                                    or title.group().endswith(tuple(c.host_title_endings)))
    return known or titled or mention["entity_id"] in countries

"""Regenerate `countries.csv`: every ISO 3166-1 country and territory, bilingual.

Japanese names come from pycountry's translations (the iso-codes project),
corrected and completed by `country_overrides.yaml` (usual news forms such as
米国/英国/ロシア, short forms, Wikidata items where certain). pycountry is
needed only to run this script, not to run the pipeline:

    python -m flows.extract.entities.generate_countries
"""
from __future__ import annotations

import csv
import gettext
import re
from pathlib import Path

import yaml

HERE = Path(__file__).parent
OUT = HERE / "countries.csv"
COLUMNS = ("entity_id", "entity_type", "name", "name_en", "wikidata_id", "aliases", "guarded_aliases")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def english_name(country) -> str:
    name = getattr(country, "common_name", None) or country.name
    if "," in name:  # ISO inverted forms such as "Virgin Islands, British"
        head, _, tail = name.partition(", ")
        name = f"{tail} {head}"
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def japanese_name(translate, country) -> str:
    ja = translate(country.name)
    ja = re.sub(r"\s*[(（].*?[)）]", "", ja).strip()  # "大韓民国 (韓国)" → "大韓民国"
    return ja


def rows() -> list[dict]:
    import pycountry  # only needed to regenerate

    translate = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"]).gettext
    overrides = yaml.safe_load((HERE / "country_overrides.yaml").read_text(encoding="utf-8"))
    out = []
    for country in pycountry.countries:
        o = overrides.get(country.alpha_2, {})
        name_en = o.get("name_en") or english_name(country)
        pycountry_ja = japanese_name(translate, country)
        name = o.get("name") or pycountry_ja
        aliases = [a for a in o.get("aliases", []) if a != name]
        if (pycountry_ja != name and pycountry_ja not in aliases and not o.get("drop_translation")
                and "・台湾" not in pycountry_ja):
            aliases.append(pycountry_ja)
        etype = o.get("type", "GPE")
        out.append({
            "entity_id": f"{etype.lower()}:{slug(name_en)}",
            "entity_type": etype,
            "name": name,
            "name_en": name_en,
            "wikidata_id": o.get("wikidata", ""),
            "aliases": "|".join(aliases),
            "guarded_aliases": "|".join(o.get("guarded_aliases", [])),
        })
    out.sort(key=lambda r: r["entity_id"])
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows())
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

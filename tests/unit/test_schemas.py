"""The metadata itself: every field used and described, generated artefacts consistent, bad frames refused."""
from __future__ import annotations

import datetime as dt

import pandera.errors
import polars as pl
import pytest

from schemas import codes
from schemas.build import arrow_schema, data_dictionary, datapackage, empty_frame, pandera_schema, polars_schema
from schemas.fields import FIELDS
from schemas.tables import TABLES, published_tables

CONTRACT = {  # the contract's required columns (shared/spec/DATASET.md)
    "documents": ["doc_id", "source_file", "part", "publisher", "title", "title_original", "published_at",
                  "published_precision", "byline", "rights", "n_chars", "n_sentences", "content_sha256"],
    "sentences": ["sentence_id", "doc_id", "paragraph", "block_kind", "start", "end"],
    "tokens": ["sentence_id", "i", "doc_id", "start", "end", "surface", "lemma", "pos", "reading"],
    "mentions": ["mention_id", "doc_id", "sentence_id", "start", "end", "surface", "entity_type", "entity_id"],
    "entities": ["entity_id", "name", "name_en", "entity_type", "wikidata_id", "aliases", "n_mentions",
                 "n_documents"],
    "quotes": ["quote_id", "doc_id", "sentence_id", "start", "end", "text", "quote_kind", "speaker_entity_id",
               "speaker_text", "attribution", "reporting_verb"],
    "events": ["event_id", "doc_id", "sentence_id", "start", "end", "trigger", "event_type", "event_mode",
               "negated", "event_date", "date_precision", "date_text"],
    "event_actors": ["event_id", "role", "entity_id", "mention_id"],
}


def test_every_field_is_used_by_a_table():
    used = {c for t in TABLES.values() for c in t.columns}
    assert set(FIELDS) - used == set()


def test_every_table_column_is_declared_once():
    for t in TABLES.values():
        assert len(set(t.columns)) == len(t.columns)
        assert all(c in FIELDS for c in t.columns)
        assert all(c in t.columns for c in t.primary_key)


@pytest.mark.parametrize("table,columns", CONTRACT.items())
def test_contract_columns_present(table, columns):
    assert set(columns) <= set(TABLES[table].columns)


def test_enums_come_from_the_shared_code_lists():
    assert FIELDS["entity_type"].enum == codes.ENTITY_TYPES
    assert FIELDS["event_type"].enum == codes.EVENT_TYPES
    assert set(codes.EVENT_MODES) == set(codes.EVENT_TYPES)


def test_open_profile_leaves_out_text_and_tokens():
    names = [t.name for t in published_tables("open")]
    assert "tokens" not in names
    assert "text" not in TABLES["documents"].columns_for("open")
    assert "text" in TABLES["quotes"].columns_for("open")


def test_generated_types_agree():
    for name in TABLES:
        assert list(polars_schema(name)) == [f.name for f in arrow_schema(name)]
        assert empty_frame(name).columns == list(TABLES[name].columns)


def test_pandera_refuses_a_bad_frame():
    df = pl.DataFrame({
        "mention_id": ["m1", "m1"], "doc_id": ["d", "d"], "sentence_id": ["s", "s"], "start": [0, -1],
        "end": [1, 2], "surface": ["米", "ロ"], "entity_type": ["GPE", "COUNTRY"], "entity_id": ["e", None],
        "method": ["catalog", "catalog"],
    }, schema=polars_schema("mentions"))
    with pytest.raises(pandera.errors.SchemaErrors) as err:
        pandera_schema("mentions").validate(df, lazy=True)
    failed = set(err.value.failure_cases.get_column("check").cast(pl.String).to_list())
    assert any("isin" in c for c in failed)
    assert "not_nullable" in failed
    assert any("unique" in c for c in failed)
    assert any("greater_than_or_equal_to" in c for c in failed)


def test_pandera_accepts_a_good_frame():
    df = pl.DataFrame([{
        "doc_id": "doc-1", "source_file": "a.txt", "part": 0, "input_format": "plain", "publisher": None,
        "title": None, "title_original": None, "published_at": dt.date(2025, 1, 1), "published_precision": "day",
        "byline": None, "dateline": None, "credits": None, "rights": None, "url": None, "n_chars": 3,
        "n_sentences": 1, "content_sha256": "x", "source_sha256": "y", "text": "abc",
    }], schema=polars_schema("documents"), orient="row")
    pandera_schema("documents").validate(df, lazy=True)


@pytest.mark.parametrize("profile", ["open", "full"])
def test_datapackage_describes_every_published_column(profile):
    pkg = datapackage(profile, "0", "")
    resources = {r["name"]: r for r in pkg["resources"]}
    for t in published_tables(profile):
        fields = resources[t.name]["schema"]["fields"]
        assert [f["name"] for f in fields] == t.columns_for(profile)
        assert all(f["description"] for f in fields)
        assert resources[t.name]["schema"]["primaryKey"] == list(t.primary_key)
    assert "tokens" in resources if profile == "full" else "tokens" not in resources


@pytest.mark.parametrize("profile", ["open", "full"])
def test_dictionary_describes_every_published_column(profile):
    text = data_dictionary(profile)
    for t in published_tables(profile):
        assert f"## `{t.name}`" in text
        for c in t.columns_for(profile):
            assert f"| `{c}` |" in text

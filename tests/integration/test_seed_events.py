"""Each seed article's lead event, found with its actors and its calendar date, with the real
entity extractor in front (parse_file + extract_document on raw/)."""
from __future__ import annotations

import datetime as dt

import pytest

from flows.extract import extract_document
from flows.ingest.articles import parse_file
from flows.ingest.sources import parse_sidecar
from tests.conftest import RAW

D = dt.date
TRUMP, PUTIN, ZELENSKY = "person:donald-trump", "person:vladimir-putin", "person:volodymyr-zelensky"


@pytest.fixture(scope="module")
def seed_events() -> dict[tuple[str, int], list[dict]]:
    """(file prefix, part) → events, each with its actors as {role: {entity_id}}."""
    files = sorted(RAW.glob("*.txt"))
    sidecar, _ = parse_sidecar((RAW / "sources.csv").read_text(encoding="utf-8"), {p.name for p in files})
    out = {}
    for path in files:
        result = parse_file(path.name, path.read_bytes(), sidecar=sidecar.get(path.name))
        for doc in result.documents:
            extracted = extract_document(doc)
            entity_ids = {m["entity_id"] for m in extracted.mentions}
            mention_ids = {m["mention_id"] for m in extracted.mentions}
            events = []
            for e in extracted.events:
                roles: dict[str, set[str]] = {"source": set(), "target": set(), "location": set()}
                for a in extracted.event_actors:
                    if a["event_id"] == e["event_id"]:
                        roles[a["role"]].add(a["entity_id"])
                        assert a["entity_id"] in entity_ids, a  # every actor is an entity mentioned here
                        assert a["mention_id"] is None or a["mention_id"] in mention_ids, a
                events.append({**e, **roles})
            out[(path.name[:3], doc.meta["part"])] = events
    return out


def find(events, event_type, mode=None, date=None, precision="day", **roles):
    """Events of that type (and mode, date) whose actors include the given ones per role."""
    return [e for e in events if e["event_type"] == event_type and (mode is None or e["event_mode"] == mode)
            and (date is None or (e["event_date"], e["date_precision"]) == (date, precision))
            and all(set(want) <= e[role] for role, want in roles.items())]


def test_000_the_phone_call_of_19_may(seed_events):
    events = seed_events[("000", 0)]
    assert find(events, "CONSULT", "phone", D(2025, 5, 19), source={TRUMP}, target={PUTIN})


def test_001_the_phone_call_of_18_march_and_the_refused_ceasefire(seed_events):
    events = seed_events[("001", 0)]
    assert find(events, "CONSULT", "phone", D(2025, 3, 18), source={TRUMP, PUTIN})
    refusal = find(events, "REJECT", date=D(2025, 3, 18), source={PUTIN})
    assert refusal and refusal[0]["trigger"] == "同意" and not refusal[0]["negated"]


def test_002_the_white_house_meeting_and_the_call_to_putin_on_18_august(seed_events):
    events = seed_events[("002", 0)]
    assert find(events, "CONSULT", "visit", D(2025, 8, 18), source={TRUMP}, target={ZELENSKY},
                location={"org:white-house"})
    assert find(events, "CONSULT", "phone", D(2025, 8, 18), source={TRUMP}, target={PUTIN})
    assert find(events, "REQUEST", date=D(2025, 8, 18), source={TRUMP}, target={PUTIN})


@pytest.mark.parametrize("part", [0, 1])
def test_003_the_phone_call_of_12_february_and_the_agreement_to_negotiate(seed_events, part):
    events = seed_events[("003", part)]
    call = find(events, "CONSULT", "phone", D(2025, 2, 12), source={TRUMP})
    assert call and any(PUTIN in e["source"] | e["target"] for e in call)
    agreement = find(events, "AGREE", date=D(2025, 2, 12), source={TRUMP})
    assert agreement and any(PUTIN in e["source"] | e["target"] for e in agreement)


def test_004_sanctions_on_rosneft_and_lukoil_and_the_cancelled_summit(seed_events):
    events = seed_events[("004", 0)]
    sanction = find(events, "SANCTION", date=D(2025, 10, 22), source={TRUMP}, target={"org:rosneft", "org:lukoil"})
    assert sanction and sanction[0]["trigger"] == "制裁を科す"
    cancelled = find(events, "SANCTION", "cancel", source={TRUMP})
    assert cancelled and cancelled[0]["trigger"] == "計画を撤回"
    assert (cancelled[0]["event_date"], cancelled[0]["date_precision"]) == (D(2025, 10, 20), "week")  # 今週


def test_every_event_has_a_named_source_or_target(seed_events):
    for events in seed_events.values():
        assert events
        for e in events:
            assert e["source"] or e["target"], e["trigger"]

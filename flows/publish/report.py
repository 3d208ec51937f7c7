"""The run report: what a run published, reused, rejected and extracted, as plain data and Markdown.

Published as Prefect artifacts by the flow and printed by the CLI.
"""
from __future__ import annotations

import polars as pl

from schemas.tables import published_tables

# Stages timed inside each batch (per worker), then in the flow itself.
BATCH_STAGES = ("ingest", "tokens", "entities", "quotes", "events", "frames")
FLOW_STAGES = ("lock", "scan", "batches", "assemble", "validate", "publish", "state")


def run_report(tables: dict[str, pl.DataFrame], profile: str, processed: list[str], reused: list[str],
               removed: list[str], seconds: dict[str, float], n_chars_processed: int) -> dict:
    quotes, events, docs = tables["quotes"], tables["events"], tables["documents"]
    n_docs = max(docs.height, 1)
    figures = {
        "articles": docs.height,
        "characters": int(docs["n_chars"].sum() or 0),
        "mentions per article": round(tables["mentions"].height / n_docs, 2),
        "entities": tables["entities"].height,
        "inferred entities": int(tables["entities"]["inferred"].sum() or 0),
        "quotes with a resolved speaker": (f"{quotes['speaker_entity_id'].is_not_null().mean():.1%}"
                                           if quotes.height else "n/a"),
        "events with a resolved date": (f"{events['event_date'].is_not_null().mean():.1%}"
                                        if events.height else "n/a"),
    }
    cpu = sum(seconds.get(f"{k}_cpu", 0.0) for k in BATCH_STAGES)
    if cpu > 0 and n_chars_processed:
        figures["processing chars per CPU second"] = int(n_chars_processed / cpu)
    return {
        "rows": {t.name: tables[t.name].height for t in published_tables(profile)},
        "files": {"processed": len(processed), "reused": len(reused), "removed": len(removed)},
        "processed": processed,
        "reused": reused,
        "removed": removed,
        "rejected": tables["rejected"].select("source_file", "location", "reason").rows(named=True),
        "quote_kinds": dict(quotes.group_by("quote_kind").len().sort("quote_kind").iter_rows()),
        "event_types": dict(events.group_by("event_type").len().sort("event_type").iter_rows()),
        "figures": figures,
        "seconds": {k: round(v, 3) for k, v in sorted(seconds.items())},
    }


def report_markdown(report: dict, limit: int = 50) -> str:
    lines = ["# hodo run report", "", "| table | rows |", "|---|---|"]
    lines += [f"| {name} | {n} |" for name, n in report["rows"].items()]
    f = report["files"]
    lines += ["", f"Raw files processed: {f['processed']}, reused from the previous run: {f['reused']}, "
                  f"removed since: {f['removed']}.", "", "| figure | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in report["figures"].items()]
    if report["quote_kinds"]:
        lines += ["", "Quotes by kind: " + ", ".join(f"{k} {v}" for k, v in report["quote_kinds"].items()) + "."]
    if report["event_types"]:
        lines += ["", "Events by type: " + ", ".join(f"{k} {v}" for k, v in report["event_types"].items()) + "."]
    rejected = report["rejected"]
    if rejected:
        lines += ["", f"## Rejected inputs ({len(rejected)})", "", "| file | where | reason |", "|---|---|---|"]
        lines += [f"| {r['source_file']} | {r['location']} | {r['reason']} |" for r in rejected[:limit]]
        if len(rejected) > limit:
            lines.append(f"| … | | {len(rejected) - limit} more in rejected.csv |")
    sec = report["seconds"]
    lines += ["", "| stage | wall s | CPU s |", "|---|---|---|"]
    lines += [f"| {k} (summed over batches) | {sec.get(k, 0):.2f} | {sec.get(k + '_cpu', 0):.2f} |"
              for k in BATCH_STAGES if k in sec]
    lines += [f"| {k} | {sec.get(k, 0):.2f} | {sec.get(k + '_cpu', 0):.2f} |" for k in FLOW_STAGES if k in sec]
    lines.append(f"| total | {sec.get('total', 0):.2f} | |")
    return "\n".join(lines) + "\n"

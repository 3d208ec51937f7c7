"""The run report: what a run published, reused, rejected and extracted, as plain data and Markdown.

Published as Prefect artifacts by the flow and printed by the CLI.
"""
from __future__ import annotations

import polars as pl


# Stages timed inside each batch (per worker), then in the flow itself.
BATCH_STAGES = ("ingest", "tokens", "entities", "quotes", "events", "frames", "check", "store")
FLOW_STAGES = ("lock", "scan", "batches", "assemble", "validate", "render", "write", "state")


def table_figures(name: str, df: pl.DataFrame) -> dict:
    """What the report says about one published table, taken while the table is at hand."""
    if name == "documents":
        return {"articles": df.height, "characters": int(df["n_chars"].sum() or 0)}
    if name == "mentions":
        return {"mentions": df.height}
    if name == "entities":
        return {"entities": df.height, "inferred entities": int(df["inferred"].sum() or 0)}
    if name == "quotes":
        return {"quotes with a resolved speaker": f"{df['speaker_entity_id'].is_not_null().mean():.1%}"
                if df.height else "n/a",
                "_quote_kinds": dict(df.group_by("quote_kind").len().sort("quote_kind").iter_rows())}
    if name == "events":
        return {"events with a resolved date": f"{df['event_date'].is_not_null().mean():.1%}"
                if df.height else "n/a",
                "_event_types": dict(df.group_by("event_type").len().sort("event_type").iter_rows())}
    if name == "rejected":
        return {"_rejected": df.select("source_file", "location", "reason").rows(named=True)}
    return {}


def run_report(rows: dict[str, int], figures: dict, processed: list[str], reused: list[str],
               removed: list[str], seconds: dict[str, float], n_chars_processed: int) -> dict:
    """`rows` per published table and `figures` gathered by `table_figures` as the tables were written."""
    shown = {k: v for k, v in figures.items() if not k.startswith("_")}
    if shown.get("articles"):
        shown["mentions per article"] = round(shown.pop("mentions", 0) / shown["articles"], 2)
    cpu = sum(seconds.get(f"{k}_cpu", 0.0) for k in BATCH_STAGES)
    if cpu > 0 and n_chars_processed:
        shown["processing chars per CPU second"] = int(n_chars_processed / cpu)
    return {
        "rows": rows,
        "files": {"processed": len(processed), "reused": len(reused), "removed": len(removed)},
        "processed": processed,
        "reused": reused,
        "removed": removed,
        "rejected": figures.get("_rejected", []),
        "quote_kinds": figures.get("_quote_kinds", {}),
        "event_types": figures.get("_event_types", {}),
        "figures": shown,
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

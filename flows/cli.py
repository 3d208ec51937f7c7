"""`hodo`: run the pipeline, check a release, print the data dictionary.

Exit codes: 0 published (some inputs may have been rejected: see the
`rejected` table); 1 the run failed and the previous release was left as
it was; 2 wrong usage; 3 the raw folder is missing or holds nothing to
read; 4 another run held the output folder's lock for too long; 5 the
release checked by `hodo validate` breaks the contract.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

# Before Prefect is imported: no telemetry (the machine may be offline and its SQLite writes
# contend with the run's), and no task-run recorder contention in the ephemeral server.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED", "false")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="hodo: Japanese news articles → open, validated, documented datasets.")

EXIT_FAILED, EXIT_USAGE, EXIT_NO_INPUT, EXIT_LOCKED, EXIT_INVALID = 1, 2, 3, 4, 5


def _progress_bar():
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=False)
    ids: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in ids:
            ids[stage] = bar.add_task(stage, total=total)
        bar.update(ids[stage], completed=done, total=total)

    return bar, report


@app.command()
def run(
    raw: Annotated[Path, typer.Option(help="Folder of raw article files.")] = Path("raw"),
    out: Annotated[Path, typer.Option(help="Folder the release is published to.")] = Path("output"),
    profile: Annotated[str, typer.Option(help="open (no article text) or full (text and tokens).")] = "open",
    input_format: Annotated[str, typer.Option(
        "--format", help="Input format: auto (detect per file), plain, livedoor or jsonl.")] = "auto",
    max_bytes: Annotated[int, typer.Option(help="Refuse raw files larger than this many bytes.")] = 20 * 2**20,
    workers: Annotated[int, typer.Option(help="Worker processes on a local Dask cluster (1: this process).")] = 1,
    dask: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")] = None,
    incremental: Annotated[bool, typer.Option(help="Reuse the rows of raw files unchanged since the last run.")]
    = True,
    report_json: Annotated[Path | None, typer.Option(help="Also write the run report as JSON to this file.")]
    = None,
) -> None:
    """Build the release from RAW into OUT."""
    from flows import progress
    from flows.io.rawdir import RawDirProblem
    from flows.io.release import ReleaseLocked
    from flows.pipeline import NothingUsable, build_release
    from flows.publish.validate import ReleaseInvalid

    if profile not in ("open", "full") or input_format not in ("auto", "plain", "livedoor", "jsonl"):
        typer.echo(f"unknown profile {profile!r} or format {input_format!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    bar, reporter = _progress_bar()
    progress.set_reporter(reporter)
    try:
        with bar:
            report = build_release(raw_dir=str(raw), out_dir=str(out), profile=profile, input_format=input_format,
                                   max_bytes=max_bytes, incremental=incremental, workers=workers, dask_address=dask)
    except RawDirProblem as err:
        typer.echo(f"hodo: {err}", err=True)
        raise typer.Exit(EXIT_NO_INPUT) from None
    except ReleaseLocked as err:
        typer.echo(f"hodo: {err}", err=True)
        raise typer.Exit(EXIT_LOCKED) from None
    except (ReleaseInvalid, NothingUsable) as err:
        typer.echo(f"hodo: {err}\nThe previous release in {out} was left as it was.", err=True)
        raise typer.Exit(EXIT_FAILED) from None
    finally:
        progress.set_reporter(None)
    typer.echo(report["markdown"])
    typer.echo(f"published to {out}")
    if report_json is not None:
        report_json.write_text(json.dumps({k: v for k, v in report.items() if k != "markdown"}, ensure_ascii=False,
                                          indent=1), encoding="utf-8")
    if report["rejected"]:
        typer.echo(f"warning: {len(report['rejected'])} inputs rejected; see {out}/csv/rejected.csv", err=True)


@app.command()
def serve(
    raw: Annotated[Path, typer.Option(help="Folder of raw article files.")] = Path("raw"),
    out: Annotated[Path, typer.Option(help="Folder the release is published to.")] = Path("output"),
    profile: Annotated[str, typer.Option(help="open or full.")] = "open",
    cron: Annotated[str, typer.Option(help="When to run (cron syntax).")] = "0 6 * * *",
    timezone: Annotated[str, typer.Option(help="Time zone of the cron schedule.")] = "Asia/Tokyo",
    interval: Annotated[float | None, typer.Option(help="Run every this many seconds instead of by cron.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "hodo-scheduled",
    workers: Annotated[int, typer.Option(help="Worker processes on a local Dask cluster per run.")] = 1,
    dask: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler.")] = None,
) -> None:
    """Register a scheduled deployment of the pipeline and serve its runs until stopped (Ctrl-C).

    Needs a Prefect API: a server started with `prefect server start` and PREFECT_API_URL pointing at it
    (without one, Prefect starts a temporary server that lives as long as this command)."""
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron, Interval

    from flows.pipeline import build_release

    schedule = Interval(interval, timezone=timezone) if interval else Cron(cron, timezone=timezone)
    params = {"raw_dir": str(raw.absolute()), "out_dir": str(out.absolute()), "profile": profile,
              "workers": workers, "dask_address": dask}
    typer.echo(f"serving deployment {name!r}: {interval and f'every {interval:g} s' or cron} ({timezone}), "
               f"{raw} → {out}")
    build_release.serve(name=name, schedules=[schedule], parameters=params, pause_on_shutdown=False,
                        entrypoint_type=EntrypointType.MODULE_PATH,
                        description="Build the hodo release from the raw folder on a schedule.")


@app.command()
def validate(release: Annotated[Path, typer.Argument(help="A published release folder.")] = Path("output")) -> None:
    """Check a published release: checksums, schemas, keys and (full profile) spans."""
    from flows.io.readback import check_release_dir

    problems, counts = check_release_dir(release)
    for p in problems:
        typer.echo(f"problem: {p}")
    typer.echo(f"{len(problems)} problems; rows: " + " ".join(f"{k}={v}" for k, v in counts.items()))
    if problems:
        raise typer.Exit(EXIT_INVALID)


@app.command()
def dictionary(
    profile: Annotated[str, typer.Option(help="open or full.")] = "full",
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of printing.")] = None,
) -> None:
    """Print (or write) the data dictionary generated from schemas/."""
    from schemas.build import data_dictionary

    text = data_dictionary(profile)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def main() -> None:
    app()


if __name__ == "__main__":
    main()

"""The `kabar` command line: run the pipeline, serve it on a schedule, inspect inputs and rejects."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

# Prefect's local ephemeral server runs its database migrations on first start, which
# takes longer than Prefect's 20 s default on a 2-core machine; no telemetry offline.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    help="kabar: raw news text to validated, partitioned Parquet tables.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

RAW = typer.Option(Path("raw"), "--raw", help="Landing folder of raw articles (walked recursively).")
WAREHOUSE = typer.Option(Path("warehouse"), "--warehouse", help="Output folder of the Parquet tables.")


class Step(str, Enum):
    all = "all"
    ingest = "ingest"
    extract = "extract"
    validate = "validate"
    publish = "publish"


def _fail(message: str, code: int = 2) -> None:
    err.print(f"kabar: {message}", style="bold red", highlight=False, soft_wrap=True, markup=False)
    raise typer.Exit(code)


def _preflight(raw: Path, warehouse: Path, needs_raw: bool) -> None:
    """Expected failures end here with one line, before Prefect starts."""
    from kabar.warehouse import Warehouse, WarehouseLocked

    if needs_raw and not raw.is_dir():
        _fail(f"the raw folder {raw} does not exist or is not a folder")
    if needs_raw and not os.access(raw, os.R_OK | os.X_OK):
        _fail(f"the raw folder {raw} cannot be read (permission denied)")
    try:
        with Warehouse(warehouse).locked(recover=False):
            pass
    except WarehouseLocked as e:
        _fail(str(e), 3)
    except OSError as e:
        _fail(f"cannot write to the warehouse {warehouse}: {e.strerror or e}")


@app.command()
def run(
    step: Step = typer.Argument(Step.all, help="Run the whole pipeline (default) or one step of it."),
    raw: Path = RAW,
    warehouse: Path = WAREHOUSE,
    batch_size: int = typer.Option(None, help="Files per batch (default 2000, env KABAR_BATCH_SIZE)."),
    max_bytes: int = typer.Option(None, help="Reject files larger than this (default 20 MB, env KABAR_MAX_BYTES)."),
    full: bool = typer.Option(False, "--full", help="Reprocess every file, not only new or changed ones."),
    workers: int = typer.Option(
        None,
        "--workers",
        min=1,
        help="Extract batches on a local Dask cluster of N workers; 1 runs in process (default: one per "
        "core, at most 8, when the input is more than one batch, else 1; with --dask-address: the "
        "cluster's worker count, to cut batches for).",
    ),
    dask_address: str = typer.Option(None, "--dask-address", help="Use a running Dask scheduler (tcp://HOST:PORT)."),
    summary_json: Path = typer.Option(None, "--summary-json", help="Also write the run summary to this JSON file."),
) -> None:
    """Run the pipeline on RAW into WAREHOUSE and print a summary."""
    from kabar.warehouse import WarehouseLocked

    _preflight(raw, warehouse, needs_raw=step in (Step.all, Step.ingest))
    if step is Step.all:
        done, todo = _plan(raw, warehouse, full)
        if done:
            print_summary(done, warehouse)
            if summary_json:
                summary_json.write_text(json.dumps(done, indent=2), encoding="utf-8")
            return
        if workers is None and not dask_address:
            workers = _auto_workers(todo, batch_size)
    workers = workers or 1
    try:
        if step is Step.all:
            from flows.server import start_temporary_server, startup_timeout

            server = start_temporary_server()  # boots while the imports below run
            from flows.pipeline import pipeline, task_runner
            from kabar.validate import warm_up

            warm_up().join()
            if server:
                server.wait(startup_timeout())

            runner = task_runner(workers, dask_address)
            flow = pipeline.with_options(task_runner=runner) if runner else pipeline
            summary = flow(
                raw=str(raw),
                warehouse=str(warehouse),
                batch_size=batch_size,
                max_bytes=max_bytes,
                full=full,
                workers=workers,
            )
        else:
            from flows.single import run_step

            summary = run_step(step.value, raw, warehouse, batch_size=batch_size, max_bytes=max_bytes, full=full)
    except WarehouseLocked as e:
        _fail(str(e), 3)
    except FileNotFoundError as e:
        _fail(str(e))
    except PermissionError as e:
        _fail(f"cannot write to the warehouse: {e}")
    print_summary(summary, warehouse)
    if summary_json:
        summary_json.write_text(json.dumps(summary, indent=2), encoding="utf-8")


def _plan(raw: Path, warehouse: Path, full: bool) -> tuple[dict | None, list]:
    """Before Prefect starts: the summary of a run with no new or changed input (a rerun takes a
    second, not Prefect's start-up), else None and the files to process."""
    from kabar import steps

    p = steps.plan_run(raw, warehouse, full=full)
    if p.todo or p.walk_rejects or full:
        return None, p.todo
    return steps.Summary(inputs_seen=p.seen, unchanged=len(p.unchanged)).as_dict(), []


def _auto_workers(todo: list, batch_size: int | None) -> int:
    from kabar import steps
    from kabar.settings import Settings

    s = Settings.from_env(batch_size=batch_size)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    n = steps.auto_workers(todo, s.batch_size, s.batch_bytes, cpus)
    if n > 1:
        out.print(f"{len(todo):,} files to process: extracting on a local Dask cluster of {n} workers")
    return n


def print_summary(s: dict, warehouse: Path) -> None:
    t = Table(title=f"kabar run → {warehouse}", show_header=False, box=None)
    for label, key in (
        ("inputs seen", "inputs_seen"),
        ("unchanged (skipped)", "unchanged"),
        ("articles", "articles"),
        ("duplicates", "duplicates"),
    ):
        if key in s:
            t.add_row(label, str(s[key]))
    for name in ("meetings", "commitments", "topics"):
        if name in s.get("rows", {}):
            t.add_row(name, str(s["rows"][name]))
    rejects = s.get("rejects", {})
    t.add_row("rejects", str(sum(rejects.values())))
    for code, n in sorted(rejects.items(), key=lambda kv: -kv[1]):
        t.add_row(f"  {code}", str(n))
    secs = s.get("seconds", {})
    if secs.get("total"):
        stages = "  ".join(f"{k} {secs[k]:.1f}s" for k in ("ingest", "extract", "validate", "publish") if k in secs)
        t.add_row("time", f"{secs['total']:.1f}s in the flow (CPU: {stages})")
    out.print(t)


@app.command()
def serve(
    cron: str = typer.Option("*/15 * * * *", help="Cron schedule of the runs."),
    raw: Path = RAW,
    warehouse: Path = WAREHOUSE,
    name: str = typer.Option("kabar", help="Deployment name shown in Prefect."),
) -> None:
    """Serve the pipeline on a cron schedule (Prefect flow.serve); stops with Ctrl-C."""
    from flows.pipeline import pipeline

    pipeline.serve(name=name, cron=cron, parameters={"raw": str(raw.resolve()), "warehouse": str(warehouse.resolve())})


@app.command()
def rejects(
    warehouse: Path = WAREHOUSE,
    examples: int = typer.Option(3, help="Example inputs shown per reason."),
) -> None:
    """List rejected inputs and rows, grouped by reason."""
    from kabar.warehouse import read_table

    rows = read_table(warehouse, "rejects").to_pylist()
    if not rows:
        out.print("no rejects")
        return
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(f"{r['stage']}/{r['reason_code']}", []).append(r)
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        out.print(f"[bold]{key}[/bold]  {len(items)}", highlight=False)
        for r in items[:examples]:
            out.print(f"   {r['source_file']}: {r['reason']}", highlight=False, markup=False)


@app.command()
def inputs(
    warehouse: Path = WAREHOUSE,
    outcome: str = typer.Option(None, help="Only inputs with this outcome: article, duplicate or rejected."),
) -> None:
    """Every input the warehouse has seen and what became of it."""
    from kabar.warehouse import Warehouse

    state = Warehouse(warehouse).state()
    try:
        rows = [r for r in state.all_inputs() if outcome is None or r.outcome == outcome]
    finally:
        state.close()
    for r in rows:
        detail = r.article_id or ""
        if r.reason:
            detail = f"{r.reason_code}: {r.reason}"
        out.print(f"{r.outcome:<9} {r.source_file}  {detail}", highlight=False, markup=False)
    out.print(
        " ".join(f"{k}={v}" for k, v in Counter(r.outcome for r in rows).items()) or "no inputs",
        highlight=False,
    )


class Format(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def sql(
    query: str = typer.Argument(None, help="The SQL; tables: articles, meetings, commitments, topics, rejects."),
    warehouse: Path = WAREHOUSE,
    file: Path = typer.Option(None, "--file", "-f", help="Read the SQL from this file (e.g. queries/*.sql)."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output as a table, CSV or JSON."),
) -> None:
    """Run a SQL query over the warehouse tables (DuckDB views over the Parquet files)."""
    from kabar.query import QueryError, cell, run_query, to_csv, to_json

    if file is not None:
        try:
            query = file.read_text(encoding="utf-8")
        except OSError as e:
            _fail(f"cannot read {file}: {e.strerror or e}")
    if not query:
        _fail("give the SQL as an argument or with --file")
    if not warehouse.is_dir():
        _fail(f"the warehouse {warehouse} does not exist; run `kabar run` first")
    try:
        result = run_query(warehouse, query)
    except QueryError as e:
        _fail(f"SQL error: {e}")
    if fmt is Format.csv:
        sys.stdout.write(to_csv(result))
    elif fmt is Format.json:
        sys.stdout.write(to_json(result) + "\n")
    else:
        from rich.text import Text

        t = Table(*result.columns, caption=f"{len(result.rows)} rows")
        for row in result.rows:
            t.add_row(*(Text("NULL", style="dim") if v is None else Text(cell(v)) for v in row))
        out.print(t)


@app.command()
def docs(
    warehouse: Path = WAREHOUSE,
    open_: bool = typer.Option(False, "--open", help="Open the Data Docs in a web browser."),
) -> None:
    """Build Great Expectations Data Docs (HTML) of each table's latest validation."""
    from kabar.datadocs import NoValidations, build
    from kabar.settings import Settings

    try:
        index, pages = build(warehouse, Settings.from_env().expectations)
    except NoValidations as e:
        _fail(str(e))
    for p in pages:
        verdict = "passed" if p.success else "FAILED"
        out.print(
            f"{p.table:<12} {verdict:<6} {p.successful}/{p.evaluated} expectations  {p.page}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    out.print(str(index), highlight=False, markup=False, soft_wrap=True)
    if open_:
        typer.launch(index.as_uri())


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())

"""The kabar pipeline as one Prefect flow: ingest -> extract -> validate -> publish, per batch."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from kabar import steps
from kabar.settings import Settings
from kabar.warehouse import Warehouse

# Batches are large Python objects: never hash them for caching.
TASK = {"cache_policy": NO_CACHE}


@task(name="ingest", **TASK)
def ingest(files: list, max_bytes: int) -> steps.Ingested:
    return steps.ingest(files, max_bytes)


@task(name="extract", **TASK)
def extract(ingested: steps.Ingested) -> steps.Extracted:
    return steps.extract(ingested)


@task(name="validate", **TASK)
def validate(extracted: steps.Extracted, expectations: Path) -> steps.Validated:
    return steps.validate(extracted, expectations)


@task(name="publish", retries=2, retry_delay_seconds=[1, 5], **TASK)
def publish(validated: steps.Validated, warehouse: Path) -> dict:
    wh = Warehouse(warehouse)
    state = wh.state()
    try:
        batch, counts = steps.build_batch(validated, state)
        wh.publish(batch)
    finally:
        state.close()
    return counts


@flow(name="kabar-pipeline", log_prints=False)
def pipeline(
    raw: str = "raw",
    warehouse: str = "warehouse",
    batch_size: int | None = None,
    max_bytes: int | None = None,
    full: bool = False,
) -> dict:
    """Turn new or changed files under raw/ into published warehouse rows; returns the run summary."""
    s = Settings.from_env(raw=raw, warehouse=warehouse, batch_size=batch_size, max_bytes=max_bytes)
    log = get_run_logger()
    wh = Warehouse(s.warehouse)
    summary = steps.Summary()
    with wh.locked():
        state = wh.state()
        try:
            p = steps.plan(s.raw, state, full=full)
        finally:
            state.close()
        summary.inputs_seen, summary.unchanged = p.seen, len(p.unchanged)
        log.info("%d inputs, %d unchanged, %d to process", p.seen, len(p.unchanged), len(p.todo))
        if p.walk_rejects:
            wh.publish(steps.walk_reject_batch(p.walk_rejects))
            summary.rejects.update(r.reason_code for r in p.walk_rejects)
        for n, files in enumerate(steps.batches(p.todo, s.batch_size), start=1):
            validated = validate(extract(ingest(files, s.max_bytes)), s.expectations)
            summary.add(publish(validated, s.warehouse))
            log.info("batch %d: %d files published", n, len(files))
    return summary_dict(summary)


def summary_dict(s: steps.Summary) -> dict:
    return {
        "inputs_seen": s.inputs_seen,
        "unchanged": s.unchanged,
        "articles": s.articles,
        "duplicates": s.duplicates,
        "rows": dict(s.rows),
        "rejects": dict(s.rejects),
    }

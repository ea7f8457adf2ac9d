"""The kabar pipeline as one Prefect flow: ingest -> extract -> validate -> publish, per batch."""

from __future__ import annotations

import time
from collections import deque
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
    started = time.perf_counter()
    wh = Warehouse(warehouse)
    state = wh.state()
    try:
        batch, counts = steps.build_batch(validated, state)
        wh.publish(batch)
    finally:
        state.close()
    counts["seconds"]["publish"] += time.perf_counter() - started
    return counts


def task_runner(workers: int = 1, dask_address: str | None = None):
    """Prefect's Dask task runner for --workers N (a local cluster) or --dask-address; else the default."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    return None


@flow(name="kabar-pipeline", log_prints=False)
def pipeline(
    raw: str = "raw",
    warehouse: str = "warehouse",
    batch_size: int | None = None,
    max_bytes: int | None = None,
    full: bool = False,
    workers: int = 1,
) -> dict:
    """Turn new or changed files under raw/ into published warehouse rows; returns the run summary.

    Batches are ingested and extracted by the flow's task runner (Dask workers with --workers),
    a few batches ahead; validation and publishing happen in order in the flow, which holds the lock.
    """
    s = Settings.from_env(raw=raw, warehouse=warehouse, batch_size=batch_size, max_bytes=max_bytes)
    log = get_run_logger()
    wh = Warehouse(s.warehouse)
    summary = steps.Summary()
    started = time.perf_counter()
    with wh.locked():
        p = steps.plan_run(s.raw, s.warehouse, full=full)
        summary.seconds["plan"] += time.perf_counter() - started
        summary.inputs_seen, summary.unchanged = p.seen, len(p.unchanged)
        log.info("%d inputs, %d unchanged, %d to process", p.seen, len(p.unchanged), len(p.todo))
        if p.walk_rejects:
            wh.publish(steps.walk_reject_batch(p.walk_rejects))
            summary.rejects.update(r.reason_code for r in p.walk_rejects)
        # Bounded look-ahead keeps memory flat however many batches there are.
        ahead: deque = deque()
        window = max(2, 2 * workers)
        for n, files in enumerate(steps.batches(p.todo, s.batch_size, s.batch_bytes), start=1):
            ahead.append((n, extract.submit(ingest.submit(files, s.max_bytes))))
            if len(ahead) >= window:
                _finish(ahead.popleft(), s, summary, log)
        while ahead:
            _finish(ahead.popleft(), s, summary, log)
    summary.seconds["total"] += time.perf_counter() - started
    return summary.as_dict()


def _finish(item: tuple, s: Settings, summary: steps.Summary, log) -> None:
    n, future = item
    summary.add(publish(validate(future.result(), s.expectations), s.warehouse))
    log.info("batch %d published", n)

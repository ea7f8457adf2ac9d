"""The kabar pipeline as one Prefect flow: ingest -> extract -> validate -> publish, per batch."""

from __future__ import annotations

import logging
import time
from collections import Counter, deque
from pathlib import Path

from prefect import Task, flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.logging.handlers import PrefectConsoleHandler
from prefect.runtime import task_run as current_task_run
from prefect.states import State
from prefect.utilities.annotations import quote
from rich.console import Console

from kabar import report, steps
from kabar.progress import RunProgress, choose_progress
from kabar.settings import Settings
from kabar.transient import is_transient
from kabar.warehouse import Warehouse, count_rows

# Batches are large Python objects: never hash them for caching.
TASK = {"cache_policy": NO_CACHE}
# A flaky mount or a busy device usually recovers within seconds: three more tries over
# ~40 s, then the batch fails (publish) or its unreadable files are rejected (ingest)
# well before the next 15-minute run.
RETRIES = 3
RETRY_DELAYS = [2, 10, 30]
# Keys of the run's artifacts in the Prefect UI; each run adds a new version under the same key.
COUNTS_KEY = "kabar-counts"
REJECTS_KEY = "kabar-rejects"


def retry_transient(task: Task, task_run: TaskRun, state: State) -> bool:
    """Prefect's retry_condition_fn: retry transient I/O errors only (kabar.transient), never bugs."""
    try:
        state.result()
    except Exception as e:
        return is_transient(e)
    return False


RETRY = {"retries": RETRIES, "retry_delay_seconds": RETRY_DELAYS, "retry_condition_fn": retry_transient}


def read_batch(files: list, max_bytes: int) -> steps.Ingested:
    """Ingest inside a task with RETRY: the last try rejects a file that still cannot be read, so
    one bad file cannot block every run."""
    last_try = current_task_run.run_count > RETRIES
    return steps.ingest(files, max_bytes, raise_transient=not last_try)


@task(name="ingest-extract", **RETRY, **TASK)
def ingest_extract(files: list, max_bytes: int) -> steps.Extracted:
    """Read a batch and extract its events in one task, so a Dask worker gets file paths and returns
    tables, and the batch's articles never travel between processes. A retry (transient read
    errors only) repeats the extraction too: it is deterministic."""
    return steps.extract(read_batch(files, max_bytes))


@task(name="validate", **TASK)
def validate(extracted: steps.Extracted, expectations: Path) -> steps.Validated:
    return steps.validate(extracted, expectations)


@task(name="publish", **RETRY, **TASK)
def publish(validated: steps.Validated, warehouse: Path) -> dict:
    started = time.thread_time()
    wh = Warehouse(warehouse)
    # A failed earlier try may have committed its batch and moved only part of it: finish (or
    # drop) it first, so this try builds its batch on what is really published. The flow holds
    # the warehouse lock.
    wh.recover()
    state = wh.state()
    try:
        batch, counts = steps.build_batch(validated, state)
        wh.publish(batch)
    finally:
        state.close()
    counts["seconds"]["publish"] += time.thread_time() - started
    return counts


def task_runner(workers: int = 1, dask_address: str | None = None):
    """Prefect's Dask task runner for --workers N (a local cluster) or --dask-address; else the default."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        import dask
        from prefect_dask import DaskTaskRunner

        # Dask samples every worker's stack every 10 ms for its dashboard profile: CPU our two cores
        # need for extraction. The nannies pass this config on to the workers they start.
        dask.config.set({"distributed.worker.profile.enabled": False})
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

    Batches are ingested and extracted, in one task, by the flow's task runner (Dask workers with
    --workers), a few batches ahead; validation and publishing happen in order in the flow, which
    holds the lock.
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
            summary.add(
                {
                    "rejects": Counter(r.reason_code for r in p.walk_rejects),
                    "reject_examples": steps.reject_examples(p.walk_rejects),
                }
            )
        # Bounded look-ahead keeps memory flat however many batches there are.
        ahead: deque = deque()
        window = max(2, 2 * workers)
        todo = steps.batches(p.todo, s.batch_size, s.batch_bytes, workers=workers)
        with choose_progress(len(p.todo), len(todo), _console(), log.info) as progress:
            for files in todo:
                ahead.append((len(files), ingest_extract.submit(files, s.max_bytes)))
                if len(ahead) >= window:
                    _finish(ahead.popleft(), s, summary, progress)
            while ahead:
                _finish(ahead.popleft(), s, summary, progress)
        summary.seconds["total"] += time.perf_counter() - started
        result = summary.as_dict()
        in_warehouse = {table: count_rows(s.warehouse, table) for table in report.TABLES}
    publish_artifacts(result, in_warehouse, s.warehouse, log)
    return result


def _finish(item: tuple, s: Settings, summary: steps.Summary, progress: RunProgress) -> None:
    n_files, future = item
    # quote(): a batch holds thousands of objects, which Prefect would otherwise walk (looking for
    # futures) on every task call; that walk cost more CPU than validation and publishing together.
    counts = publish(quote(validate(quote(future.result()), s.expectations)), s.warehouse)
    summary.add(counts)
    progress.advance(files=n_files, articles=counts["articles"])


def _console() -> Console:
    """Prefect's own log console, so log lines print above the progress bar instead of through it."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            return handler.console
    return Console(stderr=True)


def publish_artifacts(summary: dict, in_warehouse: dict[str, int], warehouse: Path, log) -> None:
    """The run's counts (table) and rejects (markdown) as artifacts of this flow run in the Prefect UI.

    The data is already published: an API that refuses an artifact is a warning, not a failed run.
    """
    try:
        create_table_artifact(
            report.counts_table(summary, in_warehouse),
            key=COUNTS_KEY,
            description=f"Rows written by this run and rows now in the warehouse {report.md_text(warehouse)}",
        )
        create_markdown_artifact(
            report.rejects_markdown(summary, str(warehouse)),
            key=REJECTS_KEY,
            description="Inputs and rows this run rejected, by reason, with examples",
        )
    except Exception as e:
        log.warning("could not create the run's artifacts: %r", e)

"""Run one pipeline step on its own, keeping its output under warehouse/_work/ for the next step."""

from __future__ import annotations

import pickle
from pathlib import Path

from prefect import flow, task

from flows import pipeline as p
from kabar import steps
from kabar.settings import Settings
from kabar.warehouse import Warehouse

ORDER = ("ingest", "extract", "validate", "publish")


@task(name="ingest", **p.RETRY, **p.TASK)
def ingest(files: list, max_bytes: int) -> steps.Ingested:
    return p.read_batch(files, max_bytes)


@task(name="extract", **p.TASK)
def extract(ingested: steps.Ingested) -> steps.Extracted:
    return steps.extract(ingested)


def _work(warehouse: Path) -> Path:
    return warehouse / "_work"


def _load(warehouse: Path, step: str) -> list[tuple[Path, object]]:
    """Outputs of `step` saved by an earlier `kabar run step` (our own files, never raw input)."""
    files = sorted(_work(warehouse).glob(f"{step}-*.pkl"))
    if not files:
        raise FileNotFoundError(f"no output of the {step} step in {_work(warehouse)}; run `kabar run {step}` first")
    return [(f, pickle.loads(f.read_bytes())) for f in files]


def _save(warehouse: Path, step: str, n: int, obj: object) -> None:
    _work(warehouse).mkdir(parents=True, exist_ok=True)
    tmp = _work(warehouse) / f"{step}-{n:05d}.pkl.tmp"
    tmp.write_bytes(pickle.dumps(obj))
    tmp.replace(_work(warehouse) / f"{step}-{n:05d}.pkl")


@flow(name="kabar-step")
def run_step(
    step: str,
    raw: Path,
    warehouse: Path,
    batch_size: int | None = None,
    max_bytes: int | None = None,
    full: bool = False,
) -> dict:
    s = Settings.from_env(raw=raw, warehouse=warehouse, batch_size=batch_size, max_bytes=max_bytes)
    wh = Warehouse(s.warehouse)
    summary = steps.Summary()
    with wh.locked():
        if step == "ingest":
            plan = steps.plan_run(s.raw, s.warehouse, full=full)
            summary.inputs_seen, summary.unchanged = plan.seen, len(plan.unchanged)
            for n, files in enumerate(steps.batches(plan.todo, s.batch_size, s.batch_bytes)):
                ing = ingest(files, s.max_bytes)
                summary.add({"articles": len(ing.articles)})
                _save(s.warehouse, "ingest", n, ing)
        elif step == "extract":
            for f, ing in _load(s.warehouse, "ingest"):
                _save(s.warehouse, "extract", int(f.stem.split("-")[1]), extract(ing))
                f.unlink()
        elif step == "validate":
            for f, ex in _load(s.warehouse, "extract"):
                _save(s.warehouse, "validate", int(f.stem.split("-")[1]), p.validate(ex, s.expectations))
                f.unlink()
        elif step == "publish":
            for f, val in _load(s.warehouse, "validate"):
                summary.add(p.publish(val, s.warehouse))
                f.unlink()
    return summary.as_dict()

"""Great Expectations validation of each table's rows before publishing.

Suites are JSON files in expectations/ (one per table). Rows that fail an
expectation become rejects naming it; the rest are published. Helper columns
(offsets checked against the body, years of dates) are computed here so the
suites stay declarative.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from kabar.models import Reject

SUITES = ("articles", "meetings", "commitments", "topics")
# Per-row detail GX keeps in a COMPLETE result; the saved copy for Data Docs keeps GX's
# partial lists (20 values) instead, so a 2,000-row batch with failures stays a small file.
_FULL_LISTS = ("unexpected_list", "unexpected_index_list", "unexpected_index_query")


class SuiteError(RuntimeError):
    """An expectation suite file is missing or unreadable."""


_context_lock = threading.Lock()


def _context():
    with _context_lock:  # one context, even while warm_up() is still building it
        return _new_context()


def warm_up() -> threading.Thread:
    """Import GX and build its context in the background: the import alone takes seconds, which a
    caller can overlap with other start-up work (Prefect's server)."""
    thread = threading.Thread(target=_warm, name="gx-warm-up", daemon=True)
    thread.start()
    return thread


def _warm() -> None:
    try:
        _context()
    except Exception:  # noqa: BLE001 - validation itself will raise it again, where it is handled
        logging.getLogger(__name__).debug("GX warm-up failed", exc_info=True)


@cache
def _new_context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # slow import, only when validating
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = ctx.data_sources.add_pandas("kabar")
    return gx, ctx, source


def read_suite(folder: Path, name: str) -> dict:
    """A suite file's JSON (name, expectations, meta)."""
    path = folder / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SuiteError(f"cannot read expectation suite {path}: {e}") from e


@cache
def load_suite(folder: Path, name: str):
    gx, _, _ = _context()
    data = read_suite(folder, name)
    return gx.ExpectationSuite(name=data["name"], expectations=data["expectations"], meta=data.get("meta"))


@cache
def _batch_definition(name: str):
    _, _, source = _context()
    return source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(f"{name}_batch")


def run_suite(folder: Path, name: str, frame: pd.DataFrame) -> tuple[Any, dict[int, list[str]]]:
    """Validate frame; return the GX result and, per failing row index, the failed expectations."""
    suite = load_suite(folder, name)
    frame = frame.reset_index(drop=True)
    batch = _batch_definition(name).get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    failures: dict[int, list[str]] = {}
    for r in result.results:
        if r.success:
            continue
        cfg = r.expectation_config
        kw = cfg.kwargs
        label = f"{cfg.type}({kw.get('column') or kw.get('column_A') or ','.join(kw.get('column_list', []))})"
        idx = (r.result or {}).get("unexpected_index_list")
        if idx is None:
            idx = list(range(len(frame)))  # a table-level failure rejects the batch's rows
        for i in idx:
            i = i if isinstance(i, int) else int(i.get("index", 0)) if isinstance(i, dict) else int(i)
            failures.setdefault(i, []).append(label)
    return result, failures


def result_record(result: Any, when: dt.datetime | None = None) -> dict:
    """A validation result as GX's JSON, stamped with its time, without the per-row lists (for Data Docs)."""
    when = when or dt.datetime.now(dt.UTC)
    record = result.to_json_dict()
    for r in record["results"]:
        for key in _FULL_LISTS:
            (r.get("result") or {}).pop(key, None)
    record["meta"]["run_id"] = {"run_name": "kabar", "run_time": when.isoformat()}
    record["meta"]["validation_time"] = when.isoformat()
    return record


def _year(v: Any) -> float | None:
    return float(v.year) if isinstance(v, dt.date) else None


def helper_frame(name: str, rows: list[dict], bodies: dict[str, str], today: dt.date) -> pd.DataFrame:
    """Rows plus the helper columns the suites check."""
    out = []
    for r in rows:
        h: dict[str, Any] = {k: v for k, v in r.items() if not isinstance(v, list | dict)}
        body = bodies.get(r.get("article_id"), "")
        if name == "articles":
            h["body_length"] = len(r.get("body") or "")
            d = r.get("published_date")
            h["published_year"] = _year(d)
            h["days_after_today"] = float((d - today).days) if isinstance(d, dt.date) else None
        if name in ("meetings", "commitments"):
            h["body_length"] = len(body)
            s, e = r.get("evidence_start"), r.get("evidence_end")
            h["evidence_ok"] = bool(isinstance(s, int) and isinstance(e, int) and body[s:e] == r.get("evidence"))
        if name == "meetings":
            h["date_year"] = _year(r.get("meeting_date"))
            h["n_named"] = sum(1 for p in r.get("participants") or [] if p.get("name"))
        if name == "commitments":
            h["due_year"] = _year(r.get("due_date"))
            codes = r.get("party_countries") or []
            h["countries_ok"] = all(isinstance(c, str) and len(c) == 3 and c.isupper() for c in codes)
        out.append(h)
    return pd.DataFrame(out)


def validate_tables(
    tables: dict[str, list[dict]],
    folder: Path,
    source_of: dict[str, tuple[str, str]],
    today: dt.date | None = None,
) -> tuple[dict[str, list[dict]], list[Reject], dict[str, Any]]:
    """Split each table's rows into passing rows and rejects; a failed article takes its rows with it."""
    today = today or dt.date.today()
    bodies = {a["article_id"]: a.get("body") or "" for a in tables.get("articles", [])}
    passed: dict[str, list[dict]] = {}
    rejects: list[Reject] = []
    results: dict[str, Any] = {}
    failed_articles: set[str] = set()
    for name in SUITES:
        rows = tables.get(name, [])
        if name != "articles":
            rows = [r for r in rows if r.get("article_id") not in failed_articles]
        if not rows:
            passed[name] = []
            continue
        result, failures = run_suite(folder, name, helper_frame(name, rows, bodies, today))
        results[name] = result
        keep = []
        for i, row in enumerate(rows):
            if i not in failures:
                keep.append(row)
                continue
            aid = row.get("article_id")
            if name == "articles":
                failed_articles.add(aid)
            src, file = source_of.get(aid, ("", ""))
            rejects.append(
                Reject(
                    source_file=src,
                    stage="validate",
                    reason_code="failed_expectation",
                    reason=f"{name} row failed: {', '.join(sorted(set(failures[i])))}",
                    record=json.dumps(row, default=str, ensure_ascii=False)[:4000],
                    article_id=aid,
                    table=name,
                    file=file,
                )
            )
        passed[name] = keep
    return passed, rejects, results

"""The pipeline's steps as plain functions over batches; flows/ only wires them together."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kabar.extract import extract_article
from kabar.ingest import to_article
from kabar.models import Article, Reject
from kabar.sources import InputFile, read_input, walk
from kabar.state import State
from kabar.transient import is_transient
from kabar.validate import result_record, validate_tables
from kabar.warehouse import Batch, Warehouse, partition_of


@dataclass
class Plan:
    """Files to process now, and what the walk already rejected or skipped."""

    todo: list[InputFile] = field(default_factory=list)
    unchanged: list[InputFile] = field(default_factory=list)
    walk_rejects: list[Reject] = field(default_factory=list)
    seen: int = 0


@dataclass
class Ingested:
    files: list[InputFile]
    articles: list[Article]
    rejects: list[Reject]
    seconds: Counter = field(default_factory=Counter)  # time spent per step on this batch


@dataclass
class Extracted:
    ingested: Ingested
    tables: dict[str, list[dict]]


@dataclass
class Validated:
    ingested: Ingested
    tables: dict[str, list[dict]]
    rejects: list[Reject]
    results: dict[str, dict] = field(default_factory=dict)  # GX result JSON per table, for Data Docs


# Example inputs kept per reject reason for the run's report, as many as `kabar rejects` shows.
REJECT_EXAMPLES = 3


@dataclass
class Summary:
    """Counts for the end-of-run screen."""

    inputs_seen: int = 0
    unchanged: int = 0
    articles: int = 0
    duplicates: int = 0
    rows: Counter = field(default_factory=Counter)
    rejects: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)
    reject_examples: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, other: dict[str, Any]) -> None:
        self.articles += other.get("articles", 0)
        self.duplicates += other.get("duplicates", 0)
        self.rows.update(other.get("rows", {}))
        self.rejects.update(other.get("rejects", {}))
        self.seconds.update(other.get("seconds", {}))
        for code, items in other.get("reject_examples", {}).items():
            kept = self.reject_examples.setdefault(code, [])
            kept += items[: REJECT_EXAMPLES - len(kept)]

    def as_dict(self) -> dict[str, Any]:
        return {
            "inputs_seen": self.inputs_seen,
            "unchanged": self.unchanged,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "rows": dict(self.rows),
            "rejects": dict(self.rejects),
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
            "reject_examples": self.reject_examples,
        }


def reject_examples(rejects: list[Reject]) -> dict[str, list[dict]]:
    """The first few rejects of each reason, as the run's report shows them."""
    out: dict[str, list[dict]] = {}
    for r in rejects:
        kept = out.setdefault(r.reason_code, [])
        if len(kept) < REJECT_EXAMPLES:
            kept.append({"source_file": r.source_file, "stage": r.stage, "reason": r.reason})
    return out


def plan(raw: Path, state: State, full: bool = False) -> Plan:
    """Walk raw/ and keep the files that are new or changed since the last run."""
    if not raw.is_dir():
        raise FileNotFoundError(f"the raw folder {raw} does not exist or is not a folder")
    known = {} if full else state.known_files()
    p = Plan()
    for item in walk(raw):
        p.seen += 1
        if isinstance(item, Reject):
            p.walk_rejects.append(item)
            continue
        prev = known.get(item.rel)
        if prev and prev[1] == item.size and prev[2] == item.mtime_ns:
            p.unchanged.append(item)
        else:
            p.todo.append(item)
    # Duplicates of a changed article go last, so one of them takes its place if its text changed.
    again = state.duplicate_files_of([f.rel for f in p.todo]) if p.todo else set()
    p.todo += [f for f in p.unchanged if f.rel in again]
    p.unchanged = [f for f in p.unchanged if f.rel not in again]
    return p


def plan_run(raw: Path, warehouse: Path, full: bool = False) -> Plan:
    """plan() against the warehouse's own state."""
    state = Warehouse(warehouse).state()
    try:
        return plan(raw, state, full=full)
    finally:
        state.close()


# With several workers, batches are cut small enough for this many per worker (when there are
# files enough), so that no worker idles while another finishes the last big batch.
BATCHES_PER_WORKER = 8


# Each local worker is a process holding its own batches in memory: the default stops at this many.
MAX_AUTO_WORKERS = 8


def auto_workers(files: list[InputFile], size: int, max_bytes: int | None, cpus: int | None) -> int:
    """Workers for the default mode: a worker per core (up to MAX_AUTO_WORKERS) once the input is more
    than one batch (a local Dask cluster starts in a few seconds, which a single batch would not win
    back), else one, in process."""
    return min(cpus or 1, MAX_AUTO_WORKERS, len(batches(files, size, max_bytes))) if files else 1


def batches(files: list[InputFile], size: int, max_bytes: int | None = None, workers: int = 1) -> list[list[InputFile]]:
    """Consecutive runs of at most `size` files and, past the first file, at most `max_bytes` of input;
    with several workers, smaller runs (BATCHES_PER_WORKER each)."""
    if workers > 1:
        share = BATCHES_PER_WORKER * workers
        size = min(size, max(1, -(-len(files) // share)))
        total = sum(f.size for f in files)
        max_bytes = min(max_bytes or total, max(1, -(-total // share)))
    out: list[list[InputFile]] = []
    current: list[InputFile] = []
    used = 0
    for f in files:
        if current and (len(current) >= size or (max_bytes is not None and used + f.size > max_bytes)):
            out.append(current)
            current, used = [], 0
        current.append(f)
        used += f.size
    if current:
        out.append(current)
    return out


def ingest(
    files: list[InputFile], max_bytes: int, today: dt.date | None = None, raise_transient: bool = False
) -> Ingested:
    """Read and clean a batch of files into articles and rejects.

    A transient read error (EIO, ESTALE, ...) is raised when `raise_transient` is set, so the
    caller can retry the batch; otherwise (the last try) the file is rejected as unreadable.
    """
    # Steps are timed in CPU seconds of their thread: in the flow they overlap in threads, and
    # wall time would count each one's waits for the others.
    started = time.thread_time()
    articles: list[Article] = []
    rejects: list[Reject] = []
    for f in files:
        try:
            for doc in read_input(f, max_bytes):
                if isinstance(doc, Reject):
                    rejects.append(doc)
                    continue
                out = to_article(doc, today)
                (rejects if isinstance(out, Reject) else articles).append(out)
        except Exception as e:  # one bad input must never stop the run
            if not is_transient(e):
                rejects.append(
                    Reject(f.rel, "ingest", "internal_error", f"kabar failed on this input: {e!r}", file=f.rel)
                )
            elif raise_transient:
                raise
            else:
                why = getattr(e, "strerror", None) or e
                rejects.append(Reject(f.rel, "ingest", "unreadable", f"the file cannot be read ({why})", file=f.rel))
    out = Ingested(files=files, articles=articles, rejects=rejects)
    out.seconds["ingest"] += time.thread_time() - started
    return out


def extract(ingested: Ingested) -> Extracted:
    """Meetings, commitments and topics of every article in the batch."""
    started = time.thread_time()
    tables: dict[str, list[dict]] = {"articles": [], "meetings": [], "commitments": [], "topics": []}
    keep: list[Article] = []
    for a in ingested.articles:
        try:
            ex = extract_article(a)
        except Exception as e:  # keep the article, report the extractor's failure
            ingested.rejects.append(
                Reject(
                    a.source_file,
                    "extract",
                    "internal_error",
                    f"extraction failed on this article: {e!r}",
                    article_id=a.article_id,
                    file=a.file,
                )
            )
            ex = None
        keep.append(a)
        year, month = partition_of(a.published_date)
        row = a.to_row()
        tables["articles"].append({**row, "year": year, "month": month})
        if ex is not None:
            for name, rows in (
                ("meetings", ex.meetings),
                ("commitments", ex.commitments),
                ("topics", ex.topics),
            ):
                tables[name] += [{**r, "year": year, "month": month} for r in rows]
    ingested.articles = keep
    ingested.seconds["extract"] += time.thread_time() - started
    return Extracted(ingested=ingested, tables=tables)


def validate(extracted: Extracted, expectations: Path, today: dt.date | None = None) -> Validated:
    started = time.thread_time()
    source_of = {a.article_id: (a.source_file, a.file) for a in extracted.ingested.articles}
    passed, rejects, results = validate_tables(_dedupe_articles(extracted.tables), expectations, source_of, today)
    records = {name: result_record(r) for name, r in results.items()}
    extracted.ingested.seconds["validate"] += time.thread_time() - started
    return Validated(
        ingested=extracted.ingested, tables=passed, rejects=extracted.ingested.rejects + rejects, results=records
    )


def _dedupe_articles(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The same article twice in one batch is one article (the duplicate is recorded in build_batch)."""
    seen: set[str] = set()
    arts = []
    for a in tables["articles"]:
        if a["article_id"] not in seen:
            seen.add(a["article_id"])
            arts.append(a)
    out = dict(tables)
    out["articles"] = arts
    for name, key_col in (
        ("meetings", "meeting_id"),
        ("commitments", "commitment_id"),
        ("topics", "topic_id"),
    ):
        unique: dict[tuple, dict] = {}
        for r in tables[name]:
            unique.setdefault((r["article_id"], r[key_col]), r)
        out[name] = list(unique.values())
    return out


def build_batch(v: Validated, state: State) -> tuple[Batch, dict[str, Any]]:
    """Decide what this batch adds, replaces and records; counts for the summary."""
    files = v.ingested.files
    old = state.inputs_of(f.rel for f in files)
    replaced = {r.article_id for r in old if r.outcome == "article" and r.article_id}
    published = state.sources(a["article_id"] for a in v.tables["articles"])
    b = Batch()
    b.remove_articles = {aid: part for aid, part in state.published(replaced).items()}
    b.remove_reject_files = {f.rel for f in files}
    b.validations = v.results
    b.state_files = [{"file": f.rel, "file_hash": "", "size": f.size, "mtime_ns": f.mtime_ns} for f in files]
    passing = {a["article_id"]: a for a in v.tables["articles"]}
    counts: dict[str, Any] = {
        "articles": 0,
        "duplicates": 0,
        "rows": Counter(),
        "rejects": Counter(),
        "seconds": Counter(v.ingested.seconds),
        "reject_examples": reject_examples(v.rejects),
    }
    first_source: dict[str, str] = {}
    for a in v.ingested.articles:
        aid = a.article_id
        row = passing.get(aid)
        if row is None:
            continue  # rejected by validation; recorded there
        elsewhere = aid in published and aid not in replaced
        if elsewhere or aid in first_source:
            b.state_inputs.append(
                _input(
                    a.source_file,
                    a.file,
                    "duplicate",
                    aid,
                    reason_code="duplicate",
                    reason=f"same text as {first_source.get(aid) or published[aid]}",
                )
            )
            counts["duplicates"] += 1
            continue
        first_source[aid] = a.source_file
        year, month = row["year"], row["month"]
        b.state_inputs.append(_input(a.source_file, a.file, "article", aid, year=year, month=month))
        counts["articles"] += 1
    keep_ids = set(first_source)
    for name in ("articles", "meetings", "commitments", "topics"):
        b.rows[name] = [r for r in v.tables[name] if r["article_id"] in keep_ids]
        counts["rows"][name] = len(b.rows[name])
    for r in v.rejects:
        b.rejects.append(r.to_row())
        counts["rejects"][r.reason_code] += 1
        if r.stage in ("ingest",) or (r.stage == "validate" and r.table == "articles"):
            b.state_inputs.append(
                _input(
                    r.source_file,
                    r.file or r.source_file,
                    "rejected",
                    r.article_id,
                    reason_code=r.reason_code,
                    reason=r.reason,
                )
            )
    hashes = {a.file: a.file_hash for a in v.ingested.articles}
    for f in b.state_files:
        f["file_hash"] = hashes.get(f["file"], "")
    return b, counts


def _input(source_file: str, file: str, outcome: str, article_id: str | None = None, **kw: Any) -> dict:
    return {
        "source_file": source_file,
        "file": file,
        "outcome": outcome,
        "article_id": article_id,
        "reason_code": kw.get("reason_code"),
        "reason": kw.get("reason"),
        "year": kw.get("year"),
        "month": kw.get("month"),
    }


def walk_reject_batch(rejects: list[Reject]) -> Batch:
    """Rejects found while walking (symlinks, unreadable folders) replace their previous record."""
    b = Batch()
    b.rejects = [r.to_row() for r in rejects]
    b.remove_reject_files = {r.file or r.source_file for r in rejects}
    b.state_inputs = [
        _input(
            r.source_file,
            r.file or r.source_file,
            "rejected",
            None,
            reason_code=r.reason_code,
            reason=r.reason,
        )
        for r in rejects
    ]
    b.state_files = [{"file": r.file or r.source_file, "file_hash": "", "size": -1, "mtime_ns": -1} for r in rejects]
    return b

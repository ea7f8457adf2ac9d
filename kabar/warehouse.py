"""The warehouse on disk: partition paths, atomic and idempotent publishing, recovery, lock.

Every batch is staged under _staging/<batch>/ and described by a COMMIT.json journal;
only then are files moved into place with atomic renames. A run killed at any
point leaves each partition file either old or new, and the next run rolls a
committed batch forward or discards an uncommitted one.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import shutil
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from kabar import catalog
from kabar.datadocs import save_latest
from kabar.schemas import SCHEMAS, TABLES, to_table
from kabar.state import State

NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
# A reader infers the type of year/month from the folder names; a table of undated rows only has
# none to infer from, and pyarrow refuses it. A zero-row file in this partition gives the type.
ANCHOR_PARTITION = (1970, 1)
ANCHOR_FILE = "part-anchor.parquet"
PARTITION_TABLES = TABLES
STAGING = "_staging"
STATE_DB = "_state/kabar.sqlite"


class WarehouseLocked(RuntimeError):
    """Another kabar run holds this warehouse."""


def partition_of(date: dt.date | None) -> tuple[int | None, int | None]:
    return (date.year, date.month) if date else (None, None)


def partition_path(root: Path, table: str, key: tuple) -> Path:
    """The one function that turns partition values into a path; values are ints or fixed words only."""
    if table == "rejects":
        (stage,) = key
        if stage not in ("ingest", "extract", "validate", "publish"):
            raise ValueError(f"unknown reject stage {stage!r}")
        return root / "rejects" / f"stage={stage}"
    year, month = key
    for v in (year, month):
        if v is not None and not isinstance(v, int):
            raise TypeError("partition values must be integers")
    y = NULL_PARTITION if year is None else str(year)
    m = NULL_PARTITION if month is None else str(month)
    return root / table / f"year={y}" / f"month={m}"


def read_table(root: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """A whole table as Arrow, with hive partition columns; empty (with schema) when absent."""
    path = root / table
    files = list(path.rglob("*.parquet")) if path.exists() else []
    if not files:
        return SCHEMAS[table].empty_table()
    first = pads.dataset(path, format="parquet", partitioning="hive")
    # Files written before a column was added lack it: read with the union of all files' schemas.
    schema = pa.unify_schemas([pq.read_schema(f) for f in files], promote_options="permissive")
    for f in first.schema:  # the partition columns
        if f.name not in schema.names:
            schema = schema.append(f)
    return pads.dataset(path, format="parquet", partitioning="hive", schema=schema).to_table(columns=columns)


def count_rows(root: Path, table: str) -> int:
    """Rows of a whole table, from the Parquet footers alone (no data is read)."""
    path = root / table
    files = list(path.rglob("*.parquet")) if path.exists() else []
    return sum(pq.read_metadata(f).num_rows for f in files)


@dataclass
class Batch:
    """Rows to publish, and what they replace."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    rejects: list[dict] = field(default_factory=list)
    remove_articles: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    remove_reject_files: set[str] = field(default_factory=set)
    state_files: list[dict] = field(default_factory=list)
    state_inputs: list[dict] = field(default_factory=list)
    validations: dict[str, dict] = field(default_factory=dict)  # latest GX result per table (Data Docs)


class Warehouse:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock_fd: int | None = None

    # -- lock -------------------------------------------------------------
    @contextmanager
    def locked(self, recover: bool = True) -> Iterator[Warehouse]:
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root / ".kabar.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise WarehouseLocked(f"another kabar run is using {self.root}; wait for it to finish") from None
        try:
            if recover:
                self.recover()
            yield self
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def state(self) -> State:
        return State(self.root / STATE_DB)

    # -- recovery ---------------------------------------------------------
    def recover(self) -> None:
        """Roll committed batches forward and drop uncommitted ones."""
        staging = self.root / STAGING
        if not staging.exists():
            return
        for batch in sorted(staging.iterdir()):
            if (batch / "COMMIT.json").exists():
                self._roll_forward(batch)
            else:
                shutil.rmtree(batch, ignore_errors=True)

    def _roll_forward(self, batch_dir: Path) -> None:
        journal = json.loads((batch_dir / "COMMIT.json").read_text(encoding="utf-8"))
        for op in journal["ops"]:
            target = self.root / op["target"]
            if op["op"] == "put":
                staged = batch_dir / op["staged"]
                if staged.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(staged, target)
            elif op["op"] == "delete" and target.exists():
                target.unlink()
        state = self.state()
        try:
            state.apply(journal["state_files"], journal["state_inputs"], journal["drop_files"])
        finally:
            state.close()
        shutil.rmtree(batch_dir, ignore_errors=True)

    # -- publish ----------------------------------------------------------
    def publish(self, batch: Batch) -> dict[str, int]:
        """Stage, journal and move one batch into place; returns rows written per table."""
        batch_id = uuid.uuid4().hex[:16]
        stage_dir = self.root / STAGING / batch_id
        stage_dir.mkdir(parents=True)
        ops: list[dict] = []
        written: dict[str, int] = {}

        def stage(table: pa.Table, target: Path) -> None:
            rel = target.relative_to(self.root).as_posix()
            staged = stage_dir / rel
            staged.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, staged, compression="zstd")
            ops.append({"op": "put", "staged": rel, "target": rel})

        # Rewrite files that hold rows being replaced.
        for table in PARTITION_TABLES:
            by_part: dict[tuple, set[str]] = defaultdict(set)
            for aid, part in batch.remove_articles.items():
                by_part[part].add(aid)
            for part, ids in by_part.items():
                self._filter_files(partition_path(self.root, table, part), "article_id", ids, stage, ops)
        if batch.remove_reject_files:
            for d in (self.root / "rejects").glob("stage=*"):
                self._filter_files(d, "file", batch.remove_reject_files, stage, ops)

        # New rows, one file per partition.
        name = f"part-{batch_id}.parquet"
        for table in PARTITION_TABLES:
            groups: dict[tuple, list[dict]] = defaultdict(list)
            for row in batch.rows.get(table, []):
                groups[(row.get("year"), row.get("month"))].append(row)
            for part, rows in sorted(groups.items(), key=lambda kv: str(kv[0])):
                stage(_without_partition(to_table(table, rows)), partition_path(self.root, table, part) / name)
            anchor = partition_path(self.root, table, ANCHOR_PARTITION) / ANCHOR_FILE
            if (None, None) in groups and not anchor.exists():
                stage(_without_partition(SCHEMAS[table].empty_table()), anchor)
            written[table] = len(batch.rows.get(table, []))
        reject_groups: dict[str, list[dict]] = defaultdict(list)
        for r in batch.rejects:
            reject_groups[r["stage"]].append(r)
        for stage_name, rows in reject_groups.items():
            stage(
                _without_partition(to_table("rejects", rows), ("stage",)),
                partition_path(self.root, "rejects", (stage_name,)) / name,
            )
        written["rejects"] = len(batch.rejects)

        journal = {
            "ops": ops,
            "state_files": batch.state_files,
            "state_inputs": batch.state_inputs,
            "drop_files": sorted({f["file"] for f in batch.state_files}),
        }
        tmp = stage_dir / "COMMIT.json.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(journal, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, stage_dir / "COMMIT.json")
        self._roll_forward(stage_dir)
        # Reports on the published data, not part of it: neither is journalled, and a catalog
        # held open by a BI tool only costs a warning (catalog.refresh never raises for that).
        save_latest(self.root, batch.validations)
        catalog.refresh(self.root)
        return written

    def _filter_files(self, folder: Path, column: str, values: set[str], stage, ops: list[dict]) -> None:
        if not folder.exists():
            return
        for f in sorted(folder.glob("*.parquet")):
            keys = pq.read_table(f, columns=[column]).column(column).to_pylist()
            if not values.intersection(keys):
                continue
            t = pq.read_table(f)
            keep = [k not in values for k in keys]
            kept = t.filter(pa.array(keep))
            if kept.num_rows:
                stage(kept, f)
            else:
                ops.append({"op": "delete", "target": f.relative_to(self.root).as_posix()})


def _without_partition(t: pa.Table, cols: tuple[str, ...] = ("year", "month")) -> pa.Table:
    """Partition values live in the path only, so readers never see two copies."""
    return t.drop_columns([c for c in cols if c in t.column_names])

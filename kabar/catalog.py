"""A DuckDB catalog of the warehouse: one view per table over its Parquet files, for SQL and BI tools.

warehouse/kabar.duckdb holds views only, no data. A view's `read_parquet` glob is resolved when
it is queried, so it stays current as batches land; it is rewritten only when its definition
changes (the table's first files, a moved warehouse, a new contract column). A stamp in _state/
remembers what the file was last given, so the refresh after a publish that changed no definition
costs a few stat calls instead of opening DuckDB (~50 ms). Each view starts from an empty row set
typed like the contract, so a table with no files yet, or files written before a column existed,
still shows every contract column.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import duckdb
import pyarrow as pa

from kabar.schemas import SCHEMAS

CATALOG_FILE = "kabar.duckdb"
STAMP_FILE = Path("_state") / "catalog.json"
VIEWS = ("articles", "meetings", "commitments", "topics", "rejects")
# Partition columns live in the folder names only; DuckDB reads them back with these types.
HIVE_TYPES = {"rejects": {"stage": "VARCHAR"}}
DEFAULT_HIVE_TYPES = {"year": "INTEGER", "month": "INTEGER"}
# DuckDB 2.x writes files that 1.x cannot open, and BI tools often bundle an older driver; the
# catalog holds only views, so the oldest storage format costs nothing.
FILE_CONFIG = {"storage_compatibility_version": "v1.0.0"}

log = logging.getLogger(__name__)


def sql_type(t: pa.DataType) -> str:
    """The DuckDB type of an Arrow type used in kabar's schemas."""
    if pa.types.is_list(t):
        return f"{sql_type(t.value_type)}[]"
    if pa.types.is_struct(t):
        return "STRUCT(" + ", ".join(f"{_ident(f.name)} {sql_type(f.type)}" for f in t) + ")"
    simple = {
        pa.string(): "VARCHAR",
        pa.date32(): "DATE",
        pa.int32(): "INTEGER",
        pa.int64(): "BIGINT",
        pa.float32(): "FLOAT",
        pa.float64(): "DOUBLE",
        pa.bool_(): "BOOLEAN",
    }
    if t not in simple:
        raise TypeError(f"no DuckDB type for {t}")
    return simple[t]


def view_sql(root: Path, table: str) -> str:
    """The SELECT behind a table's view: the contract's typed columns, then the table's files if any."""
    empty = ", ".join(f"CAST(NULL AS {sql_type(f.type)}) AS {_ident(f.name)}" for f in SCHEMAS[table])
    sql = f"SELECT {empty} WHERE false"
    folder = root.resolve() / table
    if folder.is_dir() and next(folder.rglob("*.parquet"), None) is not None:
        glob = _literal(f"{folder.as_posix()}/**/*.parquet")
        types = ", ".join(f"{_literal(k)}: {v}" for k, v in HIVE_TYPES.get(table, DEFAULT_HIVE_TYPES).items())
        sql += (
            f"\nUNION ALL BY NAME\nSELECT * FROM read_parquet({glob}, hive_partitioning = true,"
            f" union_by_name = true, hive_types = {{{types}}})"
        )
    return sql


def definitions(root: Path) -> dict[str, str]:
    """Every view's SELECT, by table."""
    return {table: view_sql(root, table) for table in VIEWS}


def create_views(con: duckdb.DuckDBPyConnection, views: dict[str, str], only_changed: bool = False) -> int:
    """(Re)create the views on con; with only_changed, skip those whose comment shows they are current."""
    current = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    changed = 0
    for table, sql in views.items():
        tag = f"kabar {table}: {_digest(sql)}"
        if only_changed and current.get(table) == tag:
            continue
        con.execute(f"CREATE OR REPLACE VIEW {_ident(table)} AS {sql}")
        con.execute(f"COMMENT ON VIEW {_ident(table)} IS {_literal(tag)}")
        changed += 1
    return changed


def refresh(root: Path) -> bool:
    """Bring warehouse/kabar.duckdb's views up to date; False (with a warning) when it cannot be written.

    Never raises for a busy or unreadable catalog: a BI tool holding the file must not fail a run.
    """
    path = root / CATALOG_FILE
    try:
        views = definitions(root)
        want = _digest(json.dumps(views, sort_keys=True))
        if _stamp(root) == {"views": want, "file": _file_id(path)}:
            return True
        con = _open(path)
    except (duckdb.Error, OSError) as e:
        log.warning("DuckDB catalog %s not refreshed (in use by another program?): %s", path, first_line(e))
        return False
    try:
        create_views(con, views, only_changed=True)
    except duckdb.Error as e:
        log.warning("DuckDB catalog %s not refreshed: %s", path, first_line(e))
        return False
    finally:
        con.close()
    try:
        stamp = root / STAMP_FILE
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps({"views": want, "file": _file_id(path)}), encoding="utf-8")
    except OSError:  # without a stamp the next refresh opens the file and finds the views current
        pass
    return True


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the same views, for queries that must not touch the catalog file."""
    con = duckdb.connect()
    create_views(con, definitions(root))
    return con


def _open(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), config=FILE_CONFIG)
    except duckdb.InvalidInputException:  # a DuckDB older than the setting writes an old format anyway
        return duckdb.connect(str(path))


def _stamp(root: Path) -> dict | None:
    try:
        return json.loads((root / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _file_id(path: Path) -> list[int] | None:
    """Changes whenever anything (kabar or a BI tool) rewrites or replaces the catalog file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]

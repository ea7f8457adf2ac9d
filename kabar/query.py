"""SQL over the warehouse tables through the catalog's views; results as cells, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from kabar import catalog


class QueryError(ValueError):
    """The SQL did not parse, bind or run; the message is DuckDB's first line."""


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def run_query(root: Path, sql: str) -> Result:
    """Run sql against the warehouse's views.

    The query runs on an in-memory connection holding the same views as warehouse/kabar.duckdb,
    so it never waits for, nor blocks, a BI tool or a run holding that file; the file's views
    are refreshed on the way (best effort), which repoints them after the warehouse has moved.
    """
    catalog.refresh(root)
    con = catalog.connect(root)
    try:
        cur = con.execute(sql)  # statements that change something change only the in-memory copy
        return Result([d[0] for d in cur.description or []], cur.fetchall())
    except duckdb.Error as e:
        raise QueryError(catalog.first_line(e)) from None
    finally:
        con.close()


def cell(value: Any) -> str:
    """A value as text for a table or CSV cell: NULL is empty, lists and structs are JSON."""
    if value is None:
        return ""
    if isinstance(value, list | dict | tuple):
        return json.dumps(_plain(value), ensure_ascii=False, default=str)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    return str(value)


def to_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(result.columns)
    w.writerows([cell(v) for v in row] for row in result.rows)
    return buf.getvalue()


def to_json(result: Result) -> str:
    """One JSON array of row objects (dates as ISO strings)."""
    return json.dumps([_plain(r) for r in result.records()], ensure_ascii=False, indent=1, default=str)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value

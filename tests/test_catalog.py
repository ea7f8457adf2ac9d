"""The DuckDB catalog (warehouse/kabar.duckdb), `kabar sql` and the example queries in queries/."""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from flows.cli import app
from kabar import catalog
from kabar.query import QueryError, run_query
from kabar.schemas import SCHEMAS
from kabar.warehouse import read_table

from .conftest import REPO, SAMPLE
from .test_warehouse import TEXT, run

QUERIES = sorted((REPO / "queries").glob("*.sql"))
runner = CliRunner()


@pytest.fixture(scope="module")
def wh(tmp_path_factory) -> Path:
    """The sample article, an undated article and an empty file (a reject), published."""
    root = tmp_path_factory.mktemp("catalog")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    (raw / "undated.txt").write_text(TEXT.replace(" pada Rabu (10/5/2023)", ""))
    (raw / "empty.txt").write_text("")
    run(raw, root / "wh")
    return root / "wh"


def loose(t: pa.DataType) -> pa.DataType:
    """An Arrow type without what SQL cannot say (nested NOT NULL, the list item's name)."""
    if pa.types.is_list(t):
        return pa.list_(loose(t.value_type))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, loose(f.type)) for f in t])
    return t


def contract(con: duckdb.DuckDBPyConnection, table: str) -> tuple[list, list]:
    """(what the view gives, what the contract says) for the contract's columns, as (name, Arrow type)."""
    got = con.sql(f"SELECT * FROM {table}").to_arrow_table().schema
    want = SCHEMAS[table]
    return [(n, loose(got.field(n).type)) for n in want.names], [(f.name, loose(f.type)) for f in want]


@pytest.mark.parametrize("table", catalog.VIEWS)
def test_the_catalog_file_has_a_view_per_table_that_reads_what_was_published(wh, table):
    con = duckdb.connect(str(wh / catalog.CATALOG_FILE), read_only=True)
    try:
        n = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
        assert n == read_table(wh, table).num_rows > 0
        got, want = contract(con, table)
        assert got == want
    finally:
        con.close()


def test_undated_rows_have_null_year_and_month(wh):
    con = duckdb.connect(str(wh / catalog.CATALOG_FILE), read_only=True)
    try:
        rows = con.execute("SELECT published_date, year, month FROM articles ORDER BY year NULLS LAST").fetchall()
    finally:
        con.close()
    assert rows == [(dt.date(2023, 5, 10), 2023, 5), (None, None, None)]


def test_tables_without_files_are_empty_views_with_the_contract_columns(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_text("")
    run(raw, tmp_path / "wh")
    assert not (tmp_path / "wh" / "meetings").exists()
    con = duckdb.connect(str(tmp_path / "wh" / catalog.CATALOG_FILE), read_only=True)
    try:
        for table in ("articles", "meetings", "commitments", "topics"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] == 0
            got, want = contract(con, table)
            assert got == want
        assert con.execute("SELECT count(*) FROM rejects").fetchall()[0][0] == 1
    finally:
        con.close()
    # The table's first files change its view's definition: the next publish rewrites it.
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    run(raw, tmp_path / "wh")
    con = duckdb.connect(str(tmp_path / "wh" / catalog.CATALOG_FILE), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM meetings").fetchall()[0][0] == 1
    finally:
        con.close()


HOLD = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print("holding", flush=True)
sys.stdin.readline()
"""


def test_a_catalog_held_open_by_another_program_does_not_fail_the_run(tmp_path, sample_raw, caplog):
    wh = tmp_path / "wh"
    wh.mkdir()
    duckdb.connect(str(wh / catalog.CATALOG_FILE)).close()  # an empty catalog, as a BI tool would find it
    (sample_raw / "undated.txt").write_text(TEXT.replace(" pada Rabu (10/5/2023)", ""))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(wh / catalog.CATALOG_FILE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with caplog.at_level("WARNING", logger="kabar.catalog"):
            out = run(sample_raw, wh)
        assert out["articles"] == 2
        assert read_table(wh, "meetings").num_rows == 2
        assert any("not refreshed" in r.getMessage() for r in caplog.records)
    finally:
        holder.communicate("\n", timeout=60)
    assert catalog.refresh(wh)  # the lock is gone: the views are written
    con = duckdb.connect(str(wh / catalog.CATALOG_FILE), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM meetings").fetchall()[0][0] == 2
    finally:
        con.close()


def test_a_moved_warehouse_is_repointed_by_a_query(wh, tmp_path):
    moved = tmp_path / "moved"
    shutil.copytree(wh, moved)
    stale = duckdb.connect(str(moved / catalog.CATALOG_FILE), read_only=True)
    try:
        sql = stale.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'meetings'").fetchall()[0][0]
    finally:
        stale.close()
    assert str(wh.resolve()) in sql
    result = run_query(moved, "SELECT count(*) AS n FROM meetings")
    assert result.rows == [(2,)]
    con = duckdb.connect(str(moved / catalog.CATALOG_FILE), read_only=True)
    try:
        sql = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = 'meetings'").fetchall()[0][0]
    finally:
        con.close()
    assert str(moved.resolve()) in sql and str(wh.resolve()) not in sql


def test_sql_errors_are_query_errors_of_one_line(wh):
    with pytest.raises(QueryError) as e:
        run_query(wh, "SELECT nope FROM meetings")
    assert "nope" in str(e.value) and "\n" not in str(e.value)


# -- the example queries ------------------------------------------------------------------


def test_there_are_five_example_queries_and_the_readme_shows_each():
    assert len(QUERIES) >= 5
    readme = re.sub(r"\s+", " ", (REPO / "README.md").read_text(encoding="utf-8"))
    for q in QUERIES:
        assert re.sub(r"\s+", " ", q.read_text(encoding="utf-8").strip()) in readme, f"README lacks {q.name}"


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_example_query_runs_on_the_sample(wh, path):
    result = run_query(wh, path.read_text(encoding="utf-8"))
    assert result.columns
    if path.stem == "commitments_due_next_quarter":
        today = dt.date.today()
        start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        lo = _add_months(start, 3)
        hi = _add_months(start, 6)
        due = [c["due_date"] for c in read_table(wh, "commitments").to_pylist() if c["due_date"]]
        assert len(result.rows) == sum(lo <= d < hi for d in due)
    else:
        assert result.rows, f"{path.name} found nothing in the sample warehouse"


def test_meetings_by_country_pair_counts_each_pair_per_month(wh):
    result = run_query(wh, (REPO / "queries" / "meetings_by_country_pair.sql").read_text(encoding="utf-8"))
    want: dict[tuple, int] = {}
    for m in read_table(wh, "meetings").to_pylist():
        codes = sorted({p["country_code"] for p in m["participants"] if p["country_code"]})
        for i, a in enumerate(codes):
            for b in codes[i + 1 :]:
                key = (m["year"], m["month"], a, b)
                want[key] = want.get(key, 0) + 1
    assert {tuple(r[:4]): r[4] for r in result.rows} == want


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, 1)


# -- kabar sql ------------------------------------------------------------------------------


def test_kabar_sql_prints_a_table_csv_or_json(wh):
    sql = "SELECT meeting_type, city, year FROM meetings ORDER BY year NULLS LAST"
    table = runner.invoke(app, ["sql", sql, "--warehouse", str(wh)])
    assert table.exit_code == 0, table.output
    assert "meeting_type" in table.output and "Labuan Bajo" in table.output and "2 rows" in table.output
    csv_out = runner.invoke(app, ["sql", sql, "--warehouse", str(wh), "--format", "csv"])
    lines = csv_out.output.strip().splitlines()
    assert lines[0] == "meeting_type,city,year" and lines[1].endswith(",Labuan Bajo,2023") and len(lines) == 3
    js = runner.invoke(app, ["sql", sql, "--warehouse", str(wh), "--format", "json"])
    rows = json.loads(js.output)
    assert rows[0]["city"] == "Labuan Bajo" and rows[0]["year"] == 2023 and rows[1]["year"] is None


def test_kabar_sql_reads_a_query_file(wh):
    path = REPO / "queries" / "rejects_by_reason.sql"
    result = runner.invoke(app, ["sql", "--file", str(path), "--warehouse", str(wh), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [(r["stage"], r["reason_code"], r["rejects"]) for r in json.loads(result.output)] == [("ingest", "empty", 1)]


def test_kabar_sql_error_is_one_line_and_exit_code_2(wh):
    result = runner.invoke(app, ["sql", "SELEKT 1", "--warehouse", str(wh)])
    assert result.exit_code == 2
    assert result.output.startswith("kabar: SQL error:") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
    missing = runner.invoke(app, ["sql", "SELECT 1", "--warehouse", str(wh.parent / "nowhere")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    assert not (wh.parent / "nowhere").exists()


def test_kabar_sql_never_writes_to_the_catalog_file(wh):
    before = os.stat(wh / catalog.CATALOG_FILE).st_mtime_ns
    result = runner.invoke(app, ["sql", "CREATE VIEW scratch AS SELECT 1", "--warehouse", str(wh)])
    assert result.exit_code == 0
    con = duckdb.connect(str(wh / catalog.CATALOG_FILE), read_only=True)
    try:
        names = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    finally:
        con.close()
    assert names == set(catalog.VIEWS)
    assert os.stat(wh / catalog.CATALOG_FILE).st_mtime_ns == before

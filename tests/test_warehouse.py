"""Publishing: partitions, idempotent reruns, replaced articles, recovery after a crash."""

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest

from kabar import steps
from kabar.warehouse import Warehouse, WarehouseLocked, partition_path, read_table

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "expectations"
TEXT = (
    "Jakarta - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Vietnam Bui Thanh Son di Jakarta "
    "pada Rabu (10/5/2023). Kedua negara sepakat memperkuat kerja sama di bidang perdagangan dan pendidikan."
)


def run(raw: Path, wh: Path, full: bool = False, max_bytes: int = 10**6) -> dict:
    """The flow's steps without Prefect (the flow itself is tested in test_flow.py)."""
    warehouse = Warehouse(wh)
    with warehouse.locked():
        state = warehouse.state()
        p = steps.plan(raw, state, full=full)
        summary = steps.Summary()
        if p.walk_rejects:
            warehouse.publish(steps.walk_reject_batch(p.walk_rejects))
        for files in steps.batches(p.todo, 2):
            v = steps.validate(steps.extract(steps.ingest(files, max_bytes)), SCHEMA_DIR)
            batch, counts = steps.build_batch(v, state)
            warehouse.publish(batch)
            summary.add(counts)
        state.close()
    return {"articles": summary.articles, "duplicates": summary.duplicates, "rejects": dict(summary.rejects)}


def snapshot(wh: Path) -> dict:
    return {
        t: sorted(json.dumps(r, default=str, sort_keys=True) for r in read_table(wh, t).to_pylist())
        for t in ("articles", "meetings", "commitments", "topics", "rejects")
    }


@pytest.fixture
def raw(tmp_path, sample_raw):
    (sample_raw / "two.txt").write_text(TEXT)
    (sample_raw / "copy of two.txt").write_text(TEXT)
    (sample_raw / "undated.txt").write_text(TEXT.replace(" pada Rabu (10/5/2023)", ""))
    (sample_raw / "empty.txt").write_text("")
    return sample_raw


def test_publish_partitions_and_reads_back(raw, tmp_path):
    wh = tmp_path / "wh"
    out = run(raw, wh)
    assert out == {"articles": 3, "duplicates": 1, "rejects": {"empty": 1}}
    arts = ds.dataset(wh / "articles", partitioning="hive").to_table().to_pylist()
    assert {(a["year"], a["month"]) for a in arts} == {(2023, 5), (None, None)}
    assert (wh / "articles" / "year=2023" / "month=5").is_dir()
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{wh}/meetings/**/*.parquet', hive_partitioning=true)")
    assert n.fetchall()[0][0] >= 2
    rej = read_table(wh, "rejects").to_pylist()
    assert [(r["source_file"], r["reason_code"]) for r in rej] == [("empty.txt", "empty")]


def test_rerun_changes_nothing_and_full_rerun_gives_same_rows(raw, tmp_path):
    wh = tmp_path / "wh"
    run(raw, wh)
    before = snapshot(wh)
    files = sorted(p.relative_to(wh) for p in wh.rglob("*.parquet"))
    assert run(raw, wh) == {"articles": 0, "duplicates": 0, "rejects": {}}
    assert sorted(p.relative_to(wh) for p in wh.rglob("*.parquet")) == files
    run(raw, wh, full=True)
    assert snapshot(wh) == before


def test_changed_file_replaces_its_rows_and_fixed_input_leaves_rejects(raw, tmp_path):
    wh = tmp_path / "wh"
    run(raw, wh)
    (raw / "two.txt").write_text(TEXT.replace("perdagangan", "pertanian"))
    (raw / "empty.txt").write_text(TEXT.replace("Vietnam", "Malaysia"))
    run(raw, wh)
    arts = {a["source_file"]: a["body"] for a in read_table(wh, "articles").to_pylist()}
    assert "pertanian" in arts["two.txt"]
    # the old text lives on through its duplicate, which now is the article
    assert "perdagangan dan pendidikan" in arts["copy of two.txt"]
    assert "Malaysia" in arts["empty.txt"]
    assert len(arts) == 5
    assert read_table(wh, "rejects").num_rows == 0
    ids = [m["meeting_id"] for m in read_table(wh, "meetings").to_pylist()]
    assert len(ids) == len(set(ids))


def test_committed_batch_is_rolled_forward_and_uncommitted_one_dropped(raw, tmp_path, monkeypatch):
    wh = tmp_path / "wh"
    real = Warehouse._roll_forward

    def killed(self, d):
        raise KeyboardInterrupt("killed right after COMMIT.json was written")

    monkeypatch.setattr(Warehouse, "_roll_forward", killed)
    with pytest.raises(KeyboardInterrupt):
        run(raw, wh)
    assert not (wh / "articles").exists()
    (wh / "_staging" / "junk").mkdir()  # a batch killed before its journal was written
    monkeypatch.setattr(Warehouse, "_roll_forward", real)
    run(raw, wh)
    assert not any((wh / "_staging").iterdir())
    ids = read_table(wh, "articles").column("article_id").to_pylist()
    assert len(ids) == len(set(ids)) == 3


def test_second_run_is_refused_while_the_lock_is_held(tmp_path):
    wh = Warehouse(tmp_path / "wh")
    with wh.locked(), pytest.raises(WarehouseLocked), Warehouse(tmp_path / "wh").locked():
        pass


def test_partition_paths_take_only_integers(tmp_path):
    assert partition_path(tmp_path, "meetings", (2023, 5)) == tmp_path / "meetings" / "year=2023" / "month=5"
    with pytest.raises(TypeError):
        partition_path(tmp_path, "meetings", ("../../etc", 5))
    with pytest.raises(ValueError):
        partition_path(tmp_path, "rejects", ("../x",))


def test_missing_raw_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        run(tmp_path / "nope", tmp_path / "wh")


def test_dates_survive_a_non_utc_timezone(raw, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    if hasattr(__import__("time"), "tzset"):
        __import__("time").tzset()
    wh = tmp_path / "wh"
    run(raw, wh)
    dates = {a["published_date"] for a in read_table(wh, "articles").to_pylist()}
    assert dt.date(2023, 5, 10) in dates
    shutil.rmtree(wh)
    os.environ.pop("TZ", None)


def test_a_column_added_later_does_not_break_older_partitions(raw, tmp_path):
    import pyarrow.parquet as pq

    wh = tmp_path / "wh"
    run(raw, wh)
    old = next((wh / "meetings").rglob("*.parquet"))
    pq.write_table(pq.read_table(old).drop_columns(["trigger"]), old)  # as an older kabar wrote it
    assert "trigger" in read_table(wh, "meetings").column_names
    n = duckdb.sql(
        f"SELECT count(*), count(trigger) FROM read_parquet('{wh}/meetings/**/*.parquet', "
        "hive_partitioning = true, union_by_name = true)"
    ).fetchall()[0]
    assert n[0] >= 2 and n[1] < n[0]
    import pandas as pd

    # the README's pandas call: plain hive partitioning (pyarrow's dictionary-typed partition
    # columns cannot hold the null year/month of undated articles)
    assert len(pd.read_parquet(wh / "meetings", partitioning=ds.partitioning(flavor="hive"))) == n[0]
    assert len(pd.read_parquet(wh / "articles", dtype_backend="pyarrow")) == 3


def test_a_warehouse_of_undated_articles_only_reads_in_pyarrow_and_duckdb(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "undated.txt").write_text(TEXT.replace(" pada Rabu (10/5/2023)", ""))
    wh = tmp_path / "wh"
    assert run(raw, wh)["articles"] == 1
    for table in ("articles", "meetings", "commitments", "topics"):
        rows = ds.dataset(wh / table, format="parquet", partitioning="hive").to_table().to_pylist()
        assert rows and {(r["year"], r["month"]) for r in rows} == {(None, None)}, table
        sql = f"SELECT count(*), count(year) FROM read_parquet('{wh}/{table}/**/*.parquet', hive_partitioning=true)"
        assert duckdb.sql(sql).fetchall() == [(len(rows), 0)]
    assert run(raw, wh, full=True)["articles"] == 1  # the anchor is written once, rows are not doubled
    assert len(read_table(wh, "articles")) == 1

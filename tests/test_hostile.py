"""Issue 4: every hostile input ends as an article, a duplicate or a reject with a reason."""

from __future__ import annotations

import pyarrow.dataset as ds
import pytest

from kabar.settings import DEFAULT_MAX_BYTES
from kabar.warehouse import Warehouse, read_table

from . import hostile
from .test_warehouse import run


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    raw, wh = root / "raw", root / "wh"
    expected = hostile.build(raw, root / "outside")
    summary = run(raw, wh, max_bytes=DEFAULT_MAX_BYTES)
    return raw, wh, expected, summary


def test_every_input_is_accounted_for(landed):
    raw, wh, expected, _ = landed
    state = Warehouse(wh).state()
    rows = {r.source_file: r for r in state.all_inputs()}
    state.close()
    pair = [rows["original.txt"].outcome, rows["copy of original.txt"].outcome]
    assert sorted(pair) == ["article", "duplicate"]
    dup = next(r for r in (rows["original.txt"], rows["copy of original.txt"]) if r.outcome == "duplicate")
    assert "original.txt" in dup.reason
    for name, want in expected.items():
        if want == "mixed" or "original" in name:
            continue
        assert name in rows, f"{name!r} is not accounted for"
        r = rows[name]
        got = r.outcome if r.outcome in ("article", "duplicate") else r.reason_code
        assert got == want, f"{name!r}: {got} ({r.reason}), expected {want}"
        if r.outcome == "rejected":
            assert r.reason and len(r.reason) > 10


def test_broken_csv_keeps_its_good_rows(landed):
    _, wh, _, _ = landed
    files = {a["source_file"] for a in read_table(wh, "articles").to_pylist()}
    assert "quotes.csv#L2" in files


def test_rejects_table_names_each_reject(landed):
    _, wh, expected, _ = landed
    rej = {r["source_file"]: r for r in read_table(wh, "rejects").to_pylist()}
    for name, want in expected.items():
        if want not in ("article", "duplicate", "mixed"):
            assert rej[name]["reason_code"] == want and rej[name]["reason"]


def test_invisible_characters_are_gone_and_dates_are_sane(landed):
    _, wh, _, _ = landed
    arts = {a["source_file"]: a for a in read_table(wh, "articles").to_pylist()}
    body = arts["invisible.txt"]["body"]
    assert "Sugiono" in body and "Vietnam" in body and "\x00" not in body and "\u202e" not in body
    assert arts["impossible-date.json"]["published_date"] is None
    assert arts["future.json"]["published_date"].year == 2023  # the text's date, not 2999
    assert "café" in arts["cp1252.txt"]["body"] and "“kutipan” café" in arts["cp1252.htm"]["body"]


def test_no_path_leaves_the_warehouse(landed):
    _, wh, _, _ = landed
    for p in wh.rglob("*"):
        assert p.resolve().is_relative_to(wh.resolve())
        assert "\n" not in p.name and "\u202e" not in p.name


def test_rerun_after_fixing_an_input(landed):
    raw, wh, _, _ = landed
    (raw / "empty.txt").write_text(hostile.variant(99))
    run(raw, wh, max_bytes=DEFAULT_MAX_BYTES)
    rej = {r["source_file"] for r in read_table(wh, "rejects").to_pylist()}
    assert "empty.txt" not in rej
    ids = ds.dataset(wh / "articles", partitioning="hive").to_table(columns=["article_id"]).column(0).to_pylist()
    assert len(ids) == len(set(ids))

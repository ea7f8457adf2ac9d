"""The run's report (Prefect artifacts' content), built from a run summary without Prefect."""

from kabar.report import MAX_TEXT, TABLES, counts_table, md_text, rejects_markdown

SUMMARY = {
    "inputs_seen": 7,
    "unchanged": 2,
    "articles": 3,
    "duplicates": 1,
    "rows": {"articles": 3, "meetings": 2, "commitments": 4, "topics": 9},
    "rejects": {"empty": 1, "malformed_json": 4},
    "reject_examples": {
        "empty": [{"source_file": "blank.txt", "stage": "ingest", "reason": "the file is empty"}],
        "malformed_json": [
            {"source_file": f"bad{n}.json", "stage": "ingest", "reason": "the file is not valid JSON"} for n in range(3)
        ],
    },
}


def test_counts_table_has_every_table_then_the_input_counts():
    warehouse = {"articles": 10, "meetings": 5, "commitments": 8, "topics": 30, "rejects": 6}
    rows = counts_table(SUMMARY, warehouse)
    by_name = {r["count"]: r for r in rows}
    assert [r["count"] for r in rows[: len(TABLES)]] == list(TABLES)
    for table in ("articles", "meetings", "commitments", "topics"):
        assert by_name[table]["this run"] == SUMMARY["rows"][table]
        assert by_name[table]["in warehouse"] == warehouse[table]
    assert by_name["rejects"]["this run"] == 5 and by_name["rejects"]["in warehouse"] == 6
    assert by_name["inputs seen"]["this run"] == 7
    assert by_name["unchanged (skipped)"]["this run"] == 2
    assert by_name["duplicates"]["this run"] == 1
    assert {tuple(r) for r in rows} == {("count", "this run", "in warehouse")}  # one shape: one UI table


def test_counts_of_an_empty_run_are_zeros():
    rows = counts_table({}, {})
    assert all(r["this run"] == 0 for r in rows)


def test_rejects_markdown_lists_reasons_by_count_with_examples():
    md = rejects_markdown(SUMMARY, "/data/wh")
    assert md.startswith("# Rejects of this run")
    assert "5 rejected" in md
    assert md.index("| malformed\\_json | 4 |") < md.index("| empty | 1 |")  # most frequent first
    assert "## malformed\\_json (4)" in md and "## empty (1)" in md
    for n in range(3):
        assert f"- bad{n}.json (ingest): the file is not valid JSON" in md
    assert "- … and 1 more" in md  # 4 rejects, 3 examples
    assert "- blank.txt (ingest): the file is empty" in md
    assert "and 0 more" not in md


def test_a_run_without_rejects_says_so():
    assert "No input or row was rejected" in rejects_markdown({"rejects": {}}, "wh")


def test_text_from_inputs_cannot_break_the_markdown():
    hostile = {
        "rejects": {"empty": 1},
        "reject_examples": {
            "empty": [{"source_file": "a|b*c_<img src=x>[x](javascript:1)\n# h.txt", "stage": "ingest", "reason": "x"}]
        },
    }
    md = rejects_markdown(hostile, "wh")
    line = next(x for x in md.splitlines() if x.startswith("- a"))
    assert "<img" not in md and "&lt;img src=x&gt;" in line
    assert "\\|" in line and "\\*" in line and "\\[x\\]\\(javascript:1\\)" in line
    assert "\n# h.txt" not in md  # a newline in a name cannot start a heading
    assert len(md_text("x" * 1000)) == MAX_TEXT

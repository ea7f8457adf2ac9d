"""`kabar docs`: Great Expectations Data Docs of each table's latest validation, checked in a headless browser."""

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from kabar import datadocs, steps
from kabar.settings import REPO_ROOT
from kabar.warehouse import Warehouse

from .conftest import SAMPLE
from .test_warehouse import TEXT

TABLES = ("articles", "meetings", "commitments", "topics")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: the pages' CDN scripts fail fast
]
runner = CliRunner()


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("KABAR_REQUIRE_CHROMIUM") == "1":
        pytest.fail("chromium is required (KABAR_REQUIRE_CHROMIUM=1) but not installed")
    pytest.skip("chromium is not installed")


def dump_dom(page: Path, profile: Path) -> str:
    """The page's DOM after its scripts ran, as headless Chromium sees it."""
    out = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def visible_text(dom: str) -> str:
    dom = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", dom)))


def publish(raw: Path, wh: Path, expectations: Path) -> None:
    """The pipeline's steps without Prefect, one file per batch, validated against `expectations`."""
    warehouse = Warehouse(wh)
    with warehouse.locked():
        state = warehouse.state()
        try:
            for files in steps.batches(steps.plan(raw, state).todo, 1):
                v = steps.validate(steps.extract(steps.ingest(files, 10**7)), expectations)
                batch, _ = steps.build_batch(v, state)
                warehouse.publish(batch)
        finally:
            state.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path, Path]:
    """A warehouse of the sample and one more article (two batches), whose topics suite fails on purpose."""
    root = tmp_path_factory.mktemp("docs")
    expectations = root / "expectations"
    shutil.copytree(REPO_ROOT / "expectations", expectations)
    topics = json.loads((expectations / "topics.json").read_text(encoding="utf-8"))
    topics["expectations"].append({"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1000}})
    (expectations / "topics.json").write_text(json.dumps(topics), encoding="utf-8")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / "a.txt")
    (raw / "b.txt").write_text(TEXT, encoding="utf-8")
    publish(raw, root / "wh", expectations)
    return root, root / "wh", expectations


def test_only_the_latest_result_per_table_is_kept(site):
    _, wh, _ = site
    kept = sorted(p.name for p in (wh / datadocs.RESULTS_DIR).iterdir())
    assert kept == [f"{t}.json" for t in sorted(TABLES)]
    record = json.loads((wh / datadocs.RESULTS_DIR / "articles.json").read_text(encoding="utf-8"))
    assert record["suite_name"] == "articles" and record["meta"]["run_id"]["run_time"]
    assert all("unexpected_index_list" not in (r.get("result") or {}) for r in record["results"])


def test_docs_list_every_suite_with_its_result(site, monkeypatch):
    root, wh, expectations = site
    monkeypatch.setenv("KABAR_EXPECTATIONS", str(expectations))
    opened: list[str] = []
    monkeypatch.setattr("typer.launch", lambda url, **kw: opened.append(url))
    result = runner.invoke(app, ["docs", "--warehouse", str(wh)])
    assert result.exit_code == 0, result.output
    assert not opened
    result = runner.invoke(app, ["docs", "--warehouse", str(wh), "--open"])  # a rebuild replaces the site
    assert result.exit_code == 0, result.output
    index = Path(result.output.strip().splitlines()[-1])
    assert index == (wh / datadocs.SITE_DIR / "index.html").resolve() and index.is_file()
    assert opened == [index.as_uri()]

    # GX draws the index's tables with scripts from public CDNs; its rows are in the DOM either way.
    dom = dump_dom(index, root / "profile")
    links = dict(re.findall(r"(validations/(\w+)/[^'\"<>\s]+?\.html)", dom))
    pages = {table: link for link, table in links.items()}
    assert sorted(pages) == sorted(TABLES)
    for table in TABLES:
        assert f"expectations/{table}.html" in dom

    for table in TABLES:
        assert len(list((index.parent / "validations" / table).rglob("*.html"))) == 1
        n = len(json.loads((expectations / f"{table}.json").read_text(encoding="utf-8"))["expectations"])
        failed = 1 if table == "topics" else 0
        text = visible_text(dump_dom(index.parent / pages[table], root / "profile"))
        assert f"Expectation Suite: {table}" in text
        assert ("Status: Failed" if failed else "Status: Succeeded") in text
        assert f"Evaluated Expectations {n} " in text
        assert f"Successful Expectations {n - failed} " in text
        assert f"Unsuccessful Expectations {failed} " in text
        assert "Success Percent" in text
        verdict = "FAILED" if failed else "passed"
        assert re.search(rf"^{table}\s+{verdict}\s+{n - failed}/{n} expectations", result.output, re.M)


def test_docs_without_any_validation_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["docs", "--warehouse", str(tmp_path)])
    assert result.exit_code == 2
    assert "no validation results" in result.output and "Traceback" not in result.output


def test_results_that_cannot_be_saved_are_a_warning_not_a_failed_publish(tmp_path, caplog):
    (tmp_path / "_gx").mkdir()
    (tmp_path / datadocs.RESULTS_DIR).write_text("a file where the folder should be")
    with caplog.at_level("WARNING", logger="kabar.datadocs"):
        datadocs.save_latest(tmp_path, {"articles": {"success": True}})
    assert any("not saved" in r.getMessage() for r in caplog.records)

"""What a person sees of a run in Prefect: its artifacts, its progress lines, its retries."""

import errno
import io
import json
import logging
import os
import types

import pytest
from prefect.client.orchestration import get_client
from prefect.testing.utilities import prefect_test_harness
from rich.console import Console

from flows import pipeline as fp
from kabar import steps

from .conftest import SAMPLE, artifacts_of, warehouse_counts


@pytest.fixture(scope="module", autouse=True)
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def no_retry_delay(monkeypatch):
    """The real retry settings, without the waits between tries."""
    monkeypatch.setattr(fp, "ingest_extract", fp.ingest_extract.with_options(retry_delay_seconds=0))
    monkeypatch.setattr(fp, "publish", fp.publish.with_options(retry_delay_seconds=0))


def test_a_run_publishes_its_counts_and_rejects_as_artifacts(sample_raw, tmp_path):
    (sample_raw / "bad.json").write_text("{not json")
    (sample_raw / "blank.txt").write_text("\n\n")
    wh = tmp_path / "wh"
    state = fp.pipeline(raw=str(sample_raw), warehouse=str(wh), return_state=True)
    summary = state.result()
    with get_client(sync_client=True) as client:
        arts = artifacts_of(client, state.state_details.flow_run_id)
    assert set(arts) == {fp.COUNTS_KEY, fp.REJECTS_KEY}
    assert arts[fp.COUNTS_KEY].type == "table" and arts[fp.REJECTS_KEY].type == "markdown"

    counts = {r["count"]: r for r in json.loads(arts[fp.COUNTS_KEY].data)}
    on_disk = warehouse_counts(wh)
    assert on_disk["articles"] == 1 and on_disk["rejects"] == 2
    for table, n in on_disk.items():
        assert counts[table]["in warehouse"] == n
        assert counts[table]["this run"] == n  # a first run wrote everything there is
    assert counts["inputs seen"]["this run"] == 3 == summary["inputs_seen"]

    md = arts[fp.REJECTS_KEY].data
    assert "| malformed\\_json | 1 |" in md and "| empty | 1 |" in md
    assert "- bad.json (ingest): the file is not valid JSON" in md
    assert "- blank.txt (ingest)" in md


def test_progress_is_one_log_line_per_batch_off_a_terminal(sample_raw, tmp_path, monkeypatch, caplog):
    (sample_raw / "second.txt").write_text(SAMPLE.read_text(encoding="utf-8") + "\nTambahan.")
    monkeypatch.setattr(fp, "_console", lambda: Console(file=io.StringIO()))  # not a terminal
    with caplog.at_level(logging.INFO):
        fp.pipeline(raw=str(sample_raw), warehouse=str(tmp_path / "wh"), batch_size=1)
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("batch ")]
    assert [line.split(",")[0] for line in lines] == ["batch 1/2: 1/2 files", "batch 2/2: 2/2 files"]
    assert ", 2 articles, " in lines[-1] and lines[-1].endswith(" files/s")


def test_the_publish_task_declares_transient_retries():
    for task in (fp.ingest_extract, fp.publish):
        assert task.retries == fp.RETRIES and task.retry_condition_fn is fp.retry_transient
    assert fp.validate.retries == 0  # pure CPU: a failure there is a bug


def flaky_os(fail_at: int, error: OSError) -> tuple[types.SimpleNamespace, list]:
    """kabar.warehouse's view of `os`, whose os.replace fails once, at call number `fail_at`."""
    calls: list[str] = []

    def replace(src, dst):
        calls.append(str(dst))
        if len(calls) == fail_at:
            raise error
        return os.replace(src, dst)

    return types.SimpleNamespace(**{**vars(os), "replace": replace}), calls


@pytest.mark.parametrize(
    "fail_at",
    [1, 3],
    ids=["before-the-commit", "half-moved-after-the-commit"],
)
def test_publish_is_retried_after_a_transient_error_without_duplicates(
    sample_raw, tmp_path, monkeypatch, no_retry_delay, fail_at
):
    """EIO once while publishing: Prefect retries the task, and the retry leaves each row once."""
    import kabar.warehouse

    fake, calls = flaky_os(fail_at, OSError(errno.EIO, "Input/output error"))
    monkeypatch.setattr(kabar.warehouse, "os", fake)
    wh = tmp_path / "wh"
    summary = fp.pipeline(raw=str(sample_raw), warehouse=str(wh))
    assert len(calls) > fail_at  # it failed, and a later try went on
    counts = warehouse_counts(wh)
    assert counts["articles"] == summary["articles"] == 1
    for table in ("meetings", "commitments", "topics"):
        assert counts[table] == summary["rows"][table] > 0
    assert not any((wh / "_staging").iterdir())


def test_a_permanent_error_is_not_retried(sample_raw, tmp_path, monkeypatch, no_retry_delay):
    import kabar.warehouse

    fake, calls = flaky_os(1, PermissionError(errno.EACCES, "Permission denied"))
    monkeypatch.setattr(kabar.warehouse, "os", fake)
    with pytest.raises(PermissionError):
        fp.pipeline(raw=str(sample_raw), warehouse=str(tmp_path / "wh"))
    assert len(calls) == 1


def test_ingest_retries_a_flaky_read_and_rejects_a_file_that_stays_unreadable(
    sample_raw, tmp_path, monkeypatch, no_retry_delay
):
    real = steps.read_input
    tries: list[int] = []

    def flaky(f, max_bytes, failures):
        tries.append(1)
        if len(tries) <= failures:
            raise OSError(errno.EIO, "Input/output error")
        return real(f, max_bytes)

    monkeypatch.setattr(steps, "read_input", lambda f, m: flaky(f, m, failures=1))
    once = fp.pipeline(raw=str(sample_raw), warehouse=str(tmp_path / "wh1"))
    assert len(tries) == 2 and once["articles"] == 1 and once["rejects"] == {}

    tries.clear()
    monkeypatch.setattr(steps, "read_input", lambda f, m: flaky(f, m, failures=99))
    always = fp.pipeline(raw=str(sample_raw), warehouse=str(tmp_path / "wh2"))
    assert len(tries) == 1 + fp.RETRIES  # every try, then the last one rejects the file
    assert always["articles"] == 0 and always["rejects"] == {"unreadable": 1}

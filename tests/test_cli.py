"""The CLI: every command documented, clear one-line failures, inspection commands."""

import re

import pytest
from typer.testing import CliRunner

from flows.cli import app
from kabar.warehouse import Warehouse

from .conftest import REPO

runner = CliRunner()
COMMANDS = ["run", "serve", "rejects", "inputs", "sql", "docs"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"kabar {command}\b", readme), f"README does not show `kabar {command}`"


def test_locked_warehouse_is_one_clear_line(tmp_path, sample_raw):
    with Warehouse(tmp_path / "wh").locked():
        result = runner.invoke(app, ["run", "--raw", str(sample_raw), "--warehouse", str(tmp_path / "wh")])
    assert result.exit_code == 3
    assert "another kabar run" in result.output
    assert "Traceback" not in result.output


def test_missing_raw_is_one_clear_line(tmp_path):
    result = runner.invoke(app, ["run", "ingest", "--raw", str(tmp_path / "nope"), "--warehouse", str(tmp_path)])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_rejects_and_inputs_commands(tmp_path):
    from tests.test_warehouse import run

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_text("")
    run(raw, tmp_path / "wh")
    out = runner.invoke(app, ["rejects", "--warehouse", str(tmp_path / "wh")]).output
    assert "ingest/empty" in out and "empty.txt" in out
    out = runner.invoke(app, ["inputs", "--warehouse", str(tmp_path / "wh")]).output
    assert "rejected" in out and "empty.txt" in out


def test_unwritable_warehouse_is_one_clear_line(tmp_path, sample_raw):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["run", "--raw", str(sample_raw), "--warehouse", str(blocker / "wh")])
    assert result.exit_code == 2 and "cannot write to the warehouse" in result.output
    assert "Traceback" not in result.output


def test_a_second_process_is_turned_away_while_a_run_holds_the_lock(tmp_path):
    import os
    import subprocess
    import sys

    from . import hostile

    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(30):
        (raw / f"a{n}.txt").write_text(hostile.variant(n))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", str(raw), str(tmp_path / "wh"), "3"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout.readline().strip() == "published"  # the first run holds the lock now
        second = subprocess.run(
            [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh")],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 3
        assert "another kabar run" in second.stderr and "Traceback" not in second.stderr
    finally:
        first.wait(timeout=300)
    assert first.returncode == 0


def test_a_rerun_with_nothing_new_answers_without_starting_a_flow(tmp_path, monkeypatch):
    import flows.pipeline
    from tests.test_warehouse import run

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Presiden Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta.")
    run(raw, tmp_path / "wh")

    def no_flow(**kwargs):
        raise AssertionError("the flow ran although nothing was new")

    monkeypatch.setattr(flows.pipeline, "pipeline", no_flow)
    result = runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh")])
    assert result.exit_code == 0, result.output
    assert re.search(r"unchanged \(skipped\)\s+1", result.output)
    (raw / "b.txt").write_text("Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Vietnam di Hanoi.")
    result = runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh")])
    assert isinstance(result.exception, AssertionError)  # a new file does go to the flow


def test_input_of_several_batches_runs_on_a_local_dask_cluster_by_default(tmp_path, monkeypatch):
    import flows.cli
    import flows.pipeline

    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(3):
        (raw / f"{i}.txt").write_text(f"Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Vietnam di Hanoi. {i}")
    monkeypatch.setenv("KABAR_BATCH_SIZE", "1")
    monkeypatch.setattr(flows.cli.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(flows.cli.os, "cpu_count", lambda: 2)
    chosen = []

    def spy(workers=1, dask_address=None):
        chosen.append(workers)
        return None  # record the choice, run in process

    monkeypatch.setattr(flows.pipeline, "task_runner", spy)
    result = runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh")])
    assert result.exit_code == 0, result.output
    assert chosen == [2] and "local Dask cluster of 2 workers" in result.output
    (raw / "3.txt").write_text("Satu berkas baru.")
    runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh")])
    assert chosen == [2, 1]  # one new file is one batch: in process

"""Issue 4: a run killed with SIGKILL at any moment leaves a readable warehouse, and the next run
finishes the work with nothing lost and nothing duplicated."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds

from kabar.warehouse import TABLES

from . import hostile
from .conftest import REPO

# Moments (seconds after start) at which runs are killed: from start-up through the batches.
KILL_AFTER = [0.3, 1.0, 2.0, 3.0, 4.0, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 9.0, 10.0]


def start(raw: Path, wh: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", str(raw), str(wh), "3"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def rows(wh: Path) -> dict[str, list]:
    """Every table read in full (this raises if a file is partial); key columns only."""
    out = {}
    for t in TABLES:
        if (wh / t).exists():
            tab = ds.dataset(wh / t, partitioning="hive").to_table()
            key = {"articles": "article_id", "meetings": "meeting_id", "commitments": "commitment_id"}.get(t)
            out[t] = (
                sorted(tab.column(key).to_pylist())
                if key
                else sorted(zip(tab.column("article_id").to_pylist(), tab.column("topic_id").to_pylist(), strict=True))
            )
        else:
            out[t] = []
    return out


def test_sigkill_at_many_moments(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(30):
        (raw / f"a{n:02d}.txt").write_text(hostile.variant(n))
    clean = tmp_path / "clean"
    assert start(raw, clean).wait(timeout=300) == 0
    expected = rows(clean)
    assert len(expected["articles"]) == 30

    wh = tmp_path / "wh"
    killed = 0
    for delay in KILL_AFTER:
        p = start(raw, wh)
        time.sleep(delay)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.wait(timeout=60)
        seen = rows(wh)  # readable after every kill
        for t in TABLES:
            assert len(seen[t]) == len(set(map(str, seen[t]))), f"duplicates in {t} after a kill at {delay}s"
            assert set(map(str, seen[t])) <= set(map(str, expected[t]))
    assert killed >= 5
    assert start(raw, wh).wait(timeout=300) == 0
    assert rows(wh) == expected


def test_sigkill_of_the_real_cli_mid_run(tmp_path):
    """`kabar run` itself (Prefect, GX), killed with its whole process group once a batch is published."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for n in range(60):
        (raw / f"a{n:02d}.txt").write_text(hostile.variant(n))
    wh = tmp_path / "wh"
    env = {**os.environ, "PYTHONPATH": str(REPO), "KABAR_BATCH_SIZE": "2", "PYTHONUNBUFFERED": "1"}
    p = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--warehouse", str(wh)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 240
    for line in p.stdout:
        if "batch 2/" in line or time.monotonic() > deadline:  # the second batch is published
            break
    os.killpg(p.pid, signal.SIGKILL)
    p.wait(timeout=60)
    partial = rows(wh)
    assert 0 < len(partial["articles"]) < 60
    assert start(raw, wh).wait(timeout=300) == 0
    final = rows(wh)
    assert len(final["articles"]) == len(set(final["articles"])) == 60

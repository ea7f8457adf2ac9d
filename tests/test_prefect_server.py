"""The deployment in prefect.yaml on a real Prefect server: deployed, run by a process worker, reported.

A `prefect server start` subprocess (own PREFECT_HOME, a free loopback port) stands in for a
user's server. The flow runs as users run it: `prefect deploy` from prefect.yaml, then a
`prefect worker start --type process --run-once` subprocess. A worker, not `flow.serve`,
because the worker is what executes prefect.yaml's deployment (its work pool and pull step),
and `--run-once` exits by itself once the run it picked up has finished, so the test has a
process to wait for instead of a server to poll and stop.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
from prefect.deployments import run_deployment
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.pipeline import COUNTS_KEY, REJECTS_KEY

from .conftest import REPO, SAMPLE, artifacts_of, warehouse_counts

DEPLOYMENT = "kabar-pipeline/kabar-every-15-minutes"
# Generous for a busy 2-core CI machine: the server's first start runs its database
# migrations (~20 s here), a worker run imports Prefect, pandas and GX (~20 s here).
SERVER_START_SECONDS = 120
COMMAND_SECONDS = 120
RUN_SECONDS = 180


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    """End the process and everything it started (its own session), politely, then not."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):  # children that outlived it are still in its group
        os.killpg(proc.pid, signal.SIGKILL)


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[types.SimpleNamespace]:
    home = tmp_path_factory.mktemp("prefect-home")
    url = f"http://127.0.0.1:{_free_port()}/api"
    # Nothing of the caller's Prefect profile leaks in; PWD is what prefect.yaml's pull step records.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_API_URL=url,
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED="false",
        # No cron runs of the deployment while the test runs: the worker must pick up ours only.
        PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false",
        GX_ANALYTICS_ENABLED="false",
        PWD=str(REPO),
    )
    log = home / "server.log"
    port = url.split(":")[-1].split("/")[0]
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", port],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            assert proc.poll() is None, f"prefect server exited ({proc.returncode}):\n{_tail(log)}"
            try:
                if httpx.get(f"{url}/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, f"prefect server not healthy in {SERVER_START_SECONDS}s:\n{_tail(log)}"
            time.sleep(1)
        yield types.SimpleNamespace(url=url, env=env, home=home, log=log)
    finally:
        _stop(proc)


def _prefect(server, *args: str, cwd: Path) -> str:
    """A `prefect` CLI command against the test server; its output, or a failure that shows it."""
    done = subprocess.run(
        [sys.executable, "-m", "prefect", "--no-prompt", *args],
        cwd=cwd,
        env=server.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=COMMAND_SECONDS,
    )
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout[-3000:]}"
    return done.stdout


def test_deployment_from_prefect_yaml_runs_on_a_worker_and_reports(server, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    wh = tmp_path / "wh"

    _prefect(server, "work-pool", "create", "default", "--type", "process", cwd=tmp_path)
    _prefect(server, "deploy", "--name", "kabar-every-15-minutes", cwd=REPO)

    with temporary_settings(updates={PREFECT_API_URL: server.url}):
        with get_client(sync_client=True) as client:
            d = client.read_deployment_by_name(DEPLOYMENT)
            assert d.entrypoint == "flows/pipeline.py:pipeline"
            assert d.work_pool_name == "default" and client.read_work_pool("default").type == "process"
            assert [(s.schedule.cron, s.active) for s in d.schedules] == [("*/15 * * * *", True)]
            assert d.parameters == {"raw": "raw", "warehouse": "warehouse"}
            assert json.dumps(d.pull_steps).count(str(REPO)) == 1  # runs start in the repo, wherever the worker is

        run = run_deployment(DEPLOYMENT, parameters={"raw": str(raw), "warehouse": str(wh)}, timeout=0)

        worker_log = tmp_path / "worker.log"
        with open(worker_log, "w") as out:
            worker = subprocess.Popen(
                [sys.executable, "-m", "prefect", "worker", "start", "--pool", "default", "--type", "process"]
                + ["--run-once", "--limit", "1"],
                cwd=tmp_path,  # not the repo: the deployment's pull step must take the run there
                env=server.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        try:
            worker.wait(timeout=RUN_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the worker did not finish the run in {RUN_SECONDS}s:\n{_tail(worker_log)}")
        finally:
            _stop(worker)

        with get_client(sync_client=True) as client:
            deadline = time.monotonic() + 30  # the run's last state change may trail the worker's exit
            while not (state := client.read_flow_run(run.id).state).is_final() and time.monotonic() < deadline:
                time.sleep(1)
            assert state.is_completed(), f"run ended {state.name}:\n{_tail(worker_log)}"
            runs = client.read_flow_runs()
            assert [r.id for r in runs] == [run.id]  # the worker ran ours, and nothing else ran
            arts = artifacts_of(client, run.id)
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run.id])))

    counts = {r["count"]: r for r in json.loads(arts[COUNTS_KEY].data)}
    on_disk = warehouse_counts(wh)
    assert on_disk["articles"] == 1 and on_disk["meetings"] >= 1
    for table, n in on_disk.items():
        assert counts[table]["in warehouse"] == n == counts[table]["this run"]
    assert counts["inputs seen"]["this run"] == 1
    assert "No input or row was rejected" in arts[REJECTS_KEY].data
    assert any(log.message.startswith("batch 1/1: 1/1 files, 1 articles") for log in logs)

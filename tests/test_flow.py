"""The real Prefect flow, end to end, under Prefect's test harness."""

import duckdb
import pyarrow.dataset as ds
import pytest
from prefect.testing.utilities import prefect_test_harness

from flows.pipeline import pipeline
from flows.single import run_step


@pytest.fixture(scope="module", autouse=True)
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


def test_pipeline_flow_end_to_end(sample_raw, tmp_path):
    (sample_raw / "bad.json").write_text("{not json")
    (sample_raw / "nested").mkdir()
    (sample_raw / "nested" / "blank.txt").write_text("\n\n")
    wh = tmp_path / "wh"
    summary = pipeline(raw=str(sample_raw), warehouse=str(wh))
    assert summary["articles"] == 1
    assert summary["rejects"] == {"malformed_json": 1, "empty": 1}
    assert summary["rows"]["meetings"] == 1
    for table in ("articles", "meetings", "commitments", "topics", "rejects"):
        assert ds.dataset(wh / table, partitioning="hive").count_rows() > 0
    m = duckdb.sql(
        f"SELECT meeting_date, city, year, month FROM read_parquet('{wh}/meetings/**/*.parquet',"
        " hive_partitioning=true)"
    ).fetchall()
    assert [(str(r[0]), r[1], r[2], r[3]) for r in m] == [("2023-05-10", "Labuan Bajo", 2023, 5)]

    again = pipeline(raw=str(sample_raw), warehouse=str(wh))
    assert again["articles"] == 0 and again["unchanged"] == 3 and again["rejects"] == {}
    assert ds.dataset(wh / "meetings", partitioning="hive").count_rows() == 1


def test_steps_one_at_a_time(sample_raw, tmp_path):
    wh = tmp_path / "wh"
    with pytest.raises(FileNotFoundError):
        run_step("extract", sample_raw, wh)
    for step in ("ingest", "extract", "validate", "publish"):
        run_step(step, sample_raw, wh)
    assert ds.dataset(wh / "meetings", partitioning="hive").count_rows() == 1
    assert not list((wh / "_work").glob("*.pkl"))


def test_extraction_on_a_running_dask_cluster(sample_raw, tmp_path):
    """--dask-address: a `dask scheduler` and a `dask worker` on localhost run the batches."""
    import socket
    import subprocess
    import sys
    import time

    from flows.pipeline import task_runner

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-dashboard",
            ],
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        time.sleep(3)
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "distributed.cli.dask_worker",
                    address,
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                ],
                stderr=subprocess.DEVNULL,
            )
        )
        (sample_raw / "second.txt").write_text((sample_raw / "000_243fe5a957870d41.txt").read_text() + "\nTambahan.")
        flow = pipeline.with_options(task_runner=task_runner(dask_address=address))
        summary = flow(raw=str(sample_raw), warehouse=str(tmp_path / "wh"), batch_size=1)
        assert summary["articles"] == 2 and summary["rows"]["meetings"] == 2
        from distributed import Client

        with Client(address, timeout=10) as client:  # the batches ran on that worker
            executed = client.run(lambda dask_worker: dask_worker.state.executed_count)
            assert sum(executed.values()) >= 2  # ingest + extract, one task for each of the two batches
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=30)

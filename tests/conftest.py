from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "raw" / "000_243fe5a957870d41.txt"


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def sample_raw(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    return raw


# Prefect logs "Stopping temporary server" from an atexit hook after pytest has
# closed its streams; that is noise, not a failure, and must not follow the summary.
logging.raiseExceptions = False


def warehouse_counts(wh: Path) -> dict[str, int]:
    """Rows per table, read back with pyarrow (not with kabar's own counting)."""
    import pyarrow.dataset as ds

    tables = ("articles", "meetings", "commitments", "topics", "rejects")
    return {t: ds.dataset(wh / t, partitioning="hive").count_rows() if (wh / t).exists() else 0 for t in tables}


def artifacts_of(client, flow_run_id) -> dict:
    """The artifacts of one flow run, by key, through a (sync) Prefect client."""
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    found = client.read_artifacts(
        artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
    )
    return {a.key: a for a in found}

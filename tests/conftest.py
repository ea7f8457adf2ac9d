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

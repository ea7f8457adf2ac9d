"""The CLI's early start of Prefect's temporary server, and that Prefect then uses it."""

from __future__ import annotations

import os

import httpx
import pytest
from prefect.context import refresh_global_settings_context
from prefect.settings import get_current_settings

from flows.server import start_temporary_server


@pytest.fixture
def clean_settings(monkeypatch):
    """Restore PREFECT_API_URL / PREFECT_UI_URL and Prefect's global settings after the test."""
    for name in ("PREFECT_API_URL", "PREFECT_UI_URL"):
        monkeypatch.setenv(name, "placeholder")  # monkeypatch records the old value (or absence)
        monkeypatch.delenv(name)
    refresh_global_settings_context()
    yield
    monkeypatch.undo()
    refresh_global_settings_context()


def test_a_configured_server_is_used_as_it_is(clean_settings, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    refresh_global_settings_context()
    assert start_temporary_server() is None


def test_the_temporary_server_becomes_prefects_api_and_stops(clean_settings):
    server = start_temporary_server()
    assert server is not None
    try:
        assert get_current_settings().api.url == server.api_url == os.environ["PREFECT_API_URL"]
        server.wait(120)
        assert httpx.get(f"{server.api_url}/health", timeout=5).status_code == 200
        process = server.process
    finally:
        server.stop()
    assert process.poll() is not None
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.api_url}/health", timeout=5)

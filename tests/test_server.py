"""The CLI's early start of Prefect's temporary server, and that Prefect then uses it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import httpx
import pytest
from prefect.context import refresh_global_settings_context
from prefect.settings import get_current_settings

import flows.server as server_module
from flows.server import drop_unused_seed, seed_database, start_temporary_server


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


@pytest.fixture
def new_home(tmp_path, monkeypatch):
    """A Prefect home that does not exist yet, with no database configured."""
    for name in ("PREFECT_API_DATABASE_CONNECTION_URL", "PREFECT_SERVER_DATABASE_CONNECTION_URL"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "prefect-home"
    monkeypatch.setenv("PREFECT_HOME", str(home))
    return home


def _revision_of(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_the_shipped_database_template_is_a_revision_the_installed_prefect_knows():
    template = server_module._template()
    assert template is not None
    assert server_module._known_revision(server_module._revision(template))


def test_a_new_prefect_home_gets_the_migrated_database(new_home):
    seeded = seed_database()
    assert seeded == new_home / "prefect.db"
    assert [p.name for p in new_home.iterdir()] == ["prefect.db"]  # no temporary copy left
    assert _revision_of(seeded) == server_module._revision(server_module._template())
    assert {"flow_run", "task_run", "artifact"} <= _tables(seeded)


def test_an_existing_database_or_a_configured_one_is_left_alone(new_home, monkeypatch):
    new_home.mkdir()
    (new_home / "prefect.db").write_bytes(b"theirs")
    assert seed_database() is None
    assert (new_home / "prefect.db").read_bytes() == b"theirs"

    (new_home / "prefect.db").unlink()
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db/prefect")
    assert seed_database() is None
    assert not (new_home / "prefect.db").exists()


def test_a_template_of_an_unknown_revision_is_not_used(new_home, monkeypatch, tmp_path):
    unknown = tmp_path / "prefect-000000000000.db.gz"
    unknown.write_bytes(b"")
    monkeypatch.setattr(server_module, "_template", lambda: unknown)
    assert seed_database() is None
    assert not (new_home / "prefect.db").exists()


def test_the_copy_is_removed_when_prefects_settings_put_the_database_elsewhere(new_home, clean_settings):
    seeded = seed_database()
    (new_home / "profiles.toml").write_text(
        'active = "elsewhere"\n[profiles.elsewhere]\n'
        f'PREFECT_SERVER_DATABASE_CONNECTION_URL = "sqlite+aiosqlite:///{new_home.parent / "other.db"}"\n'
    )
    refresh_global_settings_context()
    drop_unused_seed(seeded, get_current_settings())
    assert not seeded.exists()

    (new_home / "profiles.toml").unlink()
    seeded = seed_database()
    refresh_global_settings_context()
    drop_unused_seed(seeded, get_current_settings())
    assert seeded.exists()  # the default: Prefect uses it


def test_the_temporary_server_serves_from_a_seeded_home(new_home, clean_settings):
    refresh_global_settings_context()
    server = start_temporary_server()
    assert server is not None
    try:
        server.wait(120)
        assert httpx.get(f"{server.api_url}/health", timeout=5).status_code == 200
    finally:
        server.stop()
    assert _revision_of(new_home / "prefect.db") == server_module._revision(server_module._template())


def _tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as con:
        return {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

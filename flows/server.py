"""Start Prefect's temporary local server first thing, so it boots while the CLI imports the rest.

Without a PREFECT_API_URL, Prefect starts a temporary server the first time the flow needs its
API and waits ~10 s for it, after kabar has spent seconds importing Prefect's engine and Great
Expectations. Here the CLI launches the very command Prefect would (uvicorn serving
`prefect.server.api.server:create_app`) before those imports, without importing the server code
itself (6 s of imports the CLI does not need), and points Prefect's settings at it.

A new Prefect home also gets its database from `flows/data/` already migrated: Prefect would
otherwise run its 116 Alembic migrations on the first run (10-17 s on a 2-core machine).
`python -m flows.server` rebuilds that template after a Prefect upgrade.
"""

from __future__ import annotations

import asyncio
import atexit
import gzip
import importlib.util
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx


class TemporaryServer:
    """A local Prefect API server for the lifetime of this process."""

    def __init__(self, server_env: dict[str, str]) -> None:
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.process: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(_prefect_dir()), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **server_env},
        )  # fmt: skip
        # Registered before Prefect's own exit hooks, so it runs after they flush logs and events.
        atexit.register(self.stop)

    def wait(self, timeout: float) -> None:
        """Block until the server answers its health check; RuntimeError if it dies or times out."""
        deadline = time.monotonic() + timeout
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.process is None or self.process.poll() is not None:
                    raise RuntimeError("Prefect's temporary server exited while starting")
                try:
                    if client.get(f"{self.api_url}/health", timeout=2).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
        raise RuntimeError(f"Prefect's temporary server did not start within {timeout:.0f} s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None


# What Prefect's SubprocessASGIServer passes its uvicorn process (no UI, an ephemeral server), and
# no registration of Prefect's block types, which kabar does not use: on a new Prefect database
# that registration alone takes about 5 s of the first run.
SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    "PREFECT__SERVER_FINAL": "1",
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
}


def start_temporary_server() -> TemporaryServer | None:
    """Launch the server Prefect would start anyway and make it this process's API; None when a
    server is configured (PREFECT_API_URL) or the temporary one is turned off.

    The server is launched before Prefect's settings are loaded here (2 s of imports); it reads
    the same environment and profile. It is stopped again when it turns out not to be needed.
    """
    seeded = seed_database()
    server = TemporaryServer(SERVER_ENV)
    from prefect.context import refresh_global_settings_context
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    drop_unused_seed(seeded, settings)
    if settings.api.url or not settings.server.ephemeral.enabled:
        server.stop()
        return None
    os.environ["PREFECT_API_URL"] = server.api_url
    os.environ.setdefault("PREFECT_UI_URL", "")  # it serves no UI: no "View at" link to a dead page
    refresh_global_settings_context()
    return server


def seed_database() -> Path | None:
    """Copy the migrated template to Prefect's default database when that does not exist yet and
    the installed Prefect knows the template's revision (else Prefect migrates as usual); the path
    written, or None.

    Decided from the environment alone, before Prefect's settings are imported; the caller checks
    the settings afterwards.
    """
    if any(os.environ.get(f"PREFECT_{part}_DATABASE_CONNECTION_URL") for part in ("API", "SERVER")):
        return None
    template = _template()
    home = Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()
    target = home / "prefect.db"
    if template is None or target.exists() or not _known_revision(_revision(template)):
        return None
    home.mkdir(parents=True, exist_ok=True)
    tmp = home / f".prefect.db.{os.getpid()}"
    try:
        with gzip.open(template) as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        os.link(tmp, target)  # fails if another run got there first: theirs is as good
    except FileExistsError:
        return None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def drop_unused_seed(seeded: Path | None, settings) -> None:
    """Remove the seeded copy when Prefect's settings (a profile, prefect.toml, .env) point its
    database elsewhere: then it is nobody's database."""
    url = settings.server.database.connection_url
    if seeded and (url.get_secret_value() if url is not None else None) != _sqlite_url(seeded):
        seeded.unlink()


def build_template(out_dir: Path = Path(__file__).parent / "data") -> Path:
    """Migrate a new Prefect database and keep it, compressed, as `prefect-<revision>.db.gz`."""
    with tempfile.TemporaryDirectory() as home:
        db = Path(home) / "prefect.db"
        os.environ["PREFECT_SERVER_DATABASE_CONNECTION_URL"] = _sqlite_url(db)
        from prefect.server.database import provide_database_interface

        asyncio.run(provide_database_interface().create_db())
        con = sqlite3.connect(db)
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        con.execute("VACUUM")
        con.close()
        for old in out_dir.glob("prefect-*.db.gz"):
            old.unlink()
        out = out_dir / f"prefect-{revision}.db.gz"
        with db.open("rb") as src, gzip.open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
    return out


def _template() -> Path | None:
    found = sorted((Path(__file__).parent / "data").glob("prefect-*.db.gz"))
    return found[0] if found else None


def _revision(template: Path) -> str:
    return template.name.removeprefix("prefect-").removesuffix(".db.gz")


def _known_revision(revision: str) -> bool:
    """Whether the installed Prefect's SQLite migrations include this revision (then Alembic can
    upgrade from it); read from the migration file names, without importing Prefect."""
    versions = _prefect_dir() / "prefect" / "server" / "database" / "_migrations" / "versions" / "sqlite"
    return any(versions.glob(f"*_{revision}_*.py"))


def _sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def startup_timeout() -> float:
    from prefect.settings import get_current_settings

    return float(get_current_settings().server.ephemeral.startup_timeout_seconds)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prefect_dir() -> Path:
    """Where the prefect package is installed, found without importing it."""
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None, "prefect is not installed"
    return Path(spec.origin).parent.parent


if __name__ == "__main__":
    print(build_template())

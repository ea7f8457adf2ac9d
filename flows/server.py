"""Start Prefect's temporary local server first thing, so it boots while the CLI imports the rest.

Without a PREFECT_API_URL, Prefect starts a temporary server the first time the flow needs its
API and waits ~10 s for it, after kabar has spent seconds importing Prefect's engine and Great
Expectations. Here the CLI launches the very command Prefect would (uvicorn serving
`prefect.server.api.server:create_app`) before those imports, without importing the server code
itself (6 s of imports the CLI does not need), and points Prefect's settings at it.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
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
    server = TemporaryServer(SERVER_ENV)
    from prefect.context import refresh_global_settings_context
    from prefect.settings import get_current_settings

    settings = get_current_settings()
    if settings.api.url or not settings.server.ephemeral.enabled:
        server.stop()
        return None
    os.environ["PREFECT_API_URL"] = server.api_url
    os.environ.setdefault("PREFECT_UI_URL", "")  # it serves no UI: no "View at" link to a dead page
    refresh_global_settings_context()
    return server


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

"""Start Prefect's temporary local server at once, so it boots while the CLI imports the rest.

Without a PREFECT_API_URL, Prefect starts a temporary server the first time the flow needs its
API and waits ~10 s for it; kabar spends that long importing Prefect and Great Expectations.
Starting the server first (in Prefect's own way, SubprocessASGIServer) overlaps the two.
"""

from __future__ import annotations

import threading


def start_temporary_server() -> threading.Thread | None:
    """Begin starting the server Prefect would start anyway; join the thread before the flow runs.
    None when a server is configured (PREFECT_API_URL) or the temporary one is turned off."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return None
    from prefect.server.api.server import SubprocessASGIServer

    thread = threading.Thread(target=SubprocessASGIServer().start, name="prefect-server", daemon=True)
    thread.start()
    return thread

"""Which errors are worth retrying: transient I/O, not bugs or permanent conditions.

Flows retry a task only when `is_transient` says so: a flaky network mount (EIO, ESTALE),
a busy device or a timeout may pass in seconds, while a missing folder, a permission
error, a full disk or a bug in kabar fails the same way every time.
"""

from __future__ import annotations

import errno
import sqlite3

# The errno values of errors that may pass on their own: I/O errors and stale handles on
# network mounts, busy or temporarily unavailable resources, timeouts.
TRANSIENT_ERRNOS = frozenset({errno.EIO, errno.EAGAIN, errno.ESTALE, errno.ETIMEDOUT, errno.EBUSY})

# SQLite result codes (the warehouse's state database) that mean "try again": another
# connection holds the database, or the file system failed under it.
TRANSIENT_SQLITE = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_IOERR})

# How far down a chain of `raise ... from ...` to look for the I/O error that started it.
MAX_CAUSES = 5


def is_transient(exc: BaseException | None) -> bool:
    """True for errors a retry may cure: OSErrors with a transient errno, busy or failing SQLite."""
    for _ in range(MAX_CAUSES):
        if exc is None:
            return False
        if isinstance(exc, OSError) and exc.errno in TRANSIENT_ERRNOS:
            return True
        if isinstance(exc, sqlite3.OperationalError):
            code = getattr(exc, "sqlite_errorcode", None)
            # Extended result codes (SQLITE_IOERR_WRITE, ...) keep the primary code in the low byte.
            if code is not None and (code & 0xFF) in TRANSIENT_SQLITE:
                return True
        exc = exc.__cause__
    return False

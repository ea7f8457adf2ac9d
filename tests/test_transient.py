"""Which errors the flow's tasks retry: transient I/O only, never bugs or permanent conditions."""

import errno
import sqlite3

import pytest

from kabar.transient import TRANSIENT_ERRNOS, is_transient


@pytest.mark.parametrize("code", sorted(TRANSIENT_ERRNOS))
def test_transient_errnos_are_retried(code):
    assert is_transient(OSError(code, "flaky"))


@pytest.mark.parametrize(
    "exc",
    [
        PermissionError(errno.EACCES, "denied"),
        FileNotFoundError(errno.ENOENT, "gone"),
        OSError(errno.ENOSPC, "disk full"),
        OSError(errno.EROFS, "read-only"),
        OSError("no errno at all"),
        ValueError("a bug"),
        KeyError("a bug"),
        None,
    ],
    ids=repr,
)
def test_permanent_errors_and_bugs_are_not(exc):
    assert not is_transient(exc)


def test_an_io_error_behind_a_wrapper_is_found():
    try:
        try:
            raise OSError(errno.ESTALE, "stale file handle")
        except OSError as e:
            raise RuntimeError("writing the batch failed") from e
    except RuntimeError as wrapped:
        assert is_transient(wrapped)


def test_a_busy_state_database_is_transient_a_broken_query_is_not(tmp_path):
    db = tmp_path / "s.sqlite"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(db, timeout=0)
    try:
        with pytest.raises(sqlite3.OperationalError) as busy:
            other.execute("INSERT INTO t VALUES (1)")
        assert is_transient(busy.value)
        holder.execute("ROLLBACK")
        with pytest.raises(sqlite3.OperationalError) as broken:
            other.execute("SELECT * FROM no_such_table")
        assert not is_transient(broken.value)
    finally:
        other.close()
        holder.close()


def test_an_unreadable_input_is_raised_when_transient_and_rejected_on_the_last_try(tmp_path, monkeypatch):
    """steps.ingest lets the caller retry a flaky read, and rejects the file once retries are spent."""
    from pathlib import Path

    from kabar import steps
    from kabar.sources import walk

    (tmp_path / "a.txt").write_text("Kompas.com, Jakarta - Teks berita.\n")
    files = list(walk(tmp_path))

    def eio(self):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", eio)
    with pytest.raises(OSError) as raised:
        steps.ingest(files, 10**6, raise_transient=True)
    assert raised.value.errno == errno.EIO
    out = steps.ingest(files, 10**6)
    assert [(r.reason_code, r.source_file) for r in out.rejects] == [("unreadable", "a.txt")]
    assert "Input/output error" in out.rejects[0].reason

"""What the warehouse has seen: one row per input (file or record) and its outcome.

Kept in SQLite under warehouse/_state so reruns can skip unchanged files and every
input stays accounted for (article, duplicate or reject).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
  file TEXT PRIMARY KEY, file_hash TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS inputs (
  source_file TEXT PRIMARY KEY, file TEXT NOT NULL, outcome TEXT NOT NULL,
  article_id TEXT, reason_code TEXT, reason TEXT, year INTEGER, month INTEGER
);
CREATE INDEX IF NOT EXISTS inputs_file ON inputs(file);
CREATE INDEX IF NOT EXISTS inputs_article ON inputs(article_id);
"""


@dataclass(frozen=True)
class InputRow:
    source_file: str
    file: str
    outcome: str  # article | duplicate | rejected
    article_id: str | None = None
    reason_code: str | None = None
    reason: str | None = None
    year: int | None = None
    month: int | None = None


class State:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def known_files(self) -> dict[str, tuple[str, int, int]]:
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT file, file_hash, size, mtime_ns FROM files")}

    def inputs_of(self, files: Iterable[str]) -> list[InputRow]:
        out: list[InputRow] = []
        files = list(files)
        for i in range(0, len(files), 500):
            chunk = files[i : i + 500]
            q = f"SELECT * FROM inputs WHERE file IN ({','.join('?' * len(chunk))})"
            out += [InputRow(*r) for r in self.db.execute(q, chunk)]
        return out

    def duplicate_files_of(self, files: list[str]) -> set[str]:
        """Files holding duplicates of the articles that `files` published: they must be read again
        when those files change, or the article would be lost."""
        out: set[str] = set()
        for i in range(0, len(files), 500):
            chunk = files[i : i + 500]
            q = (
                f"SELECT DISTINCT d.file FROM inputs a JOIN inputs d ON d.article_id = a.article_id "
                f"WHERE a.outcome='article' AND d.outcome='duplicate' AND a.file IN ({','.join('?' * len(chunk))})"
            )
            out.update(r[0] for r in self.db.execute(q, chunk))
        return out - set(files)

    def published(self, article_ids: Iterable[str]) -> dict[str, tuple[int | None, int | None]]:
        """article_id -> (year, month) for ids the warehouse holds as articles."""
        return {aid: (y, m) for aid, (_, y, m) in self._articles(article_ids).items()}

    def sources(self, article_ids: Iterable[str]) -> dict[str, str]:
        """article_id -> the input it was published from."""
        return {aid: src for aid, (src, _, _) in self._articles(article_ids).items()}

    def _articles(self, article_ids: Iterable[str]) -> dict[str, tuple[str, int | None, int | None]]:
        ids = list(article_ids)
        out: dict[str, tuple[str, int | None, int | None]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = (
                f"SELECT article_id, source_file, year, month FROM inputs WHERE outcome='article' "
                f"AND article_id IN ({','.join('?' * len(chunk))})"
            )
            out.update({r[0]: (r[1], r[2], r[3]) for r in self.db.execute(q, chunk)})
        return out

    def apply(self, files: list[dict], inputs: list[dict], drop_files: list[str]) -> None:
        """Replace the rows of the given files in one transaction (idempotent)."""
        with self.transaction() as db:
            for f in drop_files:
                db.execute("DELETE FROM inputs WHERE file=?", (f,))
            db.executemany("INSERT OR REPLACE INTO files VALUES (:file, :file_hash, :size, :mtime_ns)", files)
            db.executemany(
                "INSERT OR REPLACE INTO inputs VALUES (:source_file, :file, :outcome, :article_id, :reason_code,"
                " :reason, :year, :month)",
                inputs,
            )

    def touch(self, files: list[dict]) -> None:
        with self.transaction() as db:
            db.executemany("UPDATE files SET mtime_ns=:mtime_ns WHERE file=:file", files)

    def all_inputs(self) -> list[InputRow]:
        return [InputRow(*r) for r in self.db.execute("SELECT * FROM inputs ORDER BY source_file")]

"""Input formats: each one turns a raw file into article-shaped records (or rejects).

Adding a format is adding a class to FORMATS.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kabar.decode import DecodeError, control_ratio, decode_bytes, normalize_text
from kabar.models import RawDoc, Reject
from kabar.transient import is_transient

TEXT_KEYS = ("text", "body", "content", "maintext", "article", "isi")
TITLE_KEYS = ("title", "judul", "headline")
DATE_KEYS = (
    "date",
    "date_publish",
    "published",
    "published_date",
    "date_published",
    "publish_date",
    "tanggal",
)
OUTLET_KEYS = ("outlet", "source_domain", "source", "publisher", "media")
URL_KEYS = ("url", "link", "source_url")
AUTHOR_KEYS = ("author", "authors", "penulis", "byline")


@dataclass(frozen=True)
class InputFile:
    """A file found under the raw root."""

    path: Path
    rel: str
    size: int
    mtime_ns: int


class Format(Protocol):
    suffixes: tuple[str, ...]

    def records(self, f: InputFile, text: str, file_hash: str) -> Iterator[RawDoc | Reject]:
        """Yield one RawDoc per article in the decoded file, or a Reject per bad record."""
        ...


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """First usable string value among keys; NaN, numbers, nested objects and blanks are skipped."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key)
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            continue
        if isinstance(value, int | float) and key in DATE_KEYS:
            return str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def doc_from_record(record: Any, source_file: str, f: InputFile, file_hash: str) -> RawDoc | Reject:
    """Map one JSON/CSV record (news-please field names work too) to a RawDoc."""
    if not isinstance(record, dict):
        return Reject(
            source_file,
            "ingest",
            "not_an_object",
            f"expected an object with a text field, found a JSON {type(record).__name__}",
            record=_preview(record),
            file=f.rel,
        )
    text = _first(record, TEXT_KEYS)
    if text is None:
        return Reject(
            source_file,
            "ingest",
            "no_text",
            f"the record has no text field (looked for {', '.join(TEXT_KEYS)})",
            record=_preview(record),
            file=f.rel,
        )
    return RawDoc(
        source_file=source_file,
        file=f.rel,
        file_hash=file_hash,
        text=normalize_text(text),
        title=_norm(_first(record, TITLE_KEYS)),
        date=_first(record, DATE_KEYS),
        outlet=_norm(_first(record, OUTLET_KEYS)),
        url=_first(record, URL_KEYS),
        author=_norm(_author(record)),
    )


def _author(record: dict[str, Any]) -> str | None:
    """The author, or several joined by '; ' (news-please's `authors` is a list)."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for key in AUTHOR_KEYS:
        value = lowered.get(key)
        if isinstance(value, list):
            value = "; ".join(v.strip() for v in value if isinstance(v, str) and v.strip())
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _norm(value: str | None) -> str | None:
    return normalize_text(value).strip() or None if value else None


def _preview(record: Any, limit: int = 2000) -> str:
    try:
        text = json.dumps(record, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = repr(record)
    return text[:limit]


class TextFormat:
    """One article per file; outlet, dateline and date are read from the text itself."""

    suffixes = (".txt", ".text")

    def records(self, f: InputFile, text: str, file_hash: str) -> Iterator[RawDoc | Reject]:
        yield RawDoc(source_file=f.rel, file=f.rel, file_hash=file_hash, text=text)


class JsonFormat:
    """One article per file (an object), or a list of article objects."""

    suffixes = (".json",)

    def records(self, f: InputFile, text: str, file_hash: str) -> Iterator[RawDoc | Reject]:
        try:
            data = json.loads(text)
        except RecursionError:
            yield Reject(f.rel, "ingest", "malformed_json", "the JSON is nested too deeply to read", file=f.rel)
            return
        except ValueError as e:
            yield Reject(f.rel, "ingest", "malformed_json", f"the file is not valid JSON ({e})", file=f.rel)
            return
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield doc_from_record(item, f"{f.rel}#{i}", f, file_hash)
        else:
            yield doc_from_record(data, f.rel, f, file_hash)


class JsonlFormat:
    """One article object per line; a broken line is rejected, the others still count."""

    suffixes = (".jsonl", ".ndjson")

    def records(self, f: InputFile, text: str, file_hash: str) -> Iterator[RawDoc | Reject]:
        for n, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            source = f"{f.rel}#L{n}"
            try:
                item = json.loads(line)
            except RecursionError:
                yield Reject(
                    source,
                    "ingest",
                    "malformed_json",
                    "the line is nested too deeply to read",
                    record=line[:2000],
                    file=f.rel,
                )
                continue
            except ValueError as e:
                yield Reject(
                    source,
                    "ingest",
                    "malformed_json",
                    f"line {n} is not valid JSON ({e})",
                    record=line[:2000],
                    file=f.rel,
                )
                continue
            yield doc_from_record(item, source, f, file_hash)


class CsvFormat:
    """One article per row, with a header naming the fields."""

    suffixes = (".csv", ".tsv")

    def records(self, f: InputFile, text: str, file_hash: str) -> Iterator[RawDoc | Reject]:
        csv.field_size_limit(max(len(text), 131072))
        delimiter = "\t" if f.rel.lower().endswith(".tsv") else ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            if not reader.fieldnames:
                yield Reject(f.rel, "ingest", "empty", "the CSV file has no header row", file=f.rel)
                return
            while True:
                line = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as e:
                    yield Reject(
                        f"{f.rel}#L{line}",
                        "ingest",
                        "malformed_csv",
                        f"the CSV cannot be read past line {line} ({e})",
                        file=f.rel,
                    )
                    return
                row = {k: v for k, v in row.items() if k is not None}
                yield doc_from_record(row, f"{f.rel}#L{line}", f, file_hash)
        except csv.Error as e:
            yield Reject(f.rel, "ingest", "malformed_csv", f"the CSV header cannot be read ({e})", file=f.rel)


class HtmlFormat:
    """One article per saved web page; trafilatura keeps the article and drops menus, ads and footers."""

    suffixes = (".html", ".htm")

    def records(self, f: InputFile, text: str, file_hash: str) -> Iterator[RawDoc | Reject]:
        # Imported on the first page, not with kabar: trafilatura adds ~0.2 s to every start-up.
        from kabar.webpage import PageError, read_page

        try:
            page = read_page(text)
        except PageError as e:
            yield Reject(f.rel, "ingest", e.code, e.reason, record=text[:2000], file=f.rel)
            return
        yield RawDoc(
            source_file=f.rel,
            file=f.rel,
            file_hash=file_hash,
            text=normalize_text(page.text),
            title=_norm(page.title),
            date=page.date,
            outlet=_norm(page.outlet),
            url=page.url,
            author=_norm(page.author),
        )


FORMATS: tuple[Format, ...] = (TextFormat(), JsonFormat(), JsonlFormat(), CsvFormat(), HtmlFormat())


def format_for(rel: str) -> Format | None:
    lower = rel.lower()
    return next((fmt for fmt in FORMATS if lower.endswith(fmt.suffixes)), None)


def walk(root: Path) -> Iterator[InputFile | Reject]:
    """Every regular file under root, sorted; symlinks are rejected, never followed."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            rel = _rel(Path(folder), root) or "."
            yield Reject(rel, "ingest", "unreadable", f"the folder cannot be listed ({e.strerror})", file=rel)
            continue
        subdirs = []
        for entry in entries:
            path = Path(entry.path)
            rel = _rel(path, root)
            if entry.is_symlink():
                yield Reject(
                    rel,
                    "ingest",
                    "symlink",
                    "symbolic links are not followed; copy the file into raw/",
                    file=rel,
                )
            elif entry.is_dir(follow_symlinks=False):
                subdirs.append(path)
            elif entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                yield InputFile(path=path, rel=rel, size=st.st_size, mtime_ns=st.st_mtime_ns)
            else:
                yield Reject(rel, "ingest", "not_a_file", "not a regular file (device, socket or pipe)", file=rel)
        stack.extend(reversed(subdirs))


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def read_input(f: InputFile, max_bytes: int) -> Iterator[RawDoc | Reject]:
    """Read, decode and parse one input file into RawDocs and Rejects.

    A transient read error (see kabar.transient) is raised, not rejected, so the caller can retry.
    """
    fmt = format_for(f.rel)
    if fmt is None:
        suffix = Path(f.rel).suffix or "(none)"
        yield Reject(
            f.rel,
            "ingest",
            "unsupported_format",
            f"files ending in {suffix} are not read; use .txt, .json, .jsonl, .csv or .html",
            file=f.rel,
        )
        return
    if f.size > max_bytes:
        yield Reject(
            f.rel,
            "ingest",
            "too_large",
            f"the file is {f.size:,} bytes, over the {max_bytes:,}-byte limit (KABAR_MAX_BYTES)",
            file=f.rel,
        )
        return
    try:
        data = f.path.read_bytes()
    except OSError as e:
        if is_transient(e):
            raise  # the caller may retry; a retry cannot cure the other errors
        yield Reject(f.rel, "ingest", "unreadable", f"the file cannot be read ({e.strerror})", file=f.rel)
        return
    file_hash = hash_bytes(data)
    if not data.strip():
        yield Reject(f.rel, "ingest", "empty", "the file is empty or holds only whitespace", file=f.rel)
        return
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        yield Reject(f.rel, "ingest", e.code, e.reason, file=f.rel)
        return
    if control_ratio(text) > MAX_BAD_RATIO:
        yield Reject(f.rel, "ingest", "binary", "the file holds binary data, not text", file=f.rel)
        return
    text = normalize_text(text)
    if not text.strip():
        yield Reject(f.rel, "ingest", "empty", "the file holds no visible text", file=f.rel)
        return
    yield from fmt.records(f, text, file_hash)


# Decoded text with more control/replacement characters than this is binary.
MAX_BAD_RATIO = 0.02

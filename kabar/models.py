"""Typed records passed between the pipeline's steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class RawDoc:
    """One article-shaped record as an input format yields it, before cleaning."""

    source_file: str
    file: str
    file_hash: str
    text: str | None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


@dataclass
class Reject:
    """An input or row that did not make it into the tables, with a reason a person understands."""

    source_file: str
    stage: str
    reason_code: str
    reason: str
    record: str | None = None
    article_id: str | None = None
    table: str | None = None
    file: str | None = None

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Article:
    article_id: str
    source_file: str
    body: str
    language: str
    outlet: str | None = None
    dateline: str | None = None
    published_date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    file: str = ""
    file_hash: str = ""

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Participant:
    name: str
    role: str | None = None
    organization: str | None = None
    country_code: str | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    meetings: list[dict[str, Any]] = field(default_factory=list)
    commitments: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)

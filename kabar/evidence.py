"""Shared helpers for records that point back into the body: ids, cue matching, confidence."""

from __future__ import annotations

import hashlib
import re
from functools import cache

from kabar import lexicon


def stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


@cache
def cue_regex(section: str, key: str) -> re.Pattern[str]:
    """Phrase regex for one list in meetings.yaml / commitments.yaml."""
    data = lexicon.load(section)
    return lexicon.phrase_regex(data[key], enclitic=True)


def clamp(x: float) -> float:
    return round(max(0.0, min(1.0, x)), 3)

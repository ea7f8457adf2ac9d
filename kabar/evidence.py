"""Shared helpers for records that point back into the body: ids, cue matching, confidence."""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from functools import cache

from kabar import lexicon
from kabar.phrases import AnyOf


def stable_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


class Cue:
    """A phrase regex behind a one-pass test for its phrases' first words: most sentences hold none
    of them, and the test costs a tenth of the regex."""

    def __init__(self, phrases: list[str]) -> None:
        self.regex = lexicon.phrase_regex(phrases, enclitic=True)
        self._words = AnyOf.first_words(phrases)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos) if self._words.search(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self._words.search(text) else iter(())


@cache
def cue_regex(section: str, key: str) -> Cue:
    """Phrase regex for one list in meetings.yaml / commitments.yaml."""
    return Cue(lexicon.load(section)[key])


def clamp(x: float) -> float:
    return round(max(0.0, min(1.0, x)), 3)

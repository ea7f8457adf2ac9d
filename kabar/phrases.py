"""Whole-word lookup of many phrases at once (gazetteers, topic terms).

A regex alternation of thousands of phrases tries each one at every position; an Aho-Corasick
automaton (pyahocorasick) finds them all in one pass over the text, which made place and topic
lookup the cheap part of extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

V = TypeVar("V")

# Every whitespace character counts as the space between a phrase's words; the text keeps its length.
_SPACES = str.maketrans({c: " " for c in "\t\n\r\x0b\x0c\u00a0\u2007\u202f"})


@dataclass(frozen=True)
class Found(Generic[V]):
    start: int
    end: int
    surface: str
    value: V


class PhraseMatcher(Generic[V]):
    """Phrases on word boundaries, leftmost first and longest at a position, never overlapping:
    what a longest-first regex alternation between (?<![\\w-]) and (?![\\w-]) finds."""

    def __init__(self, phrases: dict[str, V], ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        self._automaton = ahocorasick.Automaton()
        for phrase, value in phrases.items():
            key = " ".join(phrase.split())
            if key:
                self._automaton.add_word(key.lower() if ignore_case else key, (len(key), value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Found[V]]:
        if self._empty or not text:
            return []
        haystack = text.translate(_SPACES)
        if self.ignore_case:
            lowered = haystack.lower()
            # A few characters change length when lower-cased ("İ"); fold those one by one instead.
            haystack = lowered if len(lowered) == len(text) else "".join(c.lower()[:1] for c in haystack)
        candidates = []
        for end, (length, value) in self._automaton.iter(haystack):
            start = end - length + 1
            if _boundary(text, start - 1) and _boundary(text, end + 1):
                candidates.append((start, -length, value))
        out: list[Found[V]] = []
        taken = 0
        for start, neg_length, value in sorted(candidates, key=lambda c: (c[0], c[1])):
            if start >= taken:
                end = start - neg_length
                out.append(Found(start, end, text[start:end], value))
                taken = end
        return out


def _boundary(text: str, i: int) -> bool:
    """No word character or hyphen at text[i] (or i is outside the text)."""
    if i < 0 or i >= len(text):
        return True
    c = text[i]
    return not (c.isalnum() or c == "_" or c == "-")


class AnyOf:
    """Whether any of the words occurs in a text, as a substring and case-insensitively: a superset
    test, one pass in C, that lets a caller skip its exact (and slower) regexes on most texts."""

    def __init__(self, words: list[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for w in words:
            if w.strip():
                self._automaton.add_word(w.lower(), None)
        self._automaton.make_automaton()

    @classmethod
    def first_words(cls, phrases) -> AnyOf:
        """The phrases' first words: enough to rule a text out, as a phrase regex lets words take
        "-nya" and any spacing between them."""
        return cls([str(p).split()[0] for p in phrases if str(p).split()])

    def search(self, text: str) -> bool:
        for _ in self._automaton.iter(text.lower()):
            return True
        return False

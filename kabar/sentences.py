"""Sentence spans with offsets into the body, robust to glued sentences ("…2013.Dia …")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kabar import lexicon

# Tokens that end in a period without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "dr",
        "drs",
        "prof",
        "ir",
        "h",
        "hj",
        "st",
        "no",
        "jl",
        "kec",
        "kab",
        "kel",
        "tbk",
        "dll",
        "dsb",
        "dkk",
        "mr",
        "mrs",
        "ms",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "gen",
        "col",
        "lt",
        "sgt",
        "rev",
        "hon",
        "sen",
        "rep",
        "gov",
        "pt",
        "cv",
        "kh",
        "kompol",
        "kombes",
        "ipda",
        "iptu",
        "akbp",
        "brigjen",
        "irjen",
        "komjen",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "agu",
        "sep",
        "sept",
        "okt",
        "oct",
        "nov",
        "des",
        "dec",
        "u.s",
        "u.k",
        "a.n",
        "s.h",
        "m.h",
        "m.si",
        "s.e",
    ]
)
# A sentence ends at . ! ? (with closing quotes/brackets) followed by space, or glued to a capitalised
# word or an acronym when the period follows a lower-case letter, digit or closing quote ("2013.Dia",
# "2025.SBY juga").
_BOUNDARY = re.compile(
    r"""(?P<end>[.!?…]+["'”’)\]]*)(?=\s+["'“‘(\[]?[A-Z0-9À-Ý])"""
    r"""|(?<=[a-z0-9"”’)])(?P<glued>[.!?]["”’]?)(?=[A-Z][a-z]|[A-Z]{2,}\b)"""
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LIST_MARKER = re.compile(r"\s*(?:\d{1,3}|[a-zA-Z])[.)]$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(body: str) -> list[Sentence]:
    """Split body into sentences; each sentence's text == body[start:end]."""
    out: list[Sentence] = []
    pos = 0
    for para in body.split("\n"):
        _split_line(para, pos, out)
        pos += len(para) + 1
    return out


@cache
def _boundary() -> re.Pattern[str]:
    """_BOUNDARY, plus a sentence opener glued to the word before with no period ("JokowiLalu")."""
    openers = lexicon.alternation(lexicon.load("language")["glued_openers"])
    return re.compile(rf"{_BOUNDARY.pattern}|(?<=[a-z])(?=(?:{openers})\b)")


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    for m in _boundary().finditer(line):
        cut = m.end()
        if m.group("end") and m.group("end").startswith(".") and _is_abbreviation(line[start : m.start()]):
            continue
        if start == 0 and _LIST_MARKER.match(line, 0, m.end()):
            continue  # "1.  MoU on …": a list item's number belongs to the item
        _add(line, start, cut, offset, out)
        start = cut
    _add(line, start, len(line), offset, out)


def _is_abbreviation(before: str) -> bool:
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    token = word.group(1)
    # Initials ("Johnny G. Plate", "M. Atras") and known abbreviations.
    return (len(token) == 1 and token.isupper()) or token.lower().rstrip(".") in ABBREVIATIONS


def _add(line: str, a: int, b: int, offset: int, out: list[Sentence]) -> None:
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Sentence(offset + a, offset + b, line[a:b]))

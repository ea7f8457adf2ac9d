"""Countries and cities named in text, mapped to ISO alpha-3."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kabar import lexicon


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    surface: str
    code: str
    kind: str  # country | city


def _case_variants(names: list[str]) -> list[str]:
    """Names as written in news: 'Vietnam', 'VIETNAM'; short aliases ('RI', 'AS') only as written."""
    out: set[str] = set()
    for n in names:
        out.add(n)
        if len(n) > 3:
            out.update({n.title(), n.upper()})
    return sorted(out, key=len, reverse=True)


@cache
def _country_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    aliases = lexicon.load("countries")["aliases"]
    spellings: dict[str, str] = {}
    # Aliases only as written ("AS" is the USA, "As" starts a sentence), long ones also in capitals.
    for code, names in aliases.items():
        for variant in _case_variants([str(a) for a in names]):
            spellings[variant] = code
    alias_keys = {str(a).casefold() for names in aliases.values() for a in names}
    for key, code in lexicon.countries().items():
        if key not in alias_keys:
            for variant in _case_variants([_display(key)]):
                spellings.setdefault(variant, code)
    return lexicon.phrase_regex(list(spellings), flags=0), spellings


def _display(key: str) -> str:
    small = {"of", "the", "and", "dan", "da", "de"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in key.split())


@cache
def _city_regex() -> re.Pattern[str]:
    return lexicon.phrase_regex(_case_variants(list(lexicon.city_names().values())), flags=0)


def find_countries(text: str) -> list[Place]:
    rx, spellings = _country_regex()
    out = []
    for m in rx.finditer(text):
        code = spellings.get(m.group(0))
        if code:
            out.append(Place(m.start(), m.end(), m.group(0), code, "country"))
    return out


def find_cities(text: str) -> list[Place]:
    out = []
    for m in _city_regex().finditer(text):
        key = m.group(0).casefold()
        out.append(Place(m.start(), m.end(), lexicon.city_names()[key], lexicon.cities()[key], "city"))
    return out


def country_of(name: str | None) -> str | None:
    """ISO alpha-3 for a country name or alias, else None."""
    if not name:
        return None
    return lexicon.countries().get(name.strip().casefold())


def city_country(name: str | None) -> str | None:
    if not name:
        return None
    return lexicon.cities().get(name.strip().casefold())

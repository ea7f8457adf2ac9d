"""Scraper noise out, paragraphs kept: the body every offset points into."""

from __future__ import annotations

import re

from kabar import lexicon

_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def clean_body(text: str) -> str:
    """Remove boilerplate lines and fragments, squeeze spaces, keep one paragraph per line."""
    patterns = lexicon.boilerplate()
    for pat in patterns["inline"]:
        text = pat.sub(" ", text)
    lines = []
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line or any(p.match(line) for p in patterns["line"]):
            continue
        lines.append(line)
    return "\n".join(lines)

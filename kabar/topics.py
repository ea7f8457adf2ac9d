"""Topics: taxonomy ids scored by weighted term matches (contract.md)."""

from __future__ import annotations

import re
from functools import cache

from kabar import lexicon

# A topic must reach this share of the best topic's weight to be central; chosen on the
# dev set so passing mentions drop out while 1-4 topics per article remain.
MIN_RELATIVE_SCORE = 0.35
MIN_HITS = 2
MAX_TOPICS = 4
# Terms in the title and lead paragraph say what the article is about.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 1.5
LEAD_CHARS = 600


@cache
def _regexes() -> dict[str, tuple[re.Pattern[str], float]]:
    out = {}
    for topic, spec in lexicon.topics().items():
        terms = spec["terms"]
        acronyms = [t for t in terms if t.isupper() and len(t) <= 5]
        words = [t for t in terms if t not in acronyms]
        parts = []
        if words:
            parts.append(lexicon.phrase_regex(words).pattern)
        if acronyms:
            parts.append(lexicon.phrase_regex(acronyms, flags=0).pattern)
        # Acronyms match case-sensitively so "PAN" the party is not "pan" the cookware.
        rx = re.compile("|".join(f"(?:{p})" if i == 0 else f"(?-i:{p})" for i, p in enumerate(parts)), re.IGNORECASE)
        out[topic] = (rx, float(spec.get("weight", 1.0)))
    return out


def score_topics(title: str | None, body: str) -> list[dict]:
    """[{topic_id, score, matched_terms}] for the article's central topics, best first."""
    raw: dict[str, float] = {}
    hits: dict[str, int] = {}
    terms: dict[str, list[str]] = {}
    for topic, (rx, weight) in _regexes().items():
        total = 0.0
        for part, w in ((title or "", TITLE_WEIGHT), (body[:LEAD_CHARS], LEAD_WEIGHT), (body[LEAD_CHARS:], 1.0)):
            for m in rx.finditer(part):
                total += w * weight
                hits[topic] = hits.get(topic, 0) + 1
                term = " ".join(m.group(0).split())
                bucket = terms.setdefault(topic, [])
                if term.lower() not in (t.lower() for t in bucket):
                    bucket.append(term)
        if total:
            raw[topic] = total
    if not raw:
        return []
    best = max(raw.values())
    ranked = sorted(raw, key=lambda t: (-raw[t], t))
    out = []
    for t in ranked:
        rel = raw[t] / best
        if rel < MIN_RELATIVE_SCORE or (hits[t] < MIN_HITS and out):
            continue
        out.append({"topic_id": t, "score": round(rel, 3), "matched_terms": terms[t][:10]})
        if len(out) == MAX_TOPICS:
            break
    return out

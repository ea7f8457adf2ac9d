"""Topics: taxonomy ids scored by weighted term matches (contract.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kabar import gazetteer, lexicon
from kabar.phrases import PhraseMatcher

# A topic must reach this share of the best topic's weight to be central; chosen on the
# dev set so passing mentions drop out while 1-4 topics per article remain.
MIN_RELATIVE_SCORE = 0.35
# A topic named in the title or lead is central at a lower share (the lead says what the story is about).
MIN_RELATIVE_SCORE_LEAD = 0.2
MIN_HITS = 2
MAX_TOPICS = 4
# Terms in the title and lead paragraph say what the article is about.
TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 2.5
LEAD_CHARS = 600


@dataclass(frozen=True)
class TermIndex:
    """Every topic term in one matcher (a longer term wins the words it covers), and the topics each
    matched term stands for."""

    matcher: PhraseMatcher[None]
    words: dict[str, tuple[str, ...]]  # casefolded term -> topics
    acronyms: dict[str, tuple[str, ...]]  # exact spelling -> topics: "PAN" the party, not "pan"
    weights: dict[str, float]


@cache
def _index() -> TermIndex:
    words: dict[str, list[str]] = {}
    acronyms: dict[str, list[str]] = {}
    weights: dict[str, float] = {}
    for topic, spec in lexicon.topics().items():
        weights[topic] = float(spec.get("weight", 1.0))
        for term in spec["terms"]:
            term = " ".join(str(term).split())
            if term.isupper() and len(term) <= 5:
                acronyms.setdefault(term, []).append(topic)
            else:
                words.setdefault(term.casefold(), []).append(topic)
    matcher = PhraseMatcher(dict.fromkeys(list(words) + list(acronyms)), ignore_case=True)
    return TermIndex(
        matcher, {k: tuple(v) for k, v in words.items()}, {k: tuple(v) for k, v in acronyms.items()}, weights
    )


def _foreign_countries(title: str | None, body: str, raw: dict, hits: dict, terms: dict) -> None:
    """Foreign countries named in an article point to foreign relations (weight set in topics.yaml)."""
    for topic, spec in lexicon.topics().items():
        w = float(spec.get("foreign_country_weight", 0))
        if not w:
            continue
        found = [p for p in gazetteer.find_countries(f"{title or ''}\n{body}") if p.code != "IDN"]
        if found:
            raw[topic] = raw.get(topic, 0.0) + w * len(found)
            hits[topic] = hits.get(topic, 0) + len(found)
            bucket = terms.setdefault(topic, [])
            bucket += [n for n in dict.fromkeys(p.surface for p in found) if n not in bucket]


def score_topics(title: str | None, body: str) -> list[dict]:
    """[{topic_id, score, matched_terms}] for the article's central topics, best first."""
    index = _index()
    raw: dict[str, float] = {}
    hits: dict[str, int] = {}
    lead: set[str] = set()
    terms: dict[str, list[str]] = {}
    parts = ((title or "", TITLE_WEIGHT), (body[:LEAD_CHARS], LEAD_WEIGHT), (body[LEAD_CHARS:], 1.0))
    for p, (part, w) in enumerate(parts):
        for m in index.matcher.find(part):
            term = " ".join(m.surface.split())
            for topic in index.acronyms.get(term) or index.words.get(term.casefold(), ()):
                raw[topic] = raw.get(topic, 0.0) + w * index.weights[topic]
                hits[topic] = hits.get(topic, 0) + 1
                if p < 2:
                    lead.add(topic)
                bucket = terms.setdefault(topic, [])
                if term.lower() not in (t.lower() for t in bucket):
                    bucket.append(term)
    _foreign_countries(title, body, raw, hits, terms)
    if not raw:
        return []
    best = max(raw.values())
    out = []
    for t in sorted(raw, key=lambda t: (-raw[t], t)):
        rel = raw[t] / best
        floor = MIN_RELATIVE_SCORE_LEAD if t in lead else MIN_RELATIVE_SCORE
        if rel < floor or (hits[t] < MIN_HITS and t not in lead and out):
            continue
        out.append({"topic_id": t, "score": round(rel, 3), "matched_terms": terms[t][:10]})
        if len(out) == MAX_TOPICS:
            break
    return out

"""RawDoc to Article: clean body, header (outlet, dateline), date, title, language, id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import cache

from kabar import lexicon
from kabar.clean import clean_body
from kabar.dates import find_dates, parse_date_string
from kabar.models import Article, RawDoc, Reject

# A body needs this many words, and this many distinct function words of one language,
# to be news text: on the 735 corpus articles the fewest was 7 (fee tables, address
# lists), a two-sentence brief can have just 2 ("di", "dan"); lorem ipsum has 1 ("in"), noise 0.
MIN_WORDS = 15
MIN_DISTINCT_FUNCTION_WORDS = 2
# Published dates later than this many days after today are scraper errors.
FUTURE_SLACK_DAYS = 2

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_HTML = re.compile(r"<\s*(html|head|body|div|p|script|meta|!doctype)\b", re.IGNORECASE)
# "Liputan6.com, Labuan Bajo - ", "PUNCAK, KOMPAS.com - ", "Jakarta - ", "KOMPAS.com -- ", "Bisnis.com, JAKARTA — "
_HEADER = re.compile(
    r"^(?P<head>[^\n\-–—.,]{0,40}(?:\.com|\.co\.id|\.id)?(?:,\s*[^\n\-–—,]{2,40})?)\s*(?:-{1,2}|–|—)\s+"
)
_OUTLET_HINT = re.compile(
    r"(\.com|\.co\.id|\.id|\bantara\b|\bcnn\b|\btempo\b|\bdetik|\breuters\b|\bbbc\b|\bafp\b)", re.IGNORECASE
)


@cache
def _function_words() -> dict[str, frozenset[str]]:
    data = lexicon.load("language")
    return {lang: frozenset(words) for lang, words in data.items()}


def detect_language(text: str) -> tuple[str | None, int]:
    """('id'|'en', distinct function words seen), or (None, n) when the text reads as neither."""
    words = {w.lower() for w in _WORD.findall(text[:20000])}
    seen = {lang: len(words & fw) for lang, fw in _function_words().items()}
    lang = max(seen, key=seen.__getitem__)
    return (lang if seen[lang] >= MIN_DISTINCT_FUNCTION_WORDS else None), seen[lang]


def parse_header(body: str) -> tuple[str | None, str | None, str]:
    """(outlet, dateline, body without the header) from a leading 'Outlet, Place - ' line start."""
    m = _HEADER.match(body)
    if not m or len(m["head"].split()) > 7:
        return None, None, body
    outlet = dateline = None
    for part in (p.strip() for p in m["head"].split(",")):
        if not part:
            continue
        if _OUTLET_HINT.search(part) and outlet is None:
            outlet = part
        elif dateline is None and len(part.split()) <= 4 and all(w[:1].isupper() for w in part.split()):
            dateline = part.title() if part.isupper() and len(part) > 3 else part
        else:
            return None, None, body
    return outlet, dateline, body[m.end() :]


def article_id(body: str) -> str:
    """Stable id from the cleaned body: the same article under two names is one article."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()[:16]


def to_article(doc: RawDoc, today: dt.date | None = None) -> Article | Reject:
    """Clean and describe one RawDoc, or say why it is not an article."""

    def reject(code: str, reason: str) -> Reject:
        return Reject(doc.source_file, "ingest", code, reason, record=(doc.text or "")[:2000], file=doc.file)

    text = doc.text or ""
    if _HTML.search(text[:5000]) and text.count("<") > 20:
        return reject("html", "the text is an HTML page, not article text")
    body = clean_body(text)
    if not body:
        return reject("empty", "nothing is left once boilerplate lines are removed")
    outlet, dateline, body = parse_header(body)
    words = _WORD.findall(body[:20000])
    if len(words) < MIN_WORDS:
        return reject("too_short", f"only {len(words)} words: too short to be a news article")
    language, seen = detect_language(body)
    if language is None:
        return reject("not_news", f"the text reads as neither Indonesian nor English (only {seen} common words)")
    today = today or dt.date.today()
    published = _published_date(doc, body, today)
    return Article(
        article_id=article_id(body),
        source_file=doc.source_file,
        body=body,
        language=language,
        outlet=doc.outlet or outlet,
        dateline=dateline,
        published_date=published,
        title=doc.title,
        url=doc.url,
        author=doc.author,
        file=doc.file,
        file_hash=doc.file_hash,
    )


def _published_date(doc: RawDoc, body: str, today: dt.date) -> dt.date | None:
    """Metadata first; else the first weekday-dated day with its year in the text ("Rabu (10/5/2023)"),
    which is how news states the day it reports; never in the future."""
    latest = today + dt.timedelta(days=FUTURE_SLACK_DAYS)
    date = parse_date_string(doc.date) if doc.date else None
    if date is None or date > latest:
        date = next(
            (
                d.date
                for d in find_dates(body[:3000], None)
                if d.precision == "day" and d.explicit_year and d.with_weekday
            ),
            None,
        )
    return date if date is not None and date <= latest else None

"""Find and resolve dates: metadata strings, and date expressions in text against the article date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kabar import lexicon

# Dates outside this window are typos or scraper noise, not news dates.
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    precision: str  # day | month | year
    explicit_year: bool
    with_weekday: bool = False  # "Rabu (10/5/2023)", "Jumat, 14 November 2025": how news dates its day


@cache
def _words() -> dict:
    return lexicon.load("dates")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = _words()
    wd, mo, rel = (lexicon.alternation(w[k]) for k in ("weekdays", "months", "relative_days"))
    flags = re.IGNORECASE
    return {
        # "Rabu (10/5/2023)", "Sabtu (21/9)", "Rabu, 10/5/2023"
        "weekday_numeric": re.compile(
            rf"\b(?P<wd>{wd})\b\s*[,(]?\s*\(?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{2,4}}))?\)?",
            flags,
        ),
        # "14 November 2025", "28-29 Desember 1954", "21 October 2025", "10 Mei"
        "day_month": re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+(?P<mo>{mo})\.?(?:\s+(?P<y>\d{{4}}))?\b", flags
        ),
        # "November 14, 2025"
        "month_day": re.compile(rf"\b(?P<mo>{mo})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})\b", flags),
        # "September 2023"
        "month_year": re.compile(rf"\b(?P<mo>{mo})\s+(?:tahun\s+)?(?P<y>\d{{4}})\b", flags),
        # "10/5/2023", "2023-05-10"
        "numeric": re.compile(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b"),
        # "tahun 1997", "pada 2026", "in 1987" (not "sejak 2008": since then, not then)
        # "pada 1985", and "pada 1985-1988" (a span: its first year; "Tahun 2023-2024" names a period)
        "year": re.compile(
            r"\b(?:(?:tahun|pada|in)\s+(?P<y>(?:19|20)\d{2})\b(?![/.\-]\d)"
            r"|(?:pada|in)\s+(?P<span>(?:19|20)\d{2})\s*[-–]\s*(?:19|20)\d{2}\b)",
            flags,
        ),
        # "akhir Oktober lalu", "September mendatang", "pada Juni": a month of a year the text leaves out
        "month_only": re.compile(
            rf"(?:\b(?P<lead>{lexicon.alternation(w['month_lead'])})\s+)?\b(?P<mo>{mo})\b(?!\s*\d)"
            rf"(?:\s+(?P<dir>{lexicon.alternation(w['month_direction'])})\b)?",
            flags,
        ),
        # "bulan lalu", "next month"
        "relative_month": re.compile(rf"\b(?P<rel>{lexicon.alternation(w['relative_months'])})\b", flags),
        # "kemarin", "hari ini"
        "relative": re.compile(rf"\b(?P<rel>{rel})\b", flags),
        # "Rabu", "pada Senin lalu", "on Monday"
        "weekday": re.compile(rf"\b(?P<wd>{wd})\b(?!\s*[,(]?\s*\(?\d)", flags),
    }


def _valid(y: int, m: int, d: int) -> dt.date | None:
    if not (MIN_YEAR <= y <= MAX_YEAR):
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(y: str | None, base: dt.date | None, m: int, d: int) -> tuple[int | None, bool]:
    """A written year (2 or 4 digits), else the base year, stepping back when that lands far after base."""
    if y:
        n = int(y)
        return (n + 2000 if n < 100 else n), True
    if base is None:
        return None, False
    year = base.year
    guess = _valid(year, m, d)
    if guess and guess > base + dt.timedelta(days=60):
        year -= 1
    return year, False


def find_dates(text: str, base: dt.date | None) -> list[DateMention]:
    """Date expressions in text, resolved against base (the article date); earliest first."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    months = _words()["months"]
    weekdays = _words()["weekdays"]
    rel_days = _words()["relative_days"]

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    parts = "|".join(map(re.escape, _words()["day_parts"]))
    # "Minggu (13/7/2025)", "Minggu sore, 13 Juli 2025": the weekday of the date that follows it
    weekday_before = re.compile(
        rf"\b(?:{'|'.join(map(re.escape, weekdays))})(?:\s+(?:{parts}))?\s*,?\s*$", re.IGNORECASE
    )

    def add(m: re.Match[str], date: dt.date | None, precision: str, explicit: bool) -> None:
        if date is not None and free(m.start(), m.end()):
            with_weekday = "wd" in m.re.groupindex and m["wd"] is not None
            with_weekday = with_weekday or bool(weekday_before.search(text[max(0, m.start() - 20) : m.start()]))
            found.append(DateMention(m.start(), m.end(), date, precision, explicit, with_weekday))
            taken.append((m.start(), m.end()))

    p = _patterns()
    for m in p["weekday_numeric"].finditer(text):
        d, mo = int(m["d"]), int(m["m"])
        y, explicit = _year(m["y"], base, mo, d)
        add(m, _on_weekday(_valid(y, mo, d) if y else None, weekdays[m["wd"].lower()], base), "day", explicit)
    for m in p["numeric"].finditer(text):
        add(m, _valid(int(m["y"]), int(m["m"]), int(m["d"])), "day", True)
    for m in p["month_day"].finditer(text):
        add(m, _valid(int(m["y"]), months[m["mo"].lower()], int(m["d"])), "day", True)
    for m in p["day_month"].finditer(text):
        mo, d = months[m["mo"].lower()], int(m["d"])
        if m["y"] is None and m["mo"].lower() in ("may", "mar"):
            continue  # English "may"/"mar" are words unless a year follows
        y, explicit = _year(m["y"], base, mo, d)
        wd = weekday_before.search(text[max(0, m.start() - 20) : m.start()])
        date = _valid(y, mo, d) if y else None
        weekday = weekdays[wd.group().split()[0].strip(" ,").lower()] if wd else None
        add(m, _on_weekday(date, weekday, base), "day", explicit)
    for m in p["month_year"].finditer(text):
        if m["mo"].lower() in ("may", "mar") and not m["mo"][0].isupper():
            continue
        add(m, _valid(int(m["y"]), months[m["mo"].lower()], 1), "month", True)
    for m in p["year"].finditer(text):
        add(m, _valid(int(m["y"] or m["span"]), 1, 1), "year", True)
    if base is not None:
        for m in p["month_only"].finditer(text):
            if (m["lead"] or m["dir"]) and m["mo"][0].isupper():  # "pada Mei", "Mei lalu"; not a bare "Mei"
                add(m, _month_of(months[m["mo"].lower()], m["dir"], base), "month", False)
        w = _words()
        for m in p["relative_month"].finditer(text):
            total = base.year * 12 + base.month - 1 + w["relative_months"][m["rel"].lower()]
            add(m, dt.date(total // 12, total % 12 + 1, 1), "month", False)
        for m in p["relative"].finditer(text):
            add(m, base + dt.timedelta(days=rel_days[m["rel"].lower()]), "day", False)
        for m in p["weekday"].finditer(text):
            if m["wd"].lower() == "minggu" and not m["wd"][0].isupper():
                continue  # "minggu" is also "week"
            if not m["wd"][0].isupper() and not text[: m.start()].lower().endswith("hari "):
                continue  # "hari senin" is the day; a bare lower-case weekday is a common word
            if any(x.with_weekday and 0 <= x.start - m.end() <= 14 for x in found):
                continue  # the weekday of a written date
            add(
                m,
                _resolve_weekday(
                    weekdays[m["wd"].lower()],
                    base,
                    text[m.end() : m.end() + 20],
                    text[max(0, m.start() - 40) : m.start()],
                ),
                "day",
                False,
            )
    found.sort(key=lambda x: x.start)
    return found


def _on_weekday(date: dt.date | None, weekday: int | None, base: dt.date | None) -> dt.date | None:
    """A date months away from the article's that falls on its written weekday only a year nearer:
    "Kamis (19/6/2026)" in a story of 19 June 2025 is a typo for 2025, whose 19 June was a Thursday.
    (Near the article's date, a wrong weekday is the likelier typo.)"""
    if date is None or weekday is None or base is None or date.weekday() == weekday:
        return date
    if abs((date - base).days) < 180:
        return date
    for step in (-1, 1):
        other = _valid(date.year + step, date.month, date.day)
        if other and other.weekday() == weekday and abs((other - base).days) < abs((date - base).days):
            return other
    return date


_FUTURE = re.compile(r"\b(?:akan|bakal|dijadwalkan|rencananya|will|is to)\b[^.;]*$", re.IGNORECASE)


def _month_of(month: int, direction: str | None, base: dt.date) -> dt.date:
    """The first day of the named month: the last one before the article ('lalu'), the next one
    ('mendatang'), the article's year ('ini'), else the nearest one."""
    step = _words()["month_direction"].get((direction or "").lower())
    this_year = dt.date(base.year, month, 1)
    here = dt.date(base.year, base.month, 1)
    if step == 0:
        return this_year
    if step == -1:
        return this_year if this_year < here else dt.date(base.year - 1, month, 1)
    if step == 1:
        return this_year if this_year > here else dt.date(base.year + 1, month, 1)
    candidates = [dt.date(base.year + k, month, 1) for k in (-1, 0, 1)]
    return min(candidates, key=lambda d: abs((d - here).days))


def _resolve_weekday(weekday: int, base: dt.date, after: str, before: str = "") -> dt.date:
    """The named weekday nearest the article date: the past one unless the text says it is coming
    ("Senin mendatang"; "akan … pada Senin", "hari Senin akan dilakukan rapat": this week's or the next)."""
    if re.match(r"\s*(mendatang|depan|besok|next)\b", after, re.IGNORECASE):
        delta = (weekday - base.weekday()) % 7 or 7
        return base + dt.timedelta(days=delta)
    if not re.match(r"\s*(lalu|kemarin|last)\b", after, re.IGNORECASE) and (
        _FUTURE.search(before) or re.match(r"\s*,?\s*(akan|bakal|will)\b", after, re.IGNORECASE)
    ):
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7)
    delta = (base.weekday() - weekday) % 7
    return base - dt.timedelta(days=delta)


@lru_cache(maxsize=4096)
def parse_date_string(value: str) -> dt.date | None:
    """A metadata date string (ISO, '12/05/2024, 09:01 WIB', '26-10-2023', '10 Mei 2023'): day first."""
    s = value.strip()
    if not s:
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$", s)
    if iso:
        return _valid(int(iso[1]), int(iso[2]), int(iso[3]))
    dmy = re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b", s)
    if dmy:
        return _valid(int(dmy[3]), int(dmy[2]), int(dmy[1]))
    import dateparser  # slow to import; only needed for free-form strings

    s = re.sub(r"\b(WIB|WITA|WIT)\b", "", s).strip(" ,")
    parsed = dateparser.parse(
        s,
        languages=["id", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]},
    )
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None

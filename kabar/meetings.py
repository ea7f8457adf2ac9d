"""Meetings: sentences that report parties meeting, merged per event (annotation.md)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from kabar import gazetteer, lexicon
from kabar.dates import find_dates
from kabar.evidence import clamp, cue_regex, stable_id
from kabar.people import (
    ArticlePeople,
    Mention,
    Person,
    coordinated_names,
    find_organizations,
    is_first_person,
    quote_end,
)
from kabar.phrases import AnyOf
from kabar.sentences import Sentence

# Trigger types from the strongest evidence of a meeting to the weakest.
TYPE_ORDER = ("call", "bilateral", "signing", "visit", "multilateral", "other")
# Generic words that need two named people in the sentence to count as a meeting.
# How far back a meeting without a date of its own looks for the day its parties were last given.
CONTEXT_SENTENCES = 6
WEAK_TRIGGERS = frozenset({"menerima", "rapat", "forum", "pertemuan", "meeting", "talks"})


@dataclass
class MeetingDraft:
    sentence: Sentence
    trigger: str
    type_hint: str
    status: str
    social: bool = False
    people: list[Person] = field(default_factory=list)
    core: set[int] = field(default_factory=set)  # ids of the people named where the meeting was first reported
    date: dt.date | None = None
    precision: str | None = None
    venue: str | None = None
    city: str | None = None
    country: str | None = None
    sides: int = 0
    pending: bool = False  # a signing with one named party so far


@cache
def _triggers() -> list[tuple[str, re.Pattern[str]]]:
    data = lexicon.meetings()["triggers"]
    return [(t, lexicon.phrase_regex(data[t], enclitic=True)) for t in TYPE_ORDER if t in data]


@cache
def _any_trigger() -> AnyOf:
    """The first word of every trigger phrase: a superset test that skips the trigger regexes."""
    data = lexicon.meetings()["triggers"]
    return AnyOf.first_words([p for t in TYPE_ORDER for p in data.get(t, [])])


@cache
def _venue_regex() -> re.Pattern[str]:
    heads = lexicon.load("venues")["heads"]
    alt = "|".join(sorted((re.escape(h) for h in heads), key=len, reverse=True))
    return re.compile(rf"\b(?:di|at|in)\s+(?P<v>(?:{alt})(?:\s+(?:[A-Z0-9][\w'’.-]*|dan|of|the|Ketua))*)")


@cache
def _counterparts() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["counterparts"])


# A meeting noun that ends its clause ("… usai pertemuan.") names no new meeting: it is the one reported.
_MEETING_NOUNS = ("pertemuan", "perjumpaan", "kunjungan", "rapat", "audiensi", "pembicaraan", "the meeting")
_BARE = re.compile(r"^(?:nya)?\s*(?:[.,;:!?\"”]|$)")


@cache
def _referring_back() -> re.Pattern[str]:
    """'usai', 'dalam' … ending the text before a meeting noun (meetings.yaml back_reference_before)."""
    return re.compile(rf"\b(?:{lexicon.alternation(lexicon.meetings()['back_reference_before'])})\s+$", re.IGNORECASE)


def _told_again(text: str, word: str, at: int) -> bool:
    """'… usai pertemuan.', 'Dalam rapat, …': a meeting noun ending its clause after a word referring back."""
    if not word.lower().startswith(_MEETING_NOUNS) or not _BARE.match(text[at + len(word) :]):
        return False
    return bool(_referring_back().search(text[:at]))


@cache
def _anaphora() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon.meetings()["anaphora"])
    return re.compile(rf"^(?:nya)?(?:\s+[\w-]+){{0,2}}?\s+(?:{words})\b", re.IGNORECASE)


@cache
def _speech_date() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in lexicon.meetings()["speech_date"]]


@cache
def _social() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["social"], enclitic=True)


def meeting_dates(text: str, base: dt.date | None) -> list:
    """Dates in the sentence, less the one that says when a quote was given."""
    return [d for d in find_dates(text, base) if not any(p.search(text[: d.start]) for p in _speech_date())]


def find_trigger(text: str) -> tuple[str, str] | None:
    """The strongest meeting phrase in text as (type, phrase). A summit that is only the setting
    ("di sela KTT G20") does not make the talks held there multilateral: a weaker phrase decides,
    else the number of sides."""
    if not _any_trigger().search(text):
        return None  # most sentences hold no meeting word: one pass rules them out
    setting = None
    for kind, rx in _triggers():
        for m in rx.finditer(text):
            if _words_before("room", 0).search(text[max(0, m.start() - 20) : m.start()]):
                continue
            if kind == "multilateral":
                before = text[max(0, m.start() - 40) : m.start()]
                if _words_before("time_reference").search(before) or _words_before("summit_part", 0).search(before):
                    continue  # "selama KTT": the summit is a time, not a meeting of this sentence's parties
                if _words_before("setting").search(before):
                    setting = setting or ("other", m.group(0))
                    continue
            return kind, m.group(0)
    return setting


# Between a quote's "saya" or "kami" and the meeting word it is the subject of ("kami bersama Pak
# Bupati akan langsung menemui …"): no clause break.
_SUBJECT_GAP = re.compile(r"[^.,;:!?“”\"]{0,60}")


def _as_subject(m: Mention, s: Sentence, at: int) -> bool:
    """A speaker standing in a quote as "saya"/"kami" took part only as the subject of the meeting word
    ("“Di London saya ketemu Presiden Trump,” kata Prabowo"), not when hoping for others' meeting."""
    start, end = m.start - s.start, m.end - s.start
    if not is_first_person(s.text[start:end]):
        return True
    return end <= at and _SUBJECT_GAP.fullmatch(s.text, end, at) is not None


# Between a reporting verb and the meeting word: the time of the teller's own experience.
_OWN_TIME = re.compile(r"(?:\w+nya|\b(?:ia|dia|dirinya|beliau))\s+(?:ketika|saat|sewaktu|semasa)\s+$", re.IGNORECASE)


# A quote that opens with the meeting word, maybe after a time word, and says with whom: the speaker
# is its subject.
_SUBJECTLESS = re.compile(r"\W*(?:(?:tadi|kemarin|barusan|hari ini|pagi ini|siang ini|malam ini)\s+)?$", re.IGNORECASE)
_WITH_NEXT = re.compile(r"\s+(?:dengan|with)\b", re.IGNORECASE)


def _without_reporter(named: list[Mention], s: Sentence, at: int, kind: str) -> list[Mention]:
    """'Dasco mengatakan penandatanganan … dilakukan oleh Prabowo': who reports a meeting in indirect
    speech is no party to it when the reported clause names the parties itself (two people or
    organisations, or the signatories of a signing)."""
    verbs = list(_reporting().finditer(s.text[:at]))
    if not verbs or s.text[at:].lower().startswith(("pertemuannya", "kunjungannya")):
        return named  # "X menjelaskan, pertemuannya dengan …": the reporter's own meeting
    if _OWN_TIME.search(s.text, verbs[-1].end(), at):
        return named  # "SBY menceritakan pengalamannya ketika bertemu …": the teller's own meeting
    clause = [m for m in named if m.start - s.start >= verbs[-1].end()]
    orgs = find_organizations(s.text[verbs[-1].end() :], international=False) if clause else []
    if len(_unique([m.person for m in clause])) + len(orgs) >= 2 or (kind == "signing" and clause):
        return clause
    return named


@cache
def _reporting() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["reporting"])


@cache
def _appeal() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["appeal"])


@cache
def _negated() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.meetings()["negated"])
    # "keinginan PSI bertemu": a name may stand between the wish and the meeting
    return re.compile(
        rf"\b(?:{words})(?:\s+(?:untuk|to|pernah|jadi|akan|mau|bisa|dapat))?(?:\s+(?-i:[A-Z][\w-]*)){{0,2}}\s+$",
        re.IGNORECASE,
    )


@cache
def _negated_after() -> re.Pattern[str]:
    off, no, held = (lexicon.alternation(lexicon.meetings()[k]) for k in ("called_off", "negated_after", "took_place"))
    return re.compile(
        rf"^(?:nya)?(?:\s+(?:itu|tersebut|ini|mereka|keduanya))?\s+(?:{off})\b"
        rf"|^[^.,;:]{{0,80}}?\b(?:{no})\s+(?:\w+\s+)?(?:{held})\b",
        re.IGNORECASE,
    )


@cache
def _words_before(key: str, gap: int = 2) -> re.Pattern[str]:
    """One of meetings.yaml's word lists, ending a text up to `gap` words before its end ("di sela KTT",
    "selama pelaksanaan KTT")."""
    words = lexicon.alternation(lexicon.meetings()[key])
    return re.compile(rf"\b(?:{words})(?:\s+[\w-]+){{0,{gap}}}\s*$", re.IGNORECASE)


def extract_meetings(
    sentences: list[Sentence],
    people: ArticlePeople,
    mentions: list[list[Mention]],
    base: dt.date | None,
    article_id: str,
    dateline: str | None = None,
) -> list[dict]:
    """One row per meeting event reported in the article (datelined at `dateline`, if known)."""
    drafts: list[MeetingDraft] = []
    not_meeting = cue_regex("meetings", "not_meeting")
    planned = cue_regex("meetings", "planned")
    welcome, arrival = set(lexicon.meetings()["welcome"]), cue_regex("meetings", "arrival")
    for idx, s in enumerate(sentences):
        trig = find_trigger(s.text) or _together(s, mentions[idx], people)
        if trig is None or not_meeting.search(s.text):
            continue
        kind, word = trig
        if word.lower() in welcome and arrival.search(s.text):
            continue  # a welcome on the tarmac
        at = s.text.lower().find(word.lower())
        if _negated().search(s.text[max(0, at - 30) : at]) or _negated_after().match(s.text[at + len(word) :]):
            continue  # "memilih ogah menemui", "refused to meet", "pertemuan belum kunjung terjadi"
        if kind == "signing" and _words_before("decree", 3).search(s.text[max(0, at - 60) : at]):
            continue  # "Perpres itu diteken Presiden …": a decree, not parties meeting
        if any(m.start <= s.start + at < m.end for m in mentions[idx]):
            continue  # "Ketua Forum Kesehatan Kelurahan Dody": the word is in someone's title
        if _appeal().search(s.text, 0, at):
            continue  # "saya mengajak WNI … untuk mendatangi TPS": asked of others, not done
        dates = meeting_dates(s.text, base)
        said = quote_end(s.text)
        named = [m for m in mentions[idx] if not m.person.is_org and _as_subject(m, s, at)]
        if said is not None and at < said:
            speaker = [m for m in named if m.start - s.start >= said][:1]
            named = [m for m in named if m.start - s.start < said]  # a meeting told in a quote: not the speaker's
            if _SUBJECTLESS.match(s.text, 0, at) and _WITH_NEXT.match(s.text, at + len(word)):
                named = speaker + named  # '"Tadi pertemuan dengan Bapak Presiden …," ujarnya': unless it has no subject
        named = _without_reporter(named, s, at, kind)
        # "di bawah kepemimpinan Presiden Prabowo": named in passing, not at the meeting
        named = [m for m in named if not _words_before("in_passing", 1).search(s.text[: m.start - s.start])]
        persons = _unique([m.person for m in named])
        if drafts and _told_again(s.text, word, at):
            _fill(drafts[-1], s.text, dates, at, located_only=True)
            continue  # "… usai pertemuan.", "Dalam rapat, …": the meeting reported, told of again
        if drafts and _anaphora().search(s.text[at + len(word) :]):
            # "pertemuan tersebut": the same meeting again, maybe naming more of who took part
            last = drafts[-1]
            _fill(last, s.text, dates, at, located_only=True)
            last.people = _unique(last.people + persons)
            _retype(last, kind)  # "pertemuan …; kunjungan tersebut": it was a visit
            continue
        after = _unique([m.person for m in named if m.start >= s.start + at])
        if word.lower().startswith(("pertemuan", "perjumpaan", "kunjungan", "rencana")) and len(after) >= 2:
            persons = after  # "X berbicara tentang pertemuan A dan B": the meeting is A's and B's
        for name in coordinated_names(s.text, at):
            if not any(name in p.name or p.name in name for p in persons):
                persons.append(people.add(Person(name=name)))
        persons = _unique(persons)
        orgs = [  # not the organisation in a person's title ("Ketua DPR RI Puan Maharani")
            o.person
            for o in find_organizations(s.text, s.start, international=False)
            if not any(p.name in o.person.name for p in persons)
            and not any(m.start <= o.start < m.end for m in mentions[idx])
        ]
        if kind == "multilateral" and persons and (body := _summit_body(s.text, at, word)):
            orgs = [people.add(body)]  # the summit's members are the other side, not the organisations around them
        possessed = _met_by_subject(s, at + len(word), named)
        if len(persons) == 1 and not orgs and (kind in ("bilateral", "call") or possessed):
            # "… saat pertemuan bilateral di Istana", "pertemuannya dengan Raja Philippe": the other side
            # is the one named just before ("rapat kerja dengan Komisi II DPR RI": the organisation is);
            # whose meeting "-nya" is may have been named a few sentences back
            persons += _neighbour(persons[0], mentions, idx, back=CONTEXT_SENTENCES if possessed else 2)
        if len(persons) < 2 and _pair_subject().search(s.text, 0, at):
            persons = _unique(_pair_before(mentions, idx) + persons)  # "Keduanya bertemu …": the two named last
        pending = kind == "signing" and len(persons) < 2
        if pending and len(_unique(persons + orgs)) >= 2 and (dates or _SOMEWHERE.search(s.text)) and _sides_joined(s):
            pending = False  # "DJP dan DJPK … menandatangani PKS pada Rabu (15/10)": organisations as the sides
        parties = persons + (orgs if len(persons) < 2 and not pending else [])
        if kind == "signing" and persons and _witnessed(drafts, sentences, idx):
            # "Prabowo menyaksikan penandatanganan MoU … . MoU tersebut diteken oleh A dan B": one signing
            last = drafts[-1]
            last.people = _unique(last.people + persons)  # sides: the witness's and the signatories' countries
            last.pending = sum(not p.is_org for p in last.people) < 2
            _fill(last, s.text, dates, at)
            continue
        spans = [(m.start - s.start, m.end - s.start) for m in mentions[idx]]
        counterpart = next(  # a group on the other side, not the title of a person already counted
            (
                c
                for c in _counterparts().finditer(s.text)
                if not any(a <= c.start() < b for a, b in spans) and not _IN_NAME.search(s.text, 0, c.start())
            ),
            None,
        )
        if len(parties) < 2 and not (parties and counterpart) and kind != "signing":
            continue
        # No one named on the other side: the group is the party (but not one to merge meetings on).
        group = [_group(s.text, counterpart)] if len(parties) == 1 and counterpart and not pending else []
        # "ujar Budi dalam rapat dengan Komisi IX DPR": one person at a weak trigger meets an
        # organisation only if it is named right after the trigger and is not the person's own
        weak = kind == "other" and word.lower() in WEAK_TRIGGERS and len(persons) < 2 and not counterpart
        if weak and (len(persons) != 1 or not _met_organisation(s, at, word, persons[0], parties)):
            continue
        # "“… secepatnya,” ungkapnya di sela-sela penandatanganan": the quote's modality is not the meeting's
        clause = s.text[said:] if said is not None and said < at else s.text
        d = MeetingDraft(
            sentence=s,
            trigger=word,
            type_hint=kind,
            status="planned" if planned.search(_around(clause, word)) else "held",
            people=parties + group,
            core={id(p) for p in parties},
            social=bool(_social().search(s.text)),
            pending=pending,
        )
        _fill(d, s.text, dates, at)
        if d.date and base and d.date > base:
            d.status = "planned"
        d.sides = len({people.default_country(p) or p.organization or p.name for p in parties})
        drafts.append(d)
    # A signing seen with one party is a meeting once a later "penandatanganan ini" names another.
    # Attendees first: "Acara turut dihadiri …" completes a signing so far seen with one party.
    _add_attendees(drafts, sentences, mentions, base)
    merged = _merge([d for d in drafts if not d.pending or sum(not p.is_org for p in d.people) >= 2])
    for d in merged:
        if sum(not p.is_org for p in d.people) >= 2:  # people named on both sides: the group was a stand-in
            d.people = [p for p in d.people if not p.is_group]
    _date_from_context(merged, sentences, mentions, base)
    rows = [_row(d, people, article_id) for d in merged]
    for row, d in zip(rows, merged, strict=True):
        row["city"] = row["city"] or _datelined(d, row, dateline, base)
    return rows


# "di Nduga", "ke wilayah Kodam II": a place the gazetteer does not know (the region and the home
# country are no such place: "kota-kota di Asean", "di Indonesia").
_SOMEWHERE = re.compile(r"\b(?:di|ke)\s+(?:wilayah\s+|kawasan\s+|daerah\s+)?(?!(?:ASEAN|Asean|Indonesia)\b)[A-Z]")


def _datelined(d: MeetingDraft, row: dict, dateline: str | None, base: dt.date | None) -> str | None:
    """A meeting of the dateline's own people, held on the article's day (or the day before) or on no
    day the text gives, with no place of its own, took place where the article is datelined
    ("JAKARTA, KOMPAS.com - …"). Not a visit (it went somewhere), nor where the sentence names a
    place it does not know ("di Nduga"). Not counted in the confidence: the place is the reporter's."""
    if not dateline or d.city or d.venue or d.status != "held" or not base or d.type_hint == "visit":
        return None
    if (d.date and not 0 <= (base - d.date).days <= 1) or _SOMEWHERE.search(d.sentence.text):
        return None
    where = gazetteer.city_country(dateline)
    sides = {p["country_code"] for p in row["participants"]} - {None}
    return dateline if where and sides <= {where} and d.country in (None, where) else None


_GROUP_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w'’.-]*|\([A-Z]{2,8}\)))+")


# The body a summit is of: "KTT (Ke-47) ASEAN", "Konferensi Tingkat Tinggi (KTT) Group of Seven (G7)"; before
# an English "summit" ("the G7 summit").
_NAME_WORD = r"(?:[A-Z0-9][\w&.-]*|\([A-Z0-9][\w&.-]*\))"
_BODY_AFTER = re.compile(
    rf"\s*(?:\(KTT\)\s*)?(?:[Kk]e-?\s?\d+\s+)?(?P<b>[A-Z0-9][\w&.-]*(?:\s+(?:(?:of|the|dan|and)\s+)?{_NAME_WORD})*)"
)
_BODY_BEFORE = re.compile(r"\b(?P<b>[A-Z0-9][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*){0,3})\s+$")
_YEAR_OR_ORDINAL = re.compile(r"\s+(?:\d{4}|[Kk]e-?\d+)$")


def _summit_body(text: str, at: int, word: str) -> Person | None:
    """The body of a summit the sentence's people attend (meetings.yaml summit, attends), as a party."""
    if word.lower() not in {w.lower() for w in lexicon.meetings()["summit"]} or not _attending(text):
        return None
    m = _BODY_BEFORE.search(text[:at]) if word.lower() == "summit" else _BODY_AFTER.match(text, at + len(word))
    if m is None:
        return None
    name = _YEAR_OR_ORDINAL.sub("", m.group("b").strip(" ,."))
    return Person(name=name, organization=name, is_org=True) if name else None


def _attending(text: str) -> bool:
    return any(not _negated().search(text[: m.start()]) for m in _attends().finditer(text))


@cache
def _attends() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["attends"])


# Two parties named as one subject or as a pair of sides: "A dan B", "A bersama (dengan) B", "antara A dengan B".
_JOINED = re.compile(r"\s*,?\s*(?:dan|dengan|bersama|serta|and|with)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _sides_joined(s: Sentence) -> bool:
    """Two organisations of a signing named as its two sides: "A dan B", "A bersama B", "antara A dengan B"."""
    found = find_organizations(s.text, international=False)
    return any(_JOINED.match(s.text[a.end : b.start]) for a, b in zip(found, found[1:], strict=False))


def _witnessed(drafts: list[MeetingDraft], sentences: list[Sentence], idx: int) -> bool:
    """Whether the last draft is a signing seen with one party so far, up to two sentences back."""
    if not drafts or not drafts[-1].pending:
        return False
    back = next(i for i in range(idx, -1, -1) if sentences[i] is drafts[-1].sentence)
    return idx - back <= 2


def _group(text: str, counterpart: re.Match[str]) -> Person:
    """'mahasiswa Indonesia', 'Warga Negara Indonesia (WNI)', 'delegasi Vietnam' as a party."""
    tail = _GROUP_TAIL.match(text, counterpart.end())
    name = text[counterpart.start() : tail.end() if tail else counterpart.end()]
    countries = gazetteer.find_countries(name)
    code = countries[0].code if countries else None
    return Person(name=name, organization=name, country_code=code, is_org=True, is_group=True)


# "pertemuannya (berlanjut) dengan <person>": the meeting of the one the article is about.
_POSSESSED_MEETING = re.compile(r"(?<=nya)\s+(?:[a-z]+\s+){0,2}?dengan\s+")


# A group word after a capitalised word (not the sentence's first) is part of a name ("Forum Masyarakat
# Peduli Parlemen Indonesia"), unlike "Dalam Sidang Kabinet …".
_IN_NAME = re.compile(r"\w[,)]?\s+[A-Z][\w-]*\s+$")


def _met_organisation(s: Sentence, at: int, word: str, person: Person, parties: list[Person]) -> bool:
    """'ujar Budi dalam rapat dengan Komisi IX DPR': a meeting (not a forum, not a reception) with an
    organisation named after the word, not the person's own ('Menteri Sosial …, Kementerian Sosial')."""
    if word.lower() in ("forum", "menerima"):
        return False
    after = s.text[at : at + len(word) + 50]  # "rapat dengan X", "pertemuan tertutup X": X is near
    own = f"{person.organization or ''} {person.role or ''}"
    return any(p.is_org and p.name in after and p.name.split(" (")[0] not in own for p in parties)


def _met_by_subject(s: Sentence, end: int, named: list[Mention]) -> bool:
    m = _POSSESSED_MEETING.match(s.text, end)
    return m is not None and any(0 <= x.start - s.start - m.end() <= 2 for x in named)


def _neighbour(person: Person, mentions: list[list[Mention]], idx: int, back: int = 2) -> list[Person]:
    """The other side of a two-sided meeting named in one sentence, from the sentences around it."""
    for j in (idx - 1, idx + 1, *range(idx - 2, idx - back - 1, -1)):
        if 0 <= j < len(mentions):
            for m in mentions[j]:
                if not m.person.is_org and m.person is not person:
                    return [m.person]
    return []


@cache
def _joint_verbs() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["together"])


_VERB_NEXT = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:juga|pun|kemudian|lalu|then|also)\s+)?")


def _together(s: Sentence, named: list[Mention], people: ArticlePeople) -> tuple[str, str] | None:
    """Leaders of two countries doing something together met ("Presiden RI Prabowo Subianto dan Presiden
    Prancis Emmanuel Macron mengecek laboratorium …"): a visit, with the verb (meetings.yaml together)
    as its trigger."""
    persons = [m for m in named if not m.person.is_org]
    for a, b in zip(persons, persons[1:], strict=False):
        countries = {people.default_country(a.person), people.default_country(b.person)}
        if None in countries or len(countries) < 2 or not _JOINED.match(s.text[a.end - s.start : b.start - s.start]):
            continue
        rest = s.text[b.end - s.start :]
        verb = _joint_verbs().match(rest, _VERB_NEXT.match(rest).end())
        if verb:
            return "visit", verb.group(0)
    return None


@cache
def _pair_subject() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["pair"])


def _pair_before(mentions: list[list[Mention]], idx: int) -> list[Person]:
    """The last two people named in the three sentences before, if there are two."""
    people: list[Person] = []
    for j in range(idx - 1, max(-1, idx - 4), -1):
        for m in reversed(mentions[j]):
            if not m.person.is_org and all(m.person is not p for p in people):
                people.append(m.person)
    return people[:2][::-1] if len(people) >= 2 else []


def _fill(d: MeetingDraft, text: str, dates: list, at: int = 0, located_only: bool = False) -> None:
    """Date (the one nearest the trigger) and place from a sentence, where the draft has none yet.

    A sentence that only refers back to the meeting gives a place only when it says the meeting was *in* it.
    """
    if dates and d.date is None:
        best = min(dates, key=lambda x: abs(x.start - at))
        d.date, d.precision = best.date, best.precision
    if d.venue is None and d.city is None:
        _place(d, text, located_only)


def _around(text: str, word: str, width: int = 60) -> str:
    i = text.lower().find(word.lower())
    return text[max(0, i - width) : i + len(word) + 15] if i >= 0 else text


def _unique(items: list[Person]) -> list[Person]:
    """Each person once; an organisation named inside another's name ("G7", "Group of Seven (G7)") too."""
    out: list[Person] = []
    for p in items:
        if all(p is not q and not (p.is_org and q.is_org and _within(p.name, q.name)) for q in out):
            out.append(p)
    return out


def _within(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


@cache
def _venue_cities() -> list[tuple[str, re.Pattern[str]]]:
    cities = lexicon.load("venues")["cities"]
    return [(city, lexicon.phrase_regex(venues, flags=0)) for city, venues in cities.items()]


def _venue_city(text: str) -> str | None:
    return next((city for city, rx in _venue_cities() if rx.search(text)), None)


_ORIGIN = re.compile(r"\b(?:delegasi|rombongan|perwakilan|utusan|dari|asal|delegation|from)\s+$", re.IGNORECASE)


def _place(d: MeetingDraft, text: str, located_only: bool = False) -> None:
    vm = _venue_regex().search(text)
    if vm:
        d.venue = vm.group("v").strip(" ,.")
    cities = gazetteer.find_cities(text)
    # A city written after "di"/"in" is where the meeting took place ("ke": where a visit went).
    where = r"\b(di|in|at|kawasan)" if located_only else r"\b(di|in|at|ke|kawasan)"
    loc = [
        c
        for c in cities
        if re.search(where + r"\s+(?:[\w.]+\s+){0,4}$", text[: c.start]) or (vm and c.start >= vm.end())
    ]
    # A later sentence only refines the place with a city it names; GeoNames' towns fill the meeting's own.
    # A city the other side comes from ("delegasi Ho Chi Minh City", "rombongan dari Osaka") is not it.
    cities = [c for c in cities if not _ORIGIN.search(text, 0, c.start)]
    city = (loc or ([None] if located_only else cities) or [gazetteer.find_located_city(text)])[0]
    if city is not None:
        d.city, d.country = city.surface, city.code
    elif known := _venue_city(text):  # "di Kompleks Parlemen, Senayan": in Jakarta
        d.city, d.country = known, gazetteer.city_country(known)
    else:
        countries = [c for c in gazetteer.find_countries(text) if re.search(r"\b(di|ke|in|to)\s+$", text[: c.start])]
        if countries:
            d.country = countries[0].code


def _add_attendees(
    meetings: list[MeetingDraft], sentences: list[Sentence], mentions: list[list[Mention]], base: dt.date | None
) -> None:
    """People "turut hadir" / "didampingi" in the sentences after a meeting attended it; those
    sentences may also say where and when ("disaksikan … di Gedung Heritage, Jakarta, hari ini")."""
    if not meetings:
        return
    starts = [m.sentence.start for m in meetings]
    for idx, s in enumerate(sentences):
        if not _attendance().search(s.text):
            continue
        before = [i for i, st in enumerate(starts) if st <= s.start]
        if not before:
            continue
        m = meetings[before[-1]]
        gap = sum(1 for x in sentences if m.sentence.start < x.start <= s.start)
        if gap <= 3 or _back_reference().search(s.text):
            m.people = _unique(m.people + [x.person for x in mentions[idx] if not x.person.is_org])
            _fill(m, s.text, meeting_dates(s.text, base), located_only=True)


def _date_from_context(
    meetings: list[MeetingDraft], sentences: list[Sentence], mentions: list[list[Mention]], base: dt.date | None
) -> None:
    """A held meeting with no date in its sentence took place on the day the article last gave
    for one of its parties ("Prabowo tiba di Pakistan pada Senin (8/12). Kedatangan Prabowo disambut …")."""
    index = {s.start: i for i, s in enumerate(sentences)}
    for m in meetings:
        if m.date is not None or m.status != "held":
            continue
        at = index[m.sentence.start]
        for j in range(at - 1, max(-1, at - 1 - CONTEXT_SENTENCES), -1):
            if not any(id(x.person) in m.core for x in mentions[j]):
                continue
            days = [d for d in meeting_dates(sentences[j].text, base) if d.precision == "day"]
            if days:
                m.date, m.precision = days[0].date, "day"
                break


@cache
def _back_reference() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["back_reference"])


@cache
def _attendance() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.meetings()["attendance"])


_MET = re.compile(r"(?:bertemu|menemui|met|meets)\b", re.IGNORECASE)
_NOUN = re.compile(r"(?:pertemuan|perjumpaan|pembicaraan|dialog)", re.IGNORECASE)


def _retype(d: MeetingDraft, kind: str) -> None:
    """A later sentence about the meeting may say what kind it was, with stronger evidence; but the
    talks of "X bertemu dengan Y" stay talks when the article also calls the trip a visit."""
    if TYPE_ORDER.index(kind) < TYPE_ORDER.index(d.type_hint) and not (kind == "visit" and _MET.match(d.trigger)):
        d.type_hint = kind


def _merge(drafts: list[MeetingDraft]) -> list[MeetingDraft]:
    """Sentences about the same talks are one meeting: same people and no conflicting date. A person
    met again with only an organisation named beside them ("audiensi dari Majelis …" after "Puan
    menerima audiensi …") is at the same talks too."""
    out: list[MeetingDraft] = []
    for d in drafts:
        for m in out:
            shared = m.core & d.core
            same_date = d.date is None or m.date is None or d.date == m.date
            # "sowan ke rumah Jokowi di Solo … bertemu tokoh Uni Eropa di Brussel": one person named, in
            # another country, is at other talks
            same_place = len(d.core) > 1 or not (d.country and m.country and d.country != m.country)
            only_orgs = all(p.is_org for p in d.people if id(p) in d.core - shared)
            # "Siti Zuhro … mengungkap isi pertemuannya dengan Puan": the meeting noun names talks whose
            # every side already took part in this one
            attended = _NOUN.match(d.trigger) and d.core <= {id(p) for p in m.people}
            if (
                shared
                and (len(shared) >= min(2, len(d.core)) or only_orgs or attended)
                and same_date
                and same_place
                and m.status == d.status
            ):
                m.people = _unique(m.people + d.people)
                m.date, m.precision = m.date or d.date, m.precision or d.precision
                m.venue, m.city, m.country = m.venue or d.venue, m.city or d.city, m.country or d.country
                _retype(m, d.type_hint)
                break
        else:
            out.append(d)
    return out


# "Kepala Kejaksaan Negeri se-Bali", "Forum Gubernur-Walikota Se-Asean": the heads of every unit of a
# region, so many sides.
_ALL_OF = re.compile(r"(?<![\w-])[Ss]e-[A-Z]")


def _meeting_type(d: MeetingDraft) -> str:
    """From the trigger and the number of sides first reported (later mentions add people, not sides)."""
    core = [p for p in d.people if id(p) in d.core]
    if d.type_hint in ("call", "bilateral"):
        return d.type_hint
    if d.social:
        return "other"
    if d.sides >= 3 or d.type_hint == "multilateral" or len(core) >= 3 or _ALL_OF.search(d.sentence.text):
        return "multilateral"
    if d.type_hint == "visit":
        return "visit"
    # one person named and a group on the other side ("Prabowo bertemu tokoh Uni Eropa"): two sides too
    two = len(core) == 2 or (len(core) == 1 and any(p.is_group for p in d.people))
    return "bilateral" if two or d.type_hint == "signing" else "other"


def _row(d: MeetingDraft, people: ArticlePeople, article_id: str) -> dict:
    s = d.sentence
    countries = {people.default_country(p) for p in d.people if not p.is_org}
    if d.country is None and d.status == "held" and countries == {"IDN"}:
        d.country = "IDN"  # Indonesians meeting with no foreign place named met at home
    conf = 0.45
    conf += 0.2 if d.type_hint in ("bilateral", "call") else 0.1 if d.type_hint == "visit" else 0.0
    conf += 0.1 if len([p for p in d.people if not p.is_org]) >= 2 else 0.0
    conf += 0.1 if d.date else 0.0
    conf += 0.05 if d.city or d.venue else 0.0
    return {
        "meeting_id": stable_id(article_id, "meeting", s.start),
        "article_id": article_id,
        "status": d.status,
        "meeting_type": _meeting_type(d),
        "meeting_date": d.date,
        "date_precision": d.precision if d.date else None,
        "venue": d.venue,
        "city": d.city,
        "country_code": d.country,
        "participants": [
            {
                "name": p.name,
                "role": p.role,
                "organization": p.organization,
                "country_code": people.default_country(p),
            }
            for p in d.people
        ],
        "evidence": s.text,
        "evidence_start": s.start,
        "evidence_end": s.end,
        "confidence": clamp(conf),
        "trigger": d.trigger,
    }

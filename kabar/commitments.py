"""Commitments: agreements, cooperation and pledges stated as fact (annotation.md)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from kabar import gazetteer, lexicon
from kabar.dates import find_dates
from kabar.evidence import Cue, clamp, cue_regex, stable_id
from kabar.people import ArticlePeople, Mention, find_organizations, quote_end
from kabar.phrases import AnyOf
from kabar.sentences import Sentence

# Clauses that name what a commitment covers: "kerja sama di bidang X, Y dan Z".
_AREA_CUE = re.compile(
    r"\b(?:di bidang|dalam bidang|bidang|terkait dengan|terkait|mengenai|tentang|meliputi|mencakup|soal|"
    r"dalam hal|untuk|on|covering|in the fields? of)\s+(?P<a>[^.;:\"“”]+)",
    re.IGNORECASE,
)
_AREA_SPLIT = re.compile(r",\s*(?:dan|serta|and)?\s*|\s+(?:dan|serta|and)\s+(?=[a-z])")
_CUT = re.compile(r"\s+(?:yang|guna|agar|supaya|sehingga|demi|pada|dengan|oleh|di|ke|antara|antar|which|that)\s.*$")


_BOTH = re.compile(
    r"\b(kedua negara|kedua belah pihak|kedua pihak|both countries|both sides|the two countries)\b", re.IGNORECASE
)


@cache
def _instruments() -> list[tuple[str, re.Pattern[str]]]:
    data = lexicon.commitments()["instruments"]
    return [(name, lexicon.phrase_regex(words, flags=re.IGNORECASE, enclitic=True)) for name, words in data.items()]


@cache
def _bills() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.commitments()["bills"], flags=re.IGNORECASE)


def _bills_in(text: str) -> set[str]:
    return {m.group(0).lower() for m in _bills().finditer(text)}


@cache
def _joint() -> re.Pattern[str]:
    return lexicon.phrase_regex(lexicon.commitments()["joint_subjects"], flags=re.IGNORECASE)


@cache
def _signed_noun() -> re.Pattern[str]:
    """'meneken kesepakatan bersama', or in the passive 'kerja sama tersebut telah ditandatangani'."""
    data = lexicon.commitments()
    verbs = lexicon.phrase_regex(data["sign"]).pattern
    passive = lexicon.alternation(data["signed_passive"])
    nouns = "|".join(re.escape(n) for n in data["signed_nouns"])
    return re.compile(
        rf"{verbs}\s+(?P<noun>{nouns})\b|\b(?P<subject>{nouns})(?:\s+[\w-]+){{0,3}}\s+(?:{passive})\b", re.IGNORECASE
    )


@cache
def _pledge_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in lexicon.commitments()["pledge_patterns"]]


@cache
def _any_instrument() -> AnyOf:
    """The first word of every instrument and signed noun: a superset test before the regexes."""
    data = lexicon.commitments()
    return AnyOf.first_words([w for ws in data["instruments"].values() for w in ws] + data["signed_nouns"])


def _instrument(text: str) -> str | None:
    if not _any_instrument().search(text):
        return None
    for name, rx in _instruments():
        if rx.search(text):
            return name
    m = _signed_noun().search(text)  # "meneken kesepakatan bersama" names an instrument too
    return (m["noun"] or m["subject"]).lower() if m else None


@cache
def _background_regex() -> re.Pattern[str]:
    data = lexicon.commitments()
    words = "|".join(re.escape(w) for w in data["instrument_background"])
    sign = lexicon.phrase_regex(data["sign"]).pattern
    return re.compile(rf"\b(?:{words})\s+{sign}", re.IGNORECASE)


@cache
def _any_cue() -> AnyOf:
    """Every word a commitment needs one of: instruments, signing, agreeing, promising, planning."""
    data = lexicon.commitments()
    words = [w for ws in data["instruments"].values() for w in ws]
    for key in ("sign", "cooperate", "pledge", "reached", "planned", "agreed", "signed_passive", "signed_nouns"):
        words += data[key]
    return AnyOf.first_words(words + data["pattern_words"])


@cache
def _effect() -> re.Pattern[str]:
    """An instrument as the subject of a plain future ("IEU-CEPA akan memperkuat posisi Indonesia")."""
    words = lexicon.alternation(w for ws in lexicon.commitments()["instruments"].values() for w in ws)
    return re.compile(rf"\b(?:{words})(?:\s+(?:ini|itu|tersebut))?\s+(?:juga\s+)?(?:akan|bakal|will)\s", re.IGNORECASE)


def _background(text: str) -> bool:
    return bool(_background_regex().search(text))


# "kader yang siap mengabdi", "negara yang berkomitmen …": the cue describes someone, it is no promise
# (but "pelaku yang kami berkomitmen untuk tangkap" is the speaker's own).
_RELATIVE = re.compile(
    r"\b(?:yang|who)\s+(?!(?:kami|kita|saya|aku|we|I)\b)(?:\w+\s+){0,2}$"
    # "kader yang bukan hanya pandai berpolitik, tapi juga siap …"
    r"|\byang\s+(?:bukan|tidak)\s+(?:hanya|saja|cuma)\b[^.;]{0,80}\b(?:tapi|tetapi|melainkan|namun)\s+juga\s+$",
    re.IGNORECASE,
)


# "nota kesepahaman tersebut diteken oleh …", "kontrak yang ditandatangani ini": one told before.
_ANAPHORIC = re.compile(r"\b(?:tersebut|itu|ini)\b", re.IGNORECASE)
# "… juga melakukan penandatanganan …", "… deklarasi terpisah": one more signing, not the one told again.
_ANOTHER = re.compile(r"\b(?:juga|pun|terpisah|lainnya|also|separate)\b", re.IGNORECASE)


# "Ini akan memberikan daya saing …": a thing as the subject states an effect, not a promise.
_THING = re.compile(r"^\W*(?:ini|itu|hal ini|hal itu|hal tersebut|this|it|that)\s+(?:juga\s+|pun\s+)?$", re.IGNORECASE)


def _empty_plan(cue: str) -> bool:
    """'akan segera mengumumkan', 'akan kembali menghadapi': a plan that promises nothing ('siap
    melakukan …' is a promise whatever the verb)."""
    words = cue.lower().split()
    return words[0] in ("akan", "bakal") and _stem(words[-1]) in _plan_verbs("not_plan_verbs")


def _stem(verb: str) -> str:
    """'menginformasikannya' -> 'menginformasikan': the verb without its enclitic."""
    return re.sub(r"(?:nya|lah|pun)$", "", verb.lower())


def _pledge_at(text: str, pledge: Cue) -> int | None:
    """Where the sentence's first real promise starts, if it makes one."""
    cues = [*pledge.finditer(text), *(m for p in _pledge_patterns() for m in p.finditer(text))]
    starts = [
        m.start()
        for m in cues
        if not _RELATIVE.search(text[max(0, m.start() - 120) : m.start()])
        and not _THING.match(text[: m.start()])
        and not _effect().search(text, max(0, m.start() - 60), m.start() + 5)  # "IEU-CEPA akan memperkuat …"
        and not _empty_plan(m.group())
    ]
    return min(starts, default=None)


@cache
def _party_plan() -> re.Pattern[str]:
    return re.compile(lexicon.commitments()["party_plan"])


@cache
def _plan_verbs(key: str) -> frozenset[str]:
    """commitments.yaml's not_plan_verbs or vague_plan_verbs."""
    return frozenset(lexicon.commitments()[key])


def _party_plan_at(text: str, mentions: list[Mention], offset: int) -> int | None:
    """Where a party named right before "akan/bakal me-VERB" ends: that party plans the action
    ("Mitsui akan menyetorkan modal"); None when no party does."""
    if not _party_plan().search(text):
        return None  # no "akan/bakal me-VERB" at all: skip finding the sentence's parties a second time
    ends = [c.end for c in gazetteer.find_countries(text)]
    ends += [m.end - offset for m in (*mentions, *find_organizations(text, offset))]
    for end in sorted(ends):
        if _plans_at(text, end):
            return end
    # "pihaknya akan …", "“Kami akan …,” kata X": the speaker's side, named anywhere in the sentence
    if any(_plans_at(text, m.end()) for m in _WE.finditer(text)):
        return len(text)
    return None


_WE = re.compile(r"\b(?:pihaknya|kami)\b", re.IGNORECASE)


def _plans_at(text: str, end: int) -> bool:
    """A plain plan with a verb that promises something starts at text[end:]."""
    m = _party_plan().match(text, end)
    if m is None:
        return False
    verb = _stem(m["verb"])
    return verb not in _plan_verbs("not_plan_verbs") and verb not in _plan_verbs("vague_plan_verbs")


def extract_commitments(
    sentences: list[Sentence],
    people: ArticlePeople,
    mentions: list[list[Mention]],
    base: dt.date | None,
    article_id: str,
    meetings: list[dict],
) -> list[dict]:
    rows: list[dict] = []
    context_parties: list[str] = []
    context_codes: list[str] = []
    pair_parties: list[str] = []
    pair_codes: list[str] = []
    seen_instruments: set[str] = set()
    deals: list[set[str]] = []  # the countries of each deal reached so far
    sign, coop, pledge, reached = (cue_regex("commitments", k) for k in ("sign", "cooperate", "pledge", "reached"))
    planned, agreed, negative = (cue_regex("commitments", k) for k in ("planned", "agreed", "negative"))
    lists = _lists(sentences)
    listed = {j for items in lists.values() for j in items}
    for idx, s in enumerate(sentences):
        if idx in listed:
            continue  # an item of a list of instruments: the list's heading gave it its row
        text = s.text
        if text.endswith("?"):
            continue  # "Apa saja kerja sama yang telah ditandatangani?": a question states nothing
        before = context_parties, context_codes
        parties, codes = _parties(text, mentions[idx], people)
        if len(set(codes)) == 2:
            pair_parties, pair_codes = parties, codes
        if _BOTH.search(text) and len(set(codes)) < 2 and pair_codes:
            parties, codes = pair_parties, pair_codes  # "kedua negara" = the two countries named before
        if parties:
            context_parties, context_codes = parties, codes
        if idx in lists:  # the heading of a list of instruments stands for its items
            sides, sides_codes = (pair_parties, pair_codes) if pair_codes else (context_parties, context_codes)
            rows += _listed(sentences, idx, lists[idx], listed, sides, sides_codes, article_id, meetings)
            continue
        if not _any_cue().search(text):
            continue  # most sentences name no instrument, agreement, promise or plan: one search rules them out
        instrument = _instrument(text)
        if instrument and _background(text):
            instrument = None  # "setelah penandatanganan MoU ini, kami akan …": the promise is what follows
        if instrument and _effect().search(text) and not sign.search(text):
            instrument = None  # "perjanjian ini akan memperluas akses pasar": what it does, not a commitment
        signed = sign.search(text)
        said = quote_end(text)
        if said is not None and signed and signed.start() > said:
            # '“Saya berharap …,” ungkapnya di sela-sela penandatanganan PKS': the hope is the quote's
            text = text[said:]
            signed = sign.search(text)
        neg = negative.search(text)
        pledged = pledge.search(text)
        if instrument and signed and not neg and (partners := _partners(text)):
            # "Penandatanganan Nota Kesepahaman dilakukan bersama … antara lain A, B, serta C": one each
            rows, main = _partnered(rows, instrument, before)
            for n, partner in enumerate(partners):
                partner_codes = _parties(partner, [], people)[1] or ["IDN"] * (people.language == "id")
                row = _row(article_id, s, "agreement", n, "signed", [*main[0], partner], main[1] + partner_codes,
                           meetings, 0.8)  # fmt: skip
                row.update(instrument=instrument, areas=_areas(text))
                rows.append(row)
            seen_instruments.add(instrument)
            continue
        if instrument in seen_instruments and signed and len(parties) >= 2:
            # "Kemhan menandatangani MoU … . MoU itu diteken oleh A dan B": the agreement is the one naming its sides
            unnamed = [r for r in rows if r["instrument"] == instrument and len(r["parties"]) < 2]
            if unnamed:
                rows.remove(unnamed[0])
                seen_instruments.discard(instrument)
        kind = None
        between = instrument is not None and instrument not in seen_instruments and _between_two(text)
        if instrument and (
            (instrument not in seen_instruments and (sign.search(text) or agreed.search(text) or planned.search(text)))
            or (signed and _another_signing(text, rows, instrument, parties))
            or between
        ):
            kind = "agreement"
            seen_instruments.add(instrument)
        elif (bills := _bills_in(text)) and not bills & seen_instruments and agreed.search(text) and not pledged:
            # "DPR dan pemerintah menyepakati revisi KUHAP" (a pledge's "berjanji" agrees to no bill)
            kind, instrument = "agreement", _bills().search(text).group(0)
            seen_instruments |= bills
        elif reached.search(text):
            # "mencapai kesepakatan perdagangan": a deal reached is an agreement, told by its noun; told
            # again unless it is between other countries ("… dengan Korea. … juga mencapai kesepakatan dengan China")
            if any(set(codes) <= done for done in deals):
                continue
            kind, instrument = "agreement", "kesepakatan"
            deals.append(set(codes))
        elif coop.search(text) and (
            re.search(r"\bkerja\s*sama|bekerja sama|cooperat|kolaborasi|kemitraan|menggandeng", text, re.I)
            or (_joint().search(text) and agreed.search(text))  # "keduanya sepakat …", not "kesepakatan"
            or _countries_agree(text, agreed)  # "Indonesia dan AS sudah menyepakati negosiasi tarif"
        ):
            kind = "cooperation"
        elif (at := _pledge_at(text, pledge)) is not None:
            # "kedua belah pihak menyatakan komitmen untuk …": what two sides promise together, they cooperate on
            kind = "cooperation" if _joint_promise(text, at) else "pledge"
            # who promises is named before the promise ("Prabowo … siap mendukung Israel merdeka")
            promisers = _parties(text[:at], [m for m in mentions[idx] if m.end - s.start <= at], people)
            if promisers[0]:
                parties, codes = promisers
        elif people.language == "id" and (end := _party_plan_at(text, mentions[idx], s.start)) is not None:
            # the parties are who plans, not what or where the plan is about ("napi asal Inggris", "ke AS")
            kind = "pledge"
            parties, codes = _parties(text[:end], [m for m in mentions[idx] if m.end - s.start <= end], people)
        # A hope or need governs what follows it: "berharap … menandatangani" promises nothing.
        if kind is None or (neg and (kind != "agreement" or not signed or neg.start() < signed.start())):
            continue
        status = _status(text, kind, sign, planned, agreed)
        if between and status == "agreed" and not agreed.search(text):
            status = "signed"  # "nota kesepahaman TNI dengan Kejaksaan Nomor 4 Tahun 2023": one in force
        if not parties:
            parties, codes = context_parties, context_codes
        if kind == "pledge" and not parties:
            continue
        due = due_precision = None
        if status == "planned":
            future = [d for d in find_dates(text, base) if base is None or d.date >= base.replace(day=1)]
            if future:
                due, due_precision = future[0].date, future[0].precision
        areas = _areas(text) or _areas_nearby(sentences, idx)
        conf = 0.5 + (0.25 if kind == "agreement" else 0.1) + (0.1 if codes else 0) + (0.05 if areas else 0)
        pairs = _signatory_pairs(text) if kind == "agreement" else []
        for n, (names, countries) in enumerate(pairs or [(parties, codes)]):
            row = _row(article_id, s, kind, n, status, names, countries, meetings, conf - (0.15 if neg else 0))
            row.update(instrument=instrument if kind == "agreement" else None, areas=areas)
            row.update(due_date=due, due_precision=due_precision)
            rows.append(row)
    return _distinct(rows)


def _between_two(text: str) -> bool:
    """An instrument named with its two sides right after it ("nota kesepahaman TNI dengan Kejaksaan",
    "MoU antara Pemprov Bali dan Pemprov DKJ"): annotation.md counts each MoU of a sentence naming two."""
    for _, rx in _instruments():
        for m in rx.finditer(text):
            if _SIDES_AFTER.match(text, m.end()):
                return True
    return False


_SIDES_AFTER = re.compile(r"\s+(?:antara\s+)?(?:[A-Z][\w&.()/-]*\s+){1,5}?(?:dengan|dan|and|with)\s+(?:pihak\s+)?[A-Z]")


def _another_signing(text: str, rows: list[dict], instrument: str, parties: list[str]) -> bool:
    """One more signing of a kind of instrument told before, said to be another ("… juga melakukan
    penandatanganan Perjanjian Induk … bersama BSI"), with a side not yet named for it. A one-word side
    told before ("Indonesia") does not make "Bank Syariah Indonesia" known."""
    if not _ANOTHER.search(text) or _ANAPHORIC.search(text):
        return False
    told = [set(p.casefold().split()) for r in rows if r["instrument"] == instrument for p in r["parties"]]
    names = [set(p.casefold().split()) for p in parties]
    return len(names) >= 2 and any(not any(w <= t or (len(t) > 1 and t <= w) for t in told) for w in names)


def _joint_promise(text: str, at: int) -> bool:
    """The two sides are the subject of the promise at `at`: "kedua menteri menegaskan komitmen untuk …"
    (not "demi perdamaian kedua negara, Presiden … siap …")."""
    return any(re.fullmatch(r"\s+(?:\w+\s+){0,2}", text[m.end() : at]) for m in _joint().finditer(text, 0, at))


def _distinct(rows: list[dict]) -> list[dict]:
    """A sentence repeated word for word (scrapes duplicate paragraphs) states one commitment, not two."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["kind"], r["status"], r["instrument"], tuple(r["parties"]), tuple(r["areas"]), r["evidence"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


_LIST_SEP = re.compile(r"\s*[,;]\s*(?:serta\s+|dan\s+|and\s+)?|\s+serta\s+")


@cache
def _partner_list() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.commitments()["partner_list"])
    return re.compile(rf"\b(?:{words})\s*:?\s+", re.IGNORECASE)


def _partners(text: str) -> list[str]:
    """Two or more organisations listed after "antara lain", "yaitu" … in a signing sentence
    ("… bersama kementerian dan lembaga antara lain A, B, serta C": the partners of one signing)."""
    m = _partner_list().search(text)
    if m is None:
        return []
    items = [x.strip(" .") for x in _LIST_SEP.split(text[m.end() :])]
    if len(items) < 2 or not all(x[:1].isupper() for x in items):
        return []
    heads = set(lexicon.commitments()["partner_heads"])
    return items if all(find_organizations(x) or x.split()[0] in heads for x in items) else []


def _partnered(rows: list[dict], instrument: str, context: tuple) -> tuple[list[dict], tuple]:
    """The side every listed partner signed with: the parties of the instrument's earlier, unlisted
    row (which the list replaces), else the parties named before."""
    earlier = [r for r in rows if r["kind"] == "agreement" and r["instrument"] == instrument]
    if earlier:
        first = earlier[0]
        return [r for r in rows if r is not first], (first["parties"], first["party_countries"])
    return rows, context


def _countries_agree(text: str, agreed: Cue) -> bool:
    """Two countries as the subject of an agreeing verb: what they agree on, they do together."""
    verb = agreed.search(text)
    if verb is None:
        return False
    subject = [c for c in gazetteer.find_countries(text[: verb.start()]) if not _located(text, c.start)]
    return len({c.code for c in subject}) >= 2


def _row(
    article_id: str,
    s: Sentence,
    kind: str,
    n: int,
    status: str,
    names: list[str],
    countries: list[str],
    meetings: list[dict],
    conf: float,
) -> dict:
    """A commitment row with what every kind has; the caller fills instrument, areas and due date."""
    return {
        "commitment_id": stable_id(article_id, "commitment", s.start, kind, *([n] if n else [])),
        "article_id": article_id,
        "meeting_id": _meeting_for(s, meetings, countries),
        "kind": kind,
        "status": status,
        "parties": names,
        "party_countries": sorted(set(countries)),
        "instrument": None,
        "areas": [],
        "due_date": None,
        "due_precision": None,
        "evidence": s.text,
        "evidence_start": s.start,
        "evidence_end": s.end,
        "confidence": clamp(conf),
    }


_ITEM = re.compile(r"^\s*(?:\d{1,3}|[a-z])[.)]\s+|^\s*[-•*]\s+")
_ITEM_SIDES = re.compile(r"\s+(?:--|–|—|-)\s+")
_AND = re.compile(r"\s+(?:dan|and|&)\s+", re.I)
_ITEM_TAIL = re.compile(r"\s+(?:tentang|untuk|dalam|di bidang|on|concerning|in the field)\b.*$|\s*\([^)]*\)", re.I)


@cache
def _item_opener() -> re.Pattern[str]:
    return re.compile(rf"^(?:{lexicon.alternation(lexicon.commitments()['item_openers'])})\s+", re.IGNORECASE)


def _lists(sentences: list[Sentence]) -> dict[int, list[int]]:
    """Headings ("dokumen MoU yang dipertukarkan, yaitu:") and the numbered or bulleted items under them."""
    out: dict[int, list[int]] = {}
    heading = cue_regex("commitments", "list_heading")
    i = 0
    while i < len(sentences):
        text = sentences[i].text.rstrip()
        j = i + 1
        if text.endswith(":") and (_instrument(text) or heading.search(text)):
            while j < len(sentences) and _ITEM.match(sentences[j].text):
                j += 1
            if j > i + 1:
                out[i] = list(range(i + 1, j))
        i = j if j > i + 1 else i + 1
    return out


def _listed(
    sentences: list[Sentence],
    head: int,
    items: list[int],
    listed: set[int],
    parties: list[str],
    codes: list[str],
    article_id: str,
    meetings: list[dict],
) -> list[dict]:
    """One agreement per listed instrument, signed when the heading or the sentences just before it
    (other lists' items aside) say so; its sides are those an item names ("MoU antara A dan B",
    "A -- B"), else the heading's."""
    before = [k for k in range(head - 1, -1, -1) if k not in listed][:3]
    context = " ".join(sentences[k].text for k in [*before, head])
    heading = sentences[head].text
    sign, planned = cue_regex("commitments", "sign"), cue_regex("commitments", "planned")
    status = "signed" if sign.search(context) else "planned" if planned.search(heading) else "agreed"
    rows = []
    for j in items:
        s = sentences[j]
        text = _ITEM.sub("", s.text).rstrip(" .;")
        instrument = _instrument(text) or _instrument(heading)
        if instrument is None:
            continue
        sides = _item_sides(text)
        item_codes = [c.code for c in gazetteer.find_countries(text)]
        countries = item_codes + codes
        conf = 0.75 + (0.1 if countries else 0)
        row = _row(article_id, s, "agreement", 0, status, sides or parties, countries, meetings, conf)
        row.update(instrument=instrument, areas=_areas(text))
        rows.append(row)
    return rows


def _item_sides(text: str) -> list[str]:
    """'MoU antara SMESCO dan SMEDA tentang …' -> [SMESCO, SMEDA]; 'MoU BGN -- Danone' -> [BGN, Danone]."""
    between = _BETWEEN.search(text)
    if between:
        text = text[between.end() :]
    sides = _ITEM_SIDES.split(text)
    if len(sides) != 2:  # "antara Kementerian Pendidikan Tinggi, Sains, dan Teknologi dengan HEC"
        sides = re.split(r"\s+dengan\s+", text, maxsplit=1) if " dengan " in text else _AND.split(text, maxsplit=1)
    if len(sides) == 2 and not between:  # "MoU BGN -- Danone", "Investasi PT RGE -- Total"
        sides[0] = next((rx.sub("", sides[0]) for _, rx in _instruments() if rx.match(sides[0])), sides[0])
        sides[0] = _item_opener().sub("", sides[0].strip())
    names = [_ITEM_TAIL.sub("", x).strip(" ,.") for x in sides]
    return names if len(names) == 2 and all(names) else []


_BETWEEN = re.compile(r"\b(?:antara|between)\s+", re.IGNORECASE)
_NEXT_PAIR = re.compile(r",?\s+(?:serta|dan|as well as|and)\s+(?=(?:antara|between)\b)", re.IGNORECASE)
_PAIR = re.compile(
    r"(?:antara|between)\s+(?:antara\s+)?(?P<a>.+?)\s+(?:dan|and|with|dengan)\s+(?P<b>.+?)[\s,.]*$", re.I
)


def _signatory_pairs(text: str) -> list[tuple[list[str], list[str]]]:
    """'2 MoU antara A (Indonesia) dan B (Pakistan), serta antara C dan D': one agreement per pair."""
    if len(_BETWEEN.findall(text)) < 2:
        return []
    pairs = []
    for segment in _NEXT_PAIR.split(text[_BETWEEN.search(text).start() :]):
        m = _PAIR.match(segment)
        if m is None:
            return []
        sides = [m["a"], m["b"]]
        names = [re.sub(r"\s*\([^)]*\)", "", x).strip() for x in sides]
        codes = [c.code for x in sides for c in gazetteer.find_countries(x)[:1]]
        pairs.append((names, codes))
    return pairs if len(pairs) >= 2 else []


# "telah menandatangani …", "have signed a letter of intent in which X plans to …": signed, whatever is planned.
_SIGNED_BEFORE = re.compile(
    r"\b(?:telah|sudah|resmi)\s+(?:menandatangani|meneken|diteken)|\b(?:has|have|had)\s+signed\b", re.IGNORECASE
)


def _status(text: str, kind: str, sign: Cue, planned: Cue, agreed: Cue) -> str:
    plan = planned.search(text)
    if plan and not _SIGNED_BEFORE.search(text):
        promise = agreed.search(text, 0, plan.start())
        # "berjanji akan …", "berkomitmen akan …": the promise is made now, whatever it is for.
        return "agreed" if kind == "pledge" and promise else "planned"
    if kind == "agreement" and sign.search(text):
        return "signed"
    return "agreed"


def _parties(text: str, mentions: list[Mention], people: ArticlePeople) -> tuple[list[str], list[str]]:
    """Parties named in the sentence: countries first ("Indonesia dan Vietnam"), else people and organisations."""
    countries = [c for c in gazetteer.find_countries(text) if not _located(text, c.start)]
    names: list[str] = []
    codes: list[str] = []
    spans: list[int] = []
    for c in countries:
        if c.surface not in names and c.code not in codes:
            names.append(c.surface)
            codes.append(c.code)
            spans.append(c.start)
    if len(codes) >= 2:
        return names, codes
    for m in mentions:
        if m.person.name not in names:
            names.append(m.person.name)
            code = people.default_country(m.person)
            if code:
                codes.append(code)
    for o in find_organizations(text):
        inside = [k for k, at in enumerate(spans) if o.start <= at < o.end]
        if inside:
            names[inside[0]] = o.person.name  # "bersama Bank Syariah Indonesia": the bank, not the country
        elif not any(o.person.name in n or n in o.person.name for n in names):
            names.append(o.person.name)
            code = people.default_country(o.person)
            if code:
                codes.append(code)
    return names, codes


def _located(text: str, start: int) -> bool:
    """'at their summit in Reykjavik, Iceland', 'berinvestasi di Indonesia': a place, not a party."""
    return bool(_locative().search(text[max(0, start - 40) : start]))


@cache
def _locative() -> re.Pattern[str]:
    """A locative preposition, maybe with a city and a comma between it and the country."""
    words = lexicon.alternation(lexicon.load("countries")["locative"])
    return re.compile(rf"\b(?:{words})\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}?(?:[A-Z][\w'’.-]*,\s+)?$")


def _areas(text: str) -> list[str]:
    m = _AREA_CUE.search(text)
    if not m:
        return []
    out = []
    for part in _AREA_SPLIT.split(m.group("a")):
        part = _CUT.sub("", part).strip(" ,.")
        if 2 <= len(part) <= 80 and len(part.split()) <= 8:
            out.append(part)
    return out[:8]


def _areas_nearby(sentences: list[Sentence], idx: int) -> list[str]:
    """A commitment sentence without its scope often follows the sentence that gives it."""
    for j in (idx - 1, idx - 2, idx + 1):
        if 0 <= j < len(sentences) and re.search(r"kerja\s*sama|cooperation", sentences[j].text, re.I):
            found = _areas(sentences[j].text)
            if found:
                return found
    return []


def _meeting_for(s: Sentence, meetings: list[dict], codes: list[str]) -> str | None:
    if len(meetings) == 1:
        m = meetings[0]
        countries = {p["country_code"] for p in m["participants"]}
        if not codes or set(codes) <= countries:
            return m["meeting_id"]
    return None

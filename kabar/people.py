"""People and organisations named in an article, with role, organisation and country.

Indonesian news introduces a person as TITLE [PORTFOLIO…] [COUNTRY] [(ABBR)] [,] NAME
("Menteri Informasi dan Komunikasi Vietnam Nguyen Manh Hung") and later calls them by one
name ("Hung", "Plate") or the abbreviated title ("Menkominfo"). An ArticlePeople registry
resolves those later mentions to the first, full one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from kabar import gazetteer, lexicon
from kabar.phrases import PhraseMatcher

_TOKEN = re.compile(r"\(|\)|,|“|”|\"|[^\W_](?:[\w.'’\-]*[\w])?\.?", re.UNICODE)
# Longest run of name tokens kept as one name.
MAX_NAME_TOKENS = 5


class Token(NamedTuple):  # a NamedTuple: sentences make hundreds of thousands of them
    text: str
    start: int
    end: int
    core: str  # without a trailing period: "Dr." -> "Dr"
    low: str  # core, lower-cased: phrase indexes compare these, once per token


_new_token = tuple.__new__


@dataclass
class Person:
    name: str
    role: str | None = None
    organization: str | None = None
    country_code: str | None = None
    aliases: set[str] = field(default_factory=set)
    is_org: bool = False
    is_group: bool = False  # "mahasiswa Indonesia": an unnamed group standing in for a side

    def keys(self) -> set[str]:
        """Words by which later mentions refer to this entity."""
        words = {w for w in self.name.split() if len(w) >= 3 and w[0].isupper()}
        return words | self.aliases


@dataclass
class Mention:
    person: Person
    start: int
    end: int


@dataclass(frozen=True)
class PhraseIndex:
    """Word sequences indexed by their first word, longest first: one dict lookup per token."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]
    ignore_case: bool

    @classmethod
    def build(cls, phrases: list[str], ignore_case: bool) -> PhraseIndex:
        groups: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            words = tuple(w.lower() if ignore_case else w for w in p.split())
            if words:
                groups.setdefault(words[0], []).append(words)
        return cls({k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in groups.items()}, ignore_case)


@cache
def _lex() -> dict:
    roles = lexicon.roles()
    names = lexicon.load("names")
    return {
        "titles": PhraseIndex.build(list(roles["titles"]) + list(roles["abbreviations"]), ignore_case=True),
        "abbr": roles["abbreviations"],
        "portfolio": set(roles["portfolio"]),
        "not_name": set(names["not_name"]),
        "particles": set(names["particles"]),
        "org_heads": PhraseIndex.build(names["org_heads"] + names["domestic_orgs"], ignore_case=False),
        "org_prefixes": tuple(names["org_prefixes"]),
        "honorifics": set(roles["honorifics"]),
        "former": set(roles["former"]),
        "residences": set(roles["residences"]),
        "region_suffixes": set(roles["region_suffixes"]),
        "address": set(roles["honorifics"]) | set(names["address"]),
        "foreign_by_default": set(roles["foreign_by_default"]),
        "generic_roles": set(roles["generic_roles"]),
        "epithets": {k: frozenset(v) for k, v in roles["epithets"].items()},
        "company_suffixes": set(names["company_suffixes"]),
        "joiners": set(roles["joiners"]),
        "prepositions": set(lexicon.load("countries")["prepositions"]),
    }


def tokenize(text: str) -> list[Token]:
    return list(_tokens(text))


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[Token, ...]:
    """People and organisations are both looked for in every sentence: tokenize it once."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        core = word.rstrip(".")
        out.append(_new_token(Token, (word, *m.span(), core, core.lower())))  # Token(...) costs twice this
    return tuple(out)


def _match_seq(tokens: list[Token], i: int, index: PhraseIndex) -> int:
    """Length of the longest phrase of index starting at tokens[i], else 0.

    Case-insensitive indexes still need a capital on a one-word match ("Menteri", not "menteri").
    """

    words = index.by_first.get(tokens[i].low if index.ignore_case else tokens[i].core)
    if not words:
        return 0
    for seq in words:
        n = len(seq)
        if i + n > len(tokens):
            continue
        following = tokens[i + 1 : i + n]
        fits = all((t.low if index.ignore_case else t.core) == w for t, w in zip(following, seq[1:], strict=True))
        if fits and (n > 1 or not index.ignore_case or tokens[i].text[:1].isupper()):
            return n
    return 0


def _is_name_token(tok: Token, lex: dict) -> bool:
    w = tok.text
    if not w[:1].isupper():
        return False
    core = w.rstrip(".")
    if core in lex["not_name"] or core in lex["portfolio"] or core.startswith(lex["org_prefixes"]):
        return False
    if len(core) > 1 and core.isupper() and core not in _alias_index():
        return False  # acronyms (RI, DPR) are organisations, not names
    if core.endswith("-nya"):
        return False  # "Presiden Council-nya": a possessive, not a name
    return not any(c.isdigit() for c in core)


@cache
def _alias_index() -> dict[str, dict]:
    out = {}
    for entry in lexicon.people():
        out[entry["name"]] = entry
        for a in entry.get("aliases") or []:
            out[a] = entry
    return out


def _places_by_start(text: str) -> dict[int, gazetteer.Place]:
    places = {p.start: p for p in gazetteer.find_cities(text)}
    places.update({p.start: p for p in gazetteer.find_countries(text)})
    return places


def find_mentions(text: str, offset: int = 0) -> list[Mention]:
    """Titled people ('Presiden Prancis Emmanuel Macron') and known figures ('Jokowi') in text."""
    lex = _lex()
    tokens = tokenize(text)
    places: dict[int, gazetteer.Place] | None = None  # looked up at the first title: most sentences name none
    out: list[Mention] = []
    i = 0
    n = len(tokens)
    titles, aliases = lex["titles"].by_first, _alias_first_words()
    while i < n:
        if tokens[i].low not in titles and tokens[i].text not in aliases:
            i += 1  # most words start neither a title nor a known name: skip the two lookups' calls
            continue
        k = _match_seq(tokens, i, lex["titles"])
        if k == 0:
            known = _known_person(tokens, i)
            if known:
                j, person = known
                out.append(Mention(person, offset + tokens[i].start, offset + tokens[j - 1].end))
                i = j
                continue
            i += 1
            continue
        if _after_residence(tokens, i, lex):
            i += k  # "Rumah Dinas Bupati Agam": a building, not the regent
            continue
        if places is None:
            places = _places_by_start(text)
        j, role_toks, country = _role_phrase(tokens, i + k, places, lex, text)
        country = country or _country_before(tokens, i, text)
        role_toks = tokens[i : i + k] + role_toks
        name_toks, j = _name_run(tokens, j, lex)
        # "Direktur Utama Pertamina, Simon Aloysius Mantiri": the first run was the organisation.
        org = None
        comma = _appositive_comma(tokens, j, lex) if name_toks else None
        if comma is not None and not _match_seq(tokens, comma + 1, lex["titles"]):
            second, j2 = _name_run(tokens, comma + 1, lex)
            if len(second) >= 2 and (comma - j + len(name_toks) <= 3 or comma > j):
                # "Utusan Khusus Presiden Bidang Pembinaan Generasi Muda dan Pekerja Seni, Raffi Ahmad"
                org = " ".join(t.text for t in tokens[j - len(name_toks) : comma])
                name_toks, j = second, j2
        abbr = lex["abbr"].get(tokens[i].text) if k == 1 else None
        role = _role_text(role_toks, abbr)
        if role and role.rstrip(".") in lex["honorifics"]:
            role = None  # "Mr Gates"
        start = i
        if not name_toks and role:
            # "berdiskusi dengan Al Gore, Mantan Wakil Presiden Amerika Serikat": the name came first
            name_toks = _name_before_title(tokens, i, places, lex, out, offset)
            start = tokens.index(name_toks[0]) if name_toks else i
        if name_toks:
            name = " ".join(t.text.rstrip(",") for t in name_toks).rstrip(".")
            known = _alias_index().get(name.replace("’", "'"))  # "Ma’ruf Amin" is "Ma'ruf Amin"
            person = Person(
                name=known["name"] if known else name,
                role=role,
                organization=org or _organization(role, abbr, country),
                country_code=country or (known or {}).get("country"),
            )
            if known:
                person.aliases |= set(known.get("aliases") or []) | {name}
            if abbr:
                person.aliases.add(tokens[i].text)
            out.append(Mention(person, offset + tokens[start].start, offset + tokens[j - 1].end))
        i = max(j, i + 1)
    if not out:
        return out
    return out + _coordinated_people(tokens, out, _places_by_start(text) if places is None else places, offset)


def _after_residence(tokens: list[Token], i: int, lex: dict) -> bool:
    before = [t.low for t in tokens[max(0, i - 2) : i]]
    return bool(before) and (before[-1] in lex["residences"] or " ".join(before) in lex["residences"])


def _name_before_title(
    tokens: list[Token], i: int, places: dict[int, gazetteer.Place], lex: dict, found: list[Mention], offset: int
) -> list[Token]:
    """A name of two to four words right before ", <title>" ('Al Gore, Mantan Wakil Presiden AS'), not a
    place, an organisation or a person already found."""
    if i > 0 and tokens[i - 1].low in lex["former"]:
        i -= 1
    if i < 3 or tokens[i - 1].text != ",":
        return []
    k = i - 1
    while k > 0 and i - 1 - k < 4 and _is_name_token(tokens[k - 1], lex) and tokens[k - 1].start not in places:
        k -= 1
    run = tokens[k : i - 1]
    if len(run) < 2 or (k > 0 and tokens[k - 1].text[:1].isupper()):
        return []  # one word is too weak, and a longer capitalised run is a title or a place ("Raja Belgia")
    if any(_match_seq(tokens, x, lex["titles"]) for x in range(k, i - 1)):
        return []
    if any(m.start <= offset + run[0].start < m.end for m in found):
        return []
    return list(run)


_AND = ("dan", "and", "&")


def _coordinated_people(
    tokens: list[Token], found: list[Mention], places: dict[int, gazetteer.Place], offset: int
) -> list[Mention]:
    """'disaksikan oleh Prabowo dan Shehbaz Sharif': an untitled name of two or more words joined by
    "dan" to a person already found is a person too (not a title, an organisation or a place)."""
    if not found or not any(t.text in _AND for t in tokens):
        return []
    lex = _lex()
    by_start = {offset + t.start: i for i, t in enumerate(tokens)}
    by_end = {offset + t.end: i for i, t in enumerate(tokens)}
    out: list[Mention] = []
    for m in found:
        if m.person.is_org:
            continue
        after, before = by_end.get(m.end), by_start.get(m.start)
        runs: list[tuple[int, list[Token]]] = []  # (index of the run's first token, the run)
        if after is not None and after + 2 < len(tokens) and tokens[after + 1].text in _AND:
            runs.append((after + 2, _name_run(tokens, after + 2, lex)[0]))
        if before is not None and before >= 3 and tokens[before - 1].text in _AND:
            k = before - 2
            while k > 0 and _is_name_token(tokens[k - 1], lex) and before - 1 - k < MAX_NAME_TOKENS:
                k -= 1
            run, _ = _name_run(tokens, k, lex)
            runs.append((k, run if k + len(run) == before - 1 else []))
        for first, run in runs:
            if len(run) < 2 or any(t.start in places for t in run):
                continue
            if _match_seq(tokens, first, lex["titles"]) or _match_seq(tokens, first, lex["org_heads"]):
                continue
            start, end = offset + run[0].start, offset + run[-1].end
            if any(x.start < end and start < x.end for x in found + out):
                continue
            out.append(Mention(Person(name=" ".join(t.text for t in run).rstrip(".,")), start, end))
    return out


@cache
def _alias_first_words() -> frozenset[str]:
    return frozenset(key.split()[0] for key in _alias_index())


def _known_person(tokens: list[Token], i: int) -> tuple[int, Person] | None:
    """A figure from people.yaml written by full name or alias ('SBY', 'Jokowi')."""
    if tokens[i].text not in _alias_first_words():
        return None
    index = _alias_index()
    for width in (4, 3, 2, 1):
        if i + width > len(tokens):
            continue
        text = " ".join(t.text for t in tokens[i : i + width])
        entry = index.get(text)
        if entry and _inside_longer_name(tokens, i, i + width):
            return None  # "Bank Mega Syariah" is no Megawati
        if entry:
            p = Person(name=entry["name"], country_code=entry.get("country"))
            p.aliases |= set(entry.get("aliases") or [])
            return i + width, p
    return None


def _appositive_comma(tokens: list[Token], j: int, lex: dict) -> int | None:
    """Index of the comma when the capitalised run before tokens[j] goes on ('dan Pekerja Seni')
    to a comma: the run named an organisation or a field, and the person follows the comma."""
    k = j
    while k < len(tokens) and k < j + 8:
        t = tokens[k].text
        if t == ",":
            return k if k + 1 < len(tokens) else None
        joined = t in ("dan", "&") and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()
        acronym = len(t) > 1 and t.isupper()  # "Kepala Otorita IKN, Basuki Hadimuljono"
        if not (joined or acronym or _is_name_token(tokens[k], lex)) or _match_seq(tokens, k, lex["titles"]):
            return None
        k += 1
    return None


def _country_before(tokens: list[Token], i: int, text: str) -> str | None:
    """'Chinese Foreign Minister Wang Yi': a country word just before the title, unless it is the
    place of a preposition ('tiba di Malaysia Presiden …')."""
    if i == 0:
        return None
    place = next((p for p in gazetteer.find_countries(text) if p.end == tokens[i - 1].end), None)
    if place is None:
        return None
    before = text[: place.start].split()
    if before and before[-1].lower() in _lex()["prepositions"]:
        return None
    return place.code


def _inside_longer_name(tokens: list[Token], i: int, end: int) -> bool:
    """A known name that is part of a longer proper noun: an organisation head before it, or
    another name word after a one-word alias. (A name word before it is often an honorific:
    'Yang Mulia Lawrence Wong'.)"""
    lex = _lex()
    org_before = i > 0 and _match_seq(tokens, i - 1, lex["org_heads"]) == 1
    name_after = end == i + 1 and end < len(tokens) and _is_name_token(tokens[end], lex)
    return org_before or name_after


def _role_phrase(tokens: list[Token], j: int, places: dict, lex: dict, text: str):
    """Consume portfolio words, places, '(ABBR)' and 'dan' after a title; return (j, role tokens, country)."""
    role: list[Token] = []
    country = None
    n = len(tokens)
    while j < n:
        t = tokens[j]
        place = places.get(t.start)
        if t.text == "(":
            close = next((x for x in range(j + 1, min(n, j + 10)) if tokens[x].text == ")"), None)
            if close is None:
                break
            inner = tokens[j + 1 : close]
            for x in inner:  # "(Menkominfo RI)" names a country too
                p = places.get(x.start)
                if p and p.kind == "country" and country is None:
                    country = p.code
            j = close + 1
            continue
        org_end = None
        if place is None and t.text[:1].isupper() and t.text not in lex["portfolio"]:
            org_end = _organisation_before_abbreviation(tokens, j, lex)
        if org_end:
            # "Ketua Perhimpunan Hotel dan Restoran Indonesia (PHRI) Jatim, Dwi Cahyono"
            role.extend(
                x
                for x in tokens[j:org_end]
                if x.text not in ("(", ")") and x.end <= tokens[org_end - 1].start and not _inside_parens(tokens, j, x)
            )
            j = org_end
            continue
        if place is not None:
            end = next((x for x in range(j, n) if tokens[x].end >= place.end), j)
            if place.kind != "country":
                role.extend(tokens[j : end + 1])
            country = country or place.code  # "Wakil Ketua Komite Rakyat Ho Chi Minh City": Vietnamese
            j = end + 1
            continue
        region = j + 1
        while region < n and tokens[region].text in lex["region_suffixes"]:
            region += 1
        if region > j + 1 and _is_name_token(t, lex):
            role.extend(tokens[j:region])  # "Bupati Flores Timur Anton Doni": a region the gazetteer lacks
            j = region
            continue
        institution = t.text.startswith(lex["org_prefixes"])  # "Kepala Biro Humas Kemenkeu Deni Surjantoro"
        if (
            institution
            or t.text in lex["portfolio"]
            or (t.text.isupper() and len(t.text) >= 2 and t.text not in _alias_index())
        ):
            role.append(t)
            j += 1
            continue
        if (t.text.lower() in lex["joiners"] or t.text == ",") and _role_continues(tokens, j + 1, places, lex):
            # "Bidang Hukum, Hak Asasi Manusia, dan Imigrasi"; "Secretary of State for Foreign, … of the United Kingdom"
            role.append(t)
            j += 1
            continue
        if role and role[-1].text == "," and _role_continues(tokens, j, places, lex):
            role.append(t)  # the unknown part of "Tinggi, Sains, dan Teknologi"
            j += 1
            continue
        if t.text.lower() == "sekaligus":
            role.append(t)
            j += 1
            continue
        if _match_seq(tokens, j, lex["titles"]) and role and role[-1].text.lower() == "sekaligus":
            k = _match_seq(tokens, j, lex["titles"])
            role.extend(tokens[j : j + k])
            j += k
            continue
        if re.fullmatch(r"ke-?\d+", t.text):
            role.append(t)
            j += 1
            continue
        if t.text == "," and j + 1 < n and _is_name_token(tokens[j + 1], lex):
            j += 1
            break
        break
    return j, role, country


def _role_continues(tokens: list[Token], j: int, places: dict, lex: dict) -> bool:
    """Whether the role phrase goes on at tokens[j] (after a joining word or comma); 'the' is skipped."""
    while j < len(tokens) and tokens[j].text.lower() in ("the", "dan", "and"):
        j += 1
    if j >= len(tokens):
        return False
    t = tokens[j]
    if t.text in lex["portfolio"] or t.start in places or _match_seq(tokens, j, lex["titles"]):
        return True
    if tokens[j - 1].text != "," and t.text[:1].isupper() and _organisation_before_abbreviation(tokens, j, lex):
        return True  # "Duta Besar Kamboja untuk Perserikatan Bangsa-Bangsa (PBB), Chhea Keo"
    # An unknown part inside an enumeration of portfolio parts: "Tinggi, Sains, dan Teknologi".
    k = j + 1
    while k < len(tokens) and tokens[k].text.lower() in (",", "dan", "and"):
        k += 1
    joined = k > j + 1 and tokens[j + 1].text.lower() in (",", "dan", "and")
    return joined and t.text[:1].isupper() and k < len(tokens) and tokens[k].text in lex["portfolio"]


_ROLE_ABBR = re.compile(r"^(?:[A-Z][A-Z0-9&-]{1,9}|(?:Men|Wamen|Dir|Sek|Ka|Kadis|Dis|Wa|Ke|Pang|Kas)[a-z]{2,12})$")


def _organisation_before_abbreviation(tokens: list[Token], j: int, lex: dict) -> int | None:
    """Index just after '(ABBR)' when tokens[j:] is a capitalised organisation name followed by the
    abbreviation of it or of the role; a name's own alias ('Joko Widodo (Jokowi)') does not count."""
    n = len(tokens)
    k = j
    while k < n and k < j + 10:
        t = tokens[k].text
        if t == "(":
            close = next((x for x in range(k + 1, min(n, k + 5)) if tokens[x].text == ")"), None)
            inner = [x.text for x in tokens[k + 1 : close]] if close else []
            if k > j and inner and all(_ROLE_ABBR.match(w) and w not in _alias_index() for w in inner[:1]):
                return close + 1
            return None
        if not (t[:1].isupper() or t in ("dan", "&")) or t in _alias_index():
            return None
        k += 1
    return None


def _inside_parens(tokens: list[Token], j: int, x: Token) -> bool:
    depth = 0
    for t in tokens[j:]:
        if t is x:
            return depth > 0
        depth += (t.text == "(") - (t.text == ")")
    return False


def _name_run(tokens: list[Token], j: int, lex: dict) -> tuple[list[Token], int]:
    out: list[Token] = []
    n = len(tokens)
    while j < n and len(out) < MAX_NAME_TOKENS:
        t = tokens[j]
        regnal = bool(out) and re.fullmatch(r"[IVX]{1,5}\.?", t.text) is not None  # "Abdullah II"
        particle = (
            bool(out)
            and t.text in lex["particles"]
            and j + 1 < n
            and (_is_name_token(tokens[j + 1], lex) or tokens[j + 1].text in lex["particles"])
        )
        if regnal or particle or _is_name_token(t, lex):
            out.append(t)
            j += 1
            if t.text.endswith(".") and len(t.text.rstrip(".")) > 1:
                break  # "… Hung." ends the sentence
            continue
        break
    return out, j


def _role_text(role_toks: list[Token], abbr: list | None) -> str | None:
    if abbr:
        return abbr[0]
    words = [t.text for t in role_toks]
    while words and words[-1].lower() in _lex()["joiners"] | {","}:
        words.pop()
    return " ".join(words).replace(" ,", ",") or None


def _organization(role: str | None, abbr: list | None, country: str | None) -> str | None:
    """'Menteri Luar Negeri' -> 'Kementerian Luar Negeri' for ministers of Indonesia."""
    if abbr and len(abbr) > 1 and abbr[1]:
        return abbr[1]
    if role and country in (None, "IDN"):
        m = re.match(r"^(?:Wakil )?Menteri (?!Koordinator\b)(.+)$", role)
        if m and "sekaligus" not in role:
            return f"Kementerian {m.group(1)}"
    return None


@dataclass
class ArticlePeople:
    """Entities of one article; later short mentions resolve to earlier full ones."""

    people: list[Person] = field(default_factory=list)
    language: str = "id"
    # The role and title keys, worked out again only when someone's role or aliases change.
    _keys: tuple | None = field(default=None, repr=False)

    def add(self, p: Person) -> Person:
        for q in self.people:
            if _same(q, p):
                if (p.role and not q.role) or not p.aliases <= q.aliases:
                    self._keys = None
                q.role = q.role or p.role
                q.organization = q.organization or p.organization
                q.country_code = q.country_code or p.country_code
                q.aliases |= p.aliases
                if len(p.name.split()) > len(q.name.split()) and set(q.name.split()) <= set(p.name.split()):
                    q.name = p.name
                return q
        self.people.append(p)
        self._keys = None
        return p

    def resolve(self, text: str, offset: int = 0, mentions: list[Mention] | None = None) -> list[Mention]:
        """Every mention in text: titled/known ones plus bare names and aliases seen before."""
        if mentions is None:
            mentions = find_mentions(text, offset)
        found = [Mention(self.add(m.person), m.start, m.end) for m in mentions]
        covered = [(m.start - offset, m.end - offset) for m in found]
        if self._keys is None:
            self._keys = (self._shared_titles(), self._role_keys())
        shared, role_keys = self._keys
        for p in self.people:
            for key in p.keys() - shared:  # noqa: SIM118 (Person.keys, not a dict)
                if key not in text:
                    continue  # a substring test in C before the word regex: most keys are in few sentences
                for m in _word_regex(key).finditer(text):
                    if any(a <= m.start() < b for a, b in covered):
                        continue
                    found.append(Mention(p, offset + m.start(), offset + m.end()))
                    covered.append((m.start(), m.end()))
        for p, role, rx in role_keys:
            if role not in text:
                continue
            for m in rx.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in covered):
                    found.append(Mention(p, offset + m.start(), offset + m.end()))
                    covered.append((m.start(), m.end()))
        found.sort(key=lambda m: m.start)
        return found

    def _shared_titles(self) -> set[str]:
        """Short titles ("Menlu") two people of the article were given: on its own, such a title is neither's."""
        seen: set[str] = set()
        shared: set[str] = set()
        for p in self.people:
            for a in p.aliases & _lex()["abbr"].keys():
                (shared if a in seen else seen).add(a)
        return shared

    def _role_keys(self) -> list[tuple[Person, str, re.Pattern[str]]]:
        """'Direktur Jenderal ILO' later on its own is the one person the article gave that role: a
        role of two words or more, held by no one else here, with no name after it (then it is
        someone else's title) and no title word or 'para' before it ('Wakil …', 'para Menteri …')."""
        roles: dict[str, list[Person]] = {}
        for p in self.people:
            if not p.is_org and p.role and len(p.role.split()) >= 2 and p.role not in _lex()["generic_roles"]:
                roles.setdefault(p.role, []).append(p)
        # "Kepala Negara", "Wapres": the one Indonesian holder of the role the word stands for
        titled = [p for p in self.people if p.role and self.default_country(p) == "IDN"]
        for epithet, held_as in _lex()["epithets"].items():
            roles[epithet] = [p for p in titled if p.role in held_as]
        return [(held[0], role, _role_regex(role)) for role, held in roles.items() if len(held) == 1]

    def default_country(self, p: Person) -> str | None:
        """Indonesian news names foreigners' countries; an unmarked title is Indonesian, except a
        bare head-of-state title held by someone people.yaml does not know ("Presiden Lee Jae Myung")."""
        if p.country_code:
            return p.country_code
        if p.is_org:  # "Kementerian Haji Arab Saudi": the country it names; "Pemkot Malang": Indonesian by its head
            return _org_country(p.name, self.language)
        if self.language != "id" or not p.role or p.role in _lex()["foreign_by_default"]:
            return None  # Indonesia's own presidents and kings are in people.yaml with their country
        if _international_orgs().find(p.role):
            return None  # "Komisioner Perdagangan Uni Eropa", "Direktur Jenderal ILO"
        return "IDN"


@lru_cache(maxsize=4096)
def _org_country(name: str, language: str) -> str | None:
    named = gazetteer.find_countries(name)
    if named:
        return named[0].code
    return "IDN" if language == "id" and _domestic().match(name) else None


@cache
def _domestic() -> re.Pattern[str]:
    names = lexicon.load("names")
    return lexicon.phrase_regex(names["domestic_org_heads"] + names["domestic_orgs"], flags=0)


@cache
def _pronoun_regex() -> re.Pattern[str]:
    names = lexicon.load("names")
    speaker = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in names["speaker"])
    verbs = "|".join(re.escape(w) for w in names["speech_verbs"])
    pronouns = "|".join(re.escape(w) for w in names["speaker_pronouns"])
    subject = "|".join(re.escape(w) for w in names["subject"])
    opener = "|".join(re.escape(w) for w in names["subject_openers"])
    return re.compile(
        rf"\b(?:{verbs})(?:nya|\s+(?:{pronouns}))\b|\b(?:{speaker})\b|^\W*(?:(?:{opener}),?\s+)?(?:{subject})\b",
        re.IGNORECASE,
    )


@cache
def _attribution_regex() -> re.Pattern[str]:
    verbs = "|".join(re.escape(w) for w in lexicon.load("names")["speech_verbs"])
    return re.compile(rf"[”\"]\s*,?\s*(?:{verbs})(?:nya)?\b", re.IGNORECASE)


def quote_end(text: str) -> int | None:
    """Where a quote's attribution starts ('…,” kata X'): whoever is named after it said the quote."""
    m = _attribution_regex().search(text)
    return m.start() if m else None


def attribute_pronouns(texts: list[tuple[str, int]], mentions: list[list[Mention]], back: int = 2) -> None:
    """Add the person a speaker or subject pronoun stands for to that sentence's mentions.

    '"Saya berharap …," ungkapnya' is said by the person named last: the first person of the
    nearest of the previous `back` sentences that names one. A pronoun attributing a quote looks
    back from where the quote opened: who the quote names is not who said it.
    """
    quoted = {last: (first, opened, closed) for first, opened, last, closed in _quotes(texts)}
    for idx, (text, offset) in enumerate(texts):
        m = _pronoun_regex().search(text)
        if m is None:
            continue
        first, opened, closed = quoted.get(idx, (idx, offset, offset + len(text)))
        if offset + m.start() < closed:
            first, opened = idx, offset
        earlier = [[x for x in mentions[first] if x.end <= opened]] if first < idx else []
        earlier += [mentions[j] for j in range(first - 1, max(-1, first - 1 - back), -1)]
        for found in earlier:
            named = [x.person for x in found if not x.person.is_org]
            if named:
                if all(x.person is not named[0] for x in mentions[idx]):
                    mentions[idx].append(Mention(named[0], offset + m.start(), offset + m.end()))
                    mentions[idx].sort(key=lambda x: x.start)
                break


# A quote runs from its opening mark to its closing one, across sentences if need be.
_QUOTE_MARK = re.compile(r"[“”\"]")


def _quotes(texts: list[tuple[str, int]], longest: int = 6) -> list[tuple[int, int, int, int]]:
    """Quotes as (first sentence, offset of the opening mark, last sentence, offset of the closing mark).

    A quote left open for more than `longest` sentences is dropped: a stray mark, not a quote.
    """
    out: list[tuple[int, int, int, int]] = []
    opened: tuple[int, int] | None = None
    for idx, (text, offset) in enumerate(texts):
        if opened and idx - opened[0] > longest:
            opened = None
        for m in _QUOTE_MARK.finditer(text):
            mark, at = m.group(), offset + m.start()
            if opened is None and mark != "”":
                opened = (idx, at)
            elif opened is not None and mark != "“":
                out.append((opened[0], opened[1], idx, at))
                opened = None
    return out


@cache
def _first_person() -> re.Pattern[str]:
    # Any case, but "I" only as a capital: "i" is no Indonesian pronoun.
    words = "|".join(
        re.escape(w) if w == "I" else f"(?i:{re.escape(w)})" for w in lexicon.load("names")["first_person"]
    )
    return re.compile(rf"\b(?:{words})\b")


def is_first_person(word: str) -> bool:
    return _first_person().fullmatch(word) is not None


def attribute_quotes(texts: list[tuple[str, int]], mentions: list[list[Mention]]) -> None:
    """Add the speaker of a quote where the quote says "saya", "kami" or "aku", in every sentence it spans
    (unless the quote names them itself).

    The speaker is the person named in the attribution after the closing mark ('…,” sambung Prabowo'),
    or else the one named last before the opening mark ('Prabowo mengatakan, “…').
    """
    for first, opened, last, closed in _quotes(texts):
        text, offset = texts[last]
        after = closed - offset
        attributed = _attribution_regex().match(text, after)
        people = [x.person for x in mentions[last] if x.start > closed and not x.person.is_org] if attributed else []
        if not people:
            people = [x.person for x in mentions[first] if x.end <= opened and not x.person.is_org][-1:]
        if not people:
            continue
        speaker = people[0]
        for idx in range(first, last + 1):
            text, offset = texts[idx]
            lo = max(opened, offset) - offset
            hi = (closed if idx == last else offset + len(text)) - offset
            m = _first_person().search(text, lo, hi)
            if m and not any(x.person is speaker and lo <= x.start - offset < hi for x in mentions[idx]):
                mentions[idx].append(Mention(speaker, offset + m.start(), offset + m.end()))
                mentions[idx].sort(key=lambda x: x.start)


@lru_cache(maxsize=4096)
def _role_regex(role: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?<!Wakil )(?<!Plt )(?<!para )(?<!Para ){re.escape(role)}(?![\w-])(?!\s+(?:[A-Z(]|dari\b|of\b))"
    )


@lru_cache(maxsize=8192)
def _word_regex(word: str) -> re.Pattern[str]:
    """Cached here: an article's names and aliases are looked for in every sentence, more patterns
    than the re module's own cache holds."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _same(a: Person, b: Person) -> bool:
    """One person by name, or by a shared alias that is no short title ("Jokowi", not "Menlu")."""
    if a.name == b.name:
        return True
    ta, tb = set(a.name.split()), set(b.name.split())
    if ta <= tb or tb <= ta:
        return True
    return bool((a.aliases & ({b.name} | b.aliases)) - _lex()["abbr"].keys())


def find_organizations(text: str, offset: int = 0, international: bool = True) -> list[Mention]:
    """Organisations by their head word ('Kementerian Luar Negeri', 'PT MRT Jakarta', 'Pemkot Malang')
    and, unless told not to, international bodies by name ('Uni Eropa', 'ILO')."""
    lex = _lex()
    tokens = tokenize(text)
    out: list[Mention] = []
    i = 0
    heads = lex["org_heads"].by_first
    while i < len(tokens):
        k = _match_seq(tokens, i, lex["org_heads"]) if tokens[i].core in heads else 0
        if not k:
            i += 1
            continue
        j = i + k
        while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].text in ("dan", "(", ")")):
            if tokens[j].core in lex["address"]:
                break  # "Kepala BRIN Pak Laksana": the person, not the organisation's name
            if tokens[j].text == "(":
                close = next((x for x in range(j + 1, min(len(tokens), j + 8)) if tokens[x].text == ")"), None)
                if close is None:
                    break
                j = close + 1
                continue
            if tokens[j].text == "dan" and not (j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper()):
                break
            if tokens[j].text == "dan" and _match_seq(tokens, j + 1, lex["org_heads"]):
                break  # "Direktorat Jenderal Pajak dan Direktorat Jenderal …": a second organisation
            j += 1
        name = text[tokens[i].start : tokens[j - 1].end].strip(" ,.")
        if name.endswith(")") and "(" not in name:
            name = name[:-1]  # "pemerintah daerah (Pemda)": the short name, not its bracket
        out.append(
            Mention(
                Person(name=name, organization=name, is_org=True),
                offset + tokens[i].start,
                offset + tokens[j - 1].end,
            )
        )
        i = j
    out += _companies(text, tokens, out, offset, lex)
    if not international:
        return sorted(out, key=lambda m: m.start)
    for f in _international_orgs().find(text):
        if not any(m.start - offset < f.end and f.start < m.end - offset for m in out):
            org = Person(name=f.surface, organization=f.surface, is_org=True)
            out.append(Mention(org, offset + f.start, offset + f.end))
    return sorted(out, key=lambda m: m.start)


@cache
def _international_orgs() -> PhraseMatcher[None]:
    return PhraseMatcher(dict.fromkeys(lexicon.load("names")["international_orgs"]))


# "Nehru, Ali Sastroamidjojo, U Nu, dan John Kotelawala bertemu": untitled names coordinated
# as the subject of a reciprocal verb.
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_COORDINATED = re.compile(rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+(?:dan|and|&)\s+{_NAME})\s+$")
_RECIPROCAL = re.compile(r"^(bertemu|berjumpa|bertatap muka|berbincang|berdialog|met|meet)\b", re.IGNORECASE)


def _companies(text: str, tokens: list[Token], found: list[Mention], offset: int, lex: dict) -> list[Mention]:
    """Companies by the word that ends their name ("Maspion Group", "Mitsui & Co., Ltd"): up to four
    capitalised words before it (names.yaml company_suffixes), not a title or a country ("CEO", "Jepang")."""
    out: list[Mention] = []
    for k, t in enumerate(tokens):
        if t.core not in lex["company_suffixes"] or k == 0:
            continue
        end = k
        while True:  # "Co., Ltd", "Co Ltd"
            step = 2 if end + 2 < len(tokens) and tokens[end + 1].text == "," else 1
            if end + step >= len(tokens) or tokens[end + step].core not in lex["company_suffixes"]:
                break
            end += step
        i = k
        while (
            i > 0
            and k - i < 4
            and tokens[i - 1].text[:1].isupper()
            and text[tokens[i - 1].end : tokens[i].start] in (" ", " & ")
        ):
            word = tokens[i - 1]
            if (
                word.core in lex["not_name"]
                or _match_seq(tokens, i - 1, lex["titles"])
                or gazetteer.find_countries(word.text)
            ):
                break
            i -= 1
        if i == k:
            continue
        start, stop = offset + tokens[i].start, offset + tokens[end].end
        if any(m.start < stop and start < m.end for m in found + out):
            continue
        name = text[tokens[i].start : tokens[end].end].rstrip(".")
        out.append(Mention(Person(name=name, organization=name, is_org=True), start, stop))
    return out


def coordinated_names(text: str, at: int) -> list[str]:
    """Names coordinated right before a reciprocal verb at text[at:]."""
    if not _RECIPROCAL.match(text[at:]):
        return []
    m = _COORDINATED.search(text[:at])
    if not m:
        return []
    lex = _lex()
    names = re.split(r"\s*,\s*(?:dan\s+|and\s+)?|\s+(?:dan|and|&)\s+", m["names"])
    out = []
    for n in names:
        words = [w for w in n.split() if w not in lex["not_name"]]
        if words and not all(w in lex["portfolio"] for w in words):
            out.append(" ".join(words))
    return out if len(out) >= 2 else []

"""The Aho-Corasick phrase matcher finds what a longest-first regex alternation finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.evidence import Cue
from kabar.lexicon import phrase_regex
from kabar.phrases import AnyOf, PhraseMatcher

PHRASES = ["Korea", "Korea Selatan", "AS", "Amerika Serikat", "Papua", "Papua Nugini", "RI", "Indonesia"]
WORDS = PHRASES + ["Selatan", "Serikat", "dan", "-", ",", "Indonesian", "ASEAN", "korea", "di", "Nugini", "\n"]


def regex_found(text: str, phrases: list[str], flags: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in phrase_regex(phrases, flags=flags).finditer(text)]


def matcher_found(text: str, phrases: list[str], ignore_case: bool) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.surface) for f in PhraseMatcher(dict.fromkeys(phrases), ignore_case).find(text)]


def test_longest_phrase_wins_on_word_boundaries():
    text = "Korea Selatan dan AS, bukan ASEAN; Indonesian Papua Nugini."
    found = matcher_found(text, PHRASES, ignore_case=False)
    assert [s for _, _, s in found] == ["Korea Selatan", "AS", "Papua Nugini"]


def test_ignore_case_keeps_the_text_as_written():
    (f,) = PhraseMatcher({"korea selatan": "KOR"}, ignore_case=True).find("di KOREA  SELATAN? tidak; di Korea Selatan.")
    assert (f.surface, f.value) == ("Korea Selatan", "KOR")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from([" ", "  ", "-", ""]), st.booleans())
def test_same_matches_as_the_regex_alternation(words, sep, ignore_case):
    text = sep.join(words) if sep else " ".join(words)
    # The matcher takes one whitespace character between a phrase's words, as cleaned text has them.
    text = re.sub(r"\s{2,}", " ", text)
    flags = re.IGNORECASE if ignore_case else 0
    assert matcher_found(text, PHRASES, ignore_case) == regex_found(text, PHRASES, flags)


CUE_WORDS = ["kerja", "sama", "samanya", "kerjanya", "nota", "kesepahamannya", "MoU", "MOU-nya", "dan", "\n", "Nota"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=10))
def test_any_of_first_words_never_misses_what_the_cue_regex_finds(words):
    text = " ".join(words)
    cues = ["kerja sama", "nota kesepahaman", "mou"]
    if phrase_regex(cues, enclitic=True).search(text):
        assert AnyOf([c.split()[0] for c in cues]).search(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CUE_WORDS), max_size=10))
def test_a_cue_finds_what_its_regex_alone_finds(words):
    text = " ".join(words)
    cue = Cue(["kerja sama", "nota kesepahaman", "mou"])
    assert [m.span() for m in cue.finditer(text)] == [m.span() for m in cue.regex.finditer(text)]
    found, alone = cue.search(text, 2), cue.regex.search(text, 2)
    assert (found and found.span()) == (alone and alone.span())


def test_any_of_is_a_case_blind_substring_test():
    assert AnyOf(["Kerja"]).search("KERJASAMA")
    assert not AnyOf(["mou"]).search("tanpa nota")

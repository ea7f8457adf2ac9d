"""The Aho-Corasick phrase matcher finds what a longest-first regex alternation finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kabar.lexicon import phrase_regex
from kabar.phrases import PhraseMatcher

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

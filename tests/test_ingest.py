import datetime as dt

import pytest

from kabar.ingest import article_id, parse_header, to_article
from kabar.models import Article, RawDoc, Reject

BODY = (
    "Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Vietnam di Jakarta pada Rabu (10/5/2023). "
    "Kedua menteri sepakat memperkuat kerja sama di bidang perdagangan dan pendidikan, kata dia."
)


@pytest.mark.parametrize(
    "line, outlet, dateline",
    [
        ("Liputan6.com, Labuan Bajo - Isi", "Liputan6.com", "Labuan Bajo"),
        ("PUNCAK, KOMPAS.com - Isi", "KOMPAS.com", "Puncak"),
        ("Bisnis.com, JAKARTA — Isi", "Bisnis.com", "Jakarta"),
        ("Washington DC - Isi", None, "Washington DC"),
        ("KOMPAS.com -- Isi", "KOMPAS.com", None),
        ("Isi tanpa kepala berita - dengan tanda hubung di tengah kalimat yang panjang sekali", None, None),
    ],
)
def test_header(line, outlet, dateline):
    got_outlet, got_dateline, rest = parse_header(line)
    assert (got_outlet, got_dateline) == (outlet, dateline)
    if outlet or dateline:
        assert rest == "Isi"


def test_boilerplate_removed_and_paragraphs_kept():
    text = f"{BODY}\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nBaca juga: Judul lain\nParagraf kedua di sini."
    a = to_article(RawDoc("a.txt", "a.txt", "h", text))
    assert isinstance(a, Article)
    assert a.body == f"{BODY}\nParagraf kedua di sini."


def test_glued_inline_boilerplate_is_cut():
    text = BODY + " kata dia.Baca juga: Jokowi Soal Sabar Ada BatasnyaSejumlah relawan hadir di sana."
    a = to_article(RawDoc("a.txt", "a.txt", "h", text))
    assert "Baca juga" not in a.body and "Sejumlah relawan hadir" in a.body


def test_metadata_date_wins_and_text_date_is_the_fallback():
    a = to_article(RawDoc("a.json", "a.json", "h", BODY, date="12/05/2024, 09:01 WIB"))
    assert a.published_date == dt.date(2024, 5, 12)
    b = to_article(RawDoc("a.txt", "a.txt", "h", BODY))
    assert b.published_date == dt.date(2023, 5, 10)


@pytest.mark.parametrize("bad", ["2090-01-01", "2999-01-01", "31/2/2023"])
def test_future_or_impossible_metadata_date_falls_back_to_the_text(bad):
    a = to_article(RawDoc("a.json", "a.json", "h", BODY, date=bad), today=dt.date(2026, 1, 1))
    assert a.published_date == dt.date(2023, 5, 10)
    b = to_article(
        RawDoc("a.json", "a.json", "h", BODY.replace(" pada Rabu (10/5/2023)", ""), date=bad),
        today=dt.date(2026, 1, 1),
    )
    assert b.published_date is None


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
            "et dolore magna aliqua ut enim ad minim veniam quis nostrud",
            "not_news",
        ),
        ("Terlalu pendek.", "too_short"),
        ("<html><head></head><body>" + "<p>x</p>" * 30 + "</body></html>", "html"),
        ("ADVERTISEMENT\nBaca juga: sesuatu", "empty"),
    ],
)
def test_not_articles(text, code):
    r = to_article(RawDoc("x.txt", "x.txt", "h", text))
    assert isinstance(r, Reject) and r.reason_code == code and r.reason


def test_english_is_detected():
    text = (
        "The foreign minister met his Vietnamese counterpart in Jakarta on Monday and said the two "
        "countries would sign an agreement on trade and education later this year."
    )
    assert to_article(RawDoc("e.txt", "e.txt", "h", text)).language == "en"


def test_article_id_ignores_whitespace_differences():
    assert article_id("a  b\nc") == article_id("a b c")


def test_a_past_date_in_the_text_is_not_the_publication_day():
    text = BODY.replace(" pada Rabu (10/5/2023)", "") + " Aturan ini berlaku sejak serangan 11 September 2001 di AS."
    assert to_article(RawDoc("a.txt", "a.txt", "h", text)).published_date is None
    dated = text + " Hal itu disampaikan di Jakarta, Jumat, 14 November 2025."
    assert to_article(RawDoc("a.txt", "a.txt", "h", dated)).published_date == dt.date(2025, 11, 14)

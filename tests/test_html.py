"""Saved HTML pages: the article, its metadata and its meeting come through; bad pages are rejected."""

from __future__ import annotations

import datetime as dt
import re
import socket
from pathlib import Path

import pytest

from kabar import steps
from kabar.models import Article, RawDoc, Reject
from kabar.sources import read_input, walk

PAGE = Path(__file__).resolve().parent / "fixtures" / "html" / "berita.html"
FIRST_SENTENCE = "Menteri Luar Negeri Indonesia Retno Marsudi menggelar pertemuan bilateral"


def ingest(raw: Path, max_bytes: int = 10**6) -> steps.Ingested:
    files = [f for f in walk(raw) if not isinstance(f, Reject)]
    return steps.ingest(files, max_bytes, today=dt.date(2026, 1, 1))


def one_article(raw: Path) -> Article:
    got = ingest(raw)
    assert not got.rejects, got.rejects
    (article,) = got.articles
    return article


@pytest.fixture
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_article_and_metadata_of_a_news_page(tmp_path, page):
    (tmp_path / "berita.html").write_text(page, encoding="utf-8")
    a = one_article(tmp_path)
    assert a.title == "Menlu RI dan Menlu Malaysia Bahas Perbatasan Laut"
    assert a.published_date == dt.date(2024, 2, 13)
    assert a.outlet == "KabarHarian.id"
    assert a.url == "https://www.kabarharian.example/internasional/menlu-ri-malaysia-perbatasan"
    assert a.author == "Rina Wulandari"
    assert a.dateline == "Jakarta" and a.language == "id"
    assert a.body.startswith(FIRST_SENTENCE)
    assert "penyelundupan manusia di kawasan perbatasan darat Kalimantan." in a.body
    for noise in ("Beranda", "ADVERTISEMENT", "Baca juga", "Promo tiket", "Terpopuler", "Timnas", "Hak cipta", "gtag"):
        assert noise not in a.body


def test_the_meeting_in_the_page_is_extracted(tmp_path, page):
    (tmp_path / "berita.html").write_text(page, encoding="utf-8")
    tables = steps.extract(ingest(tmp_path)).tables
    (m,) = tables["meetings"]
    assert (m["status"], m["meeting_type"], m["meeting_date"]) == ("held", "bilateral", dt.date(2024, 2, 13))
    assert {p["country_code"] for p in m["participants"]} == {"IDN", "MYS"}
    assert m["city"] == "Jakarta"
    body = tables["articles"][0]["body"]
    assert body[m["evidence_start"] : m["evidence_end"]] == m["evidence"]
    assert (tables["articles"][0]["year"], tables["articles"][0]["month"]) == (2024, 2)


def test_a_page_without_a_dated_markup_takes_the_text_date_not_the_footer_year(tmp_path, page):
    undated = re.sub(r".*(article:published_time|<time ).*\n", "", page)
    assert "2024-02-13" not in undated and "&copy; 2025" in undated  # a footer year is no article date
    (tmp_path / "a.html").write_text(undated, encoding="utf-8")
    assert one_article(tmp_path).published_date == dt.date(2024, 2, 13)  # "Selasa (13/2/2024)"


def test_a_page_with_no_date_anywhere_is_undated_not_today(tmp_path, page):
    undated = re.sub(r".*(article:published_time|<time ).*\n", "", page).replace(", Selasa (13/2/2024)", "")
    (tmp_path / "a.html").write_text(undated, encoding="utf-8")
    (doc,) = list(read_input(next(iter(walk(tmp_path))), 10**6))
    assert isinstance(doc, RawDoc) and doc.date is None
    assert one_article(tmp_path).published_date is None


def test_a_mis_encoded_page_is_decoded(tmp_path, page):
    # Windows-1252 bytes in a page that says it is UTF-8: what old CMSs and bad saves produce.
    quoted = page.replace('"Hubungan', "“Hubungan kafé").replace('baik,"', "baik,”")
    (tmp_path / "a.htm").write_bytes(quoted.encode("cp1252"))
    body = one_article(tmp_path).body
    assert "“Hubungan kafé" in body and "\ufffd" not in body


def test_a_utf16_page_is_decoded(tmp_path, page):
    (tmp_path / "a.html").write_bytes(page.encode("utf-16"))
    assert one_article(tmp_path).body.startswith(FIRST_SENTENCE)


NAV_ONLY = "<html><body><nav><a href='/'>Beranda</a> <a href='/politik'>Politik</a></nav></body></html>"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"<html><head><title>Kosong</title></head><body></body></html>", "no_text"),
        (b"<html><body><script>var iklan = 1;</script><style>p {}</style></body></html>", "no_text"),
        (NAV_ONLY.encode(), "too_short"),
        (b"Hanya teks biasa tanpa tag apa pun, disimpan dengan nama .html. " * 5, "not_html"),
        (b"https://www.kabarharian.example/berita/123", "not_html"),
        (bytes(range(256)) * 40, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        (b"\x1f\x8b\x08\x00" + bytes(200), "binary"),
    ],
    ids=["empty", "blank", "empty-body", "scripts-only", "nav-only", "plain-text", "url", "junk", "png", "gzip"],
)
def test_pages_with_no_article_are_rejected_with_a_reason(tmp_path, data, code):
    (tmp_path / "bad.html").write_bytes(data)
    (tmp_path / "good.html").write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    got = ingest(tmp_path)
    assert [a.source_file for a in got.articles] == ["good.html"]  # the run goes on
    (r,) = got.rejects
    assert (r.source_file, r.stage, r.reason_code) == ("bad.html", "ingest", code)
    assert len(r.reason) > 20


def test_a_page_over_the_size_limit_is_rejected_unread(tmp_path, page):
    (tmp_path / "huge.html").write_text(page.replace("</article>", "<p>Paragraf.</p>" * 100_000 + "</article>"))
    (r,) = ingest(tmp_path, max_bytes=10**6).rejects
    assert r.reason_code == "too_large" and "KABAR_MAX_BYTES" in r.reason


def test_pages_are_read_without_network_access(tmp_path, page, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("kabar tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "url.html").write_text("https://www.kabarharian.example/berita/123")
    got = ingest(tmp_path)
    assert [a.source_file for a in got.articles] == ["a.html"]
    assert [(r.source_file, r.reason_code) for r in got.rejects] == [("url.html", "not_html")]

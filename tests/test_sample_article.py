"""The shipped sample (Liputan6, Labuan Bajo) yields what issue 2 promises."""

import datetime as dt

import pytest

from kabar.extract import extract_article
from kabar.ingest import to_article
from kabar.models import RawDoc


@pytest.fixture
def article(sample_text):
    a = to_article(RawDoc("000.txt", "000.txt", "h", sample_text))
    assert not hasattr(a, "reason_code"), a
    return a


@pytest.fixture
def extraction(article):
    return extract_article(article)


def test_article_fields(article):
    assert article.outlet == "Liputan6.com"
    assert article.dateline == "Labuan Bajo"
    assert article.published_date == dt.date(2023, 5, 10)
    assert article.language == "id"
    assert "Advertisement" not in article.body
    assert article.body.startswith("Indonesia dan Vietnam menyepakati")


def test_one_bilateral_meeting(extraction, article):
    assert len(extraction.meetings) == 1
    m = extraction.meetings[0]
    assert (m["status"], m["meeting_type"]) == ("held", "bilateral")
    assert (m["meeting_date"], m["date_precision"]) == (dt.date(2023, 5, 10), "day")
    assert (m["venue"], m["city"], m["country_code"]) == ("Hotel Jayakarta", "Labuan Bajo", "IDN")
    people = {p["name"]: p["country_code"] for p in m["participants"]}
    assert people == {"Johnny G Plate": "IDN", "Nguyen Manh Hung": "VNM"}
    assert article.body[m["evidence_start"] : m["evidence_end"]] == m["evidence"]
    assert 0 <= m["confidence"] <= 1


def test_planned_mou(extraction, article):
    mous = [c for c in extraction.commitments if c["kind"] == "agreement"]
    assert len(mous) == 1
    c = mous[0]
    assert (c["status"], c["instrument"]) == ("planned", "MoU")
    assert (c["due_date"], c["due_precision"]) == (dt.date(2023, 9, 1), "month")
    assert c["party_countries"] == ["IDN", "VNM"]
    areas = " | ".join(c["areas"]).lower()
    for needle in ("infrastruktur digital", "cyber security", "hoaks"):
        assert needle in areas
    assert article.body[c["evidence_start"] : c["evidence_end"]] == c["evidence"]


def test_topics(extraction):
    topics = [t["topic_id"] for t in extraction.topics]
    for t in ("diplomacy", "cybersecurity", "disinformation"):
        assert t in topics
    assert all(0 < t["score"] <= 1 and t["matched_terms"] for t in extraction.topics)

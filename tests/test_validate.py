"""Great Expectations suites: failing rows become rejects naming the expectation; the rest pass."""

import datetime as dt

from kabar.settings import REPO_ROOT
from kabar.validate import validate_tables

SUITES = REPO_ROOT / "expectations"
BODY = "Menteri A bertemu Menteri B di Jakarta."


def article(aid: str, **kw) -> dict:
    return {
        "article_id": aid,
        "source_file": f"{aid}.txt",
        "language": "id",
        "body": BODY,
        "published_date": dt.date(2023, 5, 10),
        **kw,
    }


def meeting(mid: str, aid: str, **kw) -> dict:
    row = {
        "meeting_id": mid,
        "article_id": aid,
        "status": "held",
        "meeting_type": "bilateral",
        "meeting_date": dt.date(2023, 5, 10),
        "date_precision": "day",
        "country_code": "IDN",
        "participants": [{"name": "A"}, {"name": "B"}],
        "evidence": BODY,
        "evidence_start": 0,
        "evidence_end": len(BODY),
        "confidence": 0.9,
    }
    return {**row, **kw}


def test_bad_rows_are_rejected_with_the_failed_expectation():
    tables = {
        "articles": [article("a1"), article("a2", language="fr"), article("a3", published_date=dt.date(2999, 1, 1))],
        "meetings": [
            meeting("m1", "a1"),
            meeting("m2", "a1", meeting_type="summit"),
            meeting("m3", "a1", evidence_end=5),  # offsets no longer slice to the evidence
            meeting("m4", "a1", confidence=1.5),
            meeting("m5", "a2"),  # its article failed
        ],
        "commitments": [],
        "topics": [
            {"article_id": "a1", "topic_id": "diplomacy", "score": 0.5},
            {"article_id": "a1", "topic_id": "astrology", "score": 0.5},
        ],
    }
    source_of = {a["article_id"]: (a["source_file"], a["source_file"]) for a in tables["articles"]}
    passed, rejects, results = validate_tables(tables, SUITES, source_of, today=dt.date(2026, 1, 1))
    assert [a["article_id"] for a in passed["articles"]] == ["a1"]
    assert [m["meeting_id"] for m in passed["meetings"]] == ["m1"]
    assert [t["topic_id"] for t in passed["topics"]] == ["diplomacy"]
    reasons = {(r.table, r.article_id, r.reason) for r in rejects}
    text = " ".join(r for *_, r in reasons)
    assert "expect_column_values_to_be_in_set(language)" in text
    assert "expect_column_values_to_be_between(days_after_today)" in text
    assert "expect_column_values_to_be_in_set(meeting_type)" in text
    assert "expect_column_values_to_be_in_set(evidence_ok)" in text
    assert "expect_column_values_to_be_between(confidence)" in text
    assert "expect_column_values_to_be_in_set(topic_id)" in text
    assert all(r.stage == "validate" and r.reason_code == "failed_expectation" and r.record for r in rejects)
    assert not results["articles"].success

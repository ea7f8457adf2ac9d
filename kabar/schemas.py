"""Arrow schemas of the warehouse tables (shared/spec/contract.md); extra columns are ours."""

from __future__ import annotations

import pyarrow as pa

PARTICIPANT = pa.struct(
    [
        pa.field("name", pa.string(), nullable=False),
        pa.field("role", pa.string()),
        pa.field("organization", pa.string()),
        pa.field("country_code", pa.string()),
    ]
)

_PARTITION = [pa.field("year", pa.int32()), pa.field("month", pa.int32())]
_EVIDENCE = [
    pa.field("evidence", pa.string()),
    pa.field("evidence_start", pa.int32()),
    pa.field("evidence_end", pa.int32()),
    pa.field("confidence", pa.float32()),
]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            pa.field("article_id", pa.string()),
            pa.field("source_file", pa.string()),
            pa.field("outlet", pa.string()),
            pa.field("dateline", pa.string()),
            pa.field("published_date", pa.date32()),
            pa.field("language", pa.string()),
            pa.field("title", pa.string()),
            pa.field("body", pa.string()),
            pa.field("url", pa.string()),
            pa.field("author", pa.string()),
            *_PARTITION,
        ]
    ),
    "meetings": pa.schema(
        [
            pa.field("meeting_id", pa.string()),
            pa.field("article_id", pa.string()),
            pa.field("status", pa.string()),
            pa.field("meeting_type", pa.string()),
            pa.field("meeting_date", pa.date32()),
            pa.field("date_precision", pa.string()),
            pa.field("venue", pa.string()),
            pa.field("city", pa.string()),
            pa.field("country_code", pa.string()),
            pa.field("participants", pa.list_(PARTICIPANT)),
            *_EVIDENCE,
            pa.field("trigger", pa.string()),
            *_PARTITION,
        ]
    ),
    "commitments": pa.schema(
        [
            pa.field("commitment_id", pa.string()),
            pa.field("article_id", pa.string()),
            pa.field("meeting_id", pa.string()),
            pa.field("kind", pa.string()),
            pa.field("status", pa.string()),
            pa.field("parties", pa.list_(pa.string())),
            pa.field("party_countries", pa.list_(pa.string())),
            pa.field("instrument", pa.string()),
            pa.field("areas", pa.list_(pa.string())),
            pa.field("due_date", pa.date32()),
            pa.field("due_precision", pa.string()),
            *_EVIDENCE,
            *_PARTITION,
        ]
    ),
    "topics": pa.schema(
        [
            pa.field("article_id", pa.string()),
            pa.field("topic_id", pa.string()),
            pa.field("score", pa.float32()),
            pa.field("matched_terms", pa.list_(pa.string())),
            *_PARTITION,
        ]
    ),
    "rejects": pa.schema(
        [
            pa.field("source_file", pa.string()),
            pa.field("stage", pa.string()),
            pa.field("reason_code", pa.string()),
            pa.field("reason", pa.string()),
            pa.field("record", pa.string()),
            pa.field("article_id", pa.string()),
            pa.field("table", pa.string()),
            pa.field("file", pa.string()),
        ]
    ),
}

TABLES = ("articles", "meetings", "commitments", "topics")
KEYS = {"articles": "article_id", "meetings": "meeting_id", "commitments": "commitment_id", "topics": None}


def to_table(name: str, rows: list[dict]) -> pa.Table:
    """Rows to an Arrow table of the named schema; missing columns are null, extra ones dropped."""
    schema = SCHEMAS[name]
    cols = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.table(cols, schema=schema)

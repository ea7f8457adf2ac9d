"""Gold files for the bench scripts: our own annotations keep evidence as offsets, the scorer wants text."""

from __future__ import annotations

import json
from pathlib import Path


def read_gold(path: Path, corpus: Path) -> list[dict]:
    """The gold lines of `path`, with evidence text filled in from `corpus` where a record has offsets."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [with_evidence(g, corpus) if _has_spans(g) else g for g in lines]


def _has_spans(g: dict) -> bool:
    return any("evidence_span" in r for r in g.get("meetings", []) + g.get("commitments", []))


def with_evidence(g: dict, corpus: Path) -> dict:
    """A gold line whose records point at their evidence by offsets, with the evidence text filled in."""
    path = corpus / g["file"]
    raw = path.read_text(encoding="utf-8")
    text = json.loads(raw)["text"] if path.suffix == ".json" else raw
    for r in g["meetings"] + g["commitments"]:
        if "evidence_span" in r:
            start, end = r.pop("evidence_span")
            r["evidence"] = text[start:end]
    return g

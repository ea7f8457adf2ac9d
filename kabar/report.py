"""What a run reports to a person: its counts as a table and its rejects as markdown.

Pure functions of the run summary (steps.Summary.as_dict), so
the content is tested without Prefect; flows/ publishes it as Prefect artifacts.
"""

from __future__ import annotations

import re
from typing import Any

TABLES = ("articles", "meetings", "commitments", "topics", "rejects")
INPUT_COUNTS = (("inputs seen", "inputs_seen"), ("unchanged (skipped)", "unchanged"), ("duplicates", "duplicates"))
# Long reasons (a parser's message, a path) are cut so one reject cannot flood the page.
MAX_TEXT = 160
# Characters that markdown would read as formatting, links or HTML in text from the inputs.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
# HTML in a name is shown as text: entities work in every markdown renderer, escapes not always.
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def counts_table(summary: dict[str, Any], in_warehouse: dict[str, int]) -> list[dict[str, Any]]:
    """One row per table (rows written this run, rows now in the warehouse), then the input counts."""
    rows = summary.get("rows", {})
    this_run = {name: rows.get(name, 0) for name in TABLES[:-1]}
    this_run["rejects"] = sum(summary.get("rejects", {}).values())
    out = [{"count": name, "this run": this_run[name], "in warehouse": in_warehouse.get(name, 0)} for name in TABLES]
    # Inputs are counted per run only; "in warehouse" stays empty for them.
    out += [{"count": label, "this run": summary.get(key, 0), "in warehouse": None} for label, key in INPUT_COUNTS]
    return out


def rejects_markdown(summary: dict[str, Any], warehouse: str) -> str:
    """The run's rejects by reason code, most frequent first, with a few example inputs each."""
    rejects: dict[str, int] = summary.get("rejects", {})
    total = sum(rejects.values())
    lines = ["# Rejects of this run", ""]
    if not total:
        lines.append("No input or row was rejected in this run.")
        return "\n".join(lines) + "\n"
    where = md_text(warehouse)
    lines += [
        f"{total} rejected (inputs or rows). `kabar rejects` lists every reject kept in the warehouse {where}.",
        "",
        "| reason | count |",
        "|---|---:|",
    ]
    ordered = sorted(rejects.items(), key=lambda kv: (-kv[1], kv[0]))
    lines += [f"| {md_text(code)} | {n} |" for code, n in ordered]
    examples = summary.get("reject_examples", {})
    for code, n in ordered:
        lines += ["", f"## {md_text(code)} ({n})", ""]
        shown = examples.get(code, [])
        lines += [f"- {md_text(e['source_file'])} ({md_text(e['stage'])}): {md_text(e['reason'])}" for e in shown]
        if n > len(shown):
            lines.append(f"- … and {n - len(shown)} more")
    return "\n".join(lines) + "\n"


def md_text(value: object) -> str:
    """Text from inputs shown literally in markdown: one line, formatting escaped, cut to MAX_TEXT."""
    text = " ".join(str(value).split())
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", text.translate(_HTML))

"""Print what a warehouse gets wrong against gold, article by article, matched the way score.py matches.

    python bench/errors.py --warehouse W [--gold ../shared/gold/dev.jsonl] [--only meetings|commitments]

For error analysis: missed and spurious records, wrong fields and participant differences.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

from gold import read_gold

SHARED = Path(__file__).resolve().parents[2] / "shared"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def short(text: str | None, n: int = 110) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def names(people: list | None) -> list[str]:
    return [f"{p.get('name')}/{p.get('country_code')}" for p in people or []]


MEETING_FIELDS = {"date": "meeting_date", "type": "meeting_type", "status": "status", "city": "city"}
MEETING_FIELDS["country_code"] = "country_code"
COMMITMENT_FIELDS = {"kind": "kind", "status": "status", "due_date": "due_date", "party_countries": "party_countries"}


def field_diffs(sc, gold: dict, pred: dict, fields: dict) -> list[str]:
    out = []
    for g_key, p_key in fields.items():
        g, p = gold.get(g_key), pred.get(p_key)
        if g_key in ("date", "due_date"):
            same = g == sc.as_date(p)
        elif g_key == "city":
            same = sc.same_place(g, p)
        elif g_key == "party_countries":
            same = sorted(set(g or [])) == sorted(set(p or []))
        else:
            same = g == p
        if not same:
            out.append(f"{g_key}: gold={g} pred={sc.as_date(p) if 'date' in g_key else p}")
    return out


def report(sc, table: str, gold: list, pred: list, sim, fields: dict) -> list[str]:
    lines = []
    pairs = sc.greedy_match(gold, pred, sim)
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        diffs = field_diffs(sc, gold[i], pred[j], fields)
        if table == "meetings":
            gp, pp = gold[i].get("participants") or [], pred[j].get("participants") or []
            miss = [u for u in gp if not any(sc.same_name(u.get("name"), v.get("name")) for v in pp)]
            extra = [v for v in pp if not any(sc.same_name(u.get("name"), v.get("name")) for u in gp)]
            if miss:
                diffs.append(f"participants missed: {names(miss)}")
            if extra:
                diffs.append(f"participants extra: {names(extra)}")
        if diffs:
            lines.append(f"  ~ {table} {short(gold[i].get('evidence'), 80)}")
            lines.extend(f"      {d}" for d in diffs)
    for i, g in enumerate(gold):
        if i not in matched_g:
            lines.append(f"  - missed {table}: {short(g.get('evidence'))}")
            fields = {k: v for k, v in g.items() if k != "evidence"}
            lines.append(f"      gold: {json.dumps(fields, ensure_ascii=False)}")
    for j, p in enumerate(pred):
        if j not in matched_p:
            lines.append(f"  + spurious {table}: {short(p.get('evidence'))}")
            if table == "meetings":
                lines.append(f"      pred: {names(p.get('participants'))} trigger={p.get('trigger')}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warehouse", type=Path, required=True)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "id", help="for annotations kept as offsets")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--only", choices=["meetings", "commitments", "topics"])
    args = ap.parse_args()
    sc = load_scorer(args.scorer)
    gold = read_gold(args.gold, args.corpus)
    articles = {Path(str(a["source_file"]).split("#")[0]).name: a for a in sc.read_table(args.warehouse, "articles")}
    tables = {}
    for name in ("meetings", "commitments", "topics"):
        tables[name] = {}
        for row in sc.read_table(args.warehouse, name):
            tables[name].setdefault(row["article_id"], []).append(row)
    for g in gold:
        aid = articles.get(g["file"], {}).get("article_id")
        lines = []
        if args.only in (None, "meetings"):
            pm = tables["meetings"].get(aid, [])
            lines += report(sc, "meetings", g.get("meetings") or [], pm, sc.meeting_sim, MEETING_FIELDS)
        if args.only in (None, "commitments"):
            pc = tables["commitments"].get(aid, [])
            lines += report(sc, "commitments", g.get("commitments") or [], pc, sc.commitment_sim, COMMITMENT_FIELDS)
        if args.only in (None, "topics"):
            gt = set(g.get("topics") or [])
            pt = {r["topic_id"] for r in tables["topics"].get(aid, [])}
            if gt != pt:
                lines.append(f"  topics missed {sorted(gt - pt)} extra {sorted(pt - gt)}")
        if lines:
            print(f"{g['file']}")
            print("\n".join(lines))


if __name__ == "__main__":
    main()

"""How often records at each confidence level are right, on a gold set.

    python bench/calibration.py --warehouse W [--gold ../shared/gold/dev.jsonl] [--scorer ../shared/eval/score.py]

A record is right when the scorer matches it to a gold record. Prints precision per
confidence band for meetings and commitments, and for confidence >= 0.8.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from gold import read_gold

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
BANDS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warehouse", type=Path, required=True)
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "id", help="for annotations kept as offsets")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    args = ap.parse_args(argv)
    sc = _scorer(args.scorer)
    gold = read_gold(args.gold, args.corpus)
    by_file = {Path(str(a["source_file"]).split("#")[0]).name: a for a in sc.read_table(args.warehouse, "articles")}
    for table, key, sim in (
        ("meetings", "meetings", sc.meeting_sim),
        ("commitments", "commitments", sc.commitment_sim),
    ):
        rows: dict[str, list[dict]] = {}
        for r in sc.read_table(args.warehouse, table):
            rows.setdefault(r["article_id"], []).append(r)
        judged: list[tuple[float, bool]] = []
        for g in gold:
            a = by_file.get(g["file"])
            pred = rows.get(a["article_id"], []) if a else []
            matched = {j for _, j in sc.greedy_match(g.get(key) or [], pred, sim)}
            judged += [(p["confidence"], j in matched) for j, p in enumerate(pred)]
        print(f"{table}: {len(judged)} records")
        for lo, hi in BANDS:
            band = [ok for c, ok in judged if lo <= c < hi]
            if band:
                share = sum(band) / len(band)
                print(f"  confidence {lo:.1f}-{min(hi, 1):.1f}: {sum(band)}/{len(band)} right ({share:.0%})")
        hi = [ok for c, ok in judged if c >= 0.8]
        if hi:
            print(f"  confidence >= 0.8: {sum(hi)}/{len(hi)} right ({sum(hi) / len(hi):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

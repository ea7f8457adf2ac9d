"""Build a warehouse from the gold set's articles and print the scorer's table.

python bench/eval.py [--corpus ../shared/corpus/id] [--gold ../shared/gold/dev.jsonl] [--keep DIR]

Our own annotations (annotations/*.jsonl) keep evidence as character offsets into the article's
text, not copied text; they are turned into the scorer's format here, from the corpus.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from gold import read_gold

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "id")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--keep", type=Path, help="build the warehouse here and keep it")
    ap.add_argument("--json", type=Path, help="also write the scorer's figures here")
    ap.add_argument("--check", action="store_true", help="fail (exit 1) when a score is below bench/floors.json")
    ap.add_argument(
        "--fast",
        action="store_true",
        help="skip Prefect and GX: ingest, extract and publish in-process (for quick iteration)",
    )
    args = ap.parse_args(argv)
    if not args.gold.is_file() or not args.corpus.is_dir():
        print(f"eval: need a corpus folder and a gold file ({args.corpus}, {args.gold})", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="kabar-eval-"))
    raw, wh = work / "raw", args.keep or work / "warehouse"
    raw.mkdir()
    if wh.exists():
        shutil.rmtree(wh)
    gold = read_gold(args.gold, args.corpus)
    for g in gold:
        shutil.copy(args.corpus / g["file"], raw / g["file"])
    args.gold = work / "gold.jsonl"  # the scorer's format: evidence as text
    args.gold.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    if args.fast:
        _build_fast(raw, wh)
    else:
        kabar = [sys.executable, "-m", "flows.cli", "run", "--raw", str(raw), "--warehouse", str(wh)]
        done = subprocess.run(kabar, capture_output=True, text=True, cwd=HERE.parent)
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
            return done.returncode
    cmd = [sys.executable, str(args.scorer), "--warehouse", str(wh), "--gold", str(args.gold)]
    if args.json:
        cmd += ["--json", str(args.json)]
    if args.check:
        floors = json.loads((HERE / "floors.json").read_text(encoding="utf-8"))
        cmd += [arg for key, v in floors.items() if not key.startswith("_") for arg in ("--min", f"{key}={v}")]
    rc = subprocess.run(cmd).returncode
    shutil.rmtree(work, ignore_errors=True)
    return rc


def _build_fast(raw: Path, wh: Path) -> None:
    from kabar import steps
    from kabar.warehouse import Warehouse

    warehouse = Warehouse(wh)
    with warehouse.locked():
        state = warehouse.state()
        plan = steps.plan(raw, state)
        ex = steps.extract(steps.ingest(plan.todo, 10**8))
        v = steps.Validated(ingested=ex.ingested, tables=steps._dedupe_articles(ex.tables), rejects=ex.ingested.rejects)
        batch, _ = steps.build_batch(v, state)
        warehouse.publish(batch)
        state.close()


if __name__ == "__main__":
    sys.exit(main())

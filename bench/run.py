"""Throughput and memory of `kabar run` on N distinct articles; prints figures (not a test).

    python bench/run.py --n 10000 [--corpus ../shared/corpus/id] [--workers 1] [--batch-size 2000]

Articles come from the corpus (the raw/ sample when the corpus is absent), each made distinct by
an appended archive sentence, written 1,000 to a JSONL file. The run is the real CLI (Prefect's
ephemeral server, GX validation); then a second run with no new input is timed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus" / "id"


def sources(corpus: Path) -> list[dict]:
    out = []
    for f in sorted(corpus.glob("*")):
        if f.suffix == ".json":
            d = json.loads(f.read_text(encoding="utf-8"))
            if d.get("text"):
                out.append({k: d.get(k) for k in ("title", "date", "outlet", "url", "text")})
        elif f.suffix == ".txt":
            out.append({"text": f.read_text(encoding="utf-8")})
    return out


def build(raw: Path, n: int, corpus: Path) -> None:
    base = sources(corpus)
    raw.mkdir(parents=True)
    for start in range(0, n, 1000):
        with open(raw / f"part-{start // 1000:05d}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(start, min(n, start + 1000)):
                rec = dict(base[i % len(base)])
                rec["text"] = f"{rec['text']}\n(Arsip kabar nomor {i}.)"
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def run(raw: Path, wh: Path, extra: list[str]) -> tuple[float, dict]:
    out = wh.parent / "summary.json"
    cmd = [
        sys.executable,
        "-m",
        "flows.cli",
        "run",
        "--raw",
        str(raw),
        "--warehouse",
        str(wh),
        "--summary-json",
        str(out),
        *extra,
    ]
    t, cpu = time.perf_counter(), _children_cpu()
    with subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        peak = _TreeMemory(proc.pid)
        peak.start()
        stdout, stderr = proc.communicate()
        peak.stop = True
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        sys.exit(f"kabar run failed:\n{stderr[-2000:]}")
    summary = json.loads(out.read_text(encoding="utf-8"))
    summary["cpu_seconds"] = _children_cpu() - cpu  # the CLI and all it waited for (server, Dask workers)
    summary["peak_tree_mb"] = peak.peak / 2**20
    summary["stdout"] = stdout
    return wall, summary


class _TreeMemory(threading.Thread):
    """Peak of the summed resident memory of a process and all its descendants (the Prefect server,
    Dask's scheduler, nannies and workers), sampled every 0.2 s."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, False

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
            while not self.stop:
                total = 0
                for p in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):  # a process that just ended
                        total += p.memory_info().rss
                self.peak = max(self.peak, total)
                time.sleep(0.2)
        except psutil.Error:
            pass


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _spin(_: int) -> float:
    t = time.perf_counter()
    x = 0
    for i in range(20_000_000):
        x += i
    return time.perf_counter() - t


def cpu_ceiling(workers: int) -> float:
    """How much faster `workers` CPU-bound processes finish than one: the best --workers can do here."""
    from concurrent.futures import ProcessPoolExecutor

    one = _spin(0)
    with ProcessPoolExecutor(workers) as pool:
        t = time.perf_counter()
        list(pool.map(_spin, range(workers)))
        many = time.perf_counter() - t
    return workers * one / many


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.is_dir() else REPO / "raw")
    ap.add_argument("--workers", type=int, default=None, help="default: kabar's own (a worker per core past a batch)")
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--keep", type=Path, help="keep the generated corpus and warehouse here")
    args = ap.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="kabar-bench-"))
    raw, wh = work / "raw", work / "warehouse"
    for p in (raw, wh):
        if p.exists():
            shutil.rmtree(p)
    t = time.perf_counter()
    build(raw, args.n, args.corpus)
    print(f"corpus      {args.n:,} distinct articles from {args.corpus} in {time.perf_counter() - t:.1f}s")
    extra = (["--workers", str(args.workers)] if args.workers else []) + (
        ["--batch-size", str(args.batch_size)] if args.batch_size else []
    )
    wall, s = run(raw, wh, extra)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    sec = s.get("seconds", {})
    flow = sec.get("total", wall)
    mode = next((line.strip() for line in s["stdout"].splitlines() if "Dask cluster" in line), "in process")
    print(f"mode        {mode}")
    print(f"first run   {wall:.1f}s wall; {flow:.1f}s in the flow; Prefect start-up and teardown {wall - flow:.1f}s")
    print(
        f"throughput  {s['articles'] / flow:,.0f} articles/s in the flow ({s['articles']:,} articles, "
        f"{s['rows'].get('meetings', 0):,} meetings, {s['rows'].get('commitments', 0):,} commitments)"
    )
    names = ("ingest", "extract", "validate", "publish")
    stages = "  ".join(f"{k} {sec[k]:.1f}s" for k in names if k in sec)
    print(f"stages      CPU {stages}  (summed over batches and workers)")
    other = s["cpu_seconds"] - sum(sec.get(k, 0) for k in names)
    print(
        f"CPU         {s['cpu_seconds']:.1f}s in all; {other:.1f}s outside the steps (Prefect's engine and server,"
        f" imports, task and Dask overhead)"
    )
    if sec.get("extract"):
        print(f"validate+publish / extract = {(sec.get('validate', 0) + sec.get('publish', 0)) / sec['extract']:.0%}")
    print(f"peak memory {s['peak_tree_mb']:,.0f} MB (all processes together), {peak_mb:,.0f} MB (largest process)")
    wall2, s2 = run(raw, wh, extra)
    print(
        f"rerun       {wall2:.1f}s wall, {s2.get('seconds', {}).get('total', 0):.1f}s in the flow, "
        f"{s2['unchanged']} files unchanged"
    )
    if (args.workers or os.cpu_count() or 1) > 1:
        n = args.workers or os.cpu_count() or 1
        print(f"machine     {n} CPU-bound processes run {cpu_ceiling(n):.2f}x as fast as one here")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

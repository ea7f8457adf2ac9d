"""Our own annotations point at their evidence by offsets; the bench scripts fill the text in for the scorer."""

import importlib.util
import json
from pathlib import Path

spec = importlib.util.spec_from_file_location("bench_gold", Path(__file__).parent.parent / "bench" / "gold.py")
bench_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_gold)


def test_evidence_offsets_become_the_text_they_point_at(tmp_path):
    text = "JAKARTA - Menlu bertemu Menlu Jepang. Keduanya sepakat menandatangani MoU."
    (tmp_path / "a.json").write_text(json.dumps({"title": "t", "text": text}), encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    start = text.index("Keduanya")
    for name in ("a.json", "b.txt"):
        g = {
            "file": name,
            "meetings": [{"evidence_span": [10, 37]}],
            "commitments": [{"evidence_span": [start, len(text)]}, {"evidence": "kept as it is"}],
        }
        out = bench_gold.with_evidence(g, tmp_path)
        assert out["meetings"][0] == {"evidence": "Menlu bertemu Menlu Jepang."}
        assert out["commitments"][0]["evidence"] == "Keduanya sepakat menandatangani MoU."
        assert out["commitments"][1] == {"evidence": "kept as it is"}

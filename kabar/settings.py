"""One typed settings object, read once at the edge (CLI, flow parameters, env)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# 2,000 articles keep a batch's text and tables near 50 MB while amortising the
# fixed cost of a GX validation and a Parquet write per batch.
DEFAULT_BATCH_SIZE = 2000
# ... and about as many bytes (2,000 articles of ~5 kB), so that files holding many articles
# (JSONL, CSV dumps) still split into batches that workers can share.
DEFAULT_BATCH_BYTES = 10 * 1000 * 1000
# Real articles are under 200 kB; 20 MB leaves room for long transcripts but
# keeps a stray dump or binary from filling memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    raw: Path = Path("raw")
    warehouse: Path = Path("warehouse")
    expectations: Path = field(default_factory=lambda: REPO_ROOT / "expectations")
    batch_size: int = DEFAULT_BATCH_SIZE
    batch_bytes: int = DEFAULT_BATCH_BYTES
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    dask_address: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then KABAR_* environment variables, then explicit overrides (None = keep)."""
        env = {
            "raw": os.environ.get("KABAR_RAW"),
            "warehouse": os.environ.get("KABAR_WAREHOUSE"),
            "expectations": os.environ.get("KABAR_EXPECTATIONS"),
            "batch_size": os.environ.get("KABAR_BATCH_SIZE"),
            "batch_bytes": os.environ.get("KABAR_BATCH_BYTES"),
            "max_bytes": os.environ.get("KABAR_MAX_BYTES"),
        }
        values = {k: v for k, v in env.items() if v is not None}
        values.update({k: v for k, v in overrides.items() if v is not None})
        s = cls()
        for key, value in values.items():
            kind = type(getattr(s, key)) if getattr(s, key) is not None else str
            if key in ("raw", "warehouse", "expectations"):
                value = Path(value)
            elif kind is int:
                value = int(value)
            s = replace(s, **{key: value})
        return s

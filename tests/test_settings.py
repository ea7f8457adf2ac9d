from pathlib import Path

from kabar.settings import DEFAULT_BATCH_SIZE, Settings


def test_env_then_explicit_overrides(monkeypatch):
    assert Settings.from_env().batch_size == DEFAULT_BATCH_SIZE
    monkeypatch.setenv("KABAR_BATCH_SIZE", "7")
    monkeypatch.setenv("KABAR_WAREHOUSE", "/tmp/w")
    s = Settings.from_env(batch_size=None, raw="r")
    assert (s.batch_size, s.warehouse, s.raw) == (7, Path("/tmp/w"), Path("r"))
    assert Settings.from_env(batch_size=3).batch_size == 3

"""notebooks/explore.ipynb runs on a real warehouse, a warehouse of undated articles and an empty one."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import REPO, SAMPLE
from .test_warehouse import TEXT, run

NOTEBOOK = REPO / "notebooks" / "explore.ipynb"


def execute(warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Run the notebook as Jupyter would, from its folder; return every output of its code cells."""
    monkeypatch.setenv("KABAR_WAREHOUSE", str(warehouse))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": NOTEBOOK.parent}})
    client.execute()  # raises CellExecutionError if a cell fails
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]


def images(outputs: list[dict]) -> int:
    return sum("image/png" in o.get("data", {}) for o in outputs)


def printed(outputs: list[dict]) -> str:
    return "".join(o.get("text", "") for o in outputs if o["output_type"] == "stream")


def build(tmp_path: Path, files: dict[str, bytes]) -> Path:
    raw, wh = tmp_path / "raw", tmp_path / "wh"
    raw.mkdir()
    for name, data in files.items():
        (raw / name).write_bytes(data)
    run(raw, wh)
    return wh


def test_the_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_the_sample_article_gives_both_plots(tmp_path, monkeypatch):
    wh = build(tmp_path, {SAMPLE.name: SAMPLE.read_bytes()})
    outputs = execute(wh, monkeypatch)
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert images(outputs) == 2
    text = printed(outputs)
    assert str(wh.resolve()) in text and "no data:" not in text
    tables = [o for o in outputs if o["output_type"] == "display_data" and "text/html" in o["data"]]
    assert len(tables) == 4  # the head of articles, meetings, commitments and topics; no rejects


@pytest.mark.parametrize("kind", ["empty", "undated"])
def test_a_warehouse_without_dated_data_says_so(tmp_path, monkeypatch, kind):
    if kind == "empty":
        wh = tmp_path / "wh"
        wh.mkdir()
    else:  # every partition is year=__HIVE_DEFAULT_PARTITION__
        wh = build(tmp_path, {"undated.txt": TEXT.replace(" pada Rabu (10/5/2023)", "").encode()})
    outputs = execute(wh, monkeypatch)
    text = printed(outputs)
    assert "no data: no dated articles with topics" in text
    if kind == "empty":
        assert images(outputs) == 0 and "no data: no meetings between two countries" in text
    else:
        assert images(outputs) == 1  # its meeting of Indonesia and Vietnam has no date but a country pair

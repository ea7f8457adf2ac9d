"""Progress of a run: a bar on a terminal, one plain line per batch elsewhere."""

import io

import pytest
from rich.console import Console
from rich.errors import MissingStyle
from rich.theme import Theme

from kabar.progress import BarProgress, LogProgress, choose_progress, progress_line


def test_progress_line_reads_on_its_own():
    line = progress_line(batch=3, batches=10, files_done=6000, files=20000, articles=5900, seconds=30.0)
    assert line == "batch 3/10: 6000/20000 files, 5900 articles, 200 files/s"
    assert progress_line(1, 1, 0, 0, 0, 0.0).endswith(" 0.0 files/s")
    assert progress_line(1, 1, 1, 1, 1, 7.0).endswith(" 0.1 files/s")  # a slow start is not "0"


def test_log_progress_writes_one_line_per_batch_with_running_totals():
    lines: list[str] = []
    ticks = iter([100.0, 100.0, 102.0, 104.0])  # constructor, __enter__, then one tick per batch
    with LogProgress(files=5, batches=2, log=lines.append, clock=lambda: next(ticks)) as progress:
        progress.advance(files=3, articles=2)
        progress.advance(files=2, articles=2)
    assert lines == [
        "batch 1/2: 3/5 files, 2 articles, 1.5 files/s",
        "batch 2/2: 5/5 files, 4 articles, 1.2 files/s",
    ]


def test_chooser_picks_the_bar_only_on_an_interactive_terminal():
    def log(_line: str) -> None:
        pass

    pipe = Console(file=io.StringIO())
    tty = Console(file=io.StringIO(), force_terminal=True)
    dumb = Console(file=io.StringIO(), force_terminal=True, _environ={"TERM": "dumb"})
    assert isinstance(choose_progress(10, 1, pipe, log), LogProgress)
    assert isinstance(choose_progress(10, 1, tty, log), BarProgress)
    assert isinstance(choose_progress(10, 1, dumb, log), LogProgress)
    assert isinstance(choose_progress(0, 0, tty, log), LogProgress)  # nothing to do, no empty bar


def test_bar_draws_on_a_console_without_rich_default_styles():
    """Prefect's log console has a theme that does not inherit rich's styles; the bar brings its own."""
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=140, theme=Theme({}, inherit=False))
    with BarProgress(files=10, batches=2, console=console) as bar:
        bar.advance(files=6, articles=5)
        console.print("a log line above the bar")
        bar.advance(files=4, articles=3)
    text = out.getvalue()
    assert "a log line above the bar" in text
    assert "10/10" in text and "batch 2/2, 8 articles" in text and "files/s" in text
    with pytest.raises(MissingStyle):  # the bar's styles left with it: Prefect's theme is as it was
        console.get_style("bar.back")

"""Progress of a long run: a live bar on a terminal, one plain line per batch elsewhere.

A person at a terminal wants a bar with a rate and time left; a log file, CI or a Prefect
worker wants lines that read well on their own ("batch 3/10: 6000/20000 files, ...").
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.default_styles import DEFAULT_STYLES
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from rich.theme import Theme

# The bar's own styles, pushed onto a console whose theme may lack them (Prefect's log
# console is built with a theme that does not inherit rich's defaults).
PROGRESS_THEME = Theme({k: v for k, v in DEFAULT_STYLES.items() if k.startswith(("bar.", "progress."))}, inherit=False)


class RunProgress(Protocol):
    """Told once per finished batch how many files it held and how many articles it published."""

    def __enter__(self) -> RunProgress: ...

    def __exit__(self, *exc: object) -> None: ...

    def advance(self, files: int, articles: int) -> None: ...


def progress_line(batch: int, batches: int, files_done: int, files: int, articles: int, seconds: float) -> str:
    """One batch's line for logs: position, files done, articles published, overall rate."""
    rate = files_done / seconds if seconds > 0 else 0.0
    return f"batch {batch}/{batches}: {files_done}/{files} files, {articles} articles, {rate_text(rate)}"


def rate_text(files_per_second: float) -> str:
    """Whole files per second, with a decimal below 10 so a slow start does not read as 0."""
    digits = 1 if files_per_second < 10 else 0
    return f"{files_per_second:.{digits}f} files/s"


class LogProgress:
    """One log line per batch, for output that is not an interactive terminal."""

    def __init__(
        self,
        files: int,
        batches: int,
        log: Callable[[str], object],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.files, self.batches, self.log, self.clock = files, batches, log, clock
        self.batch = self.files_done = self.articles = 0
        self.started = clock()

    def __enter__(self) -> LogProgress:
        self.started = self.clock()
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, files: int, articles: int) -> None:
        self.batch += 1
        self.files_done += files
        self.articles += articles
        seconds = self.clock() - self.started
        self.log(progress_line(self.batch, self.batches, self.files_done, self.files, self.articles, seconds))


class _RateColumn(ProgressColumn):
    """Files per second since the start (rich's own speed column is for bytes)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(rate_text(rate), style="progress.data.speed")


class BarProgress:
    """A rich progress bar of files done, with articles, rate and time left, for a terminal."""

    def __init__(self, files: int, batches: int, console: Console) -> None:
        self.console = console
        self.batches = batches
        self.batch = self.articles = 0
        self.bar = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TaskProgressColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
        )
        self.task = self.bar.add_task(self._description(), total=files)

    def _description(self) -> str:
        return f"batch {self.batch}/{self.batches}, {self.articles} articles"

    def __enter__(self) -> BarProgress:
        self.console.push_theme(PROGRESS_THEME)
        self.bar.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.bar.stop()
        finally:
            self.console.pop_theme()

    def advance(self, files: int, articles: int) -> None:
        self.batch += 1
        self.articles += articles
        self.bar.update(self.task, advance=files, description=self._description())


def choose_progress(files: int, batches: int, console: Console, log: Callable[[str], object]) -> RunProgress:
    """A bar when `console` is an interactive terminal and there is work to show; log lines otherwise."""
    if files and console.is_terminal and not console.is_dumb_terminal:
        return BarProgress(files, batches, console)
    return LogProgress(files, batches, log)

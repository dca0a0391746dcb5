"""A Rich progress bar for long ingests: articles done, articles/s, rejects, ETA.

Shown only when both stdout and stderr are terminals: a log file, a pipe or a test run gets
the summary line and the rejections, never bar redraws. The counting (``Tally``) is separate
from the display so it can be checked without a terminal or a clock.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from newsgraph.errors import InputRejected
from newsgraph.read import JSONL_SUFFIXES, STDIN_NAME


@dataclass
class Tally:
    """Articles done so far: stored or to be stored, skipped as already stored, rejected."""

    extracted: int = 0
    skipped: int = 0
    rejected: int = 0

    @property
    def done(self) -> int:
        return self.extracted + self.skipped + self.rejected

    def add(self, item: object) -> None:
        if isinstance(item, InputRejected):
            self.rejected += 1
        else:
            self.extracted += 1

    def rate(self, seconds: float) -> float:
        """Articles per second over ``seconds`` of work; 0 before any time has passed."""
        return self.done / seconds if seconds > 0 else 0.0

    def describe(self, seconds: float) -> str:
        return (f"{self.rate(seconds):.1f} articles/s · {self.rejected} rejected · "
                f"{self.skipped} already stored")


def interactive(*streams: IO) -> bool:
    """True when every stream is a terminal (and TERM is not "dumb")."""
    if os.environ.get("TERM") == "dumb":
        return False
    return all(getattr(s, "isatty", lambda: False)() for s in streams)


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many articles the inputs hold, when that is cheap to know: a file is one article
    (walking folders, not reading them). None when any input is stdin or JSON Lines, whose
    number of articles is only known at the end."""
    from newsgraph.read import _directory_files

    total = 0
    for name in paths:
        if name == STDIN_NAME:
            return None
        path = Path(name)
        files = _directory_files(path) if path.is_dir() else [path]
        if any(file.suffix.lower() in JSONL_SUFFIXES for file in files):
            return None
        total += max(len(files), 1)  # an empty folder is one rejection
    return total


class IngestProgress:
    """Counts every item; draws a bar on ``console`` only when ``enabled``.

    Use as a context manager; ``item`` and ``skip`` are the ingest's ``on_item`` and
    ``on_skip`` hooks.
    """

    def __init__(self, total: int | None, *, console: Console, enabled: bool) -> None:
        self.tally = Tally()
        self.total = total
        self._bar: Progress | None = None
        self._task = None
        if enabled:
            columns = [SpinnerColumn(), TextColumn("ingest"), BarColumn(),
                       MofNCompleteColumn() if total else TextColumn("{task.completed} articles"),
                       TextColumn("{task.fields[detail]}"), TimeElapsedColumn()]
            if total:
                columns.append(TimeRemainingColumn())
            self._bar = Progress(*columns, console=console, transient=True)

    @property
    def console(self) -> Console | None:
        """Where other messages should go while the bar is drawn (so they print above it)."""
        return self._bar.console if self._bar else None

    def __enter__(self) -> IngestProgress:
        if self._bar is not None:
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=self.total, detail="")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def item(self, item: object) -> None:
        self.tally.add(item)
        self._refresh()

    def skip(self) -> None:
        self.tally.skipped += 1
        self._refresh()

    def _refresh(self) -> None:
        if self._bar is None or self._task is None:
            return
        task = self._bar.tasks[0]
        seconds = task.elapsed or 0.0
        self._bar.update(self._task, completed=self.tally.done,
                         detail=self.tally.describe(seconds))


def progress_for(paths: list[str], console: Console) -> IngestProgress:
    """The bar for ``newsgraph ingest PATHS``: shown on a terminal, counted always."""
    enabled = interactive(sys.stdout, sys.stderr)
    total = count_inputs(paths) if enabled else None
    return IngestProgress(total, console=console, enabled=enabled)

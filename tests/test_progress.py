"""The ingest progress bar (newsgraph.progress): what it counts, and silence off a terminal."""

from __future__ import annotations

import io

from rich.console import Console

from newsgraph.errors import InputRejected
from newsgraph.progress import IngestProgress, Tally, count_inputs, interactive, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_tally_counts_records_rejects_and_skips():
    tally = Tally()
    for item in (object(), InputRejected("a", "empty file"), object()):
        tally.add(item)
    tally.skipped += 1
    assert (tally.extracted, tally.rejected, tally.skipped, tally.done) == (2, 1, 1, 4)
    assert tally.rate(0) == 0.0 and tally.rate(2.0) == 2.0
    assert tally.describe(2.0) == "2.0 articles/s · 1 rejected · 1 already stored"


def test_quiet_off_a_terminal_but_still_counting():
    out = io.StringIO()
    with IngestProgress(3, console=Console(file=out), enabled=False) as progress:
        progress.item(object())
        progress.item(InputRejected("b", "binary file, not text"))
        progress.skip()
        assert progress.console is None  # messages go to the usual stream
    assert out.getvalue() == ""
    assert (progress.tally.done, progress.tally.rejected, progress.tally.skipped) == (3, 1, 1)


def test_on_a_terminal_the_bar_shows_counts_and_rejects():
    out = Terminal()
    console = Console(file=out, force_terminal=True, width=160)
    with IngestProgress(4, console=console, enabled=True) as progress:
        progress.item(object())
        progress.item(InputRejected("c", "empty file"))
        progress._bar.refresh()
        drawn = out.getvalue()
    assert "2/4" in drawn and "1 rejected" in drawn and "articles/s" in drawn


def test_interactive_needs_every_stream_to_be_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert interactive(Terminal(), Terminal())
    assert not interactive(Terminal(), io.StringIO())
    monkeypatch.setenv("TERM", "dumb")
    assert not interactive(Terminal())


def test_the_cli_bar_is_off_under_pytest(tmp_path):
    # pytest captures stdout and stderr: not terminals, so no bar and no counting of files
    progress = progress_for([str(tmp_path)], Console(file=io.StringIO()))
    assert progress._bar is None and progress.total is None


def test_count_inputs_walks_folders_but_not_streams(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.html", "sub/c.txt", ".hidden.txt", "notes.md"):
        (folder / name).write_text("x")
    single = tmp_path / "one.txt"
    single.write_text("x")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert count_inputs([str(folder)]) == 3
    assert count_inputs([str(folder), str(single), str(empty)]) == 5  # empty: one rejection
    assert count_inputs(["-"]) is None
    (folder / "feed.jsonl").write_text("{}\n")
    assert count_inputs([str(folder)]) is None

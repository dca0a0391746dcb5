"""Thin commands over the library: each reads its inputs, calls one function, reports errors."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsgraph import nlp
from newsgraph.cli_store import register as register_store_commands
from newsgraph.cli_web import register as register_web_commands
from newsgraph.errors import InputRejected, NewsgraphError
from newsgraph.model import Extraction

if TYPE_CHECKING:
    from newsgraph.evaluation import GoldArticle, Report
    from newsgraph.peers import Peer

app = typer.Typer(
    help="Turn news articles into a source-linked knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",  # docstring lines wrap as prose, not as written
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

# Exit codes: 0 all inputs extracted; 1 some input was rejected; 2 usage or setup error.
EXIT_REJECTED = 1
EXIT_USAGE = 2
DEFAULT_GOLD = Path("examples")
FLOORS_FILE = "floors.json"
SUMMARY_QUOTE_CHARS = 90  # a quote longer than this is cut in the summary table, not the JSON


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _say_rejected(exc: InputRejected) -> None:
    err.print(f"newsgraph: rejected {exc.source}: {exc.reason}", markup=False, soft_wrap=True)


def _say_warnings(result: Extraction) -> None:
    for warning in result.warnings:
        err.print(f"newsgraph: warning {result.article.source}: {warning}", markup=False,
                  soft_wrap=True)


def _out_name(result: Extraction, used: set[str]) -> str:
    stem = Path(result.article.source.split(":")[0]).stem or "article"
    if result.article.source.count(":") and result.article.source.rsplit(":", 1)[1].isdigit():
        stem = f"{stem}-{result.article.source.rsplit(':', 1)[1]}"
    name = f"{stem}.json"
    if name in used:
        name = f"{stem}-{result.article.id}.json"
    used.add(name)
    return name


def _write_atomically(path: Path, text: str) -> None:
    """A killed run leaves whole files or none, never half a record."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def summarize(result: Extraction, console: Console) -> None:
    """A readable picture of one record: title, date, the actors with aliases and roles, who
    said what, the events and the stances."""
    a = result.article
    console.rule(f"[bold]{a.title or a.source}")
    console.print(
        f"[dim]{a.source}[/dim]  published: {a.published or 'unknown'}  id: {a.id}",
        highlight=False,
    )
    table = Table(show_header=True, header_style="bold", expand=False)
    for col in ("id", "type", "name", "aliases", "roles", "mentions"):
        table.add_column(col, overflow="fold")
    for e in result.entities:
        table.add_row(e.id, e.type, e.name, ", ".join(e.aliases), "; ".join(e.roles),
                      str(len(e.mentions)))
    console.print(table)
    if result.quotes:
        names = {e.id: e.name for e in result.entities}
        quotes = Table(show_header=True, header_style="bold", expand=False)
        for col in ("id", "speaker", "cue", "quote"):
            quotes.add_column(col, overflow="fold")
        for q in result.quotes:
            speaker = names.get(q.speaker, "") if q.speaker else ("(scare)" if q.kind == "scare"
                                                                   else "(not said)")
            text = q.text if len(q.text) <= SUMMARY_QUOTE_CHARS else (
                q.text[: SUMMARY_QUOTE_CHARS - 1] + "…"
            )
            quotes.add_row(q.id, speaker, q.cue or "", f"“{text}”")
        console.print(quotes)
    _summarize_events(result, console)


def _summarize_events(result: Extraction, console: Console) -> None:
    """Who did what to whom, where and when; who stands where."""
    names = {e.id: e.name for e in result.entities}
    if result.events:
        events = Table(show_header=True, header_style="bold", expand=False)
        for col in ("id", "type", "who", "whom", "where", "date", "status", "trigger"):
            events.add_column(col, overflow="fold", no_wrap=col in ("id", "date", "status"))
        for v in result.events:
            events.add_row(
                v.id, f"{v.type}/{v.subtype}", ", ".join(names[a] for a in v.actors),
                ", ".join(names[t] for t in v.targets), names.get(v.place or "", ""),
                v.date or "", v.status,
                v.trigger.text + (f" (+{len(v.mentions)})" if v.mentions else ""),
            )
        console.print(events)
    if result.stances:
        stances = Table(show_header=True, header_style="bold", expand=False)
        for col in ("id", "holder", "stance", "issue", "evidence"):
            stances.add_column(col, overflow="fold")
        for st in result.stances:
            stances.add_row(st.id, names[st.holder], st.polarity, st.issue, st.evidence.text)
        console.print(stances)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD, used when the input does not state one.")] = None,
    title: Annotated[str | None, typer.Option(help="Title, when the input has none.")] = None,
    url: Annotated[str | None, typer.Option(help="URL, when the input has none.")] = None,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline.")] = nlp.DEFAULT_MODEL,
    out_dir: Annotated[Path | None, typer.Option(
        "--out", help="Write one JSON file per article into this folder, not stdout.")] = None,
    summary: Annotated[bool, typer.Option(
        help="Print a readable summary of each article (with --out, beside the files).")] = False,
    max_bytes: Annotated[int | None, typer.Option(
        help="Reject input files larger than this many bytes.")] = None,
) -> None:
    """Extract records from articles: one JSON object per article (JSON Lines for several).

    A rejected input (empty, binary, undecodable, broken HTML, too large, not English) gets
    one line on stderr and the batch goes on. Exit code 0: every input extracted; 1: some
    input rejected; 2: usage or setup error.
    """
    from newsgraph.pipeline import extract_articles
    from newsgraph.read import DEFAULT_MAX_BYTES, Metadata, iter_inputs

    defaults = Metadata(title=title, url=url, published=_published(published))
    raws = iter_inputs(inputs, defaults=defaults, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                       stdin=sys.stdin.buffer)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    rejected = 0
    used: set[str] = set()
    try:
        results = extract_articles(raws, model=model)
        for result in results:
            if isinstance(result, InputRejected):
                rejected += 1
                _say_rejected(result)
                continue
            _say_warnings(result)
            line = json.dumps(result.to_dict(), ensure_ascii=False)
            if out_dir is not None:
                _write_atomically(out_dir / _out_name(result, used), line + "\n")
            elif not summary:
                sys.stdout.write(line + "\n")
            if summary:
                summarize(result, out)
    except NewsgraphError as exc:
        err.print(f"newsgraph: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    if rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command("eval")
def eval_command(
    gold_dirs: Annotated[list[Path] | None, typer.Argument(
        help="Folders with articles/ and gold/ (see docs/annotation.md); several are scored "
        "each and together.", show_default=str(DEFAULT_GOLD))] = None,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline.")] = nlp.DEFAULT_MODEL,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every failure.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    floors: Annotated[Path | None, typer.Option(
        help="Floors file (default GOLD_DIR/floors.json when present, for each folder); exit 1 "
        "when a score is below its floor. With several folders this file is checked against "
        "their scores together.")] = None,
    peer: Annotated[bool, typer.Option(
        help="Also score the peers on the same texts, when installed: textacy for quotes, "
        "quantulum3 for quantities, dateparser over spaCy DATE entities for times (one folder "
        "only).")] = True,
    off: Annotated[list[str] | None, typer.Option(
        "--off", help="Score without this entity, quote, event or stance rule, to measure what "
        "it is worth (repeatable; --rules lists them). Floors are then checked only when "
        "--floors is given.")] = None,
    list_rules: Annotated[bool, typer.Option(
        "--rules", help="List the rules --off can switch off, and exit.")] = False,
) -> None:
    """Score extraction against annotated articles: precision, recall and F1 per record kind.

    GOLD_DIR holds articles/ and gold/ (docs/annotation.md); a floors.json beside them pins
    the lowest scores allowed. The rates are printed beneath, then one small table per peer
    (quotes, quantities, times) scored on the same texts. Given several folders, each is
    scored against its own floors, one line per folder is printed, and the full tables are
    for all of them together: the team's gold as one set.
    """
    from newsgraph.evaluation import check_floors, combine, evaluate, extract_gold, load_gold
    from newsgraph.extract import rules

    if list_rules:
        for name, what in rules.RULES.items():
            out.print(f"{name:24} {what}", markup=False, soft_wrap=True)
        return
    dirs = gold_dirs or [DEFAULT_GOLD]
    reports: dict[str, Report] = {}
    failed: dict[str, list[str]] = {}
    peers: dict = {}
    try:
        for gold_dir in dirs:
            gold = load_gold(gold_dir)
            with rules.switched_off(off or ()):
                records = extract_gold(gold, model=model)
            report = reports[str(gold_dir)] = evaluate(gold, records)
            own = gold_dir / FLOORS_FILE
            pinned = own if not off and own.is_file() else None
            if len(dirs) == 1 and floors is not None:
                pinned = floors  # one folder: the file given is its floors
            failed[str(gold_dir)] = check_floors(
                report, json.loads(pinned.read_text())) if pinned else []
            if peer and len(dirs) == 1:
                peers = _peer_reports(gold, records, model)
    except NewsgraphError as exc:
        err.print(f"newsgraph: {exc}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    report = next(iter(reports.values())) if len(dirs) == 1 else combine(reports.values())
    if len(dirs) > 1 and floors is not None:
        failed["together"] = check_floors(report, json.loads(floors.read_text()))
    below = [f"{name}: {line}" if len(dirs) > 1 else line
             for name, lines in failed.items() for line in lines]
    if as_json:
        doc = {**report.as_dict(), "below_floor": below}
        if len(dirs) > 1:
            doc["sets"] = {name: r.as_dict() for name, r in reports.items()}
        if peers:
            doc["peer"] = {name: _peer_dict(*result) for name, result in peers.items()}
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
    else:
        if len(dirs) > 1:
            out.print(_sets_table(reports))
        _print_report(report, verbose, sets=len(dirs))
        for peer_def, peer_report, skipped in peers.values():
            if peer_report is not None:
                _print_peer(peer_def, peer_report)
            else:
                out.print(f"{peer_def.label} skipped: {skipped}", markup=False, soft_wrap=True)
        for line in below:
            err.print(f"newsgraph: below floor: {line}", markup=False)
    if below or report.span_errors:
        raise typer.Exit(1)


# The lines one row per gold set shows: what the issues' floors are about.
SET_LINES = (("entities", "entities", "f1"), ("attrib.", "quotes.attribution", "value"),
             ("events", "events", "f1"), ("meetings", "events.meetings", "f1"),
             ("stances", "stances", "f1"), ("wrong pol.", "stances.wrong_polarity", "value"))


def _sets_table(reports: dict[str, Report]) -> Table:
    table = Table(title="newsgraph eval — each gold set", header_style="bold")
    table.add_column("gold set", no_wrap=True)
    table.add_column("art.", justify="right")
    for label, _, _ in SET_LINES:
        table.add_column(label, justify="right")
    for name, report in reports.items():
        cells = []
        for _, line, field_name in SET_LINES:
            value = report.scores.get(line) or report.rates.get(line)
            cells.append("–" if value is None else f"{getattr(value, field_name):.3f}")
        table.add_row(Path(name).name, str(report.articles), *cells)
    return table


def _peer_reports(gold: list[GoldArticle], records: dict[str, dict],
                  model: str) -> dict[str, tuple[Peer, Report | None, str | None]]:
    """Each peer's report over the same texts, or None and the reason it was skipped."""
    from newsgraph.evaluation import evaluate
    from newsgraph.peers import PEERS, all_peer_records

    skipped = {p.name: p.unavailable() for p in PEERS}
    ready = {name for name, reason in skipped.items() if reason is None}
    peer_records = all_peer_records(records, model=model, names=ready) if ready else {}
    return {
        p.name: (p, evaluate(gold, peer_records[p.name]) if p.name in ready else None,
                 skipped[p.name])
        for p in PEERS
    }


def _lines(kind: str, lines: dict) -> dict:
    return {k: v for k, v in lines.items() if k == kind or k.startswith(f"{kind}.")}


def _peer_dict(peer_def: Peer, report: Report | None, skipped: str | None) -> dict:
    if report is None:
        return {"label": peer_def.label, "kind": peer_def.kind, "skipped": skipped}
    return {
        "label": peer_def.label,
        "kind": peer_def.kind,
        "scores": {k: v.as_dict() for k, v in _lines(peer_def.kind, report.scores).items()},
        "rates": {k: v.as_dict() for k, v in _lines(peer_def.kind, report.rates).items()},
    }


def _score_table(title: str, scores: dict) -> Table:
    table = Table(title=title, header_style="bold")
    for col in ("record", "gold", "found", "correct", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "record" else "left")
    for line, s in scores.items():
        if s.tp + s.fn + s.fp == 0:
            continue
        table.add_row(line, str(s.tp + s.fn), str(s.tp + s.fp), str(s.tp),
                      f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    return table


def _rate_table(title: str, rates: dict) -> Table:
    table = Table(title=title, header_style="bold")
    for col in ("rate", "count", "out of", "value"):
        table.add_column(col, justify="right" if col != "rate" else "left")
    for line, r in rates.items():
        table.add_row(line, str(r.num), str(r.den), f"{r.value:.3f}" if r.den else "–")
    return table


def _print_report(report: Report, verbose: bool, sets: int = 1) -> None:
    together = f" in {sets} gold sets together" if sets > 1 else ""
    out.print(_score_table(f"newsgraph eval — {report.articles} gold articles{together}",
                           report.scores))
    out.print(_rate_table("newsgraph rates", report.rates))
    out.print(f"span errors: {len(report.span_errors)}")
    if verbose:
        for line, s in [*report.scores.items(), *report.rates.items()]:
            for failure in s.failures:
                out.print(f"  [{line}] {failure}", markup=False, soft_wrap=True)
        for e in report.span_errors:
            out.print(f"  [span] {e}", markup=False, soft_wrap=True)


def _print_peer(peer_def: Peer, report: Report) -> None:
    out.print(_score_table(peer_def.label, _lines(peer_def.kind, report.scores)))
    rates = _lines(peer_def.kind, report.rates)
    if rates:
        out.print(_rate_table(f"{peer_def.label} — {peer_def.kind} rates", rates))


register_store_commands(app)
register_web_commands(app)


def main() -> None:
    app()

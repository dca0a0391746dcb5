"""The knowledge-base commands: ``ingest``, ``rejects``, ``resolve``, the queries (``actors``,
``events``, ``quotes``, ``stances``, ``timeline``) and ``export``.

Kept out of cli.py so the store's commands grow in their own module; ``register(app)`` adds
them to the main Typer app. SQLAlchemy and Alembic are imported inside the commands, so
``--help`` and ``extract`` do not pay for them.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsgraph import nlp
from newsgraph.errors import InputRejected, NewsgraphError
from newsgraph.pipeline import BATCH_SIZE

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from newsgraph.store.ingest import Item
    from newsgraph.store.views import ActorRef, EventView

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

# The same exit codes as ``newsgraph extract``: 1 some input rejected; 2 usage or setup error.
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C
DEFAULT_DB = "sqlite:///newsgraph.db"  # newsgraph.store.db.DEFAULT_URL, without importing it
DB_HELP = ("SQLAlchemy URL of the store: a SQLite file (sqlite:///path.db, or just a path) or "
           "postgresql://user@host/dbname.")


def register(app: typer.Typer) -> None:
    """Add the store's commands to the main app."""
    app.command("ingest")(ingest)
    app.command("rejects")(rejects)
    app.command("resolve")(resolve)
    app.command("actors")(actors)
    app.command("events")(events)
    app.command("quotes")(quotes)
    app.command("stances")(stances)
    app.command("timeline")(timeline)
    app.command("export")(export)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _report(item: Item, console: Console = err) -> None:
    if isinstance(item, InputRejected):
        console.print(f"newsgraph: rejected {item.source}: {item.reason}", markup=False,
                      soft_wrap=True)
        return
    source = getattr(item, "source", None) or item.article.source  # a JsonRecord or not
    for warning in item.warnings:
        console.print(f"newsgraph: warning {source}: {warning}", markup=False,
                      soft_wrap=True)


def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    model: Annotated[str, typer.Option(help="Any installed spaCy pipeline.")] = nlp.DEFAULT_MODEL,
    batch_size: Annotated[int, typer.Option(
        min=1, help="Articles per batch: parsed together and written in one transaction.",
    )] = BATCH_SIZE,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD, used when an input does not state one.")] = None,
    title: Annotated[str | None, typer.Option(help="Title, when an input has none.")] = None,
    url: Annotated[str | None, typer.Option(
        help="URL, when an input has none; texts stored under one url are versions of one "
        "article.")] = None,
    max_bytes: Annotated[int | None, typer.Option(
        help="Reject input files larger than this many bytes.")] = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Processes that parse and extract (default: every core); 1 keeps it all "
        "in this process. With --ray: the number of Ray actors (default: the cluster's CPUs).",
        show_default=False)] = None,
    ray: Annotated[str | None, typer.Option(
        "--ray", metavar="ADDRESS|auto", help="Parse and extract on Ray: 'auto' starts a "
        "local Ray, or give a cluster's address (ray://head:10001). Needs the ray package.",
    )] = None,
    ray_scratch: Annotated[str | None, typer.Option(
        help="Folder for the Ray shards (default: a temporary folder); on a cluster, one "
        "every node sees.")] = None,
) -> None:
    """Extract articles and store them in the knowledge base; prints one summary line.

    An article already stored (same clean text) is skipped; a changed article (same url, or
    same file when there is no url) is stored as a new version. Each batch is one transaction:
    an interrupted ingest keeps every whole batch, and running the same command again finishes
    the job. A rejected input gets one line on stderr and is stored with its reason (`newsgraph
    rejects`). When anything new was stored, the resolved layer (actors and events across
    articles) is brought up to date at the end: only what the new articles reach is
    re-resolved. Exit code 0: every input stored or already there; 1: some
    input rejected; 2: usage, setup or database error.

    Parsing runs on every core (--workers) or on Ray (--ray); this process alone writes, in
    input order, so the store is the same either way. A progress bar shows on a terminal.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from newsgraph.kb import KnowledgeBase
    from newsgraph.progress import progress_for
    from newsgraph.read import DEFAULT_MAX_BYTES, Metadata

    defaults = Metadata(title=title, url=url, published=_published(published))
    if ray is not None:
        from importlib.util import find_spec

        if find_spec("ray") is None:
            err.print("newsgraph: --ray needs the ray package: pip install 'ray[data]'",
                      markup=False, soft_wrap=True)
            raise typer.Exit(EXIT_USAGE) from None
    try:
        with KnowledgeBase(db) as kb, progress_for(inputs, err) as progress:
            console = progress.console or err

            def on_item(item: Item) -> None:
                _report(item, console)
                progress.item(item)

            counts = kb.ingest(inputs, model=model, batch_size=batch_size, defaults=defaults,
                               max_bytes=max_bytes or DEFAULT_MAX_BYTES, stdin=sys.stdin.buffer,
                               on_item=on_item, on_skip=progress.skip, workers=workers,
                               ray=ray, ray_scratch=ray_scratch)
            where = kb.engine.url.render_as_string(hide_password=True)
    except NewsgraphError as exc:
        err.print(f"newsgraph: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None
    except SQLAlchemyError as exc:
        err.print(f"newsgraph: database error: {str(exc).splitlines()[0]}", markup=False,
                  soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        err.print("newsgraph: interrupted; the batches written so far are kept, and the same "
                  "command finishes the job", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    out.print(f"stored {counts.stored}, skipped {counts.skipped} (already stored), "
              f"rejected {counts.rejected} — {where}", markup=False, soft_wrap=True)
    if counts.rejected:
        raise typer.Exit(EXIT_REJECTED)


def rejects(
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
) -> None:
    """List the inputs that were not ingested, with the reason, most recently seen first."""
    from newsgraph.store import queries
    from newsgraph.store.db import open_store

    try:
        engine = open_store(db, create_missing=False)
    except NewsgraphError as exc:
        err.print(f"newsgraph: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None
    try:
        found = queries.rejects(engine)
    finally:
        engine.dispose()
    if as_json:
        doc = [{"source": r.source, "reason": r.reason, "first_seen": r.first_seen.isoformat(),
                "last_seen": r.last_seen.isoformat()} for r in found]
        sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        return
    if not found:
        out.print("no rejected inputs", markup=False)
        return
    table = Table(title=f"{len(found)} rejected inputs", header_style="bold")
    for col in ("source", "reason", "first seen", "last seen"):
        table.add_column(col, overflow="fold")
    for r in found:
        table.add_row(r.source, r.reason, _when(r.first_seen), _when(r.last_seen))
    out.print(table)


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


# --- the resolved layer and its queries ----------------------------------------------------

JSON_HELP = "Print JSON instead of a table."
LIMIT_HELP = "Show at most this many."
NAME_HELP = "any of its forms, a substring; case and accents ignored"
DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_prefix(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        from newsgraph.store.views import date_bounds

        if not DATE_PREFIX.match(value):
            raise ValueError
        date_bounds(value, upper=True)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return value


FromOption = Annotated[str | None, typer.Option(
    "--from", callback=_date_prefix, help="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option(
    "--to", callback=_date_prefix, help="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
DbOption = Annotated[str, typer.Option(help=DB_HELP)]
JsonOption = Annotated[bool, typer.Option("--json", help=JSON_HELP)]
LimitOption = Annotated[int | None, typer.Option(min=1, help=LIMIT_HELP)]
# The filters `events` and `timeline` share.
EventActorOption = Annotated[str | None, typer.Option(
    help=f"Events with this actor among the parties: {NAME_HELP}.")]
EventTypeOption = Annotated[str | None, typer.Option(
    "--type", help="PLOVER type: CONSULT, AGREE, ACCUSE, PROTEST, ...")]
PlaceOption = Annotated[str | None, typer.Option(help=f"Where it happened: {NAME_HELP}.")]


def _fail(message: str) -> typer.Exit:
    err.print(f"newsgraph: {message}", markup=False, soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


@contextmanager
def _store(db: str, *, warn_stale: bool = True) -> Iterator[Engine]:
    """An existing store (never a new empty file), with a warning when the resolved layer
    lags behind the stored articles; database errors become exit code 2."""
    from sqlalchemy.exc import SQLAlchemyError

    from newsgraph.store import resolution
    from newsgraph.store.db import open_store

    try:
        engine = open_store(db, create_missing=False)
    except NewsgraphError as exc:
        raise _fail(str(exc)) from None
    try:
        if warn_stale and resolution.stale(engine):
            err.print("newsgraph: warning: the resolved layer is older than the stored "
                      "articles; run newsgraph resolve", markup=False, soft_wrap=True)
        yield engine
    except SQLAlchemyError as exc:
        raise _fail(f"database error: {str(exc).splitlines()[0]}") from None
    finally:
        engine.dispose()


def _print_json(doc: object) -> None:
    sys.stdout.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def _answered(found: list, as_json: bool, what: str) -> bool:
    """The answer when it is JSON (every record's ``to_dict``) or "no WHAT match"; False
    when a table is still to be printed."""
    if as_json:
        _print_json([item.to_dict() for item in found])
    elif not found:
        out.print(f"no {what} match", markup=False)
    return as_json or not found


def _names(refs: tuple[ActorRef, ...]) -> str:
    return ", ".join(r.name for r in refs)


def _dates(date_from: str | None, date_to: str | None) -> str:
    if not date_from:
        return "undated"
    return date_from if date_from == date_to or not date_to else f"{date_from} – {date_to}"


def _day(value: date | None) -> str:
    return value.isoformat() if value else "—"


def resolve(
    db: DbOption = DEFAULT_DB,
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="Rebuild even when the resolved layer is up to date.")] = False,
) -> None:
    """Merge actors and events across the stored articles (the resolved layer).

    Reads the latest version of every article and updates the actors and events in one
    transaction: readers see the old layer or the new one, never half of each. `newsgraph
    ingest` does this by itself after storing anything new. Without `--rebuild` only what
    changed since the last resolution is re-resolved; `--rebuild` redoes everything (the
    result is the same).
    """
    from newsgraph.store import resolution

    with _store(db, warn_stale=False) as engine:
        done = resolution.rebuild(engine) if rebuild else resolution.update(engine)
        counts = done or resolution.counts(engine)
    state = ("rebuilt" if rebuild else "updated") if done else "already up to date"
    out.print(f"{state}: {counts.actors} actors, {counts.events} events from "
              f"{counts.articles} articles", markup=False, soft_wrap=True)


def actors(
    name: Annotated[str | None, typer.Argument(help=f"Match actors by name: {NAME_HELP}.")]
    = None,
    type: Annotated[str | None, typer.Option(
        "--type", help="PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or LAW.")] = None,
    detail: Annotated[bool, typer.Option(
        "--detail", help="Everything on each actor: forms with counts, roles with their "
        "articles, quotes, events, stances and the actors named beside it.")] = False,
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """List the actors merged across articles, most widely reported first, with every form."""
    from newsgraph.store import views

    with _store(db) as engine:
        found = views.list_actors(engine, name=name, type=type, limit=limit)
        details = [views.actor(engine, a.id) for a in found] if detail else []
    if _answered(details if detail else found, as_json, "actors"):
        return
    if detail:
        for d in details:
            _print_detail(d)
        return
    table = Table(title=f"{len(found)} actors", header_style="bold")
    for col in ("name", "type", "articles", "forms", "id"):
        table.add_column(col, overflow="fold")
    for a in found:
        table.add_row(a.name, a.type, str(a.articles), " · ".join(a.forms), a.id)
    out.print(table)


def _print_detail(d) -> None:
    out.print(f"\n{d.name}  ({d.type}, {d.id})", markup=False, style="bold")
    out.print("forms: " + " · ".join(f"{f.form} ({f.count})" for f in d.forms), markup=False)
    for r in d.roles:
        out.print(f"role: {r.role} — {r.article.outlet or r.article.id}, "
                  f"{_day(r.article.published)}", markup=False, soft_wrap=True)
    if d.events:
        out.print(_events_table(d.events, title="events"))
    for q in d.quotes:
        out.print(f"quote ({_day(q.article.published)}, {q.article.outlet or q.article.id}): "
                  f"“{q.text}”", markup=False, soft_wrap=True)
    for s in d.stances:
        out.print(f"stance: {s.polarity} {s.issue} — “{s.evidence.text}”", markup=False,
                  soft_wrap=True)
    if d.co_actors:
        out.print("named with: " + ", ".join(f"{c.actor.name} ({c.articles})"
                                             for c in d.co_actors), markup=False)


def _events_table(found: list[EventView], title: str) -> Table:
    table = Table(title=title, header_style="bold", show_lines=True)
    table.add_column("date", no_wrap=True)
    for col in ("event", "actors", "targets", "place", "sources"):
        table.add_column(col, overflow="fold")
    for e in found:
        sources = "\n".join(
            f"{s.article.outlet or s.article.id} {_day(s.article.published)}: {s.status} "
            f"“{s.trigger.text}”" for s in e.sources)
        table.add_row(_dates(e.date_from, e.date_to), f"{e.type} {e.subtype or ''}".strip(),
                      _names(e.actors), _names(e.targets), e.place.name if e.place else "",
                      sources)
    return table


def events(
    actor: EventActorOption = None,
    type: EventTypeOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    place: PlaceOption = None,
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """List events merged across articles, by date, each with every article that reports it.

    Each source gives the article's id, url, outlet, publication date, its status (planned,
    occurred, claimed, denied) and its evidence: the trigger span and the sentence.
    """
    from newsgraph.store import views

    with _store(db) as engine:
        found = views.list_events(engine, actor=actor, type=type, date_from=date_from,
                                  date_to=date_to, place=place, limit=limit)
    if not _answered(found, as_json, "events"):
        out.print(_events_table(found, title=f"{len(found)} events"))


def quotes(
    speaker: Annotated[str | None, typer.Option(help=f"Who spoke: {NAME_HELP}.")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    text: Annotated[str | None, typer.Option(
        help="Words the quote contains (case ignored).")] = None,
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """List quotes by article publication date, with the actor who spoke them."""
    from newsgraph.store import views

    with _store(db) as engine:
        found = views.list_quotes(engine, speaker=speaker, date_from=date_from,
                                  date_to=date_to, text=text, limit=limit)
    if _answered(found, as_json, "quotes"):
        return
    table = Table(title=f"{len(found)} quotes", header_style="bold")
    table.add_column("published", no_wrap=True)
    for col in ("outlet", "speaker", "quote"):
        table.add_column(col, overflow="fold")
    for q in found:
        table.add_row(_day(q.article.published), q.article.outlet or q.article.id,
                      q.speaker.name if q.speaker else "", q.text)
    out.print(table)


def stances(
    actor: Annotated[str | None, typer.Option(
        "--actor", "--holder", help=f"Who holds the stance: {NAME_HELP}.")] = None,
    issue: Annotated[str | None, typer.Option(
        help="Words the issue contains (case ignored).")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """List who supports or opposes what, by article publication date, with the evidence."""
    from newsgraph.store import views

    with _store(db) as engine:
        found = views.list_stances(engine, holder=actor, issue=issue, date_from=date_from,
                                   date_to=date_to, limit=limit)
    if _answered(found, as_json, "stances"):
        return
    table = Table(title=f"{len(found)} stances", header_style="bold")
    table.add_column("published", no_wrap=True)
    for col in ("outlet", "holder", "polarity", "issue", "evidence"):
        table.add_column(col, overflow="fold")
    for s in found:
        table.add_row(_day(s.article.published), s.article.outlet or s.article.id,
                      s.holder.name if s.holder else "", s.polarity or "", s.issue or "",
                      s.evidence.text or "")
    out.print(table)


def timeline(
    actor: EventActorOption = None,
    type: EventTypeOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    place: PlaceOption = None,
    limit: LimitOption = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """The story: events by date (undated last), each with its number of sources and outlets."""
    from newsgraph.store import views

    with _store(db) as engine:
        found = views.timeline(engine, actor=actor, type=type, date_from=date_from,
                               date_to=date_to, place=place, limit=limit)
    if _answered(found, as_json, "events"):
        return
    table = Table(title=f"timeline: {len(found)} events", header_style="bold")
    table.add_column("date", no_wrap=True)
    for col in ("event", "who", "where"):
        table.add_column(col, overflow="fold")
    table.add_column("sources", justify="right", no_wrap=True)
    table.add_column("outlets", justify="right", no_wrap=True)
    table.add_column("status", overflow="fold")
    for e in found:
        table.add_row(_dates(e.date_from, e.date_to), f"{e.type} {e.subtype or ''}".strip(),
                      ", ".join(e.parties), e.place or "", str(e.sources), str(e.outlets),
                      ", ".join(e.statuses))
    out.print(table)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    graphml = "graphml"


def export(
    out_path: Annotated[Path, typer.Argument(
        metavar="OUT", help="A file for jsonl and graphml; a folder for parquet.")],
    format: Annotated[ExportFormat, typer.Option(
        "--format", case_sensitive=False, help="jsonl, parquet or graphml.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the knowledge base out for other tools.

    **jsonl**: one JSON object a line: every article version with its whole record, then the
    resolved actors and events (with their sources), then the rejects. **parquet**: one file
    per table in the folder OUT (articles, entities, quotes, quantities, times, stances,
    article_events, actors, actor_forms, events, event_parties, event_sources, ...) for
    pandas or DuckDB. **graphml**: actors as nodes; meetings, quotes about and stances (to
    issue nodes) as edges, for Gephi.
    """
    from newsgraph.export import export as write_export

    with _store(db) as engine:
        done = write_export(engine, format.value, out_path)
    counts = ", ".join(f"{n} {kind}" for kind, n in done.counts.items())
    out.print(f"wrote {out_path} ({done.format}): {counts}", markup=False, soft_wrap=True)

"""The knowledge-base commands, ``newsgraph ingest`` and ``newsgraph rejects``.

Kept out of cli.py so the store's commands grow in their own module; ``register(app)`` adds
them to the main Typer app. SQLAlchemy and Alembic are imported inside the commands, so
``--help`` and ``extract`` do not pay for them.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsgraph import nlp
from newsgraph.errors import InputRejected, NewsgraphError
from newsgraph.pipeline import BATCH_SIZE

if TYPE_CHECKING:
    from newsgraph.store.ingest import Item

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
    """Add ``ingest`` and ``rejects`` to the main app."""
    app.command("ingest")(ingest)
    app.command("rejects")(rejects)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _report(item: Item) -> None:
    if isinstance(item, InputRejected):
        err.print(f"newsgraph: rejected {item.source}: {item.reason}", markup=False,
                  soft_wrap=True)
        return
    for warning in item.warnings:
        err.print(f"newsgraph: warning {item.article.source}: {warning}", markup=False,
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
) -> None:
    """Extract articles and store them in the knowledge base; prints one summary line.

    An article already stored (same clean text) is skipped; a changed article (same url, or
    same file when there is no url) is stored as a new version. Each batch is one transaction:
    an interrupted ingest keeps every whole batch, and running the same command again finishes
    the job. A rejected input gets one line on stderr and is stored with its reason (`newsgraph
    rejects`). Exit code 0: every input stored or already there; 1: some input rejected; 2:
    usage, setup or database error.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from newsgraph.kb import KnowledgeBase
    from newsgraph.read import DEFAULT_MAX_BYTES, Metadata

    defaults = Metadata(title=title, url=url, published=_published(published))
    try:
        with KnowledgeBase(db) as kb:
            counts = kb.ingest(inputs, model=model, batch_size=batch_size, defaults=defaults,
                               max_bytes=max_bytes or DEFAULT_MAX_BYTES, stdin=sys.stdin.buffer,
                               on_item=_report)
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

"""``newsgraph serve``: the read-only web interface over a store (``newsgraph.web``).

Kept out of cli.py like the store's commands; FastAPI and Uvicorn are imported inside the
command, so the other commands do not pay for them.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from newsgraph.errors import NewsgraphError

err = Console(stderr=True, highlight=False)
EXIT_USAGE = 2
DEFAULT_DB = "sqlite:///newsgraph.db"  # newsgraph.store.db.DEFAULT_URL, without importing it
DB_HELP = ("SQLAlchemy URL of the store: a SQLite file (sqlite:///path.db, or just a path) or "
           "postgresql://user@host/dbname. Opened read-only.")


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the main app."""
    app.command("serve")(serve)


def serve(
    db: Annotated[str, typer.Option(help=DB_HELP)] = DEFAULT_DB,
    host: Annotated[str, typer.Option(
        help="Address to listen on; the default keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web interface: timeline, actors, events with their sources, articles with
    every record highlighted, search and pictures; each page also as JSON (add `.json`).

    The store is opened read-only and never migrated: it must exist (`newsgraph ingest`) and
    be at this version's schema (`newsgraph resolve` migrates an older one). Exit code 2 when
    the store cannot be opened.
    """
    import uvicorn

    from newsgraph.web import create_app

    try:
        web = create_app(db)
    except NewsgraphError as exc:
        err.print(f"newsgraph: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_USAGE) from None
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newsgraph: serving {db} read-only at http://{shown}:{port} (Ctrl-C stops)",
              markup=False, soft_wrap=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")

"""A read-only engine on an existing store: the web server must never write to it.

``store.db.open_store`` migrates on open, which is a write; the web interface instead opens
the database so that the database itself refuses writes — SQLite through a ``mode=ro`` URI
with ``PRAGMA query_only``, PostgreSQL with ``default_transaction_read_only`` on every
connection — and checks that the schema is the one this code reads, without touching it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.store.db import SQLITE_BUSY_SECONDS, StoreError, current_revision, head_revision
from newsgraph.store.db import normalize_url as _normalize_url


def open_readonly(url: str | Path) -> Engine:
    """An engine that can only read the store at ``url``; StoreError when there is none, or
    when its schema is older or newer than this code (``newsgraph resolve`` migrates)."""
    parsed = _normalize_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_readonly(parsed)
    elif backend == "postgresql":
        engine = create_engine(
            parsed, connect_args={"options": "-c default_transaction_read_only=on"})
    else:
        raise StoreError(f"unsupported database for the web interface: {backend}")
    try:
        _check_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _sqlite_readonly(parsed: URL) -> Engine:
    path = parsed.database or ""
    if path in ("", ":memory:") or not Path(path).is_file():
        raise StoreError(f"no store at {path or 'memory'}: run newsgraph ingest first")
    # A file: URI opened with mode=ro; SQLite itself then rejects every write.
    uri = URL.create("sqlite", database=Path(path).resolve().as_uri(),
                     query={"mode": "ro", "uri": "true"})
    engine = create_engine(uri)
    event.listen(engine, "connect", _sqlite_connect)
    return engine


def _sqlite_connect(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_SECONDS * 1000}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _check_schema(engine: Engine) -> None:
    safe = engine.url.render_as_string(hide_password=True)
    try:
        revision = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open {safe}: {str(exc).strip().splitlines()[0]}") from None
    if revision is None:
        raise StoreError(f"{safe} is not a newsgraph store: run newsgraph ingest first")
    if revision != head_revision():
        raise StoreError(f"{safe} is at schema revision {revision}, this newsgraph reads "
                         f"{head_revision()}: run newsgraph resolve to migrate it first")

"""Engines from a SQLAlchemy URL, and the schema brought up to date on open.

SQLite (the default, one file, nothing to start) runs in WAL mode, so readers never wait for
the writer, with foreign keys enforced and with SQLAlchemy emitting BEGIN itself, so DDL and
every batch are real transactions. ``postgresql://`` URLs use the psycopg 3 driver.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from newsgraph.errors import NewsgraphError

DEFAULT_URL = "sqlite:///newsgraph.db"
MIGRATIONS = Path(__file__).with_name("migrations")
# Seconds a SQLite connection waits for another writer's lock before failing.
SQLITE_BUSY_SECONDS = 30
# Execution option asking for BEGIN IMMEDIATE on SQLite: the writer takes the write lock at
# the start of its transaction, so two writers queue instead of deadlocking mid-transaction.
WRITE = {"sqlite_begin": "IMMEDIATE"}
# Any fixed number: the PostgreSQL advisory lock that serialises concurrent migrations.
_MIGRATION_LOCK = 7_071_707


class StoreError(NewsgraphError):
    """The store cannot be opened: a bad URL, an unreachable server, a newer schema."""


def normalize_url(url: str | Path | URL) -> URL:
    """A SQLAlchemy URL; a bare path means a SQLite file, ``postgresql://`` means psycopg 3."""
    if isinstance(url, URL):
        return url
    raw = str(url)
    if "://" not in raw:
        raw = f"sqlite:///{raw}"
    try:
        parsed = make_url(raw)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!s} ({exc})") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def create(url: str | Path | URL = DEFAULT_URL) -> Engine:
    """An engine for ``url``, with the SQLite settings applied to every connection."""
    parsed = normalize_url(url)
    try:
        engine = create_engine(parsed)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use {parsed.render_as_string()}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN (see _sqlite_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_SECONDS * 1000}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for the migrations shipped inside this package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration this code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database (alembic_version), None when never migrated."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply every migration the database lacks, in one transaction."""
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            _check_known(MigrationContext.configure(conn).get_current_revision())
            command.upgrade(alembic_config(conn), "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open {_safe(engine)}: {_first_line(exc)}") from None


def _check_known(revision: str | None) -> None:
    if revision is None:
        return
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except (RevisionError, CommandError):
        raise StoreError(
            f"the database is at schema revision {revision}, which this version of newsgraph "
            "does not know (written by a newer version?)"
        ) from None


def open_store(url: str | Path = DEFAULT_URL, *, create_missing: bool = True) -> Engine:
    """An engine on a database whose schema is at the head revision (migrated if needed).

    With ``create_missing=False`` a SQLite file that does not exist is an error rather than a
    new empty store (commands that only read should not leave files behind).
    """
    parsed = normalize_url(url)
    if not create_missing and parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path in ("", ":memory:") or not Path(path).exists():
            raise StoreError(f"no store at {path or 'memory'}: run newsgraph ingest first")
    engine = create(parsed)
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _safe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__

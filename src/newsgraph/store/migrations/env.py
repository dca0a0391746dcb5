"""Alembic environment: migrate the connection ``newsgraph.store.db.upgrade`` passes in.

Run by hand (``alembic -x url=sqlite:///newsgraph.db upgrade head`` with a config whose
script_location is this folder), it opens the URL given with ``-x url=...`` instead.
"""

from __future__ import annotations

from alembic import context

from newsgraph.store.schema import in_metadata, metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from newsgraph.store.db import create

        url = context.get_x_argument(as_dictionary=True).get("url")
        engine = create(url) if url else create()
        with engine.begin() as conn:
            _migrate(conn)
        engine.dispose()
        return
    _migrate(connection)


def _migrate(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
        include_name=in_metadata,  # the full-text index (0003) is not in metadata
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("newsgraph migrations run online only: they need a connection")
run()

"""Shared fixtures: the real English pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph import nlp as pipeline

    return pipeline.load()


# --- the store: every store test runs on SQLite and on a real PostgreSQL server -----------


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server (tests/pg_server.py) for the session, stopped after it.

    Skipped when the server binaries are missing, except under CI=true, where the store must
    be tested on PostgreSQL (scripts/ensure-postgres.sh, run by `make test`, installs them).
    """
    import os

    from tests import pg_server

    if pg_server.find_bin_dir() is None and os.environ.get("CI", "").lower() != "true":
        pytest.skip("PostgreSQL server binaries not installed (run scripts/ensure-postgres.sh)")
    server = pg_server.start()
    yield server
    pg_server.stop(server)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db_url(request, tmp_path):
    """Makes empty databases of one kind (the test runs once per kind); returns their URLs."""
    import itertools

    from tests import pg_server

    if request.param == "sqlite":
        numbers = itertools.count(1)
        return lambda: f"sqlite:///{tmp_path / f'store{next(numbers)}.db'}"
    server = request.getfixturevalue("postgres")
    return lambda: pg_server.create_database(server)


@pytest.fixture
def db_url(new_db_url):
    """The URL of one empty database, SQLite or PostgreSQL."""
    return new_db_url()

"""Has the store changed? Asked of the database in constant time, without writing, so that
what is computed from the whole store (the pictures) is computed once per state of it.

- SQLite: ``PRAGMA data_version`` on one connection kept for the purpose; it changes whenever
  another connection commits to the file.
- PostgreSQL: the current snapshot (``pg_current_snapshot()``, PostgreSQL 13 or later). Its
  ``xmax`` moves whenever a transaction takes a transaction id, which every writing
  transaction does, and its list of transactions in progress changes when one of them ends;
  an unchanged snapshot means that nothing was committed since (in the whole cluster: a write
  to another database only costs one recomputation).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy import Engine, text

T = TypeVar("T")


class StoreState:
    """``marker()`` returns a value that differs from the previous one whenever something was
    committed to the store in between (it may also differ when nothing was)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._sqlite = engine.raw_connection() if engine.dialect.name == "sqlite" else None

    def marker(self) -> Hashable:
        if self._sqlite is not None:
            with self._lock:  # one connection, any thread of the server
                cursor = self._sqlite.cursor()
                try:
                    return cursor.execute("PRAGMA data_version").fetchone()[0]
                finally:
                    cursor.close()
        with self.engine.connect() as conn:
            return conn.scalar(text("SELECT pg_current_snapshot()::text"))

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None


class Cached(Generic[T]):
    """A value computed from the whole store, computed again only after the store changed."""

    def __init__(self, state: StoreState, compute: Callable[[], T]) -> None:
        self.state = state
        self.compute = compute
        self._lock = threading.Lock()
        self._marker: Hashable = None
        self._value: T | None = None
        self.computed = 0  # how many times the value was computed (for the tests)

    def get(self) -> T:
        with self._lock:  # concurrent requests wait for one computation
            marker = self.state.marker()  # before computing: a later commit moves it again
            if self._value is None or marker != self._marker:
                self._value = self.compute()
                self._marker = marker
                self.computed += 1
            return self._value

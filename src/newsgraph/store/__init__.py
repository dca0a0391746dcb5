"""The knowledge base on disk: one schema (``schema.py``), Alembic migrations, one writer.

``open_store(url)`` gives an engine on an up-to-date database; ``ingest`` writes extraction
records to it; ``queries`` reads them back. SQLite by default, PostgreSQL for shared use.
"""

from __future__ import annotations

from newsgraph.store.db import DEFAULT_URL, StoreError, open_store

__all__ = ["DEFAULT_URL", "StoreError", "open_store"]

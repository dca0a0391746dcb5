"""Alembic migrations of the store, applied by ``newsgraph.store.db.upgrade`` on open."""

"""The browser interface over a store, read-only: ``create_app(url)`` (``newsgraph serve``)."""

from __future__ import annotations

from newsgraph.web.app import create_app

__all__ = ["create_app"]

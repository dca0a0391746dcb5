"""Named exceptions, so every failure can be caught by kind and grepped by name."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputRejected(NewsgraphError):
    """An input that cannot be turned into an article; the batch goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotFound(NewsgraphError):
    """The requested spaCy pipeline is not installed."""


class GoldError(NewsgraphError):
    """A gold annotation file is malformed or points at a missing article."""


class RayIngestError(NewsgraphError):
    """Ray returned fewer records than it was given, or out of order; what was written before
    stays, and the same ingest run again stores the rest."""


class UnknownRule(NewsgraphError):
    """A rule named to be switched off that the registry (extract/rules.py) does not have."""

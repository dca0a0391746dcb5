"""Pure functions from an annotated document to records, one module per record kind."""

from newsgraph.extract.entities import extract_entities

__all__ = ["extract_entities"]

"""Pure functions from an annotated document to records, one module per record kind."""

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.quotes import extract_quotes

__all__ = ["extract_entities", "extract_quotes"]

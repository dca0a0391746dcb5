"""Pure functions from an annotated document to records, one module per record kind."""

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.events import extract_events
from newsgraph.extract.quantities import extract_quantities
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.stances import extract_stances
from newsgraph.extract.times import extract_times

__all__ = [
    "extract_entities", "extract_events", "extract_quantities", "extract_quotes", "extract_stances",
    "extract_times",
]

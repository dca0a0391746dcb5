"""Quantities (issue 5: a dedicated scorer is being written; until then the generic key)."""

from __future__ import annotations

from newsgraph.evaluation.core import Rate, Score
from newsgraph.evaluation.records import score_records

KIND = "quantities"


def score_quantities(
    gold: dict, record: dict, where: str
) -> tuple[dict[str, Score], dict[str, Rate]]:
    """Score lines and rates of one article's quantities."""
    return {KIND: score_records(KIND, gold.get(KIND, []), record, where)}, {}

"""Times (issue 5: a dedicated scorer is being written; until then the generic key)."""

from __future__ import annotations

from newsgraph.evaluation.core import Rate, Score
from newsgraph.evaluation.records import score_records

KIND = "times"


def score_times(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    """Score lines and rates of one article's times."""
    return {KIND: score_records(KIND, gold.get(KIND, []), record, where)}, {}

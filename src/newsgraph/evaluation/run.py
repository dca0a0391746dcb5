"""Adds every scorer up over a gold set."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.errors import GoldError
from newsgraph.evaluation.core import GoldArticle, Rate, Report, Score, span_errors
from newsgraph.evaluation.entities import ENTITY_SCORED_TYPES, score_entities
from newsgraph.evaluation.quotes import quote_rates, score_quotes
from newsgraph.evaluation.records import KEYS, score_records


def evaluate(gold: Iterable[GoldArticle], records: dict[str, dict]) -> Report:
    """Score records (keyed by gold article name) against the gold set."""
    totals: dict[str, Score] = {}
    rates: dict[str, Rate] = {}
    errors: list[str] = []
    n = 0
    for g in gold:
        n += 1
        record = records.get(g.name)
        if record is None:
            raise GoldError(f"{g.name}: no extraction for a gold article (was it rejected?)")
        for kind, s in score_entities(g.data.get("entities", []), record["entities"],
                                      g.name).items():
            totals.setdefault(f"entities.{kind}", Score()).add(s)
        for line, s in score_quotes(g.data.get("quotes", []), record.get("quotes", []),
                                    g.name).items():
            totals.setdefault(line, Score()).add(s)
        for line, r in quote_rates(g.data, record, g.name).items():
            rates.setdefault(line, Rate()).add(r)
        for kind in KEYS:
            totals.setdefault(kind, Score()).add(
                score_records(kind, g.data.get(kind, []), record, g.name)
            )
        errors.extend(f"{g.name}: {e}" for e in span_errors(record))
    overall = Score()
    for t in ENTITY_SCORED_TYPES:
        overall.add(Score(totals[f"entities.{t}"].tp, totals[f"entities.{t}"].fp,
                          totals[f"entities.{t}"].fn))
    totals["entities"] = overall
    return Report(n, totals, errors, rates)

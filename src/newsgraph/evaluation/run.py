"""Adds every scorer up over a gold set."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from newsgraph.errors import GoldError
from newsgraph.evaluation.core import GoldArticle, Rate, Report, Score, span_errors
from newsgraph.evaluation.entities import ENTITY_SCORED_TYPES, score_entities
from newsgraph.evaluation.events import score_events
from newsgraph.evaluation.quantities import score_quantities
from newsgraph.evaluation.quotes import quote_rates, score_quotes
from newsgraph.evaluation.records import score_records
from newsgraph.evaluation.stances import score_stances
from newsgraph.evaluation.times import score_times

ArticleScorer = Callable[[dict, dict, str], tuple[dict[str, Score], dict[str, Rate]]]


def _entities(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    scores = score_entities(gold.get("entities", []), record["entities"], where)
    return {f"entities.{kind}": s for kind, s in scores.items()}, {}


def _quotes(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    return score_quotes(gold.get("quotes", []), record.get("quotes", []), where), quote_rates(
        gold, record, where
    )


def _generic(kind: str) -> ArticleScorer:
    def scorer(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
        return {kind: score_records(kind, gold.get(kind, []), record, where)}, {}

    return scorer


# One scorer per record kind, in the order the table prints them.
SCORERS: tuple[ArticleScorer, ...] = (
    _entities, _quotes, score_quantities, score_times, score_events, score_stances,
)


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
        for scorer in SCORERS:
            lines, article_rates = scorer(g.data, record, g.name)
            for line, s in lines.items():
                totals.setdefault(line, Score()).add(s)
            for line, r in article_rates.items():
                rates.setdefault(line, Rate()).add(r)
        errors.extend(f"{g.name}: {e}" for e in span_errors(record))
    overall = Score()
    for t in ENTITY_SCORED_TYPES:
        line = totals[f"entities.{t}"]
        overall.add(Score(line.tp, line.fp, line.fn))
    totals["entities"] = overall
    return Report(n, totals, errors, rates)


def combine(reports: Iterable[Report]) -> Report:
    """Several gold sets scored as one: counts add up line by line, so a line's F1 over the
    team's gold weighs each set by its size, not each set alike."""
    total = Report(0, {}, [], {})
    for report in reports:
        total.articles += report.articles
        total.span_errors.extend(report.span_errors)
        for line, s in report.scores.items():
            total.scores.setdefault(line, Score()).add(s)
        for line, r in report.rates.items():
            total.rates.setdefault(line, Rate()).add(r)
    return total

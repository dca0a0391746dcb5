"""Score extraction against the team's gold articles (docs/annotation.md says how gold is written).

Matching is by normalised surface strings and values, never by offsets, so a change in
cleaning does not invalidate the gold. Every record kind of the contract is scored from the
first day; kinds not extracted yet simply score zero recall. One module per record kind;
``run.evaluate`` adds them up.
"""

from newsgraph.evaluation.core import (
    GoldArticle,
    Rate,
    Report,
    Score,
    check_floors,
    extract_gold,
    load_gold,
    norm,
    span_errors,
)
from newsgraph.evaluation.core import pair_by_text as pair_quotes
from newsgraph.evaluation.core import text_key as quote_text
from newsgraph.evaluation.entities import (
    ENTITY_SCORED_TYPES,
    match_entities,
    norm_role,
    score_entities,
)
from newsgraph.evaluation.quotes import quote_rates, score_quotes
from newsgraph.evaluation.records import score_records
from newsgraph.evaluation.run import combine, evaluate

__all__ = [
    "ENTITY_SCORED_TYPES", "GoldArticle", "Rate", "Report", "Score", "check_floors", "combine",
    "evaluate", "extract_gold", "load_gold", "match_entities", "norm", "norm_role",
    "pair_quotes", "quote_rates", "quote_text", "score_entities", "score_quotes",
    "score_records", "span_errors",
]

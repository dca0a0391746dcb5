"""Times: detection on the expression's text, then value and kind rates over the pairs.

A predicted time matches a gold time when their texts agree after case, whitespace, curly
quotes and punctuation at both ends are normalised ("Thursday," = "thursday"). Gold and
predictions are paired one-to-one in text order, so the second "Thursday" of an article pairs
with the second one found. Exact text rather than overlap: the gold marks TIMEX3 extents and
a prediction that takes in "about" or drops "last" has not found the same expression.
"""

from __future__ import annotations

from newsgraph.evaluation.core import Rate, Score
from newsgraph.evaluation.quotes import quote_text

KIND = "times"
TIME_RATES = ("times.value", "times.kind", "times.unresolved_kept")


def pair_times(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict],
                                                           list[dict]]:
    """Pair gold and predicted times on normalised text, in order; also the misses and the
    spurious predictions."""
    free: dict[str, list[int]] = {}
    for i, p in enumerate(pred):
        free.setdefault(quote_text(p.get("text")), []).append(i)
    pairs, missed, used = [], [], set()
    for g in gold:
        slots = free.get(quote_text(g.get("text")))
        if slots:
            i = slots.pop(0)
            used.add(i)
            pairs.append((g, pred[i]))
        else:
            missed.append(g)
    return pairs, missed, [p for i, p in enumerate(pred) if i not in used]


def _count(rate: Rate, hit: bool, failure: str) -> None:
    rate.den += 1
    rate.num += hit
    if not hit:
        rate.failures.append(failure)


def score_times(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    """Detection (``times``) and the rates of one article.

    - ``times.value``: detected times whose gold value is not null ("resolvable") and whose
      predicted value equals it;
    - ``times.kind``: detected times whose kind (point, duration, reference) agrees;
    - ``times.unresolved_kept``: in an article whose gold ``published`` is null, detected
      relative times (gold value null) that were also left null.
    """
    g_times, p_times = gold.get(KIND, []), record.get(KIND, [])
    pairs, missed, spurious = pair_times(g_times, p_times)
    score = Score(tp=len(pairs), fp=len(spurious), fn=len(missed))
    score.failures.extend(
        f"{where}: missed time {g['text']!r} ({g.get('value')})" for g in missed)
    score.failures.extend(
        f"{where}: spurious time {p['text']!r} ({p.get('value')})" for p in spurious)
    rates = {name: Rate() for name in TIME_RATES}
    undated = gold.get("published") is None
    for g, p in pairs:
        gv, pv = g.get("value"), p.get("value")
        if gv is not None:
            _count(rates["times.value"], pv == gv,
                   f"{where}: wrong value for time {g['text']!r}: gold {gv}, predicted {pv}")
        _count(rates["times.kind"], g.get("kind") == p.get("kind"),
               f"{where}: wrong kind for time {g['text']!r}: gold {g.get('kind')}, "
               f"predicted {p.get('kind')}")
        if undated and gv is None:
            _count(rates["times.unresolved_kept"], pv is None,
                   f"{where}: relative time {g['text']!r} given a value without a "
                   f"publication date: {pv}")
    return {KIND: score}, rates

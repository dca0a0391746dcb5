"""Times: detection on the expression's text, then value and kind rates over the pairs.

A predicted time matches a gold time when their texts agree after case, whitespace, curly
quotes and punctuation at both ends are normalised ("Thursday," = "thursday"). Gold and
predictions are paired one-to-one in text order, so the second "Thursday" of an article pairs
with the second one found. Exact text rather than overlap: the gold marks TIMEX3 extents and
a prediction that takes in "about" or drops "last" has not found the same expression.
"""

from __future__ import annotations

from newsgraph.evaluation.core import Rate, Score, pair_by_text

KIND = "times"
TIME_RATES = ("times.value", "times.kind", "times.unresolved_kept")


def score_times(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    """Detection (``times``) and the rates of one article.

    - ``times.value``: detected times whose gold value is not null ("resolvable") and whose
      predicted value equals it;
    - ``times.kind``: detected times whose kind (point, duration, reference) agrees;
    - ``times.unresolved_kept``: in an article whose gold ``published`` is null, detected
      relative times (gold value null) that were also left null.
    """
    g_times, p_times = gold.get(KIND, []), record.get(KIND, [])
    pairs, missed, spurious = pair_by_text(g_times, p_times)
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
            rates["times.value"].count(pv == gv,
                   f"{where}: wrong value for time {g['text']!r}: gold {gv}, predicted {pv}")
        rates["times.kind"].count(g.get("kind") == p.get("kind"),
               f"{where}: wrong kind for time {g['text']!r}: gold {g.get('kind')}, "
               f"predicted {p.get('kind')}")
        if undated and gv is None:
            rates["times.unresolved_kept"].count(pv is None,
                   f"{where}: relative time {g['text']!r} given a value without a "
                   f"publication date: {pv}")
    return {KIND: score}, rates

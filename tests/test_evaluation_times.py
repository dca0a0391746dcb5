"""The times scorer on hand-made records."""

from __future__ import annotations

from newsgraph.evaluation.times import score_times


def _record(*times):
    return {"entities": [], "times": [dict(t, id=f"T{i}") for i, t in enumerate(times, 1)]}


def test_detection_matches_on_normalised_text_in_order():
    gold = {"published": "2026-03-11", "times": [
        {"text": "Thursday", "kind": "point", "value": "2026-03-12"},
        {"text": "Thursday", "kind": "point", "value": "2026-03-12"},
        {"text": "last week", "kind": "point", "value": "2026-W10"},
    ]}
    record = _record({"text": "thursday,", "kind": "point", "value": "2026-03-12"},
                     {"text": "Thursday", "kind": "point", "value": "2026-03-05"},
                     {"text": "a year", "kind": "duration", "value": "P1Y"})
    scores, rates = score_times(gold, record, "x")
    s = scores["times"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert "x: missed time 'last week' (2026-W10)" in s.failures
    assert "x: spurious time 'a year' (P1Y)" in s.failures
    assert (rates["times.value"].num, rates["times.value"].den) == (1, 2)
    assert rates["times.value"].failures == [
        "x: wrong value for time 'Thursday': gold 2026-03-12, predicted 2026-03-05"]
    assert (rates["times.kind"].num, rates["times.kind"].den) == (2, 2)
    assert rates["times.unresolved_kept"].den == 0


def test_unresolved_kept_counts_only_undated_articles():
    gold = {"published": None, "times": [
        {"text": "Monday", "kind": "point", "value": None},
        {"text": "yesterday", "kind": "point", "value": None},
        {"text": "2028", "kind": "point", "value": "2028"},
        {"text": "now", "kind": "reference", "value": "PRESENT_REF"},
    ]}
    record = _record({"text": "Monday", "kind": "point", "value": None},
                     {"text": "yesterday", "kind": "point", "value": "2026-03-10"},
                     {"text": "2028", "kind": "point", "value": "2028"},
                     {"text": "now", "kind": "duration", "value": "PRESENT_REF"})
    _, rates = score_times(gold, record, "x")
    kept = rates["times.unresolved_kept"]
    assert (kept.num, kept.den) == (1, 2)
    assert "yesterday" in kept.failures[0]
    assert (rates["times.value"].num, rates["times.value"].den) == (2, 2)
    assert (rates["times.kind"].num, rates["times.kind"].den) == (3, 4)


def test_empty_record_scores_zero_without_error():
    gold = {"published": "2026-03-11", "times": [{"text": "May", "value": "2026-05"}]}
    scores, rates = score_times(gold, {"entities": []}, "x")
    assert (scores["times"].tp, scores["times"].fn) == (0, 1)
    assert all(r.den == 0 for r in rates.values())

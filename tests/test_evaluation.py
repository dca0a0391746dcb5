"""The scorer itself, on hand-made records: no model needed."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import GoldError
from newsgraph.evaluation import (
    Report,
    Score,
    check_floors,
    load_gold,
    match_entities,
    norm,
    norm_role,
    score_entities,
    score_records,
    span_errors,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The Kremlin", "kremlin"),
        ("Nordland’s", "nordland"),
        ("  Elena   Marsh ", "elena marsh"),
        ("“peace dividend”", '"peace dividend"'),
    ],
)
def test_norm(raw, expected):
    assert norm(raw) == expected


def test_norm_role_drops_possessive_determiner_only():
    assert norm_role("her brother-in-law") == "brother-in-law"
    assert norm_role("Nordland's foreign minister") == "nordland's foreign minister"


def _ent(name, type_, aliases=(), roles=()):
    return {"id": name, "name": name, "type": type_, "aliases": list(aliases),
            "roles": list(roles)}


def test_entities_match_on_alias_and_type():
    gold = [_ent("Elena Marsh", "PERSON", ["Marsh"]), _ent("Oslo", "GPE")]
    pred = [_ent("Marsh", "PERSON"), _ent("Oslo", "ORG")]
    pairs = match_entities(gold, pred)
    assert pairs[0][1]["name"] == "Marsh"
    assert pairs[1][1] is None


def test_entity_scores_count_tp_fp_fn_and_roles():
    gold = [_ent("Elena Marsh", "PERSON", roles=["Nordland's foreign minister", "diplomat"])]
    pred = [
        _ent("Elena Marsh", "PERSON", roles=["Nordland's Foreign Minister", "chair"]),
        _ent("Advertisement", "ORG"),
    ]
    scores = score_entities(gold, pred, "x")
    assert (scores["PERSON"].tp, scores["PERSON"].fn) == (1, 0)
    assert scores["ORG"].fp == 1
    assert (scores["roles"].tp, scores["roles"].fn, scores["roles"].fp) == (1, 1, 1)


def test_each_gold_entity_matches_one_prediction_only():
    gold = [_ent("Lind", "PERSON"), _ent("Lind", "PERSON")]
    pred = [_ent("Lind", "PERSON")]
    scores = score_entities(gold, pred, "x")
    assert (scores["PERSON"].tp, scores["PERSON"].fn) == (1, 1)


def test_score_is_zero_safe():
    s = Score()
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    s = Score(tp=9, fp=1, fn=1)
    assert s.f1 == pytest.approx(0.9)


def test_records_match_as_multisets():
    record = {"entities": [], "quotes": [{"text": "We are ready"}, {"text": "extra"}]}
    gold = [{"text": "we are ready"}, {"text": "missing"}]
    s = score_records("quotes", gold, record, "x")
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)


def test_quantities_match_on_value_and_unit():
    record = {"entities": [], "quantities": [{"value": 1250, "unit": "km2"}]}
    assert score_records("quantities", [{"value": 1250.0, "unit": "km2"}], record, "x").tp == 1
    assert score_records("quantities", [{"value": 1250, "unit": "mi2"}], record, "x").tp == 0


def test_span_errors_catch_a_shifted_span():
    record = {
        "article": {"text": "Elena Marsh spoke."},
        "entities": [{"id": "E1", "mentions": [{"start": 0, "end": 11, "text": "Elena Marsh"},
                                               {"start": 1, "end": 12, "text": "Elena Marsh"}],
                      "role_mentions": []}],
    }
    errors = span_errors(record)
    assert len(errors) == 1 and "E1" in errors[0]


def test_floors_fail_below_and_pass_at():
    report = Report(1, {"entities.PERSON": Score(tp=9, fp=1, fn=1)}, [])
    assert check_floors(report, {"entities.PERSON": {"f1": 0.9}}) == []
    assert check_floors(report, {"entities.PERSON": {"f1": 0.95}})
    assert check_floors(report, {"entities.ORG": {"f1": 0.1}})


def test_load_gold_reports_missing_article(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold" / "x.json").write_text(json.dumps({"file": "nope.txt"}))
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path)


def test_load_gold_reads_published(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Headline\n\nBody.")
    (tmp_path / "gold" / "a.json").write_text(
        json.dumps({"file": "a.txt", "published": "2026-03-11"})
    )
    [g] = load_gold(tmp_path)
    assert g.published.isoformat() == "2026-03-11" and g.name == "a"

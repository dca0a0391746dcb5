"""The scorer itself, on hand-made records: no model needed."""

from __future__ import annotations

import json

import pytest

from newsgraph.errors import GoldError
from newsgraph.evaluation import (
    GoldArticle,
    Rate,
    Report,
    Score,
    check_floors,
    evaluate,
    load_gold,
    match_entities,
    norm,
    norm_role,
    pair_quotes,
    quote_rates,
    quote_text,
    score_entities,
    score_quotes,
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
    record = {"entities": [], "times": [{"text": "last Tuesday", "value": "2026-03-10"},
                                        {"text": "now", "value": "PRESENT_REF"}]}
    gold = [{"text": "Last Tuesday", "value": "2026-03-10"}, {"text": "then", "value": None}]
    s = score_records("times", gold, record, "x")
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


# --- quotes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ("We are ready,", "we are ready"),
        ("“We are ready.”", '"We are ready"'),
        ("It’s  over\nnow…", "it's over now"),
        ("[She] would accept a ceasefire", "[She] would accept a ceasefire"),
    ],
)
def test_quote_text_ignores_marks_whitespace_case_and_edge_punctuation(gold, pred):
    assert quote_text(gold) == quote_text(pred)


def test_quote_text_keeps_inner_punctuation():
    assert quote_text("That is something. It is not enough.") == (
        "that is something. it is not enough"
    )
    assert quote_text("ready, willing") != quote_text("ready willing")


def _q(text, speaker=None, kind="direct"):
    return {"text": text, "speaker": speaker, "kind": kind}


def test_quotes_pair_one_to_one():
    gold = [_q("Again,"), _q("again"), _q("missing")]
    pred = [_q("again"), _q("extra")]
    pairs, missed, spurious = pair_quotes(gold, pred)
    assert [(g["text"], p["text"]) for g, p in pairs] == [("Again,", "again")]
    assert [g["text"] for g in missed] == ["again", "missing"]
    assert [p["text"] for p in spurious] == ["extra"]


def test_quote_detection_and_kind_lines():
    gold = [_q("We are ready,"), _q("peace dividend", kind="scare"), _q("never found")]
    pred = [_q("we are ready"), _q("Peace dividend"), _q("invented")]
    scores = score_quotes(gold, pred, "x")
    q = scores["quotes"]
    assert (q.tp, q.fp, q.fn) == (2, 1, 1)
    assert any("missed quote 'never found'" in f for f in q.failures)
    assert any("spurious quote 'invented'" in f for f in q.failures)
    direct, scare = scores["quotes.direct"], scores["quotes.scare"]
    assert (direct.tp, direct.fp, direct.fn) == (1, 2, 1)
    assert (scare.tp, scare.fp, scare.fn) == (0, 0, 1)
    assert scare.failures == ["x: quote 'peace dividend' found as direct, gold says scare"]


def _pent(id_, name, type_="PERSON"):
    return {"id": id_, "name": name, "type": type_, "aliases": [], "roles": [], "mentions": []}


# Gold: Marsh speaks twice, Brenner once, nobody once, one scare quote.
GOLD = {
    "entities": [_ent("Elena Marsh", "PERSON"), _ent("Karl Brenner", "PERSON"),
                 _ent("Kremlin", "ORG")],
    "quotes": [
        _q("We are ready,", "Elena Marsh"),
        _q("It is late.", "Elena Marsh"),
        _q("Not today,", "Karl Brenner"),
        _q("Nobody knows,", None),
        _q("peace dividend", None, "scare"),
        _q("piracy", "Kremlin"),
    ],
}


def _record(quotes):
    return {"entities": [_pent("E1", "Elena Marsh"), _pent("E2", "Brenner"),
                         _pent("E3", "Kremlin", "ORG")],
            "quotes": quotes}


def test_quote_rates_count_each_case():
    record = _record([
        _q("we are ready", "E1"),           # right
        _q("It is late", "E2"),             # wrong speaker
        _q("Not today", None),              # missing speaker
        _q("Nobody knows", "E1"),           # invented speaker for gold-null
        _q("peace dividend", None, "scare"),  # null kept, scare without speaker
        _q("Yes", "E2"),                    # spurious quote with a speaker
        _q("a so-called truce", "E1", "scare"),  # spurious scare with a speaker
        _q("more words", None),             # spurious, no speaker: not wrong
    ])
    rates = quote_rates(GOLD, record, "x")
    num_den = {k: (r.num, r.den) for k, r in rates.items()}
    assert num_den["quotes.attribution"] == (1, 3)      # "piracy" was missed: not detected
    assert num_den["quotes.wrong_speaker"] == (4, 8)
    assert num_den["quotes.null_kept"] == (1, 2)
    assert num_den["quotes.scare_with_speaker"] == (1, 2)
    assert rates["quotes.attribution"].failures == [
        "x: wrong speaker for quote 'It is late.': gold Elena Marsh, predicted Brenner",
        "x: missing speaker for quote 'Not today,': gold Karl Brenner, predicted none",
    ]
    assert "invented speaker" in rates["quotes.null_kept"].failures[0]
    assert any("spurious quote 'Yes'" in f for f in rates["quotes.wrong_speaker"].failures)


def test_speaker_is_right_only_as_the_paired_entity():
    # Predicted "Brenner" shares no name with gold "Karl Brenner" (no aliases), so the
    # entities do not pair and E2 is not credited; the Kremlin pairs and is.
    record = _record([_q("Not today", "E2"), _q("piracy", "E3")])
    rates = quote_rates(GOLD, record, "x")
    assert (rates["quotes.attribution"].num, rates["quotes.attribution"].den) == (1, 2)
    assert rates["quotes.wrong_speaker"].num == 1


def test_gold_scare_given_a_speaker_counts_once():
    record = _record([_q("peace dividend", "E1", "scare")])
    rates = quote_rates(GOLD, record, "x")
    assert (rates["quotes.scare_with_speaker"].num, rates["quotes.scare_with_speaker"].den) == (
        1, 1)
    record = _record([_q("peace dividend", "E1", "direct")])
    rates = quote_rates(GOLD, record, "x")
    assert (rates["quotes.scare_with_speaker"].num, rates["quotes.scare_with_speaker"].den) == (
        1, 1)


def test_rate_value_is_zero_safe():
    assert Rate().value == 0.0
    assert Rate(3, 4).value == 0.75
    assert Rate(3, 4).as_dict() == {"num": 3, "den": 4, "value": 0.75}


def test_evaluate_sums_quote_lines_and_rates(tmp_path):
    gold = [GoldArticle("a", tmp_path / "a.txt", None, GOLD)]
    text = "“We are ready” and “x”"
    quotes = [{**_q("We are ready", "E1"), "id": "Q1", "start": 1, "end": 13},
              {**_q("x", "E1"), "id": "Q2", "start": 20, "end": 21}]
    record = {"article": {"text": text}, **_record(quotes)}
    report = evaluate(gold, {"a": record})
    assert (report.scores["quotes"].tp, report.scores["quotes"].fn) == (1, 5)
    assert report.rates["quotes.attribution"].as_dict() == {"num": 1, "den": 1, "value": 1.0}
    assert report.as_dict()["rates"]["quotes.wrong_speaker"] == {
        "num": 1, "den": 2, "value": 0.5}
    assert report.span_errors == []


def _rate_report(**rates):
    return Report(1, {}, [], {k.replace("_", ".", 1): v for k, v in rates.items()})


def test_rate_floors_min_and_max():
    report = _rate_report(quotes_attribution=Rate(9, 10), quotes_wrong_speaker=Rate(1, 20))
    assert check_floors(report, {"quotes.attribution": {"min": 0.9}}) == []
    assert check_floors(report, {"quotes.attribution": {"min": 0.93}})
    assert check_floors(report, {"quotes.wrong_speaker": {"max": 0.05}}) == []
    assert check_floors(report, {"quotes.wrong_speaker": {"max": 0.03}})
    assert check_floors(report, {"quotes.nonsense": {"max": 0.5}})


def test_rate_floor_on_no_cases_passes():
    report = _rate_report(quotes_null_kept=Rate(0, 0))
    assert check_floors(report, {"quotes.null_kept": {"min": 0.9}}) == []


def test_pending_floors_are_not_enforced():
    report = _rate_report(quotes_attribution=Rate(0, 10))
    floors = {"pending": {"quotes": {"recall": 0.95}, "quotes.attribution": {"min": 0.93}}}
    assert check_floors(report, floors) == []
    assert check_floors(report, floors["pending"])


def test_gold_sets_combine_by_adding_their_counts():
    from newsgraph.evaluation import Rate, Report, Score, combine

    a = Report(2, {"events": Score(tp=3, fp=1, fn=2)}, [], {"events.place": Rate(2, 3)})
    b = Report(5, {"events": Score(tp=1, fp=0, fn=4), "stances": Score(tp=2)}, ["x: shifted"],
               {"events.place": Rate(1, 1)})
    total = combine([a, b])
    assert total.articles == 7
    assert (total.scores["events"].tp, total.scores["events"].fp,
            total.scores["events"].fn) == (4, 1, 6)
    assert total.scores["stances"].tp == 2
    assert (total.rates["events.place"].num, total.rates["events.place"].den) == (3, 4)
    assert total.span_errors == ["x: shifted"]
    # the sets themselves are left as they were
    assert a.scores["events"].tp == 3 and a.rates["events.place"].den == 3

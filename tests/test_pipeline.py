"""Raw article → record, singly and streamed, with rejections kept in order."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.errors import InputRejected
from newsgraph.model import RawArticle
from newsgraph.pipeline import NO_DATE_WARNING, extract, extract_articles, prepare

BODY = (
    "Nordland's Foreign Minister Elena Marsh will meet her Estmark counterpart in Oslo on "
    "Thursday, the ministry said. Marsh told reporters that the talks would be difficult but "
    "that both governments wanted a deal before the spring floods."
)


def test_prepare_puts_the_headline_first_and_hashes_the_text():
    article = prepare(RawArticle(source="x", body=BODY, title="Ministers 🌊 to meet in Oslo"))
    assert article.title == "Ministers to meet in Oslo"
    assert article.text.startswith("Ministers to meet in Oslo\n\n")
    assert article.id == prepare(RawArticle(source="y", body=BODY, title=article.title)).id


def test_prepare_rejects_text_that_is_not_english():
    body = ("Die Außenministerin traf sich am Donnerstag mit ihrem Amtskollegen in Oslo, und "
            "die Gespräche über den Staudamm seien schwierig gewesen, sagte sie den Journalisten.")
    with pytest.raises(InputRejected, match="not English"):
        prepare(RawArticle(source="de.txt", body=body))


def test_prepare_rejects_furniture_only():
    with pytest.raises(InputRejected, match="no article text"):
        prepare(RawArticle(source="ad.txt", body="Advertisement\n\nShare this article"))


@pytest.mark.model
def test_stream_keeps_input_order_and_passes_rejections_through():
    raws = [
        RawArticle(source="a", body=BODY, published=date(2026, 3, 11)),
        InputRejected("b", "empty file"),
        RawArticle(source="c", body="Advertisement"),
        RawArticle(source="d", body=BODY),
    ]
    out = list(extract_articles(raws))
    assert [getattr(o, "source", None) or o.article.source for o in out] == ["a", "b", "c", "d"]
    assert isinstance(out[1], InputRejected) and isinstance(out[2], InputRejected)
    assert out[0].warnings == () and out[3].warnings == (NO_DATE_WARNING,)


@pytest.mark.model
def test_a_cleaned_article_is_parsed_as_it_is():
    raw = RawArticle(source="a", body=BODY, published=date(2026, 3, 11))
    article = prepare(raw)
    [from_raw] = extract_articles([raw])
    [from_article] = extract_articles([article])
    assert from_article.article is article
    assert from_article.to_dict() == from_raw.to_dict()


@pytest.mark.model
def test_python_api_returns_the_contract():
    record = extract(BODY, published="2026-03-11", title="Ministers to meet")
    assert record["article"]["published"] == "2026-03-11"
    assert any(e["name"] == "Elena Marsh" for e in record["entities"])
    assert record["quotes"] == []


@pytest.mark.model
def test_package_level_api_is_the_same():
    import newsgraph

    assert newsgraph.extract(BODY)["entities"] == extract(BODY)["entities"]


def test_prepare_rejects_text_beyond_the_parser_limit(monkeypatch):
    import newsgraph.pipeline as pipeline

    monkeypatch.setattr(pipeline, "MAX_TEXT_CHARS", 100)
    with pytest.raises(InputRejected, match="too long"):
        prepare(RawArticle(source="long.txt", body=BODY))


@pytest.mark.model
def test_nothing_kept_for_a_document_outlives_its_extraction():
    """The kept entity Spans point back at the Doc: left in place, each parsed Doc waits for
    the garbage collector instead of being freed when the stream lets it go."""
    from newsgraph.nlp import load
    from newsgraph.pipeline import extract_doc

    article = prepare(RawArticle(source="t.txt", body="Elena Marsh met Andriy Morozov in Oslo."))
    doc = load()(article.text)
    assert extract_doc(article, doc).entities
    assert not [k for k in doc.user_data if str(k).startswith("newsgraph_")]

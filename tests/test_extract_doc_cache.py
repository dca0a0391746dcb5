"""Per-document values read once (extract/doc_cache.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extract.doc_cache import (
    ents_of,
    known_text,
    lemma_positions,
    positions,
    starts_of,
    text_of,
    token_texts,
    word_positions,
    words_of,
)


def test_the_text_is_the_documents_and_is_built_once():
    doc = spacy.blank("en")("Lorvia's minister met envoys in Karsk.")
    first = text_of(doc)
    assert first == doc.text
    assert text_of(doc) is first  # not joined from the tokens again


def test_token_texts_are_every_tokens_text():
    doc = spacy.blank("en")("The Vastrian envoy left Vastria.")
    assert token_texts(doc) == {"The", "Vastrian", "envoy", "left", "Vastria", "."}
    assert token_texts(doc) is token_texts(doc)


def test_words_and_starts_are_the_tokens_in_order_read_once():
    doc = spacy.blank("en")("Envoys met in Karsk, then Darsk.")
    assert words_of(doc) == [t.text for t in doc]
    assert starts_of(doc) == [t.idx for t in doc]
    assert words_of(doc) is words_of(doc) and starts_of(doc) is starts_of(doc)


def test_lemma_positions_are_where_each_lemma_stands_in_order():
    words = ["Envoys", "Denied", "it", ";", "they", "deny", "all"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              lemmas=["envoy", "Deny", "it", ";", "they", "deny", "all"])
    at = lemma_positions(doc)
    assert at["deny"] == [1, 5] and at["envoy"] == [0]  # lower case, in text order
    assert lemma_positions(doc) is at


def test_ents_are_the_documents_read_once():
    from spacy.tokens import Span

    doc = spacy.blank("en")("Envoys met in Karsk on Monday.")
    doc.ents = [Span(doc, 3, 4, label="GPE")]
    ents = ents_of(doc)
    assert [(e.text, e.label_) for e in ents] == [("Karsk", "GPE")]
    assert ents_of(doc) is ents


def test_a_known_text_is_taken_as_the_documents():
    text = "Envoys met in Karsk."
    doc = spacy.blank("en")(text)
    known_text(doc, text)
    assert text_of(doc) is text  # not joined from the tokens


def test_positions_are_where_a_lemma_or_a_word_stands_in_text_order():
    words = ["In", "Karsk", "envoys", "Met", ";", "in", "Darsk", "they", "meet"]
    doc = Doc(spacy.blank("en").vocab, words=words,
              lemmas=["in", "Karsk", "envoy", "meet", ";", "in", "Darsk", "they", "meet"])
    assert word_positions(doc)["in"] == [0, 5]  # lower case
    assert positions(doc, lemmas=["meet"], words=["in"]) == [0, 3, 5, 8]
    assert positions(doc, words=["met"]) == [3] and positions(doc) == []

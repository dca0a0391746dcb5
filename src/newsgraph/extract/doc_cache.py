"""What every extractor reads of a parsed document, computed once per document.

spaCy rebuilds ``Doc.text`` from its tokens on each access and makes a Python object per
token on each iteration; the extractors, each reading the text and some scanning the tokens,
paid that a dozen times an article. The values are read through ``Doc.to_array``, which
makes no Token, and kept in ``doc.user_data``: a parsed Doc does not change.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import IDX, LEMMA, ORTH
from spacy.tokens import Doc, Span


def text_of(doc: Doc) -> str:
    """``doc.text``, read once: spaCy joins every token again on each access, which the
    extractors, each reading it, paid a dozen times an article (a fifth of their time)."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text


def known_text(doc: Doc, text: str) -> None:
    """Record the text ``doc`` was parsed from: spaCy's tokens keep every character, so it is
    ``doc.text`` without joining the tokens again."""
    doc.user_data["newsgraph_text"] = text


def words_of(doc: Doc) -> list[str]:
    """Every token's text, in order, read once (iterating a Doc makes a Python object per
    token, which the extractors' scans over the whole article paid again and again)."""
    return _tokens(doc)[0]


def starts_of(doc: Doc) -> list[int]:
    """Every token's start offset in the text, in order, read once."""
    return _tokens(doc)[1]


def token_texts(doc: Doc) -> frozenset[str]:
    """Every token's text in the document, as a set."""
    texts = doc.user_data.get("newsgraph_token_texts")
    if texts is None:
        texts = doc.user_data["newsgraph_token_texts"] = frozenset(words_of(doc))
    return texts


def _tokens(doc: Doc) -> tuple[list[str], list[int]]:
    found = doc.user_data.get("newsgraph_tokens")
    if found is None:
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, IDX]).tolist()
        found = doc.user_data["newsgraph_tokens"] = (
            [strings[orth] for orth, _ in rows], [idx for _, idx in rows])
    return found


def lemma_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each lemma (lower case) stands, in text order, read once: the rules that look
    for one verb or noun ("deny", an earlier "agreement") read these few places instead of
    every token before them."""
    found = doc.user_data.get("newsgraph_lemmas")
    if found is None:
        found = {}
        strings = doc.vocab.strings
        lowered: dict[int, str] = {}
        for i, lemma in enumerate(doc.to_array([LEMMA]).ravel().tolist()):
            key = lowered.get(lemma)
            if key is None:
                key = lowered[lemma] = strings[lemma].lower()
            found.setdefault(key, []).append(i)
        doc.user_data["newsgraph_lemmas"] = found
    return found


def word_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each word (lower case) stands, in text order, read once."""
    found = doc.user_data.get("newsgraph_words")
    if found is None:
        found = {}
        for i, word in enumerate(words_of(doc)):
            found.setdefault(word.lower(), []).append(i)
        doc.user_data["newsgraph_words"] = found
    return found


def positions(doc: Doc, lemmas: Iterable[str] = (), words: Iterable[str] = ()) -> list[int]:
    """Where a token with one of ``lemmas`` or one of ``words`` (both lower case) stands, in
    text order: a rule that fires only on a few words reads those tokens, not every one."""
    by_lemma, by_word = lemma_positions(doc), word_positions(doc)
    found = {i for lemma in lemmas for i in by_lemma.get(lemma, ())}
    found.update(i for word in words for i in by_word.get(word, ()))
    return sorted(found)


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once: spaCy builds every entity Span again on each access."""
    ents = doc.user_data.get("newsgraph_ents")
    if ents is None:
        ents = doc.user_data["newsgraph_ents"] = tuple(doc.ents)
    return ents


def release(doc: Doc) -> None:
    """Drop what was kept for ``doc``. The kept entity Spans point back at the Doc, a cycle
    only the garbage collector would break: a long feed then held dozens of parsed Docs
    (tensors and all) at a time, about 75 MB more at the peak."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("newsgraph_")]:
        del doc.user_data[key]

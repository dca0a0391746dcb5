"""What every extractor reads of a parsed document, computed once per document.

spaCy rebuilds ``Doc.text`` from its tokens on each access and makes a Python object per
token on each iteration; the extractors, each reading the text and some scanning the tokens,
paid that a dozen times an article. The values are kept in ``doc.user_data``: a parsed Doc
does not change.
"""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """``doc.text``, read once: spaCy joins every token again on each access, which the
    extractors, each reading it, paid a dozen times an article (a fifth of their time)."""
    text = doc.user_data.get("newsgraph_text")
    if text is None:
        text = doc.user_data["newsgraph_text"] = doc.text
    return text


def token_texts(doc: Doc) -> frozenset[str]:
    """Every token's text in the document, read once (iterating a Doc makes a Python object
    per token)."""
    texts = doc.user_data.get("newsgraph_token_texts")
    if texts is None:
        texts = doc.user_data["newsgraph_token_texts"] = frozenset(t.text for t in doc)
    return texts

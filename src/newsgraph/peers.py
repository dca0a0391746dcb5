"""A peer for the quote lines of ``newsgraph eval``: textacy's ``direct_quotations``.

It runs on the same spaCy Doc of the same clean text and reuses newsgraph's entities for
speakers, so the gap it shows is the quote finder's alone. textacy is a dev dependency.
"""

from __future__ import annotations

import copy
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph import nlp

PEER_LABEL = "peer: textacy direct_quotations"


def peer_unavailable() -> str | None:
    """Why the peer cannot run here, or None when it can."""
    try:
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except ImportError as exc:
        return f"textacy is not importable ({exc}); pip install -r requirements-dev.txt"
    return None


def _char_span(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _speaker_id(tokens: list[Token], entities: list[dict[str, Any]]) -> str | None:
    """The entity with a mention overlapping a speaker token; the most overlap wins."""
    best, best_overlap = None, 0
    for e in entities:
        overlap = sum(
            max(0, min(m["end"], t.idx + len(t)) - max(m["start"], t.idx))
            for m in e["mentions"] for t in tokens
        )
        if overlap > best_overlap:
            best, best_overlap = e["id"], overlap
    return best


def _quote(n: int, triple: Any, doc: Doc, entities: list[dict[str, Any]]) -> dict[str, Any]:
    """One textacy triple as a contract quote: the content without its marks."""
    content = triple.content
    start = content[0].idx + len(content[0])
    end = content[-1].idx
    text = doc.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    s_start, s_end = _char_span(triple.speaker)
    return {
        "id": f"Q{n}", "text": doc.text[start:end], "start": start, "end": end,
        "kind": "direct", "speaker": _speaker_id(triple.speaker, entities),
        "cue": " ".join(t.text for t in triple.cue),
        "speaker_mention": {"start": s_start, "end": s_end, "text": doc.text[s_start:s_end]},
        "sentence": None,
    }


def textacy_quotes(doc: Doc, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """textacy's quotes of one Doc; textacy raises on some texts (odd count of marks): none then."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # noqa: BLE001 - any failure of the peer is an empty answer for the text
        return []
    return [_quote(n, t, doc, entities) for n, t in enumerate(triples, 1)]


def peer_records(records: dict[str, dict], *, model: str) -> dict[str, dict]:
    """Copies of newsgraph's records with their quotes replaced by the peer's."""
    pipeline = nlp.load(model)
    out = {}
    for name, record in records.items():
        doc = pipeline(record["article"]["text"])
        peer = copy.deepcopy(record)
        peer["quotes"] = textacy_quotes(doc, record["entities"])
        out[name] = peer
    return out

"""Pairs of quotation marks in clean text: where quoted words start and end.

Real text mixes curly and straight marks, leaves marks unbalanced, and uses the same
characters for apostrophes ("Nordland’s", "’90s") and inch marks (5'11"). The scanner works
paragraph by paragraph, so a missing closing mark never swallows the rest of the article, and
it follows the news convention for quotes over several paragraphs: an opening mark at each
paragraph, a closing mark only at the end. It is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DOUBLE_OPENERS = frozenset("“„«")
DOUBLE_CLOSERS = frozenset("”»")
SINGLE_OPENERS = frozenset("‘‹")
SINGLE_CLOSERS = frozenset("’›")
STRAIGHT = {'"': "double", "'": "single"}
# Characters after which a straight mark opens rather than closes a quote.
OPENING_CONTEXT = frozenset(" \t\n([{—–-/:;,")
# A quoted stretch longer than this is a runaway from a missing mark, not a quote.
MAX_QUOTE_CHARS = 5000
PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Quoted:
    """Words between a pair of marks; ``start``/``end`` index the words, marks excluded."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None for a paragraph of a quote that goes on in the next one
    continues: bool = False  # this piece carries on a quote begun in an earlier paragraph


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _is_apostrophe(text: str, i: int) -> bool:
    """ "Nordland’s", "don't", "’90s", "farmers’ union" (a plural possessive)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return bool(re.match(r"\d0s\b", text[i + 1 : i + 5])) and not before.isalnum()


def _is_inch_mark(text: str, i: int) -> bool:
    """ 5'11" — a mark right after a digit is a unit of length."""
    return i > 0 and text[i - 1].isdigit()


def _kind_and_role(text: str, i: int, open_kind: str | None) -> tuple[str, str] | None:
    """("double"|"single", "open"|"close") for a mark at i, or None when it is not a quote."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPENERS:
        return "double", "open"
    if ch in DOUBLE_CLOSERS:
        return "double", "close"
    if ch in SINGLE_OPENERS:
        if _is_apostrophe(text, i) and ch == "‘" and before.isalnum():
            return None
        return "single", "open"
    if ch in SINGLE_CLOSERS:
        if _is_apostrophe(text, i):
            return None
        return "single", "close"
    kind = STRAIGHT.get(ch)
    if kind is None:
        return None
    if _is_inch_mark(text, i) or (kind == "single" and _is_apostrophe(text, i)):
        return None
    if open_kind == kind and not before.isspace():
        return kind, "close"
    if before in OPENING_CONTEXT or i == 0:
        return (kind, "open") if not after.isspace() else None
    return (kind, "close") if open_kind == kind else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_paragraph(text: str, start: int, end: int, kind: str) -> bool:
    """Does this paragraph begin with an opening mark of the kind (a quote going on)?"""
    s, _ = _trimmed(text, start, end)
    if s >= end:
        return False
    found = _kind_and_role(text, s, None)
    return found == (kind, "open")


@lru_cache(maxsize=8)
def find_quoted(text: str) -> tuple[Quoted, ...]:
    """Every quoted stretch of the text, in order. Kept for the last few texts: the quotes,
    the figures and the party context of one article each ask, and the scan is character by
    character."""
    out: list[Quoted] = []
    paragraphs = _paragraphs(text)
    carried = False
    for n, (p_start, p_end) in enumerate(paragraphs):
        open_at: int | None = None
        open_kind: str | None = None
        continues = carried
        carried = False
        for i in range(p_start, p_end):
            if text[i] not in "“”„«»‘’‹›\"'":
                continue
            # Inside a double quote, single marks are quotes within the quote: left alone.
            if open_kind == "double" and text[i] in "‘’‹›'":
                continue
            found = _kind_and_role(text, i, open_kind)
            if found is None:
                continue
            kind, role = found
            if role == "open":
                if open_kind is not None and open_kind != kind:
                    continue  # a double mark inside a single quote, or the reverse
                open_at, open_kind = i, kind  # an earlier unclosed mark was a stray
                continue
            if open_kind != kind or open_at is None:
                continue  # a closing mark with nothing open: a stray
            start, end = _trimmed(text, open_at + 1, i)
            if start < end and end - start <= MAX_QUOTE_CHARS:
                out.append(Quoted(start, end, open_at, i, continues))
            open_at, open_kind, continues = None, None, False
        if open_at is not None and open_kind is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and _opens_paragraph(text, nxt[0], nxt[1], open_kind):
                start, end = _trimmed(text, open_at + 1, p_end)
                if start < end and end - start <= MAX_QUOTE_CHARS:
                    out.append(Quoted(start, end, open_at, None, continues))
                    carried = True
    return tuple(out)

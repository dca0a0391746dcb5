"""Raw article text → clean text, with a map from every clean character back to the raw text.

Cleaning is a chain of small steps. Each step does not rewrite its input directly: it returns
the edits it would make, ``(start, end, replacement)`` on its input, so the chain can compose
an exact offset map. Spans found in the clean text can then be traced to the raw source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ftfy

Edit = tuple[int, int, str]
Step = Callable[[str], list[Edit]]


@dataclass(frozen=True)
class Cleaned:
    """Clean text; ``offsets[i]`` is the index in the raw input of clean character ``i``.

    A character produced by a replacement (``²`` from ``^2``, a re-decoded word) maps to
    the start of what it replaced, or to the matching position within it.
    """

    text: str
    offsets: tuple[int, ...]
    raw_length: int | None = None

    def to_raw(self, i: int) -> int:
        """Raw index of clean index ``i``; ``len(text)`` maps to the raw length."""
        if i == len(self.text):
            if self.raw_length is not None:
                return self.raw_length
            return self.offsets[-1] + 1 if self.offsets else 0
        if not 0 <= i < len(self.text):
            raise IndexError(f"clean index {i} outside 0..{len(self.text)}")
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of the clean span ``text[start:end]``, end exclusive."""
        if end <= start:
            return self.to_raw(start), self.to_raw(start)
        return self.to_raw(start), self.to_raw(end - 1) + 1


# --- edits and their composition ------------------------------------------------------------


def _apply(text: str, edits: Sequence[Edit]) -> tuple[str, list[int]]:
    """Apply sorted, non-overlapping edits; returns the new text and its map into ``text``.

    Replacement character k of an edit (s, e, r) maps to s + k, clamped to the edited range,
    so a one-for-one substitution keeps exact positions.
    """
    parts: list[str] = []
    mapping: list[int] = []
    position = 0
    for start, end, replacement in edits:
        parts.append(text[position:start])
        mapping.extend(range(position, start))
        parts.append(replacement)
        last = max(end - 1, start)
        mapping.extend(min(start + k, last) for k in range(len(replacement)))
        position = end
    parts.append(text[position:])
    mapping.extend(range(position, len(text)))
    return "".join(parts), mapping


def _run(raw: str, steps: Sequence[Step]) -> tuple[str, list[int]]:
    """Run the steps in order; returns the text and the composed map into ``raw``."""
    text = raw
    offsets = list(range(len(raw)))
    for step in steps:
        edits = sorted(step(text))
        if not edits:
            continue
        text, mapping = _apply(text, edits)
        extended = [*offsets, len(raw)]  # an insertion at the very end maps past the raw text
        offsets = [extended[i] for i in mapping]
    return text, offsets


def _regex_edits(
    pattern: re.Pattern[str], text: str, replace: Callable[[re.Match[str]], Edit]
) -> list[Edit]:
    return [replace(match) for match in pattern.finditer(text)]


# --- step: line breaks ----------------------------------------------------------------------

_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029\x85]")


def _normalize_newlines(text: str) -> list[Edit]:
    """CRLF, CR and Unicode line separators → "\\n"."""

    def edit(match: re.Match[str]) -> Edit:
        if match.group() == "\r\n":
            return (match.start(), match.start() + 1, "")
        return (match.start(), match.end(), "\n")

    return _regex_edits(_LINE_BREAK, text, edit)


# --- step: mojibake -------------------------------------------------------------------------

# ftfy can only change lines with non-ASCII characters, controls or HTML entities.
_FTFY_CANDIDATE = re.compile(r"[^\x20-\x7e\t]|&#?\w+;")


def _fix_mojibake(text: str) -> list[Edit]:
    """ftfy, line by line, curly quotes kept as published.

    ftfy gives no offset map, so a changed line is one edit, narrowed to the part between
    the first and the last changed character.
    """
    edits = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if not _FTFY_CANDIDATE.search(line):
            continue
        fixed = ftfy.fix_text(line, uncurl_quotes=False)
        if fixed != line:
            edits.append(_narrow(match.start(), line, fixed))
    return edits


def _narrow(offset: int, old: str, new: str) -> Edit:
    """The edit turning ``old`` into ``new``, without their common prefix and suffix."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return (offset + prefix, offset + len(old) - suffix, new[prefix : len(new) - suffix])


# --- step: page furniture -------------------------------------------------------------------

# Lines that are page furniture when they are the whole line (case-insensitive, an optional
# final ":" "." or "!" allowed). Matching whole short lines only: prose that merely mentions
# an advertisement or a comment is never touched.
FURNITURE_LINES = (
    r"ad code",
    r"advertisements?",
    r"advertising",
    r"sponsored( content)?",
    r"(story|article) continues below( this)?( advertisement| ad)?",
    r"continue reading( below| the main story)?",
    r"post a comment",
    r"leave a (comment|reply)",
    r"(view |show |see )?(\d+|no) comments?",
    r"comments?( \(\d+\))?",
    r"share( this( article| story| page| post)?)?",
    r"share (on|via|to) (facebook|twitter|x|whatsapp|linkedin|e-?mail|reddit|telegram|bluesky)",
    r"(tweet|e-?mail|print|copy link|save)( this( article| story)?)?",
    r"listen to this (article|story)",
    r"accept( all)? cookies",
    r"(manage )?cookie (settings|preferences)",
    r"skip to (main )?content",
    r"(sign up|sign in|log in|register)",
)
# Lines that are page furniture when they start so, are short, and start with a capital
# letter (a wrapped line of prose that happens to start with "subscribe" is left alone).
FURNITURE_STARTS = (
    r"read more\b",
    r"(related|see also)( articles| stories| coverage| content| links| topics)?\s*:",
    r"sign up (for|to)\b",
    r"subscribe\b",
    r"we use cookies\b",
    r"this (web)?site uses cookies\b",
    r"click here\b",
    r"follow us\b",
    r"(download|get) (our|the) (free )?app\b",
)
# A heading alone on its line that introduces a list of links, removed with the short
# link-like lines that follow it up to the next blank line.
RELATED_HEADINGS = (
    r"(related|see also)( articles| stories| coverage| content| links| topics| reading)?",
    r"more (on|about) this (story|topic)",
    r"you (may|might) also (like|be interested in)",
    r"recommended( reading| for you| stories)?",
    r"most (read|popular|viewed)",
    r"read more",
)
# Longer lines are prose, never furniture.
FURNITURE_MAX_CHARS = 150
# A line in a related-links list: short and not a sentence ending with a full stop.
LINK_LINE_MAX_CHARS = 120

_CLOSED = re.compile(rf"(?:{'|'.join(FURNITURE_LINES)})\s*[:.!]?", re.IGNORECASE)
_OPEN = re.compile(rf"(?:{'|'.join(FURNITURE_STARTS)}).*", re.IGNORECASE)
_RELATED_HEADING = re.compile(rf"(?:{'|'.join(RELATED_HEADINGS)})\s*:?", re.IGNORECASE)
_RELATED_INLINE = re.compile(
    r"(related|see also|read more)( articles| stories| coverage| content| links)?\s*:.*",
    re.IGNORECASE,
)


def _is_furniture(line: str) -> bool:
    if len(line) > FURNITURE_MAX_CHARS:
        return False
    if _CLOSED.fullmatch(line):
        return True
    return bool(_OPEN.fullmatch(line)) and line[:1].isupper()


def _starts_link_list(line: str) -> bool:
    if len(line) > FURNITURE_MAX_CHARS:
        return False
    return bool(_RELATED_HEADING.fullmatch(line) or _RELATED_INLINE.fullmatch(line))


def _is_link_line(line: str) -> bool:
    return (
        bool(line) and len(line) <= LINK_LINE_MAX_CHARS and not line.rstrip("”’\"'").endswith(".")
    )


def _remove_furniture(text: str) -> list[Edit]:
    """Delete furniture lines whole, with their line break."""
    lines = [(m.start(), m.end(), m.group(1).strip()) for m in re.finditer(r"([^\n]*)\n?", text)]
    edits = []
    index = 0
    while index < len(lines):
        start, end, line = lines[index]
        index += 1
        if _starts_link_list(line):
            edits.append((start, end, ""))
            while index < len(lines) and _is_link_line(lines[index][2]):
                edits.append((lines[index][0], lines[index][1], ""))
                index += 1
        elif _is_furniture(line):
            edits.append((start, end, ""))
    return [edit for edit in edits if edit[0] < edit[1]]


# --- step: TeX remnants ---------------------------------------------------------------------

TEX_SYMBOLS = {
    "approx": "≈",
    "times": "×",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "pm": "±",
    "cdot": "·",
    "sim": "~",
}
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_TEX_TOKEN = re.compile(
    r"(?P<wrap>\\(?:text|textrm|textnormal|mathrm|mathit|mathbf|textbf|textit|mbox"
    r"|operatorname)\s*\{(?P<content>[^{}\n]*)\})"
    r"|(?P<escape>\\[%$&#_])"
    r"|(?P<space>\\[,;:! ])"
    r"|(?P<degree>\^\{?\\circ\}?)"
    rf"|\\(?P<symbol>{'|'.join(sorted(TEX_SYMBOLS, key=len, reverse=True))})(?![A-Za-z])"
    r"|\^(?:\{(?P<digits>-?\d{1,3})\}|(?P<digit>\d))"
)
_DOLLAR = re.compile(r"(?<!\\)\$")
# A $...$ fragment is TeX when it holds a command, a power or a subscript, or is a lone
# number ("$12.5$"); "$4.2 billion and $3" is money and stays untouched.
_TEX_FRAGMENT = re.compile(r"\\[A-Za-z%$,;:!]|\^|_\{")
_LONE_NUMBER = re.compile(r"\s*[-+]?\d[\d,.]*\s*")
MAX_MATH_FRAGMENT = 200


def _fix_tex(text: str) -> list[Edit]:
    """TeX remnants of scraped pages: "$12.5\\%$" → "12.5%", "km}^2" → "km²"."""
    if "\\" not in text and "^" not in text and "$" not in text:
        return []
    edits: list[Edit] = []
    position = 0
    for start, end in _math_fragments(text):
        edits += _tex_token_edits(text, position, start, math=False)
        edits += [(start, start + 1, ""), (end - 1, end, "")]
        edits += _tex_token_edits(text, start + 1, end - 1, math=True)
        position = end
    edits += _tex_token_edits(text, position, len(text), math=False)
    return edits


def _math_fragments(text: str) -> list[tuple[int, int]]:
    """(start, end) of "$...$" fragments that really are TeX, delimiters included."""
    dollars = [m.start() for m in _DOLLAR.finditer(text)]
    fragments = []
    index = 0
    while index + 1 < len(dollars):
        start, end = dollars[index], dollars[index + 1] + 1
        inner = text[start + 1 : end - 1]
        is_tex = _TEX_FRAGMENT.search(inner) or _LONE_NUMBER.fullmatch(inner)
        if inner.strip() and is_tex and "\n" not in inner and len(inner) <= MAX_MATH_FRAGMENT:
            fragments.append((start, end))
            index += 2
        else:
            index += 1
    return fragments


def _tex_token_edits(text: str, start: int, end: int, *, math: bool) -> list[Edit]:
    edits: list[Edit] = []
    for match in _TEX_TOKEN.finditer(text, start, end):
        edits += _tex_token_edit(text, match, math=math)
    return edits


def _tex_token_edit(text: str, match: re.Match[str], *, math: bool) -> list[Edit]:
    start, end = match.span()
    if match["wrap"]:  # keep the content, drop "\text{" and "}"
        return [(start, match.start("content"), ""), (match.end("content"), end, "")]
    if match["escape"]:
        return [(start, start + 1, "")]
    if match["space"]:
        # "12\,\%" and "1\,250" close up; "5\,km" keeps a space.
        closes_up = re.match(r"\\?%|\d", text[end : end + 2])
        return [(start, end, "" if closes_up else " ")]
    if match["degree"]:
        return [(start, end, "°")]
    if match["symbol"]:
        return [(start, end, TEX_SYMBOLS[match["symbol"]])]
    power = match["digits"] or match["digit"]
    after_unit = start > 0 and text[start - 1].isalpha()
    if math or (after_unit and power in ("2", "3")):
        return [(start, end, power.translate(_SUPERSCRIPTS))]
    return []


# --- steps: whitespace ----------------------------------------------------------------------

# Odd spaces become a plain space; invisible characters (zero-width, soft hyphen, BOM,
# direction marks) are deleted.
_ODD_SPACE = re.compile("[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_SPACE_RUN = re.compile(r"(?m)(?P<lead>^ +)|(?P<trail> +$)|(?P<run> {2,})")
_BLANK_LINES = re.compile(r"\n{3,}")
_DOCUMENT_EDGE = re.compile(r"\A\s+|\s+\Z")


def _normalize_spaces(text: str) -> list[Edit]:
    edits = [(m.start(), m.end(), " ") for m in _ODD_SPACE.finditer(text)]
    edits += [(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    return edits


def _collapse_spaces(text: str) -> list[Edit]:
    """Strip spaces at line edges; a run of spaces inside a line keeps its first space."""

    def edit(match: re.Match[str]) -> Edit:
        keep = 1 if match.lastgroup == "run" else 0
        return (match.start() + keep, match.end(), "")

    return _regex_edits(_SPACE_RUN, text, edit)


def _collapse_blank_lines(text: str) -> list[Edit]:
    """Paragraphs stay one blank line apart; line breaks inside a paragraph are kept."""
    return _regex_edits(_BLANK_LINES, text, lambda m: (m.start() + 2, m.end(), ""))


def _strip_document(text: str) -> list[Edit]:
    return _regex_edits(_DOCUMENT_EDGE, text, lambda m: (m.start(), m.end(), ""))


# --- title-only steps -----------------------------------------------------------------------

# Emoji and pictographs (dingbat quotation marks U+275B-U+2760 excluded: they are quotes).
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2300-\u23ff\u2600-\u275a\u2761-\u27bf\u2b00-\u2bff"
    "\ufe0e\ufe0f\u20e3\u200d\U000e0020-\U000e007f]"
)


def _remove_emoji(text: str) -> list[Edit]:
    return [(m.start(), m.end(), "") for m in _EMOJI.finditer(text)]


def _newlines_to_spaces(text: str) -> list[Edit]:
    return [(m.start(), m.end(), " ") for m in re.finditer("\n", text)]


BODY_STEPS: tuple[Step, ...] = (
    _normalize_newlines,
    _fix_mojibake,
    _remove_furniture,
    _fix_tex,
    _normalize_spaces,
    _collapse_spaces,
    _collapse_blank_lines,
    _strip_document,
)
TITLE_STEPS: tuple[Step, ...] = (
    _normalize_newlines,
    _fix_mojibake,
    _fix_tex,
    _remove_emoji,
    _normalize_spaces,
    _newlines_to_spaces,
    _collapse_spaces,
    _strip_document,
)

PARAGRAPH_BREAK = "\n\n"


# --- public API -----------------------------------------------------------------------------


def clean_title(title: str) -> str:
    """A headline on one line: mojibake fixed, emoji and odd whitespace removed."""
    return _run(title, TITLE_STEPS)[0]


def clean_body(body: str) -> Cleaned:
    """The cleaned body alone, its offsets indexing ``body``."""
    text, offsets = _run(body, BODY_STEPS)
    return Cleaned(text, tuple(offsets), len(body))


def clean_document(title: str | None, body: str) -> Cleaned:
    """Clean headline + blank line + clean body; offsets index ``title + "\\n\\n" + body``.

    The headline is part of the text on purpose: quotes and names in headlines get spans.
    A title that cleans to nothing (only emoji) is left out of the text.
    """
    if not title:
        return clean_body(body)
    title_text, title_offsets = _run(title, TITLE_STEPS)
    body_text, body_offsets = _run(body, BODY_STEPS)
    shift = len(title) + len(PARAGRAPH_BREAK)
    raw_length = shift + len(body)
    shifted_body = [offset + shift for offset in body_offsets]
    if not title_text:
        return Cleaned(body_text, tuple(shifted_body), raw_length)
    if not body_text:
        return Cleaned(title_text, tuple(title_offsets), raw_length)
    separator = [len(title), len(title) + 1]
    offsets = (*title_offsets, *separator, *shifted_body)
    return Cleaned(title_text + PARAGRAPH_BREAK + body_text, offsets, raw_length)

"""Sources → RawArticle: text dumps, HTML pages, JSON Lines, folders of these, stdin.

Every problem with an input becomes an ``InputRejected`` with a one-line reason, so a batch
can report it and go on. Bodies are returned raw: cleaning is ``newsgraph.clean``'s job.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, TextIO

import dateparser
import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsgraph.errors import InputRejected
from newsgraph.model import RawArticle

# A news article is well under 1 MB even as a heavy HTML page; 5 MB leaves ample room while
# keeping a mistaken multi-gigabyte file (a dump, a video) from being loaded into memory.
# For .jsonl the limit applies to each line, so a large corpus file is streamed, not refused.
DEFAULT_MAX_BYTES = 5_000_000

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
# Files picked up inside a directory; anything else there is skipped silently.
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_NAME = "-"
STDIN_SOURCE = "<stdin>"

# Share of control characters (other than tab, newline, carriage return, form feed) above
# which bytes are binary: prose has none, random binary data has about 11 %.
BINARY_CONTROL_SHARE = 0.05
# A cp1252 reading is accepted only when it looks like Western prose: non-ASCII characters
# are a minority (French or German prose has 2-5 %, text in another 8-bit code page or
# random bytes has 40 % or more) and almost all of them are letters or usual punctuation.
CP1252_MAX_NON_ASCII_SHARE = 0.2
CP1252_MAX_ODD_SHARE = 0.01
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f") + b"\x7f"
_TYPOGRAPHIC = frozenset("“”‘’„‚«»‹›–—…•·€£¥¢§¶°©®™±×÷¼½¾¹²³µ¡¿\u00a0")

# Headline rule for text dumps: the first non-empty line is the headline when
#  - it has at most HEADLINE_MAX_CHARS characters (a longer line is a paragraph),
#  - it does not end with ":" "," or ";" (a lead-in, not a headline),
#  - it ends with a full stop only if it has at most HEADLINE_MAX_WORDS_WITH_STOP words
#    ("Talks end." is a headline, a one-sentence lede is not), and
#  - the next line is blank, a byline or a dateline (otherwise it is the first line of a
#    paragraph wrapped over several lines).
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS_WITH_STOP = 8
# Byline and dateline lines are looked for in this many non-empty lines after the headline.
HEADER_MAX_LINES = 3
# A "By ..." line is a byline, not prose ("By Tuesday, the river had risen ..."), when it is
# at most BYLINE_MAX_CHARS long, does not end like a sentence, its first word is capitalised
# and at least BYLINE_MIN_CAPITALISED of its words (connectors aside) are capitalised:
# "By Sofie Brandt and the live desk" and "By Jane Roe, political correspondent" pass.
BYLINE_MAX_CHARS = 150
BYLINE_MIN_CAPITALISED = 1 / 3
# Words a byline's names part may hold in lower case ("By Ana de la Cruz and Li Wei").
_BYLINE_CONNECTORS = frozenset(
    (
        "and & the a our in at for from with of de del der den van von la le du da di dos bin al y"
    ).split()
)
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?]$")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_ISO_TIME = r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?"
_TEXT_DATE = rf"(?:{_DAY}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+{_DAY},?\s+\d{{4}})"
_TIME = (
    r"(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
    r"(?:\s*\(?(?:[a-z]{2,5}(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})\)?)?"
)
_PREFIX = r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s*)"
# A dateline is a line that is only a date: an optional "Published"-style prefix, an optional
# weekday, one full day-month-year date, an optional time before or after it. Numeric dates
# other than ISO (03/11/2026) are ambiguous between day and month first and are not read.
_DATELINE = re.compile(
    rf"^{_PREFIX}?(?:{_TIME}\s*[,|-]?\s*)?(?:{_WEEKDAY},?\s*)?"
    rf"(?:(?P<iso>{_ISO_DATE}){_ISO_TIME}|(?P<text>{_TEXT_DATE}))"
    rf"(?:\s*[,|-]?\s*(?:at\s+)?{_TIME})?\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(?P<names>[^|]+?)\s*(?:\|(?P<rest>.*))?$", re.IGNORECASE)
# dateparser settings that never fall back on today's date: all three parts must be present.
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": False,
}

# Title separators between a headline and the site name in <title> ("Headline | Site").
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " : ")
# trafilatura's output elements that run inside a paragraph; every other element is a block.
# Article text has at least one word; markup debris ("<<< >>") has none.
_WORD = re.compile(r"[^\W\d_]{2,}")
_INLINE_TAGS = frozenset({"hi", "ref", "lb", "span", "del", "a", "b", "i", "em", "strong"})

# Both libraries log every page they cannot parse at WARNING/ERROR; here such a page is an
# InputRejected with a reason, so their messages would only repeat it as noise.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Metadata:
    """Defaults from CLI flags: the file's own metadata wins, these fill what is missing."""

    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None


# --- public API -------------------------------------------------------------------------


def read_file(
    path: Path, *, defaults: Metadata = Metadata(), max_bytes: int = DEFAULT_MAX_BYTES
) -> list[RawArticle]:
    """Read one file; raises InputRejected for a whole-file problem.

    For .jsonl the good lines are returned and bad lines dropped; use ``iter_inputs`` to
    see them as rejections.
    """
    path = Path(path)
    items = _iter_file(path, str(path), defaults, max_bytes, explicit=True)
    return [item for item in items if isinstance(item, RawArticle)]


def iter_inputs(
    paths: Iterable[str],
    *,
    defaults: Metadata = Metadata(),
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[RawArticle | InputRejected]:
    """Articles and rejections (as instances, not raised) for files, folders and "-".

    The order is deterministic: paths as given, folders walked in sorted order.
    """
    for name in paths:
        if name == STDIN_NAME:
            yield _guarded(STDIN_SOURCE, lambda: _read_stdin(stdin, defaults, max_bytes))
            continue
        path = Path(name)
        if path.is_dir():
            yield from _iter_directory(path, defaults, max_bytes)
        else:
            yield from _iter_guarded(path, defaults, max_bytes, explicit=True)


def parse_date(value: str) -> date | None:
    """A date from YYYY-MM-DD or an ISO 8601 datetime ("2026-03-11T09:14:00Z"); else None."""
    value = value.strip()
    if len(value) > 10 and value[10] in "Tt ":
        value = value.replace("Z", "+00:00").replace("z", "+00:00")
        try:
            return datetime.fromisoformat(value).date()
        except ValueError:
            return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# --- walking inputs -------------------------------------------------------------------------


def _iter_directory(
    root: Path, defaults: Metadata, max_bytes: int
) -> Iterator[RawArticle | InputRejected]:
    files = _directory_files(root)
    if not files:
        suffixes = " ".join(sorted(INPUT_SUFFIXES))
        yield InputRejected(str(root), f"no input files ({suffixes}) in directory")
    for path in files:
        yield from _iter_guarded(path, defaults, max_bytes, explicit=False)


def _directory_files(root: Path) -> list[Path]:
    """Input files under root, hidden files and folders skipped, sorted by path parts."""
    found = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES:
                found.append(Path(folder) / name)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _iter_guarded(
    path: Path, defaults: Metadata, max_bytes: int, *, explicit: bool
) -> Iterator[RawArticle | InputRejected]:
    """Items of one file; a whole-file rejection is yielded, never raised."""
    try:
        yield from _iter_file(path, str(path), defaults, max_bytes, explicit=explicit)
    except InputRejected as rejected:
        yield rejected


def _guarded(source: str, read: Callable[[], RawArticle]) -> RawArticle | InputRejected:
    """The article, or the rejection as a value."""
    try:
        return _checked(source, read)
    except InputRejected as rejected:
        return rejected


def _checked(source: str, read: Callable[[], RawArticle]) -> RawArticle:
    """Run a parser; an unexpected error in it becomes InputRejected, never a crash."""
    try:
        return read()
    except InputRejected:
        raise
    except Exception as exc:
        raise InputRejected(source, f"cannot parse: {type(exc).__name__}: {exc}") from None


def _iter_file(
    path: Path, source: str, defaults: Metadata, max_bytes: int, *, explicit: bool
) -> Iterator[RawArticle | InputRejected]:
    """Articles of one file; whole-file problems are raised, bad .jsonl lines yielded."""
    if not path.exists():
        raise InputRejected(source, "no such file or directory")
    if path.is_dir():
        raise InputRejected(source, "is a directory, not a file")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, source, defaults, max_bytes)
        return
    text = _decode(source, _read_bytes(path, source, max_bytes))
    if suffix in HTML_SUFFIXES:
        parse = parse_html
    elif suffix in TEXT_SUFFIXES or not explicit:
        parse = parse_text
    else:  # a file named explicitly, whatever its extension: sniffed like stdin
        parse = _parse_sniffed
    yield _checked(source, lambda: parse(text, source, defaults))


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked before anything is read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputRejected(source, _too_large(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputRejected(source, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # a file that grew, or a device without a size
        raise InputRejected(source, f"file too large: more than {max_bytes} bytes")
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return f"file too large: {size} bytes > limit {max_bytes}"


def _read_stdin(stdin: TextIO | BinaryIO | None, defaults: Metadata, max_bytes: int) -> RawArticle:
    """Standard input: HTML when it starts with "<", else a text dump."""
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 16), data[:0]))
        raise InputRejected(STDIN_SOURCE, _too_large(size, max_bytes))
    if isinstance(data, str):
        text = _universal_newlines(data)
        _check_text(STDIN_SOURCE, text)
    else:
        text = _decode(STDIN_SOURCE, data)
    return _parse_sniffed(text, STDIN_SOURCE, defaults)


def _parse_sniffed(text: str, source: str, defaults: Metadata) -> RawArticle:
    if text.lstrip().startswith("<"):
        return parse_html(text, source, defaults)
    return parse_text(text, source, defaults)


# --- decoding -------------------------------------------------------------------------------


def _decode(source: str, data: bytes) -> str:
    """Bytes → text with universal newlines, or InputRejected saying why not."""
    if not data:
        raise InputRejected(source, "empty file")
    text = _universal_newlines(_decode_bytes(source, data))
    _check_text(source, text)
    return text


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bytes(source: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(source, data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(source, data, "utf-16")
    if b"\x00" in data or _control_share(data) > BINARY_CONTROL_SHARE:
        raise InputRejected(source, "binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_western(text):
        return text
    raise InputRejected(source, "cannot decode: not UTF-8 text")


def _strict(source: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputRejected(source, f"cannot decode: not {encoding} text") from None


def _control_share(data: bytes) -> float:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data)


def _looks_western(text: str) -> bool:
    """Whether a cp1252 reading looks like prose rather than another encoding's bytes."""
    non_ascii = [ch for ch in text if ord(ch) > 127]
    odd = [ch for ch in non_ascii if not ch.isalpha() and ch not in _TYPOGRAPHIC]
    return len(non_ascii) <= CP1252_MAX_NON_ASCII_SHARE * len(text) and len(
        odd
    ) <= CP1252_MAX_ODD_SHARE * len(text)


def _check_text(source: str, text: str) -> None:
    if not text.strip():
        raise InputRejected(source, "empty file")
    if "\x00" in text:
        raise InputRejected(source, "binary file, not text")


# --- text dumps -----------------------------------------------------------------------------


@dataclass
class _Header:
    title: str | None = None
    published: date | None = None
    outlet: str | None = None


def parse_text(text: str, source: str, defaults: Metadata = Metadata()) -> RawArticle:
    """A text dump: optional headline, byline and dateline lines, then the body."""
    lines = text.split("\n")
    header = _Header()
    start = _first_nonblank(lines, 0)
    body_start = start
    if start < len(lines) and _is_headline(lines, start):
        header.title = lines[start].strip()
        body_start = start + 1
    body_start = _consume_meta_lines(lines, body_start, header)
    body = "\n".join(lines[body_start:]).strip("\n")
    if not body.strip():
        raise InputRejected(source, "no article text after the headline")
    return RawArticle(
        source=source,
        body=body,
        title=header.title or defaults.title,
        url=defaults.url,
        published=header.published or defaults.published,
        outlet=header.outlet or defaults.outlet,
    )


def _first_nonblank(lines: list[str], start: int) -> int:
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _is_headline(lines: list[str], index: int) -> bool:
    line = lines[index].strip()
    if len(line) > HEADLINE_MAX_CHARS or line.endswith((":", ",", ";")):
        return False
    if _parse_dateline(line) is not None or _parse_byline(line) is not None:
        return False
    if (
        line.endswith(".")
        and not line.endswith("...")
        and (len(line.split()) > HEADLINE_MAX_WORDS_WITH_STOP)
    ):
        return False
    following = lines[index + 1].strip() if index + 1 < len(lines) else ""
    return (
        not following
        or _parse_dateline(following) is not None
        or _parse_byline(following) is not None
    )


def _consume_meta_lines(lines: list[str], start: int, header: _Header) -> int:
    """Read byline and dateline lines after the headline; returns where the body starts."""
    end = start
    index = start
    for _ in range(HEADER_MAX_LINES):
        index = _first_nonblank(lines, index)
        if index >= len(lines):
            break
        line = lines[index].strip()
        byline = _parse_byline(line)
        published = _parse_dateline(line)
        if byline is not None:
            _merge_byline(header, byline)
        elif published is not None:
            header.published = header.published or published
        else:
            break
        index += 1
        end = index
    return end


def _parse_byline(line: str) -> list[str] | None:
    """The parts after "|" of a "By Jane Roe | Outlet" line, or None when it is prose."""
    match = _BYLINE.match(line)
    if not match or len(line) > BYLINE_MAX_CHARS:
        return None
    names = match["names"]
    words = [w for w in re.split(r"[\s,]+", names) if w]
    named = [w for w in words if w.lower() not in _BYLINE_CONNECTORS]
    capitalised = sum(1 for w in named if w[0].isupper())
    # "By the Dellport Courier live desk": the first name word, not "the", is capitalised
    if not named or not named[0][0].isupper() or _SENTENCE_END.search(names):
        return None
    if capitalised < BYLINE_MIN_CAPITALISED * len(named):
        return None
    rest = match["rest"] or ""
    return [part.strip() for part in rest.split("|") if part.strip()]


def _merge_byline(header: _Header, parts: list[str]) -> None:
    for part in parts:
        published = _parse_dateline(part)
        if published is not None:
            header.published = header.published or published
        elif header.outlet is None:
            header.outlet = part


def _parse_dateline(line: str) -> date | None:
    """The date of a line that is only a date ("Published 11 March 2026 09:14 GMT")."""
    if len(line) > 80:
        return None
    match = _DATELINE.match(line.strip())
    if not match:
        return None
    if match["iso"]:
        return parse_date(match["iso"])
    return _text_date(match["text"])


@lru_cache(maxsize=4096)
def _text_date(text: str) -> date | None:
    """dateparser's reading of a written date, kept: it costs about a millisecond, a header
    line is read two or three times, and a feed repeats its dates. The settings require a
    day, a month and a year, so the reading never depends on today's date."""
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


# --- HTML -----------------------------------------------------------------------------------


def parse_html(html: str, source: str, defaults: Metadata = Metadata()) -> RawArticle:
    """A whole page: body via trafilatura, metadata from meta tags, date via htmldate."""
    tree = _load_tree(html)
    if tree is None:
        raise InputRejected(source, "broken HTML: no article text found")
    meta = _html_meta(tree)
    body = _html_body(tree, meta.title)
    if not _WORD.search(body):
        raise InputRejected(source, "broken HTML: no article text found")
    return RawArticle(
        source=source,
        body=body,
        title=meta.title or defaults.title,
        url=meta.url or defaults.url,
        published=_html_date(tree) or defaults.published,
        outlet=meta.outlet or defaults.outlet,
    )


def _load_tree(html: str) -> HtmlElement | None:
    # trafilatura refuses input without "html" near the start; wrap bare fragments.
    if "html" not in html[:50].lower():
        html = f"<html><body>{html}</body></html>"
    try:
        return load_html(html)
    except Exception:
        return None


def _html_meta(tree: HtmlElement) -> Metadata:
    site = _first(tree, '//meta[@property="og:site_name"]/@content')
    title = (
        _first(tree, '//meta[@property="og:title"]/@content')
        or _first(tree, '//meta[@name="twitter:title"]/@content')
        or _first(tree, "//title//text()")
        or _first(tree, "//h1//text()")
    )
    url = _first(tree, '//link[@rel="canonical"]/@href') or _first(
        tree, '//meta[@property="og:url"]/@content'
    )
    return Metadata(title=_strip_site(title, site), url=url, outlet=site)


def _first(tree: HtmlElement, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        text = " ".join(str(value).split())
        if text:
            return text
    return None


def _strip_site(title: str | None, site: str | None) -> str | None:
    """Drop a " | Site Name" suffix, only when it is the page's own og:site_name."""
    if not title or not site:
        return title
    for separator in _TITLE_SEPARATORS:
        suffix = separator + site
        if title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


def _html_body(tree: HtmlElement, title: str | None) -> str:
    """Paragraphs separated by blank lines; a first paragraph repeating the title dropped."""
    try:
        document = trafilatura.bare_extraction(
            tree, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception:
        return ""
    if document is None or document.body is None:
        return ""
    paragraphs = _paragraphs(document.body)
    if paragraphs and title and _same_text(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _paragraphs(root) -> list[str]:
    out: list[str] = []
    buffer: list[str] = []
    _flatten(root, out, buffer)
    _flush(out, buffer)
    return out


def _flatten(element, out: list[str], buffer: list[str]) -> None:
    block = element.tag not in _INLINE_TAGS
    if block:
        _flush(out, buffer)
    if element.tag == "lb":
        buffer.append("\n")
    if element.text:
        buffer.append(element.text)
    for child in element:
        _flatten(child, out, buffer)
        if child.tail:
            buffer.append(child.tail)
    if block:
        _flush(out, buffer)


def _flush(out: list[str], buffer: list[str]) -> None:
    text = "\n".join(line.strip() for line in "".join(buffer).strip().split("\n"))
    if text:
        out.append(text)
    buffer.clear()


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).casefold().split())

    return norm(a) == norm(b)


def _html_date(tree: HtmlElement) -> date | None:
    """The page's original publication date; None when it states none (never today)."""
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True)
    except Exception:
        return None
    return parse_date(found) if found else None


# --- JSON Lines -----------------------------------------------------------------------------


def _read_jsonl(
    path: Path, source: str, defaults: Metadata, max_bytes: int
) -> Iterator[RawArticle | InputRejected]:
    """One article per line, streamed; a bad line is yielded as a rejection."""
    seen_any = False
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(_bounded_lines(handle, max_bytes), start=1):
                if line is None:
                    yield InputRejected(f"{source}:{number}", f"line too long: > {max_bytes}")
                    continue
                if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                if not line.strip():
                    continue
                seen_any = True
                where = f"{source}:{number}"
                yield _guarded(
                    where, lambda line=line, where=where: _jsonl_article(line, where, defaults)
                )
    except OSError as exc:
        raise InputRejected(source, f"cannot read: {exc.strerror or exc}") from None
    if not seen_any:
        raise InputRejected(source, "empty file")


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most max_bytes; None for a longer line, which is skipped unread."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 16)
            yield None
            continue
        yield line


def _jsonl_article(line: bytes, source: str, defaults: Metadata) -> RawArticle:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputRejected(source, "cannot decode: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputRejected(source, f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict):
        raise InputRejected(source, "invalid JSON: not an object")
    text = record.get("text") or record.get("body")
    if not isinstance(text, str) or not text.strip():
        raise InputRejected(source, "no text field")
    return RawArticle(
        source=source,
        body=_universal_newlines(text),
        title=_string(record.get("title")) or defaults.title,
        url=_string(record.get("url")) or defaults.url,
        published=_record_date(record.get("published")) or defaults.published,
        outlet=_string(record.get("outlet")) or defaults.outlet,
    )


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _record_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    return parse_date(value) or _parse_dateline(value)

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph import read
from newsgraph.errors import InputRejected
from newsgraph.model import RawArticle
from newsgraph.read import Metadata, iter_inputs, parse_date, read_file

BODY = (
    "Negotiators from the two river provinces left the hall on Tuesday without agreeing "
    "on how much water the Velmora reservoir should release this spring.\n\n"
    "Farmers downstream say their fields have been dry for six weeks."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(tmp_path: Path, name: str, content: str | bytes, **kwargs) -> RawArticle:
    [article] = read_file(write(tmp_path, name, content), **kwargs)
    return article


def rejection(tmp_path: Path, name: str, content: str | bytes, **kwargs) -> str:
    with pytest.raises(InputRejected) as caught:
        read_file(write(tmp_path, name, content), **kwargs)
    return caught.value.reason


# --- text dumps: header -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "title", "published", "outlet"),
    [
        (
            "Dam talks stall in Velmora\nBy Jane Roe | The Northern Ledger\n"
            "Published 11 March 2026 09:14 GMT\n",
            "Dam talks stall in Velmora",
            date(2026, 3, 11),
            "The Northern Ledger",
        ),
        ("Dam talks stall\nUpdated: March 11, 2026\n", "Dam talks stall", date(2026, 3, 11), None),
        ("Dam talks stall\nPosted on 2026-03-11\n", "Dam talks stall", date(2026, 3, 11), None),
        ("Dam talks stall\n11 March 2026\n", "Dam talks stall", date(2026, 3, 11), None),
        (
            "Dam talks stall\nWednesday, March 11, 2026\n",
            "Dam talks stall",
            date(2026, 3, 11),
            None,
        ),
        (
            "Dam talks stall\n\nBy Jane Roe\n\n2 April 2025\n",
            "Dam talks stall",
            date(2025, 4, 2),
            None,
        ),
        (
            "Dam talks stall\nBy Jane Roe | The Ledger | 1st June 2025\n",
            "Dam talks stall",
            date(2025, 6, 1),
            "The Ledger",
        ),
        ("Dam talks stall\n", "Dam talks stall", None, None),
        ("Live: dam talks\nBy Sofie Brandt and the live desk\n", "Live: dam talks", None, None),
        ("Dam talks\nBy Jane Roe, political correspondent\n", "Dam talks", None, None),
        (
            "Is the dam safe? Engineers disagree\n",
            "Is the dam safe? Engineers disagree",
            None,
            None,
        ),
        ("Talks end.\n", "Talks end.", None, None),
        ("Published 11 March 2026\n", None, date(2026, 3, 11), None),
    ],
)
def test_text_header(tmp_path, header, title, published, outlet):
    article = read_one(tmp_path, "a.txt", header + "\n" + BODY + "\n")
    assert (article.title, article.published, article.outlet) == (title, published, outlet)
    assert article.body == BODY


@pytest.mark.parametrize(
    "content",
    [
        # starts straight with a long paragraph
        BODY,
        # a one-sentence lede ending with a full stop is not a headline
        "The provincial water board said on Friday that rationing would begin soon.\n\n" + BODY,
        # first line of a paragraph wrapped over several lines
        "Negotiators from the two river provinces left the hall\non Tuesday without a deal.\n\n"
        + BODY,
        # a lead-in ending with a colon
        "The board listed three options:\n\n" + BODY,
    ],
)
def test_text_without_headline_keeps_everything(tmp_path, content):
    article = read_one(tmp_path, "a.txt", content)
    assert article.title is None
    assert article.body == content


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the river had risen two metres above its usual level at the weir.",
        "By the time the talks ended, most delegates had already left for the airport.",
        "By Tuesday evening officials had moved three hundred families to higher ground",
        "Published results show that 11 March 2026 was the wettest day of the year.",
        "March 2026",
        "03/11/2026",
    ],
)
def test_prose_after_headline_is_not_byline_or_dateline(tmp_path, line):
    article = read_one(tmp_path, "a.txt", f"Dam talks stall\n\n{line}\n\n{BODY}")
    assert article.title == "Dam talks stall"
    assert article.published is None
    assert article.body.startswith(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published 11 March 2026 09:14 GMT", date(2026, 3, 11)),
        ("Updated: March 11, 2026", date(2026, 3, 11)),
        ("Last updated 3 Sept 2025, 10:02 a.m. EDT", date(2025, 9, 3)),
        ("Posted on 2026-03-11", date(2026, 3, 11)),
        ("2026-03-11T09:14:00+01:00", date(2026, 3, 11)),
        ("Wednesday, March 11, 2026", date(2026, 3, 11)),
        ("11 March 2026", date(2026, 3, 11)),
        ("31 February 2026", None),
        ("Published in March", None),
        ("The storm of 11 March 2026", None),
    ],
)
def test_dateline(line, expected):
    assert read._parse_dateline(line) == expected


def test_headline_only_is_rejected(tmp_path):
    assert "no article text" in rejection(tmp_path, "a.txt", "Dam talks stall\n\n\n")


# --- metadata defaults --------------------------------------------------------------------


def test_file_metadata_wins_and_defaults_fill_the_gaps(tmp_path):
    defaults = Metadata(
        title="Flag title", url="https://example.org/a", published=date(2020, 1, 1), outlet="Flag"
    )
    header = "Dam talks stall\nBy Jane Roe | The Northern Ledger\n11 March 2026\n\n"
    article = read_one(tmp_path, "a.txt", header + BODY, defaults=defaults)
    assert article.title == "Dam talks stall"
    assert article.published == date(2026, 3, 11)
    assert article.outlet == "The Northern Ledger"
    assert article.url == "https://example.org/a"

    bare = read_one(tmp_path, "b.txt", BODY, defaults=defaults)
    assert (bare.title, bare.published, bare.outlet) == ("Flag title", date(2020, 1, 1), "Flag")


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
        (bytes(range(1, 32)) * 10 + b"some text", "binary file, not text"),
        # Shift-JIS Japanese: neither UTF-8 nor Western prose in cp1252
        ("日本語のテキストです。".encode("shift_jis") * 5, "cannot decode: not UTF-8 text"),
        (bytes(range(128, 256)) * 4, "cannot decode: not UTF-8 text"),
    ],
)
def test_bad_files_are_rejected(tmp_path, content, reason):
    assert rejection(tmp_path, "a.txt", content) == reason


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Café owners protest\n\nEvery café on the square shut.".encode("cp1252"), "café"),
        ("Brief\n\nThe caf\u00e9 na\u00efve d\u00e9j\u00e0 vu.".encode("latin-1"), "déjà"),
        ("Brief\n\nQuoted “fine” — said Zoë.".encode("cp1252"), "“fine” — said Zoë"),
        ("\ufeffBrief\n\nUTF-8 with a BOM: café.".encode(), "café"),
        ("Brief\n\nUTF-16 with a BOM: café.".encode("utf-16"), "café"),
        ("Brief\r\n\r\nWindows line ends: café.\r\n".encode(), "café"),
    ],
)
def test_decodable_files_are_read(tmp_path, content, expected):
    article = read_one(tmp_path, "a.txt", content)
    assert article.title == "Brief" or "Café" in article.title
    assert expected in article.body
    assert "\r" not in article.body


def test_too_large_is_rejected_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "x" * 200)

    def no_open(*args, **kwargs):
        raise AssertionError("file was opened")

    monkeypatch.setattr(Path, "open", no_open)
    with pytest.raises(InputRejected) as caught:
        read_file(path, max_bytes=100)
    assert caught.value.reason == "file too large: 200 bytes > limit 100"


def test_default_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(read.DEFAULT_MAX_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(InputRejected, match="file too large"):
        read_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputRejected) as caught:
        read_file(tmp_path / "nope.txt")
    assert caught.value.reason == "no such file or directory"


# --- HTML -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>{title}</title>
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Dam talks stall in Velmora</h1>
<p>Negotiators from the two river provinces left the hall on Tuesday without agreeing on
how much water the Velmora reservoir should release this spring.</p>
<p>Farmers downstream say their fields have been dry for six weeks, and the provincial water
board has warned that rationing may begin before the end of the month.</p>
<p>“We came here to find a compromise, and we will come back,” said Ilse Varga, who led
the delegation from the lower valley.</p>
</article>
<footer>Copyright 2026 The Northern Ledger. All rights reserved.</footer>
</body></html>
"""
FULL_META = """
<meta property="og:title" content="Dam talks stall in Velmora">
<meta property="og:site_name" content="The Northern Ledger">
<meta property="og:url" content="https://ledger.example/velmora-dam">
<link rel="canonical" href="https://ledger.example/news/velmora-dam">
<meta property="article:published_time" content="2026-03-11T09:14:00Z">
"""


def page(title: str = "Dam talks stall in Velmora | The Northern Ledger", meta: str = "") -> str:
    return PAGE.format(title=title, meta=meta)


def test_html_article(tmp_path):
    article = read_one(tmp_path, "a.html", page(meta=FULL_META))
    assert article.title == "Dam talks stall in Velmora"
    assert article.published == date(2026, 3, 11)
    assert article.url == "https://ledger.example/news/velmora-dam"
    assert article.outlet == "The Northern Ledger"
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Negotiators from the two river provinces")  # h1 dropped
    assert paragraphs[2].startswith("“We came here")  # curly quotes untouched
    assert "Home" not in article.body and "Copyright" not in article.body


@pytest.mark.parametrize(
    ("title", "meta", "expected"),
    [
        (
            "Dam talks stall in Velmora | The Northern Ledger",
            '<meta property="og:site_name" content="The Northern Ledger">',
            "Dam talks stall in Velmora",
        ),
        (
            "Dam talks stall in Velmora - The Northern Ledger",
            '<meta property="og:site_name" content="The Northern Ledger">',
            "Dam talks stall in Velmora",
        ),
        # no og:site_name: the suffix might be part of the headline, so it stays
        (
            "Dam talks stall in Velmora | The Northern Ledger",
            "",
            "Dam talks stall in Velmora | The Northern Ledger",
        ),
        (
            "Velmora: yes | no",
            '<meta property="og:site_name" content="The Northern Ledger">',
            "Velmora: yes | no",
        ),
        (
            "Page title",
            '<meta property="og:title" content="Headline from og">',
            "Headline from og",
        ),
    ],
)
def test_html_title(tmp_path, title, meta, expected):
    assert read_one(tmp_path, "a.html", page(title, meta)).title == expected


def test_html_without_date_has_none(tmp_path):
    article = read_one(tmp_path, "a.html", page())
    assert article.published is None
    assert article.url is None


def test_html_defaults_fill_the_gaps(tmp_path):
    defaults = Metadata(url="https://example.org/x", published=date(2026, 1, 2), outlet="Flag")
    article = read_one(tmp_path, "a.html", page(), defaults=defaults)
    assert (article.url, article.published, article.outlet) == (
        "https://example.org/x",
        date(2026, 1, 2),
        "Flag",
    )


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Dam talks</title></head><body><div",
        "<<<>>> <</ <!-- ",
        "<html><body><script>var x = 1;</script></body></html>",
        "<html><head><title>Only a title</title></head><body>  </body></html>",
        "<",
    ],
)
def test_broken_html_is_rejected(tmp_path, html):
    assert rejection(tmp_path, "a.html", html) == "broken HTML: no article text found"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>The council voted on Monday to keep the ferry running",
        "<html><body><div><p>Some text</div></p></span>more text about the river<p>and",
        "<p>A bare fragment about the ferry vote, with no html or body element at all.</p>",
        "<html><body><table><tr><td>cell</td></tr></table><p>Ferry vote passes.</p></body>",
    ],
)
def test_damaged_html_reads_or_rejects_cleanly(tmp_path, html):
    try:
        article = read_one(tmp_path, "a.html", html)
    except InputRejected:
        return
    assert article.body.strip()
    assert "<" not in article.body


# --- JSON Lines -----------------------------------------------------------------------------


def jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def test_jsonl_good_and_bad_lines(tmp_path):
    path = write(
        tmp_path,
        "batch.jsonl",
        jsonl(
            {"text": "First body.", "title": "One", "published": "2026-03-11", "outlet": "L"},
            "",
            "{not json",
            {"title": "no text here"},
            ["a", "list"],
            {"body": "Fourth body.", "published": "2026-03-12T08:00:00Z", "url": "https://x.org"},
            {"text": "   "},
        ),
    )
    items = list(iter_inputs([str(path)]))
    found = [
        (item.source, type(item).__name__, getattr(item, "reason", None) or item.body)
        for item in items
    ]
    assert found == [
        (f"{path}:1", "RawArticle", "First body."),
        (f"{path}:3", "InputRejected", found[1][2]),
        (f"{path}:4", "InputRejected", "no text field"),
        (f"{path}:5", "InputRejected", "invalid JSON: not an object"),
        (f"{path}:6", "RawArticle", "Fourth body."),
        (f"{path}:7", "InputRejected", "no text field"),
    ]
    assert found[1][2].startswith("invalid JSON: ")
    first, fourth = items[0], items[4]
    assert (first.title, first.published, first.outlet) == ("One", date(2026, 3, 11), "L")
    assert (fourth.published, fourth.url) == (date(2026, 3, 12), "https://x.org")
    # read_file keeps the good lines only
    assert [a.body for a in read_file(path)] == ["First body.", "Fourth body."]


def test_jsonl_defaults_and_empty(tmp_path):
    path = write(tmp_path, "a.jsonl", jsonl({"text": "Body.", "title": "Own"}))
    [article] = read_file(path, defaults=Metadata(title="Flag", outlet="Flag outlet"))
    assert (article.title, article.outlet) == ("Own", "Flag outlet")
    assert rejection(tmp_path, "b.jsonl", "\n\n") == "empty file"


def test_jsonl_line_limit_applies_per_line(tmp_path):
    path = write(tmp_path, "a.jsonl", jsonl({"text": "x" * 500}, {"text": "short"}))
    items = list(iter_inputs([str(path)], max_bytes=100))
    assert isinstance(items[0], InputRejected) and items[0].source == f"{path}:1"
    assert isinstance(items[1], RawArticle) and items[1].body == "short"


# --- walking paths and stdin ----------------------------------------------------------------


def test_directory_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    for name in [
        "b.txt",
        "a.html",
        "sub/c.text",
        "sub/inner/d.htm",
        "notes.md",
        ".hidden.txt",
        ".git/e.txt",
        "z.TXT",
    ]:
        write(tmp_path, name, page() if "htm" in name else BODY)
    sources = [item.source for item in iter_inputs([str(tmp_path)])]
    assert sources == [
        str(tmp_path / name)
        for name in ["a.html", "b.txt", "sub/c.text", "sub/inner/d.htm", "z.TXT"]
    ]


def test_empty_directory_is_reported(tmp_path):
    [item] = iter_inputs([str(tmp_path)])
    assert isinstance(item, InputRejected) and item.source == str(tmp_path)


def test_batch_goes_on_after_bad_inputs(tmp_path):
    good = write(tmp_path, "good.txt", BODY)
    empty = write(tmp_path, "empty.txt", "")
    notes = write(tmp_path, "notes.md", "Dam notes\n\n" + BODY)
    missing = tmp_path / "missing.txt"
    items = list(iter_inputs([str(empty), str(missing), str(good), str(notes)]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("InputRejected", str(empty)),
        ("InputRejected", str(missing)),
        ("RawArticle", str(good)),
        ("RawArticle", str(notes)),  # unknown extension named explicitly: read as text
    ]
    assert items[1].reason == "no such file or directory"
    assert items[3].title == "Dam notes"


@pytest.mark.parametrize(
    ("stream", "title", "body_start"),
    [
        (io.BytesIO(("Dam talks stall\n\n" + BODY).encode()), "Dam talks stall", "Negotiators"),
        (io.StringIO("Dam talks stall\r\n\r\n" + BODY), "Dam talks stall", "Negotiators"),
        (io.BytesIO(b"\n  " + page(meta=FULL_META).encode()), "Dam talks stall in Velmora", "Neg"),
    ],
)
def test_stdin(stream, title, body_start):
    [article] = iter_inputs(["-"], stdin=stream)
    assert article.source == "<stdin>"
    assert article.title == title
    assert article.body.startswith(body_start)


@pytest.mark.parametrize(
    ("stream", "reason"),
    [
        (io.BytesIO(b""), "empty file"),
        (io.StringIO("  \n "), "empty file"),
        (io.BytesIO(b"y" * 150), "file too large: 150 bytes > limit 100"),
    ],
)
def test_stdin_rejections(stream, reason):
    [item] = iter_inputs(["-"], stdin=stream, max_bytes=100)
    assert isinstance(item, InputRejected)
    assert (item.source, item.reason) == ("<stdin>", reason)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-11", date(2026, 3, 11)),
        ("2026-03-11T09:14:00Z", date(2026, 3, 11)),
        ("2026-03-11T23:30:00-05:00", date(2026, 3, 11)),
        ("2026-03-11 09:14", date(2026, 3, 11)),
        (" 2026-03-11 ", date(2026, 3, 11)),
        ("2026-02-30", None),
        ("11 March 2026", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("byline", ["By the Dellport Courier live desk",
                                    "By the Associated Press"])
def test_a_byline_of_a_desk_or_an_agency_opens_the_header(tmp_path, byline):
    article = read_one(tmp_path, "a.txt",
                       f"Dam talks stall - live\n{byline}\nUpdated 2 June 2026 18:40 GMT\n\n{BODY}")
    assert article.title == "Dam talks stall - live"
    assert article.published == date(2026, 6, 2)
    assert article.body.startswith(BODY[:40])

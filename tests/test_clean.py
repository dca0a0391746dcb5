from __future__ import annotations

import pytest

from newsgraph.clean import Cleaned, clean_body, clean_document, clean_title


def clean(text: str) -> str:
    return clean_body(text).text


# --- TeX remnants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            r"The water covered $1,250 \text{ km}^2$ ($483 \text{ square miles}$) of land.",
            "The water covered 1,250 km² (483 square miles) of land.",
        ),
        (r"Turnout was $12.5\%$ in the north.", "Turnout was 12.5% in the north."),
        (r"Turnout was 12.5\% in the north.", "Turnout was 12.5% in the north."),
        (r"The fund holds \$4.2 billion.", "The fund holds $4.2 billion."),
        ("The fund holds $4.2 billion.", "The fund holds $4.2 billion."),
        ("It cost $4.2 billion, not $3 billion.", "It cost $4.2 billion, not $3 billion."),
        (
            r"It cost $4.2 billion, or $12.5\%$ of output.",
            "It cost $4.2 billion, or 12.5% of output.",
        ),
        ("A 40 km^2 plot and a 3 m^3 tank.", "A 40 km² plot and a 3 m³ tank."),
        ("The score was 2^5 in base two.", "The score was 2^5 in base two."),
        (r"Roughly $\approx 300$ people.", "Roughly ≈ 300 people."),
        (
            r"A $3 \times 4$ grid, $x \le 5$, $y \ge 2$, $\pm 0.5$.",
            "A 3 × 4 grid, x ≤ 5, y ≥ 2, ± 0.5.",
        ),
        (r"Speed of $5\,\mathrm{km}$ per hour.", "Speed of 5 km per hour."),
        (r"Up $12\,\%$ on $1\,250$ votes.", "Up 12% on 1250 votes."),
        (r"It was $20^\circ$C at noon.", "It was 20°C at noon."),
        (r"Output of $10^{6}$ tonnes.", "Output of 10⁶ tonnes."),
        (r"A \left bracket in $prose$ stays.", r"A \left bracket in $prose$ stays."),
    ],
)
def test_tex_remnants(raw, expected):
    assert clean(raw) == expected


# --- page furniture -------------------------------------------------------------------------

FIRST = "The council met on Monday to discuss the ferry."
SECOND = "Members voted eight to three to keep the service running."


@pytest.mark.parametrize(
    "furniture",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Ad Code",
        "Post a Comment",
        "0 Comments",
        "12 comments",
        "Share this article",
        "Share on Facebook",
        "Share on X",
        "Read more: Ferry fares to rise in spring",
        "Related: Ferry fares to rise in spring",
        "Related articles\nFerry fares to rise in spring\nHarbour dredging delayed again",
        "Related stories:\nFerry fares to rise in spring",
        "Sign up for our newsletter and get the morning briefing",
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        "Click here to read the full report",
        "Follow us on Mastodon",
        "Skip to content",
        "Subscribe now for unlimited access",
        "  Advertisement  ",
    ],
)
def test_furniture_lines_vanish(furniture):
    raw = f"{FIRST}\n\n{furniture}\n\n{SECOND}\n"
    assert clean(raw) == f"{FIRST}\n\n{SECOND}"


@pytest.mark.parametrize(
    "prose",
    [
        "The advertisement on the ferry terminal wall was removed after complaints.",
        "Advertisement spending by the council rose last year, the auditor said.",
        "Share prices of the ferry operator fell after the vote.",
        "Readers left 12 comments under the council's post within an hour.",
        "Follow-up talks are planned for next week.",
        "subscribe to the view that the ferry should stay public, Ms Varga said",
    ],
)
def test_prose_mentioning_furniture_words_stays(prose):
    raw = f"{FIRST}\n\n{prose}\n\n{SECOND}"
    assert clean(raw) == raw


def test_related_list_stops_at_blank_line():
    raw = f"{FIRST}\nRelated\nFerry fares to rise\nHarbour dredging delayed\n\n{SECOND}"
    assert clean(raw) == f"{FIRST}\n\n{SECOND}"


def test_related_list_stops_at_a_sentence():
    raw = f"{FIRST}\n\nRelated:\nFerry fares to rise\n{SECOND}"
    assert clean(raw) == f"{FIRST}\n\n{SECOND}"


# --- mojibake and quotes --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The cafÃ© on the quay reopened.", "The café on the quay reopened."),
        ("She said â€œnoâ€\x9d twice.", "She said “no” twice."),
        ("“We will return,” she said.", "“We will return,” she said."),
        ("‘Fine,’ he said, and it’s done.", "‘Fine,’ he said, and it’s done."),
        ('"Straight" quotes stay too.', '"Straight" quotes stay too.'),
        ("AT&amp;T and the council.", "AT&T and the council."),
    ],
)
def test_mojibake_fixed_quotes_kept(raw, expected):
    assert clean(raw) == expected


# --- whitespace -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("One\u00a0two\u202fthree\u2009four", "One two three four"),
        ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("many    spaces\there", "many spaces here"),
        ("trailing   \nspaces", "trailing\nspaces"),
        ("   indented line", "indented line"),
        ("one\n\n\n\n\ntwo", "one\n\ntwo"),
        ("one\n   \n \n\ntwo", "one\n\ntwo"),
        ("wrapped line\nkept as is\n\nnext para", "wrapped line\nkept as is\n\nnext para"),
        ("windows\r\nline\r\n\r\nends", "windows\nline\n\nends"),
        ("\n\n  padded document \n\n", "padded document"),
    ],
)
def test_whitespace(raw, expected):
    assert clean(raw) == expected


# --- titles and documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("🚨 Dam talks stall in Velmora 🌊", "Dam talks stall in Velmora"),
        ("Flags 🇳🇴 and ❤️ gone", "Flags and gone"),
        ("Dam\u00a0talks  stall\n in Velmora ", "Dam talks stall in Velmora"),
        ("CafÃ© owners protest", "Café owners protest"),
        ("Marsh: “difficult but useful” talks", "Marsh: “difficult but useful” talks"),
        ("Turnout hits 12.5\\%", "Turnout hits 12.5%"),
    ],
)
def test_clean_title(raw, expected):
    assert clean_title(raw) == expected


def test_document_with_title():
    title, body = "🚨 Marsh meets Brenner", "\n  Elena Marsh met Karl Brenner.\n\nAdvertisement\n"
    cleaned = clean_document(title, body)
    assert cleaned.text == "Marsh meets Brenner\n\nElena Marsh met Karl Brenner."
    raw = title + "\n\n" + body
    assert_exact_map(raw, cleaned)
    assert cleaned.to_raw(len(cleaned.text)) == len(raw)
    start = cleaned.text.index("Karl Brenner")
    raw_start, raw_end = cleaned.raw_span(start, start + len("Karl Brenner"))
    assert raw[raw_start:raw_end] == "Karl Brenner"


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (None, "Body only.", "Body only."),
        ("", "Body only.", "Body only."),
        ("🚨🚨", "Body only.", "Body only."),
        ("Headline", "  \n\nAdvertisement\n", "Headline"),
    ],
)
def test_document_edges(title, body, expected):
    cleaned = clean_document(title, body)
    assert cleaned.text == expected
    raw = title + "\n\n" + body if title else body
    assert_exact_map(raw, cleaned)
    assert cleaned.to_raw(len(cleaned.text)) == len(raw)


# --- the offset map -------------------------------------------------------------------------


def assert_exact_map(raw: str, cleaned: Cleaned) -> None:
    assert len(cleaned.offsets) == len(cleaned.text)
    assert list(cleaned.offsets) == sorted(set(cleaned.offsets))  # strictly increasing
    for i, char in enumerate(cleaned.text):
        assert raw[cleaned.to_raw(i)] == char, (i, char)


# Snippets whose cleaning only deletes characters or collapses whitespace.
DELETION_ONLY = [
    "Dam talks stall\n\nNegotiators left the hall on Tuesday.\n\nAdvertisement\n\n"
    "Farmers say their fields have been dry for six weeks.\n0 Comments\nPost a Comment\n",
    "  The board met.   It   voted.  \n\n\n\n\nShare this article\nRead more: Dam talks\n\n"
    "“It is done,” said Ilse Varga.\r\n\r\nRelated:\nFerry fares rise\nHarbour delayed\n",
    "Turnout was $12.5\\%$ and spending \\$4.2 billion, $5$ in all, 7\\% up.\n\nA \\text{label}.",
    "Soft\u00adhyphen and zero\u200bwidth characters\ufeff vanish.\n\n\n   Last line.   ",
]


@pytest.mark.parametrize("raw", DELETION_ONLY)
def test_offsets_point_at_the_same_characters(raw):
    cleaned = clean_body(raw)
    assert cleaned.text != raw.strip()  # something was cleaned
    assert_exact_map(raw, cleaned)
    assert cleaned.to_raw(len(cleaned.text)) == len(raw)


def test_offsets_of_replacements_point_at_what_they_replaced():
    raw = "The cafÃ© flooded: $1,250 \\text{ km}^2$ of land,\u00a0about $\\approx 40\\%$."
    cleaned = clean_body(raw)
    assert cleaned.text == "The café flooded: 1,250 km² of land, about ≈ 40%."
    mismatched = {
        char: raw[cleaned.to_raw(i)]
        for i, char in enumerate(cleaned.text)
        if raw[cleaned.to_raw(i)] != char
    }
    assert mismatched == {"é": "Ã", "²": "^", " ": "\u00a0", "≈": "\\"}
    assert list(cleaned.offsets) == sorted(cleaned.offsets)
    start = cleaned.text.index("1,250 km²")
    raw_start, raw_end = cleaned.raw_span(start, start + len("1,250 km²"))
    assert raw[raw_start:raw_end] == "1,250 \\text{ km}^"


def test_to_raw_rejects_out_of_range():
    cleaned = clean_body("Some text.")
    with pytest.raises(IndexError):
        cleaned.to_raw(len(cleaned.text) + 1)

"""Pairs of quotation marks, on inline snippets: no model needed."""

from __future__ import annotations

import time

import pytest

from newsgraph.extract.quote_marks import MAX_QUOTE_CHARS, find_quoted


def _texts(text):
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are ready,” Marsh said.", ["We are ready,"]),
        ('She said: "It is over." Then she left.', ["It is over."]),
        ("“First,” she said, “second.”", ["First,", "second."]),
        ("The farmers’ union called it ‘a disaster’ on Monday.", ["a disaster"]),
        ("Nordland’s minister said “no”.", ["no"]),
        ('He is 5\'11" tall and says "hello".', ["hello"]),
        ("In the ’90s it was 'great', they said.", ["great"]),
        ("“He said ‘never’ to me,” she recalled.", ["He said ‘never’ to me,"]),
        ("« Nous sommes prêts », a-t-il dit.", ["Nous sommes prêts"]),
        ("“[She] would accept a ceasefire,” he said.", ["[She] would accept a ceasefire,"]),
    ],
)
def test_pairs(text, expected):
    assert _texts(text) == expected


def test_quote_over_paragraphs_is_one_piece_per_paragraph():
    text = "“The first part.\n\n“The second part.\n\n“The end,” she said."
    quoted = find_quoted(text)
    assert [text[q.start : q.end] for q in quoted] == [
        "The first part.", "The second part.", "The end,",
    ]
    assert [q.continues for q in quoted] == [False, True, True]
    assert quoted[0].close_mark is None and quoted[2].close_mark is not None


def test_unclosed_mark_does_not_swallow_the_next_paragraph():
    text = "He said “we will see.\n\nThe talks resume on “Monday” in Oslo."
    assert _texts(text) == ["Monday"]


def test_stray_closing_mark_is_ignored():
    assert _texts("It ended.” Then “a new start” came.") == ["a new start"]


def test_pathological_input_is_bounded_and_well_formed():
    texts = [
        "“" * 5000 + "word" + "”" * 5000,
        '"' * 20000,
        "“" + "x " * 25000,  # a 50,000-character quote with no closing mark
        "“" + "y " * 25000 + "”",  # closed, but longer than any real quote
        "'s " * 10000,
    ]
    for text in texts:
        started = time.perf_counter()
        quoted = find_quoted(text)
        assert time.perf_counter() - started < 5
        for q in quoted:
            assert 0 <= q.start < q.end <= len(text)
            assert q.end - q.start <= MAX_QUOTE_CHARS

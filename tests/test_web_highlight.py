"""Article text marked up at its records' spans: well nested, every character escaped, links
never inside links, whatever the spans do."""

from __future__ import annotations

import html
import random
from html.parser import HTMLParser

from newsgraph.web.article import marks
from newsgraph.web.highlight import render
from newsgraph.web.models import Mark


def _mark(kind: str, start: int, end: int, href: str | None = None, record: str = "X1") -> Mark:
    return Mark(kind, record, start, end, "", f"{kind} {start}-{end}", href)


class _Checker(HTMLParser):
    """Fails on a closing tag that does not match the open one, or a link inside a link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag in ("a", "span"), tag
        assert not (tag == "a" and "a" in self.stack), "a link inside a link"
        self.ids += [v for k, v in attrs if k == "id"]
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def _check(text: str, found: list[Mark], anchor=lambda m: None) -> _Checker:
    checker = _Checker()
    checker.feed(str(render(text, found, anchor)))
    checker.close()
    assert checker.stack == []
    assert "".join(checker.text) == text  # every character once, in order
    return checker


def test_nested_and_overlapping_spans_stay_well_formed():
    text = "Marsh said: \"We are ready\" and left."
    found = [_mark("evidence", 0, 36, "/events/V1"), _mark("entity", 0, 5, "/actors/A1"),
             _mark("quote", 12, 26, "/actors/A1"), _mark("stance", 20, 31, "/actors/A2"),
             _mark("date", 20, 25)]
    out = str(render(text, found))
    assert out.startswith('<a href="/events/V1" class="m m-evidence"')
    assert '<span class="m m-entity"' in out  # inside the event's link: a plain element
    _check(text, found)


def test_every_piece_of_text_is_escaped():
    text = 'He wrote <script>alert(1)</script> & "left" <b>'
    found = [_mark("quote", 9, 34), _mark("entity", 0, 2, "/actors/A1?x=1&y=\"2\"")]
    out = str(render(text, found))
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'href="/actors/A1?x=1&amp;y=&#34;2&#34;"' in out
    _check(text, found)


def test_labels_are_escaped_too():
    text = "Brandt"
    found = [Mark("entity", '"><script>', 0, 6, "Brandt", '"><script>x</script>', None)]
    out = str(render(text, found))
    assert "<script" not in out and 'title="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in out


def test_a_split_mark_gets_its_anchor_once():
    text = "abcdefghij"
    found = [_mark("evidence", 0, 6, record="V1"), _mark("quote", 3, 9, record="Q1")]
    checker = _check(text, found, anchor=lambda m: "ev-V1" if m.kind == "evidence" else None)
    assert checker.ids == ["ev-V1"]


def test_spans_outside_the_text_are_dropped():
    assert str(render("abc", [_mark("entity", 2, 9), _mark("entity", 2, 2)])) == "abc"


def test_random_spans_always_nest():
    rng = random.Random(7)
    text = "".join(rng.choice("ab <&>\"'\n") for _ in range(60))
    kinds = ["evidence", "quote", "entity", "event", "figure", "date", "stance"]
    for _ in range(200):
        found = []
        for i in range(rng.randint(1, 12)):
            start = rng.randrange(0, 59)
            end = rng.randrange(start + 1, 61)
            href = rng.choice([None, f"/actors/A{i}"])
            found.append(_mark(rng.choice(kinds), start, end, href, record=f"R{i}"))
        _check(text, found)
    assert html.unescape(str(render(text, []))) == text


def test_marks_from_a_record_carry_their_links():
    text = "Varga met Brandt on Monday."
    record = {
        "entities": [
            {"id": "E1", "type": "PERSON", "name": "Ilse Varga",
             "mentions": [{"start": 0, "end": 5}], "role_mentions": []},
            {"id": "E2", "type": "PERSON", "name": "Brandt",
             "mentions": [{"start": 10, "end": 16}, {"start": 90, "end": 99}]}],
        "times": [{"id": "T1", "start": 20, "end": 26, "kind": "point", "value": "2026-04-06"}],
        "events": [{"id": "V1", "type": "CONSULT", "subtype": "meet", "status": "occurred",
                    "trigger": {"start": 6, "end": 9}, "sentence": {"start": 0, "end": 27},
                    "mentions": []}],
    }
    found = marks(text, record, {"E1": "A1"}, {"V1": "Vabc"})
    by_kind = {(m.kind, m.text): m.href for m in found}
    assert by_kind == {("entity", "Varga"): "/actors/A1", ("entity", "Brandt"): None,
                       ("date", "Monday"): None, ("event", "met"): "/events/Vabc",
                       ("evidence", text): "/events/Vabc"}  # the mention at 90 is dropped
    assert found[0].kind == "evidence"  # outermost first

"""Article text with its records marked up at their spans, safely.

Spans overlap and nest (a name inside a quote inside an event's sentence), but HTML elements
only nest. The text is cut at every span boundary; for each piece the elements of the marks
covering it are kept open, outer (longer) marks outside inner ones, and a mark that ends while
an inner one is still open closes the inner one first, which then opens again as a second
piece of itself. Every piece of article text goes through ``escape``; nothing of the text ever
reaches the page as markup. Links cannot nest in HTML either, so a mark inside a link is a
plain element (its link is still in the record list beside the text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from newsgraph.web.models import Mark

# Same span: which mark goes outside.
_KIND_ORDER = {k: i for i, k in enumerate(
    ("evidence", "quote", "stance", "role", "speaker", "entity", "event", "figure", "date"))}


def _key(mark: Mark) -> tuple:
    return (mark.start, -mark.end, _KIND_ORDER.get(mark.kind, 99), mark.record)


def render(text: str, marks: Sequence[Mark],
           anchor: Callable[[Mark], str | None] = lambda m: None) -> Markup:
    """``text`` as HTML with each mark an element (class ``m m-KIND``, its label as title);
    ``anchor(mark)`` gives the HTML id of a mark's first piece, or None."""
    ordered = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=_key)
    cuts = sorted({0, len(text), *(m.start for m in ordered), *(m.end for m in ordered)})
    out: list[str] = []
    stack: list[int] = []  # indices into ordered, outermost first
    links: list[bool] = []  # whether each open element is a link
    anchored: set[int] = set()
    starting: dict[int, list[int]] = {}
    for i, m in enumerate(ordered):
        starting.setdefault(m.start, []).append(i)
    active: set[int] = set()
    for here, there in zip(cuts, cuts[1:], strict=False):
        active = {i for i in active if ordered[i].end > here} | set(starting.get(here, ()))
        wanted = sorted(active)  # ordered is sorted by _key, so indices sort outer-first
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] == wanted[keep]:
            keep += 1
        while len(stack) > keep:
            stack.pop()
            out.append("</a>" if links.pop() else "</span>")
        for i in wanted[keep:]:
            as_link = ordered[i].href is not None and not any(links)
            element_id = None
            if i not in anchored:
                anchored.add(i)
                element_id = anchor(ordered[i])
            out.append(_open(ordered[i], as_link, element_id))
            stack.append(i)
            links.append(as_link)
        out.append(str(escape(text[here:there])))
    while stack:
        stack.pop()
        out.append("</a>" if links.pop() else "</span>")
    return Markup("".join(out))


def _open(mark: Mark, as_link: bool, element_id: str | None) -> str:
    attrs = [f'class="m m-{escape(mark.kind)}"', f'title="{escape(mark.label)}"',
             f'data-record="{escape(mark.record)}"']
    if element_id:
        attrs.insert(0, f'id="{escape(element_id)}"')
    if as_link:
        return f'<a href="{escape(mark.href)}" {" ".join(attrs)}>'
    return f'<span {" ".join(attrs)}>'

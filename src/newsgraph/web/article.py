"""An article's page: its clean text and every record of it as a mark at its span.

The marks come from the record stored with the article (``articles.record``, as extracted);
the links come from the resolved layer: an entity goes to the actor that merged it
(``actor_members``), an event to the real-world event it is a source of (``event_sources``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote as _quote

from sqlalchemy import Engine, select

from newsgraph.store.schema import actor_members, articles, event_sources
from newsgraph.web.models import ArticlePage, Mark


def actor_href(actor_id: str) -> str:
    return f"/actors/{_quote(actor_id, safe='')}"


def event_href(event_id: str) -> str:
    return f"/events/{_quote(event_id, safe='')}"


def article_href(article_id: str, event_local_id: str | None = None) -> str:
    """The article page, at an event's evidence sentence when ``event_local_id`` is given."""
    href = f"/articles/{_quote(article_id, safe='')}"
    return f"{href}#{evidence_anchor(event_local_id)}" if event_local_id else href


def evidence_anchor(event_local_id: str) -> str:
    """The HTML id of an event's evidence sentence in its article page."""
    return f"ev-{event_local_id}"


def article(engine: Engine, article_id: str) -> ArticlePage | None:
    """The article with its marks, or None when no article has this id."""
    a = articles.c
    with engine.connect() as conn:
        row = conn.execute(select(a.id, a.title, a.outlet, a.published, a.url, a.source,
                                  a.version, a.text, a.record).where(a.id == article_id)).first()
        if row is None:
            return None
        newer = conn.scalar(select(a.id).where(a.supersedes == article_id))
        m = actor_members.c
        actor_of = dict(conn.execute(select(m.entity_id, m.actor_id)
                                     .where(m.article_id == article_id)).all())
        s = event_sources.c
        event_of = dict(conn.execute(select(s.event_local_id, s.event_id)
                                     .where(s.article_id == article_id)).all())
    return ArticlePage(
        id=row.id, title=row.title, outlet=row.outlet, published=row.published, url=row.url,
        source=row.source, version=row.version, superseded_by=newer, text=row.text,
        marks=marks(row.text, row.record or {}, actor_of, event_of))


def marks(text: str, record: dict[str, Any], actor_of: dict[str, str],
          event_of: dict[str, str]) -> list[Mark]:
    """Every record of ``record`` at its span in ``text``, in text order; spans outside the
    text are dropped rather than trusted."""
    names = {e["id"]: e.get("name") or e["id"] for e in record.get("entities", [])}
    found: list[Mark] = []

    def add(kind: str, record_id: str, span: dict | None, label: str,
            href: str | None) -> None:
        if not span:
            return
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            found.append(Mark(kind, record_id, start, end, text[start:end], label, href))

    def actor_link(entity_id: str | None) -> str | None:
        return actor_href(actor_of[entity_id]) if entity_id in actor_of else None

    for e in record.get("entities", []):
        for span in e.get("mentions", []):
            add("entity", e["id"], span, f"{e.get('type')}: {e.get('name')}",
                actor_link(e["id"]))
        for span in e.get("role_mentions", []):
            add("role", e["id"], span, f"role of {e.get('name')}", actor_link(e["id"]))
    for q in record.get("quotes", []):
        who = names.get(q.get("speaker"), "speaker not said")
        label = f"{q.get('kind')} quote — {who}" + (f" ({q['cue']})" if q.get("cue") else "")
        add("quote", q["id"], q, label, actor_link(q.get("speaker")))
        add("speaker", q["id"], q.get("speaker_mention"), f"speaker of {q['id']}: {who}",
            actor_link(q.get("speaker")))
    for n in record.get("quantities", []):
        about = f" — {n['about']}" if n.get("about") else ""
        claim = f" (claimed by {names.get(n['claimed_by'], '?')})" if n.get("claimed_by") else ""
        add("figure", n["id"], n, f"{_number(n.get('value'))} {n.get('unit') or ''}{about}"
            f"{claim}".strip(), actor_link(n.get("claimed_by")))
    for t in record.get("times", []):
        add("date", t["id"], t, f"{t.get('kind')}: {t.get('value') or 'unresolved'}", None)
    for v in record.get("events", []):
        href = event_href(event_of[v["id"]]) if v["id"] in event_of else None
        label = f"{v.get('type')}/{v.get('subtype')}, {v.get('status')}"
        add("evidence", v["id"], v.get("sentence"), f"evidence of {label}", href)
        add("event", v["id"], v.get("trigger"), label, href)
        for span in v.get("mentions", []):
            add("event", v["id"], span, label, href)
    for s in record.get("stances", []):
        holder = names.get(s.get("holder"), "?")
        add("stance", s["id"], s.get("evidence"),
            f"{holder}: {s.get('polarity')} {s.get('issue')}", actor_link(s.get("holder")))
    return sorted(found, key=lambda m: (m.start, -m.end, m.kind, m.record))


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)

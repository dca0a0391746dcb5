"""One extraction record (the JSON contract's dict) → rows of the per-article tables.

Rows are built from ``Extraction.to_dict()`` with ``.get``, not from the dataclasses, so a field
added to a record kind later needs no change here: the whole record is kept in
``articles.record`` as well, and a missing optional field becomes NULL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table

from newsgraph.store.schema import (
    entities,
    event_participants,
    events,
    quantities,
    quotes,
    stances,
    times,
)

Row = dict[str, Any]


def _span(prefix: str, span: dict | None) -> Row:
    span = span or {}
    return {f"{prefix}_start": span.get("start"), f"{prefix}_end": span.get("end")}


def _spans(spans: list | None) -> list[Row]:
    return [{"start": s.get("start"), "end": s.get("end"), "text": s.get("text")}
            for s in spans or ()]


def entity_row(article_id: str, e: dict) -> Row:
    return {
        "article_id": article_id, "id": e["id"], "type": e["type"], "name": e["name"],
        "aliases": list(e.get("aliases") or ()), "roles": list(e.get("roles") or ()),
        "role_mentions": _spans(e.get("role_mentions")), "mentions": _spans(e.get("mentions")),
    }


def quote_row(article_id: str, q: dict) -> Row:
    speaker = q.get("speaker_mention") or {}
    return {
        "article_id": article_id, "id": q["id"], "text": q["text"],
        "span_start": q["start"], "span_end": q["end"], "kind": q["kind"],
        "speaker": q.get("speaker"), "cue": q.get("cue"),
        **_span("speaker", speaker), "speaker_text": speaker.get("text"),
        **_span("sentence", q.get("sentence")),
    }


def quantity_row(article_id: str, n: dict) -> Row:
    normalized = n.get("normalized") or {}
    return {
        "article_id": article_id, "id": n["id"], "text": n["text"],
        "span_start": n["start"], "span_end": n["end"],
        "value": n.get("value"), "value_max": n.get("value_max"), "unit": n.get("unit"),
        "approximate": bool(n.get("approximate")), "qualifier": n.get("qualifier"),
        "normalized_value": normalized.get("value"), "normalized_unit": normalized.get("unit"),
        "about": n.get("about"), "claimed_by": n.get("claimed_by"), "same_as": n.get("same_as"),
    }


def time_row(article_id: str, t: dict) -> Row:
    return {
        "article_id": article_id, "id": t["id"], "text": t["text"],
        "span_start": t["start"], "span_end": t["end"], "kind": t["kind"],
        "value": t.get("value"), "granularity": t.get("granularity"),
        "resolved": bool(t.get("resolved")),
    }


def event_row(article_id: str, v: dict) -> Row:
    trigger = v.get("trigger") or {}
    return {
        "article_id": article_id, "id": v["id"], "type": v["type"], "subtype": v.get("subtype"),
        "status": v.get("status"), "place": v.get("place"), "time": v.get("time"),
        "date": v.get("date"), **_span("trigger", trigger), "trigger_text": trigger.get("text"),
        **_span("sentence", v.get("sentence")), "mentions": _spans(v.get("mentions")),
    }


def participant_rows(article_id: str, v: dict) -> Iterator[Row]:
    for role, key in (("actor", "actors"), ("target", "targets")):
        for position, entity_id in enumerate(v.get(key) or ()):
            yield {"article_id": article_id, "event_id": v["id"], "role": role,
                   "position": position, "entity_id": entity_id}


def stance_row(article_id: str, s: dict) -> Row:
    evidence = s.get("evidence") or {}
    return {
        "article_id": article_id, "id": s["id"], "holder": s.get("holder"),
        "issue": s.get("issue"), "polarity": s.get("polarity"),
        **_span("evidence", evidence), "evidence_text": evidence.get("text"),
        **_span("sentence", s.get("sentence")), "quote": s.get("quote"),
    }


def record_rows(record: dict) -> Iterator[tuple[Table, Row]]:
    """Every child row of one record, parents (events) before their children."""
    article_id = record["article"]["id"]
    for e in record.get("entities") or ():
        yield entities, entity_row(article_id, e)
    for q in record.get("quotes") or ():
        yield quotes, quote_row(article_id, q)
    for n in record.get("quantities") or ():
        yield quantities, quantity_row(article_id, n)
    for t in record.get("times") or ():
        yield times, time_row(article_id, t)
    for v in record.get("events") or ():
        yield events, event_row(article_id, v)
    for v in record.get("events") or ():
        for row in participant_rows(article_id, v):
            yield event_participants, row
    for s in record.get("stances") or ():
        yield stances, stance_row(article_id, s)


def expected_counts(record: dict) -> dict[str, int]:
    """How many rows each record table should hold for this record: the consistency check."""
    events_ = record.get("events") or ()
    return {
        "entities": len(record.get("entities") or ()),
        "quotes": len(record.get("quotes") or ()),
        "quantities": len(record.get("quantities") or ()),
        "times": len(record.get("times") or ()),
        "events": len(events_),
        "event_participants": sum(
            len(v.get("actors") or ()) + len(v.get("targets") or ()) for v in events_
        ),
        "stances": len(record.get("stances") or ()),
    }

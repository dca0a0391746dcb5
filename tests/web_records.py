"""Hand-written extraction records for the web's store tests: written through the store's
real writer (``store.ingest.write``) and resolved by the real rebuild, without the model, so
a test can build the exact store it needs (dated and undated events, versions) in
milliseconds.
"""

from __future__ import annotations

from newsgraph.model import SCHEMA_VERSION, article_id
from newsgraph.store.ingest import JsonRecord, write


def _span(text: str, part: str, start: int = 0) -> dict:
    at = text.index(part, start)
    return {"start": at, "end": at + len(part), "text": part}


def record(n: int, *, published: str | None, date: str | None = None,
           people: tuple[str, str] = ("Ilse Varga", "Torvald Brandt"),
           quote: str = "We agreed on very little", about: str = "grain",
           url: str | None = None, outlet: str = "Harbour Gazette") -> dict:
    """Article ``n``: ``people`` meet (a CONSULT event dated ``date``, or undated), the first
    says ``quote`` and a figure of tonnes of ``about`` is given."""
    a, b = people
    body = (f"{a} met {b} in Valdora, report {n}. \"{quote},\" {a.split()[-1]} said. "
            f"Officials said {100 + n} tonnes of {about} were waiting.")
    text = f"Report {n}\n\n{body}"
    figure = f"{100 + n} tonnes"
    sentence = _span(text, f"{a} met {b} in Valdora, report {n}.")
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {"id": article_id(text), "url": url, "title": f"Report {n}",
                    "published": published, "source": f"report-{n}.txt", "outlet": outlet,
                    "language": "en", "text": text},
        "entities": [
            {"id": "E1", "type": "PERSON", "name": a, "aliases": [], "roles": [],
             "role_mentions": [], "mentions": [_span(text, a)]},
            {"id": "E2", "type": "PERSON", "name": b, "aliases": [], "roles": [],
             "role_mentions": [], "mentions": [_span(text, b)]},
            {"id": "E3", "type": "GPE", "name": "Valdora", "aliases": [], "roles": [],
             "role_mentions": [], "mentions": [_span(text, "Valdora")]},
        ],
        "quotes": [{"id": "Q1", "kind": "direct", "speaker": "E1", "cue": "said",
                    **_span(text, quote)}],
        "quantities": [{"id": "N1", "value": 100.0 + n, "unit": "t", "approximate": False,
                        "about": about, "claimed_by": None, **_span(text, figure)}],
        "times": [],
        "events": [{"id": "V1", "type": "CONSULT", "subtype": "meet", "status": "occurred",
                    "actors": ["E1"], "targets": ["E2"], "place": "E3", "time": None,
                    "date": date, "trigger": _span(text, "met"), "sentence": sentence,
                    "mentions": []}],
        "stances": [],
    }


def write_records(engine, records: list[dict], batch_size: int = 32) -> None:
    """Store ``records`` through the store's one writer."""
    counts = write(engine, [JsonRecord(r) for r in records], batch_size=batch_size)
    assert counts.stored == len(records), counts

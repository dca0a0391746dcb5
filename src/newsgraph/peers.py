"""Peers for the lines of ``newsgraph eval``, each run on the same clean text.

- quotes: textacy's ``direct_quotations`` on the same spaCy Doc, reusing newsgraph's entities
  for speakers, so the gap it shows is the quote finder's alone;
- quantities: quantulum3's parser, units mapped to our short codes where the mapping is plain;
- times: spaCy's DATE and TIME entities of the same Doc, each read by dateparser relative to
  the publication date (day granularity, kind "point").

textacy and quantulum3 are dev dependencies; dateparser is a runtime one.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from spacy.tokens import Doc, Token

from newsgraph import nlp

PEER_LABEL = "peer: textacy direct_quotations"
QUANTITIES_LABEL = "peer: quantulum3"
TIMES_LABEL = "peer: dateparser over spaCy DATE"


def peer_unavailable() -> str | None:
    """Why the peer cannot run here, or None when it can."""
    try:
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except ImportError as exc:
        return f"textacy is not importable ({exc}); pip install -r requirements-dev.txt"
    return None


def _char_span(tokens: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _speaker_id(tokens: list[Token], entities: list[dict[str, Any]]) -> str | None:
    """The entity with a mention overlapping a speaker token; the most overlap wins."""
    best, best_overlap = None, 0
    for e in entities:
        overlap = sum(
            max(0, min(m["end"], t.idx + len(t)) - max(m["start"], t.idx))
            for m in e["mentions"] for t in tokens
        )
        if overlap > best_overlap:
            best, best_overlap = e["id"], overlap
    return best


def _quote(n: int, triple: Any, doc: Doc, entities: list[dict[str, Any]]) -> dict[str, Any]:
    """One textacy triple as a contract quote: the content without its marks."""
    content = triple.content
    start = content[0].idx + len(content[0])
    end = content[-1].idx
    text = doc.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    s_start, s_end = _char_span(triple.speaker)
    return {
        "id": f"Q{n}", "text": doc.text[start:end], "start": start, "end": end,
        "kind": "direct", "speaker": _speaker_id(triple.speaker, entities),
        "cue": " ".join(t.text for t in triple.cue),
        "speaker_mention": {"start": s_start, "end": s_end, "text": doc.text[s_start:s_end]},
        "sentence": None,
    }


def textacy_quotes(doc: Doc, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """textacy's quotes of one Doc; textacy raises on some texts (odd count of marks): none then."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except Exception:  # noqa: BLE001 - any failure of the peer is an empty answer for the text
        return []
    return [_quote(n, t, doc, entities) for n, t in enumerate(triples, 1)]


def peer_records(records: dict[str, dict], *, model: str) -> dict[str, dict]:
    """Copies of newsgraph's records with their quotes replaced by the peer's."""
    pipeline = nlp.load(model)
    out = {}
    for name, record in records.items():
        doc = pipeline(record["article"]["text"])
        peer = copy.deepcopy(record)
        peer["quotes"] = textacy_quotes(doc, record["entities"])
        out[name] = peer
    return out


# --- quantities: quantulum3 ---------------------------------------------------------------

# quantulum3 unit names with a plain equivalent among our short codes; any other unit keeps
# quantulum3's name (it cannot match a gold code), dimensionless counts get None.
QUANTULUM_UNITS = {
    "square kilometre": "km2", "square mile": "mi2", "square metre": "m2",
    "percentage": "%", "per cent": "%", "percentage point": "pp",
    "euro": "EUR", "dollar": "USD", "united states dollar": "USD", "pound sterling": "GBP",
    "japanese yen": "JPY", "chinese yuan": "CNY", "russian ruble": "RUB",
    "swiss franc": "CHF", "indian rupee": "INR", "australian dollar": "AUD",
    "canadian dollar": "CAD", "new zealand dollar": "NZD",
    "tonne": "t", "kilogram": "kg", "gram": "g",
    "kilometre": "km", "metre": "m", "centimetre": "cm", "millimetre": "mm", "mile": "mi",
    "inch": "in", "foot": "ft", "hectare": "ha", "acre": "acre",
    "barrel": "bbl", "cubic metre": "m3", "litre": "l",
    "watt": "W", "kilowatt": "kW", "megawatt": "MW", "gigawatt": "GW",
    "kilowatt hour": "kWh", "megawatt hour": "MWh", "gigawatt hour": "GWh",
    "terawatt hour": "TWh",
    "second": "s", "minute": "min", "hour": "h", "day": "d", "week": "week",
    "month": "month", "year": "year",
}


def quantities_unavailable() -> str | None:
    """Why the quantities peer cannot run here, or None when it can."""
    try:
        from quantulum3 import parser  # noqa: F401
    except ImportError as exc:
        return f"quantulum3 is not importable ({exc}); pip install -r requirements-dev.txt"
    return None


def _quantulum_parse(text: str) -> list[Any]:
    from quantulum3 import classifier, parser

    # Without its "classifier" extra quantulum3 resolves ambiguous units by rule. The extra
    # is not installed, but scikit-learn is (textacy brings it), which makes quantulum3 try
    # its shipped classifier, pickled by an older scikit-learn that cannot be read any more.
    classifier.USE_CLF = False
    return parser.parse(text)


def _unit_code(unit: Any) -> str | None:
    name = unit.name
    if name == "dimensionless" or unit.entity.name == "dimensionless" and name != "percentage":
        return None
    return QUANTULUM_UNITS.get(name.lower(), name)


def _contract_quantity(n: int, q: Any, text: str) -> dict[str, Any] | None:
    start, end = q.span
    if not (0 <= start < end <= len(text)):
        return None
    value, value_max = float(q.value), None
    if q.uncertainty:  # quantulum3 keeps "2,000–3,000" as 2500 ± 500
        value, value_max = value - q.uncertainty, value + q.uncertainty
    return {
        "id": f"N{n}", "text": text[start:end], "start": start, "end": end,
        "value": value, "unit": _unit_code(q.unit), "approximate": False, "qualifier": None,
        "value_max": value_max, "normalized": None, "about": None, "claimed_by": None,
        "same_as": None,
    }


def quantulum_quantities(text: str) -> list[dict[str, Any]]:
    """quantulum3's quantities of one text as contract dicts; none when quantulum3 fails."""
    try:
        found = _quantulum_parse(text)
        out = [_contract_quantity(n, q, text) for n, q in enumerate(found, 1)]
    except Exception:  # noqa: BLE001 - any failure of the peer is an empty answer for the text
        return []
    return [q for q in out if q is not None]


# --- times: dateparser over spaCy's DATE and TIME entities --------------------------------

TIME_LABELS = ("DATE", "TIME")
# Two far-apart anchors: a reading that differs between them depends on the anchor, so
# without a publication date it is relative and stays unresolved.
_PROBES = (datetime(2001, 1, 17, 12), datetime(2013, 8, 6, 12))


def times_unavailable() -> str | None:
    """Why the times peer cannot run here, or None when it can."""
    try:
        import dateparser  # noqa: F401
    except ImportError as exc:
        return f"dateparser is not importable ({exc}); pip install -r requirements.txt"
    return None


def _dateparse(text: str, base: datetime) -> date | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return parsed.date() if parsed else None


def _time_value(text: str, published: date | None) -> str | None:
    if published is not None:
        got = _dateparse(text, datetime(published.year, published.month, published.day))
        return got.isoformat() if got else None
    first, second = (_dateparse(text, base) for base in _PROBES)
    return first.isoformat() if first is not None and first == second else None


def dateparser_times(doc: Doc, published: date | str | None) -> list[dict[str, Any]]:
    """spaCy's DATE/TIME entities of the Doc, each resolved by dateparser against the
    publication date; none when anything fails."""
    if isinstance(published, str):
        published = date.fromisoformat(published[:10])
    try:
        out = []
        for n, ent in enumerate((e for e in doc.ents if e.label_ in TIME_LABELS), 1):
            value = _time_value(ent.text, published)
            out.append({
                "id": f"T{n}", "text": ent.text, "start": ent.start_char, "end": ent.end_char,
                "kind": "point", "value": value, "granularity": "day" if value else None,
                "resolved": value is not None,
            })
    except Exception:  # noqa: BLE001 - any failure of the peer is an empty answer for the text
        return []
    return out


# --- all peers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    """One peer: what it replaces, its label, and why it cannot run (None when it can)."""

    name: str
    kind: str
    label: str
    unavailable: Callable[[], str | None]


PEERS: tuple[Peer, ...] = (
    Peer("textacy", "quotes", PEER_LABEL, peer_unavailable),
    Peer("quantulum3", "quantities", QUANTITIES_LABEL, quantities_unavailable),
    Peer("dateparser", "times", TIMES_LABEL, times_unavailable),
)


def _answer(name: str, record: dict, doc: Doc | None) -> list[dict[str, Any]]:
    if name == "textacy":
        return textacy_quotes(doc, record["entities"])
    if name == "quantulum3":
        return quantulum_quantities(record["article"]["text"])
    return dateparser_times(doc, record["article"].get("published"))


def all_peer_records(records: dict[str, dict], *, model: str,
                     names: set[str]) -> dict[str, dict[str, dict]]:
    """For each peer named: copies of newsgraph's records with that peer's kind replaced.
    Each text is parsed once, for the peers that need a Doc."""
    pipeline = nlp.load(model) if names & {"textacy", "dateparser"} else None
    out: dict[str, dict[str, dict]] = {name: {} for name in names}
    for key, record in records.items():
        doc = pipeline(record["article"]["text"]) if pipeline is not None else None
        for peer in PEERS:
            if peer.name in names:
                copied = copy.deepcopy(record)
                copied[peer.kind] = _answer(peer.name, record, doc)
                out[peer.name][key] = copied
    return out

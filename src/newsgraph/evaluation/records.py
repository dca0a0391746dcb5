"""Record kinds without a scorer of their own yet: a multiset match on a key per kind."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.evaluation.core import Score, norm
from newsgraph.evaluation.entities import entity_name


# One key per record kind: what must agree for a predicted record to match a gold one.
def _quantity_key(r: dict, rec: dict | None = None) -> tuple:
    value = r.get("value")
    return (round(float(value), 6) if value is not None else None, r.get("unit"))


def _time_key(r: dict, rec: dict | None = None) -> tuple:
    return (norm(r["text"]), r.get("value"))


def _event_key(r: dict, rec: dict | None = None) -> tuple:
    actors = r.get("actors", [])
    if rec is not None:
        actors = [entity_name(rec, a) for a in actors]
    return (r["type"], frozenset(norm(a) for a in actors if a))


def _stance_key(r: dict, rec: dict | None = None) -> tuple:
    holder = r.get("holder")
    if rec is not None:
        holder = entity_name(rec, holder)
    return (norm(holder), r["polarity"])


KEYS: dict[str, Callable[..., tuple]] = {
    "quantities": _quantity_key, "times": _time_key,
    "events": _event_key, "stances": _stance_key,
}


def score_records(kind: str, gold: list[dict], record: dict, where: str) -> Score:
    """Multiset match of gold and predicted records of one kind on the kind's key."""
    key = KEYS[kind]
    pred = [key(r, record) for r in record.get(kind, [])]
    s = Score()
    remaining = list(pred)
    for g in gold:
        k = key(g)
        if k in remaining:
            remaining.remove(k)
            s.tp += 1
        else:
            s.fn += 1
            s.failures.append(f"{where}: missed {kind[:-1]} {k!r}")
    s.fp += len(remaining)
    s.failures.extend(f"{where}: spurious {kind[:-1]} {k!r}" for k in remaining)
    return s

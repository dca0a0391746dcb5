"""Events: matched on type and parties; meetings also on place, date and status.

Gold names its parties by entity name, a record by entity id; a gold name counts as the
predicted entity ``match_entities`` pairs with it (``paired_ids``). For the symmetric types
(CONSULT, AGREE, COOPERATE, CONCEDE) which side the text names first is arbitrary, so their
actors and targets are compared together as the participants; for the others the actors are
compared. Meetings are the CONSULT events.
"""

from __future__ import annotations

from newsgraph.evaluation.core import Rate, Score, norm
from newsgraph.evaluation.entities import entity_name, paired_ids

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE"})
EVENT_RATES = ("events.status", "events.place", "events.date")


def _parties(e: dict, to_id) -> frozenset:
    names = list(e.get("actors", []))
    if e["type"] in SYMMETRIC:
        names += e.get("targets", [])
    return frozenset(to_id(n) for n in names)


def _gold_id(expected: dict[str, str | None]):
    # An unmatched gold entity can never equal a predicted id: keep it as its own marker.
    return lambda name: expected.get(norm(name)) or f"gold:{norm(name)}"


def _describe(e: dict, record: dict | None) -> str:
    def name(x):
        return (entity_name(record, x) or x) if record is not None else x
    parties = [name(a) for a in e.get("actors", [])]
    if e.get("targets"):
        parties.append("→ " + ", ".join(name(t) for t in e["targets"]))
    trigger = e.get("trigger")
    text = trigger.get("text") if isinstance(trigger, dict) else trigger
    return (f"{e['type']} {' '.join(parties) or '(no actors)'} [{text!r}, "
            f"{e.get('status')}, place {name(e.get('place')) if e.get('place') else None}, "
            f"date {e.get('date')}]")


def _pair(gold: list[dict], pred: list[dict], gkey, pkey, agree=None
          ) -> tuple[list, list, list]:
    """Pair gold records with predictions of the same key, the pairs that ``agree`` scores
    highest first (text order on a tie), so two meetings of the same people on two days pair
    day with day, whichever order either lists them in."""
    pkeys = [pkey(p) for p in pred]
    gkeys = [gkey(g) for g in gold]
    candidates = sorted(
        ((-(agree(g, p) if agree else 0), gi, pi) for gi, g in enumerate(gold)
         for pi, p in enumerate(pred) if pkeys[pi] == gkeys[gi]))
    taken_g: dict[int, int] = {}
    taken_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in taken_g and pi not in taken_p:
            taken_g[gi] = pi
            taken_p.add(pi)
    pairs = [(g, pred[taken_g[gi]]) for gi, g in enumerate(gold) if gi in taken_g]
    missed = [g for gi, g in enumerate(gold) if gi not in taken_g]
    return pairs, missed, [p for pi, p in enumerate(pred) if pi not in taken_p]


def score_events(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    """``events`` (type + parties), ``events.type`` (type + trigger, parties aside),
    ``events.meetings`` (CONSULT with parties, place, date and status all right) and, over the
    pairs, status / place / date rates."""
    expected = paired_ids(gold.get("entities", []), record["entities"])
    to_id = _gold_id(expected)

    def gkey(g):
        return g["type"], _parties(g, to_id)

    def pkey(p):
        return p["type"], _parties(p, lambda x: x)

    def agree(g, p):
        place = to_id(g["place"]) if g.get("place") else None
        # status first: a pairing never trades a right status for a right date or place
        return (4 * (g.get("status") == p.get("status")) + 2 * (g.get("date") == p.get("date"))
                + (place == p.get("place")))

    g_all, p_all = gold.get("events", []), record.get("events", [])
    pairs, missed, spurious = _pair(g_all, p_all, gkey, pkey, agree)
    events = Score(tp=len(pairs), fn=len(missed), fp=len(spurious))
    events.failures.extend(f"{where}: missed event {_describe(g, None)}" for g in missed)
    events.failures.extend(f"{where}: spurious event {_describe(p, record)}" for p in spurious)

    rates = {name: Rate() for name in EVENT_RATES}
    for g, p in pairs:
        what = f"{where}: event {_describe(g, None)} found as {_describe(p, record)}"
        rates["events.status"].count(g.get("status") == p.get("status"), what)
        place = to_id(g["place"]) if g.get("place") else None
        rates["events.place"].count(place == p.get("place"), what)
        rates["events.date"].count(g.get("date") == p.get("date"), what)

    def gmeet(g):
        return (*gkey(g), to_id(g["place"]) if g.get("place") else None, g.get("date"),
                g.get("status"))

    def pmeet(p):
        return (*pkey(p), p.get("place"), p.get("date"), p.get("status"))

    g_m = [g for g in g_all if g["type"] == "CONSULT"]
    p_m = [p for p in p_all if p["type"] == "CONSULT"]
    m_pairs, m_missed, m_spurious = _pair(g_m, p_m, gmeet, pmeet)
    meetings = Score(tp=len(m_pairs), fn=len(m_missed), fp=len(m_spurious))
    meetings.failures.extend(f"{where}: meeting not right {_describe(g, None)}" for g in m_missed)
    meetings.failures.extend(
        f"{where}: meeting not in gold as {_describe(p, record)}" for p in m_spurious)
    return {"events": events, "events.type": _by_type(g_all, p_all, where),
            "events.meetings": meetings}, rates


def _words(text: str) -> set[str]:
    return {w.lower() for w in text.replace("-", " ").split() if len(w) > 2}


def _by_type(gold: list[dict], pred: list[dict], where: str) -> Score:
    """Detection alone: a predicted event of the gold type whose trigger or a later mention
    shares a word with the gold trigger ("talks" / "the talks in Vienna"), parties aside."""
    remaining = list(pred)
    s = Score()
    for g in gold:
        want = _words(g.get("trigger") or "")
        found = next((p for p in remaining if p["type"] == g["type"] and want & set().union(
            *(_words(m["text"]) for m in [p["trigger"], *p.get("mentions", [])]))), None)
        if found is None:
            s.fn += 1
            continue
        remaining.remove(found)
        s.tp += 1
    s.fp = len(remaining)
    return s

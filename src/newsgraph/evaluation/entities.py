"""Entities: matched by type and any shared name or alias; roles of matched persons."""

from __future__ import annotations

from typing import Any

from newsgraph.evaluation.core import Score, norm

ENTITY_SCORED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
POSSESSIVE_DETERMINERS = ("her ", "his ", "its ", "their ")


def norm_role(text: str) -> str:
    t = norm(text)
    for det in POSSESSIVE_DETERMINERS:
        if t.startswith(det):
            return t[len(det):]
    return t


def _names(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("aliases", []))}


def match_entities(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each gold entity with at most one prediction of its type sharing a name or alias."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        gnames = _names(g)
        found = None
        for i, p in enumerate(pred):
            if i in used or p["type"] != g["type"]:
                continue
            if gnames & _names(p):
                found = p
                used.add(i)
                break
        pairs.append((g, found))
    return pairs


def score_entities(gold: list[dict], pred: list[dict], where: str) -> dict[str, Score]:
    scores = {t: Score() for t in ENTITY_SCORED_TYPES}
    scores["roles"] = Score()
    pairs = match_entities(gold, pred)
    matched_ids = {id(p) for _, p in pairs if p is not None}
    for g, p in pairs:
        s = scores.setdefault(g["type"], Score())
        if p is None:
            s.fn += 1
            s.failures.append(f"{where}: missed {g['type']} {g['name']!r}")
            if g["type"] == "PERSON":
                scores["roles"].fn += len(g.get("roles", []))
            continue
        s.tp += 1
        if g["type"] == "PERSON":
            _score_roles(g, p, scores["roles"], where)
    for p in pred:
        if id(p) not in matched_ids:
            s = scores.setdefault(p["type"], Score())
            s.fp += 1
            s.failures.append(f"{where}: spurious {p['type']} {p['name']!r}")
    return scores


def _score_roles(g: dict, p: dict, s: Score, where: str) -> None:
    predicted = {norm_role(r) for r in p.get("roles", [])}
    gold_roles = {norm_role(r) for r in g.get("roles", [])}
    for role in g.get("roles", []):
        if norm_role(role) in predicted:
            s.tp += 1
        else:
            s.fn += 1
            s.failures.append(f"{where}: {g['name']!r} missing role {role!r}")
    for role in p.get("roles", []):
        if norm_role(role) not in gold_roles:
            s.fp += 1
            s.failures.append(f"{where}: {g['name']!r} spurious role {role!r}")


def entity_name(record: dict, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    for e in record["entities"]:
        if e["id"] == entity_id:
            return e["name"]
    return None


def paired_ids(gold_entities: list[dict], pred_entities: list[dict]) -> dict[str, str | None]:
    """Normalised gold entity name → id of the predicted entity paired with it, if any: how a
    gold speaker or source (a name) is compared with a predicted one (an id)."""
    return {norm(g["name"]): (p["id"] if p else None)
            for g, p in match_entities(gold_entities, pred_entities)}

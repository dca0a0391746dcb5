"""Quantities: value F1, value+unit F1, and rates for ``about``, ``claimed_by``, ``approximate``.

Gold and predicted quantities are paired one-to-one: first those whose values and units
agree, then those whose values agree, each gold taking the free prediction whose text is
nearest to its own (same text, then the closest position in the gold's order of appearance
is approximated by the order of the lists). Values agree within a relative tolerance of
1e-6, and so must ``value_max`` when either side has one.

``about`` is right when the head of either phrase (the last word before its first preposition,
relative word or participle, singular, lower case: "share of the region" → share) is one of the
words of the other, or when rapidfuzz's token_set_ratio of the two is at least 80.
``claimed_by`` is right when both are null, or when ours is the predicted entity that
``match_entities`` pairs with the gold entity named.
"""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from newsgraph.evaluation.core import Rate, Score, norm
from newsgraph.evaluation.entities import entity_name, paired_ids

KIND = "quantities"
RATES = ("quantities.about", "quantities.claimed_by", "quantities.approximate")
REL_TOL = 1e-6
ABOUT_RATIO = 80


def _close(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def values_agree(g: dict, p: dict) -> bool:
    """Same value, and the same upper bound when either is a range."""
    return _close(g.get("value"), p.get("value")) and _close(g.get("value_max"),
                                                             p.get("value_max"))


def _text_distance(g: dict, p: dict) -> tuple[int, int]:
    same = norm(g.get("text")) == norm(p.get("text"))
    return (0 if same else 1, 0)


def pair_quantities(gold: list[dict], pred: list[dict]) -> tuple[
        list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs, missed gold, spurious predictions: value+unit first, then value alone."""
    used: set[int] = set()
    paired: dict[int, int] = {}
    for need_unit in (True, False):
        for gi, g in enumerate(gold):
            if gi in paired:
                continue
            options = [
                pi for pi, p in enumerate(pred)
                if pi not in used and values_agree(g, p)
                and (not need_unit or g.get("unit") == p.get("unit"))
            ]
            if not options:
                continue
            best = min(options, key=lambda pi: (_text_distance(g, pred[pi]), pi))
            used.add(best)
            paired[gi] = best
    pairs = [(gold[gi], pred[pi]) for gi, pi in sorted(paired.items())]
    missed = [g for gi, g in enumerate(gold) if gi not in paired]
    spurious = [p for pi, p in enumerate(pred) if pi not in used]
    return pairs, missed, spurious


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _words(text: str) -> set[str]:
    return {_singular(w) for w in re.findall(r"[\w-]+", norm(text))}


# Words that end the head segment of a phrase ("share | of the region", "people | crossing").
_BREAKS = frozenset("""
of in for to from by on at with under over that who which whose as among outside inside
per across into since during after before between than
""".split())


def head_word(phrase: str) -> str | None:
    """The head of a short noun phrase: the last word before its first preposition, relative
    word or participle ("share of the region" → share, "people crossing into X" → people)."""
    words = re.findall(r"[\w-]+", norm(phrase).replace("'s ", " "))
    head = None
    for n, w in enumerate(words):
        if w in _BREAKS or n > 0 and w.endswith(("ing", "ed")) and head is not None:
            break
        head = w
    return _singular(head) if head else None


def about_matches(gold: str | None, pred: str | None) -> bool:
    """Our ``about`` names the thing gold describes: the head of either phrase is a word of
    the other, or rapidfuzz's token_set_ratio of the two is at least 80."""
    if not gold or not pred:
        return False
    if head_word(pred) in _words(gold) or head_word(gold) in _words(pred):
        return True
    return fuzz.token_set_ratio(norm(gold), norm(pred)) >= ABOUT_RATIO


def _describe(q: dict) -> str:
    rng = f"–{q['value_max']}" if q.get("value_max") is not None else ""
    return f"{q.get('text')!r} ({q.get('value')}{rng} {q.get('unit')})"


def score_quantities(
    gold: dict, record: dict, where: str
) -> tuple[dict[str, Score], dict[str, Rate]]:
    """Score lines (``quantities``: value, ``quantities.unit``: value+unit) and rates."""
    g_list, p_list = gold.get(KIND, []), record.get(KIND, [])
    pairs, missed, spurious = pair_quantities(g_list, p_list)
    value = Score(tp=len(pairs), fp=len(spurious), fn=len(missed))
    value.failures.extend(f"{where}: missed quantity {_describe(g)}" for g in missed)
    value.failures.extend(f"{where}: spurious quantity {_describe(p)}" for p in spurious)
    unit_pairs = [(g, p) for g, p in pairs if g.get("unit") == p.get("unit")]
    unit = Score(tp=len(unit_pairs), fp=len(p_list) - len(unit_pairs),
                 fn=len(g_list) - len(unit_pairs))
    unit.failures.extend(
        f"{where}: unit of {_describe(g)}: predicted {p.get('unit')}"
        for g, p in pairs if g.get("unit") != p.get("unit")
    )
    rates = {name: Rate() for name in RATES}
    expected = paired_ids(gold.get("entities", []), record.get("entities", []))
    for g, p in pairs:
        if g.get("about"):
            rates["quantities.about"].count(
                about_matches(g["about"], p.get("about")),
                f"{where}: about of {_describe(g)}: gold {g['about']!r}, "
                f"predicted {p.get('about')!r}",
            )
        gold_claim, got = g.get("claimed_by"), p.get("claimed_by")
        right = got is None if gold_claim is None else (
            got is not None and got == expected.get(norm(gold_claim))
        )
        rates["quantities.claimed_by"].count(
            right,
            f"{where}: claimed_by of {_describe(g)}: gold {gold_claim or 'none'}, "
            f"predicted {entity_name(record, got) or got or 'none'}",
        )
        rates["quantities.approximate"].count(
            bool(g.get("approximate")) == bool(p.get("approximate")),
            f"{where}: approximate of {_describe(g)}: gold {bool(g.get('approximate'))}, "
            f"predicted {bool(p.get('approximate'))}",
        )
    return {KIND: value, f"{KIND}.unit": unit}, rates

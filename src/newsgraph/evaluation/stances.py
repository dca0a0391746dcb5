"""Stances: matched on holder, polarity and issue; the issue by its content words.

An issue is a short phrase the annotator and the extractor word independently ("the
solidarity levy" / "the levy"), so issues match when, after case, determiners, possessive
"'s" and hyphens are set aside, one phrase's content words include the other's, or they
share at least half of the shorter phrase's content words. ``stances.wrong_polarity`` counts emitted
stances whose holder and issue match a gold stance of the opposite polarity.
"""

from __future__ import annotations

import re

from newsgraph.evaluation.core import Rate, Score, norm
from newsgraph.evaluation.entities import entity_name, paired_ids

FUNCTION_WORDS = frozenset("""
a an the any its their his her our this that these those such of to for on in at by with
and or from further new all
""".split())


def content_words(issue: str) -> frozenset[str]:
    words = re.findall(r"[^\W_]+", norm(issue).replace("’s", "").replace("'s", ""))
    return frozenset(w for w in words if w not in FUNCTION_WORDS)


def same_issue(a: str, b: str) -> bool:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    shorter = min(len(wa), len(wb))
    return wa <= wb or wb <= wa or len(wa & wb) * 2 >= max(shorter, 2)


def score_stances(gold: dict, record: dict, where: str) -> tuple[dict[str, Score], dict[str, Rate]]:
    expected = paired_ids(gold.get("entities", []), record["entities"])
    remaining = list(record.get("stances", []))
    s = Score()
    wrong = Rate(den=len(remaining))

    def holder(p: dict) -> str:
        return entity_name(record, p["holder"]) or p["holder"]

    for g in gold.get("stances", []):
        want = expected.get(norm(g["holder"]))
        found = next((p for p in remaining if p["holder"] == want and p["polarity"] ==
                      g["polarity"] and same_issue(g["issue"], p["issue"])), None)
        if found is None:
            s.fn += 1
            s.failures.append(f"{where}: missed stance {g['holder']} {g['polarity']} "
                              f"{g['issue']!r} [{g.get('evidence')!r}]")
            continue
        remaining.remove(found)
        s.tp += 1
    for p in remaining:
        s.fp += 1
        s.failures.append(f"{where}: spurious stance {holder(p)} {p['polarity']} {p['issue']!r} "
                          f"[{p['evidence']['text']!r}]")
        flipped = any(expected.get(norm(g["holder"])) == p["holder"] and g["polarity"] !=
                      p["polarity"] and same_issue(g["issue"], p["issue"])
                      for g in gold.get("stances", []))
        if flipped:
            wrong.num += 1
            wrong.failures.append(f"{where}: wrong polarity {holder(p)} {p['polarity']} "
                                  f"{p['issue']!r}")
    return {"stances": s}, {"stances.wrong_polarity": wrong}

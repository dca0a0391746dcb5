"""Entity scores of a bare spaCy pass on the gold sets, beside which newsgraph's are read.

The peer is what "spaCy plus glue code" gives without the glue: the model's entities of the
eight contract types, one entity per distinct surface form and label, no roles. It runs on
the same clean text newsgraph extracts from, and is scored by the same scorer.

    .venv/bin/python benchmarks/peer_entities.py [GOLD_DIR ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy

from newsgraph.evaluation import evaluate, extract_gold, load_gold
from newsgraph.model import ENTITY_TYPES
from newsgraph.nlp import DEFAULT_MODEL

LINES = ("entities.PERSON", "entities.ORG", "entities.GPE", "entities", "entities.roles")


def peer_entities(doc) -> list[dict]:
    found: dict[tuple[str, str], dict] = {}
    for e in doc.ents:
        if e.label_ in ENTITY_TYPES:
            found.setdefault((e.text, e.label_), {
                "id": f"E{len(found) + 1}", "type": e.label_, "name": e.text, "aliases": [],
                "roles": [], "role_mentions": [], "mentions": [],
            })
    return list(found.values())


def main(dirs: list[str]) -> None:
    bare = spacy.load(DEFAULT_MODEL)
    print(f"{'gold set':<20}{'system':<12}" + "".join(f"{line:>18}" for line in LINES))
    for d in dirs:
        gold = load_gold(Path(d))
        ours = extract_gold(gold, model=DEFAULT_MODEL)
        peer = {name: {**r, "entities": peer_entities(bare(r["article"]["text"]))}
                for name, r in ours.items()}
        for system, records in (("spaCy", peer), ("newsgraph", ours)):
            report = evaluate(gold, records)
            print(f"{d:<20}{system:<12}" + "".join(
                f"{report.scores[line].f1:>18.3f}" for line in LINES))


if __name__ == "__main__":
    main(sys.argv[1:] or ["examples", "examples/heldout"])

"""Run newsgraph's quantity extractor over the NewsQuant test set and print its scorer's table.

usage: python benchmarks/newsquant.py [--bench DIR] [--out DIR] [--model NAME]

The sentences are read at run time from ``../shared/benchmarks/newsquant/gold.jsonl``
(relative to the repository root); nothing of the set is copied into the repository. One
``<id>.json`` per sentence is written to ``--out`` (a temporary folder by default), holding
``{"quantities": [{"value": number or [low, high], "unit": code, ...}]}``, and the shared
scorer ``score_newsquant.py`` is run over that folder. Our unit codes go out as they are:
the scorer's canonicaliser already maps them (``%`` → percentage, ``USD`` → dollar, ``km2`` →
square kilometre, ``t`` → metric ton, ``h`` → hour, a counted noun → itself).

Each sentence is parsed as it stands (no article cleaning: the sentences have no headline
or page furniture, and the language filter is meant for whole articles).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "benchmarks"


def newsquant_unit(q) -> str | None:
    """Our unit in NewsQuant's vocabulary. Measures, money and shares go as they are (the
    scorer maps the codes). A count is different: NewsQuant's unit of a count is the counted
    noun with its modifiers ("heart transplant", "european country", "worker"), where ours is
    the bare noun or ``people``; our ``about`` of a count is that noun phrase."""
    from newsgraph.extract.units import CURRENCIES, UNIT_WORDS

    measures = set(UNIT_WORDS.values()) | CURRENCIES | {"%", "pp"}
    if q.unit is None or q.unit in measures or "/" in q.unit:
        return q.unit
    if q.about and len(q.about.split()) <= 4 and q.about.split()[-1].lower().startswith(
        q.unit.split()[-1][:3]
    ) or q.unit == "people" and q.about and len(q.about.split()) <= 4:
        return q.about
    return q.unit


def quantity_json(q) -> dict:
    """One quantity as the NewsQuant scorer reads it."""
    value = [q.value, q.value_max] if q.value_max is not None else q.value
    return {"value": value, "unit": newsquant_unit(q), "code": q.unit, "text": q.text,
            "start": q.start, "end": q.end, "approximate": q.approximate, "about": q.about}


# "from 252 miles to 287 miles", "by $43.6 billion to $419.2 billion": NewsQuant writes a
# change as one range, we as two figures.
CHANGE = re.compile(r"\s+to\s+$")


def merge_changes(text: str, quantities) -> list[dict]:
    """Our quantities as NewsQuant items, a change from one figure to another as a range."""
    out: list[dict] = []
    previous = None
    for q in quantities:
        item = quantity_json(q)
        if previous is not None and previous.value_max is None and q.value_max is None and (
            previous.unit == q.unit and CHANGE.match(text[previous.end : q.start])
            and re.search(r"(?:from|by)\s+\S*$", text[max(0, previous.start - 8) : previous.start])
        ):
            out[-1]["value"] = [previous.value, q.value]
            previous = None
            continue
        out.append(item)
        previous = q
    return out


def run(bench: Path, out: Path, model: str) -> int:
    from newsgraph import nlp
    from newsgraph.extract import extract_entities, extract_quantities

    gold = bench / "newsquant" / "gold.jsonl"
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    language = nlp.load(model)
    out.mkdir(parents=True, exist_ok=True)
    for item, doc in zip(docs, language.pipe(d["text"] for d in docs), strict=True):
        quantities = extract_quantities(doc, extract_entities(doc))
        record = {"id": item["id"], "quantities": merge_changes(doc.text, quantities)}
        (out / f"{item['id']}.json").write_text(json.dumps(record), encoding="utf-8")
    print(f"newsquant: {len(docs)} sentences -> {out}")
    scorer = bench / "score_newsquant.py"
    return subprocess.call([sys.executable, str(scorer), str(out)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=BENCH, help="the shared benchmarks folder")
    ap.add_argument("--out", type=Path, help="where the <id>.json files go (default: temp)")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: newsgraph's)")
    args = ap.parse_args()
    if not (args.bench / "newsquant" / "gold.jsonl").is_file():
        print(f"no NewsQuant set under {args.bench}", file=sys.stderr)
        return 2
    from newsgraph import nlp

    model = args.model or nlp.DEFAULT_MODEL
    if args.out is not None:
        return run(args.bench, args.out, model)
    with tempfile.TemporaryDirectory(prefix="newsquant-") as tmp:
        return run(args.bench, Path(tmp), model)


if __name__ == "__main__":
    sys.exit(main())

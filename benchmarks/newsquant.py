"""Run newsgraph's quantity extractor over the NewsQuant test set and print its scorer's table.

usage: python benchmarks/newsquant.py [--bench DIR] [--out DIR] [--model NAME]

The sentences are read at run time from ``../shared/benchmarks/newsquant/gold.jsonl``
(relative to the repository root); nothing of the set is copied into the repository. One
``<id>.json`` per sentence is written to ``--out`` (a temporary folder by default), holding
``{"quantities": [{"value": number or [low, high], "unit": code, ...}]}``, and the shared
scorer ``score_newsquant.py`` is run over that folder. Our unit codes go out as they are:
the scorer's canonicaliser already maps them (``%`` → percentage, ``USD`` → dollar, ``km2`` →
square kilometre, ``t`` → metric ton, ``h`` → hour, ``bbl/d`` → barrel of oil per day).

Where NewsQuant's conventions differ from our record, this adapter maps (docs/quantities.md,
"NewsQuant"): a count's unit is its counted noun phrase; a change "from X to Y" is one range
(also with its ends apart in one clause, or the end without a unit); an age is "year of age";
the sentence's duration times (ours: ``times`` records) are added as quantities; a vague
plural ("thousands") is a range over its order of magnitude; a fraction of a whole is a
fraction of one with unit "% <what>"; pence are "point", multiples dimensionless, "tons"
"ton". The extractor itself is not told it runs on NewsQuant.

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


# Words of a counted noun phrase NewsQuant leaves out of a count's unit.
DROP_WORDS = frozenset({"and", "or", "of", "the", "a", "an", "'s", "’s", "'", "’"})


def _count_unit(q, sent, head=True) -> str | None:
    """A count's unit the NewsQuant way: the words of its counted noun phrase (our
    ``about``) up to the counted noun, which goes in our singular (``unit``), lower case,
    adjectives in their base form ("smaller tenancies" → "small tenancy"), possessive marks,
    "and" and participles ("300 recorded songs" → song) left out. None when there is none."""
    if not q.about or len(q.about.split()) > 8:
        return None
    by_text = {}
    for t in sent:
        by_text.setdefault(t.text, t)
    words = q.about.split()
    stem = q.unit.split()[-1][:3].lower()
    heads = [i for i, w in enumerate(words) if w.lower().startswith(stem)]
    if heads:
        words = words[: heads[-1] + 1]
    elif q.unit != "people" and head:
        return None
    elif "of" in words:
        words = words[: words.index("of")]
    out = []
    for n, w in enumerate(words):
        t = by_text.get(w)
        if w.lower() in DROP_WORDS or re.match(r"\d+[a-zA-Z]", w) or t is not None and (
            t.tag_ in ("VBN", "VBG") and "-" not in w or t.pos_ in ("DET", "PART", "CCONJ")
        ):
            continue
        if heads and n == len(words) - 1:
            out.append(q.unit.split()[-1])
            continue
        w = re.sub(r"['’]s?$", "", w)
        out.append(t.lemma_.lower() if t is not None and t.tag_ in ("JJR", "JJS") else w.lower())
    return " ".join(out) or None


# Our codes NewsQuant names otherwise: pence ("164p") are "point" in its gold, a multiple
# ("6.5 times earnings", "sixfold") is dimensionless, an age ("years old") is "year of age".
NEWSQUANT_CODES = {"GBX": "point", "times": "-", "years old": "year of age",
                   "months old": "month of age", "weeks old": "week of age",
                   "days old": "day of age"}


def newsquant_unit(q, sent=None) -> str | None:
    """Our unit in NewsQuant's vocabulary. Measures, money and shares go as they are (the
    scorer maps the codes). A count is different: NewsQuant's unit of a count is the counted
    noun with its modifiers ("heart transplant", "european country", "worker"), where ours is
    the bare noun or ``people``; our ``about`` of a count is that noun phrase."""
    from newsgraph.extract.units import CURRENCIES, UNIT_WORDS

    measures = set(UNIT_WORDS.values()) | CURRENCIES | {"%", "pp"}
    if q.unit in NEWSQUANT_CODES:
        return NEWSQUANT_CODES[q.unit]
    if q.unit == "t" and re.search(r"\btons\b|\bton\b", q.text, re.IGNORECASE):
        return "ton"  # NewsQuant keeps "tons" apart from "tonnes" (metric ton)
    if q.unit == "lb-ft" and re.search(r"lb-ft", q.text, re.IGNORECASE):
        return "foot pound-force"  # "586 lb-ft"; "275 pound-feet" is its "pound-foot"
    if q.unit is None or q.unit in measures or "/" in q.unit:
        return q.unit
    phrase = _count_unit(q, sent) if sent is not None else None
    if phrase is not None:
        return phrase
    if q.about and len(q.about.split()) <= 4 and q.about.split()[-1].lower().startswith(
        q.unit.split()[-1][:3]
    ) or q.unit == "people" and q.about and len(q.about.split()) <= 4:
        return q.about
    return q.unit


# NewsQuant writes a vague plural as the span of its order of magnitude ("thousands" →
# 1,000–10,000, "dozens" → 12–120); our record keeps the lower bound, flagged approximate.
VAGUE = re.compile(r"(?:tens of |hundreds of )?(?:dozens|hundreds|thousands|millions|billions)$",
                   re.IGNORECASE)
# NewsQuant writes a fraction of a whole as a fraction of one with the unit "% <what>"
# ("a third of Germans" → 0.333, "% german"); our record says 33.3 with unit "%".
FRACTION_WORDS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                  "fifth": 5, "fifths": 5, "tenth": 10}
NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _fraction_of_one(text: str) -> float | None:
    words = re.split(r"[\s\-‑]+", text.lower())
    if not words or words[-1] not in FRACTION_WORDS:
        return None
    top = NUMERATORS.get(words[0], 1) if len(words) > 1 else 1
    return top / FRACTION_WORDS[words[-1]]


def quantity_json(q, sent=None) -> dict:
    """One quantity as the NewsQuant scorer reads it."""
    value = [q.value, q.value_max] if q.value_max is not None else q.value
    unit = newsquant_unit(q, sent)
    if q.value_max is None and q.approximate and VAGUE.match(q.text):
        value = [q.value, q.value * 10]
    fraction = _fraction_of_one(q.text) if q.unit == "%" and not q.text[:1].isdigit() else None
    if fraction is not None:
        value = fraction
        about = q.about and _count_unit(q, sent, head=False) if sent is not None else q.about
        unit = "% " + (about or "-")
    return {"value": value, "unit": unit, "code": q.unit, "text": q.text,
            "start": q.start, "end": q.end, "approximate": q.approximate, "about": q.about}


# "from 252 miles to 287 miles": NewsQuant writes a change from one figure to another as one
# range, we as two figures ("by $43.6 billion to $419.2 billion" stays two in both); "from
# $500,000 to $1 million a year" takes the rate of its end. The ends may stand apart ("from
# $36,040 at 10pm to $34,935", "from 20 mpg in 2008 to 29 mpg") within one clause, and the end may
# leave the unit out ("from 21 mpg to 23"). "rose to 7.4 from 6.8" stays two, as in NewsQuant.
CHANGE = re.compile(r"(?:\s+[^,;:()\d][^,;:()]{0,30}?)?\s+(?:up\s+)?to\s+$")
CHANGE_FROM = re.compile(r"from\s+(?:up to\s+)?\S*$")


def _same_unit(first, second) -> bool:
    """Both ends in one unit, or the end without one ("from 21 mpg to 23", "from 240 to
    273")."""
    return second.unit is None or (second.unit or "").split("/")[0] == first.unit


def _change(text: str, previous, q) -> list | None:
    """[start, end] of a change written across two of our figures, else None."""
    if previous is None or previous.value_max is not None or q.value_max is not None or (
        not _same_unit(previous, q)
    ):
        return None
    gap = text[previous.end : q.start]
    before = text[max(0, previous.start - 14) : previous.start]
    if CHANGE.fullmatch(gap) and CHANGE_FROM.search(before):
        return [previous.value, q.value]
    return None


def merge_changes(text: str, quantities, doc=None) -> list[dict]:
    """Our quantities as NewsQuant items, a change from one figure to another as a range."""
    out: list[dict] = []
    previous = None
    for q in quantities:
        sent = doc.char_span(q.start, q.end, alignment_mode="expand") if doc is not None else None
        item = quantity_json(q, sent[0].sent if sent is not None and len(sent) else None)
        change = _change(text, previous, q)
        if change is not None:
            out[-1]["value"] = change
            if q.unit is not None:
                out[-1]["unit"] = item["unit"]
            previous = None
            continue
        out.append(item)
        previous = q
    return out


# Durations: ours are times (kind "duration", ISO 8601 value) unless they measure something
# ("a six-hour session"); NewsQuant counts every stated duration as a quantity ("in 15
# years", "six minutes later"), so the time records are added here.
ISO = re.compile(r"^P(?:(?P<n>\d+(?:\.\d+)?)(?P<d>[YMWD])|T(?P<tn>\d+(?:\.\d+)?)(?P<td>[HMS]))$")
ISO_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "TM": "minute",
             "S": "second"}
RANGE_START = re.compile(r"(?P<n>\w+)\s+(?:to|or)\s+$|(?P<d>\d+(?:\.\d+)?)\s*[-–]\s*$")


def durations(text: str, times, quantities) -> list[dict]:
    """The duration times of a sentence as NewsQuant items, those our quantities hold left
    out; a spelt-out amount only ("a year earlier" is not counted), "one to two years" as a
    range."""
    from newsgraph.extract.numbers import parse_number

    taken = [(q.start, q.end) for q in quantities]
    out = []
    for t in times:
        m = ISO.match(t.value or "") if t.kind == "duration" else None
        if m is None or any(s < t.end and t.start < e for s, e in taken):
            continue
        if re.match(r"an?\b", t.text, re.IGNORECASE):
            continue
        n = float(m["n"] or m["tn"])
        unit = ISO_UNITS[m["d"]] if m["d"] else ISO_UNITS["TM" if m["td"] == "M" else m["td"]]
        if "decade" in t.text.lower() or "centur" in t.text.lower():
            continue
        value: float | list[float] = n
        low = RANGE_START.search(text[max(0, t.start - 14) : t.start])
        if low is not None:
            first = parse_number(low["n"] or low["d"])
            if first is not None and first < n:
                value = [first, n]
        out.append({"value": value, "unit": unit, "code": None, "text": t.text,
                    "start": t.start, "end": t.end, "time": t.value})
    return out


def run(bench: Path, out: Path, model: str) -> int:
    from newsgraph import nlp
    from newsgraph.extract import extract_entities, extract_quantities
    from newsgraph.extract.times import extract_times

    gold = bench / "newsquant" / "gold.jsonl"
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    language = nlp.load(model)
    out.mkdir(parents=True, exist_ok=True)
    for item, doc in zip(docs, language.pipe(d["text"] for d in docs), strict=True):
        quantities = extract_quantities(doc, extract_entities(doc))
        items = merge_changes(doc.text, quantities, doc)
        items += durations(doc.text, extract_times(doc), quantities)
        record = {"id": item["id"], "quantities": items}
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

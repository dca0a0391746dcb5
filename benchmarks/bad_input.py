"""Issue 8's bad input at full size: a 200 MB JSONL feed, a folder of 50,000 small files and
one 20 MB article among them, ingested in one run; every input must be accounted for (stored,
already stored, or rejected with its reason) and memory must stay flat.

Most inputs repeat a few hundred distinct articles (varied copies of the team's originals,
benchmarks/corpus.py), so the run measures streaming (reading, cleaning, the skip check, the
rejects) rather than hours of parsing; the distinct ones are parsed and stored as usual. Some
feed lines are broken JSON, some files are page furniture with no article, one file is 20 MB.

    .venv/bin/python benchmarks/bad_input.py [--feed-mb 200] [--files 50000] [--distinct 300]

Runs ``newsgraph ingest --workers 1`` on the lot and prints the summary line, the time, the
peak RSS and the accounting. A benchmark, not a test: its small twin is in
tests/test_store_ingest.py.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import originals, variant

NEWSGRAPH = Path(sys.executable).with_name("newsgraph")


def build(folder: Path, feed_mb: int, files: int, distinct: int) -> dict[str, int]:
    """The inputs; returns how many of each kind were written."""
    rng = random.Random(8)
    texts = originals()
    pool = [variant(texts[i % len(texts)], seed=i) for i in range(distinct)]
    made = {"feed lines": 0, "broken lines": 0, "files": 0, "furniture files": 0}
    folder.mkdir(parents=True)
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as feed:
        written = 0
        while written < feed_mb * 1_000_000:
            if rng.random() < 0.002:
                line = '{"text": "a line cut short'
                made["broken lines"] += 1
            else:
                line = json.dumps({"text": rng.choice(pool[: distinct // 2]),
                                   "published": "2026-03-11"}, ensure_ascii=False)
            feed.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            made["feed lines"] += 1
    small = folder / "small"
    for i in range(files):
        sub = small / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        if rng.random() < 0.01:
            (sub / f"{i:06d}.txt").write_text("Advertisement\n\nPost a Comment\n\n12 comments\n")
            made["furniture files"] += 1
        else:
            (sub / f"{i:06d}.txt").write_text(rng.choice(pool[distinct // 2 :]), encoding="utf-8")
        made["files"] += 1
    (small / "huge.txt").write_text("The minister said the talks would go on. " * 500_000)
    made["files"] += 1
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feed-mb", type=int, default=200)
    parser.add_argument("--files", type=int, default=50_000)
    parser.add_argument("--distinct", type=int, default=300)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bad-input-"))
    try:
        made = build(tmp / "in", args.feed_mb, args.files, args.distinct)
        inputs = made["feed lines"] + made["files"]
        feed_size = (tmp / "in" / "feed.jsonl").stat().st_size
        print(f"inputs: {made}, feed {feed_size / 1e6:.0f} MB, {inputs:,} in all", flush=True)
        db = tmp / "kb.db"
        began = time.perf_counter()
        run = subprocess.run([str(NEWSGRAPH), "ingest", str(tmp / "in"), "--db", str(db),
                              "--workers", "1"], capture_output=True, text=True)
        took = time.perf_counter() - began
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        summary = run.stdout.strip().splitlines()[-1]
        print(summary)
        counted = [int(n) for n in re.findall(r"(?:stored|skipped|rejected) (\d+)", summary)]
        reasons: dict[str, int] = {}
        with sqlite3.connect(db) as conn:
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            for (reason,) in conn.execute("SELECT reason FROM rejects"):
                key = reason.split(":")[0]
                reasons[key] = reasons.get(key, 0) + 1
            huge = conn.execute("SELECT reason FROM rejects WHERE source LIKE '%huge.txt'"
                                ).fetchall()
        stderr_lines = len(run.stderr.splitlines())
        print(f"exit {run.returncode}; {took:.0f} s; peak RSS {peak:.0f} MB; "
              f"stored {stored}; rejects by reason {reasons}; {stderr_lines} stderr lines")
        print(f"huge.txt: {huge}")
        print(f"accounted for: {sum(counted):,} of {inputs:,} inputs "
              f"({'all' if sum(counted) == inputs else 'NOT ALL'})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

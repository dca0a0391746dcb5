"""A benchmark corpus of N articles made from the team's originals in examples/articles.

Each copy varies the names, places and numbers of its original (a seeded substitution of
capitalised words and of every figure), so no two articles share a clean text: nothing is
skipped as already stored, and no cache in spaCy or newsgraph sees the same text twice.

    .venv/bin/python benchmarks/corpus.py OUT_DIR --n 1000
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORIGINALS = ROOT / "examples" / "articles"

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}\b")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*\b")
# Capitalised words that are not names: left alone so the prose stays prose.
_KEEP = frozenset("""The This That These Those There Their They When Where What While With From
After Before During Since Until About Officials Published Updated Minister Ministry President
Prime Foreign Secretary Government Council Committee Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April June July August September October November
December Advertisement Share Read More Related Asked Pressed Some Many Most Both Each Also
But And However Meanwhile Earlier Later Last Next First Second Third""".split())
_SYLLABLES = ("ka lo ven mar sel tor bri an da rin vel os tam ner lis gor hal ve mon tra sa "
              "dun fel ko ra ste ul").split()


def originals() -> list[str]:
    """The texts of the examples' .txt articles (HTML pages are left to the reader tests)."""
    return [p.read_text(encoding="utf-8") for p in sorted(ORIGINALS.glob("*.txt"))]


def variant(text: str, seed: int) -> str:
    """The same article with about a third of its names and places renamed and every figure
    changed, consistently within the article."""
    rng = random.Random(seed)
    names = sorted({w for w in _CAPITALISED.findall(text) if w not in _KEEP})
    renamed = {w: _name(rng) for w in names if rng.random() < 0.35}
    if renamed:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, renamed)) + r")\b")
        text = pattern.sub(lambda m: renamed[m.group(1)], text)
    return _NUMBER.sub(lambda m: _figure(m.group(0), rng), text)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _figure(number: str, rng: random.Random) -> str:
    value = int(number.replace(",", ""))
    if 1900 <= value <= 2100:  # a year stays a plausible year
        return str(value + rng.randint(-3, 3))
    changed = max(1, round(value * rng.uniform(0.5, 1.5)))
    return f"{changed:,}" if "," in number else str(changed)


def build(folder: Path, n: int, *, seed: int = 8) -> list[Path]:
    """Write n articles as .txt files into folder (created); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = originals()
    paths = []
    for i in range(n):
        path = folder / f"{i:06d}.txt"
        path.write_text(variant(texts[i % len(texts)], seed * 1_000_003 + i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    build(args.out, args.n, seed=args.seed)
    print(f"{args.n} articles in {args.out}")


if __name__ == "__main__":
    main()

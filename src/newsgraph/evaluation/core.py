"""What every scorer shares: counts, rates, the gold files, the report, the floors."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import GoldError, InputRejected

RATE_BOUNDS = ("min", "max")
PENDING = "pending"  # floors file key: the targets, not enforced yet


@dataclass(frozen=True)
class GoldArticle:
    name: str
    path: Path
    published: date | None
    data: dict[str, Any]


@dataclass
class Score:
    """Counts for one line of the table; precision and recall derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.failures.extend(other.failures)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn,
        }


@dataclass
class Rate:
    """A share of cases (e.g. detected quotes attributed right), kept as counts so that
    articles add up; ``failures`` lists the cases that count against it."""

    num: int = 0
    den: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.num / self.den if self.den else 0.0

    def add(self, other: Rate) -> None:
        self.num += other.num
        self.den += other.den
        self.failures.extend(other.failures)

    def count(self, hit: bool, failure: str, *, bad_when_true: bool = False) -> None:
        """Add one case; the failure is kept when the case counts against the rate (a miss,
        or for a rate that should stay low, a hit)."""
        self.den += 1
        self.num += hit
        if hit == bad_when_true:
            self.failures.append(failure)

    def as_dict(self) -> dict[str, float | int]:
        return {"num": self.num, "den": self.den, "value": round(self.value, 4)}


def norm(text: str | None) -> str:
    """Case, quotes, dashes, a leading "the" and possessive "'s" ignored."""
    if text is None:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = t.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    t = re.sub(r"\s+", " ", t).strip().lower()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"'s$", "", t)
    return t.strip(" .,;:")


_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "‹": "'", "›": "'"})


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def text_key(text: str | None) -> str:
    """Gold keeps the punctuation inside quote marks (“We are ready,”) and a prediction may
    not, so marks, whitespace and case are normalised and punctuation at both ends dropped."""
    t = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").translate(_MARKS)).lower()
    start, end = 0, len(t)
    while start < end and _is_edge(t[start]):
        start += 1
    while end > start and _is_edge(t[end - 1]):
        end -= 1
    return t[start:end]


def pair_by_text(
    gold: list[dict], pred: list[dict]
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair gold and predicted records one-to-one on ``text_key``, in order (quotes, times).

    Returns the pairs, the missed gold quotes and the spurious predictions.
    """
    free: dict[str, list[int]] = {}
    for i, p in enumerate(pred):
        free.setdefault(text_key(p.get("text")), []).append(i)
    pairs, missed, used = [], [], set()
    for g in gold:
        slots = free.get(text_key(g.get("text")))
        if slots:
            i = slots.pop(0)
            used.add(i)
            pairs.append((g, pred[i]))
        else:
            missed.append(g)
    return pairs, missed, [p for i, p in enumerate(pred) if i not in used]




def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Gold files in ``gold_dir/gold`` paired with their articles in ``gold_dir/articles``."""
    gold_files = sorted((gold_dir / "gold").glob("*.json"))
    if not gold_files:
        raise GoldError(f"{gold_dir}: no gold files in {gold_dir / 'gold'}")
    out = []
    for path in gold_files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}: invalid JSON: {exc}") from exc
        article = gold_dir / "articles" / data.get("file", "")
        if not data.get("file") or not article.is_file():
            raise GoldError(f"{path}: article file {data.get('file')!r} not found")
        published = date.fromisoformat(data["published"]) if data.get("published") else None
        out.append(GoldArticle(path.stem, article, published, data))
    return out


@dataclass
class Report:
    articles: int
    scores: dict[str, Score]
    span_errors: list[str]
    rates: dict[str, Rate] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "scores": {k: v.as_dict() for k, v in self.scores.items()},
            "rates": {k: v.as_dict() for k, v in self.rates.items()},
            "span_errors": len(self.span_errors),
        }


def span_errors(record: dict) -> list[str]:
    """Every span of every record must equal the characters it claims in ``article.text``, and
    every id an event or stance refers to must be a record of the same article."""
    text = record["article"]["text"]
    errors = []

    def check(span: dict | None, what: str) -> None:
        if not span:
            return
        s, e = span["start"], span["end"]
        if not (0 <= s <= e <= len(text)):
            errors.append(f"{what}: span {s}:{e} outside the text")
        elif "text" in span and text[s:e] != span["text"]:
            errors.append(f"{what}: text[{s}:{e}]={text[s:e]!r} != {span['text']!r}")

    for e in record["entities"]:
        for m in e["mentions"]:
            check(m, f"entity {e['id']} mention")
        for m in e.get("role_mentions", []):
            check(m, f"entity {e['id']} role")
    for kind in ("quotes", "quantities", "times"):
        for r in record.get(kind, []):
            check(r, f"{kind} {r['id']}")
            check(r.get("speaker_mention"), f"{kind} {r['id']} speaker")
            check(r.get("sentence"), f"{kind} {r['id']} sentence")
    entities = {e["id"] for e in record["entities"]}
    times = {t["id"] for t in record.get("times", [])}
    for r in record.get("events", []):
        check(r.get("trigger"), f"event {r['id']} trigger")
        check(r.get("sentence"), f"event {r['id']} sentence")
        for m in r.get("mentions", []):
            check(m, f"event {r['id']} mention")
        for ref in [*r.get("actors", []), *r.get("targets", []), r.get("place")]:
            if ref is not None and ref not in entities:
                errors.append(f"event {r['id']}: no entity {ref}")
        if r.get("time") is not None and r["time"] not in times:
            errors.append(f"event {r['id']}: no time {r['time']}")
    for r in record.get("stances", []):
        check(r.get("evidence"), f"stance {r['id']} evidence")
        if r["holder"] not in entities:
            errors.append(f"stance {r['id']}: no entity {r['holder']}")
    return errors


def check_floors(report: Report, floors: dict[str, dict[str, float]]) -> list[str]:
    """Each floor names a line and a measure; a value past its floor is a failure.

    Score lines take ``precision``/``recall``/``f1`` (lowest allowed); rate lines take ``min``
    and ``max``. A rate with no cases (den 0) passes: there is nothing to hold it to. The
    ``pending`` key holds the issue's targets not yet reached; it is not enforced, and a
    floor moves out of it into force once the scores reach it.
    """
    failures = []
    for line, measures in floors.items():
        if line == PENDING:
            continue
        for measure, floor in measures.items():
            if measure in RATE_BOUNDS:
                failures.extend(_rate_floor(report, line, measure, floor))
                continue
            score = report.scores.get(line)
            value = getattr(score, measure) if score else 0.0
            if value + 1e-9 < floor:
                failures.append(f"{line} {measure} {value:.3f} < floor {floor:.3f}")
    return failures


def _rate_floor(report: Report, line: str, bound: str, limit: float) -> list[str]:
    rate = report.rates.get(line)
    if rate is None:
        return [f"{line}: no such rate for a {bound} floor"]
    if rate.den == 0:
        return []
    if bound == "min" and rate.value + 1e-9 < limit:
        return [f"{line} {rate.value:.3f} ({rate.num}/{rate.den}) < min {limit:.3f}"]
    if bound == "max" and rate.value - 1e-9 > limit:
        return [f"{line} {rate.value:.3f} ({rate.num}/{rate.den}) > max {limit:.3f}"]
    return []


def extract_gold(gold: list[GoldArticle], *, model: str) -> dict[str, dict]:
    """Read and extract every gold article, exactly as ``newsgraph extract`` would."""
    from newsgraph.pipeline import extract_articles
    from newsgraph.read import read_file

    raws = []
    for g in gold:
        try:
            found = read_file(g.path)
        except InputRejected as exc:
            raise GoldError(f"{g.name}: gold article rejected: {exc.reason}") from exc
        if len(found) != 1:
            raise GoldError(f"{g.name}: a gold file must hold exactly one article")
        raws.append(found[0])
    records = {}
    for g, result in zip(gold, extract_articles(raws, model=model), strict=True):
        if isinstance(result, InputRejected):
            raise GoldError(f"{g.name}: gold article rejected: {result.reason}")
        records[g.name] = result.to_dict()
    return records

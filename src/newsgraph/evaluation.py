"""Score extraction against the team's gold articles (docs/annotation.md says how gold is written).

Matching is by normalised surface strings and values, never by offsets, so a change in
cleaning does not invalidate the gold. Every record kind of the contract is scored from the
first day; kinds not extracted yet simply score zero recall. Quotes also get rates
(attribution, wrong speaker, ...) over the quotes paired by detection.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import GoldError, InputRejected

ENTITY_SCORED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
RECORD_KINDS = ("quotes", "quantities", "times", "events", "stances")
RATE_BOUNDS = ("min", "max")
PENDING = "pending"  # floors file key: the targets, not enforced yet
POSSESSIVE_DETERMINERS = ("her ", "his ", "its ", "their ")


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


def norm_role(text: str) -> str:
    t = norm(text)
    for det in POSSESSIVE_DETERMINERS:
        if t.startswith(det):
            return t[len(det):]
    return t


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


def _names(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("aliases", []))}


def match_entities(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each gold entity with at most one prediction of its type sharing a name or alias."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        gnames = _names(g)
        found = None
        for i, p in enumerate(pred):
            if i in used or p["type"] != g["type"]:
                continue
            if gnames & _names(p):
                found = p
                used.add(i)
                break
        pairs.append((g, found))
    return pairs


def score_entities(gold: list[dict], pred: list[dict], where: str) -> dict[str, Score]:
    scores = {t: Score() for t in ENTITY_SCORED_TYPES}
    scores["roles"] = Score()
    pairs = match_entities(gold, pred)
    matched_ids = {id(p) for _, p in pairs if p is not None}
    for g, p in pairs:
        s = scores.setdefault(g["type"], Score())
        if p is None:
            s.fn += 1
            s.failures.append(f"{where}: missed {g['type']} {g['name']!r}")
            if g["type"] == "PERSON":
                scores["roles"].fn += len(g.get("roles", []))
            continue
        s.tp += 1
        if g["type"] == "PERSON":
            _score_roles(g, p, scores["roles"], where)
    for p in pred:
        if id(p) not in matched_ids:
            s = scores.setdefault(p["type"], Score())
            s.fp += 1
            s.failures.append(f"{where}: spurious {p['type']} {p['name']!r}")
    return scores


def _score_roles(g: dict, p: dict, s: Score, where: str) -> None:
    predicted = {norm_role(r) for r in p.get("roles", [])}
    gold_roles = {norm_role(r) for r in g.get("roles", [])}
    for role in g.get("roles", []):
        if norm_role(role) in predicted:
            s.tp += 1
        else:
            s.fn += 1
            s.failures.append(f"{where}: {g['name']!r} missing role {role!r}")
    for role in p.get("roles", []):
        if norm_role(role) not in gold_roles:
            s.fp += 1
            s.failures.append(f"{where}: {g['name']!r} spurious role {role!r}")


def _entity_name(record: dict, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    for e in record["entities"]:
        if e["id"] == entity_id:
            return e["name"]
    return None


# One key per record kind: what must agree for a predicted record to match a gold one.
def _quantity_key(r: dict, rec: dict | None = None) -> tuple:
    value = r.get("value")
    return (round(float(value), 6) if value is not None else None, r.get("unit"))


def _time_key(r: dict, rec: dict | None = None) -> tuple:
    return (norm(r["text"]), r.get("value"))


def _event_key(r: dict, rec: dict | None = None) -> tuple:
    actors = r.get("actors", [])
    if rec is not None:
        actors = [_entity_name(rec, a) for a in actors]
    return (r["type"], frozenset(norm(a) for a in actors if a))


def _stance_key(r: dict, rec: dict | None = None) -> tuple:
    holder = r.get("holder")
    if rec is not None:
        holder = _entity_name(rec, holder)
    return (norm(holder), r["polarity"])


KEYS: dict[str, Callable[..., tuple]] = {
    "quantities": _quantity_key, "times": _time_key,
    "events": _event_key, "stances": _stance_key,
}


def score_records(kind: str, gold: list[dict], record: dict, where: str) -> Score:
    """Multiset match of gold and predicted records of one kind on the kind's key."""
    key = KEYS[kind]
    pred = [key(r, record) for r in record.get(kind, [])]
    s = Score()
    remaining = list(pred)
    for g in gold:
        k = key(g)
        if k in remaining:
            remaining.remove(k)
            s.tp += 1
        else:
            s.fn += 1
            s.failures.append(f"{where}: missed {kind[:-1]} {k!r}")
    s.fp += len(remaining)
    s.failures.extend(f"{where}: spurious {kind[:-1]} {k!r}" for k in remaining)
    return s


QUOTE_KINDS = ("direct", "scare")
QUOTE_RATES = (
    "quotes.attribution", "quotes.wrong_speaker", "quotes.null_kept", "quotes.scare_with_speaker",
)
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                        "‘": "'", "’": "'", "‚": "'", "‹": "'", "›": "'"})


def _is_edge(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def quote_text(text: str | None) -> str:
    """Gold keeps the punctuation inside the marks (“We are ready,”) and a prediction may not,
    so marks, whitespace and case are normalised and punctuation at both ends dropped."""
    t = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").translate(_MARKS)).lower()
    start, end = 0, len(t)
    while start < end and _is_edge(t[start]):
        start += 1
    while end > start and _is_edge(t[end - 1]):
        end -= 1
    return t[start:end]


def pair_quotes(gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict],
                                                             list[dict]]:
    """Pair gold and predicted quotes one-to-one on ``quote_text``, first come first served.

    Returns the pairs, the missed gold quotes and the spurious predictions.
    """
    free: dict[str, list[int]] = {}
    for i, p in enumerate(pred):
        free.setdefault(quote_text(p.get("text")), []).append(i)
    pairs, missed, used = [], [], set()
    for g in gold:
        slots = free.get(quote_text(g.get("text")))
        if slots:
            i = slots.pop(0)
            used.add(i)
            pairs.append((g, pred[i]))
        else:
            missed.append(g)
    return pairs, missed, [p for i, p in enumerate(pred) if i not in used]


def _detection(gold: list[dict], pred: list[dict], where: str) -> Score:
    pairs, missed, spurious = pair_quotes(gold, pred)
    s = Score(tp=len(pairs), fp=len(spurious), fn=len(missed))
    s.failures.extend(f"{where}: missed quote {g['text']!r}" for g in missed)
    s.failures.extend(f"{where}: spurious quote {p['text']!r}" for p in spurious)
    return s


def score_quotes(gold: list[dict], pred: list[dict], where: str) -> dict[str, Score]:
    """Detection on text (``quotes``) and on text + kind (``quotes.direct``, ...).

    Missed and spurious quotes are listed under ``quotes``; a kind line lists only quotes
    found with the other kind, so a failure is not printed twice.
    """
    scores = {"quotes": _detection(gold, pred, where)}
    for kind in QUOTE_KINDS:
        g_k = [g for g in gold if g.get("kind") == kind]
        p_k = [p for p in pred if p.get("kind") == kind]
        pairs, missed, spurious = pair_quotes(g_k, p_k)
        scores[f"quotes.{kind}"] = Score(tp=len(pairs), fp=len(spurious), fn=len(missed))
    for g, p in pair_quotes(gold, pred)[0]:
        if g.get("kind") != p.get("kind"):
            scores.setdefault(f"quotes.{g.get('kind')}", Score()).failures.append(
                f"{where}: quote {g['text']!r} found as {p.get('kind')}, gold says {g.get('kind')}"
            )
    return scores


def _speaker_ids(gold_entities: list[dict], pred_entities: list[dict]) -> dict[str, str | None]:
    """Normalised gold entity name -> id of the predicted entity paired with it, if any."""
    return {norm(g["name"]): (p["id"] if p else None)
            for g, p in match_entities(gold_entities, pred_entities)}


def _speaker_failure(where: str, text: str, gold: str | None, pred: str | None) -> str:
    what = ("missing speaker" if pred is None else "invented speaker" if gold is None
            else "wrong speaker")
    return f"{where}: {what} for quote {text!r}: gold {gold or 'none'}, predicted {pred or 'none'}"


def _rate_detected(g: dict, p: dict, expected: dict[str, str | None], record: dict,
                   rates: dict[str, Rate], where: str) -> None:
    """Count one detected quote into every rate whose denominator it belongs to."""
    gold_name, got = g.get("speaker"), p.get("speaker")
    correct = gold_name is not None and got is not None and got == expected.get(norm(gold_name))
    failure = _speaker_failure(where, g["text"], gold_name, _entity_name(record, got) or got)
    if gold_name is not None:
        _count(rates["quotes.attribution"], correct, failure)
    else:
        _count(rates["quotes.null_kept"], got is None, failure)
    if got is not None and not correct:
        rates["quotes.wrong_speaker"].num += 1
        rates["quotes.wrong_speaker"].failures.append(failure)
    if "scare" in (g.get("kind"), p.get("kind")):
        _count(rates["quotes.scare_with_speaker"], got is not None, failure, bad_when_true=True)


def _rate_spurious(p: dict, record: dict, rates: dict[str, Rate], where: str) -> None:
    """A spurious quote that names a speaker invented an attribution: it counts as wrong."""
    got = p.get("speaker")
    failure = (f"{where}: speaker {_entity_name(record, got) or got} given to spurious quote "
               f"{p.get('text')!r}")
    if got is not None:
        rates["quotes.wrong_speaker"].num += 1
        rates["quotes.wrong_speaker"].failures.append(failure)
    if p.get("kind") == "scare":
        _count(rates["quotes.scare_with_speaker"], got is not None, failure, bad_when_true=True)


def _count(rate: Rate, hit: bool, failure: str, *, bad_when_true: bool = False) -> None:
    """Add one case; the failure is kept when the case counts against the rate."""
    rate.den += 1
    rate.num += hit
    if hit == bad_when_true:
        rate.failures.append(failure)


def quote_rates(gold: dict, record: dict, where: str) -> dict[str, Rate]:
    """Speaker rates of one article, over the quotes paired by detection.

    Gold speakers are entity names; a predicted speaker is right when it is the predicted
    entity that ``match_entities`` pairs with the gold speaker.
    """
    pred = record.get("quotes", [])
    pairs, _, spurious = pair_quotes(gold.get("quotes", []), pred)
    expected = _speaker_ids(gold.get("entities", []), record["entities"])
    rates = {name: Rate() for name in QUOTE_RATES}
    for g, p in pairs:
        _rate_detected(g, p, expected, record, rates, where)
    for p in spurious:
        _rate_spurious(p, record, rates, where)
    rates["quotes.wrong_speaker"].den = len(pred)
    return rates


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
    """Every span of every record must equal the characters it claims in ``article.text``."""
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
    for r in record.get("events", []):
        check(r.get("trigger"), f"event {r['id']} trigger")
        check(r.get("sentence"), f"event {r['id']} sentence")
    for r in record.get("stances", []):
        check(r.get("evidence"), f"stance {r['id']} evidence")
    return errors


def evaluate(gold: Iterable[GoldArticle], records: dict[str, dict]) -> Report:
    """Score records (keyed by gold article name) against the gold set."""
    totals: dict[str, Score] = {}
    rates: dict[str, Rate] = {}
    errors: list[str] = []
    n = 0
    for g in gold:
        n += 1
        record = records.get(g.name)
        if record is None:
            raise GoldError(f"{g.name}: no extraction for a gold article (was it rejected?)")
        for kind, s in score_entities(g.data.get("entities", []), record["entities"],
                                      g.name).items():
            totals.setdefault(f"entities.{kind}", Score()).add(s)
        for line, s in score_quotes(g.data.get("quotes", []), record.get("quotes", []),
                                    g.name).items():
            totals.setdefault(line, Score()).add(s)
        for line, r in quote_rates(g.data, record, g.name).items():
            rates.setdefault(line, Rate()).add(r)
        for kind in KEYS:
            totals.setdefault(kind, Score()).add(
                score_records(kind, g.data.get(kind, []), record, g.name)
            )
        errors.extend(f"{g.name}: {e}" for e in span_errors(record))
    overall = Score()
    for t in ENTITY_SCORED_TYPES:
        overall.add(Score(totals[f"entities.{t}"].tp, totals[f"entities.{t}"].fp,
                          totals[f"entities.{t}"].fn))
    totals["entities"] = overall
    return Report(n, totals, errors, rates)


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

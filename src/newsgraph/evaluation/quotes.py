"""Quotes: detection on the words inside the marks, then speaker rates over the pairs."""

from __future__ import annotations

from newsgraph.evaluation.core import Rate, Score, norm, pair_by_text
from newsgraph.evaluation.entities import entity_name, paired_ids

QUOTE_KINDS = ("direct", "scare")
QUOTE_RATES = (
    "quotes.attribution", "quotes.wrong_speaker", "quotes.null_kept", "quotes.scare_with_speaker",
)
def _detection(gold: list[dict], pred: list[dict], where: str) -> Score:
    pairs, missed, spurious = pair_by_text(gold, pred)
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
        pairs, missed, spurious = pair_by_text(g_k, p_k)
        scores[f"quotes.{kind}"] = Score(tp=len(pairs), fp=len(spurious), fn=len(missed))
    for g, p in pair_by_text(gold, pred)[0]:
        if g.get("kind") != p.get("kind"):
            scores.setdefault(f"quotes.{g.get('kind')}", Score()).failures.append(
                f"{where}: quote {g['text']!r} found as {p.get('kind')}, gold says {g.get('kind')}"
            )
    return scores


def _speaker_failure(where: str, text: str, gold: str | None, pred: str | None) -> str:
    what = ("missing speaker" if pred is None else "invented speaker" if gold is None
            else "wrong speaker")
    return f"{where}: {what} for quote {text!r}: gold {gold or 'none'}, predicted {pred or 'none'}"


def _rate_detected(g: dict, p: dict, expected: dict[str, str | None], record: dict,
                   rates: dict[str, Rate], where: str) -> None:
    """Count one detected quote into every rate whose denominator it belongs to."""
    gold_name, got = g.get("speaker"), p.get("speaker")
    correct = gold_name is not None and got is not None and got == expected.get(norm(gold_name))
    failure = _speaker_failure(where, g["text"], gold_name, entity_name(record, got) or got)
    if gold_name is not None:
        rates["quotes.attribution"].count(correct, failure)
    else:
        rates["quotes.null_kept"].count(got is None, failure)
    if got is not None and not correct:
        rates["quotes.wrong_speaker"].num += 1
        rates["quotes.wrong_speaker"].failures.append(failure)
    if "scare" in (g.get("kind"), p.get("kind")):
        rates["quotes.scare_with_speaker"].count(got is not None, failure, bad_when_true=True)


def _rate_spurious(p: dict, record: dict, rates: dict[str, Rate], where: str) -> None:
    """A spurious quote that names a speaker invented an attribution: it counts as wrong."""
    got = p.get("speaker")
    failure = (f"{where}: speaker {entity_name(record, got) or got} given to spurious quote "
               f"{p.get('text')!r}")
    if got is not None:
        rates["quotes.wrong_speaker"].num += 1
        rates["quotes.wrong_speaker"].failures.append(failure)
    if p.get("kind") == "scare":
        rates["quotes.scare_with_speaker"].count(got is not None, failure, bad_when_true=True)


def quote_rates(gold: dict, record: dict, where: str) -> dict[str, Rate]:
    """Speaker rates of one article, over the quotes paired by detection.

    Gold speakers are entity names; a predicted speaker is right when it is the predicted
    entity that ``match_entities`` pairs with the gold speaker.
    """
    pred = record.get("quotes", [])
    pairs, _, spurious = pair_by_text(gold.get("quotes", []), pred)
    expected = paired_ids(gold.get("entities", []), record["entities"])
    rates = {name: Rate() for name in QUOTE_RATES}
    for g, p in pairs:
        _rate_detected(g, p, expected, record, rates, where)
    for p in spurious:
        _rate_spurious(p, record, rates, where)
    rates["quotes.wrong_speaker"].den = len(pred)
    return rates

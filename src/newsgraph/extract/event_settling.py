"""Where and when each event happened, settled once every event of an article is found.

The readers in ``events`` place and date an event from its own sentence. What a sentence
leaves open the article often settles: the dateline names the city a lead's meeting was in,
a live blog's stamps date its entries, a summit's day places the meetings held beside it, a
meeting frames the agreement it led to. These passes read the found events together and fill
in only what is still empty.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from newsgraph.extract.rules import on
from newsgraph.model import Span, Time

if TYPE_CHECKING:
    from newsgraph.extract.events import _Candidate, _Reader


def settle_places_and_dates(r: _Reader, doc: Doc, found: list[_Candidate]) -> None:
    """Run the passes in the order each relies on the one before: the frames and the lead
    first, then the dateline, the rooms and buildings it stands in, and the days."""
    _date_from_frames(found)
    _date_from_lead(r, doc, found)
    dateline = _dateline_city(r)
    _place_from_dateline(dateline, found)
    if on("GENERIC_VENUE"):
        _generic_venue(r, found, dateline)
    if on("SIGNED_IN_CITY"):
        _signed_in_city(r, found, dateline)
    _place_of_the_day(r, found)
    _date_from_stamps(r, found)
    _meeting_place_of_the_day(r, found, dateline)


def participants(c: _Candidate) -> set[str]:
    """Everyone on either side of an event."""
    return set(c.actors) | set(c.targets)


def sides_of(ids: set[str], speaks_for: dict[str, str]) -> set[str]:
    """The states of the people among ``ids`` ("Marsh" → Nordland), the rest as they are."""
    return {speaks_for.get(i, i) for i in ids}


def day_of(t: Time | None) -> str | None:
    """The calendar part of a time's value: "2026-05-20TMO" and "2026-02-19T11:00" are days."""
    if t is None or not t.resolved or not t.value:
        return None
    return t.value.split("T", 1)[0] if "T" in t.value[:11] else t.value


def _date_from_frames(found: list[_Candidate]) -> None:
    """ "agree joint monitoring after Oslo talks": a meeting that frames what its sides did
    next ended on that act's day, which the article may give in another mention of it ("agreed
    on Thursday"); and what they did there was done where they met ("agreed …, after their
    ministers held a session in Geneva")."""
    at = {m.start: c for c in found for m in (c.trigger, *c.mentions)}
    for c in found:
        framing = at.get(c.frame) if c.frame is not None else None
        if framing is None or framing is c:
            continue
        c.time = c.time or framing.time
        framing.place = framing.place or c.place


# "TORHAVEN, Oct 13 (Northline) -", "PORT ARDIN –": the city a wire story is filed from.
DATELINE = re.compile(r"([A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+)*)(?:,| [-–—])")


def _place_from_dateline(
    dateline: tuple[str, int, int] | None, found: list[_Candidate]
) -> None:
    """ "TORHAVEN, Oct 13 - The foreign ministers … held talks on Tuesday": a meeting the lead
    reports with no place of its own happened in the city the story is filed from."""
    if not on("DATELINE_MEETING") or dateline is None:
        return
    city, start, end = dateline
    for c in found:
        if c.type == "CONSULT" and c.place is None and c.status == "occurred" and any(
            start <= m.start < end for m in (c.trigger, *c.mentions)
        ):
            c.place = city  # told in the lead, or named in the headline and told there


# Rooms any capital has, named in lower case: "met him at the ministry", "at the town hall".
GENERIC_VENUES = frozenset({"ministry", "hall", "palace", "office", "residence", "embassy",
                            "headquarters", "parliament", "chancellery", "presidency"})


def _generic_venue(r: _Reader, found: list[_Candidate],
                   dateline: tuple[str, int, int] | None) -> None:
    """ "met Ștefănescu for three hours at the ministry", "summoned the ambassador to the
    ministry in Port Adari": a meeting at a room named in lower case is in the city named
    with the room or, failing that, the city the story is filed from."""
    for c in found:
        if c.type != "CONSULT" or c.place or c.subtype == "call":
            continue
        span = r.doc.char_span(c.trigger.start, c.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        verb = token if token.pos_ == "VERB" else token.head
        rooms = [o for o in verb.subtree if o.dep_ == "pobj" and o.head.lower_ in ("at", "to")
                 and _clause_verb(o) == verb and o.lemma_.lower() in GENERIC_VENUES
                 and o.text.islower() and not any(c.dep_ == "poss" for c in o.children)]
        if not rooms:
            continue
        city = r.place(rooms, ("in",)) or (dateline[0] if dateline is not None else None)
        if city is not None and r.entities[city].type == "GPE":
            c.place = city


def _clause_verb(token: Token) -> Token:
    """The verb whose clause ``token`` stands in ("met X for three hours at the ministry")."""
    t = token
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
        t = t.head
    return t


def _signed_in_city(r: _Reader, found: list[_Candidate],
                    dateline: tuple[str, int, int] | None) -> None:
    """ "signed the deal at the Palácio das Necessidades, the foreign ministry's headquarters
    in Lisbon": an agreement is placed in the city it was signed in, the city its building
    stands in or, failing that, the one the story is filed from."""
    for c in found:
        if c.type != "AGREE" or not c.place or r.entities[c.place].type != "FAC":
            continue
        start, end = c.sentence
        building = r.entities[c.place]
        city = None
        for m in building.mentions:
            if not start <= m.start < end:
                continue
            span = r.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            around = [head, *(a for a in head.children if a.dep_ == "appos")]
            city = r.place(around, ("in",))
            break
        city = city or (dateline[0] if dateline is not None else None)
        if city is not None and r.entities[city].type == "GPE":
            c.place = city


def _dateline_city(r: _Reader) -> tuple[str, int, int] | None:
    """The city a story is filed from ("TORHAVEN, Oct 13 -", "DZHANAR —"), with the span
    of the paragraph it opens."""
    start = r.headline_end
    for _ in range(4):  # the byline and a date line may stand before the lead
        end = r.text.find("\n\n", start)
        end = len(r.text) if end < 0 else end
        opening = DATELINE.match(r.text, start)
        if opening is not None:
            break
        start = end + 2
        if start >= len(r.text):
            return
    else:
        return
    city = next((e for e in r.ctx.entities if e.type == "GPE"
                 and e.name.upper() == opening.group(1)), None)
    return None if city is None else (city.id, start, end)


# Gatherings other meetings may stand beside: "met on the sidelines of the summit".
GATHERINGS = frozenset({"summit", "conference"})


def _meeting_place_of_the_day(
    r: _Reader, found: list[_Candidate], dateline: tuple[str, int, int] | None
) -> None:
    """ "Durmanov met Sherali on Wednesday", in a story of that day's summit in Dzhanar: a
    meeting with no place of its own, on the day of the one summit or conference the story
    places, met there; on the day the story is filed, in the city it is filed from."""
    if not on("MEETING_OF_THE_DAY"):
        return
    gatherings = [c for c in found if c.type == "CONSULT" and c.subtype in GATHERINGS
                  and c.place and day_of(c.time)]
    today = r.published.isoformat() if r.published else None
    for c in found:
        day = day_of(c.time)
        if c.type != "CONSULT" or c.place or c.status != "occurred" or len(day or "") != 10:
            continue
        if on("CALLS_APART") and c.subtype == "call":
            continue  # "had spoken by phone" that day: from afar, not at the summit
        places = {g.place for g in gatherings if day_of(g.time) == day and g is not c}
        if len(places) == 1:
            c.place = places.pop()
        elif not places and dateline is not None and day == today:
            c.place = dateline[0]


def _place_of_the_day(r: _Reader, found: list[_Candidate]) -> None:
    """ "Kallas and Lund met in Tesmar on 10 June … Ostrovia and Halvania signed an agreement
    that day": what the same sides agreed on the day they met, they agreed where they met."""
    meetings = [c for c in found if c.type == "CONSULT" and c.place and day_of(c.time)]
    for c in found:
        if c.type != "AGREE" or c.place or not day_of(c.time):
            continue
        sides = sides_of(participants(c), r.ctx.speaks_for)
        same = [m for m in meetings if day_of(m.time) == day_of(c.time) and len(sides) > 1
                and sides_of(participants(m), r.ctx.speaks_for) == sides]
        if len({m.place for m in same}) == 1:
            c.place = same[0].place


def _date_from_lead(r: _Reader, doc: Doc, found: list[_Candidate]) -> None:
    """A news story's lead sets the day it tells of ("clashed in a televised debate on
    Tuesday"); what the next paragraphs report in the simple past with no date of their own
    ("His rival accused him of …", "De la Vega called the tax …") happened that day, until
    the story names another time."""
    body = [t for t in r.times if t.start >= r.headline_end and not r.ctx.inside_quote[t.start]]
    lead_end = r.text.find("\n\n", r.headline_end + 2)
    if not body or (lead_end != -1 and body[0].start > lead_end):
        return  # the lead names no time
    lead = body[0]
    if day_of(lead) is None or len(day_of(lead) or "") < 10:
        return  # a year or a month sets no day
    until = body[1].start if len(body) > 1 else len(r.text)
    for c in found:
        if c.time is None and c.status == "occurred" and lead.end <= c.trigger.start < until \
                and _simple_past(doc, c.trigger):
            c.time = lead


def _simple_past(doc: Doc, trigger: Span) -> bool:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "VBD"


# A live blog's entry stamp: a paragraph opening with a time of day ("16:15 GMT — Moscow
# responds", "18:05").
STAMP = re.compile(r"\d{1,2}[:.]\d{2}\b")


def _date_from_stamps(r: _Reader, found: list[_Candidate]) -> None:
    """In a live blog every entry opens with a stamp, which dates what the entry reports as
    done and says no date of its own ("16:15 GMT — Moscow has condemned the plan")."""
    stamps = [t for t in r.times if t.resolved and t.value and "T" in t.value and STAMP.match(
        t.text) and r.text[max(0, t.start - 2): t.start] in ("\n\n", "")]
    if len(stamps) < 2:
        return  # an article, not a live blog
    for c in found:
        if c.time is not None or c.status != "occurred":
            continue
        before = [t for t in stamps if t.start < c.trigger.start]
        if before:
            c.time = before[-1]

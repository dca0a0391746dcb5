"""Events from a small inline wire story, through the real pipeline."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract

pytestmark = pytest.mark.model

STORY = """\
Nordland's Foreign Minister Elena Marsh will meet Estmark's Foreign Minister Andriy Morozov \
in Oslo on Thursday, officials in both capitals said on Wednesday.

The two ministers met in Vienna on Monday for the first time since the dispute over the \
Varna River dam began. The talks lasted six hours, a diplomat who was in the room said.

The government of Estmark accused Nordland of diverting the river last year, a charge that \
the Nordland government has rejected. Any negotiations on compensation would take months, \
according to the diplomat.

"We will meet them in Geneva if we must," Marsh told reporters in the Nordland capital.

Two fishing boats from Estmark were seized by the Nordland coast guard on Monday. The \
European Union backs the talks, and the Organization for Security and Co-operation in \
Europe welcomed the meeting in a statement on Tuesday.
"""


@pytest.fixture(scope="module")
def story():
    record = extract(STORY, published="2026-03-11")  # a Wednesday
    names = {e["id"]: e["name"] for e in record["entities"]}

    def named(event: dict) -> dict:
        return {**event, "actors": [names[a] for a in event["actors"]],
                "targets": [names[t] for t in event["targets"]],
                "place": names.get(event["place"])}

    return record, [named(e) for e in record["events"]]


def _of_type(events: list[dict], type_: str) -> list[dict]:
    return [e for e in events if e["type"] == type_]


def test_a_planned_meeting_has_its_parties_place_and_date(story):
    _, events = story
    planned = [e for e in _of_type(events, "CONSULT") if e["status"] == "planned"]
    assert len(planned) == 1
    [meeting] = planned
    assert meeting["actors"] == ["Elena Marsh"]
    assert meeting["targets"] == ["Andriy Morozov"]
    assert (meeting["place"], meeting["date"]) == ("Oslo", "2026-03-12")


def test_meetings_of_the_same_people_on_different_days_stay_apart(story):
    _, events = story
    meetings = sorted((e["date"], e["status"], e["place"]) for e in _of_type(events, "CONSULT"))
    assert meetings == [("2026-03-09", "occurred", "Vienna"), ("2026-03-12", "planned", "Oslo")]


def test_a_group_of_people_resolves_to_the_people_it_names(story):
    _, events = story
    [vienna] = [e for e in _of_type(events, "CONSULT") if e["place"] == "Vienna"]
    assert sorted(vienna["actors"] + vienna["targets"]) == ["Andriy Morozov", "Elena Marsh"]


def test_a_later_mention_is_the_same_event(story):
    _, events = story
    [vienna] = [e for e in _of_type(events, "CONSULT") if e["place"] == "Vienna"]
    assert "talks" in [m["text"] for m in vienna["mentions"]]


def test_generic_references_and_quoted_words_are_not_events(story):
    record, events = story
    text = record["article"]["text"]
    triggers = [text[e["trigger"]["start"]:e["trigger"]["end"]] for e in events]
    assert "negotiations" not in triggers  # "any negotiations"
    assert not any(e["place"] == "Geneva" for e in events)  # inside Marsh's quote


def test_accusation_has_actor_and_target(story):
    _, events = story
    [accuse] = _of_type(events, "ACCUSE")
    assert accuse["targets"] == ["Nordland"] and accuse["status"] == "occurred"


def test_a_passive_takes_its_object_as_target_and_its_date(story):
    _, events = story
    [seizure] = _of_type(events, "COERCE")
    assert seizure["date"] == "2026-03-09"
    assert seizure["status"] == "occurred"


def test_standing_positions_are_not_events_but_past_speech_acts_are(story):
    _, events = story
    supporters = [e["actors"] for e in _of_type(events, "SUPPORT")]
    assert supporters == [["Organization for Security and Co-operation in Europe"]]


def test_without_a_publication_date_relative_dates_stay_empty():
    record = extract(STORY, published=None)
    planned = [e for e in record["events"] if e["type"] == "CONSULT" and e["status"] == "planned"]
    assert planned and all(e["date"] is None for e in planned)


def test_every_event_span_is_its_text_and_every_reference_a_record(story):
    record, _ = story
    text = record["article"]["text"]
    ids = {e["id"] for e in record["entities"]}
    times = {t["id"] for t in record["times"]}
    assert record["events"]
    for e in record["events"]:
        for span in [e["trigger"], *e["mentions"]]:
            assert text[span["start"]:span["end"]] == span["text"]
        assert set(e["actors"]) | set(e["targets"]) <= ids
        assert e["time"] is None or e["time"] in times


def test_people_who_act_for_bodies_stand_for_those_bodies():
    record = extract(
        "Negotiators for Nordland and the Republic of Estmark agreed in Vienna on Monday to "
        "resume talks on the future of the Varna River dam, a spokesman for the mediators "
        "said. The agreement was welcomed by both governments.",
        published="2026-03-11",
    )
    names = {e["id"]: e["name"] for e in record["entities"]}
    [agree] = [e for e in record["events"] if e["type"] == "AGREE"]
    assert sorted(names[a] for a in agree["actors"]) == ["Nordland", "Republic of Estmark"]
    assert (names.get(agree["place"]), agree["date"]) == ("Vienna", "2026-03-09")


def test_what_parties_agree_to_do_is_planned_and_questions_and_hosting_bodies_are_not_events():
    record = extract(
        "Nordland's Foreign Minister Elena Marsh and Estmark's Foreign Minister Andriy Morozov "
        "signed a memorandum in Oslo on Thursday after Oslo talks that overran their schedule. "
        "The two ministers agreed to meet again in Roskov in April.\n\n"
        "At a news conference, Jonas Lind, a correspondent for ETV, asked Morozov "
        "whether Estmark had dropped its threat. The OSCE will host the commission's "
        "secretariat, a spokeswoman said.", published="2026-03-13")
    names = {e["id"]: e["name"] for e in record["entities"]}
    consult = [(names.get(e["place"]), e["date"], e["status"]) for e in record["events"]
               if e["type"] == "CONSULT"]
    assert ("Roskov", "2026-04", "planned") in consult
    assert not any(e["type"] == "REQUEST" for e in record["events"])
    assert not any(e["type"] == "CONSULT" and names.get(a) == "OSCE"
                   for e in record["events"] for a in e["actors"])


def test_the_trigger_scan_reads_every_token_a_trigger_stands_on():
    """The scan skips tokens by lemma and word; a trigger it skipped would be an event lost."""
    from newsgraph.extract.events import _noun_trigger, _trigger_positions, _verb_trigger
    from newsgraph.nlp import load

    doc = load()(STORY)
    typed = [t.i for t in doc if _verb_trigger(t) or _noun_trigger(t)]
    read = _trigger_positions(doc)
    assert typed and set(typed) <= set(read)
    assert read == sorted(read) and len(read) < len(doc) / 4  # a few, in text order

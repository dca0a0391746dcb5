"""Meeting rules of extract/events.py and extract/clauses.py, one small story each.

Each story is our own invention (fictional people and places, real cities where the
gazetteer has to know them), and each test fails if its rule is taken out.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import extract

pytestmark = pytest.mark.model


def _meetings(text: str, published: str) -> list[dict]:
    """The CONSULT events of a story, with entity names in place of ids."""
    record = extract(text, published=published)
    names = {e["id"]: e["name"] for e in record["entities"]}
    return [{**e, "actors": [names[a] for a in e["actors"]],
             "targets": [names[t] for t in e["targets"]], "place": names.get(e["place"]),
             "mentions": [m["text"] for m in e["mentions"]]}
            for e in record["events"] if e["type"] == "CONSULT"]


def _parties(event: dict) -> set[str]:
    return set(event["actors"]) | set(event["targets"])


def test_the_subject_of_a_raising_passive_meets():
    """ "X is scheduled to meet Y": X is the infinitive's subject, not a passive's patient."""
    [meeting] = _meetings(
        "Talvia's Trade Minister Oskar Brandt is scheduled to meet Merovian Economy Minister "
        "Lise Vanter in Kellby on Sunday, her office said.", "2026-05-06")
    assert meeting["actors"] == ["Oskar Brandt"]
    assert meeting["targets"] == ["Lise Vanter"]
    assert (meeting["date"], meeting["status"]) == ("2026-05-10", "planned")


def test_a_relative_who_is_the_person_it_describes():
    """ "Karin Berg, chair of the X Association, who will meet Y": "who" is Berg, though the
    parse hangs the clause from the association."""
    [meeting] = _meetings(
        '"Nobody asked us," said Karin Berg, chair of the Lake Farmers Association, who will '
        'meet Aasen on Wednesday.', "2026-06-22")
    assert meeting["actors"] == ["Karin Berg"]
    assert meeting["date"] == "2026-06-24"


def test_meeting_again_is_a_new_planned_meeting():
    """ "are due to meet again": the subject through "due", and a planned meeting that is
    not a mention of the one that happened."""
    meetings = _meetings(
        "Talvian President Ada Rusk and Merovian Prime Minister Ivo Lunde met in Kellby on "
        "10 June.\n\nThe next test comes on 2 July, when Rusk and Lunde are due to meet again "
        "at a summit in Dornholm.", "2026-06-22")
    met = [m for m in meetings if m["status"] == "occurred" and _parties(m)]
    planned = [m for m in meetings if m["status"] == "planned"]
    assert [(_parties(m), m["date"]) for m in met] == [({"Ada Rusk", "Ivo Lunde"}, "2026-06-10")]
    assert [_parties(m) for m in planned] == [{"Ada Rusk", "Ivo Lunde"}]
    assert met[0]["mentions"] == []


def test_a_summit_they_meet_at_is_that_meeting_on_the_day_when_names():
    """ "on 2 July, when X and Y are due to meet again at a summit in Dornholm": the summit
    is where they meet, not a meeting of its own, and the "when" clause has the date."""
    meetings = _meetings(
        "Talvian President Ada Rusk and Merovian Prime Minister Ivo Lunde met in Kellby on "
        "10 June.\n\nThe next test comes on 2 July, when Rusk and Lunde are due to meet again "
        "at a summit in Dornholm.", "2026-06-22")
    assert [(m["status"], m["place"], m["date"]) for m in meetings] == [
        ("occurred", "Kellby", "2026-06-10"), ("planned", "Dornholm", "2026-07-02")]


def test_a_call_is_how_the_speaker_spoke():
    """ "had spoken by video call with X on Monday": the subject of "spoken" is on the call,
    and the call's date is the verb's."""
    [call] = _meetings(
        "Trade Commissioner Ana Berg said she had spoken by video call with Merovia's trade "
        "minister, Ivo Lunde, on Monday.", "2026-02-24")
    assert _parties(call) == {"Ana Berg", "Ivo Lunde"}
    assert call["date"] == "2026-02-23"


def test_a_place_hanging_from_the_parties_of_talks_is_where_they_met():
    """ "talks between X and Y in Kellby": the parse hangs the place from Y."""
    meetings = _meetings(
        "Talvia raised duties on Wednesday, after talks between Trade Minister Ada Rusk and "
        "Economy Minister Ivo Lunde in Kellby ended on Tuesday night.", "2026-03-05")
    assert [m["place"] for m in meetings] == ["Kellby"]


def test_a_building_and_a_city_can_be_one_meeting():
    """The same two people, a city and then a building in it: one meeting, two mentions."""
    meetings = _meetings(
        "Anna Berg and Peter Holm held talks in Kellby on Tuesday.\n\nBerg and Holm met for nine "
        "hours at the Harbour Conference Centre.", "2026-03-05")
    assert len(meetings) == 1
    assert meetings[0]["place"] == "Kellby"
    assert meetings[0]["mentions"] == ["met"]


def test_the_pair_are_the_people_of_the_meeting_before():
    """ "The pair last met in June": the two people of the meeting named before; and a trip
    to a city to meet someone gives that meeting its place and day."""
    meetings = _meetings(
        "Mayor Peter Hollis will travel to Lyon on Tuesday to meet Interior Minister Sara "
        "Quint. The pair last met in Kellby in June.", "2026-09-25")
    assert [(m["status"], m["place"], m["date"]) for m in meetings] == [
        ("planned", "Lyon", "2026-09-29"), ("occurred", "Kellby", "2026-06")]
    assert all(_parties(m) == {"Peter Hollis", "Sara Quint"} for m in meetings)


def test_a_session_told_in_an_after_clause_is_on_the_main_clause_day():
    [session] = _meetings(
        "Talvia and Merovia agreed on Tuesday to extend a ceasefire along their border, after "
        "Foreign Minister Ada Rusk and her Merovian counterpart Ivo Lunde held a six-hour "
        "session in Kellby.", "2026-02-18")
    assert session["date"] == "2026-02-17"


def test_a_session_framing_a_signing_is_between_the_signers():
    """ "After a session, X and Y signed": the signers sat in it, the second name hanging
    from the first's apposition; "the ministers" then meet again as those two."""
    meetings = _meetings(
        "After a ten-hour session, Talvia's chief negotiator, Maria Lind, and Merovia's Trade "
        "Minister Peter Holm signed a two-page memorandum.\n\nThe ministers agreed to meet "
        "again in Dornholm in April.", "2026-03-13")
    assert [(_parties(m), m["status"]) for m in meetings] == [
        ({"Maria Lind", "Peter Holm"}, "occurred"), ({"Maria Lind", "Peter Holm"}, "planned")]
    assert meetings[1]["date"] == "2026-04"


def test_a_lone_meeting_is_not_framed_into_one():
    """One person after a meeting ("after a cabinet meeting she told reporters") is no side
    of a meeting the text names."""
    meetings = _meetings(
        "After a cabinet meeting, Mines Minister Grace Owusu told reporters in Lusaro that the "
        "claim was unaffordable.", "2026-04-14")
    assert all(not _parties(m) for m in meetings)


def test_who_summons_is_where_the_envoy_was_summoned_to():
    [summons] = _meetings(
        "A spokesperson confirmed that the Merovian ambassador, Ivo Lunde, had been summoned to "
        "the Talvian Foreign Office on Wednesday.", "2026-03-12")
    assert summons["actors"] == ["Talvian Foreign Office"]
    assert summons["targets"] == ["Ivo Lunde"]


def test_ambassadors_stand_for_their_countries():
    [summons] = _meetings(
        "Sweden has voiced opposition to the deal and summoned the ambassadors of Talvia and "
        "Merovia last week to set out its objections.", "2026-06-22")
    assert summons["actors"] == ["Sweden"]
    assert set(summons["targets"]) == {"Talvia", "Merovia"}


def test_a_live_blog_stamp_dates_what_its_entry_reports():
    record = extract("Talvia summit live\n\n16:15 GMT\n\nMoscow has condemned the plan.\n\n"
                     "15:30 GMT\n\nThe Kremlin accused Talvia of provocation.",
                     published="2026-02-19")
    dated = {e["trigger"]["text"]: e["date"] for e in record["events"] if e["type"] == "ACCUSE"}
    assert dated == {"condemned": "2026-02-19", "accused": "2026-02-19"}


def test_a_single_stamp_is_no_live_blog():
    record = extract("Ports reopen\n\n16:15\n\nMoscow has condemned the plan.",
                     published="2026-02-19")
    assert [e["date"] for e in record["events"] if e["type"] == "ACCUSE"] == [None]


def test_a_pledge_waiting_on_a_condition_is_planned():
    record = extract("The European Union, which has pledged 120 million euros in aid for the "
                     "region once a ceasefire holds, welcomed the talks.", published="2026-05-20")
    [pledge] = [e for e in record["events"] if e["type"] == "AID"]
    assert pledge["status"] == "planned"
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert [names[a] for a in pledge["actors"]] == ["European Union"]


def test_a_minister_named_by_a_demonym_signs_for_the_country():
    """ "Talvian Foreign Minister" speaks for Talvia though no list knows the word: the
    signing is the states' agreement told again, not a second agreement."""
    record = extract("Talvia and Merovia agreed on Tuesday to extend the truce along their "
                     "border.\n\nTalvian Foreign Minister Anna Berg and Merovian Foreign Minister "
                     "Peter Holm signed a short protocol in Kellby.", published="2026-02-18")
    names = {e["id"]: e["name"] for e in record["entities"]}
    agreements = [e for e in record["events"] if e["type"] == "AGREE"]
    assert [{names[a] for a in e["actors"]} for e in agreements] == [{"Talvia", "Merovia"}]
    assert [m["text"] for m in agreements[0]["mentions"]] == ["signed"]

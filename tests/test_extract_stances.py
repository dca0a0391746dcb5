"""Stance rules of extract/stances.py, one small story each (our own words, fictional names)."""

from __future__ import annotations

import pytest

from newsgraph.extract.rules import switched_off
from newsgraph.pipeline import extract

pytestmark = pytest.mark.model


def _stances(text: str) -> list[tuple[str, str, str]]:
    """(holder name, polarity, issue) of each stance of a story."""
    record = extract(text, published="2026-03-09")
    names = {e["id"]: e["name"] for e in record["entities"]}
    return [(names[s["holder"]], s["polarity"], s["issue"]) for s in record["stances"]]


def test_any_keeps_the_relative_clause_that_says_which():
    """ "any deal that extends the plant's life": after "any" the clause is the issue."""
    found = _stances("The Farmers Union has ruled out any deal that extends the Kallby plant's "
                     "life beyond 2040.")
    assert found == [("Farmers Union", "oppose",
                      "any deal that extends the Kallby plant's life beyond 2040")]


def test_a_definite_object_still_drops_its_relative_clause():
    found = _stances("The Farmers Union opposes the levy, which was proposed last week.")
    assert found == [("Farmers Union", "oppose", "the levy")]


def test_the_announcement_is_what_was_announced():
    found = _stances("The Talvian Water Agency on Monday announced a new flood defence "
                     "programme for the coast.\n\nMayor Oskar Brandt welcomed the announcement.")
    assert found == [("Oskar Brandt", "support", "a new flood defence programme for the coast")]


def test_a_cue_inside_an_if_clause_takes_no_position():
    """ "if the authority refuses to talk" supposes a refusal; nobody has refused."""
    found = _stances("Anna Berg said the strike could go on if the Port Authority refuses to "
                     "talk.")
    assert found == []


def test_a_letter_welcoming_a_bid_is_its_signers_position():
    """ "signed a letter welcoming X": the participle's holders are the signers."""
    found = _stances("Talvia's bid to join the alliance has split Europe.\n\nLatvia and "
                     "Estonia have signed a joint letter welcoming the bid.")
    assert {(holder, polarity) for holder, polarity, _ in found} == {
        ("Latvia", "support"), ("Estonia", "support")}


def test_the_bid_is_the_first_full_naming_of_it():
    """ "the bid" restates the article's own naming of it, not a later description."""
    found = _stances("Talvia's bid to join the alliance has split its members.\n\nThe small "
                     "coastal republic's bid for membership is on the summit agenda.\n\nPoland "
                     "backs the bid.")
    assert found == [("Poland", "support", "Talvia's bid to join the alliance")]


def test_opposition_voiced_to_an_issue_the_parse_hangs_from_the_verb():
    found = _stances("Talvia, which borders both countries, has voiced opposition to any "
                     "escalation.")
    assert found == [("Talvia", "oppose", "any escalation")]


def test_a_step_a_relative_clause_supports_is_the_issue_just_named():
    """ "…against any monitoring mission on its side, a step Talvia has long supported": the
    relative clause has no object of its own; "a step" renames the mission."""
    found = _stances('He said Merovia "remains firmly against" any international monitoring '
                     "mission on its side of the line, a step Talvia has long supported.")
    assert ("Talvia", "support",
            "any international monitoring mission on its side of the line") in found


def test_backing_a_candidate_is_a_position_on_that_party():
    found = _stances("The Talvian Green Party, which backed Ivo Lunde in 2020, said on "
                     "Thursday that it would support Ada Rusk in a runoff.")
    assert found == [("Talvian Green Party", "support", "Ada Rusk")]


def test_whose_government_is_the_country_it_describes():
    found = _stances("Neighbouring Talvia, whose government has backed Ivo Lunde throughout "
                     "the campaign, has not commented.")
    assert found == [("Talvia", "support", "Ivo Lunde")]


def test_rejecting_a_charge_is_a_rebuttal_not_a_position():
    found = _stances("Merovia accused Talvia of hoarding water.\n\nTalvia rejected the charge.")
    assert found == []


def test_calling_a_measure_a_word_of_blame_opposes_it():
    found = _stances('Opposition leader Ivo Lunde called the windfall tax "a fantasy that would '
                     'send investment abroad".')
    assert found == [("Ivo Lunde", "oppose", "the windfall tax")]


def test_the_deal_is_the_agreement_the_article_introduced():
    """ "signed an agreement to share revenue …" … "backs the deal", "this agreement": one
    thing under two names, carried as the article first set it out."""
    found = _stances("Talvia and Merovia signed an agreement on Monday to share revenue from the "
                     "Kessby oil field.\n\nThe Farmers Union backs the deal. \"I back this "
                     "agreement,\" said Oskar Brandt.")
    issue = "an agreement on Monday to share revenue from the Kessby oil field"
    assert ("Farmers Union", "support", issue) in found
    assert ("Oskar Brandt", "support", issue) in found


def test_refusing_to_sign_opposes_what_is_not_signed():
    found = _stances("Ivo Lunde said Talvia would not sign a truce before the prisoner exchange.")
    assert [(h, p) for h, p, i in found if "truce" in i] == [("Talvia", "oppose")]


def test_a_restrictive_clause_after_a_says_which():
    """ "a paper that leaves our towns within range": the clause says which paper."""
    found = _stances('"We will not sign a paper that leaves our towns within range of their guns," '
                     'said Ivo Lunde.')
    assert found == [("Ivo Lunde", "oppose",
                      "a paper that leaves our towns within range of their guns")]


def test_a_cue_the_parse_joins_to_a_reported_clause_is_the_sayers():
    """ "Lunde said the extension had given away leverage and opposes any further truce": the
    extension holds no position; the one who said it does."""
    found = _stances('Opposition leader Ivo Lunde said the extension had "given away leverage for '
                     'nothing" and opposes any further truce.')
    assert found == [("Ivo Lunde", "oppose", "any further truce")]


def test_it_opening_a_joined_clause_is_that_clauses_subject():
    found = _stances("Talvia and Merovia will meet at a summit in Rostal hosted by the Varkan "
                     "Federation. Zeland, whose claims overlap the field, was invited, but it has "
                     "ruled out attending any session on the Kessby field.")
    assert [h for h, p, i in found if "session" in i] == ["Zeland"]


def test_the_alliance_is_the_one_body_whose_name_says_so():
    found = _stances("The Baltic Treaty Organization (BTO) sent observers. Its secretary "
                     "general, Ada Rusk, said the alliance would support the patrols.")
    assert ("Baltic Treaty Organization", "support", "the patrols") in found


def test_each_joined_infinitive_is_a_position():
    found = _stances("Ada Rusk pledged to raise the minimum pension by 18% and to fund the "
                     "increase with a windfall tax on the largest banks.")
    assert [i for h, p, i in found if h == "Ada Rusk"] == [
        "raise the minimum pension by 18", "fund the increase with a windfall tax on the largest "
        "banks"]


def test_arguing_that_something_is_the_only_guarantee_backs_it():
    """ "Talvian officials argue that membership is the only guarantee": Talvia (a country
    the gazetteer does not know, named by its demonym) backs membership."""
    found = _stances("Talvia applied to join the Baltic Council in January. Talvian officials "
                     "argue that membership is the only guarantee against a new war.")
    assert ("Talvia", "support", "membership") in found


# Fourth round: each test fails with its rule's switch in extract/stances.py set False.


def test_a_wanted_clause_with_its_own_subject_is_the_issue():
    """ "wants every coastal state to be able to export …": what is wanted is the clause,
    though its verb is "be" (WANTED_CLAUSE)."""
    found = _stances("Merovia wants every coastal state to be able to export at least a fifth "
                     "of its grain by 2031.")
    assert [(h, p) for h, p, _ in found] == [("Merovia", "support")]
    assert found[0][2].startswith("every coastal state to be able to export")


def test_each_noun_joined_to_a_wanted_object_is_wanted_too():
    found = _stances("The Kessby Fishers Association wants compensation and a new quota.")
    assert found == [("Kessby Fishers Association", "support", "compensation"),
                     ("Kessby Fishers Association", "support", "a new quota")]


def test_a_vague_issue_beside_a_named_one_of_the_same_holder_is_one_position():
    """ "Talvia backs the plan" over a paragraph that says Talvia supports the patrols: one
    position, under its named issue (VAGUE_REPEAT)."""
    found = _stances("Talvia backs the plan, with a condition.\n\nTalvian Prime Minister Ada "
                     "Rusk said her country supports the joint border patrols but will not send "
                     "troops.")
    assert found == [("Talvia", "support", "the joint border patrols")]


def test_a_vague_issue_beside_another_under_the_same_cue_is_kept():
    found = _stances("Talvia backs the treaty and the new border commission.")
    assert found == [("Talvia", "support", "the treaty"),
                     ("Talvia", "support", "the new border commission")]


def test_calling_for_a_bare_mass_noun_is_an_appeal_not_a_stance():
    found = _stances("Mayor Ivo Lunde called for calm and said he opposes the new curfew.")
    assert found == [("Ivo Lunde", "oppose", "the new curfew")]


def test_not_being_against_something_is_no_position():
    found = _stances('"We are not against the wind farm," said Ada Rusk, who leads the Kessby '
                     "Fishers Association.")
    assert found == []


def test_being_against_ones_own_treatment_names_no_issue():
    found = _stances('"We are against being ignored," said Ada Rusk, who leads the Kessby '
                     "Fishers Association.")
    assert found == []


def test_a_hard_line_on_something_opposes_it():
    found = _stances("Talvia has long taken a hard line on fishing quotas in the Kessby Sea.")
    assert found == [("Talvia", "oppose", "fishing quotas in the Kessby Sea")]


def test_what_a_backer_wants_after_but_is_a_condition():
    found = _stances("The Talvian Green Party backs the treaty but wants guarantees for coastal "
                     "towns.")
    assert found == [("Talvian Green Party", "support", "the treaty")]


def test_a_position_told_in_the_simple_past_is_no_longer_held():
    found = _stances("The Merovian Foreign Ministry, which long resisted the pipeline, said on "
                     "Monday that Merovia now accepts the route.")
    assert found == [("Merovia", "support", "the route")]


def test_not_endorsing_a_candidate_is_standing_aside():
    found = _stances("President Ivo Lunde, who leaves office in May, has not endorsed a "
                     "candidate.")
    assert found == []


def test_a_time_after_the_issue_says_when_not_what():
    """ "rejected the separatists' latest map on Tuesday": the map is the issue."""
    found = _stances("Talvian Deputy Prime Minister Ada Rusk rejected the separatists' latest "
                     "map on Tuesday, calling it \"a step sideways\", and said talks would go on.")
    assert found == [("Ada Rusk", "oppose", "the separatists' latest map")]


def test_this_with_a_named_thing_is_that_thing_and_any_such_points_back():
    """ "We support this mediation": the mediation, not the object before it; "any such
    extension of the mission" is what the sentence before asked for."""
    text = ('"We have not agreed on water, but we have agreed to keep talking," Ada Rusk told '
            'reporters. "We support this mediation, and Talvia will not walk away from it."')
    assert _stances(text) == [("Ada Rusk", "support", "this mediation")]
    with switched_off(["NAMED_AFTER_THIS"]):
        assert _stances(text) != [("Ada Rusk", "support", "this mediation")]
    text = ("Merovia wants monitors at the dam. Talvia remains opposed to any such extension of "
            "the mission, its foreign minister, Ada Rusk, said.")
    assert ("Talvia", "oppose", "monitors at the dam") in _stances(text)


def test_a_bare_plural_keeps_the_clause_that_says_which():
    text = ('"I cannot support measures that leave Talvian homes cold this winter," Chancellor '
            'Ada Rusk said.')
    [(holder, polarity, issue)] = _stances(text)
    assert (holder, polarity) == ("Ada Rusk", "oppose") and issue.startswith(
        "measures that leave")
    with switched_off(["BARE_PLURAL_WHICH"]):
        assert _stances(text) == [("Ada Rusk", "oppose", "measures")]


def test_a_question_whether_one_would_accept_takes_no_position():
    text = ("Ada Rusk, asked on Saturday whether she would accept Ivo Lunde's support in a "
            "run-off, was blunt. \"I will not take a single vote that comes with conditions,\" "
            "she said.")
    assert _stances(text) == []
    with switched_off(["WHETHER_ASKED"]):
        assert _stances(text) == [("Ada Rusk", "support", "Ivo Lunde's support in a run-off")]


def test_the_person_an_endorsement_backs_is_named():
    """ "was endorsed on Friday by Roan" backs the passive's subject, not Friday; "was backing
    her" backs the woman the pronoun names."""
    text = ("Her main rival, former finance minister Tomas Arvidsen of the Liberal Alliance, was "
            "endorsed on Friday by Elisabeth Roan, who led the country from 2011 to 2019.")
    assert _stances(text) == [("Elisabeth Roan", "support", "Tomas Arvidsen")]
    with switched_off(["PASSIVE_BACKING"]):
        assert _stances(text) == []  # and never "Friday"
    text = ("Nadia Sefer won the endorsement of the Confederation of Workers. Its president, "
            "Mirko Dalca, said the confederation was backing her because she was the only "
            "candidate who has promised not to touch the retirement age.")
    assert ("Confederation of Workers", "support", "Nadia Sefer") in _stances(text)


def test_fighting_a_war_is_no_position():
    """ "fought a brief war over the pass": a war told, not a stance against the war."""
    assert _stances("Talvia accused Merovia of shelling Kellby. The two countries fought a "
                    "brief war over the pass in 1987.") == []


def test_what_is_called_for_in_a_clause_of_its_own_is_the_issue():
    """ "has called for the ambassador to be expelled": the parse makes "for" the mark of a
    clause, which is what the party backs; "ruled that out" then points back to it."""
    text = ("The opposition Sovereignty Party has called for the Marvessan ambassador to be "
            "expelled. President Henrik Oberlin has so far ruled that out.")
    assert _stances(text) == [
        ("Sovereignty Party", "support", "the Marvessan ambassador to be expelled"),
        ("Henrik Oberlin", "oppose", "the Marvessan ambassador to be expelled"),
    ]
    with switched_off(["FOR_CLAUSE"]):
        assert ("Sovereignty Party", "support", "the Marvessan ambassador to be expelled") not in (
            _stances(text))


def test_what_a_march_presses_for_is_its_aim_not_a_stance():
    text = ("The Dunmore Parents Association plans to march to the town hall on Saturday to "
            "press for the ridge to be cleared of unexploded shells.")
    assert _stances(text) == []
    with switched_off(["PROTEST_AIM"]):
        assert [s[:2] for s in _stances(text)] == [("Dunmore Parents Association", "support")]


def test_a_second_want_wants_its_own_object_not_the_clause_before():
    text = ("“We do not want promises, we want water in the channels,” said the union's "
            "chairman, Renzo Albani.")
    assert _stances(text) == [("Renzo Albani", "oppose", "promises"),
                              ("Renzo Albani", "support", "water in the channels")]
    with switched_off(["OBJECT_AFTER_VERB"]):
        assert ("Renzo Albani", "support", "promises") in _stances(text)


def test_the_government_of_a_story_with_a_busy_capital_is_the_countrys():
    """Corvaro, the capital, is named as often as Gavrona; "the government" is Gavrona's, the
    country with a nationality word ("Gavronan")."""
    text = ("Gavronan nurses marched in Corvaro. Corvaro was calm. Police in Corvaro said so. "
            "Gavrona is in crisis. The Gavronan president spoke in Gavrona. Dobran is said to "
            "favour an independent review of hospital staffing, an idea the government has so "
            "far resisted.")
    assert ("Gavrona", "oppose", "hospital staffing") in _stances(text)
    with switched_off(["GOVERNMENT_OF_A_COUNTRY"]):
        assert not any(s[1] == "oppose" for s in _stances(text))


def test_a_cue_verb_the_tagger_calls_an_adverb_still_carries_a_stance():
    text = ("“We back President Obuya's plan, and we will keep backing it long after the cameras "
            "have gone,” Drevlandic Development Minister Pieter Aukes told us.")
    assert _stances(text) == [("Pieter Aukes", "support", "President Obuya's plan")]
    with switched_off(["MISTAGGED_CUE"]):
        assert _stances(text) == []


def test_a_refusal_with_no_object_refuses_what_was_just_urged():
    text = ("The Calvera Chamber of Commerce has urged the government to order the dockers back "
            "to work. Prime Minister Valentina Valchanova has so far refused, saying she would not "
            "settle a labour dispute with a decree.")
    assert ("Valentina Valchanova", "oppose", "order the dockers back to work") in _stances(text)
    with switched_off(["BARE_REFUSAL"]):
        assert not any(s[0] == "Valentina Valchanova" for s in _stances(text))


def test_a_body_the_model_calls_a_product_holds_its_stance():
    text = "Her coalition partner, the centre-right Reform Bloc, backs a back-to-work order."
    assert _stances(text) == [("Reform Bloc", "support", "a back-to-work order")]
    with switched_off(["BODY_NOT_PRODUCT"]):
        assert _stances(text) == []


def test_a_backing_of_last_week_still_holds_and_whose_deputies_are_the_partys():
    text = ("The SDA and the Ecology Party, whose 14 deputies backed Tellan's candidacy last "
            "week, together hold 68 seats.")
    assert _stances(text) == [("Ecology Party", "support", "Tellan's candidacy")]
    with switched_off(["RECENT_BACKING"]):
        assert _stances(text) == []
    with switched_off(["MEMBERS_OF_OWNER"]):
        assert _stances(text) != [("Ecology Party", "support", "Tellan's candidacy")]


def test_his_deputies_are_their_leaders_to_speak_for():
    text = ("Its leader, Dragan Vesić, said on Sunday that his deputies would support a Kovalde "
            "government in exchange for a referendum.")
    assert ("Dragan Vesić", "support", "a Kovalde government") in _stances(text)
    with switched_off(["MEMBERS_OF_OWNER"]):
        assert _stances(text) == []


def test_the_measure_after_a_stance_on_the_tariffs_is_the_tariffs():
    text = ("Prime Minister Jonas Ekvall has expressed support for the tariffs. But the "
            "opposition Green Alliance voiced opposition to the measure.")
    assert ("Green Alliance", "oppose", "the tariffs") in _stances(text)
    with switched_off(["RENAMED_ISSUE"]):
        assert ("Green Alliance", "oppose", "the measure") in _stances(text)


def test_they_in_what_a_group_said_is_that_group():
    text = "Lindorra abstained. Lindorran officials said they could back a revised list."
    assert _stances(text) == [("Lindorra", "support", "a revised list")]
    with switched_off(["THEY_WHO_SAID"]):
        assert _stances(text) == []


def test_a_position_reported_in_the_past_tense_is_held_now():
    text = ("Brosk's foreign minister, Andrej Pelc, defended the veto. He said his government "
            "supported dialogue with Kharzan.")
    assert ("Brosk", "support", "dialogue with Kharzan") in _stances(text)
    with switched_off(["REPORTED_BACKSHIFT"]):
        assert not any(s[2] == "dialogue with Kharzan" for s in _stances(text))


def test_that_points_back_past_the_time_of_the_sentence_before():
    text = ("Its foreign minister, Britt Korhaven, proposed on Monday night to split the measures "
            "so that the asset freezes could go ahead. Andrej Pelc rejected that as well.")
    assert _stances(text) == [("Andrej Pelc", "oppose", "the measures")]
    with switched_off(["NO_TIME_BEFORE"]):
        assert _stances(text) == [("Andrej Pelc", "oppose", "Monday night")]


def test_his_party_refusing_is_its_leaders_position():
    text = ("Liberal Forum leader Oren Baltazar met Tellan on Monday. Baltazar said afterwards "
            "that his party would not sign any coalition agreement that left the finance "
            "ministry in other hands.")
    assert [s[:2] for s in _stances(text)] == [("Oren Baltazar", "oppose")]
    with switched_off(["MEMBERS_OF_OWNER"]):
        assert _stances(text) == []


def test_an_endorsement_of_her_names_the_woman_backed():
    text = ("Irina Kovalde leads Forward Serravia. Kovalde can count on the National Farmers' "
            "League, whose leader, Petar Dunjić, endorsed her for prime minister on Saturday.")
    assert ("Petar Dunjić", "support", "Irina Kovalde") in _stances(text)
    with switched_off(["PASSIVE_BACKING"]):
        assert ("Petar Dunjić", "support", "her") in _stances(text)


def test_an_issue_of_fourteen_words_is_kept_whole():
    text = "Iskeli rejects any limit on how fast it fills the reservoir behind its new Kaptal Dam."
    [(_, _, issue)] = _stances(text)
    assert issue == "any limit on how fast it fills the reservoir behind its new Kaptal Dam"


def test_refusing_to_sign_a_deal_opposes_the_deal():
    text = "Iskeli refuses to sign the water deal."
    assert _stances(text) == [("Iskeli", "oppose", "the water deal")]
    with switched_off(["REFUSED_TO_SIGN"]):
        assert _stances(text) == [("Iskeli", "oppose", "sign the water deal")]


def test_a_statement_of_support_and_a_complaint_against_carry_their_stances():
    text = ("The Coastal States Forum has issued a statement of support for the Ombaran "
            "government's reconstruction plan. Kesmara has lodged a complaint against the tariff.")
    found = _stances(text)
    assert ("Coastal States Forum", "support",
            "the Ombaran government's reconstruction plan") in found
    assert ("Kesmara", "oppose", "the tariff") in found
    with switched_off(["STATEMENT_OF"]):
        assert not any(s[0] == "Coastal States Forum" for s in _stances(text))


def test_calling_a_thing_by_a_word_of_praise_supports_it():
    text = ('Nuvarian Prime Minister Lale Ferhatova called the declaration "long overdue". '
            'Aibek Jorov called the plan "not realistic". Ursula Brandt welcomed the accord, '
            'calling it "a milestone".')
    found = _stances(text)
    assert ("Lale Ferhatova", "support", "the declaration") in found
    assert not [s for s in found if s[0] == "Aibek Jorov" and s[1] == "support"]
    assert [s for s in found if s[0] == "Ursula Brandt"] == [
        ("Ursula Brandt", "support", "the accord")]
    with switched_off(["CALLED_PRAISE"]):
        assert not [s for s in _stances(text) if s[0] == "Lale Ferhatova"]

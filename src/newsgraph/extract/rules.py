"""The switchable rules of the entity, quote, event and stance readers, named in one place.

Every rule a round of measured work added carries a name here, and the code asks ``on(name)``
where the rule acts. ``newsgraph eval --off NAME`` scores the gold sets without it: that is how
a rule shows what it is worth across all the sets, and how a later round finds the rules that
no longer earn their place (docs/events.md, "Measuring a rule").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from newsgraph.errors import UnknownRule

# name → what the rule reads; the module that applies it says where.
RULES: dict[str, str] = {
    # parties (extract/clauses.py), shared by events and stances
    "BODY_OF_KIND": '"the alliance", "the bloc": the one body of that kind the story names',
    "COINED_DEMONYMS": '"Velmonian officials": a demonym coined from a country the story names',
    "MEMBERS_OF_OWNER": '"whose 14 deputies", "his deputies": the party, or the leader',
    "AFTER_RELATIVE_CLAUSE": '"Tellan, whose SDA finished first, met Baltazar": Tellan met him',
    "THEY_WHO_SAID": '"Lindorran officials said they could back": they are the officials\' side',
    "DEMONYM_FORMS": '"the Kesmaran government" is Kesmara\'s: "-an", "-i", "-ese" and "-ian"',
    "OWNER_OF_FORCE": '"its fighters", "their troops": the body they fight or act for',
    "NAMES_IN_TITLE": "a first title and name the parse hangs from a second name act too",
    "THE_GOVERNMENT": '"the government": the country the story names twice as often as any other',
    "GOVERNMENT_OF_A_COUNTRY": '"the government" is a country\'s, never a city\'s',
    "GROUP_ROLES": '"the foreign ministers": the office and its counterparts; "both": two',
    "TWO_MEN": '"the two men had agreed", "both leaders": the last two people named',
    "BODY_OF_MEMBERS": '"Gavrona\'s striking nurses": not Gavrona, the one Nurses\' body if named',
    "PLURAL_NOT_ONE": '"Leaders have adopted": a plural description is no one person\'s role',
    "OWN_SUBJECT_NOT_OBJECT": '"see him": the one seen is not the one who sees',
    "SAYER_OF_CONJUNCT": "a verb joined to a reported clause is the sayer's",
    "PRONOUN_OF_CONJUNCT": '"it" opening a joined clause is the subject of the first',
    "FOR_CLAUSE": '"called for the envoy to be expelled": the clause is what is called for',
    # quotes (extract/quotes.py)
    "ACCORDING_AFTER": '"…” , according to al-Marren": the source named right after the quote',
    "PARTICIPLE_OF_SPEAKER": '"denied a claim that …, calling it “…”": the one who denied',
    "SPOKESPERSON_OF_KIND": '"a ministry spokeswoman": the one ministry named before',
    "HEADLINE_QUOTE_BODY": 'a headline quote the body repeats takes the body\'s speaker',
    "JOINED_TO_REPORT": '"said … had been hurt, and called the account “…”": the sayer calls it',
    "OFFICE_OF_PRONOUN": '"Her office said": the person "her" points back to',
    "TOLD_THEN_SAID": '"X was told that … “…”, a spokesman said": the sayer after the quote',
    "WHICH_SAID": '"Kostrava, which has warned of “consequences”": Kostrava speaks',
    "OFFICIALS_OF_A_STATE": '"Skarvian officials described it as “…”": the state Skarvia',
    "ENTRY_HEADING_QUOTE": "a quote in a live blog entry's heading takes the entry's speaker",
    "APPOSED_BODY": '"the main opposition party, the People\'s Union, … arguing “…”": the Union',
    "BODY_BEFORE_PLACE": '"a UN spokesperson in Geneva": the UN speaks, Geneva is where',
    "SHE_NOT_A_STATE": '"Kesmara rejects … “…,” she said": she is a person, not the state',
    # entities and their types (extract/entities.py, extract/entity_types.py, and the
    # pipeline's entity fixer in entity_rules.py)
    "HOSTED_GATHERING": '"the Hallvik summit": a one-word name on a summit or talks is a place',
    "AT_THE_BUILDING": '"talks at the Hofburg": a one-word name always after "the" is a building',
    "NAMED_FACILITY": '"the Kallen nuclear plant": a name that never acts, before a facility',
    "DESCRIBED_BEFORE": '"the pipeline\'s operator, Arvel Transgas": an organisation',
    "BODY_LAST_WORD": '"the Gavronan Medical Chamber": a name ending in a body\'s word is one',
    "LOC_WITH_DEMONYM": '"Ivrenia" beside "Ivrenian": a country, though the model says LOC',
    "COMPANY_SHORT_NAME": '"Norrgate" after "Norrgate Resources": the company, by its first word',
    "DEMONYM_OF_NAME": '"Marvessan" beside "Marvessa": a nationality, not a body or a person',
    "BODY_NOT_PRODUCT": '"the Reform Bloc" labelled a product: a body, by its last word',
    "HYPHENED_PARTICLE": '"al-Marren" after "Yusuf al-Marren": the same person',
    "STRAY_LABEL_SURNAME": '"press Sherali", labelled a work of art: still the person Sherali',
    "NORP_THAT_ACTS": '"Iskeli refused to sign", labelled a nationality: the state that acts',
    "EVENT_THAT_ACTS": '"the Coastal States Forum has issued a statement": a body, not an event',
    "UNTAGGED_NATIONALITY": '"Serravian" left untagged beside "Serravia": a nationality',
    "DATELINE_AGENCY": '"KASTREL, Sept 16 (Crossline) -": the agency in brackets is a body',
    "PARTY_BY_PLURAL": '"the Greens have ruled out": a party, not a nationality',
    "PORTFOLIO_OF_TITLE": '"Calvonian Trade Minister": "Trade" is the title\'s, not a name\'s',
    "APPOSITION_ENDS": '"in Lisvagen, but Osmanli\'s party": not a description of Lisvagen',
    "PLACE_OF_OWNER": '"the government of Kessland", "Kessland\'s ambassador": a state',
    "NAME_INSIDE_NAME": '"Open Calvonia, a campaign group" says nothing of "Calvonia" alone',
    "CAPITALS_OF_A_NAME": '"KORVITSA —" beside "in Korvitsa": a dateline in capitals, no acronym',
    "BUILDING_BY_NAME": '"Villa Corena", "Galen Theatre", "Valdessa Congress Centre": a building',
    "MINISTRY_NAMES": '"Kelumbe’s Foreign Ministry", left untagged by the model: a ministry',
    "LAW_NAMES": '"the Treaty of Velden", "the Tessalon Trade Accord", left untagged: a law',
    "LANDFORM_NAMES": '"the Sorrel Pass" tagged "Sorrel": the landform\'s word belongs to it',
    "DESTINATION": '"will travel to Dornholm": where one goes is a place, not a body',
    # events (extract/events.py)
    "REPORTED_IN_MARKS": "a verb in quotation marks whose subject stands outside them is told",
    "NEGATED_GOVERNOR": 'what "has not begun" has not happened',
    "BUILDINGS": 'a place "at the X" is a building of the city, one meeting place with it',
    "DESCRIBING_CONJUNCT": "hosts and mediators are no sides of the talks they host",
    "PLACE_OF_SIDES": 'meeting "both delegations" happens where the delegations talk',
    "SEEING_A_PERSON": "seeing a person is meeting them",
    "TIME_AFTER_PHRASE": "a time right after a meeting's phrase is the meeting's",
    "WANTING_OTHERS_TO_ACT": '"wants governments to speed up dredging" is a request',
    "SIDES_IN_SENTENCE": "talks take the sides their sentence names",
    "PLACED_UNNAMED": "an unnamed doer at a named place still makes an event",
    "TROOPS_TO_HELP": 'troops sent "to help" are aid, not a mobilisation',
    "DENIED_CLAUSE": '"denied that …" denies the claimed act; a ministry denies for its state',
    "WRITTEN_PLAN": 'an act in "a draft text on" is planned',
    "SUBJECT_PLACE": 'a place in the subject is where ("dock workers at Kessel walked out")',
    "CALLED_BY": '"the stoppage was called by the union": the union organised it',
    "OWN_CLAIM": "what a side says it captured itself is its claim",
    "ORGANISER_NAMED_NEAR": '"miners marched … The union, which organised the march": the union',
    "CALLS_APART": "a call is no mention of a summit or meeting, and has no venue",
    "SIGNED_IN_CITY": '"signed at the Palácio …, the ministry\'s headquarters in Lisbon": Lisbon',
    "GENERIC_VENUE": '"met him at the ministry": in the city named with it, or the dateline\'s',
    "EXPECTING_OF_A_PARTY": '"expected Nordland to show good faith" asks it of Nordland',
    "GOVERNED_NOUN": '"threatened to impose duties": the duties are the threat\'s',
    "SEAT_OF_GOVERNMENT": '"the government in Darsk" acts for Darsk\'s state',
    "AGREED_TO_MEET": '"agreed to meet again" is the meeting, not an agreement',
    "AGREED_ACTS": '"signed an agreement to withdraw by August": the signers\' planned act',
    "NO_COMMENT": '"declined to comment" refuses nothing',
    "BLAMING_A_THING": '"blamed low rainfall" accuses no party',
    "HYPHENED_SIDES": '"a UK-Dutch conference": two sides',
    "BARE_TIME_AFTER": '"a conference in Rotterdam next week": the time after the place',
    "SESSION_OWN_TIME": "a session's own time before its verb's",
    "SESSIONS_ELSEWHERE": '"rounds in Geneva last year and in Istanbul in February": two',
    "EXCHANGE_SIDES": "a prisoner exchange naming no party is between the talks' sides",
    "TAKING_PLACE": '"the swap could take place in X": the swap\'s place and time',
    "NOTE_OF_PROTEST": '"a note of protest" is no demonstration',
    "AGREED_ON_TALKS": '"agree to extend the Vienna talks": agreed where the talks are',
    "STRUCK_ON": '"a rocket strike on Kelvar": the place struck is where',
    "SESSION_NEEDS_SIDES": "a session of talks never named before, with no sides, is left out",
    "REFUSAL_TOLD": '"told the mediators that Strovna would not sign": the teller refuses',
    "YEAR_NAMED_AGREEMENT": '"the 2020 deal" with no party is in force, not reached',
    "LIKELY_TO_HAPPEN": 'a row that "threatened to spill" makes no threat',
    "WIDER_TALKS": '"wider talks" name no session',
    "BLOCKING_ROUTES": '"tractors blocked the ring road": a blockade there',
    "CONTRIBUTING": '"would contribute two patrol vessels" cooperates',
    "LONE_TIME": "where the parse breaks a clause, the one time after its verb is its time",
    "DUE_TO_RESUME": '"the talks are due to resume on Tuesday": another session, that day',
    "SIDES_LATER": "a session with no sides before it may take those its sentence names later",
    "ROUNDS_OF_STATES": '"a second round" after the ministers\' meeting is between their states',
    "FAILED_TO": '"the sides failed to agree": nothing agreed, nothing refused',
    "DATELINE_MEETING": "a meeting the lead tells with no place is in the dateline's city",
    "MEETING_OF_THE_DAY": "a meeting with no place on the day of the story's summit is there",
    "CAPITAL_NAMED": '"fly to the Nerevian capital, Halsk": a trip to the named place',
    "RECEIVING_A_PERSON": '"will receive Stefanescu at the palace": receiving a person meets them',
    "IN_THE_CHAIR": '"with the mediator in the chair": who chairs is no side',
    "SIDELINES": "two leaders meeting at a headline's summit meet beside it, not as it",
    "INVITED_TO_MEET": '"invited Sarandi to Selsby in January": a planned meeting there',
    "PEOPLE_OF_STATES": "the people a later report names for a meeting's states are who met",
    "SPOKE_BY_PHONE": '"are to speak by phone on Thursday": a call between the speakers',
    "BY_AS_AGENT": '"spoke by telephone", "by" parsed as an agent: the means, not the doer',
    "DUE_IN": '"is due in Kastrel on Wednesday to meet Oberlin": a planned meeting there, then',
    "SEAT_IN_PLACE": '"will travel to the pact\'s headquarters in Rostholm": a trip there',
    "PURPOSE_PERSON": '"will travel to Brenno to brief Šrámek": the person the trip is for',
    "FRAME_WITH": '"changed her mind after a meeting with Maly": she met him',
    "GONE_INTO": '"has gone straight into a meeting with al-Marren": the subject meets him',
    "ARRIVED_THEN": '"landed in Port Salimar and gone into a meeting": the meeting is there',
    "CONVENER_NO_SIDE": '"she would convene a fourth round": the convener is no side of it',
    "ROUNDS_OF_TALKS": '"the first round of negotiations": a session of the talks',
    "HELD_IN": '"the first round, held in Geneva on 9 July": its place and date',
    "DISPUTE_SIDES": "a session no report gives sides is between the story's first two sides",
    "STATUS_BY_DATE": "a meeting dated after the article is planned, one wholly before it happened",
    "GOODS_OF_A_NATION": '"a tariff on Kesmaran cars" is a sanction on Kesmara',
    "WITHDRAWN_BACKING": '"would withdraw their backing": no retreat',
    "WARNED_IF": '"warned that it would divert its ships if …": a threat on a condition',
    "APPLYING_TO_JOIN": '"applied to join NATO" asks to be let in',
    # stances (extract/stances.py)
    "CALLED_PRAISE": '"called the declaration "long overdue"": support for the declaration',
    "REFUSED": '"would not sign a truce" supports it: refusing to sign opposes',
    "RESTRICTIVE": "a restrictive relative clause after \"a\" says which",
    "SAME_THING": '"the deal", "this agreement": the agreement the article introduced',
    "ONLY_WAY": '"argue that X is the only guarantee" supports X',
    "JOINED_OBJECTS": "each infinitive joined to the cue's own is a position",
    "WANTED_CLAUSE": '"wants every state to be able to import": the clause is the issue',
    "JOINED_NOUNS": '"want guarantees, monitors and a date": each noun is an issue',
    "VAGUE_REPEAT": 'a bare "the plan" beside the holder\'s named position is that position',
    "BARE_APPEAL": '"called for calm": an appeal for a bare noun is no stance',
    "NOT_AGAINST": '"we are not against X" takes no position',
    "OWN_TREATMENT": '"against being ignored" names no issue',
    "HARD_LINE": '"a hard line on X" opposes X',
    "BUT_WANTS": '"backs the deal but wants guarantees": the want is a condition',
    "STANDING_PAST": '"which long resisted enlargement": a former position',
    "NAMED_AFTER_THIS": '"this mediation" names its issue; "any such extension" points back',
    "BARE_PLURAL_WHICH": '"cannot support measures that leave homes cold": the clause says which',
    "WHETHER_ASKED": '"asked whether she would accept": a question, no position',
    "PASSIVE_BACKING": '"was endorsed by Roan", "was backing her": the person backed, named',
    "PROTEST_AIM": '"marched to press for X": a demonstration\'s aim is told by the protest',
    "OBJECT_AFTER_VERB": '"we do not want promises, we want water": the object wanted',
    "MISTAGGED_CUE": '"We back the plan", "back" tagged an adverb: a verb with subject and object',
    "BARE_REFUSAL": '"has so far refused", no object: what the sentence before urged',
    "RECENT_BACKING": '"backed Tellan\'s candidacy last week": a backing of days ago still holds',
    "RENAMED_ISSUE": '"support for the tariffs. … opposition to the measure": the issue just named',
    "REPORTED_BACKSHIFT": '"said his government supported X": a position held, told in the past',
    "NO_TIME_BEFORE": '"rejected that" after "proposed on Monday night to …": never the night',
    "REFUSED_TO_SIGN": '"refuses to sign water deal": opposes the deal, not its signing',
    "STATEMENT_OF": '"issued a statement of support for the plan": support for the plan',
    "NEUTRAL": '"has not endorsed a candidate": standing aside',
}

_off: set[str] = set()


def on(name: str) -> bool:
    """Whether the rule ``name`` applies (all do, unless switched off for a measurement)."""
    return name not in _off


@contextmanager
def switched_off(names: Iterable[str]) -> Iterator[None]:
    """Apply every rule but ``names`` inside the block, in this process."""
    names = set(names)
    unknown = sorted(names - RULES.keys())
    if unknown:
        raise UnknownRule(
            f"no rule named {', '.join(unknown)}; `newsgraph eval --rules` lists them")
    saved = set(_off)
    _off.update(names)
    try:
        yield
    finally:
        _off.clear()
        _off.update(saved)

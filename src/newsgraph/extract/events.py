"""Events: who did what to whom, where and when, coded with PLOVER's top-level types.

A trigger is a verb ("met", "accused", "imposed") or a nominalisation ("talks", "summit",
"sanctions") from the lexicons below. Its arguments come from the dependency parse: the
subject (or a passive's agent) acts, the object or a "with/against/on" phrase is acted on,
an "in/at" phrase naming a place is where, and the time expression inside the clause is
when. A noun trigger takes its parties from a possessor ("Marsh's talks"), a "between X and
Y" phrase, a compound ("the EU-China summit"), or the subject of the light verb that
carries it ("held talks", "will attend the summit"). Status follows the grammar: tense and
governing verbs ("is scheduled to", "agreed to") for planned, "denied" and "claimed" above
the clause. One happening mentioned again ("the talks") becomes a mention of the event
named first, and so does the same type between the same parties on a compatible date.
Words inside quotation marks are the speaker's and are not read for events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Sentence

from newsgraph.extract.clauses import (
    FUTURE_GOVERNORS,
    GOVERNMENT_WORDS,
    by_deps,
    called_names,
    clause_subject,
    conjuncts,
    entity_ids,
    for_clause,
    negated,
    party_context,
    prep_objects,
    said_by,
    status_of,
    subject_ids,
)
from newsgraph.extract.doc_cache import lemma_positions, positions, text_of
from newsgraph.extract.entity_types import HOSTED_GATHERINGS, LAW_WORDS
from newsgraph.extract.event_settling import (
    day_of,
    participants,
    settle_places_and_dates,
    sides_of,
)
from newsgraph.extract.quotes import SpeakerContext, countries_of_nationality
from newsgraph.extract.rules import on
from newsgraph.extract.time_resolve import period
from newsgraph.gazetteer import city_names
from newsgraph.model import Entity, Event, Span, Time

VERB_TRIGGERS: dict[str, tuple[str, str]] = {
    # CONSULT
    "meet": ("CONSULT", "meet"), "visit": ("CONSULT", "visit"),
    "negotiate": ("CONSULT", "negotiate"), "summon": ("CONSULT", "summon"),
    "mediate": ("CONSULT", "mediate"), "phone": ("CONSULT", "call"),
    "telephone": ("CONSULT", "call"), "confer": ("CONSULT", "meet"),
    # AGREE
    "agree": ("AGREE", "agree"), "sign": ("AGREE", "sign"), "seal": ("AGREE", "sign"),
    "ratify": ("AGREE", "ratify"), "conclude": ("AGREE", "agree"),
    # SUPPORT
    "welcome": ("SUPPORT", "welcome"), "endorse": ("SUPPORT", "endorse"),
    "praise": ("SUPPORT", "praise"), "hail": ("SUPPORT", "welcome"),
    "defend": ("SUPPORT", "defend"),
    # AID
    "pledge": ("AID", "pledge"), "donate": ("AID", "donate"), "lend": ("AID", "loan"),
    "rescue": ("AID", "rescue"), "evacuate": ("AID", "evacuate"),
    "deliver": ("AID", "deliver"),
    # REQUEST
    "demand": ("REQUEST", "demand"), "urge": ("REQUEST", "urge"), "ask": ("REQUEST", "ask"),
    "request": ("REQUEST", "request"), "appeal": ("REQUEST", "appeal"),
    "petition": ("REQUEST", "petition"),
    # ACCUSE
    "accuse": ("ACCUSE", "accuse"), "condemn": ("ACCUSE", "condemn"),
    "criticise": ("ACCUSE", "criticise"), "criticize": ("ACCUSE", "criticise"),
    "denounce": ("ACCUSE", "denounce"), "blame": ("ACCUSE", "blame"),
    "slam": ("ACCUSE", "criticise"), "sue": ("ACCUSE", "sue"),
    # REJECT
    "reject": ("REJECT", "reject"), "refuse": ("REJECT", "refuse"),
    "dismiss": ("REJECT", "dismiss"), "veto": ("REJECT", "veto"),
    "rebuff": ("REJECT", "reject"), "decline": ("REJECT", "refuse"),
    # THREATEN
    "threaten": ("THREATEN", "threaten"), "warn": ("THREATEN", "warn"),
    # PROTEST
    "protest": ("PROTEST", "protest"), "demonstrate": ("PROTEST", "demonstrate"),
    "march": ("PROTEST", "march"), "rally": ("PROTEST", "rally"),
    "boycott": ("PROTEST", "boycott"), "picket": ("PROTEST", "strike"),
    # SANCTION
    "sanction": ("SANCTION", "sanction"), "fine": ("SANCTION", "fine"),
    "ban": ("SANCTION", "ban"), "expel": ("SANCTION", "expel"),
    "embargo": ("SANCTION", "embargo"),
    # COERCE
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "detain"),
    "seize": ("COERCE", "seize"), "capture": ("COERCE", "capture"),
    "sentence": ("COERCE", "sentence"), "deport": ("COERCE", "deport"),
    "jail": ("COERCE", "jail"), "imprison": ("COERCE", "jail"), "raid": ("COERCE", "raid"),
    "confiscate": ("COERCE", "seize"),
    # ASSAULT
    "shell": ("ASSAULT", "shell"), "bomb": ("ASSAULT", "bomb"), "attack": ("ASSAULT", "attack"),
    "kill": ("ASSAULT", "kill"), "invade": ("ASSAULT", "invade"), "ram": ("ASSAULT", "ram"),
    # MOBILIZE
    "mobilise": ("MOBILIZE", "mobilise"), "mobilize": ("MOBILIZE", "mobilise"),
    "deploy": ("MOBILIZE", "deploy"),
    # RETREAT
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"),
    # CONCEDE
    "concede": ("CONCEDE", "concede"), "free": ("CONCEDE", "release"),
    # COOPERATE
    "cooperate": ("COOPERATE", "cooperate"), "co-operate": ("COOPERATE", "cooperate"),
    "collaborate": ("COOPERATE", "cooperate"), "partner": ("COOPERATE", "cooperate"),
}
# Verbs that report an event only with a telling object: "froze the company's assets",
# "suspended imports", "adopted the closing declaration", "fired warning shots".
OBJECT_TRIGGERS: dict[str, tuple[frozenset[str], tuple[str, str]]] = {
    "freeze": (frozenset({"asset", "account", "fund", "reserve", "property", "holding",
                          "deposit", "payment", "money", "euro", "dollar", "pound"}),
               ("SANCTION", "freeze assets")),  # "froze 90 million euros of its assets"
    "suspend": (frozenset({"import", "export", "flight", "aid", "cooperation", "trade",
                           "delivery", "shipment"}), ("SANCTION", "suspend")),
    "adopt": (frozenset({"declaration", "resolution", "communique", "communiqué",
                         "statement"}), ("AGREE", "adopt")),
    "fire": (frozenset({"shot", "rocket", "missile", "shell", "round", "salvo"}),
             ("ASSAULT", "fire")),
    "fight": (frozenset({"war", "battle", "skirmish", "clash"}), ("ASSAULT", "fight")),
}
# Verb + particle or preposition triggers: (lemma, particle) → type.
PHRASAL_TRIGGERS: dict[tuple[str, str], tuple[str, str]] = {
    ("rule", "out"): ("REJECT", "rule out"), ("walk", "out"): ("PROTEST", "strike"),
    ("call", "for"): ("REQUEST", "call for"), ("pull", "out"): ("RETREAT", "withdraw"),
    ("pull", "back"): ("RETREAT", "withdraw"), ("speak", "with"): ("CONSULT", "call"),
    ("speak", "to"): ("CONSULT", "call"), ("talk", "with"): ("CONSULT", "talks"),
    ("call", "on"): ("REQUEST", "urge"), ("fire", "on"): ("ASSAULT", "fire on"),
    ("open", "fire"): ("ASSAULT", "fire on"), ("set", "aside"): ("AID", "earmark funds"),
    ("release", "prisoners"): ("CONCEDE", "release"),
    ("recall", "ambassador"): ("SANCTION", "recall ambassador"),
    ("file", "complaint"): ("ACCUSE", "file complaint"), ("file", "lawsuit"): ("ACCUSE", "sue"),
    ("lodge", "complaint"): ("ACCUSE", "file complaint"),
    ("recall", "envoy"): ("SANCTION", "recall ambassador"),
}
NOUN_TRIGGERS: dict[str, tuple[str, str]] = {
    "talks": ("CONSULT", "talks"), "meeting": ("CONSULT", "meet"),
    "summit": ("CONSULT", "summit"), "visit": ("CONSULT", "visit"),
    "negotiations": ("CONSULT", "negotiate"), "conference": ("CONSULT", "conference"),
    "call": ("CONSULT", "call"), "session": ("CONSULT", "meet"),
    "agreement": ("AGREE", "agree"), "deal": ("AGREE", "agree"), "accord": ("AGREE", "agree"),
    "memorandum": ("AGREE", "sign"), "memoranda": ("AGREE", "sign"),
    "sanctions": ("SANCTION", "sanction"), "duties": ("SANCTION", "impose duties"),
    "tariffs": ("SANCTION", "impose tariffs"), "embargo": ("SANCTION", "embargo"),
    "tariff": ("SANCTION", "impose tariffs"), "levy": ("SANCTION", "impose tariffs"),
    "protest": ("PROTEST", "protest"), "demonstration": ("PROTEST", "demonstrate"),
    "strike": ("PROTEST", "strike"), "rally": ("PROTEST", "rally"), "march": ("PROTEST", "march"),
    "blockade": ("PROTEST", "blockade"), "walkout": ("PROTEST", "strike"),
    "stoppage": ("PROTEST", "strike"),
    "shelling": ("ASSAULT", "shell"), "bombardment": ("ASSAULT", "shell"),
    "airstrike": ("ASSAULT", "air strike"), "offensive": ("ASSAULT", "attack"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "detain"),
    "seizure": ("COERCE", "seize"), "capture": ("COERCE", "capture"),
    "exchange": ("CONCEDE", "prisoner exchange"), "withdrawal": ("RETREAT", "withdraw"),
    "accusation": ("ACCUSE", "accuse"), "threat": ("THREATEN", "threaten"),
    "appeal": ("REQUEST", "appeal"), "letter": ("REQUEST", "letter"),
    "round": ("CONSULT", "talks"), "rounds": ("CONSULT", "talks"),
    "debate": ("CONSULT", "debate"),
    "swap": ("CONCEDE", "prisoner exchange"),
}
# One measure named in the singular: an event only when a verb imposes it ("slapped a
# tariff on"), else the measure itself ("the tariff stays until the subsidies go").
IMPOSED_ONLY = frozenset({"tariff", "levy"})
# Nouns that are events only with these words beside them ("phone call", "prisoner exchange").
NOUN_NEEDS: dict[str, frozenset[str]] = {
    "call": frozenset({"phone", "video", "telephone"}),
    "exchange": frozenset({"prisoner", "prisoners"}),
    "swap": frozenset({"prisoner", "prisoners"}),
    "session": frozenset({"negotiating", "hour", "six", "marathon", "closed", "door"}),
    "letter": frozenset({"open", "joint"}),
    "strike": frozenset({"general", "national", "dock", "port", "rail", "hunger", "day", "week"}),
    "offensive": frozenset({"new", "spring", "ground", "major"}),
    # not "first": "the first round" of an election is no session of talks
    "round": frozenset({"second", "third", "fourth", "fifth", "next", "new", "final",
                        "talks", "negotiations", "previous", "earlier", "another"}),
    "rounds": frozenset({"talks", "negotiations", "previous", "earlier"}),
}
# What one withdraws without moving a soldier: "withdraw their backing", "its candidacy".
WITHDRAWN_WORDS = frozenset({"backing", "support", "offer", "bid", "candidacy", "complaint",
                             "proposal", "nomination", "endorsement", "objection", "request"})
# What a "strike" is made with when it is an attack: "a rocket strike", "drone strikes".
WEAPONS = frozenset({"rocket", "missile", "drone", "air", "artillery", "mortar", "rocket-"})
# What one strikes when making, not attacking: "struck a deal".
MADE_BY_STRIKING = frozenset({"deal", "agreement", "accord", "bargain", "balance", "tone",
                              "note", "chord", "compromise", "blow", "pose"})
# Verbs a call is the means of: "spoke by video call with Wang on Monday".
SPEAKING = frozenset({"speak", "talk", "confer"})
# Verbs that only carry a noun trigger: "held talks", "imposed sanctions", "staged a strike".
LIGHT_VERBS = frozenset({
    "hold", "have", "attend", "host", "begin", "start", "resume", "open", "conduct", "launch",
    "impose", "stage", "reach", "strike", "sign", "announce", "join", "convene", "schedule",
    "plan", "propose", "call", "seal", "agree", "chair", "organise", "organize", "lead",
    *SPEAKING,
    "make", "issue", "send", "write", "continue", "end", "break", "complete", "carry",
    "extend", "prolong", "slap",
    *("travel", "fly", "head", "go", "return", "arrive"),
    "clash",  # "clashed in a televised debate": the debaters
})
# Verbs that carry on what is under way: their object has happened already.
CONTINUING = frozenset({"continue", "extend", "prolong"})
PARTAKING_VERBS = frozenset({"hold", "attend", "host", "chair", "lead", "join", "open",
                             "sign", "reach", "seal", "conclude", "stage", "impose"})
# Verbs of calling talks together: their subject brings the sides, it is not one.
CONVENING = frozenset({"convene", "chair"})
# Verbs of arriving: what one does next, joined to them, happens where one arrived.
ARRIVING = frozenset({"land", "arrive", "fly", "travel", "return", "drive"})
# Verbs of going somewhere: a visit when they lead to a place ("will fly to Velsk").
MOTION_VERBS = frozenset({"travel", "fly", "head", "go", "return", "arrive"})
# Triggers whose sides are symmetric: the parties of one side are all actors.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "CONCEDE"})
STANDING_POSITIONS = frozenset({"back", "support", "oppose", "favour", "favor", "endorse"})
ACTORLESS_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE"})
TARGET_PREPOSITIONS = frozenset({"with", "against", "on", "to", "from", "between"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "through"})
PLACE_TYPES = ("GPE", "LOC", "FAC")
# Phrases of a meeting noun whose own place phrase is the meeting's ("talks between X and Y
# in Port Ardin").
BOUNDS = frozenset({"until", "till", "by", "through", "before", "since"})
INNER_PREPOSITIONS = frozenset({"between", "with", "on", "over", "about"})
GENERIC_DETERMINERS = frozenset({"any", "no", "such", "future", "every", "further", "more"})
# Comparatives of scope: "a row threatened to spill into wider talks" names no session.
WIDER = frozenset({"wider", "broader"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


@dataclass
class _Candidate:
    type: str
    subtype: str
    trigger: Span
    sentence: tuple[int, int]
    actors: list[str]
    targets: list[str]
    place: str | None
    time: Time | None
    status: str
    anaphoric: bool = False  # "the talks": may be a later mention of an event already named
    definite: bool = False  # "joined the summit": the summit named before, whoever joins it
    both_sides: bool = False  # "met both delegations": the sides of the talks named before
    between_sides: bool = False  # "an exchange of prisoners": between the sides named before
    headline: bool = False  # named in the headline, which sums up what the body tells
    group: bool = False  # "the ministers met", "the pair last met": who, the article said before
    frame: int | None = None  # "after Oslo talks, they agreed": where the framing verb stands
    sideless: bool = False  # a session of talks no earlier report gave sides: its sentence may
    failed: bool = False  # "the sides failed to agree": no event, though it names the sides
    mentions: list[Span] = field(default_factory=list)


def _span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)


# Verbs whose event type depends on what they move: "sent aid" is AID, "sent troops"
# MOBILIZE, "released funds" AID, "released the crew" CONCEDE.
OBJECT_TYPED_VERBS = frozenset({"send", "offer", "release", "approve", "provide", "supply",
                                "contribute", "grant", "raise", "launch", "allocate", "earmark",
                                "give", "announce", "unveil", "save", "fund"})
AID_WORDS = frozenset("""
aid help assistance funding funds fund money loan loans grant grants package supplies food
medicine medicines tents convoy relief programme program support credit tranche euros dollars
pounds million billion shelter water blankets equipment weapons arms ammunition drones
rockets missiles aircraft
""".split())
TROOP_WORDS = frozenset({"troops", "soldiers", "forces", "battalion", "battalions", "brigade",
                         "warships", "tanks", "jets", "reinforcements"})
RELEASED_PEOPLE = frozenset({"prisoners", "prisoner", "crew", "hostages", "hostage",
                             "detainees", "captives", "journalist", "journalists", "fishermen"})


def _signed_with(verb: Token) -> list[Token]:
    """ "signed memoranda on renewable power with the United Kingdom": the other side of an
    agreement, wherever the parse hangs the with-phrase inside what was signed."""
    out = []
    for child in verb.children:
        if child.dep_ not in ("dobj", "prep"):
            continue
        for t in child.subtree:
            if t.dep_ == "prep" and t.lower_ == "with" and not any(
                a.dep_ in ("relcl", "acl", "advcl") for a in t.ancestors if a.i != verb.i
                and verb.i in [x.i for x in a.ancestors]
            ):
                out.extend(c for c in t.children if c.dep_ == "pobj")
    return out


def _owners_outside(verb: Token) -> list[Token]:
    """ "gathered outside Nordland's embassy": whom a demonstration at a building is aimed
    at."""
    return [c for o in prep_objects(verb, ("outside",)) for c in o.children if c.dep_ == "poss"]


def _a_question(verb: Token) -> bool:
    """ "asked Morozov whether Roskov had dropped its threat": a question, not a request."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") for m in c.children):
            return True
        if c.dep_ in ("prep",) and c.lower_ == "about":
            return True
    return False


# Verbs of promising: with an infinitive and nothing given they promise an act, not aid
# ("pledged to raise the minimum pension"), unlike "pledged €3 million".
PROMISING = frozenset({"pledge"})
# What one signs to say something, not to agree with anyone.
WRITINGS = frozenset({"letter", "petition"})
# Verbs of backing: an event when what is backed is a party, a candidate or a government
# ("backed Salcedo in 2020", "would support Ferrán in a runoff"); backing a plan is a stance.
ENDORSING = frozenset({"back", "support"})


def _endorsed_party(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
               for c in verb.children)


def _gathered_outside(verb: Token) -> bool:
    """ "farmers had gathered outside Nordland's embassy": a crowd outside a building is a
    demonstration."""
    return any(c.dep_ == "prep" and c.lower_ == "outside" for c in verb.children)


def _a_threat(verb: Token) -> bool:
    """A warning is a threat when it is addressed to someone ("warned Sarvania that"), of
    something ("warned of consequences"), or says what the warner's own side will do
    ("warned that his government would review"); "warned that prices could rise" forecasts."""
    if any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("of", "against"))
           for c in verb.children):
        return True
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return True
    subject = clause_subject(clauses[0])
    if subject is None:
        return False
    if on("WARNED_IF") and _own_act_if(clauses[0], subject):
        return True
    return subject.lower_ in ("we", "i") or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _own_act_if(clause: Token, subject: Token) -> bool:
    """ "warned that it would divert its services if the strike had not ended", "that the
    company could cut flows … if the freeze was not lifted": what the warner's side will do
    on a condition is a threat; "prices could rise if rates fall" has no such side."""
    conditional = any(c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in clause.children)
    own = subject.lower_ in ("it", "he", "she", "they") or (
        subject.pos_ == "NOUN" and any(c.lower_ == "the" for c in subject.children)
        and subject.lower_ in ("company", "government", "union", "ministry", "group", "army"))
    return conditional and own


def _promise_to_act(verb: Token) -> bool:
    own = {c.dep_ for c in verb.children}
    return "xcomp" in own and not own & {"dobj", "dative"}


def _object_typed(verb: Token, lemma: str) -> tuple[str, str] | None:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    words = {t.lower_ for o in objects for t in o.subtree}
    # "Paris has offered to help": what is offered is the infinitive's
    words |= {c.lower_ for c in verb.children if c.dep_ == "xcomp"}
    words |= {t.lower_ for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
              for t in c.subtree}  # "12 million euros in humanitarian aid"
    if lemma == "save" and objects:
        return "AID", "rescue"
    if lemma == "release" and words & RELEASED_PEOPLE:
        return "CONCEDE", "release"
    if lemma == "send" and words & TROOP_WORDS:
        if on("TROOPS_TO_HELP") and any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in HELPING
                                  for c in verb.children):
            return "AID", "send"  # "would send 300 soldiers to help clear roads"
        return "MOBILIZE", "deploy"
    if words & AID_WORDS and not words & TROOP_WORDS:
        return "AID", lemma
    if on("CONTRIBUTING") and lemma == "contribute" and objects:
        return "COOPERATE", "contribute"  # "would contribute two patrol vessels"
    return None


def _verb_trigger(token: Token) -> tuple[str, str] | None:
    if token.pos_ not in ("VERB",):
        return None
    lemma = token.lemma_.lower()
    if lemma in OBJECT_TYPED_VERBS:
        return _object_typed(token, lemma)
    if lemma in OBJECT_TRIGGERS:
        objects, kind = OBJECT_TRIGGERS[lemma]
        told = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")}
        if told & objects:
            return kind  # otherwise "fired on a depot" may still be a phrasal trigger
    if lemma == "ask" and _a_question(token):
        return None
    if lemma in MOTION_VERBS:
        return ("CONSULT", "visit") if _trip(token) else None
    if lemma == "call" and called_names(token) is not None:
        return "ACCUSE", "denounce"
    if lemma == "invite":
        return ("CONSULT", "invite") if on("INVITED_TO_MEET") and _invited_to_meet(token) else None
    if lemma in ("speak", "talk") and on("SPOKE_BY_PHONE") and any(
        o.lemma_.lower() in CALL_MEANS
        for o in prep_objects(token, ("by", "over", "via"), by_deps())
    ):
        return "CONSULT", "call"  # "are scheduled to speak by phone on Thursday"
    if lemma == "receive":
        return ("CONSULT", "meet") if on("RECEIVING_A_PERSON") and _a_person_received(
            token) else None
    if lemma == "gather" and _gathered_outside(token):
        return "PROTEST", "demonstrate"
    if lemma == "warn" and not _a_threat(token):
        return None
    if lemma == "threaten" and on("LIKELY_TO_HAPPEN") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in HAPPENINGS for c in token.children
    ):
        return None  # "a row that threatened to spill into wider talks": likely, no threat
    if on("NO_COMMENT") and lemma in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in SAYING_NOTHING for c in token.children
    ):
        return None  # "declined to comment": nothing refused to anyone
    if lemma in PROMISING and _promise_to_act(token):
        return None
    if lemma == "strike" and any(c.dep_ == "dobj" for c in token.children):
        struck = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
        return None if struck & MADE_BY_STRIKING else ("ASSAULT", "strike")
    if lemma == "withdraw" and on("WITHDRAWN_BACKING") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in WITHDRAWN_WORDS for c in token.children
    ):
        return None  # "would withdraw their backing": a threat to a partner, no retreat
    if lemma == "sign" and any(c.dep_ == "dobj" and c.lemma_.lower() in WRITINGS
                               for c in token.children):
        return None  # "signed a joint letter": the letter is the event, no agreement
    if lemma in ENDORSING:
        return ("SUPPORT", "endorse") if _endorsed_party(token) else None
    if lemma == "want" and on("WANTING_OTHERS_TO_ACT"):
        # "wants governments to speed up dredging": asking others to act; "wants guarantees",
        # "want to go home" or "wants every state to be able to" asks no act of anyone
        return ("REQUEST", "want") if any(
            c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB" and c.lemma_ not in ("be", "have")
            and any(g.dep_ == "nsubj" for g in c.children) for c in token.children) else None
    if lemma == "expect" and on("EXPECTING_OF_A_PARTY"):
        # "she expected Nordland to show good faith": what one party expects another to do is
        # asked of it; "diplomats expect the leaders to try" or "is expected to meet" is not
        parties = ("GPE", "ORG", "PERSON", "NORP")
        asked = any(c.dep_ == "dobj" and c.ent_type_ in parties for c in token.children) and any(
            c.dep_ == "xcomp" and c.tag_ == "VB" for c in token.children)
        asked = asked or any(  # the parse may make the party the subject of a clause
            c.dep_ == "ccomp" and c.tag_ == "VB" and any(
                g.dep_ == "nsubj" and g.ent_type_ in parties for g in c.children)
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in token.children)
        return ("REQUEST", "expect") if asked else None
    if lemma == "apply" and on("APPLYING_TO_JOIN"):
        # "applied to join NATO", "applied for membership": asking to be let in; "will apply
        # the rules" asks nothing
        return ("REQUEST", "apply") if not any(c.dep_ == "dobj" for c in token.children) and any(
            (c.dep_ == "xcomp" and c.lemma_.lower() in ("join", "become", "enter"))
            or (c.dep_ == "prep" and c.lower_ == "for") for c in token.children) else None
    if lemma == "block" and on("BLOCKING_ROUTES"):
        # "tractors blocked the ring road": a blockade; "blocked the bill" is no protest
        return ("PROTEST", "blockade") if any(
            c.dep_ == "dobj" and c.lemma_.lower() in ROUTES for c in token.children) else None
    if lemma == "see" and on("SEEING_A_PERSON"):
        # "is expected to see him again": seeing a person is meeting them; "see a repeat"
        # or "seen no new arrivals" is not
        return ("CONSULT", "meet") if any(
            c.dep_ == "dobj" and (c.lower_ in ("him", "her") or c.ent_type_ == "PERSON")
            for c in token.children) else None
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod"):  # "pull back": advmod at times
            found = PHRASAL_TRIGGERS.get((lemma, child.lower_))
            if found:
                return found
    if (lemma, "for") in PHRASAL_TRIGGERS and for_clause(token) is not None:
        return PHRASAL_TRIGGERS[(lemma, "for")]
    return VERB_TRIGGERS.get(lemma)


# Every lemma a verb trigger can stand on (``_verb_trigger`` types nothing else), and the
# words and lemmas of noun triggers: the scan reads only the tokens that have one.
TRIGGER_LEMMAS = frozenset({
    *VERB_TRIGGERS, *(verb for verb, _ in PHRASAL_TRIGGERS), *OBJECT_TYPED_VERBS, *MOTION_VERBS,
    *ENDORSING, "call", "gather", "strike", "want", "see", "expect", "apply", "block",
    "receive", "invite", "speak", "talk", *OBJECT_TRIGGERS, *NOUN_TRIGGERS,
})


def _trigger_positions(doc: Doc) -> list[int]:
    """Where a trigger may stand, in text order: a Token costs a Python object, and the
    lemma and word indexes leave the few hundred an article has of its thousands."""
    return positions(doc, TRIGGER_LEMMAS, NOUN_TRIGGERS)


def _city(entity: Entity) -> bool:
    """A city the gazetteer knows ("Oslo talks"): a place, where a country would be a party."""
    return entity.type == "GPE" and any(f in city_names() for f in (entity.name, *entity.aliases))


# What is named after the place that holds it: "the Hallvik summit", "the Hallvik Declaration".
NAMESAKES = HOSTED_GATHERINGS | LAW_WORDS


def _only_a_host(r: _Reader, entity: Entity) -> bool:
    """ "the Hallvik summit", never Hallvik acting: a place the article names only for the
    gatherings it holds and what they sign is where they meet, not a side."""
    if not on("HOSTED_GATHERING") or entity.type != "GPE":
        return False
    return all(
        r.text[m.end:m.end + 16].lstrip().split(" ", 1)[0].lower().strip(",.;:")
        in NAMESAKES for m in entity.mentions
    )


# What a call is made by: "spoke by phone" ("spoke by video call" is the noun's event).
CALL_MEANS = frozenset({"phone", "telephone"})


def _a_person_received(verb: Token) -> bool:
    """ "will receive Ștefănescu at the palace", "was received at the plant by its director":
    receiving a person is meeting them; receiving a letter or aid is not."""
    received = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.ent_type_ == "PERSON" for c in received)


def _invited_to_meet(verb: Token) -> bool:
    """ "has invited Sarandi to Selsby in January", "invited both sides to his ministry": a
    meeting the host offers; "was invited to join", "invited bids" is none."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(o.pos_ in ("NOUN", "PROPN") for o in prep_objects(verb, ("to",)))


# "the Nerevian capital, Halsk": a settlement the apposition names.
SETTLEMENTS = frozenset({"capital", "city", "town", "village", "port"})


def _trip(verb: Token, is_place: Callable[[Token], bool] | None = None) -> bool:
    """ "will fly to Velsk on 19 March": a trip to a named place, with no meeting noun of its
    own ("travel to Brussels for talks" is the talks' event). ``is_place`` reads the types
    the article's entities were given, where the model's labels may differ."""
    def place(t: Token) -> bool:
        return t.ent_type_ in PLACE_TYPES or (is_place is not None and is_place(t))

    to_place = any(
        p.dep_ == "prep" and p.lower_ == "to" and any(
            c.dep_ == "pobj" and (place(c) or (
                on("CAPITAL_NAMED") and c.lemma_.lower() in SETTLEMENTS and any(
                    a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children)) or (
                on("SEAT_IN_PLACE") and c.pos_ == "NOUN" and any(
                    place(o) for o in prep_objects(c, ("in",)) + prep_objects(verb, ("in",)))))
            for c in p.children)
        for p in verb.children
    )  # "fly to Velsk", "fly to the Nerevian capital, Halsk", "to its headquarters in Rostholm"
    meeting_noun = any(_noun_trigger(t) for t in verb.subtree if t.i != verb.i)
    # "will travel to Lyon to meet Quint": the meeting is the event, the trip its way there
    meeting_verb = any(c.dep_ in ("advcl", "xcomp") and VERB_TRIGGERS.get(
        c.lemma_.lower(), ("", ""))[0] == "CONSULT" for c in verb.children)
    return to_place and not meeting_noun and not meeting_verb


def _misparsed_noun(token: Token) -> bool:
    """ "… agree joint monitoring after Oslo talks": a headline's plural noun the parse took
    for a verb, introduced by "after" or "before" and taking no object."""
    own = {c.dep_ for c in token.children}
    return token.tag_ == "VBZ" and token.lower_ in NOUN_TRIGGERS and "dobj" not in own and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before") for c in token.children)


def _noun_trigger(token: Token) -> tuple[str, str] | None:
    if token.pos_ not in ("NOUN",) and not _misparsed_noun(token):
        return None
    word = token.lower_
    found = NOUN_TRIGGERS.get(word) or NOUN_TRIGGERS.get(token.lemma_.lower())
    if found is None:
        return None
    if token.lemma_.lower() == "strike" and {
        t.lower_ for t in token.doc[max(0, token.i - 2): token.i]} & WEAPONS:
        return "ASSAULT", "strike"  # "a rocket strike on Kelvar", not a walkout
    needs = NOUN_NEEDS.get(word) or NOUN_NEEDS.get(token.lemma_.lower())
    if needs is not None:
        near = {t.lower_ for t in token.doc[max(0, token.i - 3): token.i]}
        near |= {t.lemma_.lower() for t in token.children}
        # "rounds of talks": the noun the "of" phrase names
        near |= {g.lower_ for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"}
        if not (near & needs or any(w.rstrip("-") in needs for w in near)):
            return None
    return found


def _acted_on(verb: Token) -> list[Token]:
    """Whom a verb acts on, in text order: its objects and the objects of with/against/on/to/
    from/between ("accused Nordland", "met with Wang")."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            out.extend(c for c in child.children if c.dep_ == "pobj" and not (
                child.lower_ == "with" and _in_the_chair(c)))
    return out


def _in_the_chair(party: Token) -> bool:
    """ "meet again on Monday, with state mediator Vlad Cernat in the chair": who chairs a
    meeting is not one of its sides."""
    return on("IN_THE_CHAIR") and any(
        o.lemma_.lower() == "chair" for o in prep_objects(party, ("in",)))


class _Reader:
    def __init__(self, doc: Doc, ctx: SpeakerContext, times: tuple[Time, ...],
                 published: date | None, headline_end: int = 0) -> None:
        self.headline_end = headline_end
        self.doc = doc
        self.text = text_of(doc)
        self.ctx = ctx
        self.entities = ctx.by_id
        self.locative = self._locative_entities(doc)
        self.buildings = self._buildings() if on("BUILDINGS") else set()
        self.times = [t for t in times if t.kind == "point"]
        self.published = published

    def _locative_entities(self, doc: Doc) -> set[str]:
        """Entities the article uses as places somewhere ("in Hallvik", "at the Hofburg")."""
        out = set()
        preps = (doc[i] for i in positions(doc, words=PLACE_PREPOSITIONS))
        for t in (c for p in preps for c in p.children):
            if t.dep_ == "pobj":
                found = self.ctx.entity_at(t)
                if found is not None and found[0].type in PLACE_TYPES:
                    out.add(found[0].id)
        return out

    def _buildings(self) -> set[str]:
        """Places the article names as buildings, "at the Hofburg", whatever their type:
        a building and its city may be one meeting's place."""
        out = set()
        for e in self.ctx.entities:
            if e.type in PLACE_TYPES and not _city(e) and any(
                self.text[max(0, m.start - 7): m.start].lower() == "at the " for m in e.mentions
            ):
                out.add(e.id)
        return out

    def inside_quote(self, token: Token) -> bool:
        return self.ctx.inside_quote[token.idx]

    def parties(self, heads: list[Token]) -> list[str]:
        ids: list[str] = []
        for h in heads:
            ids.extend(entity_ids(self.ctx, h))
        return list(dict.fromkeys(ids))

    def is_place(self, token: Token) -> bool:
        """Whether ``token`` names a place, by the type the article gave the entity."""
        found = self.ctx.entity_at(token)
        return found is not None and found[0].type in PLACE_TYPES

    def place(self, anchors: list[Token], preps: Iterable[str] = PLACE_PREPOSITIONS
              ) -> str | None:
        for anchor in anchors:
            for obj in prep_objects(anchor, preps):
                # the phrase's own head first, then its apposition ("Estmark's capital,
                # Roskov"), then anything inside it
                appositions = [c for c in obj.children if c.dep_ == "appos"]
                if not appositions and on("CAPITAL_NAMED") and obj.lemma_.lower() in SETTLEMENTS \
                        and obj.i + 2 < len(self.doc) and self.doc[obj.i + 1].text == ",":
                    # "in the capital, Dravenholm," with the name hung elsewhere by the parse
                    appositions = [self.doc[obj.i + 2]]
                # "the industrial city of Dravik": the named place, before its country
                named = prep_objects(obj, ("of",))
                if on("SEAT_IN_PLACE") and obj.pos_ == "NOUN":
                    # "at the Forum's headquarters in Montelune": the town, not the owner
                    named += prep_objects(obj, ("in",))
                for t in [obj, *appositions, *named, *obj.subtree]:
                    found = self.ctx.entity_at(t)
                    if found is not None and found[0].type in (*PLACE_TYPES, "ORG") and (
                        found[0].type != "ORG" or obj.ent_type_ == "FAC"
                    ):
                        return found[0].id
        return None

    def inner_place(self, noun: Token) -> str | None:
        """A place phrase the parse hangs one level down, from a party or the subject of a
        meeting noun: "talks between Dahlgaard and Ilescu in Port Ardin", "a conference on
        the issue in Brussels"."""
        inner = [c for o in prep_objects(noun, INNER_PREPOSITIONS) for c in conjuncts(o)]
        return self.place(inner)

    def time(self, anchors: list[Token]) -> Time | None:
        """The dated time expression inside the clause of the first anchor that has one, in
        the same paragraph (a headline's parse may run on into the dateline)."""
        for anchor in anchors:
            lo = min(t.idx for t in anchor.subtree)
            hi = max(t.idx + len(t.text) for t in anchor.subtree)
            inside = [t for t in self.times if lo <= t.start and t.end <= hi
                      and not self.ctx.inside_quote[t.start] and "\n\n" not in
                      self.text[min(t.start, anchor.idx): max(t.end, anchor.idx)]]
            # the expression whose words hang from the anchor itself, nearest first
            direct = [t for t in inside if self._governed_by(t, anchor)
                      and not self._a_bound(t)]
            if direct:
                return min(direct, key=lambda t: abs(t.start - anchor.idx))
        return None

    def time_after_phrase(self, noun: Token) -> Time | None:
        """ "the alliance's summit in Ankara in July": a time phrase that follows the noun's
        own phrase is the noun's, wherever the parse hangs it; so is a bare one right after
        its place ("a conference in Rotterdam next week")."""
        end = max(t.i for t in noun.subtree) + 1
        if on("BARE_TIME_AFTER") and end < len(self.doc) and prep_objects(
            noun, PLACE_PREPOSITIONS) and (
            self.doc[end].lower_ in ("next", "last", "this")
        ):
            start = self.doc[end].idx
            found = next((t for t in self.times if t.start == start), None)
            if found is not None and not self.ctx.inside_quote[start]:
                return found
        if noun.dep_ != "pobj" or end + 1 >= len(self.doc) or self.doc[end].lower_ not in (
            "in", "on"
        ):
            return None
        start = self.doc[end + 1].idx
        found = next((t for t in self.times if t.start == start), None)
        return found if found is not None and not self.ctx.inside_quote[start] else None

    def time_of_when(self, verb: Token) -> Time | None:
        """ "The test comes on 2 July, when Kallas and Lund are due to meet": a "when" clause
        hanging from a date happens on that date."""
        clause = verb
        while clause.dep_ in ("xcomp", "acomp") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "relcl" or not any(c.lower_ == "when" for c in clause.children):
            return None
        day = clause.head.idx
        return next((t for t in self.times if t.start <= day < t.end), None)

    def lone_time(self, verb: Token) -> Time | None:
        """ "spoke to his counterpart, Pieter van den Broek, by phone on Wednesday evening":
        where the parse breaks the clause, the one time after the verb in its sentence, with
        no other verb between, is the verb's."""
        if not on("LONE_TIME"):
            return None
        sent = verb.sent
        after = [t for t in self.times if verb.idx < t.start < sent.end_char
                 and not self.ctx.inside_quote[t.start] and not self._a_bound(t)]
        if len(after) != 1:
            return None
        between = self.doc.char_span(verb.idx + len(verb), after[0].start,
                                     alignment_mode="expand")
        if between is None or any(
            t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" and not t.ent_type_ for t in between
        ):
            return None
        return after[0]

    def deadline(self, verb: Token) -> Time | None:
        """The "by" bound hanging from the verb: when what it says is due."""
        for obj in prep_objects(verb, ("by",)):
            found = next((t for t in self.times if t.start <= obj.idx < t.end), None)
            if found is not None:
                return found
        return None

    def _a_bound(self, time: Time) -> bool:
        """ "set aside €500 million until 2027", "leave the ridge by 5 October": a deadline or
        an end, not when the event happened."""
        before = self.text[max(0, time.start - 12): time.start].lower().split()
        return bool(before) and before[-1] in BOUNDS

    def _governed_by(self, time: Time, anchor: Token) -> bool:
        span = self.doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        t = span.root
        for _ in range(4):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.i == anchor.i:
                return True
            if t.pos_ == "VERB" and t.i != anchor.i and t.dep_ not in ("xcomp", "aux"):
                return False
        return False


def _sentence_of(token: Token) -> tuple[int, int]:
    s = token.sent
    return s.start_char, s.end_char


# Verbs that say the act they govern did not happen: "failed to agree".
FAILING = frozenset({"fail"})


def _from_verb(r: _Reader, verb: Token, kind: tuple[str, str]) -> _Candidate | None:
    type_, subtype = kind
    if negated(verb):
        if type_ != "AGREE":
            return None
        type_, subtype = "REJECT", "refuse"
    elif on("NEGATED_GOVERNOR") and verb.dep_ == "xcomp" and verb.head.i != verb.i and negated(
        verb.head
    ) and type_ != "AGREE":
        return None  # "the navy has not begun to pull back": nothing done
    if on("BLAMING_A_THING") and subtype == "blame" and _blames_a_thing(r, verb):
        return None  # "blamed low rainfall for the weaker flows": no party accused
    actors = subject_ids(r.ctx, verb) or _seat_of_government(r, clause_subject(verb))
    teller = _refusal_told(verb) if type_ == "REJECT" and kind[0] == "AGREE" else None
    if teller is not None:
        # "Kostova had told the mediators that Strovna would not sign": she refused, to them
        actors = subject_ids(r.ctx, teller)
    accuser = _accusation_over(verb)
    if accuser is not None:
        # "accused the army of firing on a depot": the accused is who fired, on one side's word
        accused = [c for c in accuser.children if c.dep_ == "dobj"]
        actors = r.parties(accused)
    agreed = _agreed_act(verb) if on("AGREED_ACTS") and not actors else None
    if agreed is not None:
        actors = subject_ids(r.ctx, agreed.head)  # the signers do what they signed to do
    objects = _acted_on(verb)
    # "fired on a depot in the village of Brod": the place may hang from what was acted on
    acted_on = [c for c in verb.children if c.dep_ == "dobj"] + prep_objects(
        verb, ("on", "against", "at"))
    place = r.place([verb, *acted_on]) or r.place(_participles_on(verb))
    if place is None and on("AGREED_ON_TALKS") and type_ == "AGREE":
        place = _place_of_talks(r, verb)  # "agree to extend Vienna ceasefire talks"
    if place is None and subtype == "blockade":
        place = r.place(acted_on, ("around", "near", "to", "into", "outside"))  # the road's
    if place is None:
        place = _subject_place(r, verb)
    if subtype == "invite":
        # "invited Sarandi to Selsby": where the guest is asked to come, not another guest
        place = place or r.place([verb], ("to",))
        objects = [o for o in objects if o.head.lower_ != "to"]
    if subtype == "visit" and on("SEAT_IN_PLACE") and verb.lemma_.lower() in MOTION_VERBS:
        # "will travel to the pact's headquarters in Rostholm": the town the seat stands in
        seats = [o for o in prep_objects(verb, ("to",)) if o.pos_ == "NOUN"]
        place = place or r.place(seats) or (r.place([verb]) if seats else None)
    if subtype == "visit":
        # "Malik will visit Ankara": the place visited is where, not whom; so is the place a
        # trip goes to ("will fly to the Nerevian capital, Halsk")
        visited = [o for o in objects if o.dep_ == "dobj" or (
            on("CAPITAL_NAMED") and verb.lemma_.lower() in MOTION_VERBS and o.head.lower_ == "to")]
        named = [f[0].id for o in visited for t in (o, *(a for a in o.children
                 if a.dep_ == "appos")) if (f := r.ctx.entity_at(t)) is not None]
        spots = [e for e in dict.fromkeys(r.parties(visited) + named) if e in r.locative or
                 r.entities[e].type in PLACE_TYPES]
        if spots and place is None:
            place = spots[0]
        objects = [o for o in objects if o not in visited or not spots]
    if subtype == "visit" and on("PURPOSE_PERSON") and verb.lemma_.lower() in MOTION_VERBS:
        # "will travel to Brenno on Thursday to brief Šrámek": the person the trip is for
        objects += [o for c in verb.children if c.dep_ in ("advcl", "xcomp") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for o in c.children if o.dep_ == "dobj" and o.lower_ not in ("it", "them")
            and r.parties([o])]  # "to sign it": the text, not a party
    targets = r.parties(objects)
    if teller is not None:
        targets = r.parties([c for c in teller.children if c.dep_ in ("dobj", "dative")])
    if type_ == "AGREE" and not targets:
        targets = r.parties(_signed_with(verb))
    if type_ == "PROTEST":
        targets += r.parties(_owners_outside(verb))
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive:
        subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
        targets = r.parties([subject]) + targets
    if passive and not actors and subtype == "summon":
        # "the ambassador had been summoned to the FCDO": who summons is where to
        actors = r.parties(prep_objects(verb, ("to",)))
    targets = [t for t in targets if t not in actors]
    place = place or _struck_place(r, kind, [c for c in verb.children if c.dep_ == "dobj"])
    group = type_ == "CONSULT" and _group_subject(verb)
    if not actors and type_ not in ACTORLESS_TYPES and not group:
        return None
    if _one_sided(verb, subtype, actors, targets, group):
        return None
    if on("AGREED_TO_MEET") and type_ == "AGREE" and any(
        c.dep_ == "xcomp" and (VERB_TRIGGERS.get(c.lemma_.lower()) or ("",))[0] == "CONSULT"
        for c in verb.children
    ):
        return None  # "the ministers agreed to meet again": the meeting is what is reported
    toll = _toll_verb(verb, kind)
    if not actors and not targets and type_ in ACTORLESS_TYPES and not passive and toll is None \
            and not (on("PLACED_UNNAMED") and place is not None and _unnamed_doer(verb)):
        return None
    anchors = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    anchors += [toll] if toll is not None else []
    place = place or (r.place([toll]) if toll is not None else None)
    due = _due(verb) if type_ == "CONSULT" and verb.lemma_ != "be" else None
    if due is not None:
        # "is due in Kastrel two days later to meet Oberlin": where and when the plan puts her
        place = place or r.place([due])
        anchors += [verb.head, due]
    trip = _trip_of(verb)
    if trip is not None:
        # "will travel to Carrickmore on Tuesday to meet Kearney": where and when of the trip
        place = place or r.place([trip], ("to",))
        anchors.append(trip)
    sayer = said_by(r.ctx, verb)
    if sayer is not None:
        anchors.append(sayer)  # "said on Tuesday that … and warned": warned that day
    when = r.time(anchors) or r.time_of_when(verb) or r.lone_time(verb)
    status = "claimed" if accuser is not None else _status(r, sayer or verb)
    if teller is not None:
        status, when = _status(r, teller), r.time([teller]) or when  # refused when told
    if agreed is not None and actors:
        # what an agreement binds its signers to is ahead, due by its deadline ("to withdraw
        # their patrols by the end of August")
        status = "planned"
        when = when or r.deadline(verb)
    if status == "occurred" and type_ == "ASSAULT" and _reported_by_a_side(r, verb):
        status = "claimed"  # "the army said Carvenia had struck its positions first"
    if status == "occurred" and subtype in CLAIMED_GAINS and on("OWN_CLAIM") and _claimed_by_itself(
        r, verb, actors
    ):
        status = "claimed"  # "the Front said … its fighters had captured two posts"
    if subtype == "invite" or due is not None:
        status = "planned"  # the invitation is made; the meeting it asks for is ahead
    elif type_ == "CONSULT":
        status = _status_by_date(r, status, when)
    declared = _declared_by(verb) if subtype == "endorse" else None
    if declared is not None:
        # "said on Thursday that it would support Ferrán": backing is declared when said
        status, when = "occurred", when or r.time([declared])
    return _Candidate(
        type=type_, subtype=subtype, trigger=_span(verb), sentence=_sentence_of(verb),
        actors=actors, targets=targets, place=place, time=when, status=status, group=group,
        failed=on("FAILED_TO") and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FAILING,
        both_sides=type_ == "CONSULT" and not targets and any(_both_sides(o) for o in objects),
    )


SIDE_NOUNS = frozenset({"delegations", "sides", "parties"})


def _both_sides(token: Token) -> bool:
    """ "met both delegations separately", "invited both sides": the two sides of a
    dispute the article has set out, not anyone named here."""
    return token.lower_ in SIDE_NOUNS and any(
        c.lower_ in ("both", "two") for c in token.children)


def _reported_by_a_side(r: _Reader, verb: Token) -> bool:
    """An attack told only as what a party said ("the army … said Carvenia had struck its
    positions") is that party's claim."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_.lower() not in ("say", "claim"):
        return False
    return bool(subject_ids(r.ctx, head))


DECLARING = frozenset({"say", "announce", "declare", "state", "confirm"})


def _declared_by(verb: Token) -> Token | None:
    """The verb of saying an endorsement is reported under: to say one backs someone is to
    back them."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.i != verb.i and head.lemma_.lower() in DECLARING:
        return head
    return None


def _one_sided(verb: Token, subtype: str, actors: list[str], targets: list[str],
               group: bool) -> bool:
    """A meeting needs a second side: "speaking to some 8,000 supporters" is no call, and
    "the union's executive will meet next week" is a body sitting, not a meeting between
    parties; "Kallas and Lund are due to meet" has its sides in the subject."""
    if targets or group:
        return False
    if subtype == "call" and verb.lemma_.lower() in SPEAKING:
        return not any(c.dep_ in by_deps() and c.lower_ == "by" for c in verb.children)
    return subtype == "meet" and len(actors) == 1 and not any(
        c.dep_ in ("dobj", "prep") and c.lower_ != "in" for c in verb.children
        if c.dep_ == "dobj" or c.lower_ in TARGET_PREPOSITIONS)


# Plural nouns that name the people of a meeting reported before: "the ministers met".
GROUP_NOUNS = frozenset({"minister", "leader", "delegation", "side", "envoy", "negotiator",
                         "diplomat", "official", "counterpart", "pair", "president"})


def _group_subject(verb: Token) -> bool:
    """ "The pair last met in June", "The ministers agreed to meet again": a subject that
    points back to people the article has named together, not to any one of them."""
    subject = clause_subject(verb)
    if subject is None or subject.pos_ != "NOUN":
        return False
    pointing = any(c.lower_ in ("the", "both", "two") for c in subject.children)
    return pointing and (subject.lower_ == "pair" or (
        subject.tag_ == "NNS" and subject.lemma_.lower() in GROUP_NOUNS))


def _trip_of(verb: Token) -> Token | None:
    """The verb of going that ``verb`` is the purpose of: "will travel to Carrickmore on
    Tuesday to meet Kearney" → travel."""
    head = verb.head
    purpose = verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if purpose and head.i != verb.i and head.lemma_.lower() in MOTION_VERBS:
        return head
    return None


def _after_main(verb: Token) -> list[Token]:
    """ "agreed on Tuesday to extend the truce, after their ministers held a session": a
    meeting told in an "after" clause ended just before what the main clause reports, on
    its day; not so when the gap is told ("two days after")."""
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return []
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if len(marks) != 1 or marks[0].lower_ != "after" or any(
        c.dep_ in ("npadvmod", "advmod") for c in marks[0].children
    ):
        return []
    return [verb.head]


def _status(r: _Reader, verb: Token) -> str:
    """A headline's "to" is the future ("Ministers to meet in Oslo"), whatever the parse."""
    if verb.idx < r.headline_end and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return "planned"
    return status_of(verb)


def _accusation_over(verb: Token) -> Token | None:
    """The accusing verb of "accused X of <verb>ing", if ``verb`` is that gerund."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "of":
        return None
    head = verb.head.head
    if head.dep_ == "dobj" and head.head.i != head.i:
        head = head.head  # the parse may hang "of shelling" from the accused
    return head if head.lemma_.lower() in ACCUSING else None


ACCUSING = frozenset({"accuse", "blame", "suspect", "charge"})


def _framed_by(noun: Token) -> Token | None:
    """ "After an eight-hour session, Marsh and Morozov signed": the verb a meeting frames in
    time, whose subject sat in it."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("after", "during") and head.dep_ == "prep" and (
        head.head.pos_ == "VERB"
    ):
        return head.head
    if noun.pos_ == "VERB" and noun.dep_ == "advcl" and head.pos_ == "VERB" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "during") for c in noun.children
    ):
        return head  # a headline's "after Oslo talks", parsed as a clause
    return None


def _due(token: Token | None) -> Token | None:
    """ "is due in Kastrel two days later to meet Oberlin", "is due in Port Adari next week
    for talks with Masoko": the "due" of a copula, which says where and when a plan puts its
    subject; ``token`` is the copula or the verb of the purpose it carries."""
    if token is None or not on("DUE_IN"):
        return None
    for t in (token, token.head):
        if t.lemma_ == "be":
            due = next((c for c in t.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
            if due is not None and (t.i == token.i or token.dep_ in ("advcl", "xcomp")):
                return due
    return None


def _light_verb(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and _due(head.head) is not None:
        return head.head  # "is due in Port Adari for talks": the copula carries them
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "nsubj") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ in ("for", "to", "in") + (
        ("into",) if on("GONE_INTO") else ()
    ):  # "went straight into a meeting with al-Marren"
        return head.head
    if noun.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in SPEAKING:
        return head.head  # "had spoken by video call with Wang": the call is how they spoke
    if noun.dep_ == "pobj" and head.lower_ == "at" and VERB_TRIGGERS.get(
        head.head.lemma_.lower(), ("", ""))[0] == "CONSULT":
        return head.head  # "are due to meet again at a summit in Rostal": the meeting's own
    return None


def _from_noun(r: _Reader, noun: Token, kind: tuple[str, str]) -> _Candidate | None:
    type_, subtype = kind
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "poss")}
    if dets & GENERIC_DETERMINERS or (on("WIDER_TALKS") and dets & WIDER):
        return None
    verb = _light_verb(noun)
    if noun.lower_ in IMPOSED_ONLY and (verb is None or verb.lemma_.lower() not in LIGHT_VERBS):
        return None  # "Brannock's tariff", "the levy stays": the measure, not its imposing
    if verb is not None and negated(verb):
        return None
    if verb is not None and verb.lemma_.lower() not in LIGHT_VERBS and _verb_trigger(verb):
        return None  # the verb reports the event itself ("imposed sanctions" aside)
    if on("GOVERNED_NOUN") and verb is not None and verb.lemma_.lower() in LIGHT_VERBS and (
        _governed_by_trigger(verb)
    ):
        return None  # "threatened to impose duties": the threat is the event, as with verbs
    if _own_sitting(r, noun, kind):
        return None
    if on("NOTE_OF_PROTEST") and type_ == "PROTEST" and _a_writing_of(noun):
        return None  # "was handed a formal note of protest": a written complaint, no crowd
    kind = _letter_kind(noun) or kind
    type_, subtype = kind
    possessors = [c for c in noun.children if c.dep_ == "poss"]
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") or (
        c.dep_ == "nsubj" and noun.pos_ == "VERB")]  # "after Oslo talks", misparsed
    named = r.parties(modifiers)
    if on("HYPHENED_SIDES") and type_ in SYMMETRIC:
        named = _hyphened_sides(r, modifiers) or named
    # "the Hallvik summit": a single place named before the noun is where, not who
    where = [e for e in named if e in r.locative or _city(r.entities[e])
             or _only_a_host(r, r.entities[e])] if len(named) == 1 else []
    actors = r.parties(possessors) + [e for e in named if e not in where]
    actors += r.parties(prep_objects(noun, ("between",)))
    targets = r.parties(prep_objects(noun, ("with", "against", "on", "to")))
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in noun.children)
    # "held talks", "will attend the summit": the verb's subject takes part. With "the talks"
    # only verbs of taking part do ("called the agreement a beginning" names no party).
    due = _due(verb) if verb is not None and verb.lemma_ == "be" and noun.dep_ == "pobj" else None
    carried = verb is not None and (verb.lemma_.lower() in (
        PARTAKING_VERBS if definite else LIGHT_VERBS) or due is not None)
    convened = on("CONVENER_NO_SIDE") and type_ == "CONSULT" and verb is not None and (
        verb.lemma_.lower() in CONVENING)
    if carried and noun.dep_ in ("dobj", "pobj"):
        # "Almásy said she would convene a fourth round": who convenes talks is no side
        actors = (subject_ids(r.ctx, verb) if not convened else []) + actors
        # "proposed a meeting with Wang": the with-phrase may hang from the verb
        targets += r.parties(prep_objects(verb, ("with",)))
        if type_ == "CONSULT" and not targets and verb.dep_ == "conj":
            # "had spoken with Wang on Monday and had proposed a meeting": the same other side
            sibling = verb.head
            means = prep_objects(sibling, ("by",))  # "spoken by video call with Wang"
            targets = r.parties(prep_objects(sibling, ("with",)) + [
                o for m in means for o in prep_objects(m, ("with",))])
    frame = _framed_by(noun) if verb is None and type_ == "CONSULT" else None
    if frame is not None and not actors:
        sat_in = subject_ids(r.ctx, frame)
        # a meeting has two sides at least: the subject's, and one "with" names ("changed her
        # mind after a three-hour meeting with Maly")
        two = len(sat_in) > 1 or (on("FRAME_WITH") and len(sat_in) == 1 and bool(
            [t for t in targets if t not in sat_in]))
        actors = sat_in if two else []
    actors = list(dict.fromkeys(actors))
    if type_ == "SANCTION" and not targets and on("GOODS_OF_A_NATION"):
        # "slapped a tariff on Kesmaran electric cars": the country whose goods are taxed
        goods = prep_objects(noun, ("on",)) + (prep_objects(verb, ("on",)) if verb else [])
        targets = _countries_of_goods(r, goods)
    targets = [t for t in dict.fromkeys(targets) if t not in actors]
    if on("YEAR_NAMED_AGREEMENT") and type_ == "AGREE" and not actors and not targets and any(
        c.dep_ == "nummod" and c.ent_type_ == "DATE" for c in noun.children
    ):
        return None  # "the 2020 deal that governs fishing access": an agreement in force
    # the light verb's clause says when ("will hold talks on Friday"); another verb's does not
    # ("the meeting was confirmed last Tuesday")
    anchors = [noun] + ([verb] if carried else []) + ([due] if due is not None else [])
    if on("HELD_IN"):
        # "the first round of negotiations, held in Geneva on 9 July": where and when it was
        anchors += [c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in HOLDING]
    actors += r.parties(_organisers(noun, verb))
    place = r.place(anchors) or (where[0] if where else None)
    if place is None and verb is not None and on("TAKING_PLACE") and _taking_place(noun, verb):
        place = r.place([verb])  # "the swap could take place in the town of Lisna"
    if place is None and type_ == "CONSULT":
        place = r.inner_place(noun)
    if place is None and on("STRUCK_ON"):
        # "a rocket strike on Kelvar": the place attacked is where the attack was
        place = _struck_place(r, kind, prep_objects(noun, ("on", "against")))
    if place is None and verb is not None and noun.dep_ == "dobj":
        place = _subject_place(r, verb)  # "dockers in Antwerp staged a one-day stoppage"
    if place is None and verb is not None and verb.lemma_.lower() in MOTION_VERBS:
        place = r.place([verb], ("to",))
    if place is None and carried and on("ARRIVED_THEN") and verb.dep_ == "conj" and (
        verb.head.lemma_.lower() in ARRIVING
    ):
        place = r.place([verb.head])  # "has landed in Port Salimar and gone into a meeting"
    when = r.time(anchors) or (r.time(_after_main(verb)) if carried else None)
    if when is None and on("TIME_AFTER_PHRASE"):
        when = r.time_after_phrase(noun)
    definite = definite or bool(dets & DEFINITE)
    bare = not actors and not targets and not definite and place is None and when is None
    between = on("EXCHANGE_SIDES") and subtype == "prisoner exchange" and not actors and not targets
    if bare and type_ not in ACTORLESS_TYPES and not between:
        return None  # "peace talks" in general
    status = _status(r, verb) if verb is not None else _status_before(noun)
    if due is not None:
        status = "planned"  # "is due in Port Adari next week for talks"
    if status == "occurred" and verb is not None and noun.dep_ == "dobj" and (
        verb.lemma_.lower() in FUTURE_GOVERNORS
    ):
        status = "planned"  # "proposed a meeting", "called for talks"
    if verb is not None and noun.dep_ == "dobj" and verb.lemma_.lower() in CONTINUING:
        # "agreed to continue ceasefire talks into next week": the talks are under way; the
        # time is how long they go on, not when they were held
        status, when = "occurred", None
    session = type_ == "CONSULT" and not actors and _another_session(noun, verb)
    if session and verb is not None and noun.dep_ == "nsubj":
        # "the talks would resume next Tuesday"; "previous rounds in Geneva last year …
        # collapsed in February": a time of the noun's own is the session's
        when = (when or r.time([verb])) if on("SESSION_OWN_TIME") else (r.time([verb]) or when)
    if on("STATUS_BY_DATE"):
        status = _status_by_date(r, status, when)  # "Thursday's talks" on a Wednesday too
    elif status == "occurred" and (day := day_of(when)) and r.published and (
        day > r.published.isoformat()
    ):
        status = "planned"  # "Thursday's talks" in an article of Wednesday
    return _Candidate(
        type=type_, subtype=subtype, trigger=_span(noun), sentence=_sentence_of(noun),
        actors=actors, targets=targets, place=place, time=when, status=status,
        anaphoric=definite and not actors and not session, group=session, between_sides=between,
        definite=definite and not session and noun.pos_ == "NOUN",
        frame=_frame_index(frame, verb if carried else None),
    )


def _status_before(noun: Token) -> str:
    """ "exposes a rift before the Ankara summit": what something now happening comes before
    is ahead."""
    prep = noun.head
    if on("WRITTEN_PLAN") and noun.dep_ == "pobj" and prep.lower_ in ("on", "for") and (
        prep.head.lemma_.lower() in PLANS
    ):
        return "planned"  # "accepted a draft text on an exchange of prisoners"
    if not on("TIME_AFTER_PHRASE") or noun.dep_ != "pobj" or prep.lower_ != "before":
        return "occurred"
    verb = prep.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "a rift among allies before the summit": the rift's verb
    return "planned" if verb.tag_ in ("VBZ", "VBP") else "occurred"


# Verbs that start a named meeting again, and words that number its sessions.
RESUMING = frozenset({"resume", "reconvene"})
SESSION_ORDER = frozenset({"second", "third", "fourth", "next", "new", "another", "previous",
                           "earlier", "further"})


def _resuming(verb: Token) -> bool:
    """ "would resume", and through the words that put it ahead: "are due to resume", "are
    expected to reconvene"."""
    for _ in range(3):
        if verb.lemma_.lower() in RESUMING:
            return True
        if not on("DUE_TO_RESUME"):
            return False
        verb = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp")), None)
        if verb is None:
            return False
    return False


# Participles that say where and when a meeting named by a noun was held.
HOLDING = frozenset({"hold", "convene", "stage", "host"})


def _another_session(noun: Token, verb: Token | None) -> bool:
    """ "the talks would resume next Tuesday", "a second round", "previous rounds in
    Geneva": a session of talks the article has named, held on another day, between the
    same sides."""
    if verb is not None and noun.dep_ == "nsubj" and _resuming(verb):
        return True
    if noun.lemma_.lower() != "round":
        return False
    order = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod")}
    # "the first round of negotiations": first of talks, where "the first round" alone may
    # be an election's
    of_talks = on("ROUNDS_OF_TALKS") and any(
        o.lemma_.lower() in ("talk", "negotiation") for o in prep_objects(noun, ("of",)))
    return bool(order & SESSION_ORDER) or of_talks


def _frame_index(frame: Token | None, carrier: Token | None) -> int | None:
    """Where the verb the meeting frames stands: "after an eight-hour session, they signed",
    "agreed on Tuesday …, after their ministers held a session"."""
    if frame is None and carrier is not None:
        main = _after_main(carrier)
        frame = main[0] if main else None
    return frame.idx if frame is not None else None


# Meeting nouns a single body holds on its own: "her party's conference", "its meeting".
SITTINGS = frozenset({"conference", "meeting", "session"})


def _toll_verb(verb: Token, kind: tuple[str, str]) -> Token | None:
    """ "Shelling near Morvik killed four civilians on Sunday", parsed with "shelling" as a
    clause of "killed": the attack, with no actor named, is told by its toll."""
    head = verb.head
    if kind[0] != "ASSAULT" or verb.dep_ not in ("advcl", "csubj") or head.i == verb.i:
        return None
    return head if (_verb_trigger(head) or ("", ""))[0] == "ASSAULT" and head.i > verb.i else None


ORGANISING = frozenset({"organise", "organize", "lead", "call", "stage"})
# What is organised: "a march on the embassy, organised by the Students Union".
PROTEST_NOUNS = frozenset({"march", "protest", "rally", "demonstration", "strike", "stoppage",
                           "walkout", "sit", "blockade", "vigil"})


def _organisers(noun: Token, verb: Token | None) -> list[Token]:
    """ "a march on the embassy, organised by the Students Union": who held it, also when
    the parse hangs the participle from the verb ("joined a march …, organised by X")."""
    if noun.lemma_.lower() not in PROTEST_NOUNS:
        return []
    participles = [c for c in noun.children if c.dep_ == "acl"]
    if on("CALLED_BY") and verb is not None and noun.dep_ == "nsubjpass":
        participles.append(verb)  # "the stoppage was called by the union"
    if verb is not None and noun.dep_ == "dobj":
        participles += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBN"]
    return [o for c in participles if c.lemma_.lower() in ORGANISING for o in _agents(c)]


def _agents(verb: Token) -> list[Token]:
    """Who a passive verb says did it: "organised by the union" → union."""
    return [o for a in verb.children if a.dep_ == "agent" for o in a.children
            if o.dep_ == "pobj"]


def _organisers_near(r: _Reader, found: list[_Candidate]) -> None:
    """ "about 2,000 miners marched through Chisaka … The Mineworkers' Union, which organised
    the march, …": a protest whose marchers name no body is the one its own sentence or the
    next says organised it."""
    for c in found:
        if c.type != "PROTEST" or c.actors:
            continue
        start = r.doc.char_span(c.trigger.start, c.trigger.end, alignment_mode="expand")
        if start is None or not len(start):
            continue
        sent = start[0].sent
        following = r.doc[sent.end].sent if sent.end < len(r.doc) else None
        for s in (sent, following):
            organisers = [] if s is None else _organisers_in(r, s)
            if organisers:
                c.actors = organisers
                break


def _organisers_in(r: _Reader, sent: Sentence) -> list[str]:
    """Who a sentence says organised a protest: "organised by X", "X, which organised the
    march", "X called the strike"."""
    for t in sent:
        if t.lemma_.lower() not in ORGANISING or t.pos_ != "VERB":
            continue
        protest = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")
                   and c.lemma_.lower() in PROTEST_NOUNS]
        if t.dep_ == "acl" and t.head.lemma_.lower() in PROTEST_NOUNS:
            protest.append(t.head)
        if not protest:
            continue
        agents = _agents(t)
        subject = clause_subject(t)
        if subject is not None and subject.lower_ in ("which", "who", "that") and (
            t.dep_ == "relcl"
        ):
            subject = t.head
        found = r.parties(agents or ([subject] if subject is not None else []))
        if found:
            return found
    return []


def _own_sitting(r: _Reader, noun: Token, kind: tuple[str, str]) -> bool:
    """ "she told her party's conference", "agreed by the board at its meeting": a body's own
    sitting is no meeting between sides."""
    if kind[0] != "CONSULT" or noun.lower_ not in SITTINGS:
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"]
    others = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "prep")
              and r.parties([c])]
    return bool(owners) and len(r.parties(owners)) <= 1 and not others and not any(
        o.ent_type_ in ("DATE", "TIME") for o in owners)


def _letter_kind(noun: Token) -> tuple[str, str] | None:
    """ "a joint letter welcoming the application": a letter is what its participle says it
    does."""
    if noun.lemma_.lower() != "letter":
        return None
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBG":
            found = VERB_TRIGGERS.get(c.lemma_.lower())
            if found is not None:
                return found
    return None


def _struck_place(r: _Reader, kind: tuple[str, str], struck: list[Token]) -> str | None:
    """ "shelling the riverside town of Brodnik": a place attacked is where the attack was
    ("ramming a Halvanian vessel" names no place)."""
    if kind[0] != "ASSAULT":
        return None
    for obj in struck:
        for t in [obj, *prep_objects(obj, ("of",))]:
            found = r.ctx.entity_at(t)
            if found is not None and found[0].type in PLACE_TYPES:
                return found[0].id
    return None


def _as_states(c: _Candidate, speaks_for: dict[str, str]) -> None:
    """In agreements and rounds of talks the states are the parties: ministers who sign, or
    whose meeting a second round follows, count as their countries when each of them speaks
    for one."""
    people = c.actors + c.targets
    rounds = on("ROUNDS_OF_STATES") and c.group and c.trigger.text.lower() in ("round", "rounds")
    if (c.type == "AGREE" or rounds) and people and all(p in speaks_for for p in people):
        c.actors = list(dict.fromkeys(speaks_for[p] for p in c.actors))
        c.targets = [t for t in dict.fromkeys(speaks_for[p] for p in c.targets)
                     if t not in c.actors]


def _as_before(c: _Candidate, found: list[_Candidate]) -> None:
    """A meeting of "the ministers" or "the pair" is between the people of the nearest
    meeting named before it with two sides or more."""
    before = [e for e in reversed(found) if e.type == "CONSULT" and len(participants(e)) > 1]
    session = c.subtype == "talks"  # "the talks would resume", "a second round": of the talks
    earlier = next((e for e in before if not session or e.subtype == c.subtype),
                   before[0] if before else None)
    if earlier is not None:
        c.actors, c.targets = list(earlier.actors), list(earlier.targets)
        if c.trigger.text.lower() not in ("round", "rounds"):
            c.place = c.place or earlier.place  # "the talks would resume": where they were


def _sides_before(c: _Candidate, found: list[_Candidate]) -> None:
    """The other sides of a meeting with "both delegations" are the parties of the nearest
    meeting or agreement named before it with two sides (the mediator aside)."""
    earlier = next((e for e in reversed(found) if e.type in ("CONSULT", "AGREE") and len(
        participants(e) - set(c.actors)) == 2), None)
    if earlier is not None:
        c.targets = [p for p in [*earlier.actors, *earlier.targets] if p not in c.actors]
        if on("PLACE_OF_SIDES") and earlier.type == "CONSULT":
            c.place = c.place or earlier.place  # met them where they were talking


def _compatible_dates(a: _Candidate, b: _Candidate) -> bool:
    va = a.time.value if a.time else None
    vb = b.time.value if b.time else None
    if not va or not vb:
        return True
    return va.startswith(vb) or vb.startswith(va)


def _compatible_places(a: str | None, b: str | None, r: _Reader) -> bool:
    """Two places a report may give the same happening: the same one, or a building and a
    city ("talks in Port Ardin" / "met at the Harbour Conference Centre"), whichever holds
    the other."""
    if not a or not b or a == b:
        return True
    kinds = {"FAC" if i in r.buildings else r.entities[i].type for i in (a, b)}
    return "FAC" in kinds and len(kinds) == 2


def _same_happening(first: _Candidate, later: _Candidate, r: _Reader) -> bool:
    """Whether ``later`` reports the happening ``first`` named: same type, compatible date and
    place, and the same parties, a minister counting as the country whose minister they are
    ("Nordland and Estmark to hold talks" / "Marsh and Morozov will meet")."""
    if first.type != later.type or first.failed or not _compatible_dates(first, later):
        return False
    if {first.status, later.status} == {"occurred", "planned"} and not later.anaphoric:
        return False  # "met in Tesmar on 10 June" / "are due to meet at a summit"
    if not _compatible_places(first.place, later.place, r):
        return False
    if on("CALLS_APART") and (first.subtype == "call") != (later.subtype == "call"):
        return False  # "had spoken by phone" … "opened the summit at the Villa": two happenings
    if later.anaphoric or not participants(later):
        # "shelling the town of Brodnik, where two civilians were killed on Monday": the toll
        # told in the same sentence is the attack's
        toll = first.type == "ASSAULT" and first.sentence == later.sentence
        # "Protest outside the venue — Around 300 demonstrators have gathered outside the
        # hall": reports with no party in one paragraph tell one happening
        told_together = on("PLACED_UNNAMED") and not participants(first) and not participants(
            later) and "\n\n" not in r.text[first.trigger.start: later.trigger.start]
        return later.subtype == first.subtype or first.type == "CONSULT" or toll or told_together
    if participants(later) == participants(first) or (
        set(later.actors) == set(first.actors) and not later.targets
    ):
        return True
    if first.headline and participants(first) < participants(later) and not (
        on("SIDELINES") and first.subtype == "summit" and later.subtype != "summit"
    ):
        # a headline names fewer: "Ministers to meet" / "Marsh will meet Morozov"; but two
        # leaders meeting at a summit meet on its sidelines, the summit is more than them
        return True
    if later.definite and later.subtype == first.subtype and first.type == "CONSULT":
        return True  # "Rutte, who joined the summit by video link": the summit named before
    if on("CALLED_BY") and later.definite and later.subtype == first.subtype and not participants(
        first
    ) and first.type in ACTORLESS_TYPES:
        return True  # "dock workers walked out … The stoppage was called by the union"
    return first.type in SYMMETRIC and len(participants(first)) > 1 and (
        sides_of(participants(later), r.ctx.speaks_for) == sides_of(participants(first),
                                                                  r.ctx.speaks_for)
    )


def _merge(first: _Candidate, later: _Candidate, r: _Reader) -> None:
    first.mentions.append(later.trigger)
    # "Saldovia and Ivrenia agree to meet again" … "the foreign ministers … agreed to meet
    # again": the ministers who speak for the two states are who will meet
    for_states = on("PEOPLE_OF_STATES") and participants(first) and all(
        r.entities[i].type == "PERSON" for i in participants(later)) and sides_of(
        participants(later), r.ctx.speaks_for) == participants(first) != participants(later)
    if for_states:
        first.actors, first.targets = list(later.actors), list(later.targets)
    if later.definite and participants(first):
        first.place = first.place or later.place
        first.time = first.time or later.time
        return  # one who joins "the summit" does not say who held it
    people = [i for i in participants(later) if r.entities[i].type == "PERSON"]
    if people and not any(r.entities[i].type == "PERSON" for i in participants(first)):
        # the named people are the fuller account of who met
        first.actors, first.targets = list(later.actors), list(later.targets)
    elif participants(first) < participants(later):
        first.actors, first.targets = list(later.actors), list(later.targets)
    first.actors = first.actors or later.actors
    first.targets = first.targets or [t for t in later.targets if t not in first.actors]
    first.place = first.place or later.place
    first.time = first.time or later.time


def extract_events(
    doc: Doc, entities: tuple[Entity, ...], times: tuple[Time, ...], *,
    published: date | None = None, headline_end: int = 0, ctx: SpeakerContext | None = None,
) -> tuple[Event, ...]:
    """Events of an annotated article, each with its arguments and every mention. ``ctx`` is
    the article's party context when the caller already built it for stances."""
    r = _Reader(doc, ctx or party_context(doc, entities), times, published, headline_end)
    found: list[_Candidate] = []
    for i in _trigger_positions(doc):
        token = doc[i]
        if r.inside_quote(token) and not _reported_in_marks(r, token):
            continue
        kind = _verb_trigger(token)
        if kind is None and on("DESTINATION") and token.pos_ == "VERB" and (
            token.lemma_.lower() in MOTION_VERBS
        ) and _trip(token, r.is_place):
            kind = "CONSULT", "visit"  # "will travel to Brenno", typed a place in the article
        more: list[_Candidate] = []
        if kind is not None:
            if _governed_by_trigger(token) or _not_an_event_verb(token):
                continue
            candidate = _from_verb(r, token, kind)
        else:
            kind = _noun_trigger(token)
            candidate = _from_noun(r, token, kind) if kind is not None else None
            if candidate is not None and on("SESSIONS_ELSEWHERE"):
                more = _sessions_elsewhere(r, token, candidate)
        if candidate is None:
            continue
        for each in [candidate, *more]:
            _place_candidate(r, each, found)
    _mark_denials(r, doc, found)
    if on("SIDES_IN_SENTENCE"):
        _sides_in_sentence(doc, found)
    found = [c for c in _sessions_sided(found, r) if not c.failed]
    if on("ORGANISER_NAMED_NEAR"):
        _organisers_near(r, found)
    settle_places_and_dates(r, doc, found)
    return tuple(_record(i, c) for i, c in enumerate(found, 1))


def _place_candidate(r: _Reader, candidate: _Candidate, found: list[_Candidate]) -> None:
    """Add a candidate to what was found, or to the mentions of the event it reports again."""
    if candidate.group and candidate.type == "CONSULT":
        _as_before(candidate, found)
        if on("SESSION_NEEDS_SIDES") and not participants(candidate):
            if not on("SIDES_LATER"):
                return  # "a second round is planned": of talks the story has not named
            candidate.sideless = True
    if candidate.both_sides:
        _sides_before(candidate, found)
    if candidate.subtype == "invite" and not candidate.targets:
        return  # "invited both sides" with no sides named before: no one to meet
    if candidate.between_sides:
        _sides_of_dispute(candidate, found)
        if not participants(candidate) and not candidate.place and not candidate.time:
            return
    _as_states(candidate, r.ctx.speaks_for)
    candidate.headline = candidate.trigger.start < r.headline_end
    # the nearest earlier report first: "the talks" is the latest talks named
    earlier = next((c for c in reversed(found) if _same_happening(c, candidate, r)), None)
    if earlier is not None and not candidate.failed:
        _merge(earlier, candidate, r)
    elif not (candidate.anaphoric and not candidate.place and not candidate.time):
        found.append(candidate)


def _reported_in_marks(r: _Reader, verb: Token) -> bool:
    """ "The ministry said it "welcomes the peaceful conduct of the vote"": a verb in marks
    whose subject stands outside them is the reporter's account of what was said."""
    if not on("REPORTED_IN_MARKS") or verb.pos_ != "VERB":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.i < verb.i and not r.inside_quote(subject)


def _place_of_talks(r: _Reader, verb: Token) -> str | None:
    """ "agree to extend Vienna ceasefire talks": what the sides agree about the talks they
    are holding, they agree where the talks are."""
    talks = [o for x in verb.children if x.dep_ == "xcomp" for o in x.children
             if o.dep_ == "dobj" and (_noun_trigger(o) or ("",))[0] == "CONSULT"]
    for noun in talks:
        named = r.parties([c for c in noun.children if c.dep_ == "compound"])
        places = [e for e in named if e in r.locative or _city(r.entities[e])]
        found = r.place([noun]) or (places[0] if places else None)
        if found is not None:
            return found
    return None


def _refusal_told(verb: Token) -> Token | None:
    """The verb of telling a refusal to sign is told to someone with: "had told the mediators
    that Strovna would not sign a truce" is the teller's refusal, made to the mediators."""
    head = verb.head
    if not on("REFUSAL_TOLD") or verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_ != "tell":
        return None
    told = any(c.dep_ in ("dobj", "dative") for c in head.children)
    return head if told and clause_subject(head) is not None else None
# What a situation, not a party, "threatens to" do.
HAPPENINGS = frozenset({"spill", "spread", "escalate", "engulf", "unravel", "worsen", "deepen",
                        "overshadow", "derail", "overwhelm", "boil"})
# What a blockade blocks: "blocked the ring road", "blocked the port".
ROUTES = frozenset({"road", "motorway", "highway", "bridge", "port", "harbour", "harbor",
                    "crossing", "border", "railway", "line", "street", "entrance", "access",
                    "tunnel", "junction", "route"})
# What troops are sent to do when they are sent as aid.
HELPING = frozenset({"help", "assist", "rescue", "evacuate", "deliver", "rebuild", "support"})
# Writings that set out what is to happen: "a draft text on an exchange of prisoners".
PLANS = frozenset({"text", "draft", "list", "plan", "proposal", "protocol", "timetable"})


# What a side claims to have won: a detention its police report is a record, not a claim.
CLAIMED_GAINS = frozenset({"capture", "seize"})


def _claimed_by_itself(r: _Reader, verb: Token, actors: list[str]) -> bool:
    """A capture or seizure a side says it made itself is that side's claim."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.i == verb.i or head.lemma_.lower() not in ("say", "claim"):
        return False
    return bool(actors) and subject_ids(r.ctx, head) == actors


def _subject_place(r: _Reader, verb: Token) -> str | None:
    """ "dock workers at Kessel walked out", "negotiators in Vienna agreed": a place inside
    the subject is where they did it ("the government in Darsk" is who, not where)."""
    if not on("SUBJECT_PLACE"):
        return None
    subject = clause_subject(verb)
    if subject is None or subject.lower_ in GOVERNMENT_WORDS:
        return None
    return r.place([subject], ("in", "at"))


def _seat_of_government(r: _Reader, subject: Token | None) -> list[str]:
    """ "a condition the government in Darsk calls "blackmail"": a government named by the
    place it sits in acts for that place's state."""
    if not on("SEAT_OF_GOVERNMENT") or subject is None or subject.lower_ not in GOVERNMENT_WORDS:
        return []
    return [f[0].id for o in prep_objects(subject, ("in",))
            if (f := r.ctx.entity_at(o)) is not None and f[0].type == "GPE"][:1]
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "treaty", "pact"})


def _agreed_act(verb: Token) -> Token | None:
    """ "signed an agreement to share revenue … and to withdraw their naval patrols": an
    infinitive that says what an agreement binds its signers to; the agreement noun, when the
    verb that carries it has a subject."""
    t = verb
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "acl" or t.tag_ != "VB" or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in t.children
    ):
        return None
    noun = t.head
    if noun.lemma_.lower() not in AGREEMENT_NOUNS or noun.dep_ != "dobj":
        return None
    return noun
# What one declines to do when one says nothing: "declined to comment".
SAYING_NOTHING = frozenset({"comment", "elaborate", "speculate", "say", "respond", "confirm"})


def _blames_a_thing(r: _Reader, verb: Token) -> bool:
    """ "blamed low rainfall for the weaker flows": what is blamed is a cause, not a party."""
    blamed = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(blamed) and blamed[0].pos_ == "NOUN" and not r.parties(blamed)


def _sessions_elsewhere(r: _Reader, noun: Token, c: _Candidate) -> list[_Candidate]:
    """ "previous rounds in Geneva last year and in Istanbul in February": each place phrase
    joined to a meeting noun's own is a session of its own, held when that phrase or the
    clause says."""
    if c.type != "CONSULT" or noun.tag_ != "NNS":
        return []
    out = []
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    for joined in (t for t in noun.children if t.dep_ == "conj" and t.pos_ == "ADP"
                   and t.lower_ in PLACE_PREPOSITIONS):
        places = [f[0].id for o in joined.children if o.dep_ == "pobj"
                  and (f := r.ctx.entity_at(o)) is not None and f[0].type in PLACE_TYPES]
        if not places or places[0] == c.place:
            continue
        when = r.time([joined]) or (r.time([verb]) if verb is not None else None)
        out.append(replace(c, place=places[0], time=when, mentions=[]))
    return out


def _hyphened_sides(r: _Reader, modifiers: list[Token]) -> list[str]:
    """ "a UK-Dutch energy conference": two names joined by a hyphen before a meeting noun
    are its two sides, a nationality standing for its country when the article names it."""
    for m in modifiers:
        pair = [c for c in m.children if c.dep_ in ("amod", "compound", "nmod") and any(
            h.tag_ == "HYPH" and c.i < h.i < m.i for h in m.children)]
        if len(pair) != 1:
            continue
        sides = []
        for t in (pair[0], m):
            ids = r.parties([t]) or countries_of_nationality(r.ctx.entities, t.text,
                                                             coined=False)
            sides.extend(_country_of_nationality(r, i) for i in ids)
        if len(set(sides)) == 2:
            return list(dict.fromkeys(sides))
    return []


def _countries_of_goods(r: _Reader, goods: list[Token]) -> list[str]:
    """ "Kesmaran electric cars", "Brannock pork": the country a nationality word or a
    country's name before the goods names, when it names exactly one."""
    found = []
    for head in goods:
        for word in (c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss")):
            named = [e for e in r.parties([word]) if r.entities[e].type == "GPE"]
            found += named or countries_of_nationality(r.ctx.entities, word.text,
                                                       coined=on("DEMONYM_FORMS"))
    return list(dict.fromkeys(found))


def _country_of_nationality(r: _Reader, entity_id: str) -> str:
    entity = r.entities[entity_id]
    if entity.type != "NORP":
        return entity_id
    found = countries_of_nationality(r.ctx.entities, entity.name, coined=False)
    return found[0] if found else entity_id


def _sides_of_dispute(c: _Candidate, found: list[_Candidate]) -> None:
    """ "both delegations had accepted a draft text on an exchange of prisoners": an exchange
    that names no party is between the two sides of the nearest talks or agreement named
    before it."""
    earlier = next((e for e in reversed(found) if e.type in ("CONSULT", "AGREE")
                    and len(participants(e)) == 2), None)
    if earlier is not None:
        c.actors, c.targets = list(earlier.actors), list(earlier.targets)


def _taking_place(noun: Token, verb: Token) -> bool:
    """ "the swap could take place in Lisna", "the swap is expected in Lisna": the verb
    that says where a happening named as its subject happens."""
    if noun.dep_ == "nsubj" and verb.lemma_.lower() == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return noun.dep_ == "nsubjpass" and verb.lemma_.lower() in ("expect", "plan", "schedule")
# What one writes a protest in: "a note of protest", "a letter of protest".
PROTEST_WRITINGS = frozenset({"note", "letter", "statement", "message", "declaration"})


def _a_writing_of(noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and (
        prep.head.lemma_.lower() in PROTEST_WRITINGS)


def _unnamed_doer(verb: Token) -> bool:
    """ "armed groups seized government buildings in Kelvara": a doer the text does not name
    (a plain common noun, no pronoun) acting at a named place is an event with no actor."""
    subject = clause_subject(verb)
    return subject is not None and subject.pos_ == "NOUN" and subject.dep_ == "nsubj"


def _sides_in_sentence(doc: Doc, found: list[_Candidate]) -> None:
    """ "The talks at the Hofburg … are due to resume after Kessaria and the separatists
    failed to agree": talks that name no party are between the sides of an agreement or
    meeting told in a sentence that mentions them."""
    for c in found:
        if c.type != "CONSULT" or participants(c):
            continue
        sentences = set()
        for m in [c.trigger, *c.mentions]:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                sentences.add(_sentence_of(span.root))
        sides = next((e for e in found if e is not c and e.type in ("AGREE", "CONSULT")
                      and e.sentence in sentences and len(participants(e)) >= 2), None)
        if sides is not None:
            c.actors, c.targets = list(sides.actors), list(sides.targets)


def _sessions_sided(found: list[_Candidate], r: _Reader) -> list[_Candidate]:
    """ "The talks at the Hofburg … are due to resume after Kessaria and the separatists failed
    to agree": the sides a session's sentence names are those of the talks it resumes, named
    earlier with none. A session still with no sides is of talks the story never named."""
    for i, c in enumerate(found):
        if not c.sideless or not participants(c):
            continue
        resumed = next((e for e in reversed(found[:i]) if e.type == "CONSULT"
                        and e.subtype == c.subtype and not participants(e)), None)
        if resumed is not None:
            resumed.actors, resumed.targets = list(c.actors), list(c.targets)
    dispute = _dispute(found, r) if on("DISPUTE_SIDES") else None
    for c in found:
        if c.sideless and not participants(c) and dispute is not None:
            # "three rounds of talks" in a story of Brannock's tariff on Kesmara: theirs
            c.actors, c.targets = list(dispute)
    return [c for c in found if not (c.sideless and not participants(c))]


def _dispute(found: list[_Candidate], r: _Reader) -> tuple[list[str], list[str]] | None:
    """The two sides of the story's dispute: the first act of one state or body on another
    ("Brannock slapped a tariff on Kesmara"), when it is the first event told."""
    first = next((c for c in found if not c.failed), None)
    if first is None or first.type == "CONSULT" or len(first.actors) != 1 or len(
        first.targets
    ) != 1:
        return None
    if any(r.entities[i].type not in ("GPE", "ORG") for i in (*first.actors, *first.targets)):
        return None
    return list(first.actors), list(first.targets)


DENIED_OBJECTS = frozenset({"charge", "charges", "accusation", "accusations", "claim", "claims",
                            "allegation", "allegations", "report", "reports", "it", "this"})


def _mark_denials(r: _Reader, doc: Doc, found: list[_Candidate]) -> None:
    """ "… the army denied the charge": the claimed event the denier is said to have done,
    in this sentence or the one before, is denied by its actor."""
    for verb in (doc[i] for i in lemma_positions(doc).get("deny", ())):
        if verb.pos_ != "VERB" or r.inside_quote(verb):
            continue
        objects = {c.lower_ for c in verb.children if c.dep_ == "dobj"}
        # "Ostrovia denied that any collision took place": a denied clause denies too
        clause = on("DENIED_CLAUSE") and any(c.dep_ == "ccomp" for c in verb.children)
        if not objects & DENIED_OBJECTS and not clause:
            continue
        deniers = set(subject_ids(r.ctx, verb))
        if on("DENIED_CLAUSE"):
            # "Sarvania's Foreign Ministry … denied": the ministry denies for its state
            subject = clause_subject(verb)
            deniers |= set(r.parties([c for c in (subject.children if subject is not None
                                                  else ()) if c.dep_ == "poss"]))
        previous_start = doc[verb.sent.start - 1].sent.start_char if verb.sent.start else 0
        for c in reversed(found):
            if c.status == "claimed" and set(c.actors) & deniers and (
                previous_start <= c.trigger.start < verb.idx
            ):
                c.status = "denied"
                break


def _governed_by_trigger(verb: Token) -> bool:
    """ "refused to sign", "offered to mediate": the governing verb reports the event. What
    parties agree or decide to do is an event of its own, planned ("agreed to meet again in
    Roskov in April")."""
    if verb.dep_ == "ccomp" and verb.head.i != verb.i:
        # "demanded that Kessaria pull its guns back": what is demanded has not happened
        return (_verb_trigger(verb.head) or ("", ""))[0] == "REQUEST"
    if verb.dep_ != "xcomp":
        return False
    head = _verb_trigger(verb.head)
    return head is not None and head[0] != "AGREE"


def purpose_of_protest(verb: Token) -> bool:
    """ "gathered outside police headquarters to demand the release of Drozd": what a
    demonstration demands is its aim, not a request of its own."""
    head = verb.head
    return verb.dep_ in ("advcl", "xcomp") and head.i != verb.i and (
        _verb_trigger(head) or ("", ""))[0] == "PROTEST"


def _participles_on(verb: Token) -> list[Token]:
    """ "Orbeli, speaking in Drevna on Wednesday, warned", "Baros, voting in her home town
    of Ledno, called for calm": a participle on the subject or the verb says where."""
    subject = clause_subject(verb)
    holders = [verb] + ([subject] if subject is not None else [])
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        holders.append(verb.head)  # "Orbeli, speaking in Drevna, said … but warned"

    return [c for h in holders for c in h.children
            if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG"]


def _not_an_event_verb(verb: Token) -> bool:
    """Verbs that name no new happening of their own.

    - "the talks, hosted by X": a participle describing a noun (the noun's event gets X);
    - "Asked about the dam, she said": a bare participle clause, its subject is the target;
    - "Estmark backs the patrols", "has ruled out a referendum": a standing position, present
      or perfect, is a stance, not an event (the past "ruled out" reports a speech act).
    """
    if verb.dep_ == "acl":
        return True
    if on("DESCRIBING_CONJUNCT") and verb.dep_ == "conj" and verb.tag_ == "VBN" and (
        verb.head.dep_ == "acl"
    ):
        return True  # "the talks, hosted by Brenner and mediated by the OSCE"
    if _verb_trigger(verb) == ("REQUEST", "demand") and purpose_of_protest(verb):
        return True
    own = {c.dep_ for c in verb.children}
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i == verb.sent.start and not own & {
        "nsubj", "nsubjpass", "aux", "auxpass"
    }:
        return True
    if verb.lemma_.lower() in STANDING_POSITIONS or _verb_trigger(verb) == ("REJECT", "rule out"):
        aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        return verb.tag_ in ("VBZ", "VBP") or bool(aux & {"has", "have", "'s", "'ve"})
    return False


def _status_by_date(r: _Reader, status: str, when: Time | None) -> str:
    """A meeting's own date against the article's: "is to meet … on Tuesday" in an article of
    Sunday is ahead; "last week's third round" is over, whatever the verb made of it. Dates
    are compared as the days they span, so a week or a month is neither ahead nor over while
    the article's day falls inside it."""
    if not on("STATUS_BY_DATE") or r.published is None or status not in ("occurred", "planned"):
        return status
    day = day_of(when)
    if not day:
        return status
    try:
        first, last = period(day)
    except ValueError:
        return status  # a season, a weekend
    if status == "occurred" and first > r.published:
        return "planned"
    if status == "planned" and last < r.published:
        return "occurred"
    return status


def _record(n: int, c: _Candidate) -> Event:
    t = c.time
    return Event(
        id=f"V{n}", type=c.type, subtype=c.subtype, trigger=c.trigger, sentence=c.sentence,
        actors=tuple(c.actors), targets=tuple(c.targets), place=c.place,
        time=t.id if t else None, date=day_of(t),
        status=c.status, mentions=tuple(c.mentions),
    )


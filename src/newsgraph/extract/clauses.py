"""What events and stances both read off a clause: who its parties are, whether it is
negated, and whether it reports something done, planned, claimed or denied."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.doc_cache import text_of, token_texts
from newsgraph.extract.quote_marks import find_quoted
from newsgraph.extract.quotes import SpeakerContext, speaker_from, subject_of
from newsgraph.extract.rules import on
from newsgraph.gazetteer import (
    city_names,
    coined_demonyms,
    demonyms,
    demonyms_of,
    surface_index,
)
from newsgraph.model import Entity

# Auxiliaries and governing verbs that put what a clause reports in the future.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "could", "may", "might", "gon"})
FUTURE_GOVERNORS = frozenset({
    "schedule", "slate", "plan", "expect", "set", "intend", "aim", "prepare", "propose",
    "agree", "offer", "promise", "pledge", "vow", "hope", "want", "seek", "invite", "due",
    "ready", "likely", "able", "decide", "threaten", "try", "consider", "going", "call",
    "urge", "ask", "demand",
})
CLAIM_GOVERNORS = frozenset({"claim", "allege", "accuse", "report", "say"})
DENY_GOVERNORS = frozenset({"deny"})
PARTY_TYPES = ("PERSON", "ORG", "GPE", "NORP")
# How far up the governing verbs a clause's status is looked for.
MAX_CHAIN = 4


def prep_objects(
    token: Token, preps: Iterable[str], deps: tuple[str, ...] = ("prep",)
) -> list[Token]:
    """The objects of the given prepositions hanging from ``token``, in text order
    ("talks with Wang", "negotiators for Kessaria"); ``deps`` may add "agent", the label the
    parse gives a "by" after an active verb at times ("spoke by telephone")."""
    wanted = frozenset(preps)
    return [o for p in token.children if p.dep_ in deps and p.lower_ in wanted
            for o in p.children if o.dep_ == "pobj"]


def by_deps() -> tuple[str, ...]:
    """The labels a "by" may hang from a verb with: "agent" too under BY_AS_AGENT, which the
    parse gives the means of an active verb at times ("spoke by telephone")."""
    return ("prep", "agent") if on("BY_AS_AGENT") else ("prep",)


def for_clause(verb: Token) -> Token | None:
    """ "has called for the ambassador to be expelled": the parse makes "for" the mark of a
    clause hanging from the verb, and that clause is what is called for."""
    if not on("FOR_CLAUSE"):
        return None
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp") and c.i > verb.i and c.pos_ in ("VERB", "AUX") and any(
            m.dep_ == "mark" and m.lower_ == "for" and m.i < c.i for m in c.children
        ) and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def conjuncts(head: Token) -> list[Token]:
    """``head`` and the words conjoined with it ("Nordland and Estmark")."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
        elif child.dep_ == "appos":
            # "Nordland's top diplomat, Elena Marsh, and Andriy Morozov": the parse hangs the
            # second name from the apposition
            out.extend(c for a in conjuncts(child)[1:] for c in conjuncts(a))
        elif child.dep_ == "nmod" and on("NAMES_IN_TITLE") and child.i < head.i:
            # "Talvia's Minister of Water and Energy, Ines de Graaf, and Merovian Power Minister
            # Nabil El Hadi signed": the parse makes the first title a modifier of the second
            # name and hangs the first name from it
            out.extend(c for a in conjuncts(child)[1:] if a.ent_type_ == "PERSON"
                       for c in conjuncts(a))
    return out


def entity_ids(ctx: SpeakerContext, head: Token) -> list[str]:
    """The entities the words headed by ``head`` name: each conjunct resolved as a speaker is
    (pronouns, descriptions, spokespeople), a group of nationalities as their countries."""
    ids: list[str] = []
    for token in conjuncts(head):
        group = (_people_of_group(ctx, token) or _country_of_owner(ctx, token)
                 or _the_government(ctx, token)
                 or _countries_named_before(ctx, token) or _separatist_body(ctx, token)
                 or (_bodies_behind(ctx, token) if token.tag_ == "NNS" else []))
        if group:
            ids.extend(group)
            continue
        owner = _owner_of_force(ctx, token) if on("OWNER_OF_FORCE") else []
        if owner:
            ids.extend(owner)
            continue
        named = _named_in_apposition(ctx, token)
        if named is not None:
            ids.append(named)
            continue
        found = speaker_from(ctx, token)
        person = _person_of_object_pronoun(ctx, token, found.speaker)
        if person is not None:
            ids.append(person)
            continue
        if found.speaker is not None and _locative(ctx, found.speaker, token):
            continue  # "negotiators in Vienna": Vienna is where they are, not who they are
        if found.speaker is not None and _home_of(ctx, found.speaker, token):
            # "Kessel dockers walk out": where they come from, not who they are; the body they
            # belong to, when the story names one after them
            ids.extend(_body_of_members(ctx, token))
            continue
        if found.speaker is not None:
            entity = ctx_entity(ctx, found.speaker)
            if entity is not None and entity.type in PARTY_TYPES:
                ids.append(found.speaker)
                continue
        ids.extend(_countries_of_group(ctx, token) or _bodies_behind(ctx, token)
                   or _body_of_kind(ctx, token) or _body_of_members(ctx, token))
    return list(dict.fromkeys(ids))


# What a body's name says it is, for the word a report uses for it: "the alliance" is the
# North Atlantic Treaty Organization, "the bloc" the Halden Economic Community.
KINDS_OF_BODY = {
    "alliance": ("alliance", "treaty organization", "nato", "pact"),
    "bloc": ("union", "community", "bloc", "association"),
}


def _body_of_kind(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "the alliance", "the bloc": the one organisation of the article whose name says it is
    one, when no name of it holds the word itself."""
    kinds = KINDS_OF_BODY.get(head.lower_) if on("BODY_OF_KIND") else None
    if kinds is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return []
    bodies = [e.id for e in ctx.entities if e.type == "ORG" and any(
        re.search(rf"\b{k}\b", form.lower()) for form in (e.name, *e.aliases) for k in kinds)]
    return bodies if len(bodies) == 1 else []


SEPARATISTS = frozenset({"separatists", "rebels", "insurgents"})
SEPARATIST_WORDS = frozenset({"separatist", "rebel", "insurgent"})
# Words a report puts before the name of a body that declared itself: "the self-declared
# Dorava People's Council".
SELF_STYLED = frozenset({"self-declared", "self-proclaimed", "self-styled", "self-governing",
                         "breakaway", "separatist", "rebel"})


def _separatist_body(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "the separatists", "Dorava separatists", "separatist leaders": the one body the
    article names as self-declared or breakaway ("proclaimed a self-governing Dorava People's
    Council")."""
    plain = head.lower_ in SEPARATISTS
    led = head.lower_ in REPRESENTATIVES and any(
        c.dep_ in ("amod", "compound") and c.lower_ in SEPARATIST_WORDS for c in head.children)
    if not (plain or led):
        return []
    bodies = {e.id for e in ctx.entities if e.type == "ORG" for m in e.mentions
              if SELF_STYLED & set(ctx.text[max(0, m.start - 40): m.start].lower().split())}
    return list(bodies) if len(bodies) == 1 else []


def _named_in_apposition(ctx: SpeakerContext, head: Token) -> str | None:
    """ "the Lisbon-based conservation group Oceano Vivo": a description whose apposition
    names a party is that party, not a place inside the description."""
    if ctx.entity_at(head) is not None or head.pos_ != "NOUN":
        return None
    for child in head.children:
        found = ctx.entity_at(child) if child.dep_ == "appos" else None
        if found is not None and found[0].type in PARTY_TYPES:
            return found[0].id
    return None


# Plural nouns for those who fight or act for a body: "its fighters", "their troops".
FORCES = frozenset({"fighters", "troops", "forces", "soldiers", "militants", "gunmen",
                    "units", "inspectors", "police", "officers"})
GOVERNMENT_WORDS = frozenset({"government", "administration", "authorities"})


def _the_government(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "the government" with nothing to say whose is the government of the country the story
    names most, when it names it at least twice as often as any other."""
    if not on("THE_GOVERNMENT") or head.lower_ not in GOVERNMENT_WORDS or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ) or any(c.dep_ in ("prep", "poss", "amod", "compound") for c in head.children):
        return []  # "the government in Darsk", "her government": said whose
    counts: dict[str, int] = {}
    for _, e in ctx.mentions_before(head.idx, ("GPE",)):
        counts[e.id] = counts.get(e.id, 0) + 1
    ranked = _most_named(counts)
    if not ranked and on("GOVERNMENT_OF_A_COUNTRY"):
        # "Corvaro" four times, "Gavrona" three: a city has no government of its own; the
        # places with a nationality word ("Gavronan") are the countries
        ranked = _most_named({i: n for i, n in counts.items() if _has_nationality(ctx, i)})
    return ranked


def _most_named(counts: dict[str, int]) -> list[str]:
    """The one id named at least twice, and twice as often as any other."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return []
    return [ranked[0][0]]


def _coined_from(name: str, word: str) -> bool:
    """Whether ``word`` is a nationality coined from ``name``: "Vastrian" from "Vastria";
    with DEMONYM_FORMS, "Kesmaran", "Gavronan", "Qareshi" as well."""
    if on("DEMONYM_FORMS"):
        return word in coined_demonyms(name)
    return name.endswith("ia") and word == name + "n"


def _has_nationality(ctx: SpeakerContext, entity_id: str) -> bool:
    """Whether a place has a word for its people: known to the gazetteer, or coined in the
    text from its name ("Gavrona" → "Gavronan", "Tolvaria" → "Tolvarian")."""
    entity = ctx.by_id.get(entity_id)
    if entity is None:
        return False
    forms = (entity.name, *entity.aliases)
    if any(demonyms_of().get(f) for f in forms):
        return True
    words = token_texts(ctx.doc)
    return any(not coined_demonyms(f).isdisjoint(words) for f in forms)


def _bodies(ctx: SpeakerContext, ids: list[str]) -> list[str]:
    """The ids among ``ids`` that name a body or a state, not a person."""
    return [i for i in ids if (e := ctx.by_id.get(i)) is not None and e.type != "PERSON"]


def _owner_of_force(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "the Front said … its fighters had captured": those who fight for a body, named by a
    possessive pronoun, are that body, when the pronoun names one."""
    if head.lower_ not in FORCES:
        return []
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    if not owners:
        return []
    ids = entity_ids(ctx, owners[0])
    if not ids and owners[0].lower_ in ("its", "their"):
        # "the Front said … that its fighters": the body that says it
        verb = head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ == "ccomp" and verb.head.i != verb.i:
            subject = clause_subject(verb.head)
            ids = entity_ids(ctx, subject) if subject is not None else []
    bodies = _bodies(ctx, ids)
    return bodies if len(bodies) == 1 == len(ids) else []


OBJECT_PRONOUNS = {"him": "m", "her": "f"}


def _person_of_object_pronoun(ctx: SpeakerContext, token: Token, found: str | None
                              ) -> str | None:
    """ "will fly to Dorvan for talks with him": "him" is a person, and not the clause's own
    subject, so the latest other person of that gender named before it in the sentence, when
    the speaker rules found a body or nobody."""
    gender = OBJECT_PRONOUNS.get(token.lower_)
    if gender is None or token.dep_ not in ("pobj", "dobj"):
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = clause_subject(verb)
    if subject is None and on("OWN_SUBJECT_NOT_OBJECT"):
        subject = _subject_through_chain(verb)
    own = set(entity_ids(ctx, subject)) if subject is not None and subject.i != token.i else set()
    if found is not None and ctx.is_person(found) and not (
        on("OWN_SUBJECT_NOT_OBJECT") and found in own
    ):
        return None  # "see him": not the one who sees
    for _, entity in ctx.mentions_before(token.idx, ("PERSON",)):
        if entity.id in own or ctx.gender.get(entity.id) not in (None, gender):
            continue
        earlier = ctx.last_mention(entity.id, token.idx)
        return entity.id if earlier >= token.sent.start_char else None
    return None


def _subject_through_chain(verb: Token) -> Token | None:
    """The subject of the clause an infinitive or conjunct hangs from: "Aasen met Lund and
    is expected to see him again"."""
    t = verb
    for _ in range(4):
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return None
        t = t.head
        subject = clause_subject(t)
        if subject is not None:
            return subject
    return None


# Nouns for people who act for a body: "negotiators for Kessaria and the council".
REPRESENTATIVES = frozenset("""
negotiator negotiators delegation delegations delegate delegates representative representatives
official officials envoy envoys diplomat diplomats team teams leader leaders side sides
government governments minister ministers spokesman spokeswoman spokesperson mediators
ambassador ambassadors supporters members
""".split())


def _bodies_behind(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "Negotiators for X and Y", "delegations of X and Y": the bodies they act for."""
    if head.lower_ not in REPRESENTATIVES:
        return []
    return [i for obj in prep_objects(head, ("for", "of", "from")) for i in entity_ids(ctx, obj)]


LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})


def _locative(ctx: SpeakerContext, entity_id: str, head: Token) -> bool:
    """The entity is named inside a place phrase of the words headed by ``head`` (and is not
    the head's own name: "Organization for Security and Co-operation in Europe")."""
    own = ctx.entity_at(head)
    if own is not None and own[0].id == entity_id:
        return False
    for token in head.subtree:
        found = ctx.entity_at(token)
        if found is None or found[0].id != entity_id or token.i == head.i:
            continue
        t = token
        while t.i != head.i and t.head.i != t.i:
            if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
                return True
            t = t.head
    return False


def _body_of_members(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "Gavrona's striking nurses rejected the offer" in a story of the National Nurses'
    Federation: the one body named after the people the words name."""
    word = head.lower_
    if not on("BODY_OF_MEMBERS") or head.tag_ != "NNS" or word in REPRESENTATIVES or (
        len(word) < 5
    ):
        return []
    bodies = [e.id for e in ctx.entities if e.type == "ORG" and any(
        w.lower().rstrip("'’") == word for w in e.name.split())]
    return bodies if len(bodies) == 1 else []


def _home_of(ctx: SpeakerContext, entity_id: str, head: Token) -> bool:
    """A place before a plural noun for people ("Kessel dockers", "Roskov farmers") says where
    they are from; representatives ("Estmark negotiators") act for it."""
    entity = ctx.by_id.get(entity_id)
    if head.tag_ != "NNS" or head.lower_ in REPRESENTATIVES or entity is None or (
        entity.type not in ("GPE", "LOC", "FAC")
    ):
        return False
    # "Gavrona's striking nurses" are from Gavrona; "Talvia's troops" act for it
    owners = ("compound", "poss") if on("BODY_OF_MEMBERS") and head.lower_ not in FORCES else (
        "compound",)
    return any(c.dep_ in owners and (found := ctx.entity_at(c)) is not None
               and found[0].id == entity_id for c in head.children)


STATE_NOUNS = frozenset({"country", "government", "nation", "state", "administration",
                         "cabinet"})


# Those who sit for a party or a body: "whose 14 deputies", "his deputies".
MEMBER_NOUNS = frozenset({"deputies", "lawmakers", "legislators", "mps", "senators", "party",
                          "members", "councillors", "delegates"})


def _country_of_owner(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "her country", "his government": the country its owner speaks for, when the owner is a
    person whose roles name one ("Estmark's Prime Minister Ilona Varga … her country")."""
    members = on("MEMBERS_OF_OWNER") and head.lower_ in MEMBER_NOUNS
    if head.lower_ not in STATE_NOUNS and not members:
        return []
    owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    relative = [c for c in head.children if c.dep_ == "poss" and c.lower_ == "whose"]
    if relative:
        return _owner_of_whose(ctx, head)
    if not owners:
        return []
    found = speaker_from(ctx, owners[0])
    if found.speaker is None:
        return []
    if members:
        return [found.speaker]  # "his deputies would support …": the leader speaks for them
    country = ctx.speaks_for.get(found.speaker)
    return [country] if country else []


def _owner_of_whose(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "Tarsia, whose government has backed Sandor": the country the clause describes, or
    the country its person speaks for."""
    clause = head.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return []
    found = ctx.entity_at(clause.head)
    whose = next(c for c in head.children if c.lower_ == "whose")
    before = head.doc[whose.i - 2] if whose.i > 1 and head.doc[whose.i - 1].text == "," else None
    if on("MEMBERS_OF_OWNER") and before is not None and ctx.entity_at(before) is not None:
        found = ctx.entity_at(before)  # "the SDA and the Ecology Party, whose deputies": the Party
    if found is None:
        return []
    entity = found[0]
    if entity.type == "PERSON":
        country = ctx.speaks_for.get(entity.id)
        return [country] if country else []
    return [entity.id] if entity.type in ("GPE", "ORG") else []


GROUP_WORDS = frozenset({"both", "two", "three", "the", "their", "all"})
STATE_GROUPS = frozenset({"countries", "governments", "nations", "states"})


def _countries_named_before(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "the joint commission the two countries are negotiating", "both governments": the two
    countries named last before it, when the words say there are two."""
    if head.lower_ not in STATE_GROUPS or not any(
        c.lower_ in ("both", "two") for c in head.children
    ):
        return []
    cities = city_names()
    out: list[str] = []
    for _, entity in ctx.mentions_before(head.idx, ("GPE",)):
        if entity.id not in out and not {entity.name, *entity.aliases} & cities:
            out.append(entity.id)
        if len(out) == 2:
            return out[::-1]
    return []


# Ranks that make a different office of the same name: a deputy foreign minister is not one
# of "the foreign ministers".
RANKS = frozenset({"deputy", "vice", "junior", "assistant", "former", "acting", "shadow"})


def _people_of_group(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "both ministers", "the two foreign ministers": every person whose roles carry the noun,
    when there are at least two and the words say how many or point back ("both", "the")."""
    if head.tag_ != "NNS" or not any(c.lower_ in GROUP_WORDS for c in head.children):
        return []
    word = head.lemma_.lower()
    if not on("GROUP_ROLES"):
        people = [e.id for e in ctx.entities if e.type == "PERSON" and any(
            word in r.lower().split() for r in e.roles)]
        count = next((c.lower_ for c in head.children if c.lower_ in ("two", "three")), None)
        wanted = {"two": 2, "three": 3}.get(count or "", len(people))
        return people if len(people) >= 2 and len(people) == wanted else []
    kinds = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")
             and c.lower_ not in GROUP_WORDS and not c.like_num}
    holders = [e for e in ctx.entities if e.type == "PERSON" and any(
        _holds(r, word, kinds) for r in e.roles)]
    if not holders and on("TWO_MEN") and word in PEOPLE_WORDS and not kinds and any(
        c.lower_ in ("two", "both") for c in head.children
    ):
        # "the two men had agreed", "both leaders": the last two people named before
        latest = [e for _, e in ctx.mentions_before(head.idx, ("PERSON",))]
        holders = list(dict.fromkeys(latest))[:2]
    if holders:
        # "Kolářová and her Ivrenian counterpart, Matteo Brancati": the same office
        holders += [e for e in ctx.entities if e.type == "PERSON" and e not in holders and any(
            "counterpart" in r.lower().split() for r in e.roles)]
    count = next((c.lower_ for c in head.children if c.lower_ in ("both", "two", "three")), None)
    wanted = {"both": 2, "two": 2, "three": 3}.get(count or "", len(holders))
    if len(holders) > wanted:
        # "spoke to both ministers": the ones named last before the words
        latest = [e for _, e in ctx.mentions_before(head.idx, ("PERSON",)) if e in holders]
        holders = list(dict.fromkeys(latest))[:wanted]
    people = [e.id for e in holders]
    return people if len(people) >= 2 and len(people) == wanted else []


# Plural words for people with no office of their own in them.
PEOPLE_WORDS = frozenset({"man", "woman", "leader"})


def _holds(role: str, word: str, kinds: set[str]) -> bool:
    """Does the role name the office: "Saldovian Foreign Minister" for "foreign ministers",
    but not "Deputy Foreign Minister"."""
    words = role.lower().split()
    return word in words and kinds <= set(words) and not (kinds and RANKS & set(words))


def speaks_for(entities: dict[str, Entity]) -> dict[str, str]:
    """Person id → the one country their roles name ("Nordland's foreign minister")."""
    countries = [e for e in entities.values() if e.type == "GPE"]
    index = demonyms_of()
    out = {}
    for e in entities.values():
        if e.type != "PERSON" or not e.roles:
            continue
        words = " ".join(e.roles)
        named = {c.id for c in countries for form in (c.name, *c.aliases)
                 if re.search(rf"\b{re.escape(form)}\b", words)}
        named |= {c.id for c in countries for form in (c.name, *c.aliases)
                  for adjective in index.get(form, ()) if re.search(rf"\b{adjective}\b", words)}
        named |= {c.id for c in countries for form in (c.name, *c.aliases)
                  if any(_coined_from(form, w) for w in re.findall(r"\w+", words))}
        if len(named) == 1:
            out[e.id] = named.pop()
    return out


def party_context(doc: Doc, entities: tuple[Entity, ...]) -> SpeakerContext:
    """What events and stances resolve their parties with: the quotes' speaker context (the
    same pronoun, description and spokesperson rules) and who speaks for which country. Built
    once per article and shared by both readers; it holds no state they change."""
    ctx = SpeakerContext(doc, entities, find_quoted(text_of(doc)))
    ctx.speaks_for = speaks_for({e.id: e for e in entities})
    return ctx


def ctx_entity(ctx: SpeakerContext, entity_id: str) -> Entity | None:
    return ctx.by_id.get(entity_id)


def _countries_of_group(ctx: SpeakerContext, head: Token) -> list[str]:
    """ "the French and Polish delegations" → France and Poland, when the article names them."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    words = [t for t in head.children if t.dep_ in ("amod", "compound")]
    words += [c for t in words for c in t.children if c.dep_ == "conj"]
    names = {demonyms().get(t.text) for t in words} - {None}
    if not names and on("COINED_DEMONYMS") and head.lower_ in REPRESENTATIVES:
        # "Velmonian officials": a country the gazetteer does not know, named "…ia"
        return [e.id for e in ctx.entities if e.type == "GPE" and any(
            _coined_from(e.name, t.text) for t in words)]
    if not names:
        return []
    index = surface_index()
    out = []
    for e in ctx.entities:
        if e.type == "GPE" and any(
            (entry := index.get(form)) is not None and entry.name in names
            for form in (e.name, *e.aliases)
        ):
            out.append(e.id)
    return out


def subject_ids(ctx: SpeakerContext, verb: Token) -> list[str]:
    """Who does what ``verb`` says: its subject, or the agent of a passive ("by Rabat")."""
    for child in verb.children:
        if child.dep_ == "agent" and not (on("BY_AS_AGENT") and verb.tag_ != "VBN"):
            # "spoke by telephone": an active verb's "by" is how, not who
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return entity_ids(ctx, objects[0])
    ids = _own_subject_ids(ctx, verb)
    sayer = said_by(ctx, verb, ids)
    return subject_ids(ctx, sayer) if sayer is not None else ids


def said_by(ctx: SpeakerContext, verb: Token, ids: list[str] | None = None) -> Token | None:
    """The verb of saying whose subject does what ``verb`` says, when the parse joined
    ``verb`` to the reported clause (see ``_sayer_of_conjunct``): its tense and its time are
    that verb's too ("said on Tuesday that … and warned")."""
    sayer = _sayer_of_conjunct(verb) if on("SAYER_OF_CONJUNCT") else None
    if sayer is None:
        return None
    if ids is None:
        ids = _own_subject_ids(ctx, verb)
    return sayer if not ids or _tense_of_sayer(verb, sayer) else None


def _tense_of_sayer(verb: Token, sayer: Token) -> bool:
    """ "Costin said the bloc opposes tariffs and urged them to return": a past verb joined to
    a reported present one goes with the past verb of saying."""
    return verb.tag_ == sayer.tag_ == "VBD" and verb.head.tag_ in ("VBZ", "VBP")


SAYING = frozenset({"say", "tell", "add", "announce", "state", "insist", "argue"})


def _sayer_of_conjunct(verb: Token) -> Token | None:
    """ "Hrast said the extension had given away leverage and opposes any further truce": the
    parse joins the second verb to the reported clause, whose subject ("the extension") names
    no party; the verb is the sayer's own."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")
                                  for c in verb.children):
        return None  # "had asked for burns and had been refused": still the report
    first = verb.head
    if first.dep_ != "ccomp" or first.head.i == first.i or first.head.lemma_ not in SAYING:
        return None
    return first.head


def _subject_of_first_clause(ctx: SpeakerContext, verb: Token, subject: Token) -> list[str]:
    """ "Zeland was invited, but it has ruled out attending": "it" (or "they") opening a
    clause joined to another is that clause's subject, when that names a body or a state."""
    if subject.lower_ not in ("it", "they") or verb.dep_ != "conj" or verb.head.i == verb.i:
        return []
    first = clause_subject(verb.head)
    if first is None or first.pos_ == "PRON":
        return []
    ids = entity_ids(ctx, first)
    bodies = _bodies(ctx, ids)
    if not bodies or len(bodies) != len(ids) or (subject.lower_ == "it") != (len(ids) == 1):
        return []
    return bodies


def _own_subject_ids(ctx: SpeakerContext, verb: Token) -> list[str]:
    described = _after_relative_clause(verb)
    if described is not None:
        return entity_ids(ctx, described)
    subject = clause_subject(verb)
    if subject is None or (subject.dep_ == "nsubjpass" and not _raised(verb, subject)):
        return []
    if subject.lower_ in RELATIVE_PRONOUNS:
        return _antecedent_ids(ctx, subject)
    sayers = _sayers_of_they(verb, subject) if on("THEY_WHO_SAID") else None
    if sayers is not None:
        return entity_ids(ctx, sayers)
    earlier = _subject_of_first_clause(ctx, verb, subject) if on("PRONOUN_OF_CONJUNCT") else []
    if earlier:
        return earlier
    if subject.is_upper and len(subject.text) > 1:
        # "LISBON – Portugal and Morocco on Wednesday signed": the parse makes the dateline
        # the subject and the real one its apposition
        named = [c for c in subject.children if c.dep_ == "appos"]
        if named:
            return entity_ids(ctx, named[0])
    return entity_ids(ctx, subject)


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _sayers_of_they(verb: Token, subject: Token) -> Token | None:
    """ "Lindorran officials said they could back a revised list": "they" in what a plural
    group said is that group."""
    if subject.lower_ != "they" or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in (
        SAYING
    ):
        return None
    sayer = subject_of(verb.head)
    return sayer if sayer is not None and sayer.tag_ in ("NNS", "NNPS") else None


def _after_relative_clause(verb: Token) -> Token | None:
    """ "Marius Tellan, whose SDA finished first, met Baltazar": the parse may join the main
    verb to the relative clause, whose subject it would take; after the clause's closing
    comma the verb is the described noun's."""
    if not on("AFTER_RELATIVE_CLAUSE") or verb.dep_ != "conj" or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        return None
    clause = verb.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i or clause.head.i > clause.i:
        return None
    between = verb.doc[clause.i + 1: verb.i]
    if not len(between) or between[-1].text != "," or any(t.dep_ == "cc" for t in between):
        return None  # "who met X and signed": both verbs are the clause's
    return clause.head


def _raised(verb: Token, subject: Token) -> bool:
    """ "Baros is scheduled to meet Solheim", "Tully was asked to attend": the passive's
    subject is who does what the infinitive below it says (raising and object control), so
    it is the infinitive's subject, though not the passive verb's own actor."""
    t = verb
    while t.dep_ == "xcomp" and t.head.i != t.i:
        t = t.head
        if subject.head.i == t.i:
            return t.i != verb.i
    return False


def _antecedent_ids(ctx: SpeakerContext, pronoun: Token) -> list[str]:
    """ "Karin Holm, who will meet Aasen": a relative pronoun subject is the noun its clause
    describes."""
    clause = pronoun.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head  # "which has offered to mediate"
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return []
    head = clause.head
    if pronoun.lower_ == "who":
        # "Karin Holm, head of the Fishers Association, who will meet": "who" is a person,
        # whom the parse may hang from the nearest noun of the apposition
        head = _person_above(ctx, head) or head
    return entity_ids(ctx, head)


def _person_above(ctx: SpeakerContext, token: Token) -> Token | None:
    t = token
    for _ in range(5):
        found = ctx.entity_at(t)
        if found is not None and found[0].type == "PERSON":
            return t
        if t.dep_ not in ("pobj", "prep", "appos") or t.head.i == t.i:
            return None
        t = t.head
    return None


def clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, also through a predicate adjective: "Kallas and Lund are due
    to meet", "Ekvall is ready to talk"."""
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and (
        verb.head.head.i != verb.head.i
    ):
        return subject_of(verb.head.head)
    return subject


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in verb.children)


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _governors(verb: Token) -> list[Token]:
    """The verbs (and predicate adjectives) above ``verb`` through complement clauses."""
    chain = []
    t = verb
    for _ in range(MAX_CHAIN):
        if t.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "acomp", "advcl", "conj") or (
            t.head.i == t.i
        ):
            break
        t = t.head
        chain.append(t)
    return chain


def status_of(verb: Token) -> str:
    """occurred, planned, claimed or denied, from the verb's own tense and what governs it."""
    below = verb
    for g in _governors(verb):
        lemma = g.lemma_.lower()
        linked_by, below = below.dep_, g
        if linked_by == "conj":
            break  # "accused X of … and said Y would ask": "said" is a sibling, not a governor
        if g.i > verb.i:
            continue  # "X accused Y …; Y denied it": the denial comes after, about the account
        if lemma in DENY_GOVERNORS:
            return "denied"
        if lemma in CLAIM_GOVERNORS and lemma != "say" and g.pos_ == "VERB":
            return "claimed"
    if _future(verb) or _conditional(verb):
        return "planned"
    for g in _governors(verb):
        if _future(g) or (g.lemma_.lower() in FUTURE_GOVERNORS and verb.dep_ == "xcomp"):
            return "planned"
        purpose = g.dep_ == "advcl" and any(
            c.lower_ == "to" and c.dep_ == "aux" for c in g.children)
        if g.dep_ not in ("xcomp", "conj") and not purpose:
            break  # "to help clear roads" inherits the tense of "would send"
    return "occurred"


# "if" and "unless" are a threat's own terms ("threatened to quit if …"), not a wait.
CONDITIONS = frozenset({"once"})


def _conditional(verb: Token) -> bool:
    """ "has pledged €120 million once a ceasefire holds": what waits on a condition has not
    happened yet."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS
                                         for m in c.children) for c in verb.children)


def _future(verb: Token) -> bool:
    aux = _aux_words(verb)
    if aux & FUTURE_AUX:
        return True
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        if verb.dep_ == "ROOT":
            return True  # headline "to": "Nordland and Estmark to hold talks"
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_GOVERNORS
    # "is to visit", "are due to meet", "talks are scheduled for Friday"
    return verb.lemma_.lower() in ("schedule", "slate", "due")


# Words that make "called X Y" an accusation: the names news prose quotes one side calling
# the other's act ("called the duties "a typical act of protectionism"").
PEJORATIVE = frozenset('''
blackmail provocation protectionism disproportionate fantasy illegal unacceptable outrageous
absurd disgrace disgraceful scandal scandalous lie lies nonsense propaganda piracy aggression
reckless irresponsible hypocritical hypocrisy betrayal theft robbery shameful unjustified
unjustifiable unlawful farce sham stunt theatre theater insult insulting cynical dangerous
provocative hostile abuse bullying extortion
'''.split())
# Words of praise in "called the accord "historic"", "called the declaration "long overdue"".
PRAISE = frozenset('''
historic important overdue welcome excellent sensible realistic breakthrough milestone landmark
success constructive positive encouraging balanced reasonable vital essential courageous
'''.split())
NEGATIONS = frozenset({"not", "no", "never", "hardly", "less", "far"})
# What is rebutted rather than blamed: "called the accusation "reckless"" rejects a claim.
CLAIM_NOUNS = frozenset({"charge", "charges", "accusation", "accusations", "claim", "claims",
                         "allegation", "allegations", "report", "reports", "account"})


def called_praises(verb: Token) -> Token | None:
    """What "called X Y" praises, when Y holds a word of praise and none of blame or denial:
    "called the declaration "long overdue"" → the declaration."""
    return called_names(verb, PRAISE, unless=PEJORATIVE | NEGATIONS)


def called_names(verb: Token, words_of_kind: frozenset[str] = PEJORATIVE, *,
                 unless: frozenset[str] = frozenset()) -> Token | None:
    """What "called X Y" blames, when Y is a word of blame: "called the duties "a typical act
    of protectionism"" → the duties, "called the threat "blackmail"" → the threat; None for
    "called the agreement a beginning" or for a claim rebutted ("called the accusation
    "reckless""). Other words of a kind, and words that rule the call out, may be given."""
    if verb.lemma_.lower() != "call" or any(
        c.dep_ in ("prt", "prep") and c.lower_ in ("for", "on", "off", "in") for c in verb.children
    ):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")]
    words = {t.lemma_.lower() for o in objects for t in o.subtree}
    if not words & words_of_kind or words & unless:
        return None
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if target is not None and target.lemma_.lower() in words_of_kind:
        # "called the threat "blackmail"": the parse makes the quoted word the object
        target = next((c for c in target.children if c.dep_ in ("nmod", "compound")), target)
    if target is None and verb.dep_ == "relcl":
        target = verb.head  # "a condition the government calls "blackmail""
    if target is None or target.lower_ in CLAIM_NOUNS:
        return None
    return target

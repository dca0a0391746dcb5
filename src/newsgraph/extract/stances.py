"""Stances: who supports or opposes what, read from the cues news prose uses.

A cue is a verb ("backs", "opposes", "has ruled out"), a predicate ("is firmly against",
"remains opposed to", "is in favour of") or a noun after a verb of saying ("has voiced support
for", "expressed opposition to"). The holder is the cue's subject, resolved as a quote's
speaker is; inside a quotation "we" and "I" are the quote's speaker, and the quote is kept as
evidence. The issue is the cue's object phrase, cut before relative clauses and asides; an
issue that points back ("any such step", "it", "the move") is the object of the sentence
before. Negation turns the polarity ("does not support"), and so does an opposing cue over a
supporting one ("has ruled out backing the levy" opposes the levy).

Fourth round: a wanted clause with its own subject is the issue, and so is each noun joined to
a wanted object; "a hard line on X" opposes X. No stance from an appeal for a bare noun
("called for calm"), "not against", "against being ignored", a want that is the condition of a
backing ("backs the deal but wants guarantees"), a position told in the simple past ("which
long resisted"), or not endorsing "a candidate"; a bare "the plan" beside the same holder's
named position a line or two away is that position.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from newsgraph.extract.clauses import (
    called_names,
    called_praises,
    entity_ids,
    for_clause,
    negated,
    party_context,
    prep_objects,
    subject_ids,
)
from newsgraph.extract.doc_cache import lemma_positions, positions, text_of
from newsgraph.extract.events import purpose_of_protest
from newsgraph.extract.quotes import SpeakerContext
from newsgraph.extract.rules import on
from newsgraph.model import Entity, Quote, Span, Stance

SUPPORT_VERBS = frozenset({
    "support", "back", "welcome", "endorse", "favour", "favor", "champion", "hail", "praise",
    "defend", "advocate", "want", "accept", "embrace", "applaud",
    *("pledge", "promise", "vow"),
})
OPPOSE_VERBS = frozenset({
    "oppose", "reject", "resist", "condemn", "veto", "block", "fight", "denounce", "dismiss",
    "criticise", "criticize", "refuse", "protest",
})
# Acts that commit one to something, a position only when refused: "would not sign a truce".
REFUSED_ACTS = frozenset({"sign", "ratify", "approve"})
PHRASAL_OPPOSE = frozenset({("rule", "out"), ("object", "to"), ("speak", "against"),
                            ("argue", "against"), ("campaign", "against"), ("vote", "against")})
PHRASAL_SUPPORT = frozenset({("argue", "for"), ("push", "for"), ("call", "for"),
                             ("campaign", "for"), ("vote", "for"), ("press", "for")})
SUPPORT_NOUNS = frozenset({"support", "backing", "approval", "endorsement"})
OPPOSE_NOUNS = frozenset({"opposition", "objection", "objections", "rejection", "complaint"})
SAYING_VERBS = frozenset({"voice", "express", "signal", "declare", "reiterate", "give",
                          "lend", "offer", "restate", "repeat", "state", "issue", "lodge", "file"})
PROMISES = frozenset({"pledge", "promise", "vow"})
# Words that make an object point back to something named before.
ANAPHORIC_DETERMINERS = frozenset({"such", "this", "that", "these", "those"})
ANAPHORIC_PRONOUNS = frozenset({"it", "this", "that", "them"})
# Heads of a definite object that name again something the article set out before ("the
# plan", "the bid"): the fuller earlier phrase with the same head is the issue.
RESTATING_DETERMINERS = frozenset({"the", "any", "this", "that"})
# Nouns that name again what a verb did: "the proposal" after "proposed a levy".
NOMINALISED = {"proposal": "propose", "threat": "threaten", "decision": "decide",
               "demand": "demand", "request": "request", "call": "call", "plan": "plan",
               "offer": "offer", "pledge": "pledge", "promise": "promise", "bid": "bid",
               "announcement": "announce"}
# Names of one kind of thing: "the deal" restates "an agreement to share revenue" (the
# article's introduction of it, with "a"/"an"), whichever of the names each sentence uses.
AGREEMENTS = frozenset({"deal", "agreement", "accord", "pact", "treaty"})
SAME_THING = {w: AGREEMENTS for w in AGREEMENTS}
# Complements of "want" that say nothing about an issue ("want to know", "want to be").
EMPTY_COMPLEMENTS = frozenset({"be", "know", "see", "have", "get", "make", "do", "say", "go"})
FIRST_PERSON = frozenset({"we", "i", "us"})
CUT_DEPS = frozenset({"relcl", "appos", "advcl", "punct", "cc", "conj"})
MAX_ISSUE_TOKENS = 16
PARTY_TYPES = ("PERSON", "ORG", "GPE", "NORP")


# "a hard line on X", "a tough stance on X": a position against X.
STANCE_NOUNS = frozenset({"line", "stance"})
HARD_WORDS = frozenset({"hard", "tough", "firm", "hardline", "harsh", "uncompromising"})

# The lemmas and words a cue can stand on; the scan reads only the tokens that have them.
CUE_LEMMAS = frozenset({
    *SUPPORT_VERBS, *OPPOSE_VERBS, *REFUSED_ACTS, *SAYING_VERBS,
    *(verb for verb, _ in PHRASAL_OPPOSE | PHRASAL_SUPPORT), "call", "opposed", "oppose", "be",
})
CUE_WORDS = frozenset({"against", "favour", "favor", "open", *STANCE_NOUNS})


def _cue_positions(doc: Doc) -> list[int]:
    """Where a cue may stand, in text order: a stance is rare and a Token costs a Python
    object, so the lemma and word indexes pick the few tokens ``_cue`` must read."""
    return positions(doc, CUE_LEMMAS, CUE_WORDS)


def _cue(token: Token) -> tuple[str, Token | None] | None:
    """(polarity, object head) when ``token`` carries a stance."""
    lemma = token.lemma_.lower()
    children = list(token.children)
    if token.pos_ == "VERB" or _verb_but_for_its_tag(token):
        blamed = called_names(token)
        if blamed is not None:
            return "oppose", blamed  # "called the tax "a fantasy""
        praised = called_praises(token) if on("CALLED_PRAISE") else None
        if praised is not None and praised.pos_ == "PRON" and token.dep_ == "advcl":
            # "signed the accord, calling it "historic"": it is what was signed; after
            # "welcomed the agreement, calling it …" the praise repeats the welcome
            head = token.head
            praised = None if _cue(head) is not None else next(
                (c for c in head.children if c.dep_ == "dobj"), None)
        if praised is not None:
            return "support", praised  # "called the accord "historic""
        for c in children:
            pair = (lemma, c.lower_)
            if c.dep_ in ("prt", "prep") and (pair in PHRASAL_OPPOSE or pair in PHRASAL_SUPPORT):
                polarity = "oppose" if pair in PHRASAL_OPPOSE else "support"
                obj = _object(token) if c.dep_ == "prt" else _pobj(c)
                return polarity, obj
        clause = for_clause(token) if (lemma, "for") in PHRASAL_SUPPORT else None
        if clause is not None:
            return "support", clause  # "called for the ambassador to be expelled"
        if on("REFUSED") and lemma in REFUSED_ACTS and negated(token):
            return "support", _object(token)  # "would not sign a truce": negation turns it
        if lemma in SUPPORT_VERBS or lemma in OPPOSE_VERBS:
            return ("support" if lemma in SUPPORT_VERBS else "oppose"), _object(token)
        if lemma in SAYING_VERBS:
            for c in children:
                stated = on("STATEMENT_OF") and c.dep_ == "dobj"
                inner = [o for o in prep_objects(c, ("of",)) if o.lemma_.lower() in (
                    SUPPORT_NOUNS | OPPOSE_NOUNS)] if stated else []
                if inner:
                    c = inner[0]  # "issued a statement of support for the plan"
                if c.dep_ in ("dobj", "pobj") and c.lemma_.lower() in SUPPORT_NOUNS | OPPOSE_NOUNS:
                    polarity = "support" if c.lemma_.lower() in SUPPORT_NOUNS else "oppose"
                    # "has voiced opposition to any escalation": the parse may hang the
                    # to-phrase from the verb
                    return polarity, _noun_object(c) or _pobj_of(token, ("to", "for", "against"))
    if token.pos_ in ("ADJ", "VERB") and lemma in ("opposed", "oppose") and token.dep_ == "acomp":
        return "oppose", _pobj_of(token, ("to",))
    copula = token.head.lemma_ in ("be", "remain", "stay")
    if token.lower_ == "against" and token.dep_ == "prep" and copula:
        return "oppose", _pobj(token)
    if token.lower_ in ("favour", "favor") and token.dep_ == "pobj" and token.head.lower_ == "in":
        return "support", _pobj_of(token, ("of",))
    if _only_way(token):
        # "argue that membership is the only guarantee against being dragged into the war"
        return "support", next(c for c in token.children if c.dep_ == "nsubj")
    if on("HARD_LINE") and token.lower_ in STANCE_NOUNS and token.dep_ == "dobj" and any(
        c.dep_ == "amod" and c.lower_ in HARD_WORDS for c in token.children
    ):
        # the parse may hang "on migration" from the verb ("has taken a hard line on")
        preps = ("on", "against", "over", "towards")
        return "oppose", _pobj_of(token, preps) or _pobj_of(token.head, preps)
    if token.lower_ == "open" and token.dep_ == "acomp" and token.head.lemma_ in ("be", "remain"):
        return "support", _pobj_of(token, ("to",))
    return None


def _verb_but_for_its_tag(token: Token) -> bool:
    """ "We back President Obuya's plan": the tagger may call a cue verb an adverb, yet it has
    a subject and an object as a verb does."""
    deps = {c.dep_ for c in token.children}
    return on("MISTAGGED_CUE") and token.pos_ in ("ADV", "ADJ", "NOUN") and (
        token.lemma_.lower() in SUPPORT_VERBS | OPPOSE_VERBS) and {"nsubj", "dobj"} <= deps


# "X is the only guarantee / way / answer": a reported claim that backs X.
ONLY_WAYS = frozenset({"guarantee", "way", "solution", "answer", "option", "hope", "path",
                       "safeguard", "remedy"})
ARGUING = frozenset({"argue", "insist", "say", "believe", "maintain", "contend"})


def _only_way(token: Token) -> bool:
    """The copula of "that X is the only guarantee", reported by a verb of arguing."""
    if not on("ONLY_WAY") or token.lemma_ != "be" or token.dep_ != "ccomp" or (
        token.head.lemma_.lower() not in ARGUING
    ):
        return False
    attr = next((c for c in token.children if c.dep_ == "attr"), None)
    return attr is not None and attr.lemma_.lower() in ONLY_WAYS and any(
        c.lower_ in ("only", "best", "sole") for c in attr.children) and any(
        c.dep_ == "nsubj" for c in token.children)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _pobj_of(token: Token, preps: tuple[str, ...]) -> Token | None:
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return _pobj(c)
    return None


def _noun_object(noun: Token) -> Token | None:
    return _pobj_of(noun, ("for", "to", "of", "against"))


def _object(verb: Token) -> Token | None:
    children = list(verb.children)
    if on("OBJECT_AFTER_VERB"):
        # "“We do not want promises, we want water”": the parse may hang the first clause
        # from the second verb; a clause before the verb is not what it wants
        children = [c for c in children if c.dep_ == "dobj"] + [
            c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
    for c in children:
        if c.dep_ in ("dobj", "xcomp", "ccomp"):
            return c
    return _pobj_of(verb, ("for", "to", "against", "on")) or _described(verb)


def _described(verb: Token) -> Token | None:
    """ "any monitoring mission on its side, a step Carvenia has long supported": a relative
    clause with no object of its own is about the noun it describes, and a noun set beside
    another in apposition ("a step") renames that one."""
    if verb.dep_ != "relcl" or verb.head.i == verb.i or any(
        c.dep_ in ("nsubjpass",) or c.lower_ in ("who", "which", "that") and c.dep_ == "nsubj"
        for c in verb.children
    ):
        return None
    noun = verb.head
    return noun.head if noun.dep_ == "appos" and noun.head.i != noun.i else noun


def _through_gerund(obj: Token, polarity: str) -> tuple[Token | None, str]:
    """ "has ruled out backing the levy", "vowed to fight any cut": the inner cue's object,
    polarity combined."""
    if obj is not None and obj.tag_ in ("VBG", "VB"):
        inner = obj.lemma_.lower()
        if on("REFUSED_TO_SIGN") and polarity == "oppose" and inner in REFUSED_ACTS and (
            _object(obj) is not None
        ):
            return _object(obj), polarity  # "refuses to sign water deal": against the deal
        if inner in SUPPORT_VERBS | OPPOSE_VERBS:
            inner_polarity = "support" if inner in SUPPORT_VERBS else "oppose"
            combined = polarity if inner_polarity == "support" else (
                "support" if polarity == "oppose" else "oppose")
            return _object(obj), combined
    return obj, polarity


def _own_clause(verb: Token) -> bool:
    """ "wants every member state to be able to import …": a complement clause with its own
    subject, which is what is wanted, "to" and all."""
    return on("WANTED_CLAUSE") and verb.dep_ == "ccomp" and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)


def _joined_nouns(obj: Token | None) -> list[Token]:
    """ "We want guarantees, monitors on both banks and a date": each noun joined to the
    object is wanted too."""
    if not on("JOINED_NOUNS") or obj is None or obj.dep_ != "dobj" or obj.pos_ != "NOUN":
        return []
    out: list[Token] = []
    # the parse may join the later nouns to the verb: "want guarantees, OSCE monitors …"
    todo = [obj, *(c for c in obj.head.children if c.dep_ == "conj" and c.pos_ == "NOUN")]
    out.extend(todo[1:])
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _bare_appeal(cue: Token, obj: Token) -> bool:
    """ "called for calm", "will call for help": an appeal for a bare mass noun names no
    issue in dispute."""
    return on("BARE_APPEAL") and obj.dep_ == "pobj" and obj.head.lower_ == "for" and (
        (cue.lemma_.lower(), "for") in PHRASAL_SUPPORT) and obj.tag_ == "NN" and not any(
        True for _ in obj.children)


def _own_treatment(obj: Token) -> bool:
    """ "We are against being ignored": what is done to the holder, no issue named."""
    return on("OWN_TREATMENT") and obj.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ == "being" for c in obj.children) and not any(
        c.dep_ == "agent" for c in obj.children)


def _is(a: Token | None, b: Token) -> bool:
    """Whether two tokens are one word (spaCy makes a new Token on every access)."""
    return a is not None and a.i == b.i


def _issue_tokens(head: Token) -> list[Token]:
    keep = [head]
    # "any deal that extends Kallen's life": after "any" the relative clause says which
    restricted = any(c.dep_ == "det" and c.lower_ in ("any", "no") for c in head.children) or (
        on("RESTRICTIVE")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)
        and head.i + 1 < len(head.doc) and head.nbor().lower_ in ("that", "which")) or (
        # "measures that leave homes cold": a bare plural is said which by its clause
        on("BARE_PLURAL_WHICH") and head.tag_ == "NNS"
        and not any(c.dep_ in ("det", "poss") for c in head.children)
        and head.i + 1 < len(head.doc) and head.nbor().lower_ == "that")
    for child in head.children:
        if child.dep_ in CUT_DEPS and child.i > head.i and not (
            restricted and child.dep_ == "relcl"
        ):
            continue
        if child.dep_ == "mark" and child.lower_ == "for":
            continue  # "for the ambassador to be expelled": the clause, not its mark
        if child.dep_ in ("aux",) and child.lower_ == "to" and not _own_clause(head) and not (
            head.dep_ in ("advcl", "ccomp") and _is(for_clause(head.head), head)
        ):
            continue
        if child.i > head.i and _a_time(child) and child.i == max(c.i for c in head.children):
            continue  # "rejected the latest map on Tuesday": when, not what (at the end only)
        keep.extend(child.subtree)
    keep = sorted(set(keep), key=lambda t: t.i)
    out = []
    for t in keep:
        if out and (t.i != out[-1].i + 1 or t.text in (",", ";", "—", "(")):
            break
        if "\n" in t.text_with_ws:
            if not t.is_space:
                out.append(t)
            break  # an issue never runs into the next paragraph
        out.append(t)
    while out and (out[-1].is_punct or out[-1].lower_ in ("and", "or", "but")):
        out.pop()
    return out[:MAX_ISSUE_TOKENS]


def _a_time(child: Token) -> bool:
    """ "on Tuesday": a phrase hanging from the issue that only says when."""
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and all(
        o.ent_type_ in ("DATE", "TIME") for o in objects)


# Nouns that rename what was just named: "any monitoring mission, a step Carvenia has long
# supported".
RENAMING = frozenset({"step", "move", "measure", "idea", "proposal", "condition", "policy"})


def _vague(tokens: list[Token]) -> bool:
    """ "the plan": a definite noun that says nothing of what it is."""
    return on("VAGUE_REPEAT") and len(tokens) == 2 and tokens[0].lower_ == "the" and (
        tokens[1].tag_ == "NN")


def _issue_of_sentence_before(
    token: Token, last_issue: tuple[int, list[Token]] | None
) -> list[Token] | None:
    """The issue last taken a side on, when that was in the sentence before ``token``'s."""
    before = token.sent.start - 1
    if last_issue is None or before < 0 or last_issue[0] != token.doc[before].sent.start:
        return None
    return last_issue[1]


def _renaming(tokens: list[Token]) -> bool:
    """ "the measure", "the move": a definite word that renames whatever was just named."""
    return len(tokens) == 2 and tokens[0].lower_ == "the" and tokens[1].lower_ in RENAMING


def _points_back(tokens: list[Token]) -> bool:
    if len(tokens) == 1 and tokens[0].lower_ in ANAPHORIC_PRONOUNS:
        return True
    if len(tokens) == 2 and tokens[0].lower_ in ("a", "an") and tokens[1].lower_ in RENAMING:
        return True
    if not on("NAMED_AFTER_THIS"):
        return any(t.lower_ in ANAPHORIC_DETERMINERS for t in tokens[:2]) and len(tokens) <= 4
    # "any such step", "any such extension of the visit": such always points back; "this
    # step" does, but "this mediation" names its issue itself
    if any(t.lower_ == "such" for t in tokens[:2]):
        return True
    return any(t.lower_ in ANAPHORIC_DETERMINERS for t in tokens[:1]) and len(tokens) == 2 and (
        tokens[1].lemma_.lower() in RENAMING)


class _Reader:
    def __init__(self, doc: Doc, ctx: SpeakerContext, quotes: tuple[Quote, ...]):
        self.doc = doc
        self.ctx = ctx
        self.types = {e.id: e.type for e in ctx.entities}
        self.quotes = [q for q in quotes if q.kind == "direct"]

    def quote_at(self, char: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= char < q.end), None)

    def holders(self, verb: Token) -> tuple[list[str], Quote | None]:
        quote = self.quote_at(verb.idx) if self.ctx.inside_quote[verb.idx] else None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if quote is not None and subject is not None and self.ctx.inside_quote[subject.idx]:
            if subject.lower_ in FIRST_PERSON and quote.speaker:
                return [quote.speaker], quote
            return [], quote  # "they" inside someone's quote: not resolved here
        # "Macron “fully supports” the approach": the subject stands outside the marks
        ids = [i for i in subject_ids(self.ctx, verb) if self.types.get(i) in PARTY_TYPES]
        return ids, quote

    def previous_object(self, token: Token) -> list[Token] | None:
        """The object phrase of the sentence before: what "any such step" points back to."""
        sent = token.sent
        if sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        for t in before:
            if on("NO_TIME_BEFORE") and t.ent_type_ in ("DATE", "TIME"):
                continue  # "proposed on Monday night to split …": when, never what
            if t.dep_ in ("dobj", "pobj") and t.head.dep_ in ("ROOT", "xcomp", "prep") and (
                t.pos_ == "NOUN"
            ):
                return _issue_tokens(t)
        return None

    def asked_before(self, token: Token) -> Token | None:
        """What the sentence before asked someone to do: "urged the government to order the
        dockers back to work" → "order"."""
        sent = token.sent
        if sent.start == 0:
            return None
        for t in self.doc[sent.start - 1].sent:
            if t.pos_ == "VERB" and t.lemma_.lower() in ASKING:
                done = next((c for c in t.children if c.dep_ in ("xcomp", "ccomp")
                             and c.tag_ == "VB"), None)
                if done is not None:
                    return done
        return None

    def earlier_phrase(self, head: Token) -> list[Token] | None:
        """ "the bid" after "Velmonia's bid to join NATO": the earlier, fuller phrase."""
        if not any(c.dep_ == "det" and c.lower_ in RESTATING_DETERMINERS for c in head.children):
            return None
        if len([c for c in head.children if c.dep_ not in ("det", "punct")]) > 0:
            return None  # "the patrol plan" is already specific
        lemma = head.lemma_.lower()
        verb = NOMINALISED.get(lemma, lemma)
        names = SAME_THING.get(lemma, frozenset()) if on("SAME_THING") else frozenset()
        at = lemma_positions(self.doc)
        for t in self._before(head, sorted(i for name in names for i in at.get(name, ()))):
            # "signed an agreement to share revenue …" … "backs the deal": where the article
            # introduced the thing, under any of its names
            if t.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children
            ) and not self.ctx.inside_quote[t.idx]:
                tokens = _issue_tokens(t)
                if len(tokens) > 2:
                    return tokens
        # the first full naming is the article's own ("Velmonia's NATO bid" in the headline),
        # later ones may describe it ("the small Black Sea republic's bid")
        for t in self._before(head, at.get(lemma, ())):
            if t.pos_ == "NOUN":
                tokens = _issue_tokens(t)
                if len(tokens) > 2:
                    return tokens
        for t in reversed(self._before(head, at.get(verb, ()))):
            if t.pos_ == "VERB":
                # "the call" after "called for a parliamentary inquiry": what was called for
                found = _cue(t)
                obj = found[1] if found else _object(t)
                if obj is not None:
                    return _issue_tokens(obj)
        return None

    def _before(self, head: Token, positions: Iterable[int]) -> list[Token]:
        """The tokens at ``positions`` (in text order) that come before ``head``."""
        return [self.doc[i] for i in positions if i < head.i]

    def names_party(self, head: Token) -> bool:
        found = self.ctx.entity_at(head)
        return found is not None and found[0].type in PARTY_TYPES


# A refusal with no object answers what was asked just before.
REFUSING = frozenset({"refuse", "reject"})
ASKING = frozenset({"urge", "ask", "press", "call", "demand", "request", "implore"})
# Verbs of backing whose object may be a party: a candidate, a government, a body.
ENDORSING = frozenset({"back", "support", "endorse"})
# What one rejects when rebutting ("rejected the charge"): a claim, not an issue in dispute.
CLAIMS = frozenset({"charge", "charges", "accusation", "accusations", "account", "allegation",
                    "allegations", "claim", "claims", "report", "reports"})


# What one fights that is no position: "fought a brief war over the pass".
WARS = frozenset({"war", "battle", "fire", "blaze", "election", "campaign", "duel", "case"})


def _backed_party(r: _Reader, cue: Token, obj: Token) -> str | None:
    """The name of the party an endorsement backs, when the words are a pronoun or a
    description ("was backing her", "Her main rival, … Tomas Arvidsen")."""
    if not on("PASSIVE_BACKING") or cue.lemma_.lower() not in ENDORSING or obj.pos_ not in (
        "PRON", "PROPN", "NOUN"
    ):
        return None
    ids = entity_ids(r.ctx, obj)
    entity = r.ctx.by_id.get(ids[0]) if len(ids) == 1 else None
    return entity.name if entity is not None and entity.type == "PERSON" else None


def _endorsement(cue: Token) -> bool:
    """ "Tarsia has backed Sandor", "would support Ferrán in a runoff": backing a party is a
    position held; "backed Salcedo in 2020" tells a past one, an event."""
    return cue.lemma_.lower() in ENDORSING and cue.tag_ != "VBD"


def _about_a_claim(cue: Token, obj: Token) -> bool:
    """ "Nordland rejects that account", "Port Selim rejected the charge": a rebuttal."""
    return cue.lemma_.lower() in OPPOSE_VERBS and obj.lower_ in CLAIMS


# Verbs of a position held, not of an act: in the simple past they tell a former position.
HOLDING = frozenset({"support", "back", "oppose", "resist", "favour", "favor", "endorse",
                     "champion", "advocate"})
# The sides of a contest: not backing "a candidate" is standing aside, no position on one.
CONTESTANTS = frozenset({"candidate", "side", "party", "contender", "nominee", "camp"})


def _condition_of(cue: Token) -> bool:
    """ "backs the deal but wants guarantees for fishermen", "supports the application but
    wants the war frozen first": what is wanted is the condition of the backing."""
    head = cue.head
    return on("BUT_WANTS") and cue.lemma_.lower() == "want" and cue.dep_ == "conj" and (
        head.lemma_.lower() in SUPPORT_VERBS | OPPOSE_VERBS) and any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") and head.i < c.i < cue.i
        for c in head.children)


def _past_position(cue: Token) -> bool:
    """ "The Élysée, which long resisted rapid enlargement, said …": held then, not now;
    "whose deputies backed Tellan's candidacy last week" is a backing of days ago, held."""
    if not (on("STANDING_PAST") and cue.tag_ == "VBD" and cue.lemma_.lower() in HOLDING):
        return False
    if on("REPORTED_BACKSHIFT") and cue.dep_ == "ccomp" and cue.head.lemma_.lower() in (
        REPORTING
    ):
        return False  # "said his government supported “dialogue”": the tense of the telling
    return not (on("RECENT_BACKING") and _told_recently(cue))


REPORTING = frozenset({"say", "tell", "add", "state", "insist", "argue", "explain", "stress"})


# Words of a time phrase that puts an act in the last days: "last week", "on Saturday".
RECENT_DAYS = frozenset({"week", "yesterday", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "saturday", "sunday"})


def _told_recently(verb: Token) -> bool:
    return any(c.dep_ in ("npadvmod", "prep") and any(
        t.ent_type_ == "DATE" and t.lower_ in RECENT_DAYS for t in c.subtree)
        for c in verb.children)


def _neutral(cue: Token, verb: Token, obj: Token) -> bool:
    """ "Salcedo has not endorsed a candidate": no side taken, so no stance on any."""
    return on("NEUTRAL") and cue.lemma_.lower() in ENDORSING and (
        negated(verb) or negated(cue)) and (
        obj.lemma_.lower() in CONTESTANTS) and all(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any", "either") for c in obj.children)


def _hypothetical(verb: Token) -> bool:
    """ "if the authority refuses to talk", "asked whether she would accept": no position."""
    marks = ("if", "unless", "whether") if on("WHETHER_ASKED") else ("if", "unless")
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def _verb_of(cue_token: Token) -> Token:
    """The verb whose subject holds the stance: the cue itself, or the copula/saying verb;
    for a participle on what a verb made ("signed a letter welcoming the bid"), that verb."""
    t = cue_token
    if _only_way(t):
        return t.head  # the one who argues it
    if t.dep_ == "acl" and t.head.dep_ == "dobj" and t.head.head.pos_ == "VERB":
        return t.head.head
    if t.dep_ in ("acomp", "prep", "pobj") or t.pos_ == "NOUN":
        while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
            t = t.head
    return t


def extract_stances(
    doc: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] = (), *,
    ctx: SpeakerContext | None = None,
) -> tuple[Stance, ...]:
    """Stances of an annotated article: one per holder, issue and polarity. ``ctx`` is the
    article's party context when the caller already built it for events."""
    r = _Reader(doc, ctx or party_context(doc, entities), quotes)
    out: list[Stance] = []
    seen: set[tuple[str, str, str]] = set()
    consumed: set[int] = set()  # inner cues read with an outer one ("ruled out backing")
    vague_ids: set[str] = set()  # stances whose issue is a bare "the plan"
    last_issue: tuple[int, list[Token]] | None = None  # sentence start, issue words
    for i in _cue_positions(doc):
        token = doc[i]
        found = None if i in consumed else _cue(token)
        if found is None:
            continue
        first_polarity, first_obj = found
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if on("PASSIVE_BACKING") and passive is not None and _endorsement(token):
            first_obj = passive  # "Arvidsen was endorsed on Friday by Roan": Arvidsen
        if first_obj is not None and first_obj.ent_type_ in ("DATE", "TIME"):
            continue  # "endorsed on Friday": a day is never what one stands for
        if token.lemma_.lower() == "fight" and first_obj is not None and (
            first_obj.lemma_.lower() in WARS
        ):
            continue  # "fought a brief war over the pass": a war, no position
        if first_obj is None and on("BARE_REFUSAL") and token.lemma_.lower() in REFUSING:
            # "The chamber has urged the government to order the dockers back to work. The
            # prime minister has so far refused": what the sentence before asked for
            first_obj = r.asked_before(token)
        for obj in [first_obj, *_joined_objects(token, first_obj), *_joined_nouns(first_obj)]:
            polarity = first_polarity
            inner = obj
            obj, polarity = _through_gerund(obj, polarity)
            if inner is not None and obj is not inner:
                consumed.add(inner.i)
            if obj is None or (r.names_party(obj) and not _endorsement(token)):
                continue  # no issue, or a party acted on ("criticised the minister"): an event
            if _about_a_claim(token, obj):
                continue
            verb = _verb_of(token)
            if _condition_of(token) or _past_position(token) or _neutral(token, verb, obj):
                continue
            if on("PROTEST_AIM") and purpose_of_protest(verb):
                continue  # "march on Saturday to press for the ridge to be cleared": its aim
            if _hypothetical(token) or _hypothetical(verb):
                continue  # "if the authority refuses to talk": no position taken
            if negated(verb) or negated(token):
                polarity = "support" if polarity == "oppose" else "oppose"
            if obj.pos_ in ("VERB", "AUX") and obj.lemma_.lower() in EMPTY_COMPLEMENTS and not (
                _own_clause(obj)
            ):
                continue
            if _bare_appeal(token, obj) or _own_treatment(obj):
                continue
            if on("NOT_AGAINST") and token.lower_ == "against" and (
                negated(verb) or negated(token)
            ):
                continue  # "we are not against the gas": no position either way
            if token.lemma_.lower() in PROMISES and obj.pos_ != "VERB" and any(
                t.like_num for t in obj.subtree
            ):
                continue  # "pledged €3 million": aid given, not a position held
            issue_tokens = _issue_tokens(obj)
            vague = False
            renamed = (r.earlier_phrase(obj) if on("SAME_THING") and obj.pos_ == "NOUN"
                       and obj.lemma_.lower() in SAME_THING else None)
            if renamed:
                issue_tokens = renamed  # "I back this agreement": the agreement named before
            elif _points_back(issue_tokens):
                # "Ankara remains opposed to any such step": the issue of the sentence before
                here = last_issue is not None and last_issue[0] == token.sent.start and (
                    issue_tokens[0].lower_ in ("a", "an"))  # "…, a step X has long supported"
                if here:
                    issue_tokens = last_issue[1]
                else:
                    issue_tokens = (_issue_of_sentence_before(token, last_issue)
                                    or r.previous_object(token) or [])
            elif obj.pos_ == "NOUN":
                earlier = r.earlier_phrase(obj)
                before_issue = _issue_of_sentence_before(token, last_issue)
                if earlier:
                    issue_tokens = earlier
                elif on("RENAMED_ISSUE") and _renaming(issue_tokens) and before_issue:
                    # "Ekvall has expressed support for the tariffs. But the Green Alliance
                    # voiced opposition to the measure": the issue just taken a side on
                    issue_tokens = before_issue
                else:
                    vague = _vague(issue_tokens)
            if not issue_tokens:
                continue
            holders, quote = r.holders(verb)
            issue = doc[issue_tokens[0].i: issue_tokens[-1].i + 1].text
            backed = _backed_party(r, token, obj)
            if backed is not None:
                issue = backed  # "was backing her": Nadia Sefer, named
            last_issue = (token.sent.start, issue_tokens)
            evidence = _evidence(token, verb)
            sentence = (token.sent.start_char, token.sent.end_char)
            for holder in holders:
                key = (holder, issue.lower(), polarity)
                if key in seen:
                    continue
                seen.add(key)
                out.append(Stance(
                    id=f"S{len(out) + 1}", holder=holder, issue=issue, polarity=polarity,
                    evidence=evidence, sentence=sentence, quote=quote.id if quote else None,
                ))
                if vague:
                    vague_ids.add(out[-1].id)
    if vague_ids:
        out = _without_vague_repeats(doc, out, vague_ids)
    return tuple(out)


def _without_vague_repeats(doc: Doc, stances: list[Stance], vague_ids: set[str]) -> list[Stance]:
    """ "Estmark backs the plan" heading an entry whose next sentence says Estmark "supports
    the patrols": "the plan" is that position again, not a second one. A vague issue is
    dropped when its holder takes the same side on a named one in the next line or sentence
    or the one after; in one sentence they are two things ("backs the treaty and the new
    commission", "backs the treaty but wants guarantees")."""
    keep = []
    for s in stances:
        if s.id in vague_ids and any(
            o.id not in vague_ids and o.holder == s.holder and o.polarity == s.polarity
            and _told_apart(doc, s, o) for o in stances
        ):
            continue
        keep.append(s)
    return [dataclasses.replace(s, id=f"S{n}") for n, s in enumerate(keep, 1)]


def _told_apart(doc: Doc, a: Stance, b: Stance) -> bool:
    """Whether two stances stand in different lines or sentences, two sentences at most."""
    lo, hi = sorted((a.evidence.start, b.evidence.start))
    apart = _sentences_apart(doc, a.sentence[0], b.sentence[0])
    return apart <= 2 if "\n" in text_of(doc)[lo:hi] else 1 <= apart <= 2


def _sentences_apart(doc: Doc, a: int, b: int) -> int:
    lo, hi = sorted((a, b))
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return 0 if span is None or not len(span) else sum(1 for _ in span.sents)


def _joined_objects(cue: Token, obj: Token | None) -> list[Token]:
    """ "pledged to raise the pension and to fund the increase with a windfall tax": each
    infinitive joined to the cue's own is a position of its own."""
    if not on("JOINED_OBJECTS") or obj is None or obj.dep_ != "xcomp" or obj.tag_ != "VB":
        return []
    return [c for c in obj.children if c.dep_ == "conj" and c.tag_ == "VB"]


def _evidence(cue: Token, verb: Token) -> Span:
    first = min(cue.i, verb.i)
    last = max(cue.i, verb.i)
    doc = cue.doc
    for c in doc[last].children:
        if c.dep_ in ("prt", "prep") and c.i == last + 1:
            last = c.i
    span = doc[first: last + 1]
    return Span(span.start_char, span.end_char, span.text)

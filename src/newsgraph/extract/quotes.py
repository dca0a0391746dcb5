"""Quotations and who said them.

A quote's speaker is read from the clause that carries it: the subject of a speech verb
after the quote ("“…,” Marsh said", "“…,” said the minister") or before it ("Marsh said:
“…”", "the minister said Vienna must “stop the bleeding”"), or the object of "according to".
The words naming the speaker are resolved to an entity of the article: a name directly, a
pronoun to the nearest earlier person of the right gender, a description ("the premier's
economic adviser") to the person whose roles it matches, an unnamed spokesperson of a named
body to that body. A quote with no clause of its own carries on the quote just before it
(the second half of a split quote, the next paragraph of a long one, a quote standing right
after its speaker's sentence). Where none of this applies, or two readings compete, the
speaker is None: a wrong speaker is worse than none. A short quoted term nobody is said to
have uttered is a scare quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph import gazetteer
from newsgraph.extract.doc_cache import text_of
from newsgraph.extract.quote_marks import Quoted, find_quoted
from newsgraph.extract.rules import on
from newsgraph.model import Entity, Quote
from newsgraph.model import Span as TextSpan

# Verbs of judging that report words only when the words are their complement: "rejected
# the charge as “a fairy tale”", not "“…”: nurses reject pay offer".
JUDGING = frozenset({"reject", "hail", "condemn", "denounce", "criticise", "criticize", "praise"})
# Verbs (lemmas) that report speech or writing, and nouns-turned-cues ("according to").
SPEECH_VERBS = frozenset("""
say tell add warn insist argue note stress explain ask reply write declare announce claim
concede admit acknowledge describe call urge recall continue confirm caution complain predict
promise vow suggest joke point put dismiss accuse state comment remark respond counter shout
scream whisper tweet post read quip observe emphasise emphasize maintain assert contend
testify plead tell recount lament boast mutter protest allege deny pledge vow brand label
term dub reiterate conclude begin open say speak talk voice
""".split()) | JUDGING
# A short quoted term with none of these around it is a scare quote.
SCARE_MARKERS = frozenset({"so-called", "dubbed", "termed", "billed", "branded", "labelled",
                           "labeled"})
NICKNAME_MARKERS = frozenset({"nicknamed", "known"})
# Longest quoted term still taken for a scare quote (words); longer quotes are speech.
MAX_SCARE_WORDS = 5
# Speech verbs whose object is the one spoken to: "told reporters", "assured the families".
ADDRESSEE_VERBS = frozenset({"tell", "assure", "inform", "brief", "warn", "urge", "remind"})
# How far (in tokens) the clause after or before a quote is searched for its speech verb.
AFTER_WINDOW = 16
BEFORE_WINDOW = 40
SENTENCE_ENDS = frozenset({".", "!", "?"})
QUOTE_CLOSERS = frozenset('”»’"\'')
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
INDEFINITE = frozenset({"a", "an", "one", "some", "another", "several", "two", "three"})
MALE_WORDS = frozenset("""
mr mr. sir lord king prince emperor sultan sheikh emir pope father son brother husband
uncle nephew grandfather grandson spokesman chairman businessman policeman widower monk
""".split())
FEMALE_WORDS = frozenset("""
ms ms. mrs mrs. miss dame lady queen princess empress mother daughter sister wife aunt niece
grandmother granddaughter spokeswoman chairwoman businesswoman policewoman widow nun
""".split())


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    mention: TextSpan | None
    cue: str | None


NOBODY = _Attribution(None, None, None)


def _tokens(doc: Doc, start: int, end: int) -> Span:
    return doc.char_span(start, end, alignment_mode="expand")


def _token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[-1]


class SpeakerContext:
    """What the attribution rules need to know about the article."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...], quoted: Sequence[Quoted]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self.inside_quote = [False] * len(self.text)
        for q in quoted:
            close = q.close_mark if q.close_mark is not None else q.end
            for i in range(q.open_mark, min(close + 1, len(self.text))):
                self.inside_quote[i] = True
        self.owner: dict[int, Entity] = {}
        for e in entities:
            for m in e.mentions:
                for i in range(m.start, m.end):
                    self.owner[i] = e
        self.gender = {e.id: _gender(self.text, e) for e in entities if e.type == "PERSON"}
        self.recent_speaker: str | None = None  # the speaker of the quote before, if any
        # person id → the country their roles name; filled by readers that need it
        # (events, stances: "her country supports the patrols")
        self.speaks_for: dict[str, str] = {}

    def last_mention(self, entity_id: str, char: int) -> int:
        """Where the entity was last named before ``char`` (-1 if not yet)."""
        return max(
            (m.start for e in self.entities if e.id == entity_id for m in e.mentions
             if m.start < char),
            default=-1,
        )

    def is_person(self, entity_id: str) -> bool:
        entity = self.by_id.get(entity_id)
        return entity is not None and entity.type == "PERSON"

    def entity_at(self, token: Token) -> tuple[Entity, TextSpan] | None:
        entity = self.owner.get(token.idx)
        if entity is None:
            return None
        for m in entity.mentions:
            if m.start <= token.idx < m.end:
                return entity, m
        return None

    def mentions_before(self, char: int, types: tuple[str, ...]) -> list[tuple[int, Entity]]:
        """(position, entity) of mentions before ``char`` outside quotes, latest first."""
        found = [
            (m.start, e) for e in self.entities if e.type in types for m in e.mentions
            if m.start < char and not self.inside_quote[m.start]
        ]
        return sorted(found, key=lambda pair: -pair[0])


def _gender(text: str, entity: Entity) -> str | None:
    """ "f", "m" or None, from the given name, a courtesy title or a gendered role word."""
    women, men = gazetteer.gendered_given_names()
    first = entity.name.split()[0]
    if first in women:
        return "f"
    if first in men:
        return "m"
    words = {w.lower() for r in entity.roles for w in re.findall(r"[\w.-]+", r)}
    for m in entity.mentions:
        before = text[max(0, m.start - 6) : m.start].split()
        if before:
            words.add(before[-1].lower())
    if words & FEMALE_WORDS:
        return "f"
    if words & MALE_WORDS:
        return "m"
    return None


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase headed by ``head``, without appositions and relative clauses."""
    keep = [head]
    for child in head.children:
        if child.dep_ in ("appos", "relcl", "acl", "punct", "cc", "conj", "prep") and (
            child.i > head.i
        ):
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "for", "at", "in"):
                keep.extend(child.subtree)  # "officials from the Dutch government"
            continue
        keep.extend(child.subtree)
    return sorted(set(keep), key=lambda t: t.i)


def _span_of(tokens: list[Token]) -> TextSpan:
    span = tokens[0].doc[tokens[0].i : tokens[-1].i + 1]
    return TextSpan(span.start_char, span.end_char, span.text)


def _compatible(ctx: SpeakerContext, entity_id: str | None, gender: str) -> bool:
    entity = next((e for e in ctx.entities if e.id == entity_id), None)
    if entity is None:
        return False
    if entity.type != "PERSON":
        return True  # "she" for "an NVAS spokeswoman": the body she speaks for
    g = ctx.gender.get(entity.id)
    return g is None or g == gender


def _previous_subject(ctx: SpeakerContext, token: Token) -> Token | None:
    """The subject of the sentence before the pronoun's, outside quotes: who the text is about."""
    sentence = token.sent
    if sentence.start == 0:
        return None
    previous = ctx.doc[sentence.start - 1].sent
    subjects = [
        t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
        and not ctx.inside_quote[t.idx]
    ]
    return subjects[0] if subjects else None


def _earlier_subjects(ctx: SpeakerContext, token: Token) -> list[Token]:
    """Subjects before ``token`` in its sentence, outside quotes, nearest first."""
    return [
        t for t in reversed(token.sent[: token.i - token.sent.start])
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON" and not ctx.inside_quote[t.idx]
    ]


def _resolve_pronoun(ctx: SpeakerContext, token: Token, depth: int = 0) -> _Attribution:
    """ "he", "she": the subject of the sentence before, else the latest person of that
    gender; "it": the latest organisation. Anything else ("they", "we") stays unresolved."""
    gender = PRONOUNS.get(token.lower_)
    mention = TextSpan(token.idx, token.idx + len(token.text), token.text)
    if gender is None:
        if token.lower_ == "it":
            before = ctx.mentions_before(token.idx, ("ORG",))
            if before:
                return _Attribution(before[0][1].id, mention, None)
        return _Attribution(None, mention, None)
    # "Tavares said … but he has ruled out …": a person who is the subject earlier in the same
    # sentence comes first
    for earlier in _earlier_subjects(ctx, token):
        if depth < 2:
            found = speaker_from(ctx, earlier, depth + 1)
            if found.speaker is not None and ctx.is_person(found.speaker) and _compatible(
                ctx, found.speaker, gender
            ):
                return _Attribution(found.speaker, mention, None)
    subject = _previous_subject(ctx, token)
    if subject is not None and depth < 2:
        found = speaker_from(ctx, subject, depth + 1)
        # "Kesmara rejects any link … “…,” she said": a state or body named by its own name
        # is no "she"; a spokeswoman before may speak for her body
        named = on("SHE_NOT_A_STATE") and subject.pos_ == "PROPN" and found.speaker is not None \
            and not ctx.is_person(found.speaker)
        if found.speaker is not None and _compatible(ctx, found.speaker, gender) and not named:
            return _Attribution(found.speaker, mention, None)
    for _, entity in ctx.mentions_before(token.idx, ("PERSON",)):
        if _compatible(ctx, entity.id, gender):
            return _Attribution(entity.id, mention, None)
    return _Attribution(None, mention, None)


def _content_words(tokens: list[Token]) -> set[str]:
    return {t.lower_ for t in tokens if t.is_alpha and not t.is_stop}


# Plural people who speak for a state when a nationality names it: "Skarvian officials".
OFFICIALS = frozenset({"officials", "diplomats", "ministers", "authorities"})


def countries_of_nationality(entities: Sequence[Entity], word: str, *, coined: bool = True
                             ) -> list[str]:
    """The one country of the article ``word`` is the nationality of: known to the gazetteer
    ("Dutch"), or else, with ``coined``, coined from the country's name ("Skarvian")."""
    name = gazetteer.demonyms().get(word)
    known = [e.id for e in entities if name and e.type == "GPE" and name in (e.name, *e.aliases)]
    if len(known) == 1 or not coined:
        return known if len(known) == 1 else []
    found = [e.id for e in entities if e.type == "GPE"
             and word in gazetteer.coined_demonyms(e.name)]
    return found if len(found) == 1 else []


def _state_of_nationality(ctx: SpeakerContext, head: Token) -> str | None:
    """The one country a nationality word before ``head`` belongs to ("Skarvian officials")."""
    states = {i for c in head.children if c.dep_ in ("amod", "compound")
              for i in countries_of_nationality(ctx.entities, c.text)}
    return states.pop() if len(states) == 1 else None


def _resolve_description(ctx: SpeakerContext, head: Token, np: list[Token]) -> _Attribution:
    """ "the premier's economic adviser" → the person whose roles it matches, if one does;
    "a Downing Street spokesperson" → Downing Street; "the ministry" → the one ministry."""
    mention = _span_of(np)
    inner = [ctx.entity_at(t) for t in np if t.i != head.i]
    bodies = [found[0] for found in inner if found and found[0].type in ("ORG", "GPE")]
    before = [found[0] for c in head.children if c.dep_ == "compound" and c.i < head.i
              for t in c.subtree if (found := ctx.entity_at(t))
              and found[0].type in ("ORG", "GPE")]
    if on("BODY_BEFORE_PLACE") and head.lower_ in SPOKESPEOPLE and len(
        {b.id for b in before}
    ) == 1:
        bodies = before  # "a UN spokesperson in Geneva": the UN's, Geneva is where
    determiner = np[0].lower_
    words = _content_words(np)
    # "Leaders have adopted the declaration": a plural description names no one person
    plural = head.tag_ in ("NNS", "NNPS") and on("PLURAL_NOT_ONE")
    if determiner not in INDEFINITE and not plural:
        people = []
        for entity in ctx.entities:
            if entity.type != "PERSON":
                continue
            role_words = {w.lower() for r in entity.roles for w in re.findall(r"[\w-]+", r)}
            if head.lower_ in role_words or head.lemma_.lower() in role_words:
                people.append((len(words & role_words), entity))
        if people:
            best = max(score for score, _ in people)
            top = [e for score, e in people if score == best]
            recent = ctx.recent_speaker
            if recent is not None and recent not in {e.id for _, e in people} and (
                ctx.is_person(recent)
            ) and ctx.last_mention(recent, head.idx) > max(
                ctx.last_mention(e.id, head.idx) for e in top
            ):
                # "the minister" right after another person spoke and was named, and that
                # person has no such role on record: two readings compete, nobody is named.
                return _Attribution(None, mention, None)
            if len(top) == 1:
                return _Attribution(top[0].id, mention, None)
            earlier = [e for _, e in ctx.mentions_before(head.idx, ("PERSON",)) if e in top]
            return _Attribution(earlier[0].id if earlier else None, mention, None)
        if not bodies:
            orgs = [
                e for e in ctx.entities
                if e.type == "ORG" and head.lower_ in {w.lower() for w in e.name.split()}
            ]
            if len(orgs) == 1:
                return _Attribution(orgs[0].id, mention, None)
    if len(set(b.id for b in bodies)) == 1:
        return _Attribution(bodies[0].id, mention, None)
    if not bodies and on("OFFICIALS_OF_A_STATE") and head.lower_ in OFFICIALS:
        # "a call that Skarvian officials described as “deeply unhelpful”": the state
        state = _state_of_nationality(ctx, head)
        if state is not None:
            return _Attribution(state, mention, None)
    if not bodies and on("SPOKESPERSON_OF_KIND") and head.lower_ in SPOKESPEOPLE:
        # "a ministry spokeswoman called the story …": the one ministry the article names
        kinds = {c.lower_ for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        orgs = {e.id for e in ctx.entities if e.type == "ORG" and kinds & {
            w.lower() for w in e.name.split()} and ctx.last_mention(e.id, head.idx) >= 0}
        if len(orgs) == 1:
            return _Attribution(orgs.pop(), mention, None)
    if not bodies:
        country = _country_named_by_adjective(ctx, np)
        if country is not None:
            return _Attribution(country.id, mention, None)
    return _Attribution(None, mention, None)


# Those who speak for a body without being named.
SPOKESPEOPLE = frozenset({"spokeswoman", "spokesman", "spokesperson", "official",
                          "officials", "source", "sources", "representative"})


def _country_named_by_adjective(ctx: SpeakerContext, np: list[Token]) -> Entity | None:
    """ "officials from the Dutch government" speak for the Netherlands, when the article
    names the Netherlands; one nationality only, else nobody."""
    index = gazetteer.surface_index()
    countries = set()
    for t in np:
        name = gazetteer.demonyms().get(t.text)
        if name is not None:
            countries.add(name)
    if len(countries) != 1:
        return None
    wanted = countries.pop()
    for e in ctx.entities:
        if e.type == "GPE" and any(
            (entry := index.get(form)) is not None and entry.name == wanted
            for form in (e.name, *e.aliases)
        ):
            return e
    return None


def speaker_from(ctx: SpeakerContext, head: Token, depth: int = 0) -> _Attribution:
    """Resolve the words headed by ``head`` that name a speaker."""
    found = ctx.entity_at(head)
    if found is not None:
        return _Attribution(found[0].id, found[1], None)
    if on("WHICH_SAID") and head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl" and (
        ctx.entity_at(head.head.head) is not None
    ):
        # "Kostrava, which … has warned Drevnia of “consequences”": the name the clause
        # describes; a clause on a common noun ("a statement, which said") names no one
        return speaker_from(ctx, head.head.head, depth + 1)
    if head.pos_ == "PRON":
        return _resolve_pronoun(ctx, head, depth)
    # "Its president, Hildegard Müller, said": the apposition names the speaker; so does
    # "the main opposition party, the People's Union" for a common noun's body
    for child in head.children:
        if child.dep_ == "appos":
            named = ctx.entity_at(child)
            if named is not None and named[0].type == "PERSON":
                return _Attribution(named[0].id, named[1], None)
            if named is not None and named[0].type in ("ORG", "GPE") and head.pos_ == "NOUN" \
                    and on("APPOSED_BODY"):
                return _Attribution(named[0].id, named[1], None)
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is not None and head.lower_ == "office" and on("OFFICE_OF_PRONOUN"):
        # "Her office said": a person's office speaks for the person "her" points back to
        resolved = _resolve_pronoun(ctx, owner, depth)
        if resolved.speaker is not None:
            return resolved
    np = _np_tokens(head)
    for t in np:
        owned = ctx.entity_at(t)
        if owned is not None and owned[0].type == "PERSON":
            return _Attribution(owned[0].id, owned[1], None)
    if head.pos_ in ("NOUN", "PROPN"):
        return _resolve_description(ctx, head, np)
    return NOBODY


def subject_of(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))  # the nearest, not a stray
    # "…, the minister was quoted as saying" / conjoined verbs share the subject
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)
    return None


def _sayer_of_joined(verb: Token) -> Token | None:
    """ "She said two soldiers had been hurt, and called the account “a fiction”": the parse
    joins the speech verb to the reported clause, whose subject would speak; the one who said
    it does."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    reported = verb.head
    if reported.dep_ != "ccomp" or reported.head.lemma_.lower() not in ("say", "tell", "add"):
        return None
    return subject_of(reported.head)


def _is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def _is_cue(token: Token) -> bool:
    """A verb of speech in the active voice ("was called home" names no speaker)."""
    return _is_speech_verb(token) and not any(
        child.dep_ in ("auxpass", "nsubjpass") for child in token.children
    )


def _cue_text(verb: Token) -> str:
    particle = [c for c in verb.children if c.dep_ == "prt"]
    return f"{verb.text} {particle[0].text}" if particle else verb.text


def _according_to(tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for child in t.doc[t.i + 1].children:
                if child.dep_ == "pobj":
                    return child
            if t.i + 2 < len(t.doc):
                return t.doc[t.i + 2]
    return None


def _region_after(ctx: SpeakerContext, q: Quoted) -> list[Token]:
    doc = ctx.doc
    if q.close_mark is None:
        return []
    i = _token_at(doc, q.close_mark).i + 1
    out: list[Token] = []
    while i < len(doc) and len(out) < AFTER_WINDOW:
        t = doc[i]
        if ctx.inside_quote[t.idx] or "\n" in t.text or t.text in SENTENCE_ENDS:
            break
        # "… “piracy by another name”, and its spokesman told …": a new clause, not the cue.
        if t.pos_ in ("CCONJ", "SCONJ") and not any(_is_cue(o) for o in out):
            break
        out.append(t)
        i += 1
    return out


def _region_before(ctx: SpeakerContext, q: Quoted) -> list[Token]:
    doc = ctx.doc
    i = _token_at(doc, q.open_mark).i - 1
    out = []
    while i >= 0 and len(out) < BEFORE_WINDOW:
        t = doc[i]
        if ctx.inside_quote[t.idx] or "\n" in t.text or t.text in SENTENCE_ENDS:
            break
        out.append(t)
        i -= 1
    return list(reversed(out))


def _from_clause(
    ctx: SpeakerContext, tokens: list[Token], *, after: bool, quoted: Token | None = None
) -> _Attribution | None:
    """The speaker of a speech verb in the clause next to a quote, or None if it has none.

    The verb that governs the quoted words in the parse wins ("Moscow said that admitting
    Velmonia would be “…”": said, not admitting); else the nearest one with a subject.
    """
    source = _according_to(tokens)
    if source is not None:
        found = speaker_from(ctx, source)
        return _Attribution(found.speaker, found.mention, "according to")
    verbs = [t for t in tokens if _is_cue(t) and (t.lemma_.lower() not in JUDGING or (
        quoted is not None and quoted in t.subtree))]
    if not verbs:
        passive = [t for t in tokens if _is_speech_verb(t)]
        if passive:
            # "The mood was described as “tense but workable”": speech, speaker unsaid.
            return _Attribution(None, None, _cue_text(passive[-1]))
        return None
    # A speech verb with a subject of its own ("Moscow … said that admitting …") before one
    # without ("admitting").
    with_subject = [v for v in verbs if subject_of(v) is not None]
    governing = [v for v in with_subject if quoted is not None and quoted in v.subtree]
    pool = governing or with_subject or verbs
    verb = pool[0] if after else pool[-1]
    subject = _sayer_of_joined(verb) if on("JOINED_TO_REPORT") else None
    subject = subject or subject_of(verb)
    own = [v for v in verbs if v.i < verb.i and any(c.dep_ == "nsubj" for c in v.children)]
    if on("PARTICIPLE_OF_SPEAKER") and verb.tag_ == "VBG" and not any(
        c.dep_ == "nsubj" for c in verb.children
    ) and own and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "Plesk denied a claim that the authority had hired strikebreakers, calling it
        # “pure invention”": the participle is the sayer's, however the parse hangs it
        subject = subject_of(own[-1])
    if subject is None and after:
        # "“…,” Tully told the Courier" parsed without a subject: the name just before the
        # verb speaks; "told", "assured" put their addressee after the verb, never the speaker.
        just_before = [t for t in tokens if t.i == verb.i - 1 and t.pos_ == "PROPN"]
        if just_before:
            subject = just_before[0]
        elif verb.lemma_.lower() not in ADDRESSEE_VERBS:
            # "“…,” said Marsh, the minister": the speaker follows the verb.
            rest = [t for t in tokens if t.i > verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
            subject = rest[0] if rest else None
    if subject is None:
        return _Attribution(None, None, _cue_text(verb))
    found = speaker_from(ctx, subject)
    return _Attribution(found.speaker, found.mention, _cue_text(verb))


def _attribute(ctx: SpeakerContext, q: Quoted) -> _Attribution | None:
    """The speech clause of a quote: before it when the quote sits inside a sentence that
    reports speech ("said Vienna must “…”"), else after it ("“…,” Marsh said")."""
    before = _region_before(ctx, q)
    quoted = _token_at(ctx.doc, q.start)
    after = _region_after(ctx, q)
    if on("ACCORDING_AFTER") and _according_to(after[:3]) is not None:
        # "… to follow “within a week, God willing”, according to al-Marren": the source
        # named right after the quote, not the sentence's own sayer; "according to her
        # office" names no one, and the sayer stands
        found = _from_clause(ctx, after, after=True, quoted=quoted)
        if found is not None and found.speaker is not None:
            return found
    if before and not q.continues:
        found = _from_clause(ctx, before, after=False, quoted=quoted)
        if found is not None and found.speaker is None and on("TOLD_THEN_SAID") and not any(
            _is_cue(t) for t in before
        ):
            # "Velichko was told that Drevnia would “…”, a ministry spokesman said": a passive
            # speech verb names no speaker; the sayer after the quote does
            later = _from_clause(ctx, after, after=True, quoted=quoted)
            if later is not None and later.speaker is not None:
                return later
        if found is not None:
            return found
    return _from_clause(ctx, after, after=True, quoted=quoted)


def _words(text: str) -> int:
    return len(text.split())


def _scare_marked(ctx: SpeakerContext, q: Quoted) -> str | None:
    before = ctx.text[max(0, q.open_mark - 30) : q.open_mark].lower().split()
    if not before:
        return None
    if before[-1] in SCARE_MARKERS:
        return "scare"
    if before[-1] == "as" and len(before) > 1 and any(
        w in NICKNAME_MARKERS for w in before[-6:]
    ):
        return "nickname"
    return None


def _sentence(ctx: SpeakerContext, q: Quoted) -> tuple[int, int]:
    """The sentence carrying the quote, widened to cover the quote and its clause."""
    doc = ctx.doc
    closing = _closing(q)
    first = _token_at(doc, q.open_mark)
    last = _token_at(doc, closing)
    start = min(first.sent.start_char, q.open_mark)
    end = max(last.sent.end_char, closing + 1)
    return start, min(end, len(ctx.text))


def _closing(q: Quoted) -> int:
    """Where a quote ends: its closing mark, or its last character when it goes on."""
    return q.close_mark if q.close_mark is not None else max(q.end - 1, q.start)


def extract_quotes(
    doc: Doc, entities: tuple[Entity, ...], *, headline_end: int = 0
) -> tuple[Quote, ...]:
    """Quotes of an annotated article, attributed to its entities."""
    text_of_doc = text_of(doc)
    quoted = find_quoted(text_of_doc)
    ctx = SpeakerContext(doc, entities, quoted)
    records: list[Quote] = []
    previous: _Attribution | None = None
    previous_end = -1
    for q in quoted:
        marked = _scare_marked(ctx, q)
        if marked == "nickname":
            continue
        text = text_of_doc[q.start : q.end]
        attribution = None
        if marked != "scare":
            ctx.recent_speaker = previous.speaker if previous else None
            attribution = _attribute(ctx, q)
            if attribution is None or attribution.speaker is None:
                # "… “a direct provocation” and warned of “consequences”": a clause without a
                # subject of its own goes on from the quote before in the same sentence.
                carried = _carried_on(ctx, q, previous, previous_end)
                if carried is not None:
                    cue = attribution.cue if attribution is not None else None
                    attribution = _Attribution(carried.speaker, carried.mention, cue)
            if attribution is None:
                attribution = _introduced_before(ctx, q)
        if attribution is None:
            kind = "scare" if marked == "scare" or _words(text) <= MAX_SCARE_WORDS else "direct"
            attribution = NOBODY
        else:
            kind = "direct"
        if kind == "direct":
            previous, previous_end = attribution, _closing(q)
        records.append(
            Quote(
                id=f"Q{len(records) + 1}",
                text=text,
                start=q.start,
                end=q.end,
                kind=kind,
                sentence=_sentence(ctx, q),
                speaker=attribution.speaker,
                cue=attribution.cue,
                speaker_mention=attribution.mention,
            )
        )
    records = _headline_from_body(_from_later_clause(ctx, records), headline_end)
    if on("ENTRY_HEADING_QUOTE"):
        records = _headings_from_entries(text_of_doc, records)
    return tuple(records)


def _carried_on(
    ctx: SpeakerContext, q: Quoted, previous: _Attribution | None, previous_end: int
) -> _Attribution | None:
    """A quote with no clause of its own carries on the one just before it: the next paragraph
    of a long quote, the second half of a split quote, or a quote right after its speaker's
    sentence. Only when nothing but spaces, one sentence or a speech clause lies between."""
    if previous is None or previous.speaker is None or previous_end < 0:
        return None
    between = ctx.text[previous_end + 1 : q.open_mark]
    if q.continues or not between.strip(" ,\n"):
        return _Attribution(previous.speaker, previous.mention, None)
    if "\n\n" in between.strip("\n"):
        return None
    gap = _tokens(ctx.doc, previous_end + 1, q.open_mark) if q.open_mark > previous_end else None
    if gap is None or len(gap) > BEFORE_WINDOW:
        return None
    ends = [t for t in gap if t.text in SENTENCE_ENDS]
    # "… “remains on the table” but would not be used “…”": one sentence, one speaker.
    if not ends:
        return _Attribution(previous.speaker, previous.mention, None)
    # "“…,” she said. “…”": the gap is the previous quote's speech clause and its full stop.
    if len(ends) == 1 and ends[0].i >= gap[-1].i - 1 and any(_is_cue(t) for t in gap):
        return _Attribution(previous.speaker, previous.mention, None)
    # "Marsh-Tate paused. “…”": one short sentence about the same speaker, then the quote.
    if len(ends) == 1 and len(gap) <= 12:
        subjects = [ctx.entity_at(t) for t in gap if t.dep_ in ("nsubj", "nsubjpass")]
        if any(s and s[0].id == previous.speaker for s in subjects):
            return _Attribution(previous.speaker, previous.mention, None)
    return None


def _introduced_before(ctx: SpeakerContext, q: Quoted) -> _Attribution | None:
    """A quote opening its sentence with no speech clause of its own, right after a sentence
    about its speaker: "Marsh-Tate paused. “…”", or a paragraph that ends "… read out a
    letter she said she had sent" before the letter's paragraphs."""
    doc = ctx.doc
    if _region_before(ctx, q) or _region_after(ctx, q) and any(
        _is_cue(t) for t in _region_after(ctx, q)
    ):
        return None
    opening = _token_at(doc, q.open_mark)
    i = opening.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in QUOTE_CLOSERS):
        i -= 1
    if i < 0:
        return None
    new_paragraph = "\n\n" in ctx.text[doc[i].idx : q.open_mark]
    sentence = doc[i].sent
    if any(ctx.inside_quote[t.idx] for t in sentence if not t.is_space):
        return None  # that sentence quotes someone already
    root = sentence.root
    if new_paragraph and not (_is_cue(root) or any(_is_cue(t) for t in sentence)):
        return None
    subject = subject_of(root)
    if subject is None:
        return None
    found = speaker_from(ctx, subject)
    if found.speaker is None or not ctx.is_person(found.speaker):
        return None
    return _Attribution(found.speaker, found.mention, None)


def _from_later_clause(ctx: SpeakerContext, records: list[Quote]) -> list[Quote]:
    """ "The meeting lasted “a little under an hour” and was “frank”, she said": a quote
    with no speaker takes that of the next quote in the same sentence."""
    out = list(records)
    for n in range(len(out) - 2, -1, -1):
        r, nxt = out[n], out[n + 1]
        if r.speaker is not None or nxt.speaker is None or nxt.kind != "direct":
            continue
        between = ctx.text[r.end : nxt.start]
        if any(ch in between for ch in ".!?\n"):
            continue
        out[n] = Quote(r.id, r.text, r.start, r.end, "direct", r.sentence, nxt.speaker, nxt.cue,
                       nxt.speaker_mention)
    return out


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]+", "", text.lower()).strip()


# How long a line may be and still head an entry of a live blog or a briefing.
HEADING_MAX_CHARS = 120


def _heading_line(text: str, start: int) -> tuple[int, int] | None:
    """The line around ``start`` when it heads what follows: short, not ending a sentence,
    and followed straight by a longer line ("17:25 GMT — Reveli: “not up for sale”")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if line_end < 0:
        return None
    line = text[line_start:line_end].strip()
    next_end = text.find("\n", line_end + 1)
    following = text[line_end + 1:next_end if next_end >= 0 else len(text)].strip()
    if not line or len(line) > HEADING_MAX_CHARS or line.rstrip("”\"’'").endswith(
        (".", "?", "!")
    ) or len(following) <= len(line):
        return None
    return line_start, line_end


def _headings_from_entries(text: str, records: list[Quote]) -> list[Quote]:
    """A quote in an entry's heading repeats one in the entry below it: it takes that quote's
    speaker, as a headline's quote takes the body's ("Government “regrets” the strike" over
    "Government spokesman Tiago Lenz said the cabinet “regrets” the stoppage")."""
    out = list(records)
    for n, r in enumerate(out):
        heading = _heading_line(text, r.start)
        if heading is None:
            continue
        below_end = text.find("\n\n", heading[1])
        below_end = len(text) if below_end < 0 else below_end
        same = _told_again(r, out, heading[1], below_end)
        if same is not None and same.speaker != r.speaker:
            out[n] = _spoken_by(r, same)
    return out


def _told_again(quote: Quote, records: list[Quote], start: int, end: int | None = None
                ) -> Quote | None:
    """The first quote from ``start`` on (up to ``end``) with a speaker that holds the same
    words as ``quote`` or is held in them."""
    key = _norm(quote.text)
    return next((b for b in records if b.start >= start and (end is None or b.start < end)
                 and b.speaker and key and (key in _norm(b.text) or _norm(b.text) in key)), None)


def _spoken_by(quote: Quote, source: Quote) -> Quote:
    """``quote`` as direct speech of the one who said ``source``."""
    return Quote(quote.id, quote.text, quote.start, quote.end, "direct", quote.sentence,
                 source.speaker, None, source.speaker_mention)


def _headline_from_body(records: list[Quote], headline_end: int) -> list[Quote]:
    """A quote in the headline repeats one in the body: it takes that quote's speaker, over
    whatever a headline's clipped grammar seemed to say ("“…”: nurses reject pay offer")."""
    out = []
    for r in records:
        if r.start < headline_end and (r.speaker is None or on("HEADLINE_QUOTE_BODY")):
            same = _told_again(r, records, headline_end)
            if same is not None:
                r = _spoken_by(r, same)
        out.append(r)
    return out

"""A rule layer over the statistical NER, for the small model's known mistakes.

Each rule is general: titles glued to a person's name, name particles cut off ("Jan van" for
"Jan van der Berg"), places and institutions of the gazetteer given the wrong type or missed,
a person's name split by a place name ("Michael Jordan"). None is tuned to an article.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from newsgraph import gazetteer
from newsgraph.extract.doc_cache import words_of
from newsgraph.extract.rules import on

# Lower-case particles inside personal names (Dutch, German, Romance, Arabic naming).
NAME_PARTICLES = frozenset(
    "van von der den de del della di da du la le al el bin ibn ben dos das ter ten zu y".split()
)
# Codes the model mistakes for organisations: time zones and currency codes.
NOT_NAMES = frozenset(
    "GMT UTC CET CEST EET EEST BST EST EDT PST PDT MSK IST JST "
    "EUR USD GBP JPY RUB CNY CHF SEK NOK DKK PLN CZK HUF UAH TRY "
    "MW GW KW MWH GWH TWH KM BN".split()
)
# Labels the pipeline keeps; spaCy's numeric and date labels are left to later extractors.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})


def _is_name_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_sent_start


def _is_title_word(text: str) -> bool:
    lex = gazetteer.titles()
    w = text.lower().strip(".")
    return (
        w in lex.titles or w in lex.modifiers or w in lex.roles or text.lower() in lex.honorifics
        or w in lex.honorifics
    )


def strip_titles(span: Span) -> Span | None:
    """Cut titles, honorifics and "the" off the front of a PERSON span; None if nothing is left."""
    if span.label_ != "PERSON":
        return span
    start = span.start
    doc = span.doc
    while start < span.end and (
        doc[start].lower_ in ("the", "a", "an")
        or _is_title_word(doc[start].text)
        or doc[start].is_punct
    ):
        start += 1
    end = span.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    if start >= end or not doc[start].text[:1].isupper():
        return None
    if start == span.start and end == span.end:
        return span
    return Span(doc, start, end, label=span.label)


def extend_particles(span: Span) -> Span:
    """Grow a PERSON span over name particles and the capitalised word they lead to."""
    if span.label_ != "PERSON":
        return span
    doc = span.doc
    end = span.end
    # "Jan van" + "der Berg": particles at the end, or right after the span.
    i = end
    while i < len(doc) and doc[i].lower_ in NAME_PARTICLES and doc[i].text.islower():
        i += 1
    if (i > end or doc[end - 1].lower_ in NAME_PARTICLES) and i < len(doc) and (
        doc[i].is_alpha and doc[i].text[:1].isupper()
    ):
        end = i + 1
    start = span.start
    # "der Berg" preceded by "Jan van": particles before the span, a capitalised name before them.
    j = start
    while j > 0 and doc[j - 1].lower_ in NAME_PARTICLES and doc[j - 1].text.islower():
        j -= 1
    if j < start and j > 0 and _is_name_word(doc[j - 1]) and doc[j - 1].pos_ == "PROPN":
        start = j - 1
    if start == span.start and end == span.end:
        return span
    return Span(doc, start, end, label=span.label)


def trim_brackets(span: Span) -> Span:
    """ "Workers' Union (ETWU" → "Workers' Union": an unbalanced bracket is not part of a name."""
    start, end = span.start, span.end
    doc = span.doc
    text = span.text
    if text.count("(") != text.count(")"):
        for i in range(span.start, span.end):
            if doc[i].text in ("(", ")"):
                if i - start >= 1:
                    end = i
                    break
                start = i + 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".",):
        end -= 1
    # "Luvesi province": a lower-case head after a place's name is not part of the name.
    if span.label_ in ("GPE", "LOC") and end - start > 1 and doc[end - 1].lower_ in (
        "province", "region", "district", "county", "state", "oblast", "municipality"
    ) and doc[end - 1].text.islower():
        end -= 1
    # "Varna Waters Convention of 1998": a trailing year is a date, not part of the name.
    if end - start > 2 and doc[end - 1].like_num and doc[end - 2].lower_ == "of":
        end -= 2
    if (start, end) == (span.start, span.end) or end <= start:
        return span
    return Span(doc, start, end, label=span.label)


def _skip_determiner(span: Span) -> int:
    return span.start + 1 if span[0].lower_ == "the" and len(span) > 1 else span.start


def split_at_commas(span: Span) -> list[Span]:
    """ "Kessel, Estmark" is two places, not one name; "Department for Environment, Food and
    Rural Affairs" stays one, since a list closed by "and" is part of the name."""
    commas = [t.i for t in span if t.text == ","]
    if span.label_ == "PERSON" or not commas:
        return [span]
    if any(t.lower_ in ("and", "&") for t in span.doc[commas[-1] : span.end]):
        return [span]
    parts, start = [], span.start
    for t in span:
        if t.text == ",":
            if t.i > start:
                parts.append(Span(span.doc, start, t.i, label=span.label))
            start = t.i + 1
    if start < span.end:
        parts.append(Span(span.doc, start, span.end, label=span.label))
    return parts


# Possessors that belong to a name ("Dorava People's Council", "St John's Wood").
NAME_POSSESSORS = frozenset({"people", "workers", "women", "children", "men", "farmers",
                             "citizens", "veterans", "nations", "world", "st", "st.", "saint",
                             "king", "queen", "lord", "lady"})


def split_at_possessive(span: Span) -> list[Span]:
    """ "Baros's Renewal Party" is a person's (or a country's) party: two names, as the
    annotation guide splits "Nordland's Foreign Ministry"; the possessor takes the label the
    model gives the same words elsewhere in the article, else ORG for context to settle."""
    marks = [t.i for t in span if t.text in POSSESSIVE_MARKS and span.start < t.i < span.end - 1]
    if not marks:
        return [span]
    mark = marks[0]
    possessor = span.doc[_skip_determiner(span) : mark]
    last = possessor[-1].lower_ if len(possessor) else ""
    # "Fishermen's Federation", "Miners' Union": a group of people owning the name, part of it
    group = last in NAME_POSSESSORS or last.endswith(("men", "ers"))
    if not len(possessor) or group or not all(t.text[:1].isupper() for t in possessor):
        return [span]
    elsewhere = [e.label_ for e in span.doc.ents
                 if e.text == possessor.text and e.start != span.start]
    label = max(set(elsewhere), key=elsewhere.count) if elsewhere else "ORG"
    return [Span(span.doc, possessor.start, possessor.end, label=label),
            Span(span.doc, mark + 1, span.end, label=span.label)]


def not_a_name(span: Span) -> bool:
    """Codes and common nouns the model tags as names: time zones, currencies, a capitalised
    "Farmers" or "Barge" opening a sentence, when the article also uses the word in lower case
    or the tagger calls it a common noun."""
    if span.text.upper() in NOT_NAMES:
        return True
    if len(span) == 1 and span.label_ in ("ORG", "PERSON", "GPE", "LOC", "FAC"):
        token = span[0]
        if not (token.is_sent_start and token.text.istitle()):
            return False
        if token.text in gazetteer.surface_index() or token.text in gazetteer.given_names():
            return False
        if token.tag_ in ("NNS", "NN") or _used_in_lower_case(span.doc, token.lower_):
            return True
        # "Workmates at ...", "Barge operators ...": a word seen once, opening a sentence, in
        # the plural or modifying a lower-case noun, is a common noun, not a name.
        once = words_of(span.doc).count(token.text) == 1
        nxt = span.doc[token.i + 1] if token.i + 1 < len(span.doc) else None
        modifies = nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower()
        return once and (token.text.endswith("s") or modifies)
    return False


def _used_in_lower_case(doc: Doc, lower: str) -> bool:
    stem = lower[:-1] if lower.endswith("s") else lower
    forms = {lower, stem, stem + "s"}
    return any(w in forms for w in words_of(doc))


def extend_left(span: Span) -> Span:
    """ "the Upper Danube Gazette" cut to "Danube Gazette": a capitalised word inside a sentence,
    right before a name and itself no title or entity, belongs to the name."""
    doc = span.doc
    start = span.start
    while start > 0:
        t = doc[start - 1]
        if not (t.is_alpha and t.text[:1].isupper()) or t.is_sent_start or t.ent_type_:
            break
        if t.is_stop:
            break
        if _is_title_word(t.text) or t.text in gazetteer.given_names():
            break
        start -= 1
    if start == span.start:
        return span
    return Span(doc, start, span.end, label=span.label)


# Last words that make a name a body, whatever the model called it: "the Reform Bloc".
BODY_WORDS = frozenset({"bloc", "party", "alliance", "league", "union", "front", "movement",
                        "coalition", "federation", "congress", "forum", "assembly"})


def _body_named_as_a_product(ent: Span) -> Span:
    """ "the centre-right Reform Bloc" labelled a product: a capitalised name ending in a
    body's word is an organisation."""
    if not on("BODY_NOT_PRODUCT") or ent.label_ not in ("PRODUCT", "WORK_OF_ART") or len(ent) < 2:
        return ent
    words = [t for t in ent if not t.is_punct]
    if words and words[-1].lower_ in BODY_WORDS and all(t.text[:1].isupper() for t in words):
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


# Portfolios that stand between a nationality and a title: "Calvonian Trade Minister".
PORTFOLIOS = frozenset("""
foreign defence defense interior finance trade energy transition economy economic health
justice agriculture transport environment labour labor education culture fisheries home
industry mines mining water commerce development treasury infrastructure digital climate
security social affairs budget european tourism housing
""".split())
# The titles a portfolio names: "Interior Minister", "Trade Commissioner".
PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})
# How nationality words end: "Calvonian", "Maltese", "Danish", "Qareshi", "Dutch".
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "i", "ic", "ch", "sh")


def cut_portfolio(span: Span) -> Span | None:
    """ "Calvonian Trade Minister Renata Kowal", "Interior Minister Boris Tal": the model
    tags "Calvonian Trade" or "Interior" as a name, but a portfolio before a title belongs to
    the title. What is left of the span is a nationality ("Calvonian"), a body ("HEC"), or
    nothing."""
    doc = span.doc
    if not on("PORTFOLIO_OF_TITLE") or span.end >= len(doc) or span.label_ not in (
        "PERSON", "ORG", "GPE", "NORP"
    ) or doc[span.end].lower_ not in PORTFOLIO_TITLES:
        return span
    end = span.end
    while end > span.start and doc[end - 1].lower_ in PORTFOLIOS:
        end -= 1
    if end == span.end:
        return span
    if end == span.start:
        return None
    rest = doc[span.start:end]
    nationality = len(rest) == 1 and rest[0].text.endswith(DEMONYM_ENDINGS)
    return Span(doc, span.start, end, label="NORP" if nationality else span.label_)


class EntityFixer:
    """spaCy component: applies the rules above to ``doc.ents``."""

    def __init__(self, vocab: Vocab, make_doc: Callable[[str], Doc]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="ORTH")
        self.types = {form: entry.type for form, entry in gazetteer.surface_index().items()}
        for form in self.types:
            self.matcher.add(form, [make_doc(form)])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        spans: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS:
                spans.append(_body_named_as_a_product(ent))
                continue
            parts = [p for piece in split_at_commas(trim_brackets(ent))
                     for p in split_at_possessive(piece)]
            for part in parts:
                fixed = strip_titles(part)
                fixed = cut_portfolio(fixed) if fixed is not None else None
                if fixed is None or not_a_name(fixed):
                    continue
                fixed = extend_landform(extend_left(extend_particles(fixed)))
                spans.append(self._retype(fixed))
        spans = self._prefer_longer_gazetteer_names(doc, spans, matches)
        spans = self._add_missed(doc, spans, matches)
        spans = add_missed_people(doc, spans)
        spans = add_acronyms(doc, spans)
        spans = add_title_owners(doc, spans)
        spans = add_ministries(doc, spans)
        spans = add_laws(doc, spans)
        spans = merge_split_persons(doc, spans)
        doc.ents = filter_spans(spans)
        return doc

    def _retype(self, span: Span) -> Span:
        text = span.text
        if text.lower().startswith("the "):
            text = text[4:]
        label = self.types.get(text)
        if label and label != span.label_ and span.label_ in KEPT_LABELS:
            return Span(span.doc, span.start, span.end, label=label)
        return span

    def _prefer_longer_gazetteer_names(
        self, doc: Doc, spans: list[Span], matches: list[tuple[int, int, int]]
    ) -> list[Span]:
        """A known name the model cut short ("Office of the UN") is restored whole."""
        out = list(spans)
        for match_id, start, end in matches:
            overlapping = [s for s in out if s.start < end and start < s.end]
            if overlapping and all(
                start <= _skip_determiner(s) and s.end <= end and (s.end - s.start) < (end - start)
                for s in overlapping
            ):
                out = [s for s in out if s not in overlapping]
                out.append(Span(doc, start, end, label=self.types[doc.vocab.strings[match_id]]))
        return out

    def _add_missed(
        self, doc: Doc, spans: list[Span], matches: list[tuple[int, int, int]]
    ) -> list[Span]:
        """Gazetteer forms the model did not tag at all become entities of their type."""
        taken = set()
        for s in spans:
            taken.update(range(s.start, s.end))
        out = list(spans)
        for match_id, start, end in matches:
            if any(i in taken for i in range(start, end)):
                continue
            form = doc.vocab.strings[match_id]
            out.append(Span(doc, start, end, label=self.types[form]))
            taken.update(range(start, end))
        return out


def add_missed_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """An untagged common given name followed by capitalised words is a person's name."""
    given = gazetteer.given_names()
    known = gazetteer.surface_index()
    # A given name the model took for a place or an organisation is free to start a name.
    loose = [
        s for s in spans
        if len(s) == 1 and s.label_ != "PERSON" and s.text in given and s.text not in known
    ]
    taken = {i for s in spans if s not in loose for i in range(s.start, s.end)}
    out = [s for s in spans if s not in loose]
    words = words_of(doc)
    i = 0
    while i < len(doc):
        if i in taken or words[i] not in given:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken and end - i < 5 and (
            (doc[end].is_alpha and doc[end].text[:1].isupper())
            or (doc[end].lower_ in NAME_PARTICLES and doc[end].text.islower())
        ):
            end += 1
        while end > i + 1 and doc[end - 1].lower_ in NAME_PARTICLES:
            end -= 1
        if end > i + 1:
            out.append(Span(doc, i, end, label="PERSON"))
            taken.update(range(i, end))
        i = end
    out.extend(s for s in loose if s.start not in taken)
    return out


# All-capital words that are not names of organisations.
NOT_ACRONYMS = frozenset(
    "AM PM TV OK ID PDF HTML URL FAQ CEO CFO COO MP MEP GDP VAT II III IV".split()
)


def add_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """An untagged all-capital word of two to five letters ("EDF", "NPA") inside a sentence
    is an organisation's abbreviation, unless it is a known name written in capitals."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    known = gazetteer.surface_index()
    out = list(spans)
    words = words_of(doc)
    for i, text in enumerate(words):
        if i in taken or not (2 <= len(text) <= 5 and text.isalpha() and text.isupper()):
            continue
        t = doc[i]
        if text in NOT_ACRONYMS or text in NOT_NAMES or text.title() in known or t.is_stop:
            continue
        neighbours = [doc[j] for j in (t.i - 1, t.i + 1) if 0 <= j < len(doc)]
        if any(n.is_alpha and n.text.isupper() and len(n.text) > 1 for n in neighbours):
            continue  # a line in capitals ("FOR IMMEDIATE RELEASE"), not an abbreviation
        if text in known:
            out.append(Span(doc, t.i, t.i + 1, label=known[text].type))
        else:
            out.append(Span(doc, t.i, t.i + 1, label="ORG"))
    return out


POSSESSIVE_MARKS = frozenset({"'s", "’s"})


def add_title_owners(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Nordland's Foreign Minister": an untagged capitalised name owning a title is a body
    (a country or an organisation; the article's context settles which, see entity_types)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    words = words_of(doc)
    for i in range(len(words) - 2):
        if words[i + 1] not in POSSESSIVE_MARKS or i in taken:
            continue
        t = doc[i]
        if not (t.is_alpha and t.text[:1].isupper()) or t.is_stop:
            continue
        if t.text in gazetteer.given_names():
            continue
        following = doc[t.i + 2 : t.i + 5]
        if any(_is_title_word(w.text) and w.lower_ not in gazetteer.titles().modifiers
               for w in following) and t.pos_ == "PROPN":
            out.append(Span(doc, t.i, t.i + 1, label="ORG"))
    return out


def add_ministries(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Kelumbe’s Foreign Ministry summoned …": a capitalised portfolio before "Ministry",
    untagged by the model, names a ministry; a nationality written before it belongs to the
    name ("the Norvenian Foreign Ministry")."""
    if not on("MINISTRY_NAMES"):
        return spans
    found = [i for i, w in enumerate(words_of(doc)) if w in ("Ministry", "Ministries")]
    if not found:
        return spans
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for i in found:
        t = doc[i]
        if t.i in taken:
            continue
        start = t.i
        while start > 0 and doc[start - 1].lower_ in PORTFOLIOS and (
            doc[start - 1].text[:1].isupper()
        ) and start - 1 not in taken:
            start -= 1
        if start == t.i:
            continue  # "the Ministry said": no portfolio, no name
        before = doc[start - 1] if start else None
        if before is not None and before.text.endswith(DEMONYM_ENDINGS) and (
            before.text[:1].isupper()
        ) and start - 1 not in taken and not before.is_sent_start:
            start -= 1
        out.append(Span(doc, start, t.i + 1, label="ORG"))
        taken.update(range(start, t.i + 1))
    return out


# The words that end a law's or a treaty's name ("the Tessalon Trade Accord") or open it ("the
# Treaty of Velden").
LAW_WORDS = frozenset("""
convention treaty act accord agreement declaration protocol charter law directive regulation
""".split())
# The last words of a landform's name: "the Sorrel Pass", "Carrow Ridge".
LANDFORM_WORDS = frozenset("""
river sea lake mountains mountain valley pass bay gulf strait plain plains desert peninsula
coast basin delta ocean glacier forest range ranges hills highlands islands heights creek
ridge gates
""".split())


def add_laws(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "the Treaty of Velden", "the Tessalon Trade Accord", "what they call the Hallvik
    Declaration": capitalised words closed by a law's word, or a law's word "of" a name, that
    the model left untagged or tagged only in part, are one LAW."""
    if not on("LAW_NAMES"):
        return spans
    words = words_of(doc)
    ends = [i for i, w in enumerate(words) if w.lower() in LAW_WORDS and w[:1].isupper()]
    out = list(spans)
    for i in ends:
        start, end = i, i + 1
        while start > 0 and words[start - 1][:1].isupper() and words[start - 1].isalpha() and (
            not doc[start - 1].is_sent_start
        ) and words[start - 1].lower() not in LAW_WORDS:
            start -= 1
        if end + 1 < len(doc) and words[end] == "of" and words[end + 1][:1].isupper():
            end += 2  # "Treaty of Velden"
            while end < len(doc) and words[end][:1].isupper() and words[end].isalpha():
                end += 1
        if end - start < 2 or (start == i and end == i + 1):
            continue
        inside = [s for s in out if s.start < end and start < s.end]
        # "the 1921 Treaty" tagged a law or an event: "Treaty of Kelmar" is the name, the year
        # aside
        dated = [s for s in inside if s.label_ in ("LAW", "EVENT") and s.start < start
                 and s.end == i + 1]
        if any(s.label_ in ("PERSON", "LAW") or s.start < start or s.end > end
               for s in inside if s not in dated):
            continue  # a person's name, a law already, or a longer name around it
        if any(s.label_ in ("GPE", "LOC", "ORG") and s.start < i for s in inside):
            continue  # "the Hallvik Declaration": the place's name counts for the place
        out = [s for s in out if s not in inside]
        out.append(Span(doc, start, end, label="LAW"))
    return out


def extend_landform(span: Span) -> Span:
    """ "the Sorrel Pass" tagged "Sorrel": the landform's word after the name is part of it."""
    doc = span.doc
    if not on("LANDFORM_NAMES") or span.label_ not in ("LOC", "GPE", "ORG", "PERSON") or (
        span.end >= len(doc)
    ):
        return span
    after = doc[span.end]
    if after.text[:1].isupper() and after.lower_ in LANDFORM_WORDS:
        return Span(doc, span.start, span.end + 1, label="LOC")
    return span


def merge_split_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person's name cut in two by a place name ("Michael" + "Jordan") becomes one PERSON."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in spans:
        given_first = out and len(out[-1]) == 1 and out[-1].text in gazetteer.given_names()
        if out and out[-1].end == span.start and (
            "PERSON" in (out[-1].label_, span.label_) or given_first
        ):
            prev = out[-1]
            if all(t.text[:1].isupper() and t.is_alpha for t in doc[prev.start : span.end]):
                out[-1] = Span(doc, prev.start, span.end, label="PERSON")
                continue
        out.append(span)
    return out

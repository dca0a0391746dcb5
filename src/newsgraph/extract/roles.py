"""Titles and descriptions a text attaches to a person mention.

Four arrangements cover news prose: a title before the name ("Austrian Foreign Minister Karl
Brenner"), an apposition after it ("Lena Okafor, the head of ..."), a description before it
("her brother-in-law, Tomas Ridl"), and a predicate ("Okafor, who is Nordland's deputy prime
minister,"). Each must contain a word of the title lexicon, so prose that merely sits beside a
name ("Marsh, speaking after the talks,") is not taken for a role.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph import gazetteer
from newsgraph.model import Span as TextSpan

# A role phrase longer than this is prose, not a title (longest in the gold set: 12 tokens).
MAX_ROLE_TOKENS = 14
DETERMINERS = frozenset({"the", "a", "an"})
# Words that end a role phrase: a relative clause, a second clause, a speech verb.
BREAK_WORDS = frozenset({"who", "which", "that", "whose", "whom", "and", "but", "said", "says"})
# What may follow a role phrase: punctuation, or the start of a clause that adds to it.
CLOSERS = frozenset({",", ".", ";", "(", ")", "—", "–", ":", "and", "who", "which", "but"})
COPULAS = ("has been", "had been", "serves as", "served as", "is", "was")
QUOTE_MARKS = frozenset('"“”‘’«»')
ENTITY_MODIFIER_LABELS = frozenset({"NORP", "GPE", "ORG", "LOC", "FAC"})
POSSESSIVES = frozenset({"'s", "’s"})
# Prepositions inside a role ("minister for agriculture", "fellow at the ECFR").
ROLE_PREPOSITIONS = frozenset({"of", "for", "at", "to", "on", "in", "with", "from"})
# Leading adverbs that are not part of the role ("who is also Kessaria's justice minister").
LEADING_ADVERBS = frozenset({"also", "now", "currently", "still", "then", "once", "previously"})


def _compound_text(token: Token) -> str:
    """The whole hyphenated word a token belongs to ("law" → "brother-in-law")."""
    doc = token.doc
    start = end = token.i
    while start > 0 and (doc[start - 1].text == "-" or doc[start].text == "-") and not (
        doc[start - 1].whitespace_
    ):
        start -= 1
    while end + 1 < len(doc) and (doc[end + 1].text == "-" or doc[end].text == "-") and not (
        doc[end].whitespace_
    ):
        end += 1
    return doc[start : end + 1].text.lower()


# Endings of nouns for people by trade ("ecologist", "technician", "historian").
OCCUPATION_SUFFIXES = ("ist", "ists", "ician", "icians", "ologist")


def _role_word(token: Token) -> bool:
    lex = gazetteer.titles()
    words = (token.lower_, token.lemma_.lower(), token.lower_.rstrip("."), _compound_text(token))
    if any(w in lex.titles or w in lex.roles for w in words):
        return True
    return token.pos_ == "NOUN" and token.lower_.endswith(OCCUPATION_SUFFIXES)


def in_compound(token: Token) -> bool:
    """Part of a hyphenated compound ("brother-in-law", "longest-serving")?"""
    doc = token.doc
    if token.text in ("-", "‐"):
        return True
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return bool(
        (after is not None and after.text == "-" and not token.whitespace_)
        or (before is not None and before.text == "-" and not before.whitespace_)
    )


def _inside_name(token: Token) -> bool:
    """ "and" or "&" between capitalised words belongs to a name ("Environment and Energy")."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return before.text[:1].isupper() and after.text[:1].isupper()


def _stops(token: Token) -> bool:
    if in_compound(token):
        return False
    if token.lower_ in ("and", "&") and _inside_name(token):
        return False
    return (
        (token.is_punct and token.text not in ("-", "'s", "’s", "&"))
        or token.is_space
        or token.text in QUOTE_MARKS
        or token.lower_ in BREAK_WORDS
    )


def _continues(token: Token) -> bool:
    """May a role phrase read on through this token, left to right?"""
    if _stops(token):
        return False
    return (
        token.pos_ not in ("VERB", "AUX", "ADP")
        or token.lower_ in ROLE_PREPOSITIONS
        or in_compound(token)
        or token.dep_ == "amod"  # "the ruling Unity Party"
    )


def _closed(doc: Doc, i: int) -> bool:
    """Is the phrase ended properly at token i (punctuation, a clause, the end)?"""
    if i >= len(doc) or doc[i].is_space:
        return True
    # "a lorry driver known to his mates as ...": a participle clause closes the phrase too.
    return doc[i].text in CLOSERS or doc[i].lower_ in CLOSERS or doc[i].tag_ in ("VBN", "VBG")


def _as_span(doc: Doc, first: int, last: int) -> TextSpan | None:
    """Tokens first..last inclusive, without leading determiners, as a text span."""
    while first <= last and (
        doc[first].lower_ in DETERMINERS or doc[first].lower_ in LEADING_ADVERBS
    ):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while last >= first and doc[last].lower_ in ROLE_PREPOSITIONS:
        last -= 1
    if first > last or last - first + 1 > MAX_ROLE_TOKENS:
        return None
    if not any(_role_word(t) for t in doc[first : last + 1]):
        return None
    span = doc[first : last + 1]
    return TextSpan(span.start_char, span.end_char, span.text)


def _possessor(t: Token) -> bool:
    """A name owning what follows ("Nordland's", "Marsh's"), whatever the model typed it."""
    doc = t.doc
    return t.i + 1 < len(doc) and doc[t.i + 1].text in POSSESSIVES and t.text[:1].isupper()


def _title_part(t: Token) -> bool:
    """Can this token belong to a title phrase standing before a name?"""
    lex = gazetteer.titles()
    low = t.lower_.rstrip(".")
    if _possessor(t):
        return True
    if t.ent_type_ == "PERSON" or t.lower_ in lex.honorifics or t.is_space:
        return False
    if low in lex.titles or low in lex.modifiers or low in lex.roles:
        return True
    if t.text in POSSESSIVES or (t.text == "-" and t.i > 0):
        return True
    if t.ent_type_ in ENTITY_MODIFIER_LABELS and t.is_alpha:
        return True
    if not t.is_alpha or t.is_stop or t.ent_type_:
        return False
    if t.text[:1].isupper():
        # "Interior Minister"; at a sentence start a name, adjective or noun ("Opposition").
        return not t.is_sent_start or t.pos_ in ("PROPN", "ADJ", "NOUN")
    # "EU foreign policy chief": lower-case nouns and adjectives that modify the title.
    return t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("compound", "amod", "nmod")


def title_before(mention: Span) -> TextSpan | None:
    """ "Nordland's Foreign Minister Elena Marsh" → "Nordland's Foreign Minister"."""
    doc = mention.doc
    lex = gazetteer.titles()
    i = mention.start - 1
    if i < 0 or not _role_word(doc[i]) and doc[i].lower_ not in lex.modifiers:
        return None
    if doc[i].lower_ in lex.honorifics:
        return None
    first = i + 1
    while i >= 0 and _title_part(doc[i]):
        first = i
        i -= 1
    # A title phrase does not begin with a hyphen or a possessive marker.
    while first < mention.start and doc[first].text in ("'s", "’s", "-"):
        first += 1
    if first >= mention.start:
        return None
    return _as_span(doc, first, mention.start - 1)


def _skip_age(doc: Doc, i: int) -> int:
    """Past ", 54," after a name, to the comma that opens an apposition."""
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        return i + 2
    return i


def _read_on(doc: Doc, first: int) -> int | None:
    """The last token of a role phrase starting at ``first``, or None when it runs too long."""
    last = first
    while last + 1 < len(doc) and _continues(doc[last + 1]):
        last += 1
        if last - first > MAX_ROLE_TOKENS:
            return None
    return last


def apposition_after(mention: Span) -> TextSpan | None:
    """ "Lena Okafor, the head of the council," → "head of the council"."""
    doc = mention.doc
    i = _skip_age(doc, mention.end)
    if i >= len(doc) - 1 or doc[i].text != ",":
        return None
    first = i + 1
    opener = doc[first]
    if opener.pos_ in ("VERB", "AUX", "ADP", "ADV", "SCONJ", "PRON", "NUM") and (
        opener.tag_ != "PRP$"
    ):
        return None
    if opener.ent_type_ == "PERSON" and not _possessor(opener):
        return None
    last = _read_on(doc, first)
    if last is None or not _closed(doc, last + 1):
        return None
    return _as_span(doc, first, last)


def description_before(mention: Span) -> TextSpan | None:
    """ "her brother-in-law, Tomas Ridl," → "her brother-in-law"."""
    doc = mention.doc
    comma = mention.start - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    if not _closed(doc, mention.end):
        return None
    last = comma - 1
    first = last
    while first - 1 >= 0:
        t = doc[first - 1]
        if not in_compound(t) and (
            _stops(t) or t.pos_ in ("VERB", "AUX")
            or (t.pos_ == "ADP" and t.lower_ not in ROLE_PREPOSITIONS)
            or (t.lower_ in ("to", "according") and not _role_word(doc[first]))
        ):
            break
        if t.ent_type_ == "PERSON" and not _possessor(t):
            return None
        first -= 1
        if last - first > MAX_ROLE_TOKENS:
            return None
    # The phrase must open like a noun phrase, not in the middle of a prepositional phrase.
    while first < last and doc[first].lower_ in ROLE_PREPOSITIONS:
        first += 1
    if not _role_word(doc[last]) and not any(_role_word(t) for t in doc[first : last + 1]):
        return None
    return _as_span(doc, first, last)


def predicate_after(mention: Span) -> TextSpan | None:
    """ "Okafor, who is Nordland's deputy prime minister," → "Nordland's deputy prime minister"."""
    doc = mention.doc
    i = mention.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "who":
        i += 2
    elif not (i < len(doc) and doc[i].lower_ in ("is", "was")):
        return None
    for copula in COPULAS:
        words = copula.split()
        if [t.lower_ for t in doc[i : i + len(words)]] == words:
            first = i + len(words)
            break
    else:
        return None
    if first >= len(doc) or doc[first].pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
        return None  # "who is hosting the talks": an action, not a role
    last = _read_on(doc, first)
    if last is None or not _closed(doc, last + 1):
        return None
    return _as_span(doc, first, last)


def roles_of(mention: Span) -> Iterator[TextSpan]:
    """Every role span attached to one PERSON mention."""
    for finder in (title_before, apposition_after, description_before, predicate_after):
        found = finder(mention)
        if found is not None:
            yield found

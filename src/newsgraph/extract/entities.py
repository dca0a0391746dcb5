"""Entities of one article: mentions of one referent grouped, named, typed and given roles.

Within an article a surname stands for the full name introduced before it, an acronym for
the institution it abbreviates, and a gazetteer alias ("EU") for its entry. When the model
types the same name differently in different places, the majority wins, and a word that is a
known person's surname is that person, not an organisation.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsgraph import gazetteer
from newsgraph.entity_rules import KEPT_LABELS, NAME_PARTICLES
from newsgraph.extract.doc_cache import ents_of, text_of, words_of
from newsgraph.extract.entity_types import (
    context_type,
    has_demonym,
    kind_from_last_word,
    person_evidence,
)
from newsgraph.extract.roles import roles_of
from newsgraph.extract.rules import on
from newsgraph.model import Entity
from newsgraph.model import Span as TextSpan
from newsgraph.names import fold, same_person_name

ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "de", "&"})
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
LEADING_THE_CASED = re.compile(r"^(?:the|The)\s+")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The key two surface forms of one name share: case, "the", possessive and quotes ignored.
    Kept for the names seen last: one article asks for the same few names hundreds of times."""
    n = name.strip().replace("’", "'")
    n = LEADING_THE.sub("", n)
    n = POSSESSIVE.sub("", n)
    return SPACES.sub(" ", n).strip().lower()


def surface(ent: Span) -> str:
    """The name as written, without "the" and a possessive."""
    return _surface_of(ent.text)


@lru_cache(maxsize=1 << 16)
def _surface_of(text: str) -> str:
    text = text.strip()
    text = LEADING_THE_CASED.sub("", text)
    return POSSESSIVE.sub("", text).strip()


def surname_key(name: str) -> str:
    """ "Jan van der Berg" → "van der berg"; "Elena Marsh" → "marsh"."""
    words = name.split()
    if len(words) < 2:
        return name.lower()
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in NAME_PARTICLES:
        i -= 1
    return " ".join(words[i:]).lower()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isupper())


@dataclass
class _Cluster:
    type: str
    key: str
    mentions: list[Span] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    gazetteer: bool = False

    def add(self, ent: Span) -> None:
        self.mentions.append(ent)
        self.forms.append(surface(ent))


@lru_cache(maxsize=1)
def _gazetteer_index() -> dict[str, gazetteer.GazetteerEntry]:
    """The gazetteer keyed by normalised surface form, built once."""
    return {normalize(k): v for k, v in gazetteer.surface_index().items()}


def _vote_types(ents: list[Span]) -> dict[str, str]:
    """One type per surface form: the gazetteer's, else the model's majority, then corrected
    by what the article's context says about the name (see entity_types)."""
    by_form: dict[str, list[Span]] = defaultdict(list)
    for ent in ents:
        by_form[normalize(surface(ent))].append(ent)
    index = _gazetteer_index()
    out = {}
    positions: dict[str, list[int]] = defaultdict(list)
    if ents:
        for i, text in enumerate(words_of(ents[0].doc)):
            positions[text].append(i)
    for form, mentions in by_form.items():
        entry = index.get(form)
        if entry:
            out[form] = entry.type
            continue
        label = Counter(e.label_ for e in mentions).most_common(1)[0][0]
        out[form] = context_type(label, mentions + _untagged_occurrences(mentions, positions))
    _follow_coordination(by_form, out, index)
    return out


def _untagged_occurrences(mentions: list[Span], positions: dict[str, list[int]]) -> list[Span]:
    """Places where the article uses the same one-word name without the model tagging it:
    their context is evidence too ("around Hallvik"). ``positions`` maps a token's text to
    where it occurs."""
    first = mentions[0]
    words = [t for t in first if t.lower_ != "the"]
    if len(words) != 1:
        return []
    doc = first.doc
    seen = {m.start for m in mentions} | {m.end - 1 for m in mentions}
    return [
        Span(doc, i, i + 1, label=first.label_)
        for i in positions.get(words[0].text, ())
        if i not in seen and doc[i].ent_type_ not in KEPT_LABELS
        and not (on("NAME_INSIDE_NAME") and _inside_a_name(doc, i))
    ]


# Capitalised words that open a sentence or a place phrase, not a longer name.
OPENERS = frozenset("in at to from for of on by the a an and but as with near after before "
                    "since until when while this that".split())


def _inside_a_name(doc, i: int) -> bool:
    """ "Open Calvonia, a campaign group": an occurrence the word before capitalises into a
    longer name ("Open Calvonia") says nothing about the name alone."""
    if i == 0:
        return False
    before = doc[i - 1]
    return before.text[:1].isupper() and before.is_alpha and before.lower_ not in OPENERS


def _follow_coordination(
    by_form: dict[str, list[Span]], types: dict[str, str], index: dict
) -> None:
    """ "shared by Nordland and Estmark": a one-word name listed with places is a place."""
    for form, mentions in by_form.items():
        if form in index or types[form] not in ("ORG", "PERSON") or len(form.split()) != 1:
            continue
        for ent in mentions:
            partners = [t for t in ent.root.conjuncts] + (
                [ent.root.head] if ent.root.dep_ == "conj" else []
            )
            if any(
                t.ent_type_ and types.get(normalize(t.text)) == "GPE" for t in partners
            ):
                types[form] = "GPE"
                break


def _capitalised(text: str) -> bool:
    return any(ch.isupper() for ch in text)


def _candidate_ents(doc: Doc) -> list[Span]:
    ents = ents_of(doc)
    people = {t.text for e in ents if e.label_ == "PERSON" for t in e if t.is_title}
    return [
        part for e in ents for part in _people_apart(e, people)
        if part.label_ in KEPT_LABELS and _capitalised(part.text) and surface(part)
    ]


def _people_apart(ent: Span, people: set[str]) -> list[Span]:
    """ "Pryce and Fersht", tagged as one person or one organisation, is two people: a span
    joined by "and" whose sides are a person's names elsewhere in the article."""
    joints = [t.i for t in ent if t.lower_ in ("and", "&")]
    if ent.label_ not in ("PERSON", "ORG") or len(joints) != 1 or joints[0] in (
        ent.start, ent.end - 1
    ):
        return [ent]
    k = joints[0]
    parts = [Span(ent.doc, ent.start, k, label="PERSON"),
             Span(ent.doc, k + 1, ent.end, label="PERSON")]
    if ent.label_ == "ORG" and not all(
        len(p) == 1 and p[0].text in people for p in parts
    ):
        return [ent]  # "Marks and Spencer" stays a company
    return parts


def _is_full_name(form: str) -> bool:
    """ "elena marsh" is a full name; "van dijk" (a surname with its particle) is not."""
    words = form.split()
    return len(words) >= 2 and words[0] not in NAME_PARTICLES


def _short_keys(cluster: _Cluster) -> set[str]:
    """The short forms a full-name person goes by: surnames of every spelling, last words,
    and a middle surname ("Ferrán" of "Lucía Ferrán Ochoa")."""
    keys = set()
    for form in {normalize(f) for f in cluster.forms if _is_full_name(normalize(f))}:
        words = form.split()
        keys.add(surname_key(form))
        keys.update(w for w in words[1:] if w not in NAME_PARTICLES)
        if on("HYPHENED_PARTICLE"):
            # "al-Marren": the tokenizer splits off "al-", leaving "Marren" to be found
            keys.update(w.split("-", 1)[1] for w in words[1:]
                        if "-" in w and w.split("-", 1)[0] in NAME_PARTICLES)
    return keys


def _first_names(cluster: _Cluster) -> set[str]:
    return {normalize(f).split()[0] for f in cluster.forms if len(f.split()) >= 2}


def _nearest_person(clusters: list[_Cluster], ent: Span) -> _Cluster | None:
    """The person this short mention names: by surname, nearest before it first; else the one
    person whose given name it is (tabloids call people by their first names)."""
    key = normalize(surface(ent))
    matches = [c for c in clusters if key in _short_keys(c) or c.key == key]
    if not matches:
        # "Stefanescu" for "Ileana Ștefănescu": the surname typed without its diacritics
        folded = fold(key)
        matches = [c for c in clusters if folded in {fold(k) for k in _short_keys(c)}]
    if not matches:
        by_first = [c for c in clusters if key in _first_names(c)]
        matches = by_first if len(by_first) == 1 else []
    if not matches:
        return None
    before = [
        (max(m.start for m in c.mentions if m.start < ent.start), c)
        for c in matches if any(m.start < ent.start for m in c.mentions)
    ]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(matches, key=lambda c: min(m.start for m in c.mentions))


def _full_name_clusters(ents: list[Span], types: dict[str, str]) -> list[_Cluster]:
    """One cluster per person named in full; spellings of one name ("Andriy"/"Andrei
    Morozov") share it."""
    given = gazetteer.given_names()
    persons: list[_Cluster] = []
    for ent in ents:
        form = normalize(surface(ent))
        if types[form] != "PERSON" or not _is_full_name(form):
            continue
        name = surface(ent)
        found = next(
            (c for c in persons if c.key == form
             or same_person_name(c.forms[0], name, given_names=given)),
            None,
        )
        if found is None:
            found = _Cluster("PERSON", form)
            persons.append(found)
        found.add(ent)
    return persons


def _cluster(doc: Doc) -> list[_Cluster]:
    ents = _candidate_ents(doc)
    types = _vote_types(ents)
    index = _gazetteer_index()
    # Full names first, so a surname earlier in the text still finds its person.
    persons = _full_name_clusters(ents, types)
    others: dict[tuple[str, str], _Cluster] = {}
    singles: list[_Cluster] = []
    for ent in ents:
        form = normalize(surface(ent))
        label = types[form]
        if label == "PERSON" and _is_full_name(form):
            continue
        if form not in index and label in ("PERSON", "ORG", "GPE", "NORP", "LOC"):
            person = _nearest_person(persons, ent)
            if person is not None:
                person.add(ent)
                continue
        if label == "PERSON":
            found = next((c for c in singles if c.key == form), None)
            if found is None:
                found = _Cluster("PERSON", form)
                singles.append(found)
            found.add(ent)
            continue
        entry = index.get(form)
        key = normalize(entry.name) if entry else form
        cluster = others.get((label, key))
        if cluster is None:
            cluster = others[(label, key)] = _Cluster(label, key, gazetteer=entry is not None)
        cluster.add(ent)
    singles, organisations = _settle_single_names(singles)
    clusters = _merge_plural_groups(list(others.values()) + organisations)
    merged = _merge_short_names(_merge_acronyms(clusters, doc))
    return persons + singles + merged


def _merge_plural_groups(clusters: list[_Cluster]) -> list[_Cluster]:
    """ "Doravans" are the "Doravan" people: one NORP entity for singular and plural."""
    by_key: dict[str, _Cluster] = {}
    out = []
    for c in clusters:
        if c.type != "NORP":
            out.append(c)
            continue
        key = c.key.removesuffix("s")
        if key in by_key:
            for m in c.mentions:
                by_key[key].add(m)
        else:
            by_key[key] = c
            out.append(c)
    return out


def _settle_single_names(singles: list[_Cluster]) -> tuple[list[_Cluster], list[_Cluster]]:
    """A lone word the model called a person, never introduced by a full name, is a person
    only with a sign of one (a given name, an age, "who", a role); otherwise news prose is
    naming an organisation ("Albemarle", "Corfo")."""
    people, organisations = [], []
    for c in singles:
        if c.forms[0] in gazetteer.given_names() or person_evidence(c.mentions):
            people.append(c)
        elif _demonym_of_a_place(c):
            c.type = "NORP"
            organisations.append(c)
        else:
            c.type = "ORG"
            organisations.append(c)
    return people, organisations


# "Republic of Kessaria" is Kessaria for short.
STATE_PREFIXES = (
    "republic of ", "kingdom of ", "state of ", "principality of ", "grand duchy of ",
    "federation of ", "city of ", "people's republic of ", "democratic republic of ",
)


def _demonym_of_a_place(cluster: _Cluster) -> bool:
    """ "Belcaran" when the article also names "Belcara": a nationality, not a name."""
    word = cluster.forms[0]
    if not word.endswith(("an", "ian", "ese", "i", "ish")):
        return False
    doc = cluster.mentions[0].doc
    stems = {word[: -len(end)] for end in ("n", "an", "ian", "ese", "i", "ish") if
             word.endswith(end)}
    return any(t.text in stems or t.text[:-1] in stems for t in doc if t.text[:1].isupper()
               and t.text != word and len(t.text) >= 4)


def _name_core(form: str) -> list[str]:
    """A name without the words that say what kind of thing it is: "Varna River" → Varna,
    "Republic of Kessaria" → Kessaria."""
    words = normalize(form).split()
    if len(words) > 1 and kind_from_last_word(form.split()):
        return words[:-1]
    joined = " ".join(words)
    for prefix in STATE_PREFIXES:
        if joined.startswith(prefix):
            return joined[len(prefix):].split()
    return words


# Words that end a company's name: "Norrgate Resources", "Salvo Container Lines" go by their
# first word for short.
COMPANY_WORDS = frozenset("""
resources holdings group corporation corp company co inc ltd plc ag sa motors automotive
energy mining minerals metals airlines airways industries technologies systems petroleum oil
gas steel shipping logistics pharmaceuticals capital partners telecom foods electric power
lines
""".split())


def _company_short_name(word: str, form: str, long_type: str, short_type: str) -> bool:
    """ "Norrgate" for "Norrgate Resources", "Zentra" for "Zentra Automotive": a company goes
    by the first word of its name, typed a body or, by the model's mistake, a person (the
    caller keeps apart a name with a nationality word: "Kelumbe" of "Kelumbean")."""
    words = normalize(form).split()
    # "Kelumbe" beside "Kelumbe Mining Corporation" is the country the company is named for
    return on("COMPANY_SHORT_NAME") and long_type == "ORG" and short_type in ("ORG", "PERSON") and (
        len(words) > 1 and words[0] == word and words[-1] in COMPANY_WORDS)


# Names made after the place they were agreed or held in: "Hallvik" beside "the Hallvik
# Declaration" is the town, never the declaration for short.
NAMED_FOR_A_PLACE = frozenset({"LAW", "EVENT"})


def _merge_short_names(clusters: list[_Cluster]) -> list[_Cluster]:
    """A one-word name that is the short form of one longer name in the article joins it:
    "the Commission" after "the European Commission", "the Serra" after "the Serra River"."""
    out = []
    for c in clusters:
        target = None
        if not c.gazetteer and all(len(f.split()) == 1 for f in c.forms):
            word = normalize(c.forms[0])
            candidates = [
                o for o in clusters if o is not c and any(
                    len(f.split()) > 1 and (
                        (_name_core(f) == [word] and o.type not in NAMED_FOR_A_PLACE)
                        or (o.type == c.type == "ORG" and normalize(f).split()[-1] == word)
                        or (_company_short_name(word, f, o.type, c.type)
                            and not has_demonym(c.mentions))
                    )
                    for f in o.forms
                )
            ]
            target = candidates[0] if len(candidates) == 1 else None
        if target is not None:
            for m in c.mentions:
                target.add(m)
        else:
            out.append(c)
    return out


def _merge_acronyms(clusters: list[_Cluster], doc: Doc) -> list[_Cluster]:
    """ "International Atomic Energy Agency (IAEA)" and later "IAEA" are one organisation."""
    by_acronym: dict[str, _Cluster] = {}
    for c in clusters:
        for form in c.forms:
            if len(form.split()) >= 2:
                by_acronym.setdefault(acronym(form), c)
    out: list[_Cluster] = []
    for c in clusters:
        target = None
        if all(f.isupper() or f.replace(".", "").isupper() for f in c.forms):
            target = by_acronym.get(c.forms[0].replace(".", ""))
        if target is None:
            target = _parenthesised_partner(c, clusters, doc)
        if target is not None and target is not c and target.type == c.type:
            for m in c.mentions:
                target.add(m)
        else:
            out.append(c)
    return [c for c in out if c.mentions]


def _parenthesised_partner(c: _Cluster, clusters: list[_Cluster], doc: Doc) -> _Cluster | None:
    """The cluster whose mention stands right before "(" this one ")"."""
    for m in c.mentions:
        if m.start >= 2 and doc[m.start - 1].text == "(" and m.end < len(doc) and (
            doc[m.end].text == ")"
        ):
            for other in clusters:
                if other is not c and any(o.end == m.start - 1 for o in other.mentions):
                    return other
    return None


def _tagged(doc: Doc, clusters: list[_Cluster], *, every_label: bool = False) -> set[int]:
    """The tokens a record already holds, or the model labelled with a kind records keep (any
    kind, with ``every_label``): where an untagged name cannot be."""
    tagged = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    tagged.update(i for e in ents_of(doc) if every_label or e.label_ in KEPT_LABELS
                  for i in range(e.start, e.end))
    return tagged


def _add_untagged_surnames(doc: Doc, clusters: list[_Cluster]) -> None:
    """A known person's surname the model left untagged is still a mention of that person."""
    persons = [c for c in clusters if c.type == "PERSON" and _is_full_name(c.key)]
    # folded: "Balan" for "Konstantin Bălan" too
    short = {fold(key) for c in persons for key in _short_keys(c) if " " not in key}
    # "to press Sherali again" labelled a work of art: a label no record keeps hides no one
    tagged = _tagged(doc, clusters, every_label=not on("STRAY_LABEL_SURNAME"))
    for i, text in enumerate(words_of(doc)):
        if i in tagged or not text[:1].isupper() or fold(text.lower()) not in short or (
            doc[i].is_stop
        ):
            continue
        person = _nearest_person(persons, Span(doc, i, i + 1, label="PERSON"))
        if person is not None:
            person.add(Span(doc, i, i + 1, label="PERSON"))


def _add_untagged_names(doc: Doc, clusters: list[_Cluster]) -> None:
    """A one-word name of a place or body the model tagged elsewhere in the article, but not
    here ("the government in Darsk"), is still a mention of it."""
    by_text: dict[str, _Cluster] = {}
    for c in clusters:
        if c.type != "PERSON":
            for form in c.forms:
                if len(form.split()) == 1 and form[:1].isupper():
                    by_text.setdefault(form, c)
    tagged = _tagged(doc, clusters)
    for i, text in enumerate(words_of(doc)):
        cluster = by_text.get(text)
        if cluster is not None and i not in tagged:
            cluster.add(Span(doc, i, i + 1, label=cluster.type))


# "KASTREL, Sept 16 (Crossline) -", "TESSALON (Continental Wire) —": the agency that files.
DATELINE_AGENCY = re.compile(
    r"(?m)^[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+)*(?:, [^()\n]{1,20})? \(([A-Z][\w&'’. ]{1,40})\) [-–—]")


def _add_dateline_agency(doc: Doc, clusters: list[_Cluster]) -> None:
    """The news agency named in a dateline's brackets is an organisation; the model tends to
    leave it untagged or call it a nationality ("Meridian")."""
    for m in DATELINE_AGENCY.finditer(text_of(doc)):
        span = doc.char_span(m.start(1), m.end(1), label="ORG")
        if span is None:
            continue
        for c in clusters:  # a label the model gave the same words gives way
            kept = [x for x in c.mentions if x.end <= span.start or x.start >= span.end]
            if len(kept) < len(c.mentions):
                c.mentions, c.forms = kept, [surface(x) for x in kept]
        name = normalize(span.text)
        owner = next((c for c in clusters if c.type == "ORG" and c.key == name), None)
        if owner is None:
            owner = _Cluster(type="ORG", key=name)
            clusters.append(owner)
        owner.add(span)
    clusters[:] = [c for c in clusters if c.mentions]


def _add_untagged_nationalities(doc: Doc, clusters: list[_Cluster]) -> None:
    """ "Serravian", "Lindorran" left untagged beside "Serravia", "Lindorra": the nationality
    of a place the article names is a nationality (NORP) wherever it stands."""
    places = {f for c in clusters if c.type == "GPE" for f in c.forms if " " not in f}
    coined = {d for place in places for d in gazetteer.coined_demonyms(place)}
    if not coined:
        return
    tagged = _tagged(doc, clusters)
    found: dict[str, _Cluster] = {c.forms[0]: c for c in clusters if c.type == "NORP" and c.forms}
    for i, text in enumerate(words_of(doc)):
        if i in tagged or text not in coined:
            continue
        cluster = found.get(text)
        if cluster is None:
            cluster = found[text] = _Cluster(type="NORP", key=normalize(text))
            clusters.append(cluster)
        cluster.add(Span(doc, i, i + 1, label="NORP"))


def _keep(cluster: _Cluster, headline_end: int) -> bool:
    """Names seen only in a headline are kept only when the gazetteer vouches for them."""
    in_body = any(m.start_char >= headline_end for m in cluster.mentions)
    return in_body or cluster.gazetteer


def _best_name(cluster: _Cluster) -> str:
    forms = Counter(cluster.forms)
    return max(forms, key=lambda f: (len(f.split()), len(f), forms[f]))


def extract_entities(doc: Doc, *, headline_end: int = 0) -> tuple[Entity, ...]:
    """Entities of an annotated article; ``headline_end`` is where its headline stops."""
    clusters = _cluster(doc)
    _add_untagged_surnames(doc, clusters)
    _add_untagged_names(doc, clusters)
    if on("UNTAGGED_NATIONALITY"):
        _add_untagged_nationalities(doc, clusters)
    if on("DATELINE_AGENCY"):
        _add_dateline_agency(doc, clusters)
    clusters = [c for c in clusters if _keep(c, headline_end)]
    clusters.sort(key=lambda c: min(m.start_char for m in c.mentions))
    text = text_of(doc)
    entities = []
    for n, c in enumerate(clusters, start=1):
        mentions = sorted({(m.start_char, m.end_char) for m in c.mentions})
        name = _best_name(c)
        aliases = sorted({f for f in c.forms if f != name}, key=lambda f: c.forms.index(f))
        roles: list[TextSpan] = []
        if c.type == "PERSON":
            seen = set()
            for m in sorted(c.mentions, key=lambda m: m.start):
                for role in roles_of(m):
                    key = role.text.lower()
                    if key not in seen:
                        seen.add(key)
                        roles.append(role)
        entities.append(
            Entity(
                id=f"E{n}",
                type=c.type,
                name=name,
                aliases=tuple(aliases),
                roles=tuple(r.text for r in roles),
                role_mentions=tuple(roles),
                mentions=tuple(TextSpan(s, e, text[s:e]) for s, e in mentions),
            )
        )
    return tuple(entities)

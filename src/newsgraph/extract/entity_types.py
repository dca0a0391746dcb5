"""What the article's own context says about a name's type, where the small model is unsure.

The model types unfamiliar names badly: fictional or little-known places come out as PERSON
or ORG, people as ORG. News prose gives the type away around the name: "in Belmora", "the
town of Caldas", "Estmark's foreign minister" make a place; "Pavel Orlov, who ...",
"Tomas Ridl, 54," or a common given name make a person. The evidence of every mention of the
name in the article is pooled.
"""

from __future__ import annotations

from spacy.tokens import Span

from newsgraph import gazetteer
from newsgraph.entity_rules import DEMONYM_ENDINGS, LANDFORM_WORDS, LAW_WORDS, NAME_PARTICLES
from newsgraph.extract.doc_cache import token_texts
from newsgraph.extract.roles import in_compound, roles_of
from newsgraph.extract.rules import on

# The last words of a company's or a newspaper's name: "Salvo Container Lines", "Velsburg
# Courier" are bodies, never people or places.
BUSINESS_WORDS = frozenset("""
systems resources holdings industries automotive motors lines shipping logistics technologies
courier chronicle telegraph observer ledger
""".split())
# Words that make a capitalised name an institution or a place, never a person.
NON_PERSON_WORDS = frozenset("""
ministry council agency bank party union company group university institute committee
commission organisation organization court office department corporation corp inc ltd fund
association federation forces army navy police service services news times post parliament
assembly authority front movement league alliance foundation centre center board network
energy airlines republic kingdom states state province region city river sea mountains lake
valley street square palace airport bridge dam hospital school college club brigade battalion
guard command government administration cabinet church mosque county district wire gazette
herald tribune journal press broadcaster radio television tv daily weekly
fundación fundação fondation stiftung instituto institut gesellschaft banco banque compagnie
companhia compañía empresa grupo gruppe partido parti partei sindicato syndicat ministerio
ministère ministerium energia energía redes
""".split()) | BUSINESS_WORDS
# The last word of a name that says what kind of thing it names.
FAC_WORDS = frozenset("""
dam bridge airport palace hall square street avenue road tower stadium cathedral embassy
terminal prison station plant pipeline canal tunnel harbour harbor base arena lane boulevard
quay pier
""".split())
EVENT_WORDS = frozenset("""
conference summit forum olympics games championship championships festival expo
""".split())
# The last word of a name that makes it a body, whatever the model says: "Gavronan Medical
# Chamber", "Dorava People's Council".
ORG_LAST_WORDS = frozenset("""
chamber council ministry agency committee commission federation association party league union
institute bank authority company corporation group foundation coalition front movement court
office department service board alliance confederation syndicate bloc
herald gazette tribune journal
""".split()) | BUSINESS_WORDS
# Prepositions that put a bare name (no "the") in a place.
PLACE_PREPOSITIONS = frozenset(
    "in into near outside inside across towards toward through throughout from around via".split()
)
# "the town of X", "the Republic of X".
PLACE_NOUNS = frozenset(
    "town city village port capital province region country state republic district "
    "municipality island kingdom county oblast".split()
)
# What a place possesses in news prose: "Estmark's foreign minister", "Belmora's government".
PLACE_POSSESSIONS = frozenset("""
government capital border borders province provincial foreign prime president army military
delegation parliament largest second-largest citizens people economy embassy interior defence
defense justice finance environment coast coastal territory neighbours neighbors north south
east west northern southern eastern western president's presidency navy air regional port ports
city cities towns villages region regions districts coastline airspace waters population
residents mayor governor authorities
""".split())
# What only a state has, in "the government of Kessland" and "Kessland's ambassador".
OWNED_BY_A_STATE = frozenset("government president presidency citizens people army navy "
                             "parliament".split())
ENVOYS = frozenset({"ambassador", "envoy", "consul", "chargé"})
# "the breakaway Dorava region": a name followed by one of these is a place.
PLACE_HEADS = frozenset("region province district oblast county municipality".split())
# "the Hallvik summit", "the Vienna talks": a one-word name on a gathering is where it meets.
HOSTED_GATHERINGS = frozenset("summit talks conference negotiations".split())
# "along the Varna", "banks of the Vesna", "down the Danube".
RIVER_PREPOSITIONS = frozenset(
    "along of over across on up down beyond into from to near by alongside".split()
)
# Words that describe an organisation in an apposition ("Red Eléctrica, the Spanish grid
# operator") or before its name ("the conservation group Oceano Vivo").
ORG_DESCRIPTIONS = frozenset("""
operator firm utility group charity lobby broadcaster newspaper outlet agency regulator
producer manufacturer carrier airline insurer lender bank miner exporter importer retailer
watchdog ngo organisation organization company companies consortium conglomerate startup
developer publisher network association union party movement coalition club team institute
think-tank tank foundation body authority
""".split())
NEIGHBOURING = frozenset({"neighbouring", "neighboring", "neighbour", "neighbor"})
POSSESSIVE_TOKENS = frozenset({"'s", "’s"})


def _words(mention: Span) -> list[str]:
    """The words of a name as written ("Jean-Luc de Valmont" is three), without "the"."""
    words = [w for w in mention.text.split() if w.lower() != "the"]
    if words:
        for mark in POSSESSIVE_TOKENS:
            words[-1] = words[-1].removesuffix(mark)
    return [w for w in words if w]


def _name_shaped(words: list[str]) -> bool:
    """One to four capitalised words (particles aside), none of them an institution's."""
    if not 1 <= len(words) <= 4 or any(w.lower() in NON_PERSON_WORDS for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)


def strong_person_evidence(mentions: list[Span]) -> bool:
    """A common given name first, a courtesy title, an age (", 54,") or "who" after it."""
    words = _words(mentions[0])
    if not _name_shaped(words):
        return False
    if len(words) >= 2 and words[0].split("-")[0] in gazetteer.given_names():
        return True  # "Jean-Luc de Valmont" as much as "Jean"
    honorifics = gazetteer.titles().honorifics
    for ent in mentions:
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start else None
        if before is not None and before.lower_ in honorifics:
            return True
        after = doc[ent.end : ent.end + 3]
        aged = len(after) > 2 and after[1].like_num and after[2].text == ","
        if len(after) >= 2 and after[0].text == "," and (after[1].lower_ == "who" or aged):
            return True
    return False


def role_evidence(mentions: list[Span]) -> bool:
    """A full name the article gives a title or a description ("Tomas Ridl, a former judge")."""
    words = _words(mentions[0])
    if not _name_shaped(words) or len(words) < 2:
        return False
    return any(True for ent in mentions for _ in roles_of(ent))


def person_evidence(mentions: list[Span]) -> bool:
    """Does the text treat this name, which the model typed otherwise, as a person's?"""
    return strong_person_evidence(mentions) or role_evidence(mentions)


def _apposed_place_noun(tokens) -> bool:
    """Does this stretch (up to a comma) name a place: "the provincial capital"? A relative
    clause ("which represents the country's doctors") names none."""
    if len(tokens) and tokens[0].tag_ in ("WDT", "WP", "WP$"):
        return False
    for t in tokens:
        if t.text in (",", ".", ";", "(", ")") or t.is_space:
            return False
        if t.lower_ in PLACE_NOUNS:
            return True
    return False


def org_evidence(mentions: list[Span]) -> bool:
    """ "Red Eléctrica, the Spanish grid operator"; "the conservation group Oceano Vivo"."""
    for ent in mentions:
        doc = ent.doc
        if ent.start and doc[ent.start - 1].lower_ in ORG_DESCRIPTIONS:
            return True
        if on("DESCRIBED_BEFORE") and ent.start > 1 and doc[ent.start - 1].text == "," and (
            doc[ent.start - 2].lower_ in ORG_DESCRIPTIONS
        ):
            return True  # "the pipeline's operator, Arvel Transgas"
        after = doc[ent.end : ent.end + 8]
        if len(after) > 1 and after[0].text == "," and after[1].tag_ not in ("WRB", "WDT", "WP"):
            for t in after[1:]:
                if t.text in (",", ".", ";") or (
                    t.pos_ in ("VERB", "AUX", "ADP") and not in_compound(t)
                ) or (on("APPOSITION_ENDS") and t.pos_ == "CCONJ"):
                    break  # "in Lisvagen, but Osmanli's party": another's party, not Lisvagen
                if t.lower_ in ORG_DESCRIPTIONS and t.pos_ == "NOUN":
                    return True
    return False


# Verbs of going: what follows their "to" is a place.
GOING = frozenset({"travel", "fly", "head", "go", "return", "drive", "sail", "come"})


def place_evidence(mentions: list[Span]) -> int:
    """How many mentions stand where only a place can stand."""
    votes = 0
    acts = _acts(mentions)
    for ent in mentions:
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start else None
        before2 = doc[ent.start - 2] if ent.start > 1 else None
        after = doc[ent.end : ent.end + 2]
        if before is not None and (
            before.lower_ in PLACE_PREPOSITIONS
            or before.lower_ in NEIGHBOURING
            or (before.lower_ == "of" and before2 is not None and before2.lower_ in PLACE_NOUNS)
            # "the government of Kessland", "the president of Tarsia"
            or (on("PLACE_OF_OWNER") and before.lower_ == "of" and before2 is not None
                and before2.lower_ in OWNED_BY_A_STATE)
            # "the Nordland capital, Hallvik"
            or (before.text == "," and before2 is not None and before2.lower_ in PLACE_NOUNS)
            # "will travel to Dornholm": where one goes
            or (on("DESTINATION") and before.lower_ == "to" and before2 is not None
                and before2.lemma_.lower() in GOING)
        ):
            votes += 1
        elif len(after) == 2 and after[0].text in POSSESSIVE_TOKENS and (
            after[1].lower_ in PLACE_POSSESSIONS
            or (on("PLACE_OF_OWNER") and after[1].lower_ in ENVOYS)
        ):
            votes += 1
        elif len(after) >= 1 and after[0].lower_ in PLACE_HEADS:
            votes += 1
        elif not acts and _hosts_gathering(ent, after):
            votes += 1
        elif len(after) >= 1 and after[0].text == "," and _apposed_place_noun(
            doc[ent.end + 1 : ent.end + 6]
        ):
            # "Kessel, Estmark's largest port"; "Porto Vell, the provincial capital"
            votes += 1
    return votes


def _acts(mentions: list[Span]) -> bool:
    """Is the name somewhere the subject of a verb? A place that hosts or a plant that is
    restarted does not speak; "Boeing said" makes the Boeing talks a company's."""
    return any(ent.root.dep_ in ("nsubj", "nsubjpass") for ent in mentions)


def _hosts_gathering(ent: Span, after: Span) -> bool:
    """ "the Hallvik summit": a one-word name, not an acronym nor a person's, naming a summit
    or talks names the place that holds them ("the NATO summit" is the alliance's)."""
    if not on("HOSTED_GATHERING") or ent.label_ == "PERSON" or len(after) < 1:
        return False
    words = _words(ent)
    return (len(words) == 1 and not words[0].isupper() and after[0].lower_ in HOSTED_GATHERINGS
            and after[0].tag_ in ("NN", "NNS"))


def river_evidence(mentions: list[Span]) -> bool:
    """ "along the Varna", "banks of the Vesna": a one-word name that always takes "the" and
    stands alone is a river or a region, not a town or a body."""
    words = _words(mentions[0])
    if len(words) != 1 or words[0].lower().endswith("s") or words[0].isupper():
        return False
    alone = 0
    for ent in mentions:
        doc = ent.doc
        if ent.start == 0 or doc[ent.start - 1].lower_ != "the" or ent[0].lower_ == "the":
            return False
        after = doc[ent.end] if ent.end < len(doc) else None
        before = doc[ent.start - 2] if ent.start > 1 else None
        if before is None or before.lower_ not in RIVER_PREPOSITIONS:
            continue
        if after is None or after.text in (",", ".", ";", ":") or after.pos_ in (
            "ADP", "CCONJ", "VERB", "AUX"
        ):
            alone += 1
    return alone > 0


def building_evidence(mentions: list[Span]) -> bool:
    """ "talks at the Hofburg", "rumours from the Hofburg": a one-word name that always takes
    "the" and is somewhere met "at" is a building, where "along the Varna" makes a river."""
    words = _words(mentions[0])
    if not on("AT_THE_BUILDING") or len(words) != 1 or words[0].isupper():
        return False
    at = False
    for ent in mentions:
        doc = ent.doc
        if ent.start < 2 or doc[ent.start - 1].lower_ != "the" or ent[0].lower_ == "the":
            return False
        at = at or doc[ent.start - 2].lower_ == "at"
    return at


def facility_evidence(mentions: list[Span]) -> bool:
    """ "the Kallen nuclear plant", then "restarting Kallen": a one-word name the article puts
    before a facility's kind, and never makes the subject of a verb (a company running "the
    Tesla plant" speaks and acts somewhere), names the facility."""
    words = _words(mentions[0])
    if not on("NAMED_FACILITY") or len(words) != 1 or words[0].isupper():
        return False
    if _acts(mentions):
        return False
    named = False
    for ent in mentions:
        after = ent.doc[ent.end: ent.end + 3]
        for t in after:
            if t.lower_ in FAC_WORDS and t.text.islower():
                named = True
            if not t.text.islower() or t.pos_ not in ("ADJ", "NOUN"):
                break
    return named


def has_demonym(mentions: list[Span]) -> bool:
    """ "Vastria" beside "Vastrian", "Belcara" beside "Belcaran": a name the article also
    turns into a nationality adjective is a country or a region."""
    words = _words(mentions[0])
    if len(words) != 1 or len(words[0]) < 4:
        return False
    return not gazetteer.coined_demonyms(words[0]).isdisjoint(token_texts(mentions[0].doc))


def nationality_of_a_name(mentions: list[Span]) -> bool:
    """ "Marvessan" beside "Marvessa", "Qareshi" beside "Qaresh": one word the article coins
    from another name it uses is that place's nationality, whatever label the model gave."""
    words = _words(mentions[0])
    if not on("DEMONYM_OF_NAME") or len(words) != 1 or not words[0][:1].isupper():
        return False
    word = words[0]
    texts = token_texts(mentions[0].doc)
    stems = {word[:-k] for k in (1, 2, 3) if len(word) - k >= 4}
    names = {stem + end for stem in stems for end in ("", "a", "ia", "o", "e")} & texts
    return any(word in gazetteer.coined_demonyms(name) for name in names)


def _looks_like_demonym(word: str) -> bool:
    return word.lower().endswith(DEMONYM_ENDINGS)


# Parties called by the plural of their members: "the Greens have ruled out any deal".
PARTY_PLURALS = frozenset({"greens", "liberals", "conservatives", "socialists", "democrats",
                           "republicans", "nationalists", "communists", "labourites", "tories"})


def _written_in_lower_case_too(mentions: list[Span]) -> bool:
    """ "KORVITSA —" in the dateline and "in Korvitsa" below: capitals that set a dateline
    off, not an acronym."""
    return any(not m.text.isupper() for m in mentions)


# Words that open a building's name ("Villa Corena", "Palais Wilson", "Quinta Belavista"), end
# one ("Galen Theatre"), or end one after a gathering's word ("Valdessa Congress Centre").
BUILDING_FIRST_WORDS = frozenset("""
villa palais palácio palacio palazzo palau quinta castle château chateau schloss hotel hôtel
casa fort
""".split())
BUILDING_LAST_WORDS = frozenset({"theatre", "theater", "opera"})
VENUE_KINDS = frozenset({"congress", "conference", "convention", "exhibition", "press",
                         "trade", "events"})


def _has_a_voice(mentions: list[Span]) -> bool:
    """ "A spokesman for the Palacio de Gobierno said": a building that speaks is the office
    that works in it."""
    for ent in mentions:
        doc = ent.doc
        near = [t.lower_ for t in doc[max(0, ent.start - 3): ent.start]]
        near += [t.lower_ for t in doc[ent.end: ent.end + 2]]
        if any(w.startswith("spokes") for w in near):
            return True
    return False


def building_by_name(words: list[str]) -> bool:
    """A building by the words of its name, whatever the model says: "Villa Corena",
    "Galen Theatre", "Valdessa Congress Centre" ("Liberal Centre" is a party)."""
    if not on("BUILDING_BY_NAME") or len(words) < 2 or not words[-1][:1].isupper():
        return False
    first, last = words[0].lower(), words[-1].lower()
    return (first in BUILDING_FIRST_WORDS or last in BUILDING_LAST_WORDS
            or (last in ("centre", "center") and words[-2].lower() in VENUE_KINDS))


def kind_from_last_word(words: list[str]) -> str | None:
    """ "Upper Varna Dam" is a facility, "Varna River" a place, "Hallvik Declaration" a law."""
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    last = words[-1].lower()
    for label, vocabulary in (
        ("FAC", FAC_WORDS), ("LOC", LANDFORM_WORDS), ("LAW", LAW_WORDS), ("EVENT", EVENT_WORDS)
    ):
        if last in vocabulary:
            return label
    return None


def context_type(label: str, mentions: list[Span]) -> str:
    """The type a name gets in this article, starting from the model's majority label.

    Evidence is weighed from strong to weak: the kind word ending the name ("Dam"), an
    acronym, a given name or an age, an organisation's description, a role, and last the
    places a name stands in.
    """
    words = _words(mentions[0])
    by_word = kind_from_last_word(words)
    if building_by_name(words) and not _acts(mentions) and not _has_a_voice(mentions):
        by_word = "FAC"
    if on("EVENT_THAT_ACTS") and (by_word or label) == "EVENT" and _acts(mentions):
        return "ORG"  # "the Coastal States Forum has issued a statement": a body, not a meeting
    if by_word and label in ("ORG", "PERSON", "GPE", "FAC", "LOC", "LAW", "NORP", "EVENT"):
        return by_word
    if on("BODY_LAST_WORD") and label in ("ORG", "GPE", "LOC", "NORP") and len(words) >= 2 and (
        words[-1].lower() in ORG_LAST_WORDS
    ):
        return "ORG"  # "the Gavronan Medical Chamber", not a place
    if label in ("PERSON", "GPE", "LOC") and len(words) == 1 and words[0].isupper() and (
        len(words[0]) > 1
    ) and not (on("CAPITALS_OF_A_NAME") and _written_in_lower_case_too(mentions)):
        return "ORG"  # an acronym the gazetteer does not know is an organisation
    institutional = any(w.lower() in NON_PERSON_WORDS for w in words)
    if label == "PERSON" and institutional:
        return "ORG"
    if strong_person_evidence(mentions):
        return "PERSON"
    if label != "NORP" and org_evidence(mentions):
        return "ORG"
    if role_evidence(mentions):
        return "PERSON"
    if label in ("PERSON", "ORG", "GPE") and nationality_of_a_name(mentions):
        return "NORP"
    if on("NORP_THAT_ACTS") and label == "NORP" and len(words) == 1 and any(
        m.root.dep_ == "nsubj" and m.root.tag_ == "NNP" for m in mentions
    ):
        return "GPE"  # "Iskeli refused to sign": a people does not refuse, its state does
    if on("PARTY_BY_PLURAL") and label == "NORP" and len(words) == 1 and (
        words[0].lower() in PARTY_PLURALS
    ) and _acts(mentions):
        return "ORG"  # "the Greens have ruled out": the party
    if label in ("PERSON", "ORG", "NORP", "FAC") and not institutional:
        if label == "NORP" and _looks_like_demonym(words[-1]):
            return label
        if has_demonym(mentions):
            return "GPE"
        if building_evidence(mentions) or (label == "ORG" and facility_evidence(mentions)):
            return "FAC"
        if river_evidence(mentions):
            return "LOC"
        if place_evidence(mentions):
            return "GPE"
    if on("LOC_WITH_DEMONYM") and label == "LOC" and has_demonym(mentions):
        return "GPE"  # "Ivrenia" beside "Ivrenian farmers": a country, not a landform
    if label in ("GPE", "LOC") and building_evidence(mentions):
        return "FAC"
    if label == "GPE" and river_evidence(mentions):
        return "LOC"
    return label

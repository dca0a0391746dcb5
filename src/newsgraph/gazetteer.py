"""Small lexicons shipped with the package: places, institutions and titles.

They correct the small English model where it is known to be weak (capitals typed as PERSON,
institutions typed as PERSON, titles glued to names). They are general lists, not tuned to
any article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLACE_FILES = ("countries.txt", "cities.txt", "institutions.txt", "geography.txt")


@dataclass(frozen=True)
class GazetteerEntry:
    type: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TitleLexicon:
    titles: frozenset[str]
    roles: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]

    def is_title(self, word: str) -> bool:
        return word.lower() in self.titles

    def is_role_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.titles or w in self.roles


def _data_lines(filename: str) -> list[list[str]]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Every name and alias of the cities file: places where things happen, not parties."""
    return frozenset(
        form for row in _data_lines("cities.txt") for form in
        (row[1], *(a for a in (row[2].split("|") if len(row) > 2 else []) if a))
    )


@lru_cache(maxsize=1)
def entries() -> tuple[GazetteerEntry, ...]:
    out = []
    for filename in PLACE_FILES:
        for row in _data_lines(filename):
            aliases = tuple(a for a in (row[2].split("|") if len(row) > 2 else []) if a)
            out.append(GazetteerEntry(row[0], row[1], aliases))
    return tuple(out)


@lru_cache(maxsize=1)
def surface_index() -> dict[str, GazetteerEntry]:
    """Every name and alias → its entry (first one wins)."""
    index: dict[str, GazetteerEntry] = {}
    for entry in entries():
        for form in (entry.name, *entry.aliases):
            index.setdefault(form, entry)
    return index


@lru_cache(maxsize=1)
def titles() -> TitleLexicon:
    groups: dict[str, set[str]] = {"title": set(), "role": set(), "modifier": set(),
                                   "honorific": set()}
    for row in _data_lines("titles.txt"):
        if len(row) >= 2 and row[0] in groups:
            groups[row[0]].add(row[1].strip().lower())
    return TitleLexicon(
        titles=frozenset(groups["title"]),
        roles=frozenset(groups["role"]),
        modifiers=frozenset(groups["modifier"]),
        honorifics=frozenset(groups["honorific"]),
    )


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names: evidence that a name the model typed ORG belongs to a person."""
    return _words_of("given_names.txt")


def _words_of(filename: str) -> frozenset[str]:
    text = resources.files("newsgraph.data").joinpath(filename).read_text("utf-8")
    return frozenset(
        w for line in text.splitlines() if line.strip() and not line.startswith("#")
        for w in line.split()
    )


@lru_cache(maxsize=1)
def gendered_given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(women's, men's) given names: the cue that lets "she" find Elena Marsh."""
    return _words_of("given_names_female.txt"), _words_of("given_names_male.txt")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective → country name ("Dutch" → "Netherlands")."""
    return {row[0]: row[1] for row in _data_lines("demonyms.txt") if len(row) >= 2}


@lru_cache(maxsize=1)
def demonyms_of() -> dict[str, tuple[str, ...]]:
    """Country name → its nationality adjectives ("Netherlands" → ("Dutch",))."""
    out: dict[str, list[str]] = {}
    for adjective, country in demonyms().items():
        out.setdefault(country, []).append(adjective)
    return {country: tuple(adjectives) for country, adjectives in out.items()}


@lru_cache(maxsize=4096)
def coined_demonyms(name: str) -> frozenset[str]:
    """The nationality words a place's name may be turned into when the gazetteer does not
    know it: "Vastria" → "Vastrian", "Gavrona" → "Gavronan", "Qaresh" → "Qareshi"."""
    if len(name) < 4 or " " in name:
        return frozenset()
    stem = name[:-1] if name[-1] in "aeiouy" else name
    return frozenset({name + "n", name + "an", name + "ian", stem + "ian", stem + "an",
                      name + "ese", stem + "ese", name + "i", stem + "i", name + "ish",
                      stem + "ish"}) - {name}

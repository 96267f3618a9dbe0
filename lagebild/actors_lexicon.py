"""The compiled actor lexicon of one language: every alias as a pattern in Aho-Corasick automata.

Built from the language-neutral knowledge (`lagebild.knowledge`) and the language pack files
`roles.tsv` (role nouns and titles) and `demonyms.tsv` (adjectives and nouns of nationality).
`lagebild.actors.Gazetteer` builds one lexicon per language the first time it sees it.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

from lagebild.errors import DataError
from lagebild.knowledge import SECTORS, Entry, country_codes
from lagebild.lang import get_pack

#: case modes of a pattern
CASE_ANY, CASE_FIRST_UPPER, CASE_EXACT = 0, 1, 2
#: kinds of entries that name an actor by themselves
NAME_KINDS: frozenset[str] = frozenset({"country", "metonym", "org", "group", "institution"})

#: endings a German role noun takes ("Außenminister-in", "Soldat-en", "Beamte-r")
ROLE_SUFFIXES_DE = frozenset({"", "s", "n", "en", "e", "es", "er", "in", "innen", "r", "em", "nen"})
ROLE_SUFFIXES_EN = frozenset({"", "s", "es"})
#: endings of a German adjective ("russisch-e", "russisch-en", ...)
ADJ_SUFFIXES_DE = frozenset({"", "e", "en", "em", "er", "es"})
#: German genitive of names ("Russlands", "Bidens", "Moskaus")
NAME_SUFFIXES = {"de": frozenset({"", "s"}), "en": frozenset({""})}
NO_SUFFIX = frozenset({""})


class Pattern:
    """One alias of one meaning: what it names and how it may match."""

    __slots__ = (
        "kind",
        "alias",
        "case",
        "suffixes",
        "inner",
        "entries",
        "country",
        "sector",
        "role",
        "bare",
        "surname",
        "adjective",
    )

    def __init__(
        self,
        kind: str,
        alias: str,
        suffixes: frozenset[str] = NO_SUFFIX,
        entries: tuple[Entry, ...] = (),
        country: str | None = None,
        sector: str | None = None,
        role: str | None = None,
        inner: bool = False,
        bare: bool = True,
        surname: bool = False,
        adjective: bool = False,
    ) -> None:
        self.kind = kind
        self.alias = alias
        self.case = case_mode(alias)
        self.suffixes = suffixes
        self.inner = inner
        self.entries = entries
        self.country = country
        self.sector = sector
        self.role = role
        self.bare = bare
        self.surname = surname
        self.adjective = adjective

    def __repr__(self) -> str:
        return f"Pattern({self.kind}, {self.alias!r})"


def fold_case(text: str) -> str:
    """Lower case with the length kept: characters that grow when lowered ("İ") stay as they
    are, so that offsets into the folded text are offsets into the original."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def case_mode(alias: str) -> int:
    """How an alias matches: exactly ("US", "AfD"), with a capital first, or in any case."""
    letters = [c for c in alias if c.isalpha()]
    if letters and len(letters) <= 4 and any(c.isupper() for c in letters[1:]):
        return CASE_EXACT
    if alias[:1].isupper():
        return CASE_FIRST_UPPER
    return CASE_ANY


def apostrophe_variants(alias: str) -> tuple[str, ...]:
    """The alias with straight and typographic apostrophes, so either spelling matches."""
    if "'" in alias:
        return (alias, alias.replace("'", "\u2019"))
    if "\u2019" in alias:
        return (alias, alias.replace("\u2019", "'"))
    return (alias,)


def german_noun_forms(base: str) -> list[str]:
    """Inflected forms of a German demonym noun: Russe -> Russen, Russin, Russinnen."""
    if base.endswith("e"):
        stem = base[:-1]
        return [base, base + "n", stem + "in", stem + "innen"]
    if base.endswith("er"):
        return [base, base + "n", base + "s", base + "in", base + "innen"]
    if base.endswith("i"):
        return [base, base + "s"]
    return [base]


def load_role_rows(lang: str) -> list[tuple[int, str, str | None, str, set[str]]]:
    """Rows of lang/<lang>/roles.tsv: (line, noun, sector or None, role key, flags)."""
    pack = get_pack(lang)
    rows = []
    for no, (noun, sector, role, flags) in pack.tsv("roles.tsv", 4):
        where = str(pack.path("roles.tsv"))
        if not noun:
            raise DataError("empty role noun", where, no)
        if sector != "-" and sector not in SECTORS:
            raise DataError(
                f"unknown sector {sector!r} (use one of the sector codes or -)", where, no
            )
        flag_set = {f.strip() for f in flags.split(",") if f.strip()}
        unknown = flag_set - {"title", "inner", "nobare", "adj"}
        if unknown:
            raise DataError(
                f"unknown flag(s) {sorted(unknown)} (title, inner, nobare, adj)", where, no
            )
        rows.append((no, noun, None if sector == "-" else sector, role, flag_set))
    return rows


def load_demonym_rows(lang: str) -> list[tuple[int, str, list[str], list[str]]]:
    """Rows of lang/<lang>/demonyms.tsv: (line, iso3, adjectives, nouns)."""
    pack = get_pack(lang)
    rows = []
    for no, (iso3, adjectives, nouns) in pack.tsv("demonyms.tsv", 3):
        if iso3 not in country_codes():
            raise DataError(
                f"unknown ISO 3166-1 alpha-3 code {iso3!r}", str(pack.path("demonyms.tsv")), no
            )
        split = [[w.strip() for w in col.split(",") if w.strip()] for col in (adjectives, nouns)]
        rows.append((no, iso3, split[0], split[1]))
    return rows


def role_patterns(lang: str) -> list[Pattern]:
    """Patterns of the role nouns and titles of a language."""
    out = []
    suffixes = ROLE_SUFFIXES_DE if lang == "de" else ROLE_SUFFIXES_EN
    for _no, noun, sector, role, flags in load_role_rows(lang):
        kind = "title" if "title" in flags else "role"
        out.append(
            Pattern(
                kind,
                noun,
                suffixes if kind == "role" else NO_SUFFIX,
                sector=sector,
                role=role or None,
                inner="inner" in flags,
                bare="nobare" not in flags,
                adjective="adj" in flags,
            )
        )
    return out


def demonym_patterns(lang: str) -> list[Pattern]:
    """Patterns of the demonym adjectives and nouns of a language."""
    out = []
    adj_suffixes = ADJ_SUFFIXES_DE if lang == "de" else NO_SUFFIX
    for _no, iso3, adjectives, nouns in load_demonym_rows(lang):
        for adj in adjectives:
            out.append(Pattern("demonym_adj", adj, adj_suffixes, country=iso3))
        for noun in nouns:
            forms = german_noun_forms(noun) if lang == "de" else [noun]
            for form in forms:
                out.append(Pattern("demonym_noun", form, country=iso3))
    return out


def german_phrase_variants(alias: str) -> list[str]:
    """Oblique forms of a German name with adjectives: "Vereinigte Arabische Emirate" ->
    "Vereinigten Arabischen Emirate(n)", "Zentralafrikanische Republik" -> "...nischen Republik"."""
    words = alias.split()
    if len(words) < 2 or not any(w.endswith(("e", "es")) for w in words[:-1]):
        return []
    head = [
        w[:-1] + "n" if w.endswith("es") else w + "n" if w.endswith("e") else w for w in words[:-1]
    ]
    out = [" ".join([*head, words[-1]])]
    if words[-1].endswith("e"):
        out.append(" ".join([*head, words[-1] + "n"]))
    return [v for v in out if v != alias]


def entry_patterns(entries: Iterable[Entry], lang: str) -> list[Pattern]:
    """Patterns of knowledge entries (names, aliases and surnames of people)."""
    out = []
    suffixes = NAME_SUFFIXES.get(lang, NO_SUFFIX)
    for entry in entries:
        aliases = list(entry.aliases_for(lang))
        if lang == "de" and entry.kind in NAME_KINDS:
            known = set(aliases)
            aliases += [
                v for a in list(aliases) for v in german_phrase_variants(a) if v not in known
            ]
        for alias in aliases:
            out.append(Pattern(entry.kind, alias, suffixes, entries=(entry,)))
        for surname in entry.surnames:
            out.append(Pattern(entry.kind, surname, suffixes, entries=(entry,), surname=True))
    return out


class Lexicon:
    """All patterns of one language, compiled into automata for fast matching."""

    def __init__(self, lang: str, entries: Iterable[Entry]) -> None:
        self.lang = lang
        # user entries come last in `entries`; put them first so that they win conflicts
        patterns = entry_patterns(reversed(list(entries)), lang)
        patterns += role_patterns(lang) + demonym_patterns(lang)
        by_key_ci: dict[str, list[Pattern]] = {}
        by_key_cs: dict[str, list[Pattern]] = {}
        #: single words that may open a German compound ("Kreml" in "Kremlsprecher")
        self.modifiers: dict[str, Pattern] = {}
        for pattern in patterns:
            for alias in apostrophe_variants(pattern.alias):
                if pattern.case == CASE_EXACT:
                    _add(by_key_cs, alias, pattern)
                else:
                    _add(by_key_ci, fold_case(alias), pattern)
            if (pattern.kind in NAME_KINDS or pattern.kind == "role") and " " not in pattern.alias:
                self.modifiers.setdefault(pattern.alias.lower(), pattern)
        self.case_insensitive = _automaton(by_key_ci)
        self.case_sensitive = _automaton(by_key_cs)
        self.size = sum(len(v) for v in by_key_ci.values()) + sum(
            len(v) for v in by_key_cs.values()
        )


def _add(index: dict[str, list[Pattern]], key: str, pattern: Pattern) -> None:
    bucket = index.setdefault(key, [])
    if pattern not in bucket:
        bucket.append(pattern)


def _automaton(index: dict[str, list[Pattern]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, patterns in index.items():
        automaton.add_word(key, (len(key), tuple(patterns)))
    if len(automaton):
        automaton.make_automaton()
    return automaton

"""The number words, units and cues of `magnitudes.yaml`, compiled for `lagebild.magnitudes`.

`magnitude_lexicon(lang)` loads a language pack's file once per process and builds the
patterns that find counts ("mehr als 100.000", "zweihundertfünfzig", "tens of thousands");
`words_value` and `digits_value` read their values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.errors import DataError
from lagebild.lang import get_pack

KINDS: tuple[str, ...] = ("size", "dead", "injured")
#: unit nouns also come as "victims": counted only when a cue says killed or injured
UNIT_KINDS: tuple[str, ...] = (*KINDS, "victims")
#: a count does not continue a word, a code ("F-16", "G7"), a number or an amount ("$50")
_NOT_AFTER = r"(?<![\w\-.,/$€£])"


@dataclass(frozen=True, slots=True)
class MagnitudeLexicon:
    """The compiled magnitude words of one language."""

    #: finds every count in lowercased text
    candidates: re.Pattern[str]
    #: finds (fast) the words a count can start with, in lowercased text
    starters: re.Pattern[str]
    atoms: re.Pattern[str]
    numbers: dict[str, float]
    scales: dict[str, int]
    vague: dict[str, int]
    multipliers: dict[str, int]
    joiners: frozenset[str]
    compound: bool
    units: dict[str, str]
    #: nouns of nationality ("Ukrainer", "Georgians"), matched as written: counted as size
    demonym_nouns: frozenset[str]
    unit_suffixes: tuple[tuple[str, str], ...]
    cues: re.Pattern[str]
    blockers: frozenset[str]
    stopwords: frozenset[str]
    partitives: frozenset[str]
    year_words: frozenset[str]
    months: frozenset[str]
    size_suffixes: tuple[str, ...]
    ordinal_dot: bool
    thousands_separators: str
    decimal_separator: str


def normalize_phrase(phrase: object) -> str:
    """Lowercase with single spaces: the form words and phrases are compared in."""
    return " ".join(str(phrase).lower().split())


def _alt(words: object) -> str:
    """A regex matching any of the words or phrases (lowercase), longest first.

    The words are factored into a trie ("ein(?:undzwanzig|halb)") so that a failed match
    costs one comparison per character, not one per word; whitespace inside a phrase
    matches any whitespace."""
    trie: dict[str, dict] = {}
    for word in {normalize_phrase(w) for w in words}:  # type: ignore[attr-defined]
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items(), key=lambda item: item[0])
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a longer word is tried first: the optional group is greedy
    return f"(?:{body})?" if ends else body


def _mapping(data: dict[str, object], key: str, path: str) -> dict[str, float]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise DataError(f"'{key}' must be a mapping of word to number", path)
    try:
        return {normalize_phrase(k): float(v) for k, v in value.items()}
    except (TypeError, ValueError) as exc:
        raise DataError(f"'{key}' must map words to numbers ({exc})", path) from exc


def _words(data: dict[str, object], key: str, path: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise DataError(f"'{key}' must be a list of words", path)
    return [normalize_phrase(v) for v in value]


@cache
def magnitude_lexicon(lang: str) -> MagnitudeLexicon:
    """Load and compile `magnitudes.yaml` of a language pack (once per process)."""
    pack = get_pack(lang)
    path = str(pack.path("magnitudes.yaml"))
    if not pack.has("magnitudes.yaml"):
        raise DataError("missing magnitude words; add the file to the language pack", path)
    data = pack.yaml("magnitudes.yaml")
    if not isinstance(data, dict):
        raise DataError("expected a mapping of sections (numbers, scales, units, ...)", path)
    numbers = _mapping(data, "numbers", path)
    compound_only = _mapping(data, "compound_only", path)
    scales = {k: int(v) for k, v in _mapping(data, "scales", path).items()}
    vague = {k: int(v) for k, v in _mapping(data, "vague", path).items()}
    multipliers = {k: int(v) for k, v in _mapping(data, "multipliers", path).items()}
    units_data = data.get("units") or {}
    cues_data = data.get("cues") or {}
    if not isinstance(units_data, dict) or not isinstance(cues_data, dict):
        raise DataError("'units' and 'cues' must map a kind to a list of words", path)
    for section, kinds, known in (("units", units_data, UNIT_KINDS), ("cues", cues_data, KINDS)):
        unknown = set(kinds) - set(known)
        if unknown:
            raise DataError(
                f"unknown kind(s) in '{section}': {', '.join(sorted(unknown))} "
                f"(expected {', '.join(known)})",
                path,
            )
    units = {normalize_phrase(w): kind for kind, ws in units_data.items() for w in ws}
    compound = bool(data.get("compound_number_words"))
    inner_joiner = normalize_phrase(data.get("inner_joiner") or "")
    word_joiners = _words(data, "word_joiners", path)
    seps = "".join(str(s) for s in data.get("thousands_separators") or [])
    decimal = str(data.get("decimal_separator") or ".")
    cue_groups = "|".join(f"(?P<{kind}>{_alt(ws)})" for kind, ws in cues_data.items())
    candidates = _candidate_pattern(
        numbers=[*numbers, *scales],
        compound_only=list(compound_only),
        scales=list(scales),
        vague=list(vague),
        multipliers=list(multipliers),
        compound=compound,
        inner_joiner=inner_joiner,
        word_joiners=word_joiners,
        articles=_words(data, "articles", path),
        approx=_words(data, "approx_before", path),
        ranges=_words(data, "range_words", path),
        seps=seps,
        decimal=decimal,
    )
    atom_words = [*numbers, *compound_only, *scales, *([inner_joiner] if inner_joiner else [])]
    first_words = [
        *numbers,
        *compound_only,
        *scales,
        *vague,
        *multipliers,
        *_words(data, "articles", path),
        *_words(data, "approx_before", path),
    ]
    return MagnitudeLexicon(
        candidates=candidates,
        starters=_starter_pattern(first_words, [*numbers, *compound_only] if compound else []),
        atoms=re.compile(_alt(atom_words)),
        numbers={**numbers, **compound_only},
        scales=scales,
        vague=vague,
        multipliers=multipliers,
        joiners=frozenset([*word_joiners, *([inner_joiner] if inner_joiner else [])]),
        compound=compound,
        units=units,
        demonym_nouns=_demonym_nouns(lang),
        unit_suffixes=tuple((w, k) for w, k in units.items() if compound and len(w) >= 5),
        cues=re.compile(rf"(?<!\w)(?:{cue_groups or '(?!)'})(?!\w)"),
        blockers=frozenset(_words(data, "blockers", path)),
        stopwords=frozenset(_words(data, "stopwords", path)),
        partitives=frozenset(_words(data, "partitives", path)),
        year_words=frozenset(_words(data, "year_words", path)),
        months=frozenset(_words(data, "months", path)),
        size_suffixes=tuple(_words(data, "size_suffixes", path)),
        ordinal_dot=bool(data.get("ordinal_dot")),
        thousands_separators=seps,
        decimal_separator=decimal,
    )


def _candidate_pattern(
    *,
    numbers: list[str],
    compound_only: list[str],
    scales: list[str],
    vague: list[str],
    multipliers: list[str],
    compound: bool,
    inner_joiner: str,
    word_joiners: list[str],
    articles: list[str],
    approx: list[str],
    ranges: list[str],
    seps: str,
    decimal: str,
) -> re.Pattern[str]:
    """One regex that finds every count: digits, number words, vague words, with "about"."""
    atom, only, scale = _alt(numbers), _alt(compound_only), _alt(scales)
    if compound:
        part = f"{atom}|{only}" + (f"|{re.escape(inner_joiner)}" if inner_joiner else "")
        word = rf"(?:(?:{atom})(?:{part})*|(?:{only})(?:{part})+)(?!\w)"
    else:
        word = rf"(?:{atom})(?!\w)"
    joiner = rf"(?:\s+(?:{_alt(word_joiners)})\s+|\s+|-)" if word_joiners else r"(?:\s+|-)"
    seq = rf"{word}(?:{joiner}{word})*"
    sep_class = "[" + re.escape(seps) + "]" if seps else "(?!)"
    dec = re.escape(decimal)
    digits = rf"(?:\d{{1,3}}(?:{sep_class}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?)(?![\w]|[.,]\d)"
    range_join = rf"(?:\s*[-–]\s*|\s+(?:{_alt(ranges)})\s+)"
    pattern = (
        rf"{_NOT_AFTER}(?:(?P<approx>{_alt(approx)})\s+)?(?:"
        rf"(?P<mult>{_alt(multipliers)})\s+(?P<mseq>{seq})"
        rf"|(?P<vague>{_alt(vague)})(?!\w)"
        rf"|(?P<d1>{digits})(?:{range_join}(?P<d2>{digits}))?(?:\s+(?P<dscale>{scale})(?!\w))?"
        rf"|(?:(?P<art>{_alt(articles)})\s+(?=(?:{scale})(?!\w)))?(?P<seq>{seq}))"
    )
    return re.compile(pattern)


def _demonym_nouns(lang: str) -> frozenset[str]:
    """The nouns of nationality of the pack's demonyms.tsv (all inflected forms in German)."""
    from lagebild.actors_lexicon import german_noun_forms, load_demonym_rows

    if not get_pack(lang).has("demonyms.tsv"):
        return frozenset()
    nouns = {noun for _no, _iso3, _adjectives, ns in load_demonym_rows(lang) for noun in ns}
    if lang == "de":
        nouns = {form for noun in nouns for form in german_noun_forms(noun)}
    return frozenset(nouns)


def _starter_pattern(first_words: list[str], compound_parts: list[str]) -> re.Pattern[str]:
    """A fast pattern for the words a count can start with (first words of the phrases, and
    the first three letters of number words that start compounds)."""
    whole = _alt(re.split(r"\W", w)[0] for w in first_words)
    starts = f"|{_alt(w[:3] for w in compound_parts)}" if compound_parts else ""
    return re.compile(rf"{_NOT_AFTER}(?:\d|(?:{whole})(?!\w){starts})")


def digits_value(text: str, lex: MagnitudeLexicon) -> float:
    """The value of digits written the language's way ("1,5" in German, "1.5" in English)."""
    for sep in lex.thousands_separators:
        text = text.replace(sep, "")
    return float(text.replace(lex.decimal_separator, "."))


def words_value(text: str, lex: MagnitudeLexicon) -> tuple[float, int] | None:
    """Value of number words ("zweihundertfünfzig", "two hundred and fifty") and the length
    of the text that was read (a joiner not after a scale word ends the count)."""
    total = current = 0.0
    read = 0
    previous = ""
    for m in re.finditer(r"[^\s\-]+", text):
        word = m.group().lower()
        if word in lex.joiners and not lex.compound:
            if previous not in lex.scales:
                break
            previous = word
            continue
        parts = lex.atoms.findall(word) if lex.compound else [word]
        if "".join(parts) != word:
            return None
        for part in parts:
            if part in lex.joiners:
                continue
            if part in lex.scales:
                scale = lex.scales[part]
                if scale < 1000:
                    current = (current or 1) * scale
                else:
                    total += (current or 1) * scale
                    current = 0
            elif part in lex.numbers:
                current += lex.numbers[part]
            else:
                return None
        previous = parts[-1]
        read = m.end()
    return (total + current, read) if read else None

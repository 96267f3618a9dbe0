"""Counts of people in a sentence: troop and crowd sizes, the dead and the injured.

`find_magnitudes("Mindestens elf Menschen kamen ums Leben.", "de")` gives one Magnitude
(kind "dead", value 11, approx True). A count only becomes a magnitude when it is tied to
people: a noun that names them ("100.000 Soldaten", "dozens of civilians", "30 Verletzte"),
a "-strong" force, or a word of killing or wounding next to it ("killed 12", "wounded at
least 30"). Years, dates, money, percentages and other bare numbers ("G7", "Artikel 5") give
nothing. Number words, units and cues are data in `lagebild/lang/<code>/magnitudes.yaml`.
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
#: event types a magnitude of each kind is attached to
EVENT_TYPES_BY_KIND: dict[str, frozenset[str]] = {
    "size": frozenset({"MOBILIZE", "PROTEST", "AID", "COERCE"}),
    "dead": frozenset({"ASSAULT", "COERCE"}),
    "injured": frozenset({"ASSAULT", "COERCE"}),
}
#: words between a count and its noun ("100.000 russische Soldaten")
MAX_WORDS_BETWEEN = 3
#: words after a count (or its noun) searched for a cue ("elf Menschen kamen bei ... ums Leben")
AFTER_WINDOW = 6
#: words before a count searched for a cue ("Die Zahl der Toten stieg auf 50")
BEFORE_WINDOW = 6
#: how far a cue before a count may be ("killed on Monday 20 civilians")
MAX_CUE_GAP = 2

_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’]|[-.](?=\w))*|\d(?:[\d.,]*\d)?|\S")
#: a count does not continue a word, a code ("F-16", "G7"), a number or an amount ("$50")
_NOT_AFTER = r"(?<![\w\-.,/$€£])"
_PUNCT_STOPS = frozenset(',;:()[]{}!?"„“”»«‚‘’–—/')


@dataclass(frozen=True, slots=True)
class Magnitude:
    """A count of people; offsets are into the sentence text."""

    start: int
    end: int
    #: "size" (troops, protesters, detainees), "dead" or "injured"
    kind: str
    value: int
    #: "mehr als", "rund", "Tausende", "dozens", "more than", "at least", ranges
    approx: bool


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


def _norm(phrase: object) -> str:
    return " ".join(str(phrase).lower().split())


def _alt(words: object) -> str:
    """A regex matching any of the words or phrases (lowercase), longest first.

    The words are factored into a trie ("ein(?:undzwanzig|halb)") so that a failed match
    costs one comparison per character, not one per word; whitespace inside a phrase
    matches any whitespace."""
    trie: dict[str, dict] = {}
    for word in {_norm(w) for w in words}:  # type: ignore[attr-defined]
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
        return {_norm(k): float(v) for k, v in value.items()}
    except (TypeError, ValueError) as exc:
        raise DataError(f"'{key}' must map words to numbers ({exc})", path) from exc


def _words(data: dict[str, object], key: str, path: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise DataError(f"'{key}' must be a list of words", path)
    return [_norm(v) for v in value]


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
    units = {_norm(w): kind for kind, ws in units_data.items() for w in ws}
    compound = bool(data.get("compound_number_words"))
    inner_joiner = _norm(data.get("inner_joiner") or "")
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


def _starter_pattern(first_words: list[str], compound_parts: list[str]) -> re.Pattern[str]:
    """A fast pattern for the words a count can start with (first words of the phrases, and
    the first three letters of number words that start compounds)."""
    whole = _alt(re.split(r"\W", w)[0] for w in first_words)
    starts = f"|{_alt(w[:3] for w in compound_parts)}" if compound_parts else ""
    return re.compile(rf"{_NOT_AFTER}(?:\d|(?:{whole})(?!\w){starts})")


def _digits_value(text: str, lex: MagnitudeLexicon) -> float:
    for sep in lex.thousands_separators:
        text = text.replace(sep, "")
    return float(text.replace(lex.decimal_separator, "."))


def _words_value(text: str, lex: MagnitudeLexicon) -> tuple[float, int] | None:
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


@dataclass(slots=True)
class _Count:
    start: int
    end: int
    value: float
    approx: bool
    partitive_ok: bool
    year_like: bool


def _read_count(m: re.Match[str], lex: MagnitudeLexicon) -> _Count | None:
    """The value of a candidate match, or None when it is no number after all."""
    approx = m.group("approx") is not None
    start, end = m.start(), m.end()
    year_like = False
    partitive_ok = False
    if m.group("mult"):
        read = _words_value(m.group("mseq"), lex)
        if read is None:
            return None
        value = lex.multipliers[_norm(m.group("mult"))] * read[0]
        end = m.start("mseq") + read[1]
        approx = partitive_ok = True
    elif m.group("vague"):
        value = lex.vague[_norm(m.group("vague"))]
        approx = partitive_ok = True
    elif m.group("d1"):
        value = _digits_value(m.group("d1"), lex)
        if m.group("d2"):
            approx = True
        if m.group("dscale"):
            value *= lex.scales[_norm(m.group("dscale"))]
        d1 = m.group("d1")
        year_like = (
            len(d1) == 4
            and d1.isdigit()
            and 1800 <= value <= 2099
            and not (approx or m.group("dscale"))
        )
    else:
        read = _words_value(m.group("seq"), lex)
        if read is None:
            return None
        value, end = read[0], m.start("seq") + read[1]
    if value < 1:
        return None
    return _Count(start, end, value, approx, partitive_ok, year_like)


def _tokens(text: str, start: int, stop: int) -> list[re.Match[str]]:
    return list(_TOKEN_RE.finditer(text, start, stop))


def _clause_after(text: str, start: int, stop: int, limit: int) -> list[re.Match[str]]:
    """Up to `limit` tokens after `start`, ending at punctuation that closes a clause."""
    out = []
    for tok in _TOKEN_RE.finditer(text, start, stop):
        if tok.group() in _PUNCT_STOPS:
            break
        out.append(tok)
        if len(out) >= limit:
            break
    return out


def _clause_before(text: str, start: int, stop: int, limit: int) -> list[re.Match[str]]:
    """Up to `limit` tokens before `stop`, starting after punctuation that closes a clause."""
    toks = _tokens(text, start, stop)
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].group() in _PUNCT_STOPS:
            toks = toks[i + 1 :]
            break
    return toks[-limit:]


def _unit_at(toks: list[re.Match[str]], i: int, lex: MagnitudeLexicon) -> tuple[str, int] | None:
    """The kind of the unit noun starting at token i and the index of its last token."""
    if i + 1 < len(toks):
        pair = f"{toks[i].group()} {toks[i + 1].group()}".lower()
        if pair in lex.units:
            return lex.units[pair], i + 1
    word = toks[i].group().lower()
    if word in lex.units:
        return lex.units[word], i
    for suffix, kind in lex.unit_suffixes:
        if word.endswith(suffix):
            return kind, i
    return None


def _may_stand_between(word: str, lex: MagnitudeLexicon) -> bool:
    """Whether a word can sit between a count and its noun (an adjective, a nationality)."""
    lower = word.lower()
    if not word[0].isalpha() or lower in lex.stopwords or lower in lex.blockers:
        return False
    if lex.compound:  # German: nouns are capitalised, adjectives are not ("russische")
        return word.split("-")[-1][:1].islower()
    return True


def _find_unit(
    toks: list[re.Match[str]], count: _Count, lex: MagnitudeLexicon
) -> tuple[str, int] | None:
    """The unit noun after a count: its kind and end offset, skipping adjectives."""
    for i, tok in enumerate(toks[: MAX_WORDS_BETWEEN + 1]):
        unit = _unit_at(toks, i, lex)
        if unit is not None:
            return unit[0], toks[unit[1]].end()
        word = tok.group()
        if i == 0 and count.partitive_ok and word.lower() in lex.partitives:
            continue
        if not _may_stand_between(word, lex):
            return None
    return None


def _cue_after(toks: list[re.Match[str]], lex: MagnitudeLexicon) -> tuple[str, int] | None:
    """The first cue in the words after a count: its kind and word distance."""
    words = " ".join(t.group().lower() for t in toks)
    m = lex.cues.search(words)
    if m is None or m.lastgroup is None:
        return None
    return m.lastgroup, words.count(" ", 0, m.start())


def _cue_before(toks: list[re.Match[str]], lex: MagnitudeLexicon) -> tuple[str, int] | None:
    """The nearest dead/injured cue in the words before a count: its kind and word gap."""
    words = [t.group().lower() for t in toks]
    while words and words[-1] in lex.partitives:
        words.pop()
    joined = " ".join(words)
    best: tuple[str, int] | None = None
    pos = 0
    while (m := lex.cues.search(joined, pos)) is not None:
        kind = m.lastgroup
        if kind in ("dead", "injured"):
            gap = joined.count(" ", m.end())
            if best is None or gap <= best[1]:
                best = (kind, gap)
        pos = m.start() + 1
    return best


def _classify(
    text: str, count: _Count, prev_end: int, next_start: int, lex: MagnitudeLexicon
) -> Magnitude | None:
    """Decide whether a count is a magnitude of people and of which kind."""
    after = _tokens(text, count.end, min(next_start, count.end + 200))
    first = after[0].group().lower() if after else ""
    if (
        count.end < len(text)
        and text[count.end] == "."
        and lex.ordinal_dot
        and after
        and first == "."
        and len(after) > 1
    ):
        return None  # "am 3. März", "die 1. Armee": an ordinal
    before = _clause_before(text, max(prev_end, count.start - 120), count.start, BEFORE_WINDOW)
    previous = before[-1].group().lower() if before else ""
    if previous in lex.months or first in lex.months:
        return None  # "March 3", "3 March": a date
    if count.year_like and previous in lex.year_words:
        return None  # "seit 2014", "in 2014"
    end = count.end
    kind: str | None = None
    tail = text[end : end + 20].lower()
    suffix = next((s for s in lex.size_suffixes if tail.startswith(s)), None)
    if suffix:
        kind, end = "size", end + len(suffix)
    else:
        unit = _find_unit(after, count, lex)
        if unit is not None:
            kind, end = unit
    if kind is None and (count.year_like or first in lex.blockers):
        return None
    if kind in (None, "size", "victims"):
        cue = _person_cue(text, end, next_start, before, lex, bare=kind is None)
        kind = cue or kind
    if kind is None or kind == "victims" or (kind == "size" and count.value < 2):
        return None
    return Magnitude(count.start, end, kind, int(round(count.value)), count.approx)


def _person_cue(
    text: str,
    end: int,
    next_start: int,
    before: list[re.Match[str]],
    lex: MagnitudeLexicon,
    *,
    bare: bool,
) -> str | None:
    """Whether the words around a count say its people died, were hurt or (bare) protested."""
    cue_before = _cue_before(before, lex)
    if cue_before is not None and cue_before[1] == 0:
        return cue_before[0]  # "tötete 20 Zivilisten", "wounded at least 30"
    window = AFTER_WINDOW if not bare else 4
    cue_after = _cue_after(_clause_after(text, end, next_start, window), lex)
    if cue_after is not None and (cue_after[0] != "size" or bare):
        return cue_after[0]  # "elf Menschen kamen ums Leben", "30 were wounded"
    if cue_before is not None and cue_before[1] <= MAX_CUE_GAP:
        return cue_before[0]  # "the death toll rose to 50"
    return None


def _lowercase(text: str) -> str:
    """Lowercase with the offsets kept (a few characters grow when lowercased: keep them)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _candidate_matches(text: str, lex: MagnitudeLexicon) -> list[re.Match[str]]:
    """The counts in a text. The big pattern is tried only where a count can start, which
    keeps a sentence without numbers to one fast scan."""
    lower = _lowercase(text)
    found: list[re.Match[str]] = []
    pos = 0
    while (start := lex.starters.search(lower, pos)) is not None:
        m = lex.candidates.match(lower, start.start())
        if m is not None:
            found.append(m)
            pos = m.end()
        else:
            pos = start.end()
    return found


def find_magnitudes(sentence_text: str, lang: str) -> list[Magnitude]:
    """Every count of people in a sentence (size, dead, injured), in text order."""
    lex = magnitude_lexicon(lang)
    found = _candidate_matches(sentence_text, lex)
    out: list[Magnitude] = []
    for i, m in enumerate(found):
        count = _read_count(m, lex)
        if count is None:
            continue
        prev_end = max(found[i - 1].end() if i else 0, out[-1].end if out else 0)
        next_start = found[i + 1].start() if i + 1 < len(found) else len(sentence_text)
        magnitude = _classify(sentence_text, count, prev_end, next_start, lex)
        if magnitude is not None:
            out.append(magnitude)
    return out


def attach_magnitudes(
    event_type: str, magnitudes: list[Magnitude], trigger_start: int | None = None
) -> dict[str, int]:
    """The optional `size`/`dead`/`injured` fields of one event of the sentence's magnitudes:
    per kind that fits the event type, the magnitude nearest the trigger (offsets into the
    same sentence text), or the first one when no trigger offset is given."""
    fields: dict[str, int] = {}
    for kind in KINDS:
        if event_type not in EVENT_TYPES_BY_KIND[kind]:
            continue
        of_kind = [m for m in magnitudes if m.kind == kind]
        if not of_kind:
            continue
        if trigger_start is not None:
            of_kind.sort(
                key=lambda m: min(abs(m.start - trigger_start), abs(m.end - trigger_start))
            )
        fields[kind] = of_kind[0].value
    return fields

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

from lagebild.magnitude_words import (
    KINDS,
    MagnitudeLexicon,
    digits_value,
    magnitude_lexicon,
    normalize_phrase,
    words_value,
)
from lagebild.schema import Event, Sentence

__all__ = [
    "KINDS",
    "Magnitude",
    "attach_event_magnitudes",
    "attach_magnitudes",
    "find_magnitudes",
    "magnitude_lexicon",
]
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
        read = words_value(m.group("mseq"), lex)
        if read is None:
            return None
        value = lex.multipliers[normalize_phrase(m.group("mult"))] * read[0]
        end = m.start("mseq") + read[1]
        approx = partitive_ok = True
    elif m.group("vague"):
        value = lex.vague[normalize_phrase(m.group("vague"))]
        approx = partitive_ok = True
    elif m.group("d1"):
        value = digits_value(m.group("d1"), lex)
        if m.group("d2"):
            approx = True
        if m.group("dscale"):
            value *= lex.scales[normalize_phrase(m.group("dscale"))]
        d1 = m.group("d1")
        year_like = (
            len(d1) == 4
            and d1.isdigit()
            and 1800 <= value <= 2099
            and not (approx or m.group("dscale"))
        )
    else:
        read = words_value(m.group("seq"), lex)
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
    if toks[i].group() in lex.demonym_nouns:
        return "size", i
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
    elif tail[:1] == "-" and tail[1:2].isalpha():
        return None  # "a 22-year-old", "der 3-Tage-Plan": part of a compound
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


#: types that carry magnitudes (size, dead, injured)
MAGNITUDE_TYPES = frozenset({"MOBILIZE", "PROTEST", "AID", "COERCE", "ASSAULT"})


def attach_event_magnitudes(events: list[Event], sent: Sentence, lang: str) -> None:
    """PLOVER magnitudes: how many troops or protesters (size), dead and injured."""
    if not any(e.type in MAGNITUDE_TYPES for e in events):
        return
    mags = find_magnitudes(sent.text, lang)
    if not mags:
        return
    for e in events:
        if e.type in MAGNITUDE_TYPES:
            for name, value in attach_magnitudes(e.type, mags, e.char_start - sent.start).items():
                setattr(e, name, value)

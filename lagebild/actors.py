"""Actor mentions: find who is named in a text and resolve them, as of a date, to actor codes.

    from lagebild.actors import load_gazetteer
    gaz = load_gazetteer()                      # cached; compiles once per process
    mentions = gaz.find(text, "de", date(2022, 1, 22))

`find` returns `lagebild.schema.Mention` objects sorted by start, non-overlapping, with
offsets into `text`. It matches every alias with Aho-Corasick automata, checks word
boundaries (German inflection endings and compound heads included), then joins neighbours
into phrases: "der russische Außenminister" (RUSGOV), "US-Präsident Joe Biden" (USAGOV,
name "Joe Biden"), "Herr Kishida". A demonym or a name prefix before a noun that names no
actor is returned alone with `attributive=True` ("russische Invasion", "NATO-Grenzen").
People resolve through their dated roles; a bare role noun ("der Außenminister") takes the
person last named in the text with that role. Phrases are built in `lagebild.actors_phrases`
(names the knowledge lacks: `lagebild.actors_names`); the data schema is documented in
`lagebild.knowledge`.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from lagebild.actors_lexicon import CASE_FIRST_UPPER, Lexicon, Pattern, fold_case
from lagebild.actors_phrases import Hit, PhraseAssembler
from lagebild.knowledge import Entry, builtin_entries, load_entries_file, merge_entries
from lagebild.lang import get_pack
from lagebild.schema import Mention

#: which pattern wins when several match the same span
_KIND_RANK = {
    "person": 0,
    "institution": 1,
    "org": 2,
    "group": 3,
    "metonym": 4,
    "country": 5,
    "role": 6,
    "demonym_adj": 7,
    "demonym_noun": 8,
    "title": 9,
}


class Gazetteer:
    """Every actor alias of every language, matched in one pass over a text."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._lexicons: dict[str, Lexicon] = {}

    def lexicon(self, lang: str) -> Lexicon:
        """The compiled lexicon of `lang` (built on first use; raises for an unknown language)."""
        lex = self._lexicons.get(lang)
        if lex is None:
            get_pack(lang)
            lex = self._lexicons[lang] = Lexicon(lang, self.entries)
        return lex

    def find(self, text: str, lang: str, when: date | None = None) -> list[Mention]:
        """Actor mentions in `text`, sorted by start and non-overlapping, resolved as of `when`."""
        lex = self.lexicon(lang)
        low = fold_case(text).replace("\u00a0", " ")
        hits = self._select(self._scan(lex, text, low), lex, low)
        return PhraseAssembler(text, lang, when).run(hits)

    def _scan(self, lex: Lexicon, text: str, low: str) -> list[Hit]:
        found: list[Hit] = []
        for automaton, haystack in ((lex.case_insensitive, low), (lex.case_sensitive, text)):
            if not len(automaton):
                continue
            for last, (length, patterns) in automaton.iter(haystack):
                self._check(text, low, last + 1 - length, last + 1, patterns, lex.lang, found)
        return found

    @staticmethod
    def _check(
        text: str,
        low: str,
        start: int,
        end: int,
        patterns: tuple[Pattern, ...],
        lang: str,
        found: list[Hit],
    ) -> None:
        n = len(text)
        stop = end
        while stop < n and text[stop].isalnum():
            stop += 1
        tail = low[end:stop]
        left_ok = start == 0 or not text[start - 1].isalnum()
        if low[max(0, start - 5) : start].endswith(_STANCE_PREFIXES):
            return  # "anti-government protesters", "pro-Russian separatists": a stance, no actor
        word_start = start
        if not left_ok:
            while word_start > 0 and text[word_start - 1].isalnum():
                word_start -= 1
        for pattern in patterns:
            if tail not in pattern.suffixes:
                continue
            if left_ok:
                if pattern.case == CASE_FIRST_UPPER and not text[start].isupper():
                    continue
                found.append(Hit(start, stop, pattern, (), tail, False))
            elif pattern.inner and lang == "de" and start - word_start >= 3:
                found.append(Hit(word_start, stop, pattern, (), tail, True))

    @staticmethod
    def _select(found: list[Hit], lex: Lexicon, low: str) -> list[Hit]:
        """Longest non-overlapping hits; same-span alternatives kept in `alts`."""
        found.sort(
            key=lambda h: (
                h.start,
                h.start - h.end,
                h.inner,
                _KIND_RANK.get(h.pattern.kind, 9),
                -len(h.pattern.alias),
            )
        )
        chosen: list[Hit] = []
        last_end = -1
        for hit in found:
            if chosen and hit.start == chosen[-1].start and hit.end == chosen[-1].end:
                if hit.pattern is not chosen[-1].pattern and not hit.inner:
                    chosen[-1].alts = (*chosen[-1].alts, hit.pattern)
                continue
            if hit.start < last_end:
                continue
            if hit.inner:
                head = len(hit.pattern.alias) + len(hit.tail)
                hit.modifier = _compound_modifier(lex, low[hit.start : hit.end - head])
            chosen.append(hit)
            last_end = hit.end
        return chosen


#: prefixes that turn an actor's name into a stance of someone else
_STANCE_PREFIXES = ("anti-", "pro-")


def _compound_modifier(lex: Lexicon, word: str) -> Pattern | None:
    """The actor or role that opens a closed compound ("kreml" in "Kremlsprecher")."""
    for candidate in (
        word,
        word[:-1] if word.endswith("s") else None,
        word + "e",
        word[:-1] + "e" if word.endswith("s") else None,
    ):
        if candidate and candidate in lex.modifiers:
            return lex.modifiers[candidate]
    return None


@cache
def load_gazetteer(extra_files: tuple[Path, ...] = ()) -> Gazetteer:
    """The gazetteer of the built-in knowledge plus user dictionaries (cached per process)."""
    entries = list(builtin_entries())
    for path in extra_files:
        entries = merge_entries(entries, load_entries_file(Path(path)))
    return Gazetteer(entries)

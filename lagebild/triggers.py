"""Event triggers: the lexicon of each language pack (triggers.tsv) and matching it on tokens.

A trigger is a lemma (verbs, nouns), a compound head ("*angriff"), a German separable
verb ("angreifen" matches "griff ... an") or a multi-word pattern ("stehen hinter").
Each maps to a CAMEO code, and through it to a PLOVER type, quad class and Goldstein value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from lagebild.cues import Cues, load_cues
from lagebild.errors import DataError
from lagebild.lang import get_pack
from lagebild.magnitude_words import magnitude_lexicon
from lagebild.ontology import CameoCode, cameo_table
from lagebild.schema import Token

OPTION_FLAGS = frozenset(
    {"inv", "weak", "sport", "norefl", "intrans", "ptarget", "naming", "topic", "people"}
)
OPTION_KEYS = frozenset({"tprep", "need"})
NEED_VALUES = frozenset({"target", "consequence"})


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon line: the pattern, its CAMEO code and options."""

    pattern: str
    words: tuple[str, ...]
    cameo: CameoCode
    tpreps: frozenset[str] | None = None
    need: str | None = None
    inv: bool = False
    weak: bool = False
    sport: bool = False
    #: not with a reflexive right after ("lieferten sich Gefechte" is no delivery, "barricaded
    #: herself in a room" no blockade)
    norefl: bool = False
    #: the act has no target (resigning: "trat als Parteichef zurück")
    intrans: bool = False
    #: the target preposition outranks the object, which is only what is handed over
    #: ("lieferte den Financier an das Tribunal aus")
    ptarget: bool = False
    #: also a verb of naming, then no event ("what the army called raids", "called it a farce")
    naming: bool = False
    #: the object is what is talked about, never the counterpart ("die Ukraine erörtern",
    #: "discussed Ukraine"): only the target preposition names one
    topic: bool = False
    #: the target is people taken in or sheltered, never a state or an organisation
    #: ("nahm 500 Afghanen auf", but "nahm Finnland in die NATO auf" is no asylum)
    people: bool = False
    noun: bool = False
    line: int = 0

    @property
    def type(self) -> str:
        """The PLOVER type of the entry's CAMEO code."""
        assert self.cameo.plover is not None
        return self.cameo.plover


@dataclass(slots=True)
class TriggerLexicon:
    """Compiled lookup tables of one language's triggers."""

    single: dict[str, TriggerEntry] = field(default_factory=dict)
    suffixes: dict[str, TriggerEntry] = field(default_factory=dict)
    #: base verb lemma -> [(particle, entry)] for German separable verbs
    separable: dict[str, list[tuple[str, TriggerEntry | None]]] = field(default_factory=dict)
    #: first word -> multi-word entries anchored on it
    multi: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    max_suffix: int = 0


@dataclass(slots=True)
class TriggerMatch:
    """A trigger found in a sentence: token indices of the anchor (and particle)."""

    entry: TriggerEntry
    index: int
    end: int
    noun: bool
    particle: int | None = None
    #: other tokens a multi-word pattern used up ("missile strike": "strike")
    covered: tuple[int, ...] = ()

    @property
    def type(self) -> str:
        """The PLOVER type."""
        return self.entry.type


def _parse_options(raw: str, path: str, no: int) -> dict[str, object]:
    """Options column of a triggers.tsv line."""
    opts: dict[str, object] = {}
    for item in filter(None, (o.strip() for o in raw.split(","))):
        if "=" in item:
            key, value = item.split("=", 1)
            if key not in OPTION_KEYS:
                raise DataError(f"unknown option '{key}'", path, no)
            if key == "tprep":
                opts["tpreps"] = frozenset(v.strip().lower() for v in value.split("|"))
            elif value not in NEED_VALUES:
                raise DataError(f"need= takes one of {sorted(NEED_VALUES)}", path, no)
            else:
                opts["need"] = value
        elif item in OPTION_FLAGS:
            opts[item] = True
        else:
            raise DataError(f"unknown option '{item}'", path, no)
    return opts


@cache
def load_triggers(lang: str) -> TriggerLexicon:
    """The compiled trigger lexicon of a language pack, once per process."""
    pack = get_pack(lang)
    path = str(pack.path("triggers.tsv"))
    cues = load_cues(lang)
    table = cameo_table()
    lex = TriggerLexicon()
    for no, (pattern, code, options) in pack.tsv("triggers.tsv", 3):
        if code not in table or table[code].plover is None:
            raise DataError(f"CAMEO code '{code}' is unknown or has no PLOVER type", path, no)
        words = tuple(w.lower() for w in pattern.split())
        entry = TriggerEntry(
            pattern=pattern,
            words=words,
            cameo=table[code],
            line=no,
            noun=pattern[:1].isupper() or pattern.startswith("*"),
            **_parse_options(options, path, no),  # type: ignore[arg-type]
        )
        if len(words) > 1:
            lex.multi.setdefault(words[0], []).append(entry)
            if not entry.noun:  # "zurückrufen *botschafter" also matches "rief ... zurück"
                _register_separable(lex, words[0], None, cues)
        elif pattern.startswith("*"):
            lex.suffixes[words[0][1:]] = entry
            lex.max_suffix = max(lex.max_suffix, len(words[0]) - 1)
        else:
            lex.single.setdefault(words[0], entry)
            _register_separable(lex, words[0], entry, cues)
    return lex


def _register_separable(
    lex: TriggerLexicon, verb: str, entry: TriggerEntry | None, cues: Cues
) -> None:
    """Index a German separable verb ("angreifen") by its base ("greifen") and particle;
    `entry` is None for a verb that only anchors multi-word patterns."""
    if (entry is not None and entry.noun) or not cues.separable_particles:
        return
    for particle in sorted(cues.separable_particles, key=len, reverse=True):
        base = verb[len(particle) :]
        if verb.startswith(particle) and len(base) >= 4 and base.endswith(("en", "rn", "ln")):
            known = lex.separable.setdefault(base, [])
            if entry is not None or not any(p == particle for p, _ in known):
                known.append((particle, entry))
            return


def _is_clause_end(tokens: list[Token], i: int, cues: Cues) -> bool:
    """Whether token i is the last word of its clause (a particle's place)."""
    if i + 1 >= len(tokens):
        return True
    nxt = tokens[i + 1].lower
    return (
        nxt in cues.clause_punct
        or nxt in (".", "!", "?")
        or nxt in cues.coordinators
        or nxt in cues.clause_breakers
    )


def _find_particle(
    tokens: list[Token], i: int, clause_end: int, particle: str, cues: Cues
) -> int | None:
    """Index of `particle` closing the clause after verb i, or None. The search crosses an
    apposition ("lieferte den Financier, Félicien Kabuga, an das Tribunal aus") and a
    relative clause ("lieferte einen Ukrainer, der ..., an Deutschland aus") but stops at
    a subordinate or coordinated clause."""
    del clause_end
    n = len(tokens)
    j = i + 1
    while j < n:
        low = tokens[j].lower
        if low == particle and _is_clause_end(tokens, j, cues):
            return j
        if low in (".", "!", "?"):
            return None
        if low in cues.complementizers and tokens[j - 1].lower in cues.clause_punct:
            return None
        nxt = tokens[j + 1] if j + 1 < n else None
        if (
            (low in cues.coordinators or low in cues.clause_breakers)
            and nxt is not None
            and nxt.text[:1].islower()
            and nxt.lower not in cues.determiners
            and nxt.lower not in cues.prepositions
        ):
            return None
        if low in cues.clause_punct and nxt is not None and nxt.text[:1].islower():
            if nxt.lower in cues.relative_pronouns:
                close = next((k for k in range(j + 2, n) if tokens[k].lower == ","), None)
                if close is None:
                    return None
                j = close + 1
                continue
            if nxt.lower not in cues.prepositions and nxt.lower not in cues.determiners:
                return None
        j += 1
    return None


def _adjectival(tokens: list[Token], i: int, match: TriggerMatch, cues: Cues) -> bool:
    """A participle used as an adjective between a determiner and its noun."""
    if match.particle is not None or match.entry.noun or i + 1 >= len(tokens):
        return False
    if i == 0:
        # "Jailed Iranian activist Narges Mohammadi began ...": an English sentence that opens
        # with a participle before a noun phrase (not "Attacked by drones, ...")
        nxt0 = tokens[1]
        return (
            cues.lang != "de"
            and tokens[0].lower.endswith("ed")
            and nxt0.text.isalpha()
            and nxt0.lower not in cues.prepositions
            and nxt0.lower not in cues.determiners
        )
    tok, prev, nxt = tokens[i], tokens[i - 1].lower, tokens[i + 1]
    english_modifier = cues.lang != "de" and (
        prev in _EN_NUMBER_WORDS
        or prev[:1].isdigit()
        # "with advanced weapons", "selling advanced chips": before a common noun
        or ((prev in cues.prepositions or _gerund(tokens[i - 1])) and nxt.text.islower())
    )
    # "zehn inhaftierte US-Bürger", "222 festgenommene Demonstranten": a count opens the phrase
    german_count = cues.lang == "de" and (
        prev[:1].isdigit() or prev in magnitude_lexicon(cues.lang).numbers
    )
    if (
        prev not in cues.determiners
        and prev not in cues.possessives
        and not english_modifier
        and not german_count
        and not _extended_attribute(tokens, i, cues)
    ):
        return False
    if cues.lang == "de":
        # "der inhaftierte Kritiker", also before a second adjective ("die inhaftierten
        # französischen Touristen")
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        return (
            tok.text.islower()
            and tok.lower.endswith(_DE_ADJ_ENDINGS)
            and (
                nxt.text[:1].isupper()
                or (
                    nxt.text.islower()
                    and nxt.lower.endswith(_DE_ADJ_ENDINGS)
                    and after is not None
                    and after.text[:1].isupper()
                )
            )
        )
    return (
        tok.lower.endswith("ed")
        and nxt.text.isalpha()
        and nxt.lower not in cues.prepositions
        and nxt.lower not in cues.determiners
        and nxt.lower not in cues.possessives
    )


def _gerund(tok: Token) -> bool:
    """An English -ing form in lower case: no name ("Beijing vowed countermeasures")."""
    return tok.lower.endswith("ing") and len(tok.lower) > 5 and tok.text.islower()


def _extended_attribute(tokens: list[Token], i: int, cues: Cues) -> bool:
    """A German participle closing an attribute that opens with an article and a
    preposition: "des in Ägypten inhaftierten Bloggers", "die von Russland annektierte Krim"."""
    return cues.lang == "de" and any(
        tokens[k].lower in cues.determiners and tokens[k + 1].lower in cues.prepositions
        for k in range(max(0, i - 5), i - 1)
    )


#: endings of German attributive adjectives and participles
_DE_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


#: words that open a naming clause ("in what the army called raids")
_NAMING_OPENERS = frozenset({"what"})
#: indefinite articles that open the name given ("called it a farce", "nannte es eine Farce")
INDEFINITE_ARTICLES = frozenset({"a", "an", "ein", "eine", "einen"})


def _names_something(tokens: list[Token], i: int, cues: Cues) -> bool:
    """Whether the verb at i names rather than acts: "what X called", "called X a Y"."""
    if any(t.lower in _NAMING_OPENERS for t in tokens[max(0, i - 3) : i]):
        return True
    if i + 1 < len(tokens) and tokens[i + 1].lower in cues.prepositions:
        return False  # "called for an inquiry", "called on the government"
    for t in tokens[i + 2 : i + 5]:
        if t.lower in INDEFINITE_ARTICLES:
            return True
        if t.lower in cues.prepositions or t.lower in cues.clause_punct:
            return False
    return False


def _not_event_phrase(tokens: list[Token], i: int, cues: Cues) -> bool:
    """Whether the trigger noun at i stands in a phrase that names no event: with the word
    before it ("campaign rally", "trade war") or after it ("war crimes")."""
    lemma = tokens[i].lemma.lower()
    before = f"{tokens[i - 1].lower} {lemma}" if i > 0 else ""
    after = f"{lemma} {tokens[i + 1].lemma.lower()}" if i + 1 < len(tokens) else ""
    return before in cues.not_event_phrases or after in cues.not_event_phrases


def _is_german_noun(tok: Token, i: int) -> bool:
    """German nouns are capitalised; the first word of a sentence is not evidence."""
    return tok.text[:1].isupper() and (i > 0 or not tok.text.islower())


def match_triggers(tokens: list[Token], clause_of: list[int], lang: str) -> list[TriggerMatch]:
    """Every trigger in a sentence's tokens; `clause_of[i]` is token i's clause number."""
    lex = load_triggers(lang)
    cues = load_cues(lang)
    out: list[TriggerMatch] = []
    clause_end = _clause_ends(clause_of)
    used_particles: set[int] = set()
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isalpha() or i in used_particles or tok.lower in cues.never_triggers:
            continue
        lemma = tok.lemma.lower()
        match: TriggerMatch | None = None
        # German separable verb: base verb with its particle at the end of the clause
        for particle, entry in lex.separable.get(lemma, ()):
            j = _find_particle(tokens, i, clause_end[clause_of[i]], particle, cues)
            if j is not None and j not in used_particles:
                # a multi-word pattern on the joined verb wins ("tauschten Gefangene aus")
                joined = _match_multi(
                    tokens, i, particle + lemma, lex, clause_of, lang, used_particles
                )
                if joined is None and entry is None:
                    continue
                match = joined or TriggerMatch(entry, i, i + 1, noun=False)  # type: ignore[arg-type]
                match.particle = j
                used_particles.add(j)
                used_particles.update(match.covered)
                break
        if match is None:
            match = _match_multi(tokens, i, lemma, lex, clause_of, lang, used_particles)
            if match is not None and lang != "de" and _dated_prep(tokens, match, cues):
                match = None  # "a call on Monday" is no "call on" (appeal to) Monday
            if match is not None:
                used_particles.update(match.covered)
        if match is None:
            entry = lex.single.get(tok.lower)
            if (
                entry is not None
                and lang == "de"
                and not entry.noun
                and lemma != tok.lower
                and lemma not in lex.single
                and _is_german_noun(tok, i)
            ):
                # "von 50 Tagen" is days (Tag, no trigger), not "tagen" (to convene)
                entry = None
            entry = entry or lex.single.get(lemma)
            if entry is not None:
                match = TriggerMatch(entry, i, i + 1, noun=entry.noun)
        if (
            match is None
            and lex.suffixes
            and len(lemma) > 5
            and (lang != "de" or _is_german_noun(tok, i))
        ):
            for k in range(3, len(lemma) - 3):
                entry = lex.suffixes.get(lemma[k:]) or lex.suffixes.get(tok.lower[k:])
                if entry is not None:
                    match = TriggerMatch(entry, i, i + 1, noun=True)
                    break
        if match is not None and _adjectival(tokens, i, match, cues):
            continue  # "der inhaftierte Kritiker", "the detained journalist"
        if (
            match is not None
            and match.entry.norefl
            and any(t.lower in cues.reflexives for t in tokens[i + 1 : i + 3])
        ):
            continue
        if match is not None and match.entry.naming and _names_something(tokens, i, cues):
            continue
        if match is not None:
            if lang != "de" and not match.entry.noun:
                match.noun = _looks_nominal_en(tokens, i, cues)
            elif lang == "de" and match.particle is None:
                # one entry serves "Treffen" (noun) and "trafen" (verb): the capital decides
                match.noun = _is_german_noun(tok, i)
            if match.noun and _not_event_phrase(tokens, i, cues):
                continue  # "a campaign rally" is no protest, "a trade war" no attack
            out.append(match)
    # "nahm seine Luftangriffe wieder auf": a verb of taking in people whose clause names
    # another act takes up (resumes) that act; it shelters nobody
    out = [
        m
        for m in out
        if not (
            m.entry.people
            and any(
                o.noun and o.type != m.type and clause_of[o.index] == clause_of[m.index]
                for o in out
            )
        )
    ]
    if lang != "de":
        # "coordinated sanctions": an -ed form right before a trigger noun (or a word a
        # multi-word pattern took) is an adjective
        out = [
            m
            for m in out
            if not (
                tokens[m.index].lower.endswith("ed")
                and not m.covered
                and m.index > 0
                and (
                    tokens[m.index - 1].lower in cues.determiners
                    or tokens[m.index - 1].lower in cues.prepositions
                    or tokens[m.index - 1].lower in cues.possessives
                    or (
                        tokens[m.index - 1].lower.endswith("ed")
                        and tokens[m.index - 1].text.islower()
                    )
                    or _gerund(tokens[m.index - 1])
                )
                and any(
                    (o.index == m.index + 1 and o.noun) or m.index + 1 in o.covered for o in out
                )
            )
        ]
    return out


def _dated_prep(tokens: list[Token], match: TriggerMatch, cues: Cues) -> bool:
    """Whether the pattern is a verb and its preposition right after it, and a weekday or
    month follows ("called on Monday")."""
    from lagebild.dates import date_words

    k = match.index + 1
    if k not in match.covered or k + 1 >= len(tokens) or tokens[k].lower not in cues.prepositions:
        return False
    words = date_words(cues.lang)
    nxt = tokens[k + 1].lower
    return nxt in words.weekdays or nxt in words.months


def _clause_ends(clause_of: list[int]) -> dict[int, int]:
    """Clause number -> index one past its last token."""
    ends: dict[int, int] = {}
    for i, c in enumerate(clause_of):
        ends[c] = i + 1
    return ends


def _match_multi(
    tokens: list[Token],
    i: int,
    lemma: str,
    lex: TriggerLexicon,
    clause_of: list[int],
    lang: str,
    taken: set[int],
) -> TriggerMatch | None:
    """A multi-word pattern anchored on token i, if its other words are in the clause and
    no earlier pattern used them ("joint naval exercises" is one joint exercise, not also a
    naval exercise)."""
    entries = lex.multi.get(lemma) or lex.multi.get(tokens[i].lower)
    if not entries:
        return None
    clause = clause_of[i]
    for entry in entries:
        rest = entry.words[1:]
        if lang == "de":
            # a noun's words follow it ("Entsendung nordkoreanischer Soldaten"); a verb's
            # stand anywhere in its clause
            span = [
                j
                for j in range(i + 1 if entry.noun else 0, len(tokens))
                if clause_of[j] == clause and j != i
            ]
        else:
            span = list(range(i + 1, min(len(tokens), i + 1 + EN_MULTI_WINDOW + len(rest))))
        found: list[int] = []
        for w in rest:
            j = next(
                (
                    j
                    for j in span
                    if j not in found and j not in taken and _word_matches(tokens[j], w)
                ),
                None,
            )
            if j is None:
                break
            found.append(j)
        else:
            last = max(found, default=i)
            return TriggerMatch(
                entry,
                i,
                i + 1,
                noun=entry.noun,
                covered=tuple(found),
                particle=last if lang == "de" and last > i else None,
            )
    return None


#: how many tokens an English multi-word pattern may spread over after its anchor
#: ("fired more than a dozen missiles at", "found two Russians guilty")
EN_MULTI_WINDOW = 6


def _word_matches(tok: Token, word: str) -> bool:
    """A word of a multi-word pattern: the lemma or form, or a compound head ("*rakete")."""
    if word.startswith("*"):
        return tok.lemma.lower().endswith(word[1:]) or tok.lower.endswith(word[1:])
    return tok.lower == word or tok.lemma.lower() == word


_EN_NUMBER_WORDS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "several",
        "some",
        "more",
        "all",
    }
)
_EN_AUXILIARIES = frozenset(
    {
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "did",
        "does",
        "do",
        "to",
    }
)
#: verbs of beginning, going on and ending, whose -ing complement is the act itself
_EN_ASPECT_VERBS = frozenset(
    {"begin", "start", "continue", "resume", "keep", "stop", "cease", "finish", "quit"}
)
_EN_ADJ_SUFFIXES = (
    "al",
    "ive",
    "ous",
    "ic",
    "ful",
    "ent",
    "ant",
    "ary",
    "ed",
    "ian",
    "ese",
    "ish",
    "ble",
    "ern",
    "est",
    "er",
    "wide",
    "scale",
    "led",
    "term",
)
_EN_ADJECTIVES = frozenset(
    {
        "new",
        "swift",
        "severe",
        "strong",
        "harsh",
        "tough",
        "fresh",
        "further",
        "major",
        "joint",
        "heavy",
        "large",
        "direct",
        "first",
        "last",
        "more",
        "broad",
        "wide",
        "deadly",
        "fierce",
        "full",
        "air",
        "drone",
        "missile",
        "rocket",
        "peace",
        "border",
        "trade",
        "arms",
        "sweeping",
        "crippling",
        "tit-for-tat",
        "all-out",
        "ground",
        "naval",
        "nuclear",
        "high-level",
        "two-day",
        "three-day",
        "bilateral",
    }
)


def _looks_nominal_en(tokens: list[Token], i: int, cues: Cues) -> bool:
    """English has no capital nouns: walk back over adjectives and noun adjuncts; a
    determiner, preposition, possessive or number before them marks a noun ("with swift and
    severe sanctions", "a state visit", "the Hamas attack"). Past forms in -ed are verbs."""
    tok = tokens[i]
    if tok.lower.endswith("ed") and len(tok.lower) > 4:
        return False
    if tok.lemma.lower() != tok.lower and not tok.lower.endswith(("s", "ing")):
        return False  # an irregular past form: "struck", "sent", "held"
    if tok.lower.endswith(("tion", "sion", "ment", "ance", "ence", "ery", "eries")):
        return True
    if tok.lower.endswith("ing") and i > 0 and tokens[i - 1].lemma.lower() in _EN_ASPECT_VERBS:
        return False  # "began sharing data", "stopped supplying gas": a gerund is a verb
    if i == 0:
        nxt = tokens[1].lower if len(tokens) > 1 else ""
        return nxt in ("were", "are", "was", "is", "have", "has", "had", "between", "with", "on")
    j = i - 1
    lower_words = upper_words = 0
    demonym = False
    while j >= 0 and j >= i - 5:
        t = tokens[j]
        w = t.lower
        if w in cues.determiners or w in cues.prepositions or w in cues.possessives:
            break
        if (
            j == i - 1
            and w.endswith("ed")
            and not tok.lower.endswith("ing")
            and j > 0
            and tokens[j - 1].text[:1].isupper()
        ):
            return True  # "Qatar hosted talks": the object of a past verb after a name
        if (
            w in ("and", ",", "-")
            or w in _EN_ADJECTIVES
            or (w.replace("-", "").isalpha() and t.text.islower() and w.endswith(_EN_ADJ_SUFFIXES))
        ):
            j -= 1
            continue
        if w in _EN_AUXILIARIES:
            return False  # "was hit", "has attacked", "will meet"
        if (
            t.text.islower()
            and w.replace("-", "").isalpha()
            and lower_words < 2
            and (not w.endswith("s") or w.endswith("ss"))
            and w not in cues.future_aux
        ):
            lower_words += 1  # a noun adjunct: "a state visit", "a video call"
            j -= 1
            continue
        if t.text[:1].isupper() and upper_words < 2:
            upper_words += 1
            demonym = demonym or w.endswith(("ish", "ian", "ese", "i"))
            j -= 1
            continue
        break
    if j < 0:
        return demonym and lower_words == 0
    w = tokens[j].lower
    if w == cues.infinitive_marker and j == i - 1:
        return False  # "to meet"
    nominal = (
        w in cues.determiners
        or w in cues.prepositions
        or w in cues.possessives
        or w in ("'s", "’s", "any", "no", "of")
        or w[:1].isdigit()
        or (demonym and lower_words == 0)
    )
    if nominal and i + 1 < len(tokens):
        # "The European Union cut seven banks off": a verb takes an object right after it
        following = tokens[i + 1]
        if (
            following.lower in cues.determiners
            or following.lower in cues.possessives
            or following.lower in _EN_NUMBER_WORDS
            or following.lower[:1].isdigit()
            or (upper_words and following.text[:1].isupper())
        ):
            return False
    return nominal

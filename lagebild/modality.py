"""Modality: is an event said not to happen (negated) or only possible (hypothetical)?

Scope is the clause, with exceptions that make the flags mean what PLOVER means:
a threat or a promise is a real act even when its content is conditional, so cues in
the complement of THREATEN/AGREE/SUPPORT do not make the speech act hypothetical.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.cues import Cues
from lagebild.schema import Token
from lagebild.triggers import TriggerMatch

#: speech acts whose own modal auxiliaries ("würde hinter den USA stehen") do not undo them
SPEECH_ACT_TYPES = frozenset({"THREATEN", "AGREE", "SUPPORT"})
#: types whose complement clause holds only a wanted, threatened or promised act
GOVERNING_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "SUPPORT", "ACCUSE"})


@dataclass(slots=True)
class ClauseInfo:
    """What the modality rules need to know about one clause."""

    lo: int
    hi: int
    words: frozenset[str]
    lemmas: frozenset[str]
    conditional: bool
    #: the first word of the clause (punctuation skipped)
    first_word: str = ""
    #: the clause is the complement of an intent/request/threat/denial earlier in the sentence
    governed: bool = False
    denied: bool = False
    #: what governs it: "deny", "intent", or the PLOVER type of the governing trigger
    governor: str | None = None
    #: lemmas of the governing clause ("ankündigen", "vereinbaren")
    governor_lemmas: frozenset[str] = frozenset()
    #: joined separable verbs of the clause and their token ("mitteilen": 2)
    joined: dict[str, int] = field(default_factory=dict)


def clause_infos(tokens: list[Token], clause_of: list[int], cues: Cues) -> list[ClauseInfo]:
    """One ClauseInfo per clause number."""
    infos: list[ClauseInfo] = []
    for c in range(clause_of[-1] + 1 if clause_of else 0):
        idx = [i for i, x in enumerate(clause_of) if x == c]
        if not idx:
            infos.append(ClauseInfo(0, 0, frozenset(), frozenset(), False))
            continue
        words = [tokens[i].lower for i in idx]
        first = next((w for w in words if w.isalpha()), "")
        joined = _joined_verbs(tokens, idx, cues)
        infos.append(
            ClauseInfo(
                idx[0],
                idx[-1] + 1,
                frozenset(words),
                frozenset(tokens[i].lemma.lower() for i in idx) | frozenset(joined),
                conditional=first in cues.conditional_conj
                or (first in cues.complementizers and _after_condition_noun(tokens, idx[0], cues)),
                first_word=first,
                joined=joined,
            )
        )
    return infos


def _after_condition_noun(tokens: list[Token], i: int, cues: Cues) -> bool:
    """Whether the last word before token i is a noun of condition ("für den Fall, dass")."""
    before = next((t.lower for t in reversed(tokens[:i]) if t.text[:1].isalpha()), "")
    return before in cues.conditional_nouns


def _joined_verbs(tokens: list[Token], idx: list[int], cues: Cues) -> dict[str, int]:
    """German separable verbs of a clause with their particle: "teilte ... mit" ->
    {"mitteilen": i}, so cue lists of whole verbs (reporting, intent) find them."""
    if not cues.separable_particles:
        return {}
    last = idx[-1]
    while last > idx[0] and not tokens[last].text[:1].isalpha():
        last -= 1
    particle = tokens[last].lower
    if particle not in cues.separable_particles:
        return {}
    return {
        particle + tokens[i].lemma.lower(): i
        for i in idx
        if i < last and tokens[i].text.islower() and tokens[i].text.isalpha()
    }


def verb_index(info: ClauseInfo, tokens: list[Token], lemmas: frozenset[str]) -> int | None:
    """The token of the clause whose (joined) lemma is in `lemmas`, or None."""
    for i in range(info.lo, info.hi):
        if tokens[i].lemma.lower() in lemmas and not _plural_noun(tokens, i):
            return i
    return next((i for verb, i in info.joined.items() if verb in lemmas), None)


#: words before an English "-s" form that make it a verb ("he posts", "it also reports")
_VERB_BEFORE_S = frozenset(
    {
        "he",
        "she",
        "it",
        "who",
        "which",
        "that",
        "also",
        "now",
        "often",
        "still",
        "then",
        "and",
        "never",
        "regularly",
        "later",
    }
)


def _plural_noun(tokens: list[Token], i: int) -> bool:
    """An English "-s" form after a common noun is a plural noun: "army posts", "media
    reports", not the verb "Russia posts"."""
    tok = tokens[i]
    return (
        i > 0
        and tok.lower == tok.lemma.lower() + "s"
        and tokens[i - 1].text.islower()
        and tokens[i - 1].text.isalpha()
        and tokens[i - 1].lower not in _VERB_BEFORE_S
    )


def _has_negation(
    tokens: list[Token], lo: int, hi: int, cues: Cues, after: int | None = None
) -> bool:
    """A negation cue in tokens[lo:hi] that is not "nicht nur"/"not only"; nor, past token
    `after` (a verb), one that opens its infinitive ("urged Israel not to launch")."""
    for i in range(lo, hi):
        low = tokens[i].lower
        if low in cues.negation:
            pair = f"{low} {tokens[i + 1].lower}" if i + 1 < len(tokens) else low
            if pair in cues.not_only:
                continue
            if (
                after is not None
                and i > after
                and i + 1 < len(tokens)
                and tokens[i + 1].lower == cues.infinitive_marker
            ):
                continue
            return True
    return False


def is_negated(
    trig: TriggerMatch, tokens: list[Token], info: ClauseInfo, cues: Cues, main_noun: bool
) -> bool:
    """Whether the text says the event did not happen."""
    if info.denied and not (
        trig.noun and not main_noun and info.governor_lemmas & cues.abstain_lemmas
    ):
        # "verzichtete darauf, den Einmarsch zu verurteilen": the invasion took place
        return True
    if trig.noun:
        if info.lemmas & cues.prevent_lemmas and trig.type != "REJECT":
            # "vereitelte einen Anschlag", "um Krawalle zu verhindern"; a veto or a blockade
            # is how one prevents, not what is prevented
            return True
        lo = max(info.lo, trig.index - 3)
        if _has_negation(tokens, lo, trig.index, cues) or any(
            tokens[i].lower in cues.negation_np for i in range(lo, trig.index)
        ):
            return True
        return main_noun and _has_negation(tokens, info.lo, info.hi, cues)
    return _has_negation(tokens, info.lo, info.hi, cues, trig.index) or any(
        tokens[i].lemma.lower() in cues.abstain_lemmas for i in range(info.lo, trig.index)
    )  # "refrained from condemning", "avoided striking"


def _future(trig: TriggerMatch, tokens: list[Token], info: ClauseInfo, cues: Cues) -> bool:
    """Future or intent: "wird angreifen", "will attack" (the trigger is an infinitive)."""
    tok = tokens[trig.index]
    if cues.lang == "de":
        infinitive = tok.lower == tok.lemma.lower() or "zu" in tok.lower[1:-2]
        return infinitive and bool(info.words & cues.future_aux)
    window = {tokens[i].lower for i in range(max(info.lo, trig.index - 3), trig.index)}
    return bool(window & cues.future_aux) or scheduled(trig.index, tokens, cues)


def scheduled(i: int, tokens: list[Token], cues: Cues) -> bool:
    """A scheduled act: "are set to meet", "is due to travel" (the verb at i)."""
    return (
        i >= 2
        and tokens[i - 1].lower == cues.infinitive_marker
        and tokens[i - 2].lower in cues.scheduled_words
    )


def is_hypothetical(
    trig: TriggerMatch,
    tokens: list[Token],
    info: ClauseInfo,
    cues: Cues,
    question: bool,
    main_noun: bool,
    conditional_sentence: bool = False,
) -> bool:
    """Whether the event is only conditional, planned, feared, demanded or asked about.
    A promise or support stays real unless the sentence makes it conditional ("würde nur
    zustimmen, wenn ..."); a threat always stays real."""
    if question or info.conditional or info.governed:
        return True
    if info.first_word in cues.purpose_conj:
        return True  # "verlegte Soldaten, um gegen die Rebellen zu kämpfen": only intended
    if trig.type == "THREATEN" or (trig.type in SPEECH_ACT_TYPES and not conditional_sentence):
        return False
    if trig.noun and trig.type == "PROTEST" and info.lemmas & cues.permit_lemmas:
        return True  # "genehmigten eine Kundgebung": a rally allowed is not yet held
    if trig.noun:
        window = {tokens[i].lower for i in range(max(info.lo, trig.index - 3), trig.index)}
        if window & (cues.hypothetical | cues.hypothetical_np):
            return True
        if not main_noun:
            return False
    if info.words & cues.hypothetical:
        return True
    if not trig.noun and _intent_verb(trig, tokens, info, cues):
        return True
    if trig.noun and _deliberated(trig, tokens, info, cues):
        return True
    return _future(trig, tokens, info, cues)


def _deliberated(trig: TriggerMatch, tokens: list[Token], info: ClauseInfo, cues: Cues) -> bool:
    """An event noun that a verb of planning or weighing before it in its clause has as its
    object, or that a future auxiliary puts ahead ("Die EU plant neue Sanktionen", "is
    considering an oil embargo", "will decide on more aid"): not done yet."""
    for i in range(info.lo, trig.index):
        low = tokens[i].lower
        if low in cues.noun_future_aux:
            return True
        if tokens[i].lemma.lower() in cues.deliberation_lemmas and tokens[i].text[:1].islower():
            return True
    return False


def _intent_verb(trig: TriggerMatch, tokens: list[Token], info: ClauseInfo, cues: Cues) -> bool:
    """An intent verb other than the trigger in the clause ("plant anzugreifen"); a noun
    with the same lemma ("Japan's plan") does not count."""
    for i in range(info.lo, info.hi):
        if (
            i == trig.index
            or i in trig.covered  # "took aim at": a word of the pattern itself
            or tokens[i].lemma.lower() not in cues.intent_lemmas
        ):
            continue
        prev = tokens[i - 1].lower if i > 0 else ""
        if prev in cues.determiners or prev in ("'s", "’s") or tokens[i].text[:1].isupper():
            continue
        if i > 1 and tokens[i - 1].text.islower() and tokens[i - 2].lower in ("'s", "’s"):
            continue  # "Kyiv's peace plan": a noun after a noun adjunct
        return True
    return False


def _continues_verb_phrase(info: ClauseInfo, tokens: list[Token], cues: Cues) -> bool:
    """Whether the clause is a second verb phrase of the clause before: a coordinator and
    then a lower-case word that opens no subject ("... would disband and lay down ...")."""
    if info.first_word not in cues.coordinators:
        return False
    k = next((i for i in range(info.lo, info.hi) if tokens[i].lower == info.first_word), None)
    if k is None or k + 1 >= info.hi:
        return False
    nxt = tokens[k + 1]
    return (
        nxt.text.isalpha()
        and nxt.text.islower()
        and nxt.lower not in cues.determiners
        and nxt.lower not in cues.prepositions
        and nxt.lower not in cues.subject_pronouns
        and nxt.lower not in cues.state_pronouns
        and nxt.lower not in cues.first_person_plural
        and nxt.lower not in cues.quantity_of
        and nxt.lower not in cues.relative_pronouns
    )


def mark_governed(
    infos: list[ClauseInfo],
    triggers: list[TriggerMatch],
    tokens: list[Token],
    clause_of: list[int],
    cues: Cues,
) -> None:
    """Flag clauses that are complements of an intent, demand, threat, promise or denial."""
    governor: str | None = None
    gov_lemmas: frozenset[str] = frozenset()
    gov_negated = False
    for c, info in enumerate(infos):
        if c > 0 and _continues_verb_phrase(info, tokens, cues):
            # "announced that it would disband and lay down its arms": the second verb
            # shares the modal and the governing verb of the first
            prev = infos[c - 1]
            info.words = info.words | (prev.words & (cues.hypothetical | cues.future_aux))
            if prev.governed or prev.denied:
                info.governed, info.denied = prev.governed, prev.denied
                info.governor, info.governor_lemmas = prev.governor, prev.governor_lemmas
                continue
        if c > 0 and governor is not None:
            opener = tokens[info.lo].lower if info.hi > info.lo else ""
            starts_complement = (
                info.first_word not in cues.adverbial_conj
                and (
                    info.first_word in cues.complementizers
                    or opener in (":", "„", "“", '"')
                    or cues.infinitive_marker in info.words
                    # "drohte, die Hisbollah werde einen hohen Preis zahlen": reported speech
                    or bool(info.words & cues.subjunctive)
                    or any(
                        cues.infinitive_marker in tokens[i].lower[2:-2]
                        for i in range(info.lo, info.hi)
                    )
                )
            )
            if starts_complement:
                if governor == "deny" or gov_negated:
                    info.denied = True
                else:
                    info.governed = True
                info.governor = governor
                info.governor_lemmas = gov_lemmas
                continue
            governor = None
        own = [t for t in triggers if clause_of[t.index] == c and not t.noun]
        if info.lemmas & (cues.deny_lemmas | cues.abstain_lemmas):
            governor = "deny"
        elif own and any(t.type in GOVERNING_TYPES for t in own):
            governor = next(t.type for t in own if t.type in GOVERNING_TYPES)
        elif info.lemmas & (cues.intent_lemmas | cues.announce_lemmas | cues.insist_lemmas):
            governor = "intent"
        else:
            governor = None
        gov_lemmas = info.lemmas
        # "had no plans to invade", "plant keinen Angriff": the complement did not happen
        gov_negated = governor not in (None, "deny") and _has_negation(
            tokens, info.lo, info.hi, cues
        )

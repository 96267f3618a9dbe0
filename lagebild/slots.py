"""Argument slots: actor mentions placed on the sentence's tokens, with the preposition,
object determiner, genitive or possessive mark before them that later decides their role."""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.coordination import link_coordination
from lagebild.cues import Cues
from lagebild.schema import Actor, Mention, Token


@dataclass(slots=True)
class Slot:
    """An actor mention placed in a sentence: token span, the preposition before it, links."""

    actor: Actor
    kind: str
    start: int
    end: int
    prep: str | None = None
    objdet: bool = False
    attributive: bool = False
    possessive: bool = False
    #: actors coordinated with this one ("Schweden und Finnland")
    coord: list[Slot] = field(default_factory=list)
    coord_head: bool = True
    #: how good the cue was that made this slot a target (0 best), for the confidence
    picked_rank: int = -1
    #: the noun whose genitive this slot is, when it heads a phrase of time or occasion
    #: ("nach dem Besuch des US-Gesandten"), else -1
    adjunct_head: int = -1
    #: the genitive of an event noun in such a phrase: that event's argument, no object
    #: of the clause's verb
    in_adjunct: bool = False


def _nominative_adjective(tokens: list[Token], j: int, slot: Slot) -> bool:
    """An adjective in -e after "der" is nominative, no genitive ("drohte den USA der
    iranische Außenminister"; the genitive says "der iranischen")."""
    return j < slot.end and tokens[j].text.islower() and tokens[j].lower.endswith("e")


def _demonym_like(word: str) -> bool:
    """An English adjective of nationality ("Kurdish", "Israeli", "Iranian")."""
    return word.endswith(("ish", "ian", "ese", "an", "i"))


def build_slots(tokens: list[Token], mentions: list[Mention], cues: Cues) -> list[Slot]:
    """Place the sentence's mentions on its tokens and find their prepositions and links."""
    slots: list[Slot] = []
    ti = 0
    for m in mentions:
        while ti < len(tokens) and tokens[ti].end <= m.start:
            ti += 1
        if ti >= len(tokens):
            break
        tj = ti
        while tj < len(tokens) and tokens[tj].start < m.end:
            tj += 1
        slot = Slot(m.actor, m.kind, ti, max(tj, ti + 1), attributive=m.attributive)
        if slots and slots[-1].start <= slot.start and slot.end <= slots[-1].end:
            continue  # inside the word of the actor before ("Beamte der US-Behörde")
        if (
            slots
            and slot.kind == "person"
            and slots[-1].kind in ("org", "institution")
            and slots[-1].end == slot.start
            and not slots[-1].attributive
        ):
            # "UN-Menschenrechtskommissar Volker Türk": the name after a body's title is
            # the one who acts for the body, not a second actor of his own state
            slots[-1].end = slot.end
            continue
        mark_context(slot, tokens, cues)
        if slot.prep == GENITIVE and slots and _after_bare_name(slots[-1], slot, tokens, cues):
            slot.prep, slot.adjunct_head = None, -1  # "sagte Japan der Ukraine Hilfen zu"
        slots.append(slot)
    link_coordination(slots, tokens, cues)
    return slots


def _after_bare_name(before: Slot, slot: Slot, tokens: list[Token], cues: Cues) -> bool:
    """Whether "der X" right after a state's or a person's bare name is no genitive attribute
    of that name but an object of the clause ("sagte Japan der Ukraine Hilfen zu")."""
    return (
        before.kind in ("country", "metonym", "person")
        and not before.attributive
        and before.end == slot.start - 1
        and tokens[slot.start - 1].lower in ("der", "den")
        and (before.start == 0 or tokens[before.start - 1].lower not in cues.determiners)
    )


def _verb_after(slot: Slot, tokens: list[Token], cues: Cues) -> bool:
    """Whether a lower-case word that opens no phrase follows the slot: its verb."""
    if slot.end >= len(tokens):
        return False
    nxt = tokens[slot.end]
    return (
        nxt.text.isalpha()
        and nxt.text.islower()
        and nxt.lower not in cues.prepositions
        and nxt.lower not in cues.determiners
        and nxt.lower not in cues.coordinators
    )


def mark_context(slot: Slot, tokens: list[Token], cues: Cues) -> None:
    """Find the preposition (skipping determiners and adjectives) and case marks before a slot,
    and whether it is a possessive ("during Putin's visit": also after a preposition)."""
    end_text = tokens[slot.end - 1].text
    nxt_tok = tokens[slot.end] if slot.end < len(tokens) else None
    if (
        cues.lang == "de"
        and end_text.endswith("s")
        and slot.kind in ("country", "person", "metonym", "org", "group")
        and nxt_tok is not None
        and nxt_tok.text[:1].isupper()
        and nxt_tok.text.isalpha()
    ):
        slot.possessive = True  # "Russlands Annexion", "Bidens Anruf"
    if nxt_tok is not None and nxt_tok.lower in ("'s", "’s"):
        slot.possessive = True
    k = slot.start - 1
    first = tokens[slot.start].lower
    if (
        slot.kind == "demonym"
        and not slot.attributive
        and slot.actor.sector is None
        and k >= 0
        and (tokens[k].lower in cues.quantity_of or tokens[k].text[:1].isdigit())
    ):
        # "Zehntausende Georgier", "junge Kenianer": a crowd of people, not the state
        slot.actor = Actor(slot.actor.text, None, slot.actor.country, slot.actor.org, "CVL")
    if first in cues.object_determiners:
        slot.objdet = True
    skipped = 0
    while k >= 0 and skipped < 3:
        low = tokens[k].lower
        if low in cues.prepositions:
            if low == "of" and k > 1 and tokens[k - 1].lower in cues.volley_of:
                k -= 2  # "by a barrage of Russian missiles": the preposition before the volley
                continue
            if low == "of" and k > 0 and tokens[k - 1].lower in cues.quantity_of:
                # "thousands of Georgians", "supporters of Imran Khan": the people counted
                slot.actor = Actor(slot.actor.text, None, slot.actor.country, slot.actor.org, "CVL")
                return
            if low in cues.adverbial_conj and _verb_after(slot, tokens, cues):
                return  # "after protesters stormed his residence": the subject of a clause
            slot.prep = low
            if k > 0 and f"{tokens[k - 1].lower} {low}" in cues.joint_phrases:
                slot.prep = JOINT_PREP  # "gemeinsam mit der jordanischen Luftwaffe": a partner
            return
        if low in cues.object_determiners:
            slot.objdet = True
        if low in cues.determiners or (
            skipped < 2
            and low.replace("-", "").isalpha()
            and low not in cues.coordinators
            and (tokens[k].text.islower() or (cues.lang != "de" and _demonym_like(low)))
            and (
                cues.lang == "de"
                or (
                    low not in cues.reporting_lemmas
                    and low not in cues.relative_pronouns
                    and low not in cues.complementizers
                )
            )
        ):
            k -= 1
            skipped += 1
            continue
        if low in cues.reporting_nouns:
            slot.prep = "laut"  # "nach Angaben Seouls": the source of a report, no argument
        elif (
            cues.lang == "de"
            and k == slot.start - 1
            and tokens[k].text[:1].isupper()
            and tokens[k].text.isalpha()
            and k > 0
            and tokens[slot.end - 1].text.endswith("s")
        ):
            slot.prep = GENITIVE  # "unter Vermittlung Katars": a genitive name
        elif (
            cues.lang == "de"
            and k > 0
            and (
                tokens[k + 1].lower in ("der", "des")
                # "nach einem Hinweis amerikanischer Geheimdienste": genitive plural
                or (
                    k + 2 >= slot.start  # the adjective opens the actor's phrase
                    and tokens[k + 1].text.islower()
                    and tokens[k + 1].lower.endswith("er")
                    and tokens[k + 1].lemma.lower() != tokens[k + 1].lower  # inflected
                )
            )
            and tokens[k].text[:1].isupper()
            and tokens[k].text.isalpha()
            and not _nominative_adjective(tokens, k + 2, slot)
        ):
            slot.prep = GENITIVE  # "an der Küste der Krim": an attribute of the noun before
            circumstance = opening_prep(tokens, k, cues) in cues.circumstance_preps
            slot.adjunct_head = k if circumstance else -1
            if tokens[k].lower in cues.member_nouns and opening_prep(tokens, k, cues) is None:
                # "Die Staaten des Golf-Kooperationsrats stellten sich hinter Katar": the
                # members of a body act as the body
                slot.prep, slot.adjunct_head = None, -1
        break


def opening_prep(tokens: list[Token], i: int, cues: Cues) -> str | None:
    """The preposition that opens the phrase of the noun at i ("nach dem Überfall",
    "wegen der Verschleppung"), looked for up to three words back; None if there is none.
    An English possessive name does not count ("over Nancy Pelosi's visit")."""
    words = 0
    for k in range(i - 1, max(-1, i - 8), -1):
        low = tokens[k].lower
        if low in cues.circumstance_preps or low in cues.reason_preps or low in cues.prepositions:
            return low
        if low in cues.clause_punct:
            return None
        if not (
            low in POSSESSIVE_MARKS
            or (k + 1 < i and tokens[k + 1].lower in POSSESSIVE_MARKS)
            or (
                k + 2 < i
                and tokens[k + 2].lower in POSSESSIVE_MARKS
                and tokens[k].text[:1].isupper()
            )
        ):
            words += 1
        if words >= 3:
            return None
    return None


#: the English possessive ending as a token of its own
POSSESSIVE_MARKS = frozenset({"'s", "’s"})


#: the pseudo-preposition of a partner in the act ("gemeinsam mit X", "zusammen mit X")
JOINT_PREP = "joint"
#: the pseudo-preposition of a German genitive attribute ("die Küste der Krim")
GENITIVE = "gen"


def is_named(slot: Slot) -> bool:
    """A slot that names a country or organisation (not a bare "Soldaten")."""
    return bool(slot.actor.country or slot.actor.org)

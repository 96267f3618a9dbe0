"""Noun-phrase and clause cues of the coder: who owns a nominal event ("its offensive"), the
parties of "between X and Y", the background of a clause ("after mass protests"), documents
of one side ("a decree signed by"), visitors. Helpers of coder.code_sentence, kept apart so
that the coder module stays the driver of the stages."""

from __future__ import annotations

from lagebild.arguments import DEFAULT_TPREPS, choose_arguments
from lagebild.cues import Cues
from lagebild.event_build import LAST_ACT, ArticleContext, token_at
from lagebild.nominal_arguments import LOCATED_TYPES
from lagebild.ontology import DYADIC_TYPES
from lagebild.referents import last_two, relabel
from lagebild.schema import Event, Sentence
from lagebild.slots import Slot, opening_prep
from lagebild.triggers import TriggerMatch

#: prepositions that name the parties of a joint act ("talks between X and Y")
BETWEEN_PREPS = frozenset({"between", "zwischen"})


def possessive_owner(i: int, tokens: list, slots: list[Slot], cues: Cues) -> Slot | None:
    """The state or organisation a possessive pronoun before the noun at i refers to ("to
    halt its offensive", "condemned by the G7 for its latest launch"): the nearest actor
    before it that is not in a prepositional phrase."""
    k = next(
        (
            j
            for j in range(i - 1, max(-1, i - 4), -1)
            if tokens[j].lower in cues.possessives
            or tokens[j].lower in cues.prepositions
            or tokens[j].lower in cues.determiners
            or tokens[j].lower in cues.clause_punct
        ),
        None,
    )
    if k is None or tokens[k].lower not in cues.owner_pronouns:
        return None
    return next(
        (
            s
            for s in reversed(slots)
            if s.end <= k
            and s.prep is None
            and s.coord_head
            and s.kind != "place"
            and (s.actor.country or s.actor.org)
        ),
        None,
    )


def plural_owner_parties(
    i: int, tokens: list, slots: list[Slot], ctx: ArticleContext
) -> tuple[Slot, Slot] | None:
    """The two parties of a joint act named by a plural possessive ("after their meeting in
    Busan", "at their first summit"): the two states or organisations the sentence names,
    else the last two people named before it; None when there are not exactly two."""
    cues = ctx.cues
    k = next(
        (j for j in range(i - 1, max(-1, i - 4), -1) if tokens[j].lower in cues.owner_pronouns),
        None,
    )
    if k is None or tokens[k].lower not in cues.plural_owner_pronouns:
        return None
    named: list[Slot] = []
    for s in slots:
        for m in [s, *s.coord]:
            if (
                m.kind != "place"
                and not m.attributive  # "a ban on Russian diamonds ... at their summit"
                and m.prep not in cues.location_preps  # "in the South China Sea"
                and (m.actor.country or m.actor.org)
                and all(o.actor.key() != m.actor.key() for o in named)
            ):
                named.append(m)
    if len(named) == 2:
        return named[0], named[1]
    pair = last_two([(0, a) for a in ctx.people]) if not named else None
    if pair is None:
        return None
    word = tokens[k].text
    return Slot(relabel(pair[0], word), "person", k, k + 1), Slot(
        relabel(pair[1], word), "person", k, k + 1
    )


#: acts of a rival a show of force may answer or prepare for
RIVAL_TYPES = frozenset({"MOBILIZE", "ASSAULT", "THREATEN", "COERCE"})


def context_target(
    trig: TriggerMatch,
    triggers: list[TriggerMatch],
    tokens: list,
    slots: list[Slot],
    clause_of: list[int],
    cues: Cues,
    source: Slot | None,
) -> Slot | None:
    """A counterpart the verb's own clause does not name. A show of force is aimed at the act
    it answers or prepares for later in the sentence ("mobilised its militia in response to
    the US naval build-up" -> the rival's state, "called up reservists ahead of an offensive
    on Gaza City" -> the target of the own act prepared for). A dyadic verb takes the
    counterpart of an apposition right after its clause, which opens with a comma and an
    article and has no verb of its own ("suspended its participation in New START, the last
    arms treaty with the United States"); an act done somewhere also takes the place the
    apposition names ("left Bagram Air Base, the largest US installation in Afghanistan")."""
    own = source.actor.key() if source is not None else None
    if trig.type == "MOBILIZE" and cues.reason_links:
        for o in triggers:
            if o.index <= trig.index or o.type not in RIVAL_TYPES:
                continue
            between = f" {' '.join(t.lower for t in tokens[trig.index + 1 : o.index])} "
            if not any(f" {link} " in between for link in cues.reason_links):
                return None
            doers, done_to, _ = choose_arguments(o, tokens, slots, clause_of, cues, None)
            return next(
                (
                    s
                    for s in [*doers, done_to]
                    if s is not None and (s.actor.country or s.actor.org) and s.actor.key() != own
                ),
                None,
            )
        return None
    located = trig.type in LOCATED_TYPES
    if trig.noun or not (trig.type in DYADIC_TYPES or located):
        return None
    c = clause_of[trig.index] + 1
    lo = next((k for k in range(trig.index, len(tokens)) if clause_of[k] == c), None)
    if lo is None or tokens[lo].lower != "," or lo + 1 >= len(tokens):
        return None
    if tokens[lo + 1].lower not in cues.determiners or any(
        clause_of[t.index] == c for t in triggers
    ):
        return None
    tpreps = trig.entry.tpreps or DEFAULT_TPREPS.get(cues.lang, {}).get(trig.type, frozenset())
    return next(
        (
            s
            for s in slots
            if clause_of[s.start] == c
            and s.coord_head
            and (
                s.prep in tpreps
                or s.prep in cues.partner_preps
                # "left Bagram Air Base, the largest US installation in Afghanistan"
                or (located and s.prep in cues.location_preps)
                # "granted asylum to Rahaf al-Qunun, a young Saudi woman": who the one acted
                # on is
                or (s.prep is None and s.start <= lo + 4)
            )
            and (s.actor.country or s.actor.org)
            and s.actor.key() != own
        ),
        None,
    )


def between_slot(c: int, slots: list[Slot], clause_of: list[int]) -> Slot | None:
    """The coordinated parties of a "between X and Y" phrase in clause c."""
    return next(
        (
            s
            for s in slots
            if clause_of[s.start] == c and s.coord_head and s.coord and s.prep in BETWEEN_PREPS
        ),
        None,
    )


def visitor(slots: list[Slot]) -> bool:
    """Whether the first slot is someone who visits: a person or a government."""
    return bool(slots) and (slots[0].kind == "person" or slots[0].actor.sector == "GOV")


def in_aftermath(tokens: list, i: int, cues: Cues) -> bool:
    """Whether the noun at i names the background of the clause ("after mass protests",
    "facing weeks of deadly street protests"): such a nominal without an actor is not coded."""
    for k in range(i - 1, max(-1, i - 6), -1):
        low = tokens[k].lower
        if low in cues.aftermath_preps:
            return True
        if low in cues.clause_punct:
            return False
    return False


def one_sided_object(e: Event, tokens: list, cues: Cues) -> bool:
    """Whether an AGREE or AID names a document or speech of one side: its object ("signed an
    executive order", "delivered his address") or, before a participle with its agent, its
    head noun ("a decree signed by Putin")."""
    words, reach = {"AGREE": (cues.not_agreements, 5), "AID": (cues.not_aid, 7)}.get(
        e.type, (frozenset(), 0)
    )
    if not words:
        return False
    k = token_at(e.char_start, tokens)
    if any(t.lower in words for t in tokens[k + 1 : k + reach]):
        return True
    return (
        k + 1 < len(tokens)
        and tokens[k + 1].lower in cues.agent_preps
        and any(t.lower in words for t in tokens[max(0, k - 2) : k])
    )


def reduced_relative(
    trig: TriggerMatch, tokens: list, slots: list[Slot], cues: Cues
) -> list[Slot] | None:
    """For an -ing verb right after a place ("bases in Iraq hosting American troops", "troops
    in Syria fighting ..."), the actor of the noun before the place, [] when that noun names
    none; None when the verb is no such reduced relative clause."""
    i = trig.index
    if trig.noun or not tokens[i].lower.endswith("ing") or i < 3:
        return None
    place = next((s for s in slots if s.end == i), None)
    if place is None or place.prep not in cues.location_preps or place.start < 2:
        return None
    head = place.start - 2  # the noun before the preposition
    owner = next((s for s in slots if s.start <= head < s.end and s is not place), None)
    return [owner] if owner is not None and (owner.actor.country or owner.actor.org) else []


def aid_destination(
    trig: TriggerMatch, tokens: list, slots: list[Slot], clause_of: list[int], cues: Cues
) -> Slot | None:
    """The state forces are sent to in order to help it ("deployed to Mali to support the
    military government", "arrived in Haiti to lead a mission"): sending troops to help a
    government is aid (CAMEO 074). None when the sentence says no such purpose."""
    c = clause_of[trig.index]
    dest = next(
        (
            s
            for s in slots
            if s.start > trig.index
            and clause_of[s.start] == c
            and s.prep in cues.destination_preps | {"in"}
            and s.coord_head
            and s.actor.country
        ),
        None,
    )
    if dest is None:
        return None
    k = next((i for i in range(dest.end, len(tokens)) if clause_of[i] != c), None)
    if (
        k is None
        or k + 1 >= len(tokens)
        or tokens[k].lower != cues.infinitive_marker
        or tokens[k + 1].lemma.lower() not in cues.assist_lemmas
    ):
        return None
    return dest


def answered_actor(sent: Sentence, ctx: ArticleContext) -> Slot | None:
    """The author of the act reported before, when the sentence answers it ("In return,
    Sweden released ...", "Germany responded by halting exports"); else None."""
    low = sent.text.lower()
    if not any(p in low for p in ctx.cues.response_phrases):
        return None
    before = ctx.recent.get(LAST_ACT) or (ctx.persons[-1][1] if ctx.persons else None)
    if before is None or not before.key():
        return None
    return Slot(before, "country", 0, 0)


def under_framework(tokens: list, i: int, cues: Cues) -> bool:
    """Whether the noun at i names the frame an act is done under ("under an amnesty",
    "under a deal brokered by Oman"): a preposition of framework right before its phrase."""
    return opening_prep(tokens, i, cues) in cues.framework_preps

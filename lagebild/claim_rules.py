"""Rules over what speakers say about acts: a claim that another side acted is an
accusation, "insisted that ..." a demand, "denied ..." negates the denied act.

Each rule reads its words from the language pack and never invents an actor the text does
not name."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.event_build import (
    ArticleContext,
    clause_of_pos,
    clause_subject,
    event_clause,
    later_in_clause,
    political,
    rule_event,
    synthetic_entry,
    token_at,
)
from lagebild.modality import ClauseInfo, verb_index
from lagebild.schema import Event, Sentence
from lagebild.slots import Slot
from lagebild.triggers import TriggerMatch


def denials(events: list[Event], tokens: list, clause_of: list[int], cues: Cues) -> None:
    """ "Iran denied supplying drones": the denied act is negated, and the denial (REJECT)
    has no target of its own."""
    for e in events:
        i = token_at(e.char_start, tokens)
        tok = tokens[i]
        if e.type != "REJECT":
            continue
        for o in later_in_clause(e, events, tokens, clause_of):
            # "vetoed a resolution demanding a ceasefire": the text blocked did not demand
            k = token_at(o.char_start, tokens)
            if tokens[k].lower.endswith("ing") and tokens[k - 1].lower in cues.document_nouns:
                o.negated = True
        lemma = tok.lemma.lower()
        forms = {lemma, e.trigger.rsplit(" … ", 1)[-1].lower() + lemma}
        if i + 1 < len(tokens):  # "ruled out": a verb with its particle
            forms.add(f"{lemma} {tokens[i + 1].lower}")
        if forms & cues.exclude_lemmas:
            # "ruled out sending fighter jets to Ukraine", "schloss eine Lieferung aus": the
            # act is not done, the refusal is aimed at whom it would have served
            for o in later_in_clause(e, events, tokens, clause_of):
                o.negated = True
            continue
        if lemma not in cues.deny_lemmas:
            # "wies die Vorwürfe, Peking liefere Drohnen, zurück": the claim inside the
            # bracket of a separable denial is what is denied
            if forms & cues.deny_lemmas:
                c = event_clause(e, tokens, clause_of)
                for o in _bracketed(e, events, tokens):
                    # a clause of its own ("Peking liefere Drohnen"), not a noun of the
                    # denial's clause ("die Kritik an seinen Angriffen")
                    o.negated = o.negated or event_clause(o, tokens, clause_of) != c
                _acts_of_others(e, later_in_clause(e, events, tokens, clause_of), i, tokens, cues)
            continue
        denied = later_in_clause(e, events, tokens, clause_of)
        others = _acts_of_others(e, denied, i, tokens, cues)
        denied = [o for o in denied if o not in others]
        for o in denied:
            o.negated = True
        # "rebuffed Japan's offer of talks": an offer of the target is rejected, the target
        # stays; "denied attacking the hospital": the denier's own act, no target
        if denied and not any(
            o.source is not None and e.target is not None and o.source.key() == e.target.key()
            for o in denied
        ):
            e.target = None


def _acts_of_others(e: Event, later: list[Event], i: int, tokens: list, cues: Cues) -> list[Event]:
    """ "denied any role in the Hamas attack", "wies jede Verantwortung für die russischen
    Angriffe zurück": the acts of others that the denial `e` only denies a part in took
    place; the denial then has no target."""
    others = [o for o in later if _part_in(e, o, i, tokens, cues)]
    for o in others:
        o.hypothetical = False
    if others:
        e.target = None
    return others


def _part_in(e: Event, o: Event, i: int, tokens: list, cues: Cues) -> bool:
    """Whether `o`, after the denial `e` at token i, is an act of others that `e` only denies
    a part in: a noun of involvement between them ("role in", "Beteiligung an")."""
    if o.source is None or (e.source is not None and o.source.key() == e.source.key()):
        return False
    j = token_at(o.char_start, tokens)
    if not any(tokens[k].lower in cues.involvement_nouns for k in range(i + 1, j)):
        return False
    # the act names its author in its own noun phrase ("the Hamas attack", "der Angriff der
    # Hamas"), not by a place or a target further on
    words = {t.text for t in tokens[i + 1 : j + 3]}
    return o.source.text.split()[-1] in words


def sourced_claims(
    events: list[Event], tokens: list, slots: list[Slot], sent: Sentence, ctx: ArticleContext
) -> list[Event]:
    """ "Nach Darstellung Moskaus soll die ukrainische Armee ... angegriffen haben": a claim
    framed as such (soll, allegedly) with its source in a phrase is an ACCUSE too."""
    cues = ctx.cues
    if not any(t.lower in cues.claim_markers for t in tokens):
        return []
    speaker = next(
        (
            s
            for s in slots
            if political(s.actor)
            and s.kind != "place"
            and any(t.lower in cues.reporting_nouns for t in tokens[max(0, s.start - 3) : s.start])
        ),
        None,
    )
    if speaker is None:
        return []
    out = []
    for e in events:
        if e.quad_class != 4 or e.negated or e.hypothetical or e.source is None:
            continue
        if e.source.key() == speaker.actor.key():
            continue
        e.hypothetical = True
        trig = TriggerMatch(synthetic_entry("112"), speaker.start, speaker.end, noun=False)
        out.append(rule_event(trig, speaker.actor, e.source, sent, ctx, tokens))
    return out


def claim_events(
    events: list[Event],
    tokens: list,
    slots: list[Slot],
    clause_of: list[int],
    infos: list[ClauseInfo],
    sent: Sentence,
    ctx: ArticleContext,
    triggers: list[TriggerMatch] | None = None,
) -> list[Event]:
    """ "X sagte, Y habe Z angegriffen": an ACCUSE X->Y; the claimed act is only reported.
    A trailing source ("..., wie das Ministerium mitteilte") leaves the act asserted. A
    claimed act whose object names no state ("said North Korea had blown up sections of
    roads") still blames the complement's subject."""
    cues = ctx.cues
    out: list[Event] = []
    for c, info in enumerate(infos):
        verb = verb_index(info, tokens, cues.reporting_lemmas)
        if verb is None or info.first_word in cues.attribution_openers:
            continue
        speaker = clause_subject(slots, info, cues)
        if speaker is None or not political(speaker.actor):
            continue
        trailing = c > 0 and speaker.start > verb
        if trailing:
            comp = set(range(0, c))
            if not any(infos[k].words & cues.claim_markers for k in comp):
                continue
        else:
            comp = {
                k
                for k in range(c + 1, len(infos))
                if not infos[k].governed or infos[k].governor not in ("deny",)
            }
            if not comp:
                continue
        for e in events:
            ec = event_clause(e, tokens, clause_of)
            if (
                ec not in comp
                or e.quad_class != 4
                or e.negated
                or (e.hypothetical and not _only_claimed(infos[ec], cues))
            ):
                continue
            if e.source is None or (
                e.source.key() == speaker.actor.key()
                and not (e.source.sector == "REB" and speaker.actor.sector != "REB")
            ):
                continue  # one's own act is no accusation; rebels of one's own state are
            e.hypothetical = True
            trig = TriggerMatch(synthetic_entry("112"), verb, verb + 1, noun=False)
            out.append(rule_event(trig, speaker.actor, e.source, sent, ctx, tokens))
        if not trailing and not any(o.source is speaker.actor for o in out):
            blamed = _blamed_subject(comp, speaker, triggers or [], slots, clause_of, infos, cues)
            if blamed is not None:
                trig = TriggerMatch(synthetic_entry("112"), verb, verb + 1, noun=False)
                out.append(rule_event(trig, speaker.actor, blamed.actor, sent, ctx, tokens))
    return out


def _only_claimed(info: ClauseInfo, cues: Cues) -> bool:
    """A clause made unreal only by the subjunctive of reported speech ("Agenten hätten die
    Pipeline sabotiert"), not by a condition or a modal ("falls", "könnte")."""
    return (
        bool(info.words & cues.claim_markers)
        and not info.conditional
        and not info.words & (cues.hypothetical - cues.claim_markers)
    )


def _blamed_subject(
    comp: set[int],
    speaker: Slot,
    triggers: list[TriggerMatch],
    slots: list[Slot],
    clause_of: list[int],
    infos: list[ClauseInfo],
    cues: Cues,
) -> Slot | None:
    """The political subject of a reported complement that states a material conflict act
    (an attack, a blockade ...), not negated nor only possible; None otherwise."""
    first = min(comp)
    if any(infos[k].words & (cues.negation | cues.hypothetical) for k in comp):
        return None
    if not any(clause_of[t.index] in comp and t.entry.cameo.quad_class == 4 for t in triggers):
        return None
    subj = clause_subject(slots, infos[first], cues)
    if subj is None or not political(subj.actor) or subj.actor.key() == speaker.actor.key():
        return None
    return subj


def insist_events(
    sent: Sentence,
    tokens: list,
    slots: list[Slot],
    clause_of: list[int],
    infos: list[ClauseInfo],
    triggers: list[TriggerMatch],
    events: list[Event],
    ctx: ArticleContext,
) -> list[Event]:
    """ "X bestand darauf, dass ..." / "X insisted that ...": a demand on the complement's
    subject, or a denial when the complement negates X's own side's act."""
    cues = ctx.cues
    out: list[Event] = []
    for c, info in enumerate(infos):
        hit = next(
            (
                i
                for i in range(info.lo, info.hi)
                if tokens[i].lemma.lower() in cues.insist_lemmas
                or tokens[i].lemma in cues.insist_lemmas
            ),
            None,
        )
        if hit is None or any(clause_of[t.index] == c and t.type == "REQUEST" for t in triggers):
            continue
        speaker = clause_subject(slots, info, cues) or next(
            (s for s in slots if info.lo <= s.start < info.hi and s.possessive), None
        )
        if speaker is None or not political(speaker.actor):
            continue
        comp = [
            k
            for k in range(c + 1, len(infos))
            if infos[k].governed or infos[k].denied or infos[k].first_word in cues.complementizers
        ]
        if not comp:
            continue
        negated_own = [
            e
            for e in events
            if clause_of_pos(e.char_start, tokens, clause_of) in comp
            and e.negated
            and e.quad_class >= 3
            and (e.source is None or e.source.key() == speaker.actor.key())
        ]
        trig = TriggerMatch(
            synthetic_entry("120" if negated_own else "100"), hit, hit + 1, noun=False
        )
        if negated_own:
            target = None  # a denial of one's own act has no target, as with "denied"
        else:
            subj = clause_subject(slots, infos[comp[0]], cues)
            target = subj.actor if subj else None
            if target is None or target.key() == speaker.actor.key():
                continue
        out.append(rule_event(trig, speaker.actor, target, sent, ctx, tokens))
    return out


def refrained(events: list[Event], tokens: list, cues: Cues) -> list[Event]:
    """ "verzichtete darauf, den Einmarsch zu verurteilen": refraining from an act is no
    concession (CONCEDE) when the act refrained from is coded, negated."""
    return [
        e
        for e in events
        if not (
            tokens[token_at(e.char_start, tokens)].lemma.lower() in cues.abstain_lemmas
            and any(o.negated and o.char_start > e.char_start for o in events)
        )
    ]


def _bracketed(e: Event, events: list[Event], tokens: list) -> list[Event]:
    """The other events whose trigger stands between a separable verb and its particle
    ("wies ... zurück")."""
    if " … " not in e.trigger:
        return []
    k = token_at(e.char_start, tokens)
    particle = e.trigger.rsplit(" … ", 1)[1]
    end = next((j for j in range(k + 1, len(tokens)) if tokens[j].text == particle), None)
    if end is None:
        return []
    return [o for o in events if o is not e and e.char_start < o.char_start < tokens[end].start]

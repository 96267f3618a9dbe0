"""Events of one trigger: its arguments (trigger_arguments), a mediation's parties, its
modality (negated, hypothetical) and the event records."""

from __future__ import annotations

from dataclasses import replace

from lagebild.coordination import members
from lagebild.cues import Cues
from lagebild.event_build import synthetic_entry
from lagebild.event_pairs import make_events
from lagebild.modality import is_hypothetical, is_negated
from lagebild.ontology import MEDIATE_CODE
from lagebild.phrases import between_slot
from lagebild.schema import Event
from lagebild.sentence_frame import SentenceFrame
from lagebild.slots import Slot, opening_prep
from lagebild.target_rules import REACTION_TYPES
from lagebild.trigger_arguments import (
    TriggerArgs,
    frame_noun,
    implied_arguments,
    initial_arguments,
    noun_subject,
    thanks_and_references,
)
from lagebild.triggers import TriggerMatch


def trigger_events(f: SentenceFrame, trig: TriggerMatch) -> list[Event]:
    """The events one trigger of the sentence yields: none when a step drops it, one per
    party for a mediation, else one per source and target member (event_pairs)."""
    a = initial_arguments(f, trig)
    if a is None or not frame_noun(f, a):
        return []
    if not noun_subject(f, a):
        return []
    implied_arguments(f, a)
    if not thanks_and_references(f, a):
        return []
    mediated = mediated_events(f, a)
    if mediated is not None:
        return mediated
    modality = event_modality(f, a)
    if modality is None:
        return []
    negated, hypothetical = modality
    sent, ctx, tokens, dates = f.sent, f.ctx, f.tokens, f.dates
    nonpolitical, unpolitical_protest = f.nonpolitical, f.unpolitical_protest
    trig, inherited, sources, target = a.trig, a.inherited, a.sources, a.target
    events = make_events(
        trig,
        sources,
        target,
        sent,
        ctx,
        negated,
        hypothetical,
        nonpolitical if _metaphor_prone(trig) else unpolitical_protest,
        dates,
        tokens,
        _evidence(trig, sources, target, inherited),
    )
    for partner in a.partners:
        joint = replace(trig, entry=synthetic_entry(JOINT_CODE))
        events.extend(
            make_events(
                joint,
                a.own_sources,
                partner,
                sent,
                ctx,
                negated,
                hypothetical,
                nonpolitical,
                dates,
                tokens,
            )
        )
    return events


def _metaphor_prone(trig: TriggerMatch) -> bool:
    """Whether election words make the trigger a metaphor too ("eroberte die Mehrheit",
    "captured control of the Senate"): sport-prone and weak words of conflict; a visit or a
    protest around an election is politics."""
    entry = trig.entry
    conflict = (entry.cameo.quad_class or 0) >= 3
    return trig.type != "PROTEST" and (entry.sport or (entry.weak and conflict))


#: CAMEO code of acting together ("gemeinsam mit"): cooperation
JOINT_CODE = "060"


def mediated_events(f: SentenceFrame, a: TriggerArgs) -> list[Event] | None:
    """A mediation (CAMEO 045) yields a consultation with each party; None for other acts
    or when no party is found."""
    sent, ctx, tokens, slots, clause_of = f.sent, f.ctx, f.tokens, f.slots, f.clause_of
    nonpolitical, dates, subjects = f.nonpolitical, f.dates, f.subjects
    trig, c, inherited, sources = a.trig, a.c, a.inherited, a.sources
    if trig.entry.cameo.code.startswith(MEDIATE_CODE):
        parties = _mediated_parties(c, subjects, inherited, sources, slots, clause_of)
        if parties:
            events: list[Event] = []
            for party in parties:
                events.extend(
                    make_events(
                        trig,
                        sources,
                        party,
                        sent,
                        ctx,
                        False,
                        False,
                        nonpolitical,
                        dates,
                        tokens,
                    )
                )
            return events
    return None


def event_modality(f: SentenceFrame, a: TriggerArgs) -> tuple[bool, bool] | None:
    """Whether the trigger's act is negated and whether hypothetical; None when only the
    reaction to a speech act is coded."""
    cues, tokens, triggers, infos, question = f.cues, f.tokens, f.triggers, f.infos, f.question
    trig, c, verbs_in_clause, circumstantial = a.trig, a.c, a.verbs_in_clause, a.circumstantial
    main_noun, reason, thanked = a.main_noun, a.reason, a.thanked
    info = infos[c]
    sources, subject = a.sources, f.subjects[c] or a.inherited
    own_author = bool(
        trig.noun
        and sources
        and subject is not None
        and sources[0].actor.key() != subject.actor.key()
        and (
            sources[0].attributive
            or sources[0].possessive
            or trig.index < sources[0].start <= trig.index + 3
        )
    )
    # "nahm bei der Kundgebung niemanden fest", "beteiligten sich nicht an den
    # israelischen Angriffen": the clause's negation does not reach an act of occasion
    # or one whose own author is named
    negated = is_negated(
        trig, tokens, info, cues, main_noun and not circumstantial and not own_author
    )
    hypothetical = is_hypothetical(
        trig, tokens, info, cues, question, main_noun, any(i.conditional for i in infos)
    )
    presupposed = own_author and sources[0].possessive and info.governed and not info.conditional
    if (circumstantial or presupposed) and not question:
        # "during Putin's visit", "accused China of fuelling Russia's war": only the noun
        # phrase itself can make it unreal
        window = {t.lower for t in tokens[max(info.lo, trig.index - 3) : trig.index]}
        hypothetical = bool(window & (cues.hypothetical | cues.hypothetical_np))
    if (
        trig.noun
        and verbs_in_clause
        and not circumstantial
        and thanked is None  # what one is thanked for took place
        and any(v.type not in ("ACCUSE",) and v.index < trig.index + 8 for v in verbs_in_clause)
    ):
        # "ordered the mobilisation of ...": what a government orders, it does
        ordered = tokens[verbs_in_clause[0].index].lemma.lower() in cues.executive_lemmas
        hypothetical = hypothetical or (trig.type != verbs_in_clause[0].type and not ordered)
    if trig.noun and _content_of_speech_noun(trig, triggers, tokens, cues):
        hypothetical = True  # "die Forderung nach einem Rückzug": only demanded
    if (
        trig.noun
        and info.lemmas & cues.decision_lemmas
        and opening_prep(tokens, trig.index, cues) in cues.topic_preps
    ):
        hypothetical = True  # "will über weitere Hilfen entscheiden": not yet given
    if (
        trig.noun
        and not main_noun
        and trig.entry.cameo.quad_class in SPEECH_QUADS
        and any(v.type in REACTION_TYPES for v in verbs_in_clause)
        and not reason  # "criticised Kenya over Macron's visit": the visit took place
    ):
        return None  # "ließ die Forderung Moskaus abblitzen": only the reaction is coded
    return negated, hypothetical


def _mediated_parties(
    c: int,
    subjects: list[Slot | None],
    inherited: Slot | None,
    sources: list[Slot],
    slots: list[Slot],
    clause_of: list[int],
) -> list[Slot]:
    """The parties a mediator talks to: those it mediates between ("mediated between Russia
    and Ukraine"), else the coordinated subject ("X und Y einigten sich unter Vermittlung")."""
    keys = {m.actor.key() for s in sources for m in members(s)}
    subj = between_slot(c, slots, clause_of) or subjects[c] or inherited
    if subj is None or not subj.coord:
        # "vermittelte in Moskau und Tiflis zwischen den Kriegsparteien": the capitals
        # shuttled between stand for the parties
        subj = next(
            (s for s in slots if clause_of[s.start] == c and s.kind == "metonym" and s.coord),
            None,
        )
    if subj is None or not subj.coord:
        return []
    return [m for m in members(subj) if m.actor.key() not in keys]


def _evidence(
    trig: TriggerMatch, sources: list[Slot], target: Slot | None, inherited: Slot | None
) -> float:
    """How strong the cues of one event are, as a factor of the confidence: verbs over
    nouns, unambiguous words over weak ones, a source in its own clause over an inherited
    one, an object or target preposition over a place or a genitive."""
    ev = 0.8 if trig.noun else 1.0
    if trig.entry.weak:
        ev *= 0.88
    if sources and sources[0] is inherited:
        ev *= 0.85
    elif sources and (sources[0].attributive or sources[0].kind == "place"):
        ev *= 0.95
    if target is not None and target.picked_rank >= 0:
        ev *= 1.0 if target.picked_rank <= 4 else 0.93 if target.picked_rank <= 6 else 0.9
    return ev


#: quad classes of speech acts: as the object of a reaction they are not coded again
SPEECH_QUADS = frozenset({1, 3})


#: speech-act nouns whose prepositional phrase holds only what is demanded, threatened or
#: promised ("Forderung nach", "Drohung mit", "Angebot von")
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE"})


def _content_of_speech_noun(
    trig: TriggerMatch, triggers: list[TriggerMatch], tokens: list, cues: Cues
) -> bool:
    """Whether the event noun is the content of a demand, threat or promise noun a few
    words before it, joined by a preposition ("die Forderung Moskaus nach einem Rückzug")."""
    for other in triggers:
        gap = tokens[other.index + 1 : trig.index]
        if (
            other.noun
            and other.type in CONTENT_TYPES
            and 0 < len(gap) <= 4
            and any(t.lower in cues.prepositions for t in gap)
            and not any(t.lower in cues.clause_punct for t in gap)
        ):
            return True
    return False

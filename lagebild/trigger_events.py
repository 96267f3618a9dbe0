"""Events of one trigger: its arguments (trigger_arguments), a mediation's parties, its
modality (negated, hypothetical) and the event records."""

from __future__ import annotations

from dataclasses import replace

from lagebild.coordination import members
from lagebild.cues import Cues
from lagebild.event_build import rule_event, synthetic_entry
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
    if _hosts(f, a):
        # "talks ... hosted by Saudi Arabia", "a deal brokered by Oman": the host talks to the
        # parties of the act it hosts, found once all acts are known (hosted_events)
        f.hosted.append((a.trig, a.sources))
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


def _hosts(f: SentenceFrame, a: TriggerArgs) -> bool:
    """A mediator with no parties of its own, or a host of talks the sentence names."""
    trig, sources, tokens = a.trig, a.sources, f.tokens
    if not sources:
        return False
    if trig.entry.cameo.code.startswith(MEDIATE_CODE):
        return not _mediated_parties(a.c, f.subjects, a.inherited, sources, f.slots, f.clause_of)
    if a.target is not None and a.target.prep is None and a.target.actor.key():
        return False  # "hosted Iranian officials for talks": the guest is the object
    return tokens[trig.index].lemma.lower() in f.cues.talk_host_lemmas and any(
        t.noun and t.type == "CONSULT" for t in f.triggers
    )


#: acts whose two parties a host or mediator talks to
HOSTED_TYPES = frozenset({"CONSULT", "AGREE", "CONCEDE", "COOPERATE"})


def hosted_events(f: SentenceFrame, events: list[Event]) -> list[Event]:
    """A host or mediator consults both parties of the act it hosts: "Talks between American
    and Russian officials were hosted by Saudi Arabia" -> SAU-USA, SAU-RUS."""
    out: list[Event] = []
    for trig, hosts in f.hosted:
        keys = {m.actor.key() for s in hosts for m in members(s)}
        act = next(
            (
                e
                for e in events
                if e.type in HOSTED_TYPES
                and not (e.negated or e.hypothetical)
                and e.source is not None
                and e.target is not None
                and e.source.key()
                and e.target.key()
                and e.source.key() != e.target.key()
                and not {e.source.key(), e.target.key()} & keys
            ),
            None,
        )
        if act is None:
            continue
        for host in (m for s in hosts for m in members(s)):
            if host.actor.country or host.actor.org:
                for party in (act.source, act.target):
                    out.append(rule_event(trig, host.actor, party, f.sent, f.ctx, f.tokens))
    return out


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
    order = a.order
    hypothetical = is_hypothetical(
        *(
            (order, tokens, infos[f.clause_of[order.index]])
            if order is not None and a.sources  # an order given is carried out
            else (trig, tokens, info)
        ),
        cues,
        question,
        main_noun,
        any(i.conditional for i in infos),
    )
    if circumstantial and not question:
        # "during Putin's visit": only the noun phrase itself can make it unreal
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
    if (
        hypothetical
        and not question
        and not info.conditional
        and (
            _presupposed_attack(trig, a.sources, a.target, tokens, cues)
            or _ended_attack(trig, a.sources, a.target, tokens[info.lo : trig.index], cues)
            or _contact_relative(trig, tokens, cues)
        )
        # "fears the Russian invasion could come": a modal after it keeps it unreal
        and not any(
            t.lower in cues.hypothetical or t.lower in cues.future_aux
            for t in tokens[trig.index + 1 : info.hi]
        )
    ):
        hypothetical = False  # "accused China of fuelling Russia's war against Ukraine"
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


def _presupposed_attack(
    trig: TriggerMatch, sources: list[Slot], target: Slot | None, tokens: list, cues: Cues
) -> bool:
    """An attack noun that names its attacker by a possessive or after "the", and its target,
    is taken as given wherever it stands ("Russia's war against Ukraine", "the Hamas attack
    on Israel"), unless its own phrase makes it possible or planned ("any Russian attack")."""
    if not (trig.noun and trig.type == "ASSAULT" and sources and target is not None):
        return False
    src = sources[0]
    if not (target.actor.country or target.actor.org) or src.end > trig.index:
        return False
    k = src.start - 1
    definite = src.possessive or (k >= 0 and tokens[k].lower in cues.definite_articles)
    phrase = {t.lower for t in tokens[max(0, src.start - 2) : trig.index]}
    return definite and not phrase & (cues.hypothetical_np | cues.hypothetical)


def _ended_attack(
    trig: TriggerMatch, sources: list[Slot], target: Slot | None, before: list, cues: Cues
) -> bool:
    """Fighting between named sides that a verb of ending stops went on ("to end more than a
    year of fighting between Israeli forces and Hezbollah")."""
    return (
        trig.noun
        and trig.type == "ASSAULT"
        and bool(sources)
        and target is not None
        and any(t.lemma.lower() in cues.cessation_lemmas for t in before[-7:])
    )


#: English perfect auxiliaries ("the troops it has massed")
_EN_PERFECT = frozenset({"has", "have", "had"})


def _contact_relative(trig: TriggerMatch, tokens: list, cues: Cues) -> bool:
    """A past act in a relative clause without a pronoun, with a pronoun subject after a noun,
    is stated, not asked for: "urged Russia to pull back the troops it has massed"."""
    i = trig.index
    tok = tokens[i]
    if trig.noun or cues.lang == "de" or tok.lemma.lower() == tok.lower:
        return False  # a base form ("to mass") is no past act
    j = i - 1
    if j >= 0 and tokens[j].lower in _EN_PERFECT:
        j -= 1
    pronouns = cues.state_pronouns | cues.subject_pronouns | cues.group_pronouns
    return (
        j >= 1
        and tokens[j].lower in pronouns
        and tokens[j - 1].text.isalpha()
        and tokens[j - 1].text.islower()
        and tokens[j - 1].lower not in cues.prepositions
        and tokens[j - 1].lower not in cues.complementizers
        # a plural noun: "troops", "children"; not a verb ("said it had", "claimed they")
        and tokens[j - 1].lemma.lower() != tokens[j - 1].lower
        and not tokens[j - 1].lower.endswith("ed")
        and tokens[j - 1].lemma.lower() not in cues.reporting_lemmas
    )


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
            # "signed an agreement during Modi's visit": the visit is when, not what
            and not any(t.lower in cues.occasion_preps for t in gap)
        ):
            return True
    return False

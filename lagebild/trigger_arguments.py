"""The arguments of one trigger, step by step: from its clause (arguments.choose_arguments),
then the constructions that change them (hosting, forces sent to help, reduced relatives,
possessives, "between", answered acts, shared objects, event nouns and their subjects,
implied people and places, thanks)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lagebild.arguments import choose_arguments
from lagebild.coordination import members
from lagebild.cues import Cues
from lagebild.event_build import circumstantial as in_circumstance
from lagebild.event_build import synthetic_entry
from lagebild.event_pairs import (
    COMPLEMENT_TARGET_TYPES,
    FORCES_SECTORS,
    OWN_FORCES_TYPES,
)
from lagebild.modality import ClauseInfo
from lagebild.ontology import HOST_VISIT_CODE, SYMMETRIC_TYPES
from lagebild.phrases import (
    BETWEEN_PREPS,
    aid_destination,
    between_slot,
    context_target,
    in_aftermath,
    plural_owner_parties,
    possessive_owner,
    reduced_relative,
    under_framework,
    visitor,
)
from lagebild.protest_rules import CIVILIAN_ACTS
from lagebild.referents import located_civilians
from lagebild.sentence_frame import SentenceFrame
from lagebild.slots import JOINT_PREP, Slot, opening_prep
from lagebild.target_rules import AID_FORCES_CODE, REACTION_TYPES
from lagebild.triggers import TriggerMatch

#: sectors of authorities: a protest noun they allow, ban or watch is held by others
AUTHORITY_SECTORS = FORCES_SECTORS | {"GOV", "JUD"}


@dataclass(slots=True)
class TriggerArgs:
    """A trigger with its clause, sources and target, and what the steps found about it."""

    trig: TriggerMatch
    c: int
    inherited: Slot | None
    sources: list[Slot]
    target: Slot | None
    passive: bool
    verbs_in_clause: list[TriggerMatch] = field(default_factory=list)
    circumstantial: bool = False
    main_noun: bool = False
    reason: bool = False
    thanked: Slot | None = None
    #: partners "gemeinsam mit X": they act too, and the sources cooperate with them
    partners: list[Slot] = field(default_factory=list)
    own_sources: list[Slot] = field(default_factory=list)
    #: the verb that orders a passive deployment ("ordered the army to be put on alert")
    order: TriggerMatch | None = None


def initial_arguments(f: SentenceFrame, trig: TriggerMatch) -> TriggerArgs | None:
    """A trigger's sources and target from its clause, then from the constructions that change
    them: a visitor hosted, forces sent to help, a reduced relative, a possessive owner, the
    parties "between", an answered act, an object shared with a coordinated verb; None for a
    reduced relative that names no actor (no event)."""
    cues, tokens, slots, clause_of, triggers = f.cues, f.tokens, f.slots, f.clause_of, f.triggers
    infos, controlled, subjects, answered = f.infos, f.controlled, f.subjects, f.answered
    c = clause_of[trig.index]
    inherited = _inherited_subject(c, infos, subjects, tokens, cues, slots, c in controlled)
    sources, target, _passive = choose_arguments(
        trig, tokens, slots, clause_of, cues, inherited, c in controlled
    )
    antecedent = (
        _oblique_antecedent(infos[c], tokens, cues, slots)
        if not trig.noun and c not in controlled
        else None
    )
    if antecedent is not None:
        # "Ruanda, dem die Vereinten Nationen ... vorwerfen": the clause's own subject acts,
        # the noun the relative pronoun follows is its object
        if not sources and target is not None and target is not antecedent:
            sources = [target]
        if not (sources and antecedent.actor.key() == sources[0].actor.key()):
            target = antecedent
    # "warfen gemeinsam mit der jordanischen Luftwaffe Hilfsgüter ab": the partner acts
    # too, and the two cooperate
    partners = [
        s
        for s in slots
        if s.prep == JOINT_PREP and clause_of[s.start] == c and s.coord_head and not trig.noun
    ]
    own_sources = list(sources)
    sources = sources + partners if sources else sources
    if (
        trig.entry.inv
        and trig.type == "AID"
        and target is not None
        and visitor(sources)
        and sources[0].prep is None  # "bekam aus Washington Waffen": a giver, no guest
    ):
        # "Xi received the Brazilian president": a visitor is received, hosted (043)
        trig = replace(trig, entry=synthetic_entry(HOST_VISIT_CODE))
        sources, target = [target], sources[0]
    elif (
        tokens[trig.index].lemma.lower() in cues.hosting_lemmas
        and target is not None
        and not target.possessive
        and visitor([target])
    ):
        # "was welcomed by Putin in the Kremlin": a visitor welcomed is hosted (043)
        trig = replace(trig, entry=synthetic_entry(HOST_VISIT_CODE))
    if (
        not trig.noun
        and (target is None or not (target.actor.country or target.actor.org))
        and sources
        and (trig.type == "MOBILIZE" or sources[0].actor.sector in FORCES_SECTORS)
        and trig.type in ("MOBILIZE", "CONSULT")
    ):
        helped = aid_destination(trig, tokens, slots, clause_of, cues)
        if helped is not None:
            trig = replace(trig, entry=synthetic_entry(AID_FORCES_CODE))
            target = helped
    relative = reduced_relative(trig, tokens, slots, cues)
    if relative is not None:
        # "bases in Iraq hosting American troops": the -ing form belongs to the noun
        # before the place; no actor there, no event
        if not relative:
            return None
        sources = relative
    if trig.noun and not sources:
        owner = possessive_owner(trig.index, tokens, slots, cues)
        sources = [owner] if owner is not None else []
    if trig.noun and trig.type in SYMMETRIC_TYPES and target is None:
        # "hailed Xi after their meeting in Busan": the two sides the sentence names
        both = plural_owner_parties(trig.index, tokens, slots, f.ctx)
        if both is not None:
            sources, target = [both[0]], both[1]
    if not sources and trig.type in SYMMETRIC_TYPES:
        # "A ceasefire between Israel and Hezbollah was agreed": the parties of the act
        between = between_slot(c, slots, clause_of)
        if between is not None:
            sources, target = [between], None
    if (
        (target is None or not (target.actor.country or target.actor.org))
        and answered is not None
        and sources
        and sources[0].actor.key() != answered.actor.key()
    ):
        # "Iran freed the Swedish diplomat. In return, Sweden released ...": aimed at the
        # author of the act reported before
        target = answered
    if target is None or not (target.actor.country or target.actor.org):
        target = (
            context_target(
                trig, triggers, tokens, slots, clause_of, cues, sources[0] if sources else None
            )
            or target
        )
    if target is None and not trig.noun:
        target = _shared_object(f, trig, inherited)
    if target is None and not trig.noun and trig.type in COOPERATIVE_TYPES:
        target = _counterpart_before(f, trig, inherited)
    args = TriggerArgs(trig, c, inherited, sources, target, _passive)
    args.partners, args.own_sources = (partners, own_sources) if own_sources else ([], [])
    return args


def frame_noun(f: SentenceFrame, a: TriggerArgs) -> bool:
    """Place an event noun in its clause: the verbs beside it, whether it is the main act or a
    circumstance, a reason, or an object (a possessive naming whom a reaction aims at);
    False when it is only the frame of the clause's act."""
    cues, tokens, slots, clause_of, triggers = f.cues, f.tokens, f.slots, f.clause_of, f.triggers
    subjects = f.subjects
    trig, c, inherited, sources = a.trig, a.c, a.inherited, a.sources
    verbs_in_clause = [
        t for t in triggers if clause_of[t.index] == c and not t.noun and t is not trig
    ]
    if (
        trig.noun
        and any(v.index < trig.index for v in verbs_in_clause)
        and under_framework(tokens, trig.index, cues)
    ):
        return False  # "released 2,000 prisoners under an amnesty": the frame of the act
    # "bei Kundgebungen", "after a visit", "during Putin's visit": a real event in a
    # circumstantial phrase, not the object of the clause's verb
    circumstantial = trig.noun and in_circumstance(tokens, trig.index, cues)
    main_noun = trig.noun and (not verbs_in_clause or circumstantial)
    if (
        trig.noun
        and not main_noun
        and not sources
        and trig.index > 0
        and tokens[trig.index - 1].lower in cues.possessives
        and (subjects[c] or inherited) is not None
    ):
        # "wurde für seine Angriffe kritisiert", "kritisierte X für seine Angriffe": the
        # possessive points to whom the reaction is aimed at, else to the subject
        reaction = next((v for v in verbs_in_clause if v.type in REACTION_TYPES), None)
        aimed = (
            choose_arguments(reaction, tokens, slots, clause_of, cues, inherited)[1]
            if reaction is not None
            else None
        )
        sources = [aimed or subjects[c] or inherited]  # type: ignore[list-item]
    reason = trig.noun and _reason_phrase(tokens, trig.index, cues)
    a.sources, a.verbs_in_clause, a.circumstantial = sources, verbs_in_clause, circumstantial
    a.main_noun, a.reason = main_noun, reason
    return True


def noun_subject(f: SentenceFrame, a: TriggerArgs) -> bool:
    """The source of a main event noun with no actor of its own: the agent of a passive clause,
    else the clause's subject; its indirect object as target. False when the noun is no
    event of the subject's and names no other actor (a rally the authorities allow)."""
    cues, tokens, slots, clause_of, subjects = f.cues, f.tokens, f.slots, f.clause_of, f.subjects
    trig, c, inherited, sources, target = a.trig, a.c, a.inherited, a.sources, a.target
    circumstantial, main_noun, reason = a.circumstantial, a.main_noun, a.reason
    if (
        trig.noun
        and not sources
        and main_noun
        and not reason
        and not (circumstantial and trig.type == "PROTEST" and _bare_noun(tokens, trig.index, cues))
        # "Nach der Hinrichtung des Deutsch-Iraners bestellte das Amt ... ein": an act of
        # occasion with its own genitive is not the subject's
        and not (
            circumstantial
            and trig.type != "PROTEST"
            and trig.index + 1 < len(tokens)
            and tokens[trig.index + 1].lower in cues.genitive_articles
        )
    ):
        # "Sanctions on Russia were announced by the US Treasury": the agent of the clause
        agent = next(
            (
                s
                for s in slots
                if s.coord_head
                and s.prep in cues.agent_preps
                and s.kind != "place"
                and s.start > trig.index
                and (clause_of[s.start] == c or trig.index == 0)
            ),
            None,
        )
        if agent is not None and not any(t.lemma.lower() in cues.passive_aux for t in tokens):
            agent = None  # an active clause has no agent: "Manöver in der Straße von Taiwan"
        subj = agent or subjects[c] or inherited
        if (
            subj is None
            and circumstantial
            and c + 1 < len(subjects)
            and all(s is None for s in subjects[:c])
        ):
            # "During a phone call with Putin, Xi called for talks", "A day after meeting
            # Xi, Putin warned ...": the subject of the clause after the opening phrase
            subj = subjects[c + 1]
        if (
            subj is not None
            and trig.type == "PROTEST"
            and not circumstantial
            and subj.actor.sector in AUTHORITY_SECTORS
        ):
            return False  # "die Behörden genehmigten eine Kundgebung": others hold it
        if subj is not None and subj is not target:
            sources = [subj]
        if target is None and sources:
            # "handed the Australian writer a death sentence": the indirect object
            target = next(
                (
                    s
                    for s in slots
                    if clause_of[s.start] == c
                    and s.coord_head
                    and sources[0].end <= s.start < trig.index
                    and s.prep is None
                    and (s.actor.country or s.actor.org)
                    and s.kind != "place"
                    and s.actor.key() != sources[0].actor.key()
                ),
                None,
            )
    a.sources, a.target = sources, target
    return True


def implied_arguments(f: SentenceFrame, a: TriggerArgs) -> None:
    """Arguments the sentence implies: the place travelled to for a visit, forces' own state,
    the people of a place for a protest, who orders an act."""
    ctx, cues, tokens, slots, clause_of = f.ctx, f.cues, f.tokens, f.slots, f.clause_of
    subjects = f.subjects
    trig, c, inherited, sources, target = a.trig, a.c, a.inherited, a.sources, a.target
    _passive, verbs_in_clause, circumstantial = a.passive, a.verbs_in_clause, a.circumstantial
    main_noun, reason = a.main_noun, a.reason
    if target is None and sources and trig.noun and trig.type == "CONSULT":
        # "Macron went to Beijing for a state visit": the place travelled to before
        target = next(
            (
                s
                for s in slots
                if clause_of[s.start] == c
                and s.coord_head
                and sources[0].end <= s.start < trig.index
                and s.prep in cues.destination_preps
                and (s.actor.country or s.actor.org)
                and s.actor.key() != sources[0].actor.key()
            ),
            None,
        )
    if (
        trig.type in OWN_FORCES_TYPES
        and _passive
        and not sources
        and target is not None
        and target.start < trig.index
    ):
        # "Russian troops were deployed to the border": the forces' own state deploys
        sources, target = [target], None
    if trig.type in OWN_FORCES_TYPES and _passive and not sources and c > 0:
        # "Putin ordered the forces to be put on alert": who orders it deploys
        a.order = next(
            (
                v
                for v in f.triggers
                if not v.noun
                and clause_of[v.index] == c - 1
                and tokens[v.index].lemma.lower() in cues.executive_lemmas
            ),
            None,
        )
        if a.order is not None:
            sources = choose_arguments(a.order, tokens, slots, clause_of, cues, None)[0]
    stateless_people = (
        len(sources) == 1
        and not sources[0].actor.country
        and not sources[0].actor.org
        and sources[0].actor.sector == "CVL"
        and (trig.type == "PROTEST" or (trig.type in CIVILIAN_ACTS and not trig.noun))
    )
    if (
        (not sources or stateless_people)
        and (trig.type == "PROTEST" or stateless_people)
        and (main_noun or not trig.noun)
        and not (trig.noun and in_aftermath(tokens, trig.index, cues))
        # "nach Massenprotesten": a protest noun of occasion with no attribute is not coded
        and not (circumstantial and _bare_noun(tokens, trig.index, cues))
        and not reason
        # "löste einen internationalen Aufruhr aus": an outcry of the world, no local crowd
        and not (
            trig.noun and trig.index > 0 and tokens[trig.index - 1].lower in cues.worldwide_words
        )
    ):
        # "Kundgebungen in Moskau", "protesters stormed his residence": the people of
        # the place, else of the one state the sentence is about
        text = sources[0].actor.text if sources else tokens[trig.index].text
        people = located_civilians(ctx, slots, text, trig.index)
        sources = [people] if people else sources
    if (
        trig.type == "PROTEST"
        and sources
        and (
            target is None
            or not (target.actor.country or target.actor.org)
            or target.prep is None
            or target.prep in cues.location_preps
        )
    ):
        # "Ukrainians protested outside the Russian embassy": at the state whose mission it is
        own = sources[0].actor.key()
        mission = next(
            (
                s
                for s in slots
                if s.attributive
                and s.end < len(tokens)
                and tokens[s.end].lemma.lower() in cues.mission_nouns
                and (s.actor.country or s.actor.org)
                and s.actor.key() != own
            ),
            None,
        )
        if mission is not None:
            target = mission
        elif (
            target is not None
            and target.prep in cues.location_preps
            and sources[0].actor.country
            and target.actor.country != sources[0].actor.country
        ):
            # "Belarusian exiles marched through Vilnius": against their own state, not the
            # one they march in
            target = None
    if (
        trig.noun
        and not main_noun
        and not sources
        and any(
            v.index < trig.index and tokens[v.index].lemma.lower() in cues.executive_lemmas
            for v in verbs_in_clause
        )
    ):
        # "ordered the closure of the consulate": who orders an act does it
        subj = subjects[c] or inherited
        sources = [subj] if subj is not None else []
    a.sources, a.target = sources, target


def thanks_and_references(f: SentenceFrame, a: TriggerArgs) -> bool:
    """Who is thanked did the act; an object noun with no actor refers back to an act reported
    before and a noun that repeats its verb's act are dropped (False); a complement's subject
    is the target of a demand."""
    ctx, cues, tokens, slots, clause_of = f.ctx, f.cues, f.tokens, f.slots, f.clause_of
    triggers, infos, back_refs = f.triggers, f.infos, f.back_refs
    trig, c, inherited, sources, target = a.trig, a.c, a.inherited, a.sources, a.target
    verbs_in_clause, circumstantial, main_noun = a.verbs_in_clause, a.circumstantial, a.main_noun
    thanks = _thanks_verb(trig, triggers, tokens, clause_of, cues)
    thanked = None
    if thanks is not None:
        # the one thanked did the act, for the one who thanks
        thanker, thanked, _ = choose_arguments(thanks, tokens, slots, clause_of, cues, inherited)
        if thanker and thanked is not None:
            sources, target = [thanked], thanker[0]
        else:
            thanked = None
    if trig.noun and not main_noun and not sources:
        # the object of another trigger's verb, with no actor of its own: it may name an
        # act reported before ("Die EU verurteilte den Angriff")
        if trig.type in ctx.recent:
            back_refs.append((c, ctx.recent[trig.type]))
        return False
    if (
        trig.noun
        and not circumstantial
        and any(v.type == trig.type and v.index < trig.index for v in verbs_in_clause)
        and not (sources and sources[0].prep in BETWEEN_PREPS)
    ):
        # "verhängte Sanktionen": the verb's event already says it; but "hosted talks
        # between X and Y" names the parties of the talks too
        return False
    if (
        target is None
        and trig.type in COMPLEMENT_TARGET_TYPES
        and tokens[trig.index].lemma.lower() not in cues.deny_lemmas
    ):
        target = _complement_target(c, infos, slots, sources, cues)
    a.sources, a.target, a.thanked = sources, target, thanked
    return True


def _shared_object(f: SentenceFrame, trig: TriggerMatch, inherited: Slot | None) -> Slot | None:
    """Two verbs joined by "and" share the object that follows the second one: "beat and
    detained two journalists", "verurteilte und verhöhnte die Ukraine"."""
    tokens, cues = f.tokens, f.cues
    j = trig.index + 2
    if j >= len(tokens) or tokens[trig.index + 1].lower not in cues.coordinators:
        return None
    nxt = next((t for t in f.triggers if t.index == j and not t.noun), None)
    if nxt is None:
        return None
    _, target, _ = choose_arguments(nxt, tokens, f.slots, f.clause_of, cues, inherited)
    return target


#: cooperative acts whose second verb shares the counterpart of the first ("met X and
#: promised closer ties")
COOPERATIVE_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "AID", "COOPERATE"})


def _counterpart_before(
    f: SentenceFrame, trig: TriggerMatch, inherited: Slot | None
) -> Slot | None:
    """A cooperative verb after "and" with no counterpart of its own shares that of the
    cooperative verb before it: "met Lukashenko and promised closer economic ties"."""
    tokens, cues, clause_of = f.tokens, f.cues, f.clause_of
    i = trig.index
    if i < 1 or tokens[i - 1].lower not in cues.coordinators:
        return None
    before = [
        t
        for t in f.triggers
        if t.index < i - 1
        and not t.noun
        and t.type in COOPERATIVE_TYPES
        and clause_of[t.index] >= clause_of[i] - 1
    ]
    if not before:
        return None
    _, target, _ = choose_arguments(before[-1], tokens, f.slots, clause_of, cues, inherited)
    return target


#: quad classes of acts one is thanked for: cooperation, verbal or material
THANKED_QUADS = frozenset({1, 2})


def _thanks_verb(
    trig: TriggerMatch, triggers: list[TriggerMatch], tokens: list, clause_of: list[int], cues: Cues
) -> TriggerMatch | None:
    """The verb of thanks whose "für" phrase the event noun stands in ("Selenskyj dankte
    Deutschland für die Lieferung ...", "thanked Japan for its aid"), or None."""
    if (
        not trig.noun
        or trig.entry.cameo.quad_class not in THANKED_QUADS
        or opening_prep(tokens, trig.index, cues) not in cues.thanks_preps
    ):
        return None
    return next(
        (
            t
            for t in triggers
            if not t.noun
            and t.index < trig.index
            and clause_of[t.index] == clause_of[trig.index]
            and tokens[t.index].lemma.lower() in cues.thanks_lemmas
        ),
        None,
    )


def _bare_noun(tokens: list, i: int, cues: Cues) -> bool:
    """An event noun with no attribute after it ("nach tagelangen Protesten, gab ..."),
    unlike "nach Protesten der Gelbwesten", "bei Kundgebungen gegen die Mobilmachung"."""
    return i + 1 >= len(tokens) or tokens[i + 1].lower not in cues.noun_attribute_openers


def _reason_phrase(tokens: list, i: int, cues: Cues) -> bool:
    """Whether the event noun at i stands in a phrase of reason or attribution ("wegen der
    Verschleppung ukrainischer Kinder"): what the clause's subject blames, not its act."""
    return opening_prep(tokens, i, cues) in cues.reason_preps


def _complement_target(
    c: int, infos: list[ClauseInfo], slots: list[Slot], sources: list[Slot], cues: Cues
) -> Slot | None:
    """The first named actor of the clause governed by clause c, or of a clause of cause or
    time after it ("verlangte Schadenersatz, weil Russland ..."), other than the source."""
    keys = {m.actor.key() for s in sources for m in members(s)}
    for info in infos[c + 1 :]:
        if not (info.governed or info.denied or info.first_word in cues.adverbial_conj):
            break
        for s in slots:
            if (
                info.lo <= s.start < info.hi
                and s.coord_head
                and s.kind != "place"
                and (s.actor.country or s.actor.org)
                and s.actor.key() not in keys
            ):
                return s
    return None


def _oblique_antecedent(
    info: ClauseInfo, tokens: list, cues: Cues, slots: list[Slot]
) -> Slot | None:
    """The actor a relative clause in an object case follows ("Ruanda, dem die Vereinten
    Nationen ... vorwerfen"): the relative pronoun, then an article of the clause's subject."""
    if info.first_word not in cues.oblique_relatives:
        return None
    k = next((i for i in range(info.lo, info.hi) if tokens[i].lower == info.first_word), None)
    if k is None or k + 1 >= info.hi or tokens[k + 1].lower not in cues.determiners:
        return None
    return next(
        (
            s
            for s in reversed(slots)
            if s.end <= info.lo
            and s.kind != "place"
            and (s.actor.country or s.actor.org)
            and all(not t.text[:1].isalnum() for t in tokens[s.end : k])
        ),
        None,
    )


def _inherited_subject(
    c: int,
    infos: list[ClauseInfo],
    subjects: list[Slot | None],
    tokens: list,
    cues: Cues,
    slots: list[Slot] | None = None,
    controlled: bool = False,
) -> Slot | None:
    """The subject a clause shares with the one before ("und wies ... aus", "drohte, ... zu");
    for a relative clause ("Demonstranten, die ... protestierten") the noun it follows."""
    if c == 0:
        # "Speaking after talks with Scholz, Tusk said ...": the main clause's subject
        if tokens[0].lower in cues.participle_openers and len(subjects) > 1:
            return next((s for s in subjects[1:] if s is not None), None)
        return None
    info = infos[c]
    if not controlled and slots is not None and _oblique_antecedent(info, tokens, cues, slots):
        return None  # "Ruanda, dem die UN ... vorwerfen": the noun is no subject there
    if info.first_word in cues.relative_pronouns and slots is not None and not controlled:
        k = next((i for i in range(info.lo, info.hi) if tokens[i].lower == info.first_word), None)
        if (
            k is not None
            and k + 1 < info.hi
            and (tokens[k + 1].text[:1].islower() or cues.lang != "de")
        ):
            antecedent = next(
                (
                    s
                    for s in reversed(slots)
                    if s.end <= info.lo and all(not t.text[:1].isalnum() for t in tokens[s.end : k])
                ),
                None,
            )
            # "an agreement in Doha that paves the way": a place is no relative's subject
            if antecedent is not None and antecedent.prep in cues.location_preps:
                return None
            return antecedent
    if info.first_word in cues.complementizers:
        return None
    for k in range(c - 1, -1, -1):
        if subjects[k] is not None:
            return subjects[k]
    return None

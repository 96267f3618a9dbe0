"""Clauses and arguments: who is the source and who the target of a trigger.

No parser exists offline for German, so roles come from cues a parser would also use:
prepositions before a noun phrase, object determiners (den/dem), passive auxiliaries with
an agent phrase (von/by), word order (English SVO, German first nominative), coordination.
"""

from __future__ import annotations

from lagebild.clauses import is_passive
from lagebild.cues import Cues
from lagebild.nominal_arguments import LOCATED_TYPES, nominal_arguments
from lagebild.schema import Token
from lagebild.slots import GENITIVE, JOINT_PREP, Slot, is_named
from lagebild.triggers import TriggerMatch

#: default target prepositions per PLOVER type, by language
DEFAULT_TPREPS: dict[str, dict[str, frozenset[str]]] = {
    "de": {
        "CONSULT": frozenset({"mit", "bei"}),
        "AGREE": frozenset({"mit"}),
        "COOPERATE": frozenset({"mit"}),
        "AID": frozenset({"an", "für"}),
        "ASSAULT": frozenset({"auf", "gegen", "in", "im"}),
        "SANCTION": frozenset({"gegen"}),
        "PROTEST": frozenset({"gegen", "vor"}),
        "ACCUSE": frozenset({"gegen"}),
        "THREATEN": frozenset({"gegen"}),
        "COERCE": frozenset({"gegen"}),
        "REQUEST": frozenset({"an"}),
        "SUPPORT": frozenset({"für", "hinter"}),
        # "lehnte Waffenlieferungen an die Ukraine ab": what is refused goes to the target
        "REJECT": frozenset({"von", "an", "für"}),
        "MOBILIZE": frozenset({"zu", "zur", "zum", "entlang", "nahe", "gegen", "um", "vor"}),
        "RETREAT": frozenset({"aus", "von"}),
        "CONCEDE": frozenset({"gegenüber"}),
    },
    "en": {
        "CONSULT": frozenset({"with"}),
        "AGREE": frozenset({"with", "to"}),
        "COOPERATE": frozenset({"with"}),
        "AID": frozenset({"to", "for"}),
        "ASSAULT": frozenset({"on", "against", "in", "into"}),
        "SANCTION": frozenset({"on", "against"}),
        "PROTEST": frozenset({"against"}),
        "ACCUSE": frozenset({"against", "of"}),
        "THREATEN": frozenset({"against"}),
        "COERCE": frozenset({"against", "on"}),
        "REQUEST": frozenset({"of", "to"}),
        "SUPPORT": frozenset({"for", "behind", "with"}),
        "REJECT": frozenset({"from", "of"}),
        "MOBILIZE": frozenset(
            {"along", "near", "against", "around", "towards", "toward", "off", "with"}
        ),
        "RETREAT": frozenset({"from"}),
        "CONCEDE": frozenset({"to"}),
    },
}


def choose_arguments(
    trig: TriggerMatch,
    tokens: list[Token],
    slots: list[Slot],
    clause_of: list[int],
    cues: Cues,
    inherited: Slot | None,
    controlled: bool = False,
) -> tuple[list[Slot], Slot | None, bool]:
    """Sources (coordinated, possibly several), the target and whether the clause is passive.
    In a `controlled` clause (a German zu-infinitive) the subject is the governing clause's:
    every actor in it is an object ("erklärte sich bereit, die Geiseln freizulassen")."""
    clause = clause_of[trig.index]
    lo = clause_of.index(clause)
    hi = len(clause_of) - clause_of[::-1].index(clause)
    if trig.particle is not None and clause_of[trig.particle] != clause:
        # "lieferte einen Ukrainer, der ..., an Deutschland aus": the verb's clause goes on
        # after the relative clause up to its particle
        tail = clause_of[trig.particle]
        tail_lo = clause_of.index(tail)
        in_clause = [
            s
            for s in slots
            if (lo <= s.start < hi or tail_lo <= s.start < trig.particle) and s.coord_head
        ]
    else:
        in_clause = [s for s in slots if lo <= s.start < hi and s.coord_head]
    tpreps = trig.entry.tpreps or DEFAULT_TPREPS.get(cues.lang, {}).get(trig.type, frozenset())
    if trig.noun:
        src, tgt = nominal_arguments(trig, tokens, in_clause, tpreps, cues)
        return ([src] if src else []), tgt, False
    passive = is_passive(tokens, trig, lo, hi, cues)
    i = trig.index
    plain = [s for s in in_clause if s.prep is None and not s.attributive and not s.possessive]
    source: Slot | None = None
    if passive:
        agents = [s for s in in_clause if s.prep in cues.agent_preps and s.kind != "place"]
        if not agents and trig.entry.cameo.quad_class in (1, 3):
            # "wurde ins Auswärtige Amt einbestellt": the office one is called into acts
            agents = [
                s
                for s in in_clause
                if s.prep in cues.summon_preps and s.kind in ("institution", "metonym")
            ]
        if not agents and trig.type in SYMMETRIC_PASSIVE_TYPES:
            # "Zwischen Israel und dem Libanon wurde eine Waffenruhe vereinbart": the parties
            agents = [s for s in in_clause if s.prep in ("zwischen", "between") and s.coord]
        source = agents[0] if agents else None
    elif controlled or (
        cues.lang == "de"
        and inherited is not None
        and i == lo + 1
        and tokens[lo].lower in cues.coordinators
    ):
        # "... und drohte der Hamas mit Konsequenzen": a verb right after "und" shares the
        # subject of the clause before; the actors after it are objects
        source = inherited
    else:
        source = _active_subject(plain, in_clause, i, cues)
    target = _pick_target(trig, in_clause, plain, source, tpreps, cues, passive, controlled)
    if source is None and not passive:
        source = inherited
    if trig.entry.inv:
        source, target = target, source
        if source is None:
            source = next(
                (s for s in in_clause if s.prep in cues.agent_preps or s.prep in ("from", "aus")),
                None,
            )
    return ([source] if source else []), target, passive


def _active_subject(plain: list[Slot], in_clause: list[Slot], i: int, cues: Cues) -> Slot | None:
    """The subject of an active clause: German first nominative, English last actor before the
    verb; else an adjective heading the subject ("Eine US-Drohne tötete ...")."""
    cands = [s for s in plain if s.kind != "place"]
    if cues.lang == "de":
        subj = [s for s in cands if not s.objdet]
        # "Die NATO-Staaten sicherten der Ukraine ... zu": an adjective-named subject that
        # opens the clause comes before a later noun phrase
        lead = next(
            (
                s
                for s in in_clause
                if s.attributive
                and s.prep is None
                and not s.objdet
                and s.kind != "place"
                and s.end <= i
            ),
            None,
        )
        if (
            lead is not None
            and (not subj or lead.start < subj[0].start)
            and _opens_clause_np(lead, in_clause)
        ):
            return lead
        if subj:
            return subj[0]
    else:
        before = [s for s in cands if s.end <= i]
        if before:
            return before[-1]
    attrs = [
        s
        for s in in_clause
        if s.attributive and s.prep is None and not s.objdet and s.end <= i and s.kind != "place"
    ]
    return attrs[0] if attrs else None


def _opens_clause_np(slot: Slot, in_clause: list[Slot]) -> bool:
    """Whether the slot is the first actor of its clause."""
    return all(o.start >= slot.start for o in in_clause)


def _pick_target(
    trig: TriggerMatch,
    in_clause: list[Slot],
    plain: list[Slot],
    source: Slot | None,
    tpreps: frozenset[str],
    cues: Cues,
    passive: bool,
    controlled: bool = False,
) -> Slot | None:
    """The target, from the best-marked candidate: object, target preposition, other
    prepositions, a place after a locative (for acts done somewhere), an adjective. In a
    zu-infinitive (`controlled`) an adjective before the verb heads an object too."""
    i = trig.index
    english = cues.lang != "de"

    def ok(s: Slot) -> bool:
        return (
            s is not source
            and s.prep != JOINT_PREP
            and not s.in_adjunct
            and (not english or passive or s.start > i)
            and not _names_source(s, source)
        )

    blocked = cues.attribute_preps | cues.reporting_preps
    if passive:
        blocked = blocked | cues.agent_preps
    ranks = [
        [
            s
            for s in in_clause
            if passive
            and s.attributive
            and s.prep is None
            and is_named(s)
            and s.end <= i
            and s is not source
            and not plain
        ],
        [s for s in plain if ok(s) and is_named(s) and s.objdet],
        [s for s in plain if ok(s) and is_named(s)],
        [
            s
            for s in in_clause
            if ok(s)
            and s.attributive
            and s.prep is None
            and is_named(s)
            and (s.objdet or s.start > i or controlled)
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.possessive
            and s.prep is None
            and is_named(s)
            and (source is None or s.actor.key() != source.actor.key())
        ],
        [s for s in in_clause if ok(s) and s.prep in tpreps and is_named(s)],
        [
            s
            for s in in_clause
            if ok(s)
            and s.possessive
            and s.prep not in blocked
            and is_named(s)
            and (source is None or s.actor.key() != source.actor.key())
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep
            and s.prep not in blocked
            and s.prep not in cues.location_preps
            and s.prep not in ("zwischen", "between")
            and is_named(s)
            and not s.attributive
            and trig.type not in ONLY_MARKED_TARGET_TYPES
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep in cues.location_preps
            and is_named(s)
            and trig.type in LOCATED_TYPES
            and not s.attributive
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep in ("of", "von")
            and is_named(s)
            and not s.attributive
            and trig.type not in ("CONSULT", "AGREE", "COOPERATE")
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep in ("of", "von", "aus", "from", "gen")
            and is_named(s)
            and (source is None or s.actor.key() != source.actor.key())
        ],
        [s for s in plain if ok(s)],
        # "called on the government to ...": an unnamed addressee, resolved later
        [s for s in in_clause if ok(s) and s.prep in tpreps and trig.type == "REQUEST"],
    ]
    if trig.entry.ptarget:
        ranks.insert(0, ranks.pop(5))  # the target preposition first
    if trig.entry.topic:
        ranks = [ranks[5]]  # "erörterten die Lage in der Ukraine": the object is the topic
    # an actor rarely acts on itself: prefer a candidate of another state or organisation;
    # but people protest against their own government ("Iraner demonstrierten in Paris gegen
    # die Regierung in Teheran")
    own = source.actor.key() if source is not None and trig.type != "PROTEST" else None
    for number, rank in enumerate(ranks):
        other = [s for s in rank if s.actor.key() != own or own is None]
        if other:
            other[0].picked_rank = number
            return other[0]
    for number, rank in enumerate(ranks):
        if rank:
            rank[0].picked_rank = number
            return rank[0]
    return None


def _names_source(slot: Slot, source: Slot | None) -> bool:
    """A genitive right after the source is part of its name ("das Welternährungsprogramm der
    Vereinten Nationen"), no target."""
    return (
        source is not None and slot.prep == GENITIVE and source.end < slot.start <= source.end + 1
    )


#: joint acts whose parties a passive may name with "zwischen"/"between"
SYMMETRIC_PASSIVE_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


#: types whose target needs its own preposition: troops sent "to" an ally aim at nobody
ONLY_MARKED_TARGET_TYPES = frozenset({"MOBILIZE"})

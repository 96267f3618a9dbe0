"""Arguments of an event noun from its own noun phrase: an adjective, genitive or "von"
attribute as source or target, a prepositional target, a place where the act happened."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.ontology import VISIT_CODES
from lagebild.schema import Token
from lagebild.slots import GENITIVE, Slot, is_named
from lagebild.triggers import TriggerMatch

#: types whose target may be the place where the act happened ("schossen im Iran auf ...")
LOCATED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "AID", "RETREAT", "CONCEDE"})


#: sectors of people who suffer material conflict rather than do it: after "von" a
#: nominal act is done to them ("die Tötung von Zivilisten", "die Festnahme von Journalisten")
VICTIM_SECTORS = frozenset({"CVL", "MED", "EDU", "REF", "OPP", "HLH", "REL", "NGO"})


#: sectors of armed actors: in the genitive of an act they do it ("der Angriff der Armee")
ARMED_SECTORS = frozenset({"MIL", "REB"})


#: acts only states and organisations do: whoever stands in their genitive does them
#: ("die Sanktionen der EU", "die Strafzölle der USA")
AGENT_GENITIVE_TYPES = frozenset({"SANCTION"})


#: kinds of mention that name a place: in the genitive they say where ("im Süden des
#: Gazastreifens")
PLACE_KINDS = frozenset({"place", "country"})


#: kinds of mention that name a state or an organisation itself, not one of its people
STATE_KINDS = frozenset({"country", "org", "metonym"})


def _genitive_attribute(gap: list[str], first: Token, cues: Cues) -> bool:
    """Whether an actor after an event noun is its genitive (or "von") attribute: only
    articles, "von" and numbers between them, or nothing when the actor's phrase opens
    with an adjective ("Abschiebung afghanischer Migranten")."""
    if not gap:
        return first.text[:1].islower()
    return len(gap) <= 3 and all(
        w in cues.determiners
        or w in ("von", "vom")
        or w[:1].isdigit()
        or (w.isalpha() and w.islower() and w.endswith(("en", "er")))  # "der letzten"
        for w in gap
    )


def nominal_arguments(
    trig: TriggerMatch,
    tokens: list[Token],
    in_clause: list[Slot],
    tpreps: frozenset[str],
    cues: Cues,
) -> tuple[Slot | None, Slot | None]:
    """Arguments of an event noun from its own noun phrase: adjective/genitive source, PP target."""
    i = trig.index
    source: Slot | None = None
    target: Slot | None = None
    for s in in_clause:
        if s.end <= i and i - s.end <= 3 and s.kind != "place" and (s.attributive or s.possessive):
            source = s
        elif (
            cues.lang != "de"
            and s.end <= i
            and i - s.end <= 1
            and s.kind != "place"
            and all(
                (t.text[:1].islower() or t.text[:1].isupper()) and not t.lower.endswith("ed")
                for t in tokens[s.end : i]
            )
            and (s.end == i or tokens[s.end].lower not in cues.prepositions)
        ):
            source = s  # noun adjunct: "the Hamas attack", "a US strike"
    after = [s for s in in_clause if s.start > i]
    for s in after:
        gap = [t.lower for t in tokens[i + 1 : s.start]]
        if len(gap) > 6:
            break
        if s.prep == "zwischen" or s.prep == "between":
            source = source or s
            target = s.coord[0] if s.coord else target
            break
        if (
            cues.lang == "de"
            and trig.entry.cameo.quad_class in (2, 4)
            and s.prep in (None, GENITIVE)
            and _genitive_attribute(gap, tokens[s.start], cues)
        ):
            # "der Überfall der Hamas": an armed actor in the genitive does the act;
            # "die Festnahme eines britischen Staatsbürgers", "die Abschiebung von 28
            # afghanischen Straftätern", "die Abschiebung afghanischer Migranten" suffer it
            if (
                s.kind == "group"
                or s.actor.sector in ARMED_SECTORS
                or (trig.type in AGENT_GENITIVE_TYPES and s.kind in STATE_KINDS)
            ) and source is None:
                source = s
            elif target is None:
                target = s
        elif (
            s.prep in ("von", "vom", "of")
            and trig.entry.cameo.quad_class == 4
            and s.actor.sector in VICTIM_SECTORS
            and len(gap) <= 1
        ):
            target = target or s  # "Tötungen von Zivilisten": civilians suffer such acts
        elif s.prep == GENITIVE and not gap and source is None and s.kind != "place":
            source = s  # "unter Vermittlung Katars", "der Angriff Russlands": a name's genitive
        elif (
            s.prep in cues.agent_preps
            and source is None
            and (
                s.prep not in ("von", "vom", "of")
                or not any(t.text[:1].isupper() for t in tokens[i + 1 : s.start])
            )
        ):
            # "der Besuch von IAEA-Chef Grossi", "die Festnahme eines Briten durch iranische
            # Behörden"; "von" after another noun is that noun's ("in der Straße von Taiwan")
            source = s
        elif s.prep in ("aus", "from") and source is None and trig.entry.cameo.quad_class in (1, 3):
            source = s  # "die Kritik aus Stockholm", "criticism from Beijing"
        elif s.prep in tpreps and target is None:
            target = s
        elif (
            s.prep in (None, GENITIVE)
            and len(gap) <= 2
            and gap
            and gap[-1] in ("des", "der")
            and source is None
            and trig.entry.cameo.quad_class in (1, 3)
        ):
            source = s  # "die Warnung des US-Diplomaten"
        elif (
            s.prep in (None, GENITIVE)
            and gap
            and len(gap) <= 2
            and gap[-1] in ("des", "der")
            and target is None
        ):
            target = s  # "die Annexion der Krim"
        elif s.prep == "of" and target is None and trig.entry.cameo.quad_class not in (1,):
            target = s
    if target is None and (trig.type in LOCATED_TYPES or trig.type == "CONSULT"):
        target = next(
            (
                s
                for s in after
                if (s.prep in cues.location_preps or (s.prep == GENITIVE and s.kind in PLACE_KINDS))
                and is_named(s)
                and s is not source
                and s.start - i <= 8
                # "Orbáns Gespräche in Moskau": a capital stands for its government; "their
                # meeting in Busan": a town where two sides meet is no side
                and (
                    trig.type != "CONSULT"
                    or trig.entry.cameo.code in VISIT_CODES
                    or s.kind != "place"
                )
            ),
            None,
        )
    return source, target

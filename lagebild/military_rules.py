"""Rules for missiles and troops: missiles fired at nobody or into the sea are a test
(MOBILIZE 150), launched at a state an attack; troops sent to a border are a build-up."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.dates import date_words
from lagebild.event_build import recode, token_at
from lagebild.schema import Event
from lagebild.slots import Slot

#: the MOBILIZE code of a weapons test
TEST_CODE = "150"
#: the codes of an attack and of a troop build-up
ATTACK_CODE, BUILDUP_CODE = "190", "154"


def sea_launches(events: list[Event]) -> None:
    """Missiles fired into the sea at nobody are a test, a show of force (MOBILIZE 150),
    not an attack: "feuerte zwei Raketen ins Japanische Meer ab"."""
    for e in events:
        if e.type == "ASSAULT" and e.target is None:
            recode(e, TEST_CODE)


def missile_tests(events: list[Event], tokens: list, cues: Cues) -> None:
    """A missile fired or launched at nobody, or into the sea, is a test or a show of force
    (MOBILIZE 150), not an attack: "North Korea fired a ballistic missile on Sunday",
    "... into the Sea of Japan"; launched at a state it is an attack."""
    for e in events:
        if e.type not in ("ASSAULT", "MOBILIZE") or e.negated:
            continue
        k = token_at(e.char_start, tokens)
        if tokens[k].lemma.lower() not in cues.launch_lemmas:
            continue
        after = [t.lower for t in tokens[k + 1 : k + 12]]
        if not any(w in cues.missile_words for w in after[:7]):
            continue
        # "into the sea"; not "at a US destroyer in the Red Sea", where the sea is only where
        # the target was
        days = date_words(cues.lang).weekdays
        aimed = next(
            (
                j
                for j, w in enumerate(after)
                if w in cues.attack_preps and (after[j + 1 : j + 2] or [""])[0] not in days
            ),
            len(after),
        )
        seaward = any(w in cues.sea_words for w in after[:aimed]) or (
            e.target is None and any(w in cues.sea_words for w in after)
        )
        if e.type == "ASSAULT" and (e.target is None or seaward):
            recode(e, TEST_CODE)
            e.target = None
        elif (
            e.type == "MOBILIZE"
            and e.target is not None
            and not seaward
            and any(w in cues.attack_preps for w in after[:8])
        ):
            # "launched 40 missiles at Kyiv": an attack
            recode(e, ATTACK_CODE)


def border_buildup(events: list[Event], tokens: list, slots: list[Slot], cues: Cues) -> None:
    """Troops sent to a border or near a state are a build-up (MOBILIZE 154), not aid to a
    recipient; a build-up with no target is aimed at the state whose border it is ("deployed
    soldiers to the Belarusian border", "Poland's border")."""
    neighbour = next(
        (
            s.actor
            for s in slots
            if s.end < len(tokens)
            and s.kind != "place"
            and (s.actor.country or s.actor.org)
            and any(t.lower in cues.border_words for t in tokens[s.end : s.end + 2])
            and (s.attributive or s.possessive)
        ),
        None,
    )
    states = {s.actor.country: s.actor for s in slots if s.actor.country and s.kind != "place"}
    for e in events:
        if e.type == "AID":
            recode(e, BUILDUP_CODE)
        if e.type != "MOBILIZE" or e.target is not None or e.source is None:
            continue
        # "despite massing troops near the border" of a sentence about Ukraine: the one
        # other state it names
        others = [a for k, a in states.items() if k != e.source.key()]
        near = neighbour or (others[0] if len(others) == 1 else None)
        if near is not None and e.source.key() != near.key():
            e.target = near

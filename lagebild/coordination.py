"""Coordination of actors: "X und Y", "X, Y und Z" share one role; the head of a list
carries its later members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lagebild.cues import Cues
from lagebild.schema import Actor, Token

if TYPE_CHECKING:
    from lagebild.slots import Slot


def link_coordination(slots: list[Slot], tokens: list[Token], cues: Cues) -> None:
    """Link "X und Y", "X, Y und Z": later members share the head's role. A comma alone
    links only inside a list that a coordinator closes ("Israel, die VAE und Bahrain")."""
    # "Russia's Lavrov and China's Wang Yi": a possessive before a name only modifies it
    modifier = {
        id(s)
        for s, nxt in zip(slots, slots[1:], strict=False)
        if s.possessive and nxt.start == s.end + 1 and cues.lang != "de"
    }
    skipped = {
        i for s in slots if id(s) in modifier for i in range(s.start, min(s.end + 1, len(tokens)))
    }
    members_ = [s for s in slots if id(s) not in modifier]
    links: list[tuple[Slot, Slot, bool]] = []
    for a, b in zip(members_, members_[1:], strict=False):
        between = [tokens[i].lower for i in range(a.end, b.start) if i not in skipped]
        joins = [w for w in between if w in cues.coordinators or w == ","]
        if (
            not between
            or not joins
            or not all(w in cues.coordinators or w == "," or w in cues.determiners for w in between)
        ):
            links.append((a, b, False))
            continue
        links.append((a, b, any(w in cues.coordinators for w in joins)))
    accepted: list[tuple[Slot, Slot]] = []
    k = 0
    while k < len(links):
        # a run of adjacent links is a list when its last link has a coordinator
        run = []
        while k < len(links) and (links[k][2] or _comma_link(links[k], tokens, cues)):
            run.append(links[k])
            k += 1
            if run[-1][2]:
                break
        if run and run[-1][2] and not (len(run) == 1 and _comma_and(run[0], tokens, cues)):
            accepted.extend((a, b) for a, b, _ in run)
        k += 0 if run else 1
    for a, b in accepted:
        head = a if a.coord_head else next(s for s in slots if b in s.coord or a in s.coord)
        if a.attributive and not b.attributive and b.actor.sector:
            # "russische und amerikanische Außenminister": the adjective shares the noun
            a.actor = Actor(a.actor.text, None, a.actor.country, a.actor.org, b.actor.sector)
            a.attributive = False
            a.prep = a.prep or b.prep
        if b.attributive and not a.attributive and a.kind == b.kind == "demonym":
            a.attributive = True  # "the American and South Korean drills": both modify
        if a.attributive != b.attributive:
            continue
        head.coord.append(b)
        b.coord_head = False
        b.prep = b.prep or head.prep
        b.objdet = b.objdet or head.objdet


def _comma_and(link: tuple[Slot, Slot, bool], tokens: list[Token], cues: Cues) -> bool:
    """A comma and a coordinator between only two actors join two clauses, not a list:
    "filled the streets of Belgrade, and the police did not intervene"."""
    a, b, _ = link
    between = [t.lower for t in tokens[a.end : b.start]]
    return "," in between and any(w in cues.coordinators for w in between)


def _comma_link(link: tuple[Slot, Slot, bool], tokens: list[Token], cues: Cues) -> bool:
    """Whether only a comma (and determiners) stands between the two slots of a link."""
    a, b, _ = link
    between = [t.lower for t in tokens[a.end : b.start]]
    return (
        bool(between) and "," in between and all(w == "," or w in cues.determiners for w in between)
    )


def relink_coordination(slots: list[Slot], tokens: list[Token], cues: Cues) -> None:
    """Link coordination again after slots were added ("he and Zelensky signed"); pairs
    that stand for one phrase ("die beiden Führer") stay linked."""
    kept = [(s, c) for s in slots for c in s.coord if c.start == s.start]
    for s in slots:
        s.coord = []
        s.coord_head = True
    link_coordination(slots, tokens, cues)
    for head, member in kept:
        head.coord.append(member)
        member.coord_head = False


def list_joints(slots: list[Slot]) -> frozenset[int]:
    """Token indices between coordinated actors ("Israel, die VAE und Bahrain")."""
    keep: set[int] = set()
    for head in slots:
        chain = [head, *head.coord]
        for a, b in zip(chain, chain[1:], strict=False):
            keep.update(range(a.end, b.start))
    return frozenset(keep)


def members(slot: Slot) -> list[Slot]:
    """A slot and the slots coordinated with it."""
    return [slot, *slot.coord]

"""Who the words refer to: anaphora ("er", "it", "die beiden Führer"), the state of a role
noun ("die Regierung in Kiew"), the place a sentence is located in."""

from __future__ import annotations

from lagebild.arguments import Slot, mark_context
from lagebild.event_build import ArticleContext
from lagebild.schema import Actor, Sentence


def location(slots: list[Slot], tokens: list, ctx: ArticleContext) -> dict | None:  # type: ignore[type-arg]
    """Where the sentence's events happened: a place after a locative preposition."""
    for s in slots:
        if s.kind not in ("place", "metonym", "country") or s.prep not in ctx.cues.location_preps:
            continue
        place = ctx.places.get(tokens[s.start].start)
        # "in Brussels": the seat of an organisation is still a place in its state
        country = s.actor.country or getattr(place, "country", None)
        if country:
            return {
                "name": getattr(place, "name", None) or s.actor.name or s.actor.text,
                "country": country,
                "lat": getattr(place, "lat", None),
                "lon": getattr(place, "lon", None),
            }
    return None


def anaphora_slots(sent: Sentence, slots: list[Slot], ctx: ArticleContext) -> list[Slot]:
    """Slots for "die beiden Führer"/"the two leaders" and subject pronouns ("er", "he")."""
    extra: list[Slot] = []
    low = sent.text.lower()
    for phrase in ctx.cues.group_anaphora:
        pos = low.find(phrase)
        if pos < 0:
            continue
        # "the two leaders": the last two people named; "the two sides" after "Israel and
        # Hamas agreed on a truce": the parties of the act before
        pair = last_two(ctx.persons) or ctx.pair
        if not pair:
            break
        p_start = sent.start + pos
        ti = next((i for i, t in enumerate(sent.tokens) if t.start >= p_start), None)
        if ti is None:
            break
        tj = next((i for i, t in enumerate(sent.tokens) if t.end >= p_start + len(phrase)), ti) + 1
        if any(s.start < tj and ti < s.end for s in slots):
            slots[:] = [s for s in slots if not (s.start < tj and ti < s.end)]
        head = Slot(relabel(pair[0], sent.text[pos : pos + len(phrase)]), "person", ti, tj)
        other = Slot(
            relabel(pair[1], sent.text[pos : pos + len(phrase)]),
            "person",
            ti,
            tj,
            coord_head=False,
        )
        head.coord.append(other)
        extra.extend([head, other])
        break
    taken = {i for s in slots for i in range(s.start, s.end)}
    for i, tok in enumerate(sent.tokens):
        if tok.lower in ctx.cues.first_person_plural and i not in taken:
            quote = next(
                (q for q in ctx.quotes if q.start <= tok.start < q.end and q.speaker), None
            )
            if (
                quote is not None
                and quote.speaker is not None
                and (quote.speaker.country or quote.speaker.org)
            ):
                sp = quote.speaker
                slot = Slot(
                    Actor(tok.text, None, sp.country, sp.org, sp.sector), "person", i, i + 1
                )
                mark_context(slot, sent.tokens, ctx.cues)
                extra.append(slot)
    for i, tok in enumerate(sent.tokens):
        if tok.lower not in ctx.cues.subject_pronouns or i in taken:
            continue
        # "Trudeau announced that he would step down": the person named before, in this
        # sentence or an earlier one
        here = [s for s in slots if s.end <= i and s.kind == "person"]
        here = here or [
            s
            for s in slots
            if s.end <= i and s.kind == "role" and s.actor.sector == "GOV" and s.actor.country
        ]
        earlier = ctx.people[-1] if ctx.people else (ctx.persons[-1][1] if ctx.persons else None)
        antecedent = here[-1].actor if here else earlier
        if antecedent is not None:
            slot = Slot(relabel(antecedent, tok.text), "person", i, i + 1)
            mark_context(slot, sent.tokens, ctx.cues)
            extra.append(slot)
    for i, tok in enumerate(sent.tokens):
        # "Iran warned that it would ...": "it"/"they" as a subject is the state named before,
        # in this sentence or, at its start, in the sentence before ("It also launched ...")
        if tok.lower in ctx.cues.state_pronouns and i not in taken:
            prev = [
                s
                for s in slots
                if s.end <= i
                and s.kind in STATE_KINDS
                and (s.actor.country or s.actor.org)
                and not s.attributive
            ]
            if not prev and i == 0 and ctx.states:
                earlier = ctx.recent.get("*") or ctx.states[-1]
                prev = [Slot(earlier, "country", 0, 0)]
            if prev:
                slot = Slot(relabel(prev[-1].actor, tok.text), prev[-1].kind, i, i + 1)
                mark_context(slot, sent.tokens, ctx.cues)
                if slot.prep is None:
                    extra.append(slot)
    return extra


#: kinds of mention a pronoun like "it" can refer to
STATE_KINDS = frozenset({"country", "metonym", "org", "group", "institution"})


def relabel(actor: Actor, text: str) -> Actor:
    """The same actor named by other words."""
    return Actor(text, actor.name, actor.country, actor.org, actor.sector, actor.code)


def last_two(persons: list[tuple[int, Actor]]) -> tuple[Actor, Actor] | None:
    """The last two persons with different keys, most recent last."""
    seen: list[Actor] = []
    for _, actor in reversed(persons):
        if all(a.key() != actor.key() for a in seen):
            seen.append(actor)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


#: words linking a role noun to the state it serves: "die Regierung in Kiew", "officials of"
ROLE_LINKS = frozenset({"in", "aus", "of", "from"})


def fill_role_countries(
    slots: list[Slot], tokens: list, clause_of: list[int], ctx: ArticleContext
) -> None:
    """Give role nouns with no country one: "die Regierung in Kiew", "Soldaten der
    Bundeswehr", "officials in Beijing", else a place named in the same clause."""
    cues = ctx.cues
    for s in list(slots):
        a = s.actor
        if a.country or a.org or not a.sector:
            continue
        if s.start > 0 and (
            tokens[s.start - 1].lower in cues.unknown_words
            or tokens[s.start - 1].lower in cues.foreign_words
        ):
            continue  # "Unidentified gunmen", "unbekannte Täter", "foreign journalists"
        adj = next(
            (
                o
                for o in slots
                if o.attributive and o.end <= s.start and s.start - o.end <= 1 and o.actor.country
            ),
            None,
        )
        if adj is not None:
            # "Israeli ground troops": the adjective names the state of the role
            s.actor = Actor(a.text, a.name, adj.actor.country, None, a.sector)
            s.start = adj.start
            slots.remove(adj)
            continue
        nxt = next((o for o in slots if o.start >= s.end and o.start - s.end <= 2), None)
        if (
            nxt is not None
            and (nxt.actor.country or nxt.actor.org)
            and not nxt.attributive
            and nxt.kind != "demonym"
        ):
            gap = [t.lower for t in tokens[s.end : nxt.start]]
            genitive = cues.lang == "de" and gap in ([], ["der"], ["des"])
            linked = (
                bool(gap)
                and gap[0] in ROLE_LINKS
                and all(w in ROLE_LINKS or w in cues.determiners for w in gap)
            )
            if genitive or linked:
                s.actor = Actor(a.text, a.name, nxt.actor.country, nxt.actor.org, a.sector)
                s.coord.extend(c for c in nxt.coord if c not in s.coord)
                slots.remove(nxt)
                continue
        place = next(
            (
                o
                for o in slots
                if o.kind in ("place", "country", "metonym")
                and o.prep in cues.location_preps
                and o.actor.country
                and clause_of[o.start] == clause_of[s.start]
            ),
            None,
        )
        if place is not None:
            s.actor = Actor(a.text, a.name, place.actor.country, None, a.sector)


def located_civilians(ctx: ArticleContext, slots: list[Slot], text: str, index: int) -> Slot | None:
    """The people of the place a protest noun happened in ("Kundgebungen in Moskau"), else of
    the state the sentence is about ("detained by Russian police at anti-war protests")."""
    country = (ctx.location or {}).get("country")
    if not country:
        states = {s.actor.country for s in slots if s.actor.country and s.kind != "place"}
        states = states or {s.actor.country for s in slots if s.actor.country}
        country = states.pop() if len(states) == 1 else None
    if not country:
        return None
    return Slot(Actor(text, None, country, None, "CVL"), "role", index, index + 1)

"""Who the words refer to: anaphora ("er", "it", "die beiden Führer"), the state of a role
noun ("die Regierung in Kiew"), the place a sentence is located in."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.event_build import LAST_ACT, ArticleContext, token_at
from lagebild.ontology import HOST_VISIT_CODE, MEDIATE_CODE, VISIT_CODE
from lagebild.places import load_places
from lagebild.schema import Actor, Event, Sentence
from lagebild.slots import POSSESSIVE_MARKS, Slot, mark_context

#: how surely a preposition names where an event happened (lower is surer)
AT_PLACE, OF_PLACE, TO_PLACE, NEAR_PLACE = 0, 1, 2, 3
#: how far back a locative preposition may stand before "von X"/"of X" ("im Hafen von Ismajil")
OF_CHAIN_REACH = 5
#: how far back from a place its preposition may stand ("in the eastern Ukrainian town of")
PREP_REACH = 3
#: types whose act happens where its target is, when the text names no surer place
TARGET_PLACE_TYPES = frozenset({"ASSAULT", "COERCE"})
#: CAMEO codes of military withdrawal and demobilisation: they happen where the target is
WITHDRAWAL_CODES = frozenset({"087", "0872", "0873", "0874"})
PLACE_KINDS = frozenset({"place", "metonym", "country"})


def _prep_of(s: Slot, tokens: list, cues: Cues) -> str | None:  # type: ignore[type-arg]
    """The preposition before a slot, over articles and adjectives ("through the capital")."""
    if s.prep is not None:
        return s.prep
    for k in range(s.start - 1, max(-1, s.start - 1 - PREP_REACH), -1):
        low = tokens[k].lower
        if low in cues.location_preps or low in cues.direction_preps:
            return str(low)
        if low in cues.clause_punct or tokens[k].text[:1].isupper():
            break
    return None


def _place_rank(s: Slot, tokens: list, cues: Cues) -> int | None:  # type: ignore[type-arg]
    """How surely the slot names where the sentence's events happened; None: not at all."""
    if s.kind not in PLACE_KINDS and s.kind != "demonym":
        return None
    prep = _prep_of(s, tokens, cues)
    if s.kind == "demonym":
        # "im italienischen Fiuggi", "in mehreren iranischen Städten": a country, less surely
        ok = prep in cues.location_preps and prep not in cues.weak_location_preps
        return OF_PLACE if ok else None
    if prep in cues.genitive_preps:
        # "am Flughafen von Bagdad", "in a suburb of Beirut": the place of a place
        for k in range(s.start - 2, max(-1, s.start - 2 - OF_CHAIN_REACH), -1):
            low = tokens[k].lower
            if (
                low in cues.location_preps or low in cues.direction_preps
            ) and low not in cues.weak_location_preps:
                return OF_PLACE
            if low in cues.clause_punct:
                break
        return None
    if prep in cues.direction_preps:
        return TO_PLACE
    if prep in cues.weak_location_preps:
        return NEAR_PLACE
    if prep in cues.location_preps:
        return AT_PLACE
    return None


def _slot_country(s: Slot, ctx: ArticleContext, tokens: list) -> str | None:  # type: ignore[type-arg]
    """The country of a place slot; "Brüssel" standing for the EU is still in Belgium."""
    place = ctx.places.get(tokens[s.start].start)
    return s.actor.country or getattr(place, "country", None)


def place_candidates(
    slots: list[Slot],
    tokens: list,  # type: ignore[type-arg]
    ctx: ArticleContext,
) -> list[tuple[int, Slot]]:
    """The slots that may name where the sentence's events happened, with their rank; taken
    before role nouns absorb their places ("Police in Paris")."""
    out = []
    for s in slots:
        rank = _place_rank(s, tokens, ctx.cues)
        if rank is not None and _slot_country(s, ctx, tokens):
            out.append((rank, s))
    return out


def _best_place(
    candidates: list[tuple[int, Slot]], near: int, worst: int = NEAR_PLACE
) -> Slot | None:
    """The surest place, the nearest to token `near` among equally sure ones."""
    ok = [(rank, abs(s.start - near), s.start, s) for rank, s in candidates if rank <= worst]
    return min(ok, key=lambda c: c[:3])[3] if ok else None


def location(
    candidates: list[tuple[int, Slot]],
    tokens: list,  # type: ignore[type-arg]
    ctx: ArticleContext,
) -> dict | None:  # type: ignore[type-arg]
    """Where the sentence's events happened: the place after the surest locative preposition
    ("in Doha" over "between Israel and Hamas", "talks in Muscat" over "from Washington")."""
    best = _best_place(candidates, 0)
    return _slot_location(best, tokens, ctx) if best is not None else None


def _slot_location(s: Slot, tokens: list, ctx: ArticleContext) -> dict:  # type: ignore[type-arg]
    place = ctx.places.get(tokens[s.start].start)
    if s.kind == "demonym" or place is None and s.kind == "country":
        return _country_location(_slot_country(s, ctx, tokens) or "") or {}
    return {
        "name": getattr(place, "name", None) or s.actor.name or s.actor.text,
        "country": _slot_country(s, ctx, tokens),
        "lat": getattr(place, "lat", None),
        "lon": getattr(place, "lon", None),
    }


def locate_events(
    events: list[Event],
    slots: list[Slot],
    candidates: list[tuple[int, Slot]],
    tokens: list,  # type: ignore[type-arg]
    ctx: ArticleContext,
) -> None:
    """Where each event happened. An act aimed at a city or region happened there ("griff
    Charkiw an", "the strike on Rafah"); a visit at the visited place ("Putin's visit to
    Tehran", "besuchte Peking") or the host's; an attack, an arrest or a withdrawal with no
    surer place in its target's country ("auf einen syrischen Stützpunkt", "verließen
    Afghanistan"); any other event at the surest place nearest its trigger ("in Rom
    unterzeichnet" over "Lager in Albanien"); "dort"/"there" at the last sentence's place."""
    cues = ctx.cues
    ranks = {id(s): rank for rank, s in candidates}
    by_actor = {id(s.actor): s for s in slots}
    # "Tausende Israelis blockierten ... in Tel Aviv. Sie verlangten ...": those who acted
    # before go on acting where they were
    continued = (
        bool(tokens)
        and tokens[0].lower in cues.plural_subject_pronouns
        and any(s.start == 0 and s.kind == "group" for s in slots)
    )
    there = (
        ctx.last_location
        if continued or any(t.lower in cues.place_anaphora for t in tokens)
        else None
    )
    for e in events:
        k = token_at(e.char_start, tokens)
        target = by_actor.get(id(e.target)) if e.target is not None else None
        source = by_actor.get(id(e.source)) if e.source is not None else None
        sure = _best_place(candidates, k, OF_PLACE)
        loc = None
        if target is not None and target.kind == "place" and _slot_country(target, ctx, tokens):
            loc = _slot_location(target, tokens, ctx)
        elif e.cameo == VISIT_CODE:
            visited = _best_place(candidates, k, TO_PLACE)
            if visited is not None:
                loc = _slot_location(visited, tokens, ctx)
            elif target is not None and target.kind in PLACE_KINDS:
                loc = _slot_location(target, tokens, ctx)
        elif e.cameo == MEDIATE_CODE and target is not None and target.kind == "metonym":
            loc = _slot_location(target, tokens, ctx)  # "vermittelte in Moskau und Tiflis"
        elif e.cameo == HOST_VISIT_CODE and source is not None and sure is None:
            loc = _country_location(source.actor.country or "")
        elif (e.type in TARGET_PLACE_TYPES or e.cameo in WITHDRAWAL_CODES) and target is not None:
            if target.kind == "metonym" or (
                ranks.get(id(target), NEAR_PLACE) < NEAR_PLACE and not target.attributive
            ):
                # "beschossen Kiew", "fired rockets at southern Israel"; not "at the American
                # air base in Qatar": an adjective names the owner, not the place
                loc = _slot_location(target, tokens, ctx)
            elif sure is None:
                loc = _country_location(target.actor.country or "")
        if loc is None:
            best = _best_place(candidates, k)
            loc = _slot_location(best, tokens, ctx) if best is not None else there
        e.location = loc


def _country_location(country: str) -> dict | None:  # type: ignore[type-arg]
    """A country-level location, at the country's capital; None for no country."""
    if not country:
        return None
    place = load_places().country(country)
    return {
        "name": getattr(place, "name", None) or country,
        "country": country,
        "lat": getattr(place, "lat", None),
        "lon": getattr(place, "lon", None),
    }


def anaphora_slots(sent: Sentence, slots: list[Slot], ctx: ArticleContext) -> list[Slot]:
    """Slots for "die beiden Führer"/"the two leaders" and subject pronouns ("er", "he")."""
    extra: list[Slot] = []
    low = sent.text.lower()
    for phrase in ctx.cues.group_anaphora:
        pos = low.find(phrase)
        if pos < 0:
            continue
        # "the two leaders": the last two people named; "the two sides" after "Israel and
        # Hamas agreed on a truce": the parties of the act before; "both armies" after a
        # question about India and Pakistan: the last two states named
        p_start = sent.start + pos
        # ... else the two states named before it in this sentence ("paused aid to Ukraine
        # after a meeting between the two presidents")
        named = [
            (0, s.actor)
            for s in slots
            if s.kind in STATE_KINDS
            and not s.attributive
            and (s.actor.country or s.actor.org)
            and sent.tokens[s.start].start < p_start
        ]
        pair = (
            last_two(ctx.persons)
            or ctx.pair
            or last_two([(0, a) for a in ctx.states])
            or (last_two(named) if len({a.key() for _, a in named}) == 2 else None)
        )
        if not pair:
            break
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
    extra.extend(_armed_group_anaphora(sent, slots, ctx, taken))
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
        if i in taken or tok.lower not in ctx.cues.plural_subject_pronouns:
            continue
        nxt = sent.tokens[i + 1].lower if i + 1 < len(sent.tokens) else ""
        author = ctx.recent.get(LAST_ACT)
        if (
            i == 0
            and author is not None
            and (author.country or author.org)
            and (
                not ctx.cues.plural_verb_endings
                or nxt.endswith(tuple(ctx.cues.plural_verb_endings))
            )
        ):
            # "Tausende Israelis blockierten ... . Sie verlangten ...": "they" opening a
            # sentence are those who acted before
            slot = Slot(relabel(author, tok.text), "group", i, i + 1)
            mark_context(slot, sent.tokens, ctx.cues)
            extra.append(slot)
            taken.add(i)
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
        # "erklärte den Botschafter zur unerwünschten Person und forderte ihn auf, ...": an
        # object pronoun is the last actor named before it other than the sentence's first
        if tok.lower not in ctx.cues.object_pronouns or i in taken:
            continue
        before = [
            s
            for s in slots[1:]
            if s.end <= i and s.kind != "place" and (s.actor.country or s.actor.org)
        ]
        if before:
            slot = Slot(relabel(before[-1].actor, tok.text), before[-1].kind, i, i + 1)
        else:
            # "Die EU warf ihm daraufhin vor", "The minister accused them of ...": in a later
            # sentence, "him" is the author of the act reported before, "them" its target
            plural = tok.lower in ctx.cues.plural_object_pronouns
            earlier = ctx.last_target if plural else ctx.recent.get(LAST_ACT)
            if earlier is None or not (earlier.country or earlier.org):
                continue
            if not plural and not any(p.text == earlier.text for p in ctx.people):
                continue  # "him" is a person: not "Israel killed a commander ... avenge him"
            slot = Slot(relabel(earlier, tok.text), "person", i, i + 1)
        slot.objdet = True
        extra.append(slot)
    for i, tok in enumerate(sent.tokens):
        # "Iran warned that it would ...": "it"/"they" as a subject is the state named before,
        # in this sentence or, at its start, in the sentence before ("It also launched ...")
        if tok.lower in ctx.cues.state_pronouns and i not in taken:
            prev = [
                s
                for s in slots
                if s.end <= i
                and (
                    s.kind in STATE_KINDS
                    # "Myanmar's junta announced that it would ...": a state's body
                    or (s.kind == "role" and s.actor.sector in BODY_SECTORS)
                )
                and (s.actor.country or s.actor.org)
                and not s.attributive
            ]
            if not prev and i == 0 and ctx.states:
                earlier = ctx.recent.get("*") or ctx.states[-1]
                prev = [Slot(earlier, "country", 0, 0)]
            main = _main_subject(slots, sent.tokens, i, ctx.cues)
            if main is not None and prev and main.actor.key() != prev[-1].actor.key():
                # "The CSTO sent troops after Tokayev asked it for help": "it" as the object
                # of a clause of circumstance is the main clause's subject
                slot = Slot(relabel(main.actor, tok.text), main.kind, i, i + 1, objdet=True)
                extra.append(slot)
                continue
            verb = sent.tokens[i - 1] if i > 0 else None
            subject = next((s for s in reversed(slots) if s.end <= i), None)
            if (
                verb is not None
                and verb.text.isalpha()
                and verb.text.islower()
                and verb.lower not in ctx.cues.complementizers
                and verb.lemma.lower() not in ctx.cues.reporting_lemmas  # "announced it would"
                and subject is not None
            ):
                # "Tokayev asked it for help": an object "it" is not the subject's own state
                prev = [s for s in prev if s.actor.key() != subject.actor.key()]
            if prev:
                slot = Slot(relabel(prev[-1].actor, tok.text), prev[-1].kind, i, i + 1)
                mark_context(slot, sent.tokens, ctx.cues)
                if slot.prep is None:
                    extra.append(slot)
    return extra


def _main_subject(slots: list[Slot], tokens: list, i: int, cues: Cues) -> Slot | None:
    """The subject of the sentence's first clause when the pronoun at i is the object of a
    later clause of circumstance ("after", "because") with a subject of its own; else None."""
    if i == 0 or i + 1 >= len(tokens):
        return None
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before.text.isalpha() and before.text.islower()) or before.lower in (
        cues.complementizers | cues.prepositions | cues.future_aux | cues.hypothetical
    ):
        return None  # "said that it would", "warned it": no object of a clause's verb
    if after.lower in cues.future_aux or after.lower in cues.hypothetical:
        return None
    main = next((s for s in slots if s.prep is None and not s.attributive), None)
    if main is None or main.kind not in STATE_KINDS or main.end >= i:
        return None
    opener = next((k for k in range(main.end, i) if tokens[k].lower in cues.adverbial_conj), None)
    if opener is None or not any(
        s.start > opener and s.end <= i and s.actor.key() != main.actor.key() for s in slots
    ):
        return None
    return main


#: sectors of a state's bodies a role noun names ("the junta", "the army"): "it" can refer
#: to them
BODY_SECTORS = frozenset({"GOV", "MIL"})


def _armed_group_anaphora(
    sent: Sentence, slots: list[Slot], ctx: ArticleContext, taken: set[int]
) -> list[Slot]:
    """ "the group", "die Gruppe" after an armed group was named: that group ("Hamas handed
    over ... . Israel accused the group of a breach of the deal")."""
    tokens = sent.tokens
    out: list[Slot] = []
    for i in range(1, len(tokens)):
        if (
            i in taken
            or tokens[i].lower not in ctx.cues.group_nouns
            or tokens[i - 1].lower not in ctx.cues.definite_articles
        ):
            continue
        named = [s.actor for s in slots if s.end <= i and s.actor.sector == "REB"]
        named = named or [a for a in ctx.states if a.sector == "REB"]
        if named and (named[-1].country or named[-1].org):
            slot = Slot(relabel(named[-1], tokens[i].text), "group", i, i + 1)
            mark_context(slot, tokens, ctx.cues)
            out.append(slot)
    return out


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
ROLE_LINKS = frozenset({"in", "aus", "von", "vom", "of", "from"})


#: sectors that act where they are: police and courts
HOME_ROLE_SECTORS = frozenset({"COP", "JUD"})
#: sectors of state offices and forces, which a later sentence may name without their state
STATE_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD"})


#: sectors of people marked as foreign: a place where they are gives them no nationality
FOREIGN_SECTORS = frozenset({"REF"})


def fill_role_countries(
    slots: list[Slot], tokens: list, clause_of: list[int], ctx: ArticleContext
) -> None:
    """Give role nouns with no country one: "die Regierung in Kiew", "Soldaten der
    Bundeswehr", "officials in Beijing", else a place named in the same clause."""
    cues = ctx.cues
    # the places named, also those a role before takes ("eines Gerichts in Islamabad"): they
    # locate the other role nouns of their clause too
    places = [
        o
        for o in slots
        if o.kind in ("place", "country", "metonym")
        and o.prep in cues.location_preps
        and o.actor.country
    ]
    for s in list(slots):
        a = s.actor
        owner = next(
            (
                o
                for o in slots
                if o.possessive and o.end + 1 == s.start and o.kind in ("country", "metonym")
            ),
            None,
        )
        if (
            s.kind == "institution"
            and owner is not None
            and owner.actor.country
            and a.country != owner.actor.country
            and tokens[owner.end].lower in POSSESSIVE_MARKS
        ):
            # "stormed Brazil's Congress": the possessive names the state of the institution
            s.actor = Actor(a.text, a.name, owner.actor.country, None, a.sector)
            s.start = owner.start
            s.possessive = False
            slots.remove(owner)
            continue
        adj = next(
            (
                o
                for o in slots
                if o.attributive and o.end <= s.start and s.start - o.end <= 1 and o.actor.country
            ),
            None,
        )
        generic_org = s.kind == "org" and a.text.islower()
        if (a.country or a.org or not a.sector) and not (generic_org and adj is not None):
            continue
        if s.start > 0 and (
            tokens[s.start - 1].lower in cues.unknown_words
            or tokens[s.start - 1].lower in cues.foreign_words
        ):
            continue  # "Unidentified gunmen", "unbekannte Täter", "foreign journalists"
        if adj is not None:
            # "Israeli ground troops": the adjective names the state of the role; "Russian
            # peacekeepers": of a common noun that otherwise means an organisation's forces
            s.actor = Actor(a.text, a.name, adj.actor.country, None, a.sector)
            s.start = adj.start
            slots.remove(adj)
            continue
        nxt = next((o for o in slots if o.start >= s.end and o.start - s.end <= 2), None)
        head = _genitive_head(nxt, slots, tokens, s.end, cues)
        if head is not None:
            # "Kämpfer der somalischen Al-Shabaab-Miliz": the genitive's adjective and its
            # head name the state of the role
            s.actor = Actor(a.text, a.name, head.actor.country, head.actor.org, a.sector)
            slots.remove(head)
            if nxt is not None:
                slots.remove(nxt)
            continue
        if (
            nxt is not None
            and (nxt.actor.country or nxt.actor.org)
            and not nxt.attributive
            and nxt.kind != "demonym"
        ):
            gap = [t.lower for t in tokens[s.end : nxt.start]]
            # "Soldaten der Bundeswehr", also with a noun of kind before the name ("Kämpfer
            # der Rebellengruppe M23")
            genitive = cues.lang == "de" and (
                gap in ([], ["der"], ["des"])
                or (
                    len(gap) == 2
                    and gap[0] in ("der", "des")
                    and tokens[s.end + 1].text[:1].isupper()
                )
            )
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
        if a.sector in FOREIGN_SECTORS:
            continue  # "Migranten in Los Angeles": foreign people without a nationality
        place = next(
            (o for o in places if clause_of[o.start] == clause_of[s.start]),
            None,
        )
        if place is None and a.sector in HOME_ROLE_SECTORS:
            # "Rioters set fire to a hotel in Rotherham, and police arrested dozens": police
            # and courts act at home, in the one country the sentence's places are in
            countries = {o.actor.country for o in places}
            place = places[0] if len(countries) == 1 else None
        if place is not None:
            s.actor = Actor(a.text, a.name, place.actor.country, None, a.sector)
            continue
        definite = s.start > 0 and tokens[s.start - 1].lower in cues.definite_articles
        same = [
            o
            for o in slots
            if o.end <= s.start and o.actor.sector == a.sector and (o.actor.country or o.actor.org)
        ]
        if definite and same:
            # "ein Büro der Hisbollah ..., teilte die Miliz mit": the actor of that kind
            # named before
            s.actor = Actor(a.text, a.name, same[-1].actor.country, same[-1].actor.org, a.sector)
            continue
        author = ctx.recent.get(LAST_ACT)
        if (
            definite
            and author is not None
            and author.country
            and a.sector in STATE_SECTORS
            and s.prep is None
        ):
            # "Serbian police arrested ... . The interior minister accused them": a definite
            # office of no named state serves the state of the act reported before
            s.actor = Actor(a.text, a.name, author.country, None, a.sector)


def _genitive_head(
    adj: Slot | None, slots: list[Slot], tokens: list, end: int, cues: Cues
) -> Slot | None:
    """The head of a German genitive attribute that opens with an adjective of state right
    after a role ("Kämpfer der somalischen Al-Shabaab-Miliz"): the slot the adjective
    modifies, when it names a state or organisation; else None."""
    if (
        adj is None
        or not adj.attributive
        or adj.kind != "demonym"
        or cues.lang != "de"
        or [t.lower for t in tokens[end : adj.start]] not in (["der"], ["des"])
    ):
        return None
    return next(
        (
            o
            for o in slots
            if o.start == adj.end and not o.attributive and (o.actor.country or o.actor.org)
        ),
        None,
    )


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

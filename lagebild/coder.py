"""The event coder: turns one article into events, sentence by sentence.

Stages: clean -> language -> sentences -> actor mentions -> triggers -> arguments
-> modality -> dates -> events. Every rule reads its words from the language pack.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lagebild.arguments import (
    Slot,
    _mark_context,
    build_slots,
    choose_arguments,
    list_joints,
    members,
    relink_coordination,
    segment_clauses,
)
from lagebild.cues import Cues, load_cues
from lagebild.dates import DateMention, find_dates
from lagebild.errors import UnsupportedLanguageError
from lagebild.lang import available_languages
from lagebild.magnitudes import attach_magnitudes, find_magnitudes
from lagebild.modality import (
    ClauseInfo,
    clause_infos,
    is_hypothetical,
    is_negated,
    mark_governed,
    verb_index,
)
from lagebild.ontology import SYMMETRIC_TYPES, lookup_cameo
from lagebild.quotes import find_quotes
from lagebild.schema import Actor, Article, Event, Mention, Quote, Sentence
from lagebild.text import split_sentences
from lagebild.triggers import TriggerMatch, match_triggers

if TYPE_CHECKING:
    from lagebild.pipeline import CodedArticle, ExtractOptions

#: auxiliaries that make a conditional, not a future ("würde")
CONDITIONAL_AUX = frozenset({"würde", "würden", "would"})
#: types that carry magnitudes (size, dead, injured)
MAGNITUDE_TYPES = frozenset({"MOBILIZE", "PROTEST", "AID", "COERCE", "ASSAULT"})
#: acts whose unnamed group of victims or beneficiaries is taken to be domestic
GROUP_TARGET_TYPES = frozenset(
    {"COERCE", "RETREAT", "PROTEST", "CONCEDE", "ASSAULT", "AID", "MOBILIZE"}
)
#: acts whose object is the actor's own forces ("mobilisierte 45.000 Polizisten")
OWN_FORCES_TYPES = frozenset({"MOBILIZE"})
#: confidence of an event with the strongest cues, and of one inferred by a rule
MAX_CONFIDENCE = 0.95
RULE_CONFIDENCE = 0.6
#: acts that are always aimed at someone: without a target they are not coded
DYADIC_TYPES = frozenset(
    {"ACCUSE", "AGREE", "AID", "ASSAULT", "CONSULT", "COOPERATE", "SANCTION", "SUPPORT"}
)
#: joint acts that need a counterpart: a visit to a bakery is no CONSULT
COUNTERPART_TYPES = frozenset({"CONSULT", "COOPERATE"})
#: types whose target may stand in the complement ("warnte, dass jede russische Invasion ...")
COMPLEMENT_TARGET_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE"})
#: how far (in characters) a bare year may stand from the trigger it dates
YEAR_REACH = 60
#: kinds of mention that name a political actor on their own
POLITICAL_KINDS = frozenset(
    {"country", "metonym", "org", "group", "person", "institution", "demonym"}
)


@dataclass(slots=True)
class ArticleContext:
    """What the coder remembers across the sentences of one article."""

    article: Article
    lang: str
    cues: Cues
    persons: list[tuple[int, Actor]]
    quotes: list[Quote]
    #: every place found, by start offset, for coordinates
    places: dict[int, object] = field(default_factory=dict)
    #: where the current sentence's events happened
    location: dict | None = None  # type: ignore[type-arg]
    #: named people, in order, for "er"/"he"
    people: list[Actor] = field(default_factory=list)
    #: the author of the latest asserted event of each type ("den Angriff" refers back)
    recent: dict[str, Actor] = field(default_factory=dict)


def resolve_language(article: Article, options: ExtractOptions, text: str) -> str:
    """The language to code the article in: forced, given by the record, or detected."""
    if options.lang != "auto":
        lang = options.lang
    elif article.language:
        lang = article.language
    else:
        from lagebild.langid import detect_language

        lang = detect_language(text)[0]
    if lang not in available_languages():
        raise UnsupportedLanguageError(lang, article.origin or article.id)
    return lang


def code_article(article: Article, options: ExtractOptions) -> CodedArticle:
    """Run every stage on one article and return what was found."""
    from lagebild.actors import load_gazetteer
    from lagebild.clean import clean_text
    from lagebild.pipeline import CodedArticle
    from lagebild.places import load_places

    text = clean_text(article.text)
    lang = resolve_language(article, options, text)
    art = replace(article, text=text, language=lang)
    sentences = split_sentences(text, lang)
    actor_mentions = load_gazetteer(tuple(options.actor_files)).find(text, lang, art.date)
    places = load_places().find(text, lang)
    mentions = merge_places(actor_mentions, places)
    quotes = find_quotes(text, sentences, actor_mentions, lang)
    ctx = ArticleContext(art, lang, load_cues(lang), [], quotes, {p.start: p for p in places})
    starts = [m.start for m in mentions]
    events: list[Event] = []
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        sent_mentions = [m for m in mentions[lo:hi] if m.end <= sent.end]
        events.extend(code_sentence(sent, sent_mentions, ctx))
        ctx.people.extend(m.actor for m in sent_mentions if m.kind == "person")
        ctx.persons.extend(
            (m.start, m.actor)
            for m in sent_mentions
            if m.kind == "person" or (m.actor.sector == "GOV" and m.actor.country)
        )
    events = [
        e
        for e in events
        if e.confidence >= options.min_confidence
        and (options.keep_modal or not (e.negated or e.hypothetical))
    ]
    return CodedArticle(art, sentences, actor_mentions, quotes, events)


def merge_places(mentions: list[Mention], places: list) -> list[Mention]:  # type: ignore[type-arg]
    """Actor mentions plus the places no actor mention covers, as kind "place" mentions."""
    out = list(mentions)
    starts = [m.start for m in mentions]
    for p in places:
        k = bisect.bisect_left(starts, p.start)
        near = mentions[max(0, k - 1) : k + 1]
        if any(m.start < p.end and p.start < m.end for m in near):
            continue
        actor = Actor(p.text, p.name, p.country, None, None)
        out.append(Mention(p.start, p.end, p.text, actor, "place", entry=f"place:{p.name}"))
    out.sort(key=lambda m: m.start)
    return out


def _location(slots: list[Slot], tokens: list, ctx: ArticleContext) -> dict | None:  # type: ignore[type-arg]
    """Where the sentence's events happened: a place after a locative preposition."""
    for s in slots:
        if (
            s.kind in ("place", "metonym", "country")
            and s.prep in ctx.cues.location_preps
            and s.actor.country
        ):
            place = ctx.places.get(tokens[s.start].start)
            return {
                "name": getattr(place, "name", None) or s.actor.name or s.actor.text,
                "country": s.actor.country,
                "lat": getattr(place, "lat", None),
                "lon": getattr(place, "lon", None),
            }
    return None


def _anaphora_slots(sent: Sentence, slots: list[Slot], ctx: ArticleContext) -> list[Slot]:
    """Slots for "die beiden Führer"/"the two leaders" and subject pronouns ("er", "he")."""
    extra: list[Slot] = []
    low = sent.text.lower()
    for phrase in ctx.cues.group_anaphora:
        pos = low.find(phrase)
        if pos < 0:
            continue
        pair = _last_two(ctx.persons)
        if not pair:
            break
        p_start = sent.start + pos
        ti = next((i for i, t in enumerate(sent.tokens) if t.start >= p_start), None)
        if ti is None:
            break
        tj = next((i for i, t in enumerate(sent.tokens) if t.end >= p_start + len(phrase)), ti) + 1
        if any(s.start < tj and ti < s.end for s in slots):
            slots[:] = [s for s in slots if not (s.start < tj and ti < s.end)]
        head = Slot(_relabel(pair[0], sent.text[pos : pos + len(phrase)]), "person", ti, tj)
        other = Slot(
            _relabel(pair[1], sent.text[pos : pos + len(phrase)]),
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
                _mark_context(slot, sent.tokens, ctx.cues)
                extra.append(slot)
    for i, tok in enumerate(sent.tokens):
        if tok.lower not in ctx.cues.subject_pronouns or i in taken or i == 0:
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
            slot = Slot(_relabel(antecedent, tok.text), "person", i, i + 1)
            _mark_context(slot, sent.tokens, ctx.cues)
            extra.append(slot)
    for i, tok in enumerate(sent.tokens):
        # "Iran warned that it would ...": "it"/"they" as a subject is the state named before
        if tok.lower in ctx.cues.state_pronouns and i not in taken and i > 0:
            prev = [
                s
                for s in slots
                if s.end <= i
                and s.kind in STATE_KINDS
                and (s.actor.country or s.actor.org)
                and not s.attributive
            ]
            if prev:
                slot = Slot(_relabel(prev[-1].actor, tok.text), prev[-1].kind, i, i + 1)
                _mark_context(slot, sent.tokens, ctx.cues)
                if slot.prep is None:
                    extra.append(slot)
    return extra


#: kinds of mention a pronoun like "it" can refer to
STATE_KINDS = frozenset({"country", "metonym", "org", "group", "institution"})


def _relabel(actor: Actor, text: str) -> Actor:
    """The same actor named by other words."""
    return Actor(text, actor.name, actor.country, actor.org, actor.sector, actor.code)


def _last_two(persons: list[tuple[int, Actor]]) -> tuple[Actor, Actor] | None:
    """The last two persons with different keys, most recent last."""
    seen: list[Actor] = []
    for _, actor in reversed(persons):
        if all(a.key() != actor.key() for a in seen):
            seen.append(actor)
        if len(seen) == 2:
            return seen[1], seen[0]
    return None


def _clause_subject(slots: list[Slot], info: ClauseInfo, cues: Cues) -> Slot | None:
    """The first plain (nominative-looking) actor of a clause, used by following clauses;
    else an adjective opening the clause ("Russian and Ukrainian delegations held talks")."""
    fallback: Slot | None = None
    for s in slots:
        if not (info.lo <= s.start < info.hi and s.coord_head and s.prep is None):
            continue
        if s.kind == "place" or s.objdet:
            continue
        if not s.attributive and not s.possessive:
            return s
        if fallback is None and s.attributive:
            fallback = s
    return fallback


def code_sentence(sent: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[Event]:
    """Events of one sentence."""
    cues = ctx.cues
    tokens = sent.tokens
    if not tokens:
        return []
    slots = build_slots(tokens, mentions, cues)
    anaphora = _anaphora_slots(sent, slots, ctx)
    if anaphora:
        slots.extend(anaphora)
        slots.sort(key=lambda s: s.start)
        relink_coordination(slots, tokens, cues)
    ctx.location = _location(slots, tokens, ctx)
    clause_of = segment_clauses(tokens, cues, {s.start for s in slots}, list_joints(slots))
    _fill_role_countries(slots, tokens, clause_of, ctx)
    inside = {i for s in slots if s.kind != "place" for i in range(s.start, s.end)}
    # a word inside an actor's name is no trigger ("International Monetary Fund")
    triggers = [t for t in match_triggers(tokens, clause_of, ctx.lang) if t.index not in inside]
    if not triggers:
        return []
    infos = clause_infos(tokens, clause_of, cues)
    mark_governed(infos, triggers, tokens, clause_of, cues)
    question = sent.text.rstrip().endswith("?")
    nonpolitical = any(_nonpolitical_word(t.lower, cues) for t in tokens)
    dates = find_dates(sent.text, ctx.lang, ctx.article.date)
    subjects = [_clause_subject(slots, info, cues) for info in infos]
    events: list[Event] = []
    back_refs: list[tuple[int, Actor]] = []
    for trig in triggers:
        c = clause_of[trig.index]
        inherited = _inherited_subject(c, infos, subjects, tokens, cues, slots)
        sources, target, _passive = choose_arguments(
            trig, tokens, slots, clause_of, cues, inherited
        )
        verbs_in_clause = [
            t for t in triggers if clause_of[t.index] == c and not t.noun and t is not trig
        ]
        # "bei Kundgebungen", "after a visit", "during Putin's visit": a real event in a
        # circumstantial phrase, not the object of the clause's verb
        circumstantial = trig.noun and _circumstantial(tokens, trig.index, cues)
        main_noun = trig.noun and (not verbs_in_clause or circumstantial)
        if trig.noun and not sources and main_noun:
            # "Sanctions on Russia were announced by the US Treasury": the agent of the clause
            agent = next(
                (
                    s
                    for s in slots
                    if clause_of[s.start] == c
                    and s.coord_head
                    and s.prep in cues.agent_preps
                    and s.kind != "place"
                    and s.start > trig.index
                ),
                None,
            )
            subj = agent or subjects[c] or inherited
            if subj is not None and subj is not target:
                sources = [subj]
        if not sources and trig.type == "PROTEST":
            people = _located_civilians(ctx, slots, tokens[trig.index].text, trig.index)
            sources = [people] if people else []
        if trig.noun and not main_noun and not sources:
            # the object of another trigger's verb, with no actor of its own: it may name an
            # act reported before ("Die EU verurteilte den Angriff")
            if trig.type in ctx.recent:
                back_refs.append((c, ctx.recent[trig.type]))
            continue
        if trig.noun and not circumstantial and any(v.type == trig.type for v in verbs_in_clause):
            continue  # "verhängte Sanktionen": the verb's event already says it
        if (
            target is None
            and trig.type in COMPLEMENT_TARGET_TYPES
            and tokens[trig.index].lemma.lower() not in cues.deny_lemmas
        ):
            target = _complement_target(c, infos, slots, sources)
        if trig.entry.cameo.code.startswith(MEDIATE_CODE):
            parties = _mediated_parties(c, subjects, inherited, sources, slots, clause_of)
            if parties:
                for party in parties:
                    events.extend(
                        _make_events(
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
                continue
        info = infos[c]
        negated = is_negated(trig, tokens, info, cues, main_noun)
        hypothetical = is_hypothetical(
            trig, tokens, info, cues, question, main_noun, any(i.conditional for i in infos)
        )
        if (
            trig.noun
            and verbs_in_clause
            and not circumstantial
            and any(v.type not in ("ACCUSE",) and v.index < trig.index + 8 for v in verbs_in_clause)
        ):
            hypothetical = hypothetical or trig.type != verbs_in_clause[0].type
        events.extend(
            _make_events(
                trig,
                sources,
                target,
                sent,
                ctx,
                negated,
                hypothetical,
                nonpolitical,
                dates,
                tokens,
                _evidence(trig, sources, target, inherited),
            )
        )
    events.extend(_insist_events(sent, tokens, slots, clause_of, infos, triggers, events, ctx))
    _civilian_violence(events)
    if any(t.lower in cues.border_words for t in tokens):
        _border_buildup(events)
    events = _intent_events(events, tokens, clause_of, infos, ctx)
    _domestic_targets(events)
    events.extend(_claim_events(events, tokens, slots, clause_of, infos, sent, ctx))
    events.extend(_sourced_claims(events, tokens, slots, sent, ctx))
    events.extend(_conditional_threats(events, tokens, slots, infos, sent, ctx))
    _reaction_targets(events, tokens, clause_of, back_refs)
    _denials(events, tokens, clause_of, cues)
    # dyadic acts (an attack, a sanction, aid, talks, an accusation) need a counterpart
    events = [e for e in events if e.target is not None or e.type not in DYADIC_TYPES]
    events = _dedupe(events)
    for e in events:
        if e.source is not None and not e.negated and not e.hypothetical:
            ctx.recent[e.type] = e.source
    _attach_magnitudes(events, sent, ctx.lang)
    return events


def _denials(events: list[Event], tokens: list, clause_of: list[int], cues: Cues) -> None:
    """ "Iran denied supplying drones": the denied act is negated, and the denial (REJECT)
    has no target of its own."""
    for e in events:
        tok = tokens[_token_at(e.char_start, tokens)]
        if e.type != "REJECT" or tok.lemma.lower() not in cues.deny_lemmas:
            continue
        c = _event_clause(e, tokens, clause_of)
        denied = [
            o
            for o in events
            if o is not e
            and o.char_start > e.char_start
            and _event_clause(o, tokens, clause_of) == c
        ]
        for o in denied:
            o.negated = True
        if denied:
            e.target = None


#: verbal reactions whose object may be another act ("verurteilte den russischen Angriff")
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def _reaction_targets(
    events: list[Event],
    tokens: list,
    clause_of: list[int],
    back_refs: list[tuple[int, Actor]],
) -> None:
    """A reaction to an act named by a noun in the same clause is aimed at the act's author:
    "prangerte die russischen Drohnenangriffe an" -> ACCUSE ... -> RUS; "verurteilte den
    Angriff" -> the author of the attack reported before."""
    for e in events:
        if e.type not in REACTION_TYPES or e.source is None:
            continue
        c = _event_clause(e, tokens, clause_of)
        if e.target is None:
            back = next((a for bc, a in back_refs if bc == c and a.key() != e.source.key()), None)
            if back is not None:
                e.target = back
                continue
        acts = [
            o
            for o in events
            if o is not e
            and o.source is not None
            and o.char_start > e.char_start
            and _event_clause(o, tokens, clause_of) == c
            and o.source.key() != e.source.key()
        ]
        if acts and (
            e.target is None
            or (acts[0].target is not None and e.target.key() == acts[0].target.key())
        ):
            e.target = acts[0].source


def _attach_magnitudes(events: list[Event], sent: Sentence, lang: str) -> None:
    """PLOVER magnitudes: how many troops or protesters (size), dead and injured."""
    if not any(e.type in MAGNITUDE_TYPES for e in events):
        return
    mags = find_magnitudes(sent.text, lang)
    if not mags:
        return
    for e in events:
        if e.type in MAGNITUDE_TYPES:
            for name, value in attach_magnitudes(e.type, mags, e.char_start - sent.start).items():
                setattr(e, name, value)


def _sourced_claims(
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
            if _political(s.actor)
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
        trig = TriggerMatch(_synthetic_entry("112"), speaker.start, speaker.end, noun=False)
        out.append(_rule_event(trig, speaker.actor, e.source, sent, ctx, tokens))
    return out


#: the THREATEN code for what the speaker would do
THREAT_CODES = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "137", "MOBILIZE": "138"}


def _conditional_threats(
    events: list[Event],
    tokens: list,
    slots: list[Slot],
    infos: list[ClauseInfo],
    sent: Sentence,
    ctx: ArticleContext,
) -> list[Event]:
    """A speaker saying what it would do if another acted is a threat: "Any Russian invasion
    would be met with sanctions, Harris said" -> THREATEN USA->RUS."""
    cues = ctx.cues
    conditional = any(i.conditional for i in infos) or any(
        t.lower in cues.hypothetical or t.lower in cues.hypothetical_np for t in tokens
    )
    if not conditional:
        return []
    for info in infos:
        verb = verb_index(info, tokens, cues.reporting_lemmas)
        if verb is None:
            continue
        speaker = _clause_subject(slots, info, cues)
        if speaker is None or not _political(speaker.actor):
            continue
        key = speaker.actor.key()
        own = [
            e
            for e in events
            if e.hypothetical
            and not e.negated
            and e.quad_class == 4
            and (
                (e.source is not None and e.source.key() == key)
                or (e.source is None and e.type == "SANCTION")
            )
        ]
        if not own:
            return []
        other = [
            e
            for e in events
            if e.hypothetical
            and e.source is not None
            and e.source.key() != key
            and e.quad_class >= 3
        ]
        target = other[0].source if other else own[0].target
        trig = TriggerMatch(
            _synthetic_entry(THREAT_CODES.get(own[0].type, "130")), verb, verb + 1, noun=False
        )
        return [_rule_event(trig, speaker.actor, target, sent, ctx, tokens)]
    return []


#: types whose missing target is the source's own state: repression at home, protest at home
DOMESTIC_TYPES = {"COERCE": "CVL", "PROTEST": "GOV", "CONCEDE": "CVL"}


#: words linking a role noun to the state it serves: "die Regierung in Kiew", "officials of"
ROLE_LINKS = frozenset({"in", "aus", "of", "from"})


def _fill_role_countries(
    slots: list[Slot], tokens: list, clause_of: list[int], ctx: ArticleContext
) -> None:
    """Give role nouns with no country one: "die Regierung in Kiew", "Soldaten der
    Bundeswehr", "officials in Beijing", else a place named in the same clause."""
    cues = ctx.cues
    for s in list(slots):
        a = s.actor
        if a.country or a.org or not a.sector:
            continue
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


def _domestic_targets(events: list[Event]) -> None:
    """Arrests, bans and protests with no named target are aimed at the source's own state."""
    for e in events:
        if e.type in DOMESTIC_TYPES and e.target is None and e.source and e.source.country:
            e.target = Actor("", None, e.source.country, None, DOMESTIC_TYPES[e.type])


#: sectors of people who are not a state's armed or police forces
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "OPP"})
#: what force or coercion by civilians is: a riot, or an obstruction (blockades)
CIVILIAN_ACTS = {"ASSAULT": "145", "COERCE": "144"}


def _civilian_violence(events: list[Event]) -> None:
    """Violence or blockades by protesters or civilians ("protesters stormed the residence",
    "farmers set up blockades") are protest (CAMEO 145, 144), not ASSAULT or COERCE."""
    for e in events:
        if e.type in CIVILIAN_ACTS and e.source is not None and e.source.sector in CIVILIAN_SECTORS:
            code = lookup_cameo(CIVILIAN_ACTS[e.type])
            e.type, e.cameo, e.quad_class, e.goldstein = "PROTEST", code.code, 4, code.goldstein
            e.mode, e.context = code.mode, code.context


def _border_buildup(events: list[Event]) -> None:
    """Troops sent to a border are a build-up (MOBILIZE 154), not aid to a recipient."""
    code = lookup_cameo("154")
    for e in events:
        if e.type == "AID":
            e.type, e.cameo, e.quad_class, e.goldstein = "MOBILIZE", code.code, 4, code.goldstein
            e.mode, e.context = code.mode, code.context


def _event_clause(e: Event, tokens: list, clause_of: list[int]) -> int:
    """The clause an event's trigger stands in."""
    return clause_of_pos(e.char_start, tokens, clause_of)


def _intent_events(
    events: list[Event],
    tokens: list,
    clause_of: list[int],
    infos: list[ClauseInfo],
    ctx: ArticleContext,
) -> list[Event]:
    """An announced release, withdrawal or easing is a CONCEDE; an announced meeting an AGREE
    (intent to meet) — not hypothetical acts. The announcing AGREE is then not coded again."""
    cues = ctx.cues
    out: list[Event] = []
    replaced_sources: set[str | None] = set()
    for e in events:
        c = _event_clause(e, tokens, clause_of)
        info = infos[c] if 0 <= c < len(infos) else None
        announced = (
            info is not None
            and info.governed
            and (
                info.governor == "AGREE"
                or (info.governor == "intent" and bool(info.governor_lemmas & cues.announce_lemmas))
            )
        )
        if (
            info is not None
            and info.governed
            and info.governor == "intent"
            and info.governor_lemmas & cues.announce_strict
            and not e.negated
            and e.quad_class == 4
            and e.type in THREAT_CODES
        ):
            # "kündigte an, alle Schiffe ... ins Visier zu nehmen": an announced attack
            code = lookup_cameo(THREAT_CODES[e.type])
            e.type, e.cameo, e.quad_class = "THREATEN", code.code, 3
            e.goldstein, e.mode, e.context = code.goldstein, code.mode, code.context
            e.hypothetical = False
        # "Peking sei zu Gesprächen bereit", "ready to meet": an intent to meet
        ready = info is not None and e.type == "CONSULT" and bool(info.words & cues.readiness)
        # "Biden will meet Xi next week", "werden sich treffen": an intent to meet (PLOVER)
        reported = (
            c > 0
            and info is not None
            and bool(infos[c - 1].lemmas & cues.reporting_lemmas)
            and bool(info.words & CONDITIONAL_AUX)
        )
        ready = ready or (
            info is not None
            and e.type == "CONSULT"
            and e.hypothetical
            and reported
            and not info.conditional
        )
        ready = ready or (
            info is not None
            and e.type == "CONSULT"
            and e.hypothetical
            and not info.conditional
            and not info.governed
            and bool(info.words & (cues.future_aux - CONDITIONAL_AUX))
        )
        if _circumstantial(tokens, _token_at(e.char_start, tokens), cues):
            announced = ready = False  # "during Putin's visit": a visit that took place
        if announced and not e.negated and e.type == "CONCEDE":
            # "agreed to stop attacking", "offered to suspend the reform": the concession
            e.hypothetical = False
            replaced_sources.add(e.source.key() if e.source else None)
        elif (announced or ready) and not e.negated and e.type in ("RETREAT", "CONSULT"):
            code = lookup_cameo("080" if e.type == "RETREAT" else "036")
            e.type, e.cameo, e.quad_class = code.plover or "", code.code, code.quad_class or 1
            e.goldstein, e.mode, e.context = code.goldstein, code.mode, code.context
            e.hypothetical = False
            replaced_sources.add(e.source.key() if e.source else None)
        out.append(e)
    if replaced_sources:
        out = [
            e
            for e in out
            if not (
                e.type == "AGREE"
                and e.cameo != "036"
                and e.source
                and e.source.key() in replaced_sources
                and not infos[_event_clause(e, tokens, clause_of)].governed
            )
        ]
    return out


def _claim_events(
    events: list[Event],
    tokens: list,
    slots: list[Slot],
    clause_of: list[int],
    infos: list[ClauseInfo],
    sent: Sentence,
    ctx: ArticleContext,
) -> list[Event]:
    """ "X sagte, Y habe Z angegriffen": an ACCUSE X->Y; the claimed act is only reported.
    A trailing source ("..., wie das Ministerium mitteilte") leaves the act asserted."""
    cues = ctx.cues
    out: list[Event] = []
    for c, info in enumerate(infos):
        verb = verb_index(info, tokens, cues.reporting_lemmas)
        if verb is None or info.first_word in cues.attribution_openers:
            continue
        speaker = _clause_subject(slots, info, cues)
        if speaker is None or not _political(speaker.actor):
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
            if (
                _event_clause(e, tokens, clause_of) not in comp
                or e.quad_class != 4
                or e.negated
                or e.hypothetical
            ):
                continue
            if e.source is None or e.source.key() == speaker.actor.key():
                continue
            e.hypothetical = True
            trig = TriggerMatch(_synthetic_entry("112"), verb, verb + 1, noun=False)
            out.append(_rule_event(trig, speaker.actor, e.source, sent, ctx, tokens))
    return out


#: CAMEO code of mediation: the mediator consults each party
MEDIATE_CODE = "045"


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
    between = next(
        (
            s
            for s in slots
            if clause_of[s.start] == c
            and s.coord_head
            and s.coord
            and s.prep in ("zwischen", "between")
        ),
        None,
    )
    subj = between or subjects[c] or inherited
    if subj is None or not subj.coord:
        return []
    return [m for m in members(subj) if m.actor.key() not in keys]


def _circumstantial(tokens: list, i: int, cues: Cues) -> bool:
    """Whether the noun at i stands in a circumstantial phrase ("bei Protesten", "after a
    visit", "during talks"): a preposition of time or occasion within three words before."""
    for k in range(i - 1, max(-1, i - 4), -1):
        low = tokens[k].lower
        if low in cues.circumstance_preps:
            return True
        if low in cues.prepositions or low in cues.clause_punct:
            return False
    return False


def _located_civilians(
    ctx: ArticleContext, slots: list[Slot], text: str, index: int
) -> Slot | None:
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


def _nonpolitical_word(word: str, cues: Cues) -> bool:
    """A sport/market/weather/culture word, also as the head of a compound ("WM-Finale",
    "Weltmeisterschaft", "Basketballer"); short words only match whole."""
    if word in cues.nonpolitical_context:
        return True
    return any(word.endswith(head) for head in cues.nonpolitical_heads)


def _complement_target(
    c: int, infos: list[ClauseInfo], slots: list[Slot], sources: list[Slot]
) -> Slot | None:
    """The first named actor of the clause governed by clause c, other than the source."""
    keys = {m.actor.key() for s in sources for m in members(s)}
    for info in infos[c + 1 :]:
        if not (info.governed or info.denied):
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


def _inherited_subject(
    c: int,
    infos: list[ClauseInfo],
    subjects: list[Slot | None],
    tokens: list,
    cues: Cues,
    slots: list[Slot] | None = None,
) -> Slot | None:
    """The subject a clause shares with the one before ("und wies ... aus", "drohte, ... zu");
    for a relative clause ("Demonstranten, die ... protestierten") the noun it follows."""
    if c == 0:
        return None
    info = infos[c]
    if info.first_word in cues.relative_pronouns and slots is not None:
        k = next((i for i in range(info.lo, info.hi) if tokens[i].lower == info.first_word), None)
        if (
            k is not None
            and k + 1 < info.hi
            and (tokens[k + 1].text[:1].islower() or cues.lang != "de")
        ):
            return next(
                (
                    s
                    for s in reversed(slots)
                    if s.end <= info.lo and all(not t.text[:1].isalnum() for t in tokens[s.end : k])
                ),
                None,
            )
    if info.first_word in cues.complementizers:
        return None
    for k in range(c - 1, -1, -1):
        if subjects[k] is not None:
            return subjects[k]
    return None


def _make_events(
    trig: TriggerMatch,
    sources: list[Slot],
    target: Slot | None,
    sent: Sentence,
    ctx: ArticleContext,
    negated: bool,
    hypothetical: bool,
    nonpolitical: bool,
    dates: list[DateMention],
    tokens: list,
    evidence: float = 1.0,
) -> list[Event]:
    """One event per source member and target member, after the lexicon's conditions."""
    entry = trig.entry
    cues = ctx.cues
    src_members = [m for s in sources for m in members(s)] or [None]
    tgt_members = members(target) if target else [None]
    symmetric = entry.type in SYMMETRIC_TYPES
    pairs: list[tuple[Slot | None, Slot | None]] = []
    if (
        symmetric
        and len(src_members) > 1
        and (target is None or target.prep is not None and target.prep not in ("mit", "with"))
    ):
        pairs = [(src_members[0], m) for m in src_members[1:]]
    elif len(src_members) > 1 and any(t.lower in cues.reciprocal for t in tokens):
        # "Russland und die Ukraine tauschten jeweils 35 Gefangene aus": each on the other
        pairs = [(a, b) for a in src_members for b in src_members if a is not b]
    else:
        pairs = [(s, t) for s in src_members for t in tgt_members]
    out = []
    for src, tgt in pairs:
        s_actor = src.actor if src else None
        t_actor = tgt.actor if tgt else None
        if (
            s_actor is not None
            and t_actor is not None
            and s_actor.key()
            and s_actor.key() == t_actor.key()
            and s_actor.sector == t_actor.sector
        ):
            t_actor = None
        if not _political(s_actor):
            continue  # an event needs a known source: an agentless passive is no event
        if (
            t_actor is not None
            and not t_actor.country
            and not t_actor.org
            and t_actor.sector
            and s_actor is not None
            and s_actor.country
            and not symmetric
            and entry.type in GROUP_TARGET_TYPES
        ):
            # an unnamed group acted upon ("prisoners", "Demonstranten") is the source's own;
            # troops one mobilises are no target at all
            t_actor = (
                None
                if entry.type in OWN_FORCES_TYPES
                else Actor(t_actor.text, t_actor.name, s_actor.country, None, t_actor.sector)
            )
        if (
            t_actor is None
            and s_actor
            and s_actor.country
            and (
                entry.type in DOMESTIC_TYPES
                or (s_actor.sector in ("CVL", "OPP") and entry.type in ("REQUEST", "ACCUSE"))
            )
        ):
            sector = DOMESTIC_TYPES.get(entry.type, "GOV")
            t_actor = Actor("", None, s_actor.country, None, sector)
        if (entry.need == "target" or entry.type in COUNTERPART_TYPES) and t_actor is None:
            continue
        if (
            entry.type in SYMMETRIC_TYPES
            and t_actor is not None
            and s_actor is not None
            and t_actor.key() == s_actor.key()
            and s_actor.key()
        ):
            continue
        if (
            entry.need == "consequence"
            and t_actor is None
            and not any(t.lower in cues.consequence_words for t in tokens)
        ):
            continue
        if entry.weak and not (_political(s_actor) and _political(t_actor)):
            continue
        if nonpolitical and (entry.sport or entry.weak or s_actor is None or t_actor is None):
            continue
        out.append(
            _event(
                trig,
                s_actor,
                t_actor,
                sent,
                ctx,
                negated,
                hypothetical,
                dates,
                tokens,
                evidence=evidence * (1.0 if t_actor is not None else 0.92),
            )
        )
    return out


def _political(actor: Actor | None) -> bool:
    """An actor the evaluation can name: a country or an organisation."""
    return actor is not None and bool(actor.country or actor.org)


def _rule_event(
    trig: TriggerMatch,
    src: Actor | None,
    tgt: Actor | None,
    sent: Sentence,
    ctx: ArticleContext,
    tokens: list,
) -> Event:
    """An event a rule infers from others (a claim, a conditional threat, an insistence):
    factual, dated by the sentence, with the confidence of a rule."""
    dates = find_dates(sent.text, ctx.lang, ctx.article.date)
    return _event(trig, src, tgt, sent, ctx, False, False, dates, tokens)


def _event(
    trig: TriggerMatch,
    src: Actor | None,
    tgt: Actor | None,
    sent: Sentence,
    ctx: ArticleContext,
    negated: bool,
    hypothetical: bool,
    dates: list[DateMention],
    tokens: list,
    cameo: str | None = None,
    evidence: float | None = None,
) -> Event:
    """Build the Event record with its evidence, date and confidence. `evidence` (0..1)
    says how strong the cues were; events made by a rule rather than a trigger (claims,
    conditional threats, insisting) get a lower confidence."""
    code = lookup_cameo(cameo) if cameo else trig.entry.cameo
    tok = tokens[trig.index]
    start, end = tok.start, tok.end
    trigger_text = tok.text
    if trig.particle is not None:
        trigger_text = f"{tok.text} … {tokens[trig.particle].text}"
    when = _event_date(tok.start - sent.start, dates, ctx)
    conf = RULE_CONFIDENCE if evidence is None else MAX_CONFIDENCE * evidence
    quote = next((q for q in ctx.quotes if q.start <= start < q.end), None)
    assert code.plover is not None and code.quad_class is not None
    return Event(
        article_id=ctx.article.id,
        language=ctx.lang,
        type=code.plover,
        cameo=code.code,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        source=src,
        target=tgt,
        date=when,
        negated=negated,
        hypothetical=hypothetical,
        sentence=sent.text,
        trigger=trigger_text,
        char_start=start,
        char_end=end,
        confidence=min(conf, 0.95),
        mode=code.mode,
        context=code.context,
        quote=quote,
        location=ctx.location,
    )


def _event_date(pos: int, dates: list[DateMention], ctx: ArticleContext):  # type: ignore[no-untyped-def]
    """The date expression nearest the trigger in the sentence, else the article date."""
    if not dates:
        return ctx.article.date
    # a bare year dates only what stands next to it ("die Annexion der Krim im Jahr 2014")
    near = [d for d in dates if d.precision != "year" or abs(d.start - pos) <= YEAR_REACH]
    if not near:
        return ctx.article.date
    return min(near, key=lambda d: abs(d.start - pos)).value


def _insist_events(
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
        speaker = _clause_subject(slots, info, cues) or next(
            (s for s in slots if info.lo <= s.start < info.hi and s.possessive), None
        )
        if speaker is None or not _political(speaker.actor):
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
            _synthetic_entry("120" if negated_own else "100"), hit, hit + 1, noun=False
        )
        if negated_own:
            target = negated_own[0].target
        else:
            subj = _clause_subject(slots, infos[comp[0]], cues)
            target = subj.actor if subj else None
            if target is None or target.key() == speaker.actor.key():
                continue
        out.append(_rule_event(trig, speaker.actor, target, sent, ctx, tokens))
    return out


def _token_at(char: int, tokens: list) -> int:
    """Index of the token starting at article offset `char` (0 if none)."""
    return next((i for i, t in enumerate(tokens) if t.start == char), 0)


def clause_of_pos(char: int, tokens: list, clause_of: list[int]) -> int:
    """The clause of the token starting at article offset `char`."""
    for i, t in enumerate(tokens):
        if t.start == char:
            return clause_of[i]
    return -1


def _synthetic_entry(code: str):  # type: ignore[no-untyped-def]
    """A trigger entry made by a rule rather than the lexicon (e.g. insisting → demand)."""
    from lagebild.triggers import TriggerEntry

    return TriggerEntry(pattern=f"<rule:{code}>", words=(), cameo=lookup_cameo(code))


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type, source and target state or organisation (and modality) in a
    sentence: the first found wins (verbs are matched before the nouns they govern)."""
    seen: dict[tuple, Event] = {}
    for e in events:
        src = e.source.key() if e.source else None
        tgt = e.target.key() if e.target else None
        if e.type in SYMMETRIC_TYPES and src and tgt and tgt < src:
            src, tgt = tgt, src
        key = (e.type, src, tgt, e.negated, e.hypothetical)
        if key not in seen:
            seen[key] = e
    return list(seen.values())

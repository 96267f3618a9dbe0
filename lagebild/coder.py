"""The event coder: turns one article into events, sentence by sentence.

Stages: clean -> language -> sentences -> actor mentions -> triggers -> arguments
-> modality -> dates -> events. Every rule reads its words from the language pack.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from lagebild.arguments import choose_arguments
from lagebild.calibration import calibrate
from lagebild.claim_rules import claim_events, denials, insist_events, sourced_claims
from lagebild.clauses import segment_clauses
from lagebild.coordination import list_joints, members, relink_coordination
from lagebild.cues import Cues, load_cues
from lagebild.dates import find_dates
from lagebild.errors import UnsupportedLanguageError
from lagebild.event_build import (
    ArticleContext,
    clause_subject,
    dedupe,
    synthetic_entry,
    token_at,
)
from lagebild.event_build import (
    circumstantial as in_circumstance,
)
from lagebild.event_pairs import (
    AID_FORCES_CODE,
    COMPLEMENT_TARGET_TYPES,
    DYADIC_TYPES,
    FORCES_SECTORS,
    OWN_FORCES_TYPES,
    make_events,
)
from lagebild.intent_rules import conditional_threats, intent_events
from lagebild.lang import available_languages
from lagebild.magnitudes import attach_event_magnitudes
from lagebild.military_rules import border_buildup, missile_tests, sea_launches
from lagebild.modality import (
    ClauseInfo,
    clause_infos,
    is_hypothetical,
    is_negated,
    mark_governed,
)
from lagebild.ontology import HOST_VISIT_CODE, SYMMETRIC_TYPES
from lagebild.phrases import (
    BETWEEN_PREPS,
    LAST_ACT,
    aid_destination,
    answered_actor,
    between_slot,
    in_aftermath,
    one_sided_object,
    possessive_owner,
    reduced_relative,
    under_framework,
    visitor,
)
from lagebild.protest_rules import (
    CIVILIAN_ACTS,
    civilian_violence,
    protesters_protest,
    protesting_subject,
)
from lagebild.quotes import find_quotes
from lagebild.referents import (
    STATE_KINDS,
    anaphora_slots,
    fill_role_countries,
    locate_events,
    located_civilians,
    location,
    place_candidates,
)
from lagebild.schema import Actor, Article, Event, Mention, Sentence
from lagebild.slots import Slot, build_slots, opening_prep
from lagebild.target_rules import (
    REACTION_TYPES,
    domestic_targets,
    executive_orders,
    foreign_bans,
    reaction_targets,
    retaliation_targets,
    shared_counterpart,
)
from lagebild.text import split_sentences
from lagebild.triggers import TriggerMatch, match_triggers

if TYPE_CHECKING:
    from lagebild.pipeline import CodedArticle, ExtractOptions


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
        # "The Japanese prime minister flew to Seoul. There he met ...": a named person or a
        # single office holder, not a capital ("Seoul") or a group ("officials")
        ctx.people.extend(
            m.actor
            for m in sent_mentions
            if m.kind == "person"
            or (
                m.kind == "role"
                and m.actor.sector == "GOV"
                and m.actor.country
                and not m.text.endswith("s")
            )
        )
        ctx.states.extend(
            m.actor
            for m in sent_mentions
            if m.kind in STATE_KINDS and not m.attributive and (m.actor.country or m.actor.org)
        )
        ctx.persons.extend(
            (m.start, m.actor)
            for m in sent_mentions
            if m.kind == "person" or (m.actor.sector == "GOV" and m.actor.country)
        )
    calibrate(events)
    events = dedupe(events, same_day=True)
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


def code_sentence(sent: Sentence, mentions: list[Mention], ctx: ArticleContext) -> list[Event]:
    """Events of one sentence."""
    cues = ctx.cues
    tokens = sent.tokens
    if not tokens:
        return []
    slots = build_slots(tokens, mentions, cues)
    anaphora = anaphora_slots(sent, slots, ctx)
    if anaphora:
        slots.extend(anaphora)
        slots.sort(key=lambda s: s.start)
        relink_coordination(slots, tokens, cues)
    if ctx.location is not None:
        ctx.last_location = ctx.location
    here = place_candidates(slots, tokens, ctx)
    ctx.location = location(here, tokens, ctx)
    clause_of = segment_clauses(tokens, cues, {s.start for s in slots}, list_joints(slots))
    fill_role_countries(slots, tokens, clause_of, ctx)
    inside = {i for s in slots if s.kind != "place" for i in range(s.start, s.end)}
    # a word inside an actor's name is no trigger ("International Monetary Fund")
    triggers = [t for t in match_triggers(tokens, clause_of, ctx.lang) if t.index not in inside]
    protesting = protesting_subject(slots, tokens, cues)
    if not triggers and protesting is None:
        return []
    event_nouns = {t.index for t in triggers if t.noun}
    for s in slots:
        s.in_adjunct = s.adjunct_head in event_nouns
    infos = clause_infos(tokens, clause_of, cues)
    mark_governed(infos, triggers, tokens, clause_of, cues)
    question = sent.text.rstrip().endswith("?")
    nonpolitical = any(_nonpolitical_word(t.lower, cues) for t in tokens)
    # people take to the streets over elections: only sport and markets make a march no protest
    unpolitical_protest = any(
        _nonpolitical_word(t.lower, cues) and t.lower not in cues.election_words for t in tokens
    )
    dates = find_dates(sent.text, ctx.lang, ctx.article.date)
    controlled = _controlled_clauses(infos, tokens, cues)
    subjects = [
        None if c in controlled else clause_subject(slots, info, cues)
        for c, info in enumerate(infos)
    ]
    events: list[Event] = []
    back_refs: list[tuple[int, Actor]] = []
    answered = answered_actor(sent, ctx)
    for trig in triggers:
        c = clause_of[trig.index]
        inherited = _inherited_subject(c, infos, subjects, tokens, cues, slots, c in controlled)
        sources, target, _passive = choose_arguments(
            trig, tokens, slots, clause_of, cues, inherited, c in controlled
        )
        if trig.entry.inv and trig.type == "AID" and target is not None and visitor(sources):
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
                continue
            sources = relative
        if trig.noun and not sources:
            owner = possessive_owner(trig.index, tokens, slots, cues)
            sources = [owner] if owner is not None else []
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
        if target is None and not trig.noun:
            target = _shared_object(trig, triggers, tokens, slots, clause_of, cues, inherited)
        verbs_in_clause = [
            t for t in triggers if clause_of[t.index] == c and not t.noun and t is not trig
        ]
        if (
            trig.noun
            and any(v.index < trig.index for v in verbs_in_clause)
            and under_framework(tokens, trig.index, cues)
        ):
            continue  # "released 2,000 prisoners under an amnesty": the frame of the act
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
        if (
            trig.noun
            and not sources
            and main_noun
            and not reason
            and not (
                circumstantial and trig.type == "PROTEST" and _bare_noun(tokens, trig.index, cues)
            )
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
            if subj is None and circumstantial and c == 0 and len(subjects) > 1:
                # "During a phone call with Putin, Xi called for talks": the main subject
                subj = subjects[1]
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
        ):
            # "Kundgebungen in Moskau", "protesters stormed his residence": the people of
            # the place, else of the one state the sentence is about
            text = sources[0].actor.text if sources else tokens[trig.index].text
            people = located_civilians(ctx, slots, text, trig.index)
            sources = [people] if people else sources
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
        thanks = _thanks_verb(trig, triggers, tokens, clause_of, cues)
        thanked = None
        if thanks is not None:
            # the one thanked did the act, for the one who thanks
            thanker, thanked, _ = choose_arguments(
                thanks, tokens, slots, clause_of, cues, inherited
            )
            if thanker and thanked is not None:
                sources, target = [thanked], thanker[0]
            else:
                thanked = None
        if trig.noun and not main_noun and not sources:
            # the object of another trigger's verb, with no actor of its own: it may name an
            # act reported before ("Die EU verurteilte den Angriff")
            if trig.type in ctx.recent:
                back_refs.append((c, ctx.recent[trig.type]))
            continue
        if (
            trig.noun
            and not circumstantial
            and any(v.type == trig.type and v.index < trig.index for v in verbs_in_clause)
            and not (sources and sources[0].prep in BETWEEN_PREPS)
        ):
            # "verhängte Sanktionen": the verb's event already says it; but "hosted talks
            # between X and Y" names the parties of the talks too
            continue
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
                continue
        info = infos[c]
        negated = is_negated(trig, tokens, info, cues, main_noun)
        hypothetical = is_hypothetical(
            trig, tokens, info, cues, question, main_noun, any(i.conditional for i in infos)
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
        if trig.noun and _content_of_speech_noun(trig, triggers, tokens, cues):
            hypothetical = True  # "die Forderung nach einem Rückzug": only demanded
        if (
            trig.noun
            and not main_noun
            and trig.entry.cameo.quad_class in SPEECH_QUADS
            and any(v.type in REACTION_TYPES for v in verbs_in_clause)
            and not reason  # "criticised Kenya over Macron's visit": the visit took place
        ):
            continue  # "ließ die Forderung Moskaus abblitzen": only the reaction is coded
        events.extend(
            make_events(
                trig,
                sources,
                target,
                sent,
                ctx,
                negated,
                hypothetical,
                unpolitical_protest if trig.type == "PROTEST" else nonpolitical,
                dates,
                tokens,
                _evidence(trig, sources, target, inherited),
            )
        )
    events.extend(insist_events(sent, tokens, slots, clause_of, infos, triggers, events, ctx))
    civilian_violence(events)
    events.extend(protesters_protest(events, tokens, sent, ctx, protesting))
    if any(t.lower in cues.border_words for i, t in enumerate(tokens) if i not in inside) or any(
        s.prep in cues.presence_preps for s in slots
    ):
        border_buildup(events, tokens, slots, cues)
    if any(t.lower.endswith(tuple(cues.launch_words)) for t in tokens) and any(
        t.lower.endswith(tuple(cues.sea_words)) or t.lower.startswith(tuple(cues.test_missiles))
        for t in tokens
    ):
        sea_launches(events)  # "ins Meer", "eine Interkontinentalrakete": a weapons test
    events = intent_events(events, tokens, clause_of, infos, ctx)
    domestic_targets(events)
    events.extend(claim_events(events, tokens, slots, clause_of, infos, sent, ctx, triggers))
    events.extend(sourced_claims(events, tokens, slots, sent, ctx))
    events.extend(conditional_threats(events, tokens, slots, infos, sent, ctx))
    for e in events:
        # "Kyiv dismissed it as a theatrical gesture": "it" is the act reported before
        k = token_at(e.char_start, tokens)
        if (
            e.type in REACTION_TYPES
            and e.target is None
            and LAST_ACT in ctx.recent
            and k + 1 < len(tokens)
            and tokens[k + 1].lower in cues.act_pronouns
        ):
            back_refs.append((clause_of[k], ctx.recent[LAST_ACT]))
    reaction_targets(events, tokens, clause_of, back_refs)
    retaliation_targets(events)
    events = executive_orders(events, tokens, clause_of, cues)
    denials(events, tokens, clause_of, cues)
    # "signed an executive order": a document of one side is no agreement; "delivered his
    # State of the Union address": a speech is no aid
    events = [e for e in events if not one_sided_object(e, tokens, cues)]
    shared_counterpart(events)
    missile_tests(events, tokens, cues)
    foreign_bans(events)
    # dyadic acts (an attack, a sanction, aid, talks, an accusation) need a counterpart
    events = [e for e in events if e.target is not None or e.type not in DYADIC_TYPES]
    events = dedupe(events)
    for e in events:
        if e.source is not None and not e.negated and not e.hypothetical:
            ctx.recent[e.type] = e.source
            ctx.recent[LAST_ACT] = e.source
            if e.target is not None and e.target.key() and e.target.key() != e.source.key():
                ctx.pair = (e.source, e.target)
    locate_events(events, slots, here, tokens, ctx)
    attach_event_magnitudes(events, sent, ctx.lang)
    return events


def _shared_object(
    trig: TriggerMatch,
    triggers: list[TriggerMatch],
    tokens: list,
    slots: list[Slot],
    clause_of: list[int],
    cues: Cues,
    inherited: Slot | None,
) -> Slot | None:
    """Two verbs joined by "and" share the object that follows the second one: "beat and
    detained two journalists", "verurteilte und verhöhnte die Ukraine"."""
    j = trig.index + 2
    if j >= len(tokens) or tokens[trig.index + 1].lower not in cues.coordinators:
        return None
    nxt = next((t for t in triggers if t.index == j and not t.noun), None)
    if nxt is None:
        return None
    _, target, _ = choose_arguments(nxt, tokens, slots, clause_of, cues, inherited)
    return target


#: verbs after "it would" that state no act of the speaker ("it would be a long winter")
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
    subj = between_slot(c, slots, clause_of) or subjects[c] or inherited
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


def _bare_noun(tokens: list, i: int, cues: Cues) -> bool:
    """An event noun with no attribute after it ("nach tagelangen Protesten, gab ..."),
    unlike "nach Protesten der Gelbwesten", "bei Kundgebungen gegen die Mobilmachung"."""
    return i + 1 >= len(tokens) or tokens[i + 1].lower not in cues.noun_attribute_openers


def _reason_phrase(tokens: list, i: int, cues: Cues) -> bool:
    """Whether the event noun at i stands in a phrase of reason or attribution ("wegen der
    Verschleppung ukrainischer Kinder"): what the clause's subject blames, not its act."""
    return opening_prep(tokens, i, cues) in cues.reason_preps


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


def _controlled_clauses(infos: list[ClauseInfo], tokens: list, cues: Cues) -> frozenset[int]:
    """German zu-infinitive clauses after the first ("kündigte an, die Sanktionen aufzuheben",
    "versprach, die Macht zu übergeben"): they have no subject of their own."""
    if cues.lang != "de" or not cues.infinitive_marker:
        return frozenset()
    marker = cues.infinitive_marker
    out = set()
    for c, info in enumerate(infos[1:], start=1):
        if info.first_word in cues.complementizers:
            continue
        last = info.hi - 1
        while last > info.lo and not tokens[last].text[:1].isalpha():
            last -= 1
        verb = tokens[last]
        if not verb.text.islower() or last == info.lo:
            continue
        if tokens[last - 1].lower == marker or (
            marker in verb.lower[2:-2] and verb.lemma.lower() != verb.lower
        ):
            out.add(c)
    return frozenset(out)


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
        return None
    info = infos[c]
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

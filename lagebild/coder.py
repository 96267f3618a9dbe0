"""The event coder: turns one article into events, sentence by sentence.

Stages: clean -> language -> sentences -> actor mentions -> triggers -> arguments
-> modality -> dates -> events. Every rule reads its words from the language pack.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING

from lagebild.calibration import calibrate
from lagebild.claim_rules import (
    claim_events,
    denials,
    insist_events,
    refrained,
    sourced_claims,
)
from lagebild.cues import load_cues
from lagebild.errors import UnsupportedLanguageError
from lagebild.event_build import LAST_ACT, ArticleContext, dedupe, token_at
from lagebild.intent_rules import conditional_threats, intent_events
from lagebild.lang import available_languages
from lagebild.magnitudes import attach_event_magnitudes
from lagebild.military_rules import border_buildup, missile_tests, sea_launches
from lagebild.ontology import DYADIC_TYPES
from lagebild.phrases import one_sided_object
from lagebild.protest_rules import civilian_violence, protesters_protest, purpose_protests
from lagebild.quotes import find_quotes
from lagebild.referents import STATE_KINDS, locate_events
from lagebild.schema import Actor, Article, Event, Mention, Sentence
from lagebild.sentence_frame import SentenceFrame, analyse_sentence
from lagebild.target_rules import (
    REACTION_TYPES,
    domestic_targets,
    executive_orders,
    foreign_bans,
    home_deployments,
    reaction_targets,
    recipient_passives,
    requested_acts,
    retaliation_targets,
    shared_counterpart,
)
from lagebild.text import split_sentences
from lagebild.trigger_events import hosted_events, trigger_events

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
    undated: set[int] = set()  # events of sentences that name no date of their own
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        sent_mentions = [m for m in mentions[lo:hi] if m.end <= sent.end]
        found = code_sentence(sent, sent_mentions, ctx)
        if not ctx.dated:
            undated.update(id(e) for e in found)
        events.extend(found)
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
    events = dedupe(events, same_day=True, undated=frozenset(undated))
    events = [
        e
        for e in events
        if e.confidence >= options.min_confidence
        and (options.keep_modal or not (e.negated or e.hypothetical))
    ]
    return CodedArticle(art, sentences, actor_mentions, quotes, events)


#: the gazetteer kind of seas, straits and gulfs
SEA_KIND = "sea"


def merge_places(mentions: list[Mention], places: list) -> list[Mention]:  # type: ignore[type-arg]
    """Actor mentions plus the places no actor mention covers, as kind "place" mentions. A
    state's name inside the name of a sea between states is no actor ("the South China Sea",
    "the Taiwan Strait")."""
    seas = [p for p in places if p.place.kind == SEA_KIND and p.country is None]
    if seas:
        mentions = [
            m
            for m in mentions
            if not any(
                p.start <= m.start and m.end <= p.end and (p.end - p.start) > (m.end - m.start)
                for p in seas
            )
        ]
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
    """Events of one sentence: analyse it, code each trigger, then run the inference rules."""
    f = analyse_sentence(sent, mentions, ctx)
    if f is None:
        return []
    events: list[Event] = []
    for trig in f.triggers:
        events.extend(trigger_events(f, trig))
    return apply_sentence_rules(f, events)


def apply_sentence_rules(f: SentenceFrame, events: list[Event]) -> list[Event]:
    """The inference rules over a sentence's events, in the order they depend on each other
    (claims after intents, reactions after claims, dedupe before places and magnitudes)."""
    sent, ctx, cues, tokens, slots, here = f.sent, f.ctx, f.cues, f.tokens, f.slots, f.here
    clause_of, inside = f.clause_of, f.inside
    triggers, protesting, infos, back_refs = f.triggers, f.protesting, f.infos, f.back_refs
    events.extend(hosted_events(f, events))
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
    nouns = {t.index for t in triggers if t.noun}
    events = intent_events(events, tokens, clause_of, infos, ctx, nouns)
    domestic_targets(events)
    requested_acts(events, tokens, cues)
    home_deployments(events)
    purpose_protests(events, tokens, clause_of, infos, cues)
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
    events = refrained(events, tokens, cues)
    events = recipient_passives(events, tokens, clause_of, cues)
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
            if e.target is not None and e.target.key() and e.target.text:
                ctx.last_target = e.target  # a named one, not a default home state
            if e.target is not None and e.target.key() and e.target.key() != e.source.key():
                ctx.pair = (e.source, e.target)
    locate_events(events, slots, here, tokens, ctx)
    attach_event_magnitudes(events, sent, ctx.lang)
    return events

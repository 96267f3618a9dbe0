"""The analysis of one sentence that all its triggers share: actor slots (with anaphora),
where it happened, clauses and their modality, the triggers, dates and clause subjects."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from lagebild.clauses import segment_clauses
from lagebild.coordination import list_joints, members, relink_coordination
from lagebild.cues import Cues
from lagebild.dates import DateMention, find_dates
from lagebild.event_build import ArticleContext, clause_subject
from lagebild.modality import ClauseInfo, clause_infos, mark_governed
from lagebild.phrases import answered_actor
from lagebild.protest_rules import protesting_subject
from lagebild.referents import anaphora_slots, fill_role_countries, location, place_candidates
from lagebild.schema import Actor, Mention, Sentence, Token
from lagebild.slots import Slot, build_slots
from lagebild.triggers import TriggerMatch, match_triggers


@dataclass(slots=True)
class SentenceFrame:
    """What the per-trigger steps and the rules of one sentence read."""

    sent: Sentence
    ctx: ArticleContext
    cues: Cues
    tokens: list[Token]
    slots: list[Slot]
    here: list[tuple[int, Slot]]
    clause_of: list[int]
    inside: set[int]
    triggers: list[TriggerMatch]
    protesting: Slot | None
    infos: list[ClauseInfo]
    question: bool
    nonpolitical: bool
    unpolitical_protest: bool
    dates: list[DateMention]
    controlled: frozenset[int]
    subjects: list[Slot | None]
    answered: Slot | None
    #: (clause, actor) of acts an object noun or a pronoun refers back to
    back_refs: list[tuple[int, Actor]] = field(default_factory=list)
    #: hosts and mediators with no parties of their own, and their sources: they consult the
    #: parties of the act they host, once all acts are known
    hosted: list[tuple[TriggerMatch, list[Slot]]] = field(default_factory=list)


def analyse_sentence(
    sent: Sentence, mentions: list[Mention], ctx: ArticleContext
) -> SentenceFrame | None:
    """Analyse one sentence for coding; None when it has no trigger and no protesting
    subject (no event can come of it). Sets the article's current location."""
    cues = ctx.cues
    tokens = sent.tokens
    if not tokens:
        return None
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
    triggers = [
        _past_name(t, inside)
        for t in match_triggers(tokens, clause_of, ctx.lang)
        if t.index not in inside or any(k not in inside for k in t.covered)
    ]
    triggers = [t for t in triggers if not _answered_by_means(t, triggers, tokens, cues)]
    protesting = protesting_subject(slots, tokens, cues, clause_of)
    if not triggers and protesting is None:
        return None
    event_nouns = {t.index for t in triggers if t.noun}
    for s in slots:
        s.in_adjunct = s.adjunct_head in event_nouns
    _clause_subjects(slots, triggers, tokens, cues)
    infos = clause_infos(tokens, clause_of, cues)
    mark_governed(infos, triggers, tokens, clause_of, cues)
    # "Will China attack Taiwan?": only asked about; but "How many missiles did Iran fire?"
    # takes the act as given
    question = sent.text.rstrip().endswith("?") and tokens[0].lower not in cues.presupposing_wh
    nonpolitical = any(_nonpolitical_word(t.lower, cues) for t in tokens)
    # people take to the streets over elections: only sport and markets make a march no protest
    unpolitical_protest = any(
        _nonpolitical_word(t.lower, cues) and t.lower not in cues.election_words for t in tokens
    )
    dates = find_dates(sent.text, ctx.lang, ctx.article.date)
    ctx.dated = bool(dates)
    controlled = _controlled_clauses(infos, tokens, cues)
    subjects = [
        None if c in controlled else clause_subject(slots, info, cues)
        for c, info in enumerate(infos)
    ]
    answered = answered_actor(sent, ctx)
    return SentenceFrame(
        sent,
        ctx,
        cues,
        tokens,
        slots,
        here,
        clause_of,
        inside,
        triggers,
        protesting,
        infos,
        question,
        nonpolitical,
        unpolitical_protest,
        dates,
        controlled,
        subjects,
        answered,
    )


#: English auxiliaries and modals that follow a clause's subject ("after Iran had fired")
_EN_FINITE_AUX = frozenset(
    {"had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "did"}
)


def _clause_subjects(
    slots: list[Slot], triggers: list[TriggerMatch], tokens: list, cues: Cues
) -> None:
    """English "after", "before", "since", "as" open a clause when a verb follows the actor:
    "after Minsk freed 52 prisoners" - the actor is that clause's subject, no prepositional
    object ("after talks in Jeddah" keeps its preposition)."""
    if cues.lang == "de":
        return
    verbs = {t.index for t in triggers if not t.noun}
    for s in slots:
        if s.prep not in cues.complementizers or not s.coord_head:
            continue
        end = max(m.end for m in members(s))
        if end < len(tokens) and (end in verbs or tokens[end].lower in _EN_FINITE_AUX):
            s.prep = None


def _answered_by_means(
    trig: TriggerMatch, triggers: list[TriggerMatch], tokens: list, cues: Cues
) -> bool:
    """A verb of answering whose "by" + gerund names the answer is no act of its own:
    "retaliated within hours by ordering six Canadian diplomats to leave"."""
    if trig.noun or tokens[trig.index].lemma.lower() not in cues.retaliation_lemmas:
        return False
    return any(
        0 < t.index - trig.index <= 5
        and tokens[t.index - 1].lower in cues.agent_preps
        and tokens[t.index].lower.endswith("ing")
        for t in triggers
    )


def _past_name(trig: TriggerMatch, inside: set[int]) -> TriggerMatch:
    """A pattern whose first word is part of an actor's name is anchored on its last word
    outside the name: "Chinese military drills" -> "drills", the act of the Chinese military."""
    if trig.index not in inside:
        return trig
    last = max(k for k in trig.covered if k not in inside)
    return replace(trig, index=last, end=last + 1, covered=())


def _nonpolitical_word(word: str, cues: Cues) -> bool:
    """A sport/market/weather/culture word, also as the head of a compound ("WM-Finale",
    "Weltmeisterschaft", "Basketballer"); short words only match whole."""
    if word in cues.nonpolitical_context:
        return True
    return any(word.endswith(head) for head in cues.nonpolitical_heads)


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

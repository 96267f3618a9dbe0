"""Building event records: the article context, evidence, dates, confidence, merging
duplicates and the helpers the coder and its inference rules share."""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.cues import Cues
from lagebild.dates import DateMention, find_dates
from lagebild.modality import ClauseInfo
from lagebild.ontology import SYMMETRIC_TYPES, lookup_cameo
from lagebild.schema import Actor, Article, Event, Quote, Sentence
from lagebild.slots import Slot, opening_prep
from lagebild.triggers import TriggerMatch

#: auxiliaries that make a conditional, not a future ("würde")
CONDITIONAL_AUX = frozenset({"würde", "würden", "would"})


#: confidence of an event with the strongest cues, and of one inferred by a rule
MAX_CONFIDENCE = 0.95


RULE_CONFIDENCE = 0.6


#: how far (in characters) a bare year may stand from the trigger it dates
YEAR_REACH = 60

#: key of ArticleContext.recent for the author of the latest act of any type
LAST_ACT = "*"


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
    #: the latest earlier sentence's place, for "dort"/"there"
    last_location: dict | None = None  # type: ignore[type-arg]
    #: named people, in order, for "er"/"he"
    people: list[Actor] = field(default_factory=list)
    #: the author of the latest asserted event of each type ("den Angriff" refers back)
    recent: dict[str, Actor] = field(default_factory=dict)
    #: states and organisations named, in order, for a sentence-initial "it"
    states: list[Actor] = field(default_factory=list)
    #: source and target of the latest asserted event with both ("the two sides")
    pair: tuple[Actor, Actor] | None = None
    #: the target of the latest asserted event, for "them"/"ihnen" in a later sentence
    last_target: Actor | None = None
    #: whether the sentence being coded names a date of its own
    dated: bool = False


def clause_subject(slots: list[Slot], info: ClauseInfo, cues: Cues) -> Slot | None:
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


def event_clause(e: Event, tokens: list, clause_of: list[int]) -> int:
    """The clause an event's trigger stands in."""
    return clause_of_pos(e.char_start, tokens, clause_of)


def circumstantial(tokens: list, i: int, cues: Cues) -> bool:
    """Whether the noun at i stands in a circumstantial phrase ("bei Protesten", "after a
    visit", "during talks"): a preposition of time or occasion within three words before."""
    if opening_prep(tokens, i, cues) not in cues.circumstance_preps:
        return False
    # "in protest at the war", "aus Protest gegen den Krieg": the noun is what another noun
    # is about, not an occasion
    k = next(
        (k for k in range(i - 1, max(-1, i - 4), -1) if tokens[k].lower in cues.prepositions), -1
    )
    return not (k > 0 and tokens[k - 1].lower in cues.governing_nouns)


def political(actor: Actor | None) -> bool:
    """An actor the evaluation can name: a country or an organisation."""
    return actor is not None and bool(actor.country or actor.org)


def rule_event(
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
    return event(trig, src, tgt, sent, ctx, False, False, dates, tokens)


def event(
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
    when = event_date(tok.start - sent.start, dates, ctx)
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


def event_date(pos: int, dates: list[DateMention], ctx: ArticleContext):  # type: ignore[no-untyped-def]
    """The date expression nearest the trigger in the sentence, else the article date."""
    if not dates:
        return ctx.article.date
    # a bare year dates only what stands next to it ("die Annexion der Krim im Jahr 2014")
    near = [d for d in dates if d.precision != "year" or abs(d.start - pos) <= YEAR_REACH]
    if not near:
        return ctx.article.date
    return min(near, key=lambda d: abs(d.start - pos)).value


def token_at(char: int, tokens: list) -> int:
    """Index of the token starting at article offset `char` (0 if none)."""
    return next((i for i, t in enumerate(tokens) if t.start == char), 0)


def clause_of_pos(char: int, tokens: list, clause_of: list[int]) -> int:
    """The clause of the token starting at article offset `char`."""
    for i, t in enumerate(tokens):
        if t.start == char:
            return clause_of[i]
    return -1


def synthetic_entry(code: str):  # type: ignore[no-untyped-def]
    """A trigger entry made by a rule rather than the lexicon (e.g. insisting → demand)."""
    from lagebild.triggers import TriggerEntry

    return TriggerEntry(pattern=f"<rule:{code}>", words=(), cameo=lookup_cameo(code))


def later_in_clause(
    e: Event, events: list[Event], tokens: list, clause_of: list[int]
) -> list[Event]:
    """The other events after `e` in its clause: what a denial, an order or a reaction is
    about."""
    c = event_clause(e, tokens, clause_of)
    return [
        o
        for o in events
        if o is not e and o.char_start > e.char_start and event_clause(o, tokens, clause_of) == c
    ]


def dedupe(
    events: list[Event], same_day: bool = False, undated: frozenset[int] = frozenset()
) -> list[Event]:
    """One event per type, source and target state or organisation (and modality) in a
    sentence: the first found wins (verbs are matched before the nouns they govern). With
    `same_day`, across the sentences of an article: an act told twice ("Modi arrived in Kyiv.
    There he talked with Zelensky ...") on the same date is one event, as GDELT counts one
    event per article and keeps the mentions; the first keeps the highest confidence. Events
    whose id() is in `undated` come from a sentence that names no date: they are the same
    event as an earlier one of any date ("arrived on Monday. In the evening Trump received
    him")."""
    seen: dict[tuple, Event] = {}
    #: the kept keys of each act whatever its date, in order
    dates_of: dict[tuple, list[tuple]] = {}
    for e in events:
        src = e.source.key() if e.source else None
        tgt = e.target.key() if e.target else None
        if e.type in SYMMETRIC_TYPES and src and tgt and tgt < src:
            src, tgt = tgt, src
        key = (e.type, src, tgt, e.negated, e.hypothetical, e.date if same_day else None)
        told = None
        if undated:
            told = next(
                (
                    k
                    for k in dates_of.get(key[:5], ())
                    if id(e) in undated or id(seen[k]) in undated
                ),
                None,
            )
        if told is not None:
            # the act told again: one event, dated by the telling that names a date
            first = seen[told]
            first.confidence = max(first.confidence, e.confidence)
            if id(first) in undated and id(e) not in undated:
                first.date = e.date
        elif key not in seen:
            seen[key] = e
            dates_of.setdefault(key[:5], []).append(key)
        elif same_day:
            seen[key].confidence = max(seen[key].confidence, e.confidence)
    return list(seen.values())


def recode(e: Event, code: str) -> None:
    """Give an event another CAMEO code, with the type and values that go with it."""
    cameo = lookup_cameo(code)
    e.type, e.cameo, e.goldstein = cameo.plover or e.type, cameo.code, cameo.goldstein
    e.quad_class = cameo.quad_class or e.quad_class
    e.mode, e.context = cameo.mode, cameo.context

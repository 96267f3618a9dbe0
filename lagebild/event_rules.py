"""Inference rules over the events of one sentence: claims, conditional threats, intents,
denials, reactions, domestic targets, riots, magnitudes and merging duplicates.

Each rule reads its words from the language pack and never invents an actor the text does
not name."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.event_build import (
    CONDITIONAL_AUX,
    ArticleContext,
    circumstantial,
    clause_of_pos,
    clause_subject,
    event_clause,
    political,
    rule_event,
    synthetic_entry,
    token_at,
)
from lagebild.magnitudes import attach_magnitudes, find_magnitudes
from lagebild.modality import ClauseInfo, scheduled, verb_index
from lagebild.ontology import SYMMETRIC_TYPES, lookup_cameo
from lagebild.schema import Actor, Event, Sentence
from lagebild.slots import Slot
from lagebild.triggers import TriggerMatch

#: types that carry magnitudes (size, dead, injured)
MAGNITUDE_TYPES = frozenset({"MOBILIZE", "PROTEST", "AID", "COERCE", "ASSAULT"})


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


def denials(events: list[Event], tokens: list, clause_of: list[int], cues: Cues) -> None:
    """ "Iran denied supplying drones": the denied act is negated, and the denial (REJECT)
    has no target of its own."""
    for e in events:
        tok = tokens[token_at(e.char_start, tokens)]
        if e.type != "REJECT" or tok.lemma.lower() not in cues.deny_lemmas:
            continue
        denied = later_in_clause(e, events, tokens, clause_of)
        for o in denied:
            o.negated = True
        # "rebuffed Japan's offer of talks": an offer of the target is rejected, the target
        # stays; "denied attacking the hospital": the denier's own act, no target
        if denied and not any(
            o.source is not None and e.target is not None and o.source.key() == e.target.key()
            for o in denied
        ):
            e.target = None


#: verbal reactions whose object may be another act ("verurteilte den russischen Angriff")
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def executive_orders(
    events: list[Event], tokens: list, clause_of: list[int], cues: Cues
) -> list[Event]:
    """ "ordered the closure of the consulate", "ordnete die Schließung an": a government
    ordering an act does it; the order is no demand (REQUEST) on anybody."""
    out = list(events)
    for e in events:
        tok = tokens[token_at(e.char_start, tokens)]
        if e.type != "REQUEST" or tok.lemma.lower() not in cues.executive_lemmas:
            continue
        acts = [o for o in later_in_clause(e, events, tokens, clause_of) if o.type != "REQUEST"]
        if not acts:
            continue
        for o in acts:
            o.source = o.source or e.source
            o.hypothetical = False
        out.remove(e)
    return out


def reaction_targets(
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
        c = event_clause(e, tokens, clause_of)
        if e.target is None:
            back = next((a for bc, a in back_refs if bc == c and a.key() != e.source.key()), None)
            if back is not None:
                e.target = back
                continue
        acts = [
            o
            for o in later_in_clause(e, events, tokens, clause_of)
            if o.source is not None and o.source.key() != e.source.key()
        ]
        if acts and (
            e.target is None
            or (acts[0].target is not None and e.target.key() == acts[0].target.key())
        ):
            e.target = acts[0].source


def attach_event_magnitudes(events: list[Event], sent: Sentence, lang: str) -> None:
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


def sourced_claims(
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
            if political(s.actor)
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
        trig = TriggerMatch(synthetic_entry("112"), speaker.start, speaker.end, noun=False)
        out.append(rule_event(trig, speaker.actor, e.source, sent, ctx, tokens))
    return out


#: the THREATEN code for what the speaker would do
THREAT_CODES = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "137", "MOBILIZE": "138"}


def conditional_threats(
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
        speaker = clause_subject(slots, info, cues)
        if speaker is None or not political(speaker.actor):
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
        # "would be met with swift sanctions", "würde geschlossen antworten": the response
        # itself need not be an event of its own
        responds = any(t.lower in cues.consequence_words for t in tokens) and any(
            t.lower in CONDITIONAL_AUX or t.lower in cues.future_aux for t in tokens
        )
        if not own and not responds:
            return []
        other = [
            e
            for e in events
            if e.hypothetical
            and e.source is not None
            and e.source.key() != key
            and e.quad_class >= 3
        ]
        if not own and not other:
            return []
        target = other[0].source if other else own[0].target
        trig = TriggerMatch(
            synthetic_entry(THREAT_CODES.get(own[0].type, "130") if own else "130"),
            verb,
            verb + 1,
            noun=False,
        )
        return [rule_event(trig, speaker.actor, target, sent, ctx, tokens)]
    return []


#: types whose missing target is the source's own state: repression at home, protest at home
DOMESTIC_TYPES = {"COERCE": "CVL", "PROTEST": "GOV", "CONCEDE": "CVL"}


#: CAMEO codes whose missing target is the source's own people: a curfew or a state of
#: emergency lifted ("hob die Ausgangssperre auf") eases life at home
DOMESTIC_CODES = {"0813": "CVL", "0814": "CVL"}


def domestic_targets(events: list[Event]) -> None:
    """Arrests, bans, protests and eased emergency rule with no named target are aimed at
    the source's own state."""
    for e in events:
        sector = DOMESTIC_TYPES.get(e.type) or DOMESTIC_CODES.get(e.cameo)
        if sector and e.target is None and e.source and e.source.country:
            e.target = Actor("", None, e.source.country, None, sector)


#: sectors of people who are not a state's armed or police forces
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "OPP"})


#: what force or coercion by civilians is: a riot, or an obstruction (blockades)
CIVILIAN_ACTS = {"ASSAULT": "145", "COERCE": "144"}


def civilian_violence(events: list[Event]) -> None:
    """Violence or blockades by protesters or civilians ("protesters stormed the residence",
    "farmers set up blockades") are protest (CAMEO 145, 144), not ASSAULT or COERCE."""
    for e in events:
        if e.type in CIVILIAN_ACTS and e.source is not None and e.source.sector in CIVILIAN_SECTORS:
            code = lookup_cameo(CIVILIAN_ACTS[e.type])
            e.type, e.cameo, e.quad_class, e.goldstein = "PROTEST", code.code, 4, code.goldstein
            e.mode, e.context = code.mode, code.context


#: the MOBILIZE code of a weapons test
TEST_CODE = "150"


def sea_launches(events: list[Event]) -> None:
    """Missiles fired into the sea at nobody are a test, a show of force (MOBILIZE 150),
    not an attack: "feuerte zwei Raketen ins Japanische Meer ab"."""
    code = lookup_cameo(TEST_CODE)
    for e in events:
        if e.type == "ASSAULT" and e.target is None:
            e.type, e.cameo, e.quad_class, e.goldstein = "MOBILIZE", code.code, 4, code.goldstein
            e.mode, e.context = code.mode, code.context


def retaliation_targets(events: list[Event]) -> None:
    """A threat with no target by the victim of an attack in the same sentence is aimed at the
    attacker: "US bombers struck Iranian sites, and Iran vowed to retaliate" -> IRN -> USA."""
    for e in events:
        if e.type != "THREATEN" or e.target is not None or e.source is None:
            continue
        hit = next(
            (
                o.source
                for o in events
                if o.quad_class == 4
                and not (o.negated or o.hypothetical)
                and o.source is not None
                and o.target is not None
                and o.target.key() == e.source.key()
                and o.source.key() != e.source.key()
            ),
            None,
        )
        if hit is not None:
            e.target = hit


#: acts that need a counterpart and may take it from the act before (see shared_counterpart)
COUNTERPART_ACTS = frozenset({"SANCTION", "ACCUSE"})


def shared_counterpart(events: list[Event]) -> None:
    """A second act of the same source with no counterpart of its own is aimed at the
    counterpart of the first: "India blamed Pakistan for the massacre and suspended a water
    treaty" -> SANCTION IND -> PAK."""
    for k, e in enumerate(events):
        if e.target is not None or e.source is None or e.type not in COUNTERPART_ACTS:
            continue
        if e.negated or e.hypothetical:
            continue
        before = next(
            (
                o
                for o in reversed(events[:k])
                if o.source is not None
                and o.source.key() == e.source.key()
                and o.target is not None
                and o.target.key() != e.source.key()
                and o.quad_class >= 3
                and not (o.negated or o.hypothetical)
            ),
            None,
        )
        if before is not None:
            e.target = before.target


def protesting_subject(slots: list[Slot], tokens: list, cues: Cues) -> Slot | None:
    """Protesters opening the sentence as its subject ("Protesters filled the square in
    Caracas", "Anti-government protesters gathered ..."): they are demonstrating."""
    first = slots[0] if slots else None
    if (
        first is None
        or first.start > 2
        or tokens[first.end - 1].lower not in cues.protester_nouns
        or first.actor.sector not in CIVILIAN_SECTORS
        or first.prep is not None
        or tokens[-1].lower == "?"
        or any(t.text[:1].isalpha() and t.text[:1].isupper() for t in tokens[1 : first.start])
    ):
        return None
    unreal = cues.future_aux | cues.hypothetical | cues.negation | cues.scheduled_words
    if any(t.lower in unreal or t.lemma.lower() in cues.intent_lemmas for t in tokens):
        return None
    return first


def protesters_protest(
    events: list[Event],
    tokens: list,
    sent: Sentence,
    ctx: ArticleContext,
    subject: Slot | None = None,
) -> list[Event]:
    """Protesters who act (demand, storm, block) are demonstrating: "Protesters in Bangkok
    demanded the resignation ..." is also a PROTEST of the people there at home, and so are
    protesters as the subject of any verb (`subject`, from protesting_subject)."""
    cues = ctx.cues
    protesting = {e.source.key() for e in events if e.type == "PROTEST" and e.source}
    out: list[Event] = []
    country = (subject.actor.country or (ctx.location or {}).get("country")) if subject else None
    if subject is not None and country and country not in protesting:
        trig = TriggerMatch(synthetic_entry("141"), subject.end - 1, subject.end, noun=True)
        people = Actor(subject.actor.text, subject.actor.name, country, None, "CVL")
        home = Actor("", None, country, None, DOMESTIC_TYPES["PROTEST"])
        out.append(rule_event(trig, people, home, sent, ctx, tokens))
        protesting.add(country)
    for e in events:
        src = e.source
        if (
            src is None
            or not src.country
            or src.sector not in CIVILIAN_SECTORS
            or e.negated
            or e.hypothetical
            or src.key() in protesting
        ):
            continue
        k = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.lower in cues.protester_nouns and t.start < e.char_start
            ),
            None,
        )
        if k is None or not src.text.lower().endswith(tokens[k].lower):
            continue
        trig = TriggerMatch(synthetic_entry("141"), k, k + 1, noun=True)
        home = Actor("", None, src.country, None, DOMESTIC_TYPES["PROTEST"])
        out.append(rule_event(trig, src, home, sent, ctx, tokens))
        protesting.add(src.key())
    return out


def foreign_bans(events: list[Event]) -> None:
    """A ban by one state or organisation on what belongs to another ("a ban on Russian
    diamonds", "banned Belarusian airlines") is a sanction (SANCTION 163); a ban at home
    ("banned the Pride march") stays COERCE 172."""
    code = lookup_cameo("163")
    for e in events:
        if (
            e.cameo == "172"
            and e.source is not None
            and e.target is not None
            and e.target.key()
            and e.source.key()
            and e.target.key() != e.source.key()
        ):
            e.type, e.cameo, e.quad_class, e.goldstein = "SANCTION", code.code, 4, code.goldstein
            e.mode, e.context = code.mode, code.context


def missile_tests(events: list[Event], tokens: list, cues: Cues) -> None:
    """A missile fired or launched at nobody, or into the sea, is a test or a show of force
    (MOBILIZE 150), not an attack: "North Korea fired a ballistic missile on Sunday",
    "... into the Sea of Japan"; launched at a state it is an attack."""
    test, attack = lookup_cameo("150"), lookup_cameo("190")
    for e in events:
        if e.type not in ("ASSAULT", "MOBILIZE") or e.negated:
            continue
        k = token_at(e.char_start, tokens)
        if tokens[k].lemma.lower() not in cues.launch_lemmas:
            continue
        after = [t.lower for t in tokens[k + 1 : k + 12]]
        if not any(w in cues.missile_words for w in after[:7]):
            continue
        seaward = any(w in cues.sea_words for w in after)
        if e.type == "ASSAULT" and (e.target is None or seaward):
            e.type, e.cameo, e.quad_class, e.goldstein = "MOBILIZE", test.code, 4, test.goldstein
            e.mode, e.context = test.mode, test.context
            e.target = None
        elif (
            e.type == "MOBILIZE"
            and e.target is not None
            and not seaward
            and any(w in cues.attack_preps for w in after[:8])
        ):
            # "launched 40 missiles at Kyiv": an attack
            e.type, e.cameo, e.quad_class, e.goldstein = "ASSAULT", attack.code, 4, attack.goldstein
            e.mode, e.context = attack.mode, attack.context


def border_buildup(events: list[Event], tokens: list, slots: list[Slot], cues: Cues) -> None:
    """Troops sent to a border or near a state are a build-up (MOBILIZE 154), not aid to a
    recipient; a build-up with no target is aimed at the state whose border it is ("deployed
    soldiers to the Belarusian border", "Poland's border")."""
    code = lookup_cameo("154")
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
            e.type, e.cameo, e.quad_class, e.goldstein = "MOBILIZE", code.code, 4, code.goldstein
            e.mode, e.context = code.mode, code.context
        if e.type != "MOBILIZE" or e.target is not None or e.source is None:
            continue
        # "despite massing troops near the border" of a sentence about Ukraine: the one
        # other state it names
        others = [a for k, a in states.items() if k != e.source.key()]
        near = neighbour or (others[0] if len(others) == 1 else None)
        if near is not None and e.source.key() != near.key():
            e.target = near


#: announced material cooperation or aid is an intent to cooperate or to give (CAMEO 031, 033)
INTENT_CODES = {"COOPERATE": "031", "AID": "033"}


def _reported_own_future(k: int, tokens: list, cues: Cues) -> bool:
    """Whether the verb at k follows "<reporting verb> <pronoun> would/will" ("announced it
    would send aid"), the speaker's own announced act."""
    pronouns = cues.subject_pronouns | cues.state_pronouns | cues.first_person_plural
    for j in range(max(1, k - 5), k - 1):
        if (
            tokens[j].lower in pronouns
            and (tokens[j + 1].lower in CONDITIONAL_AUX or tokens[j + 1].lower in cues.future_aux)
            and tokens[j - 1].lemma.lower() in cues.reporting_lemmas
        ):
            return True
    return False


def _after_agreeing(
    e: Event, events: list[Event], tokens: list, clause_of: list[int], cues: Cues
) -> bool:
    """Whether e is the infinitive of an agreement of its own source in its clause: "agreed
    to work together", "pledged to supply"."""
    k = token_at(e.char_start, tokens)
    if k < 1 or tokens[k - 1].lower != cues.infinitive_marker or e.source is None:
        return False
    c = clause_of[k]
    return any(
        o.type == "AGREE"
        and o.char_start < e.char_start
        and o.source is not None
        and o.source.key() == e.source.key()
        and clause_of[token_at(o.char_start, tokens)] == c
        for o in events
    )


def intent_events(
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
        c = event_clause(e, tokens, clause_of)
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
        ready = (
            info is not None
            and e.type == "CONSULT"
            and bool(info.words & cues.readiness)
            and not any(i.conditional for i in infos)  # "Wenn ..., wollen X und Y verhandeln"
        )
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
        # "will meet", "are set to meet", "will provide Ukraine with tanks": a stated future
        # meeting, cooperation or aid is an intent (AGREE)
        future = (
            info is not None
            and e.hypothetical
            and not any(i.conditional for i in infos)
            and not e.sentence.rstrip().endswith("?")
            and not info.governed
            and (
                bool(info.words & (cues.future_aux - CONDITIONAL_AUX))
                or scheduled(token_at(e.char_start, tokens), tokens, cues)
            )
        )
        ready = ready or (future and e.type == "CONSULT")
        # "the prime minister said he would resign", "Japan announced it would send aid": the
        # speaker announces its own act
        pronouns = cues.subject_pronouns | cues.state_pronouns | cues.first_person_plural
        own_act = (
            info is not None
            and e.type in ("RETREAT", *INTENT_CODES)
            and e.hypothetical
            and not info.conditional
            and e.source is not None
            and e.source.text.lower() in pronouns
            and (reported or _reported_own_future(token_at(e.char_start, tokens), tokens, cues))
        )
        ready = ready or (own_act and e.type == "RETREAT")
        if circumstantial(tokens, token_at(e.char_start, tokens), cues):
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
        promised = (
            (
                info is not None
                and info.governed
                and info.governor == "THREATEN"
                and bool(info.governor_lemmas & cues.announce_lemmas)
            )
            or own_act
            or future
            or _after_agreeing(e, events, tokens, clause_of, cues)
        )
        if (
            (announced or promised)
            and not e.negated
            and e.type in INTENT_CODES
            and e.source is not None
            and e.target is not None
            and e.target.key() != e.source.key()
        ):
            # "vowed to deepen their cooperation", "agreed to work together": an intent to
            # cooperate or to give (AGREE 031/033), not the act itself
            code = lookup_cameo(INTENT_CODES[e.type])
            e.type, e.cameo, e.quad_class = "AGREE", code.code, 1
            e.goldstein, e.mode, e.context = code.goldstein, code.mode, code.context
            e.hypothetical = False
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
                and not infos[event_clause(e, tokens, clause_of)].governed
            )
        ]
    return out


def claim_events(
    events: list[Event],
    tokens: list,
    slots: list[Slot],
    clause_of: list[int],
    infos: list[ClauseInfo],
    sent: Sentence,
    ctx: ArticleContext,
    triggers: list[TriggerMatch] | None = None,
) -> list[Event]:
    """ "X sagte, Y habe Z angegriffen": an ACCUSE X->Y; the claimed act is only reported.
    A trailing source ("..., wie das Ministerium mitteilte") leaves the act asserted. A
    claimed act whose object names no state ("said North Korea had blown up sections of
    roads") still blames the complement's subject."""
    cues = ctx.cues
    out: list[Event] = []
    for c, info in enumerate(infos):
        verb = verb_index(info, tokens, cues.reporting_lemmas)
        if verb is None or info.first_word in cues.attribution_openers:
            continue
        speaker = clause_subject(slots, info, cues)
        if speaker is None or not political(speaker.actor):
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
            ec = event_clause(e, tokens, clause_of)
            if (
                ec not in comp
                or e.quad_class != 4
                or e.negated
                or (e.hypothetical and not _only_claimed(infos[ec], cues))
            ):
                continue
            if e.source is None or (
                e.source.key() == speaker.actor.key()
                and not (e.source.sector == "REB" and speaker.actor.sector != "REB")
            ):
                continue  # one's own act is no accusation; rebels of one's own state are
            e.hypothetical = True
            trig = TriggerMatch(synthetic_entry("112"), verb, verb + 1, noun=False)
            out.append(rule_event(trig, speaker.actor, e.source, sent, ctx, tokens))
        if not trailing and not any(o.source is speaker.actor for o in out):
            blamed = _blamed_subject(comp, speaker, triggers or [], slots, clause_of, infos, cues)
            if blamed is not None:
                trig = TriggerMatch(synthetic_entry("112"), verb, verb + 1, noun=False)
                out.append(rule_event(trig, speaker.actor, blamed.actor, sent, ctx, tokens))
    return out


def _only_claimed(info: ClauseInfo, cues: Cues) -> bool:
    """A clause made unreal only by the subjunctive of reported speech ("Agenten hätten die
    Pipeline sabotiert"), not by a condition or a modal ("falls", "könnte")."""
    return (
        bool(info.words & cues.claim_markers)
        and not info.conditional
        and not info.words & (cues.hypothetical - cues.claim_markers)
    )


def _blamed_subject(
    comp: set[int],
    speaker: Slot,
    triggers: list[TriggerMatch],
    slots: list[Slot],
    clause_of: list[int],
    infos: list[ClauseInfo],
    cues: Cues,
) -> Slot | None:
    """The political subject of a reported complement that states a material conflict act
    (an attack, a blockade ...), not negated nor only possible; None otherwise."""
    first = min(comp)
    if any(infos[k].words & (cues.negation | cues.hypothetical) for k in comp):
        return None
    if not any(clause_of[t.index] in comp and t.entry.cameo.quad_class == 4 for t in triggers):
        return None
    subj = clause_subject(slots, infos[first], cues)
    if subj is None or not political(subj.actor) or subj.actor.key() == speaker.actor.key():
        return None
    return subj


def insist_events(
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
        speaker = clause_subject(slots, info, cues) or next(
            (s for s in slots if info.lo <= s.start < info.hi and s.possessive), None
        )
        if speaker is None or not political(speaker.actor):
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
            synthetic_entry("120" if negated_own else "100"), hit, hit + 1, noun=False
        )
        if negated_own:
            target = None  # a denial of one's own act has no target, as with "denied"
        else:
            subj = clause_subject(slots, infos[comp[0]], cues)
            target = subj.actor if subj else None
            if target is None or target.key() == speaker.actor.key():
                continue
        out.append(rule_event(trig, speaker.actor, target, sent, ctx, tokens))
    return out


def dedupe(events: list[Event], same_day: bool = False) -> list[Event]:
    """One event per type, source and target state or organisation (and modality) in a
    sentence: the first found wins (verbs are matched before the nouns they govern). With
    `same_day`, across the sentences of an article: an act told twice ("Modi arrived in Kyiv.
    There he talked with Zelensky ...") on the same date is one event, as GDELT counts one
    event per article and keeps the mentions; the first keeps the highest confidence."""
    seen: dict[tuple, Event] = {}
    for e in events:
        src = e.source.key() if e.source else None
        tgt = e.target.key() if e.target else None
        if e.type in SYMMETRIC_TYPES and src and tgt and tgt < src:
            src, tgt = tgt, src
        key = (e.type, src, tgt, e.negated, e.hypothetical, e.date if same_day else None)
        if key not in seen:
            seen[key] = e
        elif same_day:
            seen[key].confidence = max(seen[key].confidence, e.confidence)
    return list(seen.values())

"""Rules over announced and conditional acts: a conditional act is a threat, an announced
release, meeting, cooperation or aid is an intent (CONCEDE, AGREE 036/031/033), not a
hypothetical act."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.event_build import (
    CONDITIONAL_AUX,
    ArticleContext,
    circumstantial,
    clause_subject,
    event_clause,
    political,
    recode,
    rule_event,
    synthetic_entry,
    token_at,
)
from lagebild.modality import ClauseInfo, scheduled, verb_index
from lagebild.schema import Event, Sentence
from lagebild.slots import Slot
from lagebild.triggers import TriggerMatch

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
    conditions = [i for i in infos if i.conditional]
    for e in events:
        if e.type == "THREATEN" and e.target is None and e.source is not None:
            # "Für den Fall, dass Washington ... liefert, drohte der Kreml mit Vergeltung":
            # the threat is aimed at the actor of the condition
            e.target = next(
                (
                    o.source
                    for o in events
                    if o.hypothetical
                    and o.source is not None
                    and o.source.key() != e.source.key()
                    and any(i.lo <= token_at(o.char_start, tokens) < i.hi for i in conditions)
                ),
                None,
            )
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
        low = f" {sent.text.lower()} "
        responds = (
            any(t.lower in cues.consequence_words for t in tokens)
            # "would hit back hard": a phrase of response
            or any(f" {w} " in low for w in cues.consequence_words if " " in w)
        ) and any(t.lower in CONDITIONAL_AUX or t.lower in cues.future_aux for t in tokens)
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
        # "Should Serbia deploy troops to Kosovo, NATO would respond": the actor of any act
        # in the condition
        other = other or [
            e
            for e in events
            if e.hypothetical
            and e.source is not None
            and e.source.key() != key
            and any(i.lo <= token_at(e.char_start, tokens) < i.hi for i in conditions)
        ]
        if not own and not other and not (responds and conditions):
            return []
        # "would strike back if American bombers entered its airspace": a threat, aimed at
        # the actor of the condition when that is an event
        target = other[0].source if other else own[0].target if own else None
        said = next(
            (
                e
                for e in events
                if e.type == "THREATEN"
                and e.source is not None
                and e.source.key() == key
                and not (e.negated or e.hypothetical)
            ),
            None,
        )
        if said is not None:
            # "warnte Manila vor Konsequenzen, sollte es ...": the threat is said already
            said.target = said.target or target
            return []
        trig = TriggerMatch(
            synthetic_entry(THREAT_CODES.get(own[0].type, "130") if own else "130"),
            verb,
            verb + 1,
            noun=False,
        )
        return [rule_event(trig, speaker.actor, target, sent, ctx, tokens)]
    return []


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


def _ahead(info: ClauseInfo, tokens: list, cues: Cues) -> bool:
    """Whether a complement of saying or announcing states an act to come: a verb of
    announcing or promising governs it, or it has a future, a modal or an infinitive ("said
    it would release", "kündigte an, ... abzuziehen"); "Seoul said North Korea had sent
    troops" reports a past act instead."""
    if not info.governor_lemmas & cues.announce_lemmas <= cues.reporting_lemmas:
        return True
    marker = cues.infinitive_marker
    words = [i for i in range(info.lo, info.hi) if tokens[i].text.isalpha()]
    return bool(
        info.words & (cues.future_aux | CONDITIONAL_AUX)
        # "to release" opening the clause, "zu verhandeln", "abzuziehen" closing it
        or (words and tokens[words[0]].lower == marker)
        or (
            len(words) > 1
            and tokens[words[-2]].lower == marker
            and tokens[words[-1]].text.islower()
        )
        or (words and marker in tokens[words[-1]].lower[2:-2])
    )


def _announced_inline(k: int, info: ClauseInfo, tokens: list, cues: Cues) -> bool:
    """Whether the verb at k follows "<announcing verb> <actor> would/will" in one clause
    ("The Kremlin announced Putin would visit Pyongyang")."""
    for j in range(max(info.lo, k - 7), k - 1):
        if tokens[j].lemma.lower() in cues.announce_strict and any(
            tokens[m].lower in CONDITIONAL_AUX or tokens[m].lower in cues.future_aux
            for m in range(j + 2, k)
        ):
            return True
    return False


def _after_agreeing(
    e: Event, events: list[Event], tokens: list, clause_of: list[int], cues: Cues
) -> bool:
    """Whether e is the infinitive of an agreement of its own source in its clause: "agreed
    to work together", "pledged to supply"."""
    k = token_at(e.char_start, tokens)
    if k < 1 or e.source is None:
        return False
    infinitive = tokens[k - 1].lower == cues.infinitive_marker
    c = clause_of[k]
    for o in events:
        if not (
            o.type == "AGREE"
            and o.char_start < e.char_start
            and o.source is not None
            and o.source.key() == e.source.key()
        ):
            continue
        j = token_at(o.char_start, tokens)
        if clause_of[j] != c:
            continue
        # "pledged closer military cooperation": the promised act as the verb's object
        if infinitive or (
            0 < k - j <= 4
            and all(
                t.text.isalpha() and t.text.islower() and t.lower not in cues.prepositions
                for t in tokens[j + 1 : k]
            )
        ):
            return True
    return False


def intent_events(
    events: list[Event],
    tokens: list,
    clause_of: list[int],
    infos: list[ClauseInfo],
    ctx: ArticleContext,
    nouns: set[int],
) -> list[Event]:
    """An announced release, withdrawal or easing is a CONCEDE; an announced meeting an AGREE
    (intent to meet) — not hypothetical acts. The announcing AGREE is then not coded again.
    `nouns` are the tokens of noun triggers."""
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
                or (
                    info.governor == "intent"
                    and bool(info.governor_lemmas & cues.announce_lemmas)
                    and _ahead(info, tokens, cues)
                )
            )
        )
        if (
            info is not None
            and info.governed
            and info.governor == "intent"
            and info.governor_lemmas & cues.announce_strict
            and not e.negated
            and ((e.quad_class == 4 and e.type in THREAT_CODES) or e.type == "THREATEN")
        ):
            # "kündigte an, alle Schiffe ... ins Visier zu nehmen": an announced attack
            if e.type in THREAT_CODES:
                recode(e, THREAT_CODES[e.type])
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
            # "will decide on more aid": a noun other than talks is no promise
            and (e.type == "CONSULT" or token_at(e.char_start, tokens) not in nouns)
        )
        ready = ready or (future and e.type == "CONSULT")
        # "the prime minister said he would resign", "Japan announced it would send aid": the
        # speaker announces its own act
        pronouns = cues.subject_pronouns | cues.state_pronouns | cues.first_person_plural
        k = token_at(e.char_start, tokens)
        own_act = (
            info is not None
            and e.type in ("RETREAT", "CONCEDE", *INTENT_CODES)
            and e.hypothetical
            and not info.conditional
            and e.source is not None
            and (
                e.source.text.lower() in pronouns
                # "they would reopen": a plural pronoun resolved to the group named before
                or any(
                    tokens[m].lower in cues.plural_subject_pronouns
                    for m in range(max(info.lo, k - 3), k)
                )
            )
            and (reported or _reported_own_future(k, tokens, cues))
        )
        ready = ready or (own_act and e.type == "RETREAT")
        i = token_at(e.char_start, tokens)
        announced = announced or (
            info is not None
            and e.type in ("CONSULT", "RETREAT", "CONCEDE")
            and not any(other.conditional for other in infos)
            and _announced_inline(i, info, tokens, cues)
        )
        if i in nouns and circumstantial(tokens, i, cues):
            # "during Putin's visit": a visit that took place; not the verb of "will im Mai
            # nach China reisen"
            announced = ready = False
        if (announced or own_act) and not e.negated and e.type == "CONCEDE":
            # "agreed to stop attacking", "offered to suspend the reform", "said it would
            # ease the curbs": the concession
            e.hypothetical = False
            replaced_sources.add(e.source.key() if e.source else None)
        elif (
            (announced or ready)
            and not e.negated
            and e.type in ("RETREAT", "CONSULT")
            # "agreed to exchange prisoners": a swap both promise is their agreement
            and tokens[k].lemma.lower() not in cues.reciprocal_verbs
        ):
            recode(e, "080" if e.type == "RETREAT" else "036")
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
            recode(e, INTENT_CODES[e.type])
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

"""Rules for civilians and protesters: violence or blockades by civilians are protest, and
protesters who act are demonstrating at home."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.event_build import (
    ArticleContext,
    event_clause,
    recode,
    rule_event,
    synthetic_entry,
)
from lagebild.modality import ClauseInfo
from lagebild.schema import Actor, Event, Sentence
from lagebild.slots import Slot
from lagebild.target_rules import DOMESTIC_TYPES
from lagebild.triggers import TriggerMatch

#: sectors of people who are not a state's armed or police forces
CIVILIAN_SECTORS = frozenset({"CVL", "EDU", "OPP"})


#: what force or coercion by civilians is: a riot, or an obstruction (blockades)
CIVILIAN_ACTS = {"ASSAULT": "145", "COERCE": "144"}


def civilian_violence(events: list[Event]) -> None:
    """Violence or blockades by protesters or civilians ("protesters stormed the residence",
    "farmers set up blockades") are protest (CAMEO 145, 144), not ASSAULT or COERCE."""
    for e in events:
        if e.type in CIVILIAN_ACTS and e.source is not None and e.source.sector in CIVILIAN_SECTORS:
            recode(e, CIVILIAN_ACTS[e.type])


def protesting_subject(
    slots: list[Slot], tokens: list, cues: Cues, clause_of: list[int] | None = None
) -> Slot | None:
    """Protesters opening the sentence as its subject ("Protesters filled the square in
    Caracas", "Tens of thousands of protesters gathered ..."): they are demonstrating, unless
    their own clause makes it unreal ("..., and the police did not intervene" does not)."""
    first = slots[0] if slots else None
    counted = (
        first is not None
        and 2 < first.start <= 5
        and tokens[first.start - 1].lower == "of"
        and tokens[first.start - 2].lower in cues.quantity_of
    )  # "Tens of thousands of protesters"
    if (
        first is None
        or (first.start > 2 and not counted)
        or tokens[first.end - 1].lower not in cues.protester_nouns
        or first.actor.sector not in CIVILIAN_SECTORS
        or first.prep is not None
        or tokens[-1].lower == "?"
        or any(t.text[:1].isalpha() and t.text[:1].isupper() for t in tokens[1 : first.start])
    ):
        return None
    unreal = cues.future_aux | cues.hypothetical | cues.negation | cues.scheduled_words
    own = [
        t
        for i, t in enumerate(tokens)
        if clause_of is None or clause_of[i] == clause_of[first.start]
    ]
    if any(t.lower in unreal or t.lemma.lower() in cues.intent_lemmas for t in own):
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


#: the PROTEST code of an obstruction (blockades, occupations)
OBSTRUCT_CODE = "144"


def purpose_protests(
    events: list[Event], tokens: list, clause_of: list[int], infos: list[ClauseInfo], cues: Cues
) -> None:
    """ "Landwirte blockierten das Europaviertel, um gegen die Agrarpolitik zu protestieren":
    acting in order to protest is protesting, so the protest is real, and a blockade or
    refusal by the same civilians is the protest's form (144), not a REJECT."""
    for e in events:
        if e.type != "PROTEST" or not e.hypothetical or e.negated or e.source is None:
            continue
        info = infos[event_clause(e, tokens, clause_of)]
        if info.first_word not in cues.purpose_conj or info.governor == "intent":
            continue  # "kündigte an, um zu protestieren, ...": only planned
        e.hypothetical = False
        for o in events:
            if (
                o.type == "REJECT"
                and o.source is not None
                and o.source.key() == e.source.key()
                and o.source.sector in CIVILIAN_SECTORS
            ):
                recode(o, OBSTRUCT_CODE)

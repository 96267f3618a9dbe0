"""Events from a trigger and its arguments: one event per source and target member, after
the lexicon's conditions (a known political source, a counterpart for joint acts, the
source's own people as the unnamed target of domestic acts, nobody's for foreigners), and the
constants of who acts on whom that the coder shares."""

from __future__ import annotations

from dataclasses import replace

from lagebild.coordination import members
from lagebild.cues import Cues
from lagebild.dates import DateMention
from lagebild.event_build import ArticleContext, event, political
from lagebild.ontology import DYADIC_TYPES, SYMMETRIC_TYPES, VISIT_CODES
from lagebild.protest_rules import CIVILIAN_ACTS, CIVILIAN_SECTORS
from lagebild.referents import FOREIGN_SECTORS, STATE_KINDS
from lagebild.schema import Actor, Event, Sentence
from lagebild.slots import Slot
from lagebild.target_rules import DOMESTIC_TYPES
from lagebild.triggers import INDEFINITE_ARTICLES, TriggerMatch

#: sectors that act at home, and their acts: an unnamed police force arrests in the
#: country of the arrested ("wurde von der Polizei festgenommen"), unnamed rebels fight
#: where they operate ("separatists shelled Mariupol"); unnamed protesters protest where
#: they are ("filled the streets of Antananarivo")
HOME_SECTORS = frozenset({"COP", "JUD", "REB"})
HOME_TYPES = frozenset({"COERCE", "ASSAULT"})
#: acts whose unnamed group of victims or beneficiaries is taken to be domestic
GROUP_TARGET_TYPES = frozenset(
    {"COERCE", "RETREAT", "PROTEST", "CONCEDE", "ASSAULT", "AID", "MOBILIZE"}
)
#: codes of other types whose unnamed target is the source's own: a court sentencing "den
#: Journalisten" sentences one of its state's people
GROUP_TARGET_CODES = frozenset({"116"})
#: CAMEO code of granting asylum: who gets it is not the granting state's own
ASYLUM_CODE = "075"
#: acts whose object is the actor's own forces ("mobilisierte 45.000 Polizisten")
OWN_FORCES_TYPES = frozenset({"MOBILIZE"})
#: sectors that speak to their own state's government ("the parliament called on the
#: government")
DOMESTIC_VOICES = frozenset({"LEG", "JUD", "OPP", "CVL"})
#: the sectors of forces sent to help a government (AID_FORCES_CODE)
FORCES_SECTORS = frozenset({"MIL", "COP"})
#: joint acts that need a counterpart: a visit to a bakery is no CONSULT
COUNTERPART_TYPES = frozenset({"CONSULT", "COOPERATE"})
#: types whose target may stand in the complement ("warnte, dass jede russische Invasion ...")
COMPLEMENT_TARGET_TYPES = frozenset({"THREATEN", "ACCUSE", "REQUEST", "REJECT", "AGREE"})
#: kinds of mention that name a political actor on their own
POLITICAL_KINDS = frozenset(
    {"country", "metonym", "org", "group", "person", "institution", "demonym"}
)


_STATE_VERBS = frozenset({"be", "have", "sein", "haben"})


def _vows_act(tokens: list, i: int, cues: Cues) -> bool:
    """A warning that the speaker itself would act is a threat even with no consequence
    word: "Iran warned that it would close the Strait", "warnte, er werde ... antworten"."""
    pronouns = cues.state_pronouns | cues.subject_pronouns | cues.first_person_plural
    for j in range(i + 1, min(i + 5, len(tokens) - 2)):
        if (
            tokens[j].lower in pronouns
            and (tokens[j + 1].lower in cues.future_aux or tokens[j + 1].lower in cues.hypothetical)
            and tokens[j + 2].lemma.lower() not in _STATE_VERBS
        ):
            return True
    return False


def make_events(
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
    src_members: list[Slot | None] = [m for s in sources for m in members(s)] or [None]
    tgt_members: list[Slot | None] = list(members(target)) if target else [None]
    symmetric = entry.type in SYMMETRIC_TYPES
    pairs: list[tuple[Slot | None, Slot | None]] = []
    # "barred foreign observers", "expelled foreign journalists": people marked as foreign
    # without a nationality are nobody's; they are not the source's own
    foreign_object = entry.type not in DYADIC_TYPES and any(
        tokens[j].lower in cues.foreign_words and tokens[j - 1].lower not in INDEFINITE_ARTICLES
        for j in range(trig.index + 1, min(len(tokens), trig.index + 5))
    )  # not a label given: "labelled the group a foreign agent"
    if (
        symmetric
        and len(src_members) > 1
        and (target is None or target.prep is not None and target.prep not in ("mit", "with"))
        # "Merz, Macron and Starmer travelled together to Kyiv": visitors do not visit each other
        and entry.cameo.code not in VISIT_CODES
    ):
        # "Japan, South Korea and the United States began sharing data": every pair once
        pairs = [(a, b) for k, a in enumerate(src_members) for b in src_members[k + 1 :]]
    elif len(src_members) > 1 and (
        any(t.lower in cues.reciprocal for t in tokens)
        or tokens[trig.index].lemma.lower() in cues.reciprocal_verbs
    ):
        # "Russland und die Ukraine tauschten jeweils 35 Gefangene aus", "Russia and Ukraine
        # exchanged prisoners": each on the other
        pairs = [(a, b) for a in src_members for b in src_members if a is not b]
    else:
        pairs = [(s, t) for s in src_members for t in tgt_members]
    out = []
    for src, tgt in pairs:
        if entry.people and (tgt is None or tgt.kind in STATE_KINDS):
            continue
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
        if (
            s_actor is not None
            and not s_actor.country
            and not s_actor.org
            and t_actor is not None
            and t_actor.country
            and not (
                src is not None
                and src.start > 0
                and tokens[src.start - 1].lower in cues.unknown_words
            )
            and (
                (s_actor.sector in HOME_SECTORS and entry.type in HOME_TYPES)
                or (s_actor.sector in CIVILIAN_SECTORS and entry.type == "PROTEST")
            )
        ):
            # "wurde von der Polizei festgenommen": police and courts act at home
            s_actor = replace(s_actor, country=t_actor.country, code=None)
        elif (
            s_actor is not None
            and not s_actor.country
            and not s_actor.org
            and t_actor is None
            and s_actor.sector in HOME_SECTORS
            and entry.type in HOME_TYPES
            and (ctx.location or {}).get("country")
            and not (
                src is not None
                and src.start > 0
                and tokens[src.start - 1].lower in cues.unknown_words
            )
        ):
            # "In Mexiko-Stadt ..., die Polizei setzte Tränengas ein": where the sentence is
            s_actor = replace(s_actor, country=ctx.location["country"], code=None)  # type: ignore[index]
        if not political(s_actor):
            continue  # an event needs a known source: an agentless passive is no event
        # people of a state: civilians, the opposition, or a nationality as a crowd ("Young
        # Peruvians poured into the streets to demand ...")
        people = s_actor is not None and (
            s_actor.sector in ("CVL", "OPP")
            or (
                s_actor.sector is None
                and src is not None
                and src.kind == "demonym"
                and not src.attributive
            )
        )
        if (
            t_actor is not None
            and not t_actor.country
            and not t_actor.org
            and t_actor.sector == "GOV"
            and s_actor is not None
            and s_actor.country
            and (s_actor.sector in DOMESTIC_VOICES or people)
        ):
            # "Iraq's parliament called on the government": a parliament, court, opposition
            # or people address their own government
            t_actor = Actor(t_actor.text, t_actor.name, s_actor.country, None, "GOV")
        if (
            t_actor is not None
            and not t_actor.country
            and not t_actor.org
            and t_actor.sector
            and s_actor is not None
            and s_actor.country
            and not symmetric
            and (entry.type in GROUP_TARGET_TYPES or entry.cameo.code in GROUP_TARGET_CODES)
        ):
            # an unnamed group acted upon ("prisoners", "Demonstranten") is the source's own,
            # unless it is marked as foreign ("Migranten", "foreign journalists": nobody's);
            # troops one mobilises are no target at all
            if entry.type in OWN_FORCES_TYPES:
                t_actor = None
            elif (
                not foreign_object
                and t_actor.sector not in FOREIGN_SECTORS
                and entry.cameo.code != ASYLUM_CODE
            ):
                t_actor = Actor(t_actor.text, t_actor.name, s_actor.country, None, t_actor.sector)
        if foreign_object and t_actor is None and entry.type not in OWN_FORCES_TYPES:
            t_actor = Actor("", None, None, None, "CVL")  # nobody's: no domestic target
        if (
            entry.type in OWN_FORCES_TYPES
            and t_actor is not None
            and s_actor is not None
            and t_actor.country == s_actor.country
            and not t_actor.org
        ):
            t_actor = None  # "Mobilmachung der russischen Streitkräfte": its own forces
        if (
            entry.type == "REQUEST"
            and t_actor is not None
            and not (t_actor.country or t_actor.org)
            and t_actor.sector == "CVL"
            and people
        ):
            t_actor = None  # "marched to demand the release of political prisoners": whom for
        if (
            t_actor is None
            and s_actor
            and s_actor.country
            and (entry.type in DOMESTIC_TYPES or (people and entry.type in ("REQUEST", "ACCUSE")))
        ):
            sector = DOMESTIC_TYPES.get(entry.type, "GOV")
            t_actor = Actor("", None, s_actor.country, None, sector)
        if entry.intrans:
            t_actor = None  # "trat als Vorsitzender der Partei zurück": resigning has no target
        if (entry.need == "target" or entry.type in COUNTERPART_TYPES) and t_actor is None:
            continue
        if (
            entry.type in SYMMETRIC_TYPES
            and t_actor is not None
            and s_actor is not None
            and t_actor.key() == s_actor.key()
            and s_actor.key()
            # a government and an armed group of its state are two sides ("Ethiopia's
            # government and the TPLF signed a peace deal")
            and not ("REB" in (s_actor.sector, t_actor.sector) and s_actor.sector != t_actor.sector)
        ):
            continue
        if (
            entry.need == "consequence"
            and t_actor is None
            and not any(t.lower in cues.consequence_words for t in tokens)
            and not _vows_act(tokens, trig.index, cues)
        ):
            continue
        civilians_act = (
            s_actor is not None
            and s_actor.sector in CIVILIAN_SECTORS
            and entry.type in CIVILIAN_ACTS
        )
        if entry.weak and not (political(s_actor) and political(t_actor)) and not civilians_act:
            continue
        cameo = None
        if entry.cameo.code in VISIT_CODES and src is not None and src.attributive:
            # "American tanks arrived in Ukraine": things do not visit; weapons and aid of a
            # state are delivered
            goods = tuple(cues.supply_words)
            if not goods or not any(t.lower.endswith(goods) for t in tokens[src.end : src.end + 3]):
                continue
            cameo = SUPPLY_CODE
        if (
            entry.cameo.code in VISIT_CODES
            and src is not None
            and _supplies_from(src, tokens, cues)
        ):
            cameo = SUPPLY_CODE  # "Kampfjets aus Frankreich sind eingetroffen": a delivery
        # a resignation has no target: sport or market words around it do not need one
        if nonpolitical and (
            entry.sport or entry.weak or s_actor is None or (t_actor is None and not entry.intrans)
        ):
            continue
        out.append(
            event(
                trig,
                s_actor,
                t_actor,
                sent,
                ctx,
                negated,
                hypothetical,
                dates,
                tokens,
                cameo=cameo,
                evidence=evidence * (1.0 if t_actor is not None else 0.92),
            )
        )
    return out


#: the AID code of weapons or goods delivered
SUPPLY_CODE = "070"


def _supplies_from(src: Slot, tokens: list, cues: Cues) -> bool:
    """Whether the source of an arrival is where goods come from ("die ersten Kampfjets aus
    Frankreich"): the word before its preposition names weapons or aid goods."""
    goods = tuple(cues.supply_words)
    if src.prep in cues.origin_preps:
        return src.start >= 2 and tokens[src.start - 2].lower.endswith(goods)
    # the goods noun took the state after it ("Kampfjets aus Frankreich" is one slot)
    return (
        src.actor.text.lower().endswith(goods)
        and src.end < len(tokens)
        and tokens[src.end].lower in cues.origin_preps
    )

"""Rules that find or change an event's counterpart: reactions aimed at an act's author,
executive orders, domestic targets, retaliation, a counterpart shared with the act before, a
ban on another state's goods as a sanction."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.event_build import event_clause, later_in_clause, recode, token_at
from lagebild.schema import Actor, Event, Token

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
COUNTERPART_ACTS = frozenset({"SANCTION", "ACCUSE", "THREATEN"})
#: acts whose steps share one counterpart, before or after (a build-up)
BUILDUP = frozenset({"MOBILIZE"})


def shared_counterpart(events: list[Event]) -> None:
    """A second act of the same source with no counterpart of its own is aimed at the
    counterpart of the first: "India blamed Pakistan for the massacre and suspended a water
    treaty" -> SANCTION IND -> PAK; "warf Peking Subventionen vor und drohte mit Strafzöllen"
    -> THREATEN EU -> CHN. Steps of one build-up share its counterpart whatever their order:
    "versetzte seine Armee in Gefechtsbereitschaft und verlegte Einheiten zum Kosovo"."""
    for k, e in enumerate(events):
        if e.target is not None or e.source is None or e.type not in COUNTERPART_ACTS | BUILDUP:
            continue
        if e.negated or e.hypothetical:
            continue
        others = events[k + 1 :] + events[:k][::-1] if e.type in BUILDUP else events[:k][::-1]
        before = next(
            (
                o
                for o in others
                if o.source is not None
                and o.source.key() == e.source.key()
                and o.target is not None
                and o.target.key() != e.source.key()
                and o.quad_class >= 3
                and not (o.negated or o.hypothetical)
                and (e.type not in BUILDUP or o.type == e.type)
            ),
            None,
        )
        if before is not None:
            e.target = before.target


#: the code of a ban on what belongs to another state: a sanction
BAN_CODE = "163"


def foreign_bans(events: list[Event]) -> None:
    """A ban by one state or organisation on what belongs to another ("a ban on Russian
    diamonds", "banned Belarusian airlines") is a sanction (SANCTION 163); a ban at home
    ("banned the Pride march") stays COERCE 172."""
    for e in events:
        if (
            e.cameo == "172"
            and e.source is not None
            and e.target is not None
            and e.target.key()
            and e.source.key()
            and e.target.key() != e.source.key()
        ):
            recode(e, BAN_CODE)


#: CAMEO codes of sending forces to help a government, and of the request for them
AID_FORCES_CODE, FORCES_REQUEST_CODE = "074", "1034"


def requested_acts(events: list[Event], tokens: list, cues: Cues) -> None:
    """ "Auf Bitten Maputos entsandte Ruanda Soldaten": the request happened and is aimed at
    the one who acts on it; forces sent or moved at a government's request are aid to it
    (074), and what is sent to help goes to the one who asked."""
    for e in events:
        if e.type != "REQUEST" or e.source is None or e.negated:
            continue
        k = token_at(e.char_start, tokens)
        if k == 0 or tokens[k - 1].lower not in cues.request_preps:
            continue
        act = next(
            (
                o
                for o in events
                if o.type != "REQUEST"
                and o.source is not None
                and o.source.key() != e.source.key()
                and not (o.negated or o.hypothetical)
            ),
            None,
        )
        if act is None or act.source is None:
            continue
        e.hypothetical, e.target = False, act.source
        if act.type == "MOBILIZE" or act.cameo == AID_FORCES_CODE:
            recode(act, AID_FORCES_CODE)
            recode(e, FORCES_REQUEST_CODE)
        if act.type == "AID":
            act.target = e.source


#: the MOBILIZE code of forces moved or raised
DEPLOY_CODE = "154"


def home_deployments(events: list[Event]) -> None:
    """Forces sent within one's own state ("schickte Soldaten in die Gefängnisse von
    Guayaquil") are a deployment (MOBILIZE 154), not aid to oneself."""
    for e in events:
        if (
            e.cameo == AID_FORCES_CODE
            and e.source is not None
            and e.target is not None
            and e.source.country
            and e.target.country == e.source.country
            and not e.target.org
        ):
            recode(e, DEPLOY_CODE)
            e.target = None


def recipient_passives(
    events: list[Event], tokens: list, clause_of: list[int], cues: Cues
) -> list[Event]:
    """ "Die Ukraine bekam von Schweden zwei Flugzeuge zugesagt": with a participle, getting is
    the passive of the participle's act: Sweden promised (AGREE) to Ukraine; the getting
    itself is no delivery."""
    out = list(events)
    for e in events:
        if tokens[token_at(e.char_start, tokens)].lemma.lower() not in cues.recipient_aux:
            continue
        acts = [
            o
            for o in later_in_clause(e, events, tokens, clause_of)
            if _participle(tokens[token_at(o.char_start, tokens)])
        ]
        if not acts:
            continue
        for o in acts:
            o.source, o.target = e.source, e.target  # the giver acts on the one who gets
        out.remove(e)
    return out


def _participle(tok: Token) -> bool:
    """A German past participle ("zugesagt", "geliefert"): a lower-case verb form that is not
    its lemma and ends like a participle."""
    return (
        tok.text.islower()
        and tok.lower != tok.lemma.lower()
        and "ge" in tok.lower
        and tok.lower.endswith(("t", "en"))
    )

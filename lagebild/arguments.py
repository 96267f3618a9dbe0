"""Clauses and arguments: who is the source and who the target of a trigger.

No parser exists offline for German, so roles come from cues a parser would also use:
prepositions before a noun phrase, object determiners (den/dem), passive auxiliaries with
an agent phrase (von/by), word order (English SVO, German first nominative), coordination.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.cues import Cues
from lagebild.schema import Actor, Mention, Token
from lagebild.triggers import TriggerMatch

#: default target prepositions per PLOVER type, by language
DEFAULT_TPREPS: dict[str, dict[str, frozenset[str]]] = {
    "de": {
        "CONSULT": frozenset({"mit", "bei"}),
        "AGREE": frozenset({"mit"}),
        "COOPERATE": frozenset({"mit"}),
        "AID": frozenset({"an", "für"}),
        "ASSAULT": frozenset({"auf", "gegen", "in", "im"}),
        "SANCTION": frozenset({"gegen"}),
        "PROTEST": frozenset({"gegen", "vor"}),
        "ACCUSE": frozenset({"gegen"}),
        "THREATEN": frozenset({"gegen"}),
        "COERCE": frozenset({"gegen"}),
        "REQUEST": frozenset({"an"}),
        "SUPPORT": frozenset({"für", "hinter"}),
        "REJECT": frozenset({"von"}),
        "MOBILIZE": frozenset({"zu", "zur", "zum", "entlang", "nahe", "gegen", "um", "vor"}),
        "RETREAT": frozenset({"aus", "von"}),
        "CONCEDE": frozenset({"gegenüber"}),
    },
    "en": {
        "CONSULT": frozenset({"with"}),
        "AGREE": frozenset({"with"}),
        "COOPERATE": frozenset({"with"}),
        "AID": frozenset({"to", "for"}),
        "ASSAULT": frozenset({"on", "against", "in", "into"}),
        "SANCTION": frozenset({"on", "against"}),
        "PROTEST": frozenset({"against"}),
        "ACCUSE": frozenset({"against", "of"}),
        "THREATEN": frozenset({"against"}),
        "COERCE": frozenset({"against", "on"}),
        "REQUEST": frozenset({"of", "to"}),
        "SUPPORT": frozenset({"for", "behind", "with"}),
        "REJECT": frozenset({"from", "of"}),
        "MOBILIZE": frozenset(
            {"along", "near", "against", "around", "towards", "toward", "off", "with"}
        ),
        "RETREAT": frozenset({"from"}),
        "CONCEDE": frozenset({"to"}),
    },
}


@dataclass(slots=True)
class Slot:
    """An actor mention placed in a sentence: token span, the preposition before it, links."""

    actor: Actor
    kind: str
    start: int
    end: int
    prep: str | None = None
    objdet: bool = False
    attributive: bool = False
    possessive: bool = False
    #: actors coordinated with this one ("Schweden und Finnland")
    coord: list[Slot] = field(default_factory=list)
    coord_head: bool = True
    #: how good the cue was that made this slot a target (0 best), for the confidence
    picked_rank: int = -1


def segment_clauses(
    tokens: list[Token], cues: Cues, starts: set[int], keep: frozenset[int] = frozenset()
) -> list[int]:
    """Clause number of every token; `starts` are token indices where a mention begins,
    `keep` are commas and coordinators inside a list of actors ("X, Y und Z"), never a break."""
    out: list[int] = []
    c = 0
    n = len(tokens)
    for i, tok in enumerate(tokens):
        low = tok.lower
        if i in keep:
            pass
        elif (
            cues.lang != "de"
            and low == cues.infinitive_marker
            and i + 1 < n
            and tokens[i + 1].text.islower()
            and tokens[i + 1].lower not in cues.determiners
            and tokens[i + 1].lower not in cues.prepositions
            and (i + 1) not in starts
            and tokens[i + 1].lemma.lower() == tokens[i + 1].lower
            and tokens[i + 1].lower not in cues.infinitive_false
            and "-" not in tokens[i + 1].text
        ):
            c += 1  # "agreed to step down": the infinitive is the complement
        elif (
            i > 1
            and tokens[i - 1].lemma.lower() in cues.speech_split_lemmas
            and tokens[i - 1].lower not in cues.bare_nouns
            and low not in cues.clause_punct
            and tokens[i - 2].lower not in cues.future_aux
            and tokens[i - 2].lower not in cues.determiners
            and tokens[i - 2].lower not in cues.prepositions
            and tokens[i - 2].lower not in cues.possessives
            and tokens[i - 2].lower not in ("'s", "’s")
        ):
            # "officials said Russian troops shelled ...": the report is a clause; not "the
            # president's state visit"
            c += 1
        elif i > 0 and (
            low in cues.clause_punct
            or low in cues.clause_breakers
            or (
                cues.lang != "de"
                and low in cues.complementizers
                and not (i + 1 < n and f"{low} {tokens[i + 1].lower}" in cues.fixed_adverbials)
            )
        ):
            c += 1
        elif (
            i > 0
            and low in cues.coordinators
            and i + 1 < n
            and _opens_clause(tokens, i + 1, cues, starts)
        ):
            c += 1
        out.append(c)
    return out


def _opens_clause(tokens: list[Token], j: int, cues: Cues, starts: set[int]) -> bool:
    """After "und"/"and": a verb opens a clause. German: a lowercase word that is no
    determiner and starts no mention; English: an inflected verb form ("and withdrew"),
    not a noun ("supplies and fuel")."""
    tok = tokens[j]
    if j in starts or tok.lower in cues.determiners or tok.lower in cues.prepositions:
        return False
    if not tok.text[:1].islower():
        return False
    if cues.lang == "de":
        return True
    return tok.lemma.lower() != tok.lower and not tok.lower.endswith("s")


def _demonym_like(word: str) -> bool:
    """An English adjective of nationality ("Kurdish", "Israeli", "Iranian")."""
    return word.endswith(("ish", "ian", "ese", "an", "i"))


def build_slots(tokens: list[Token], mentions: list[Mention], cues: Cues) -> list[Slot]:
    """Place the sentence's mentions on its tokens and find their prepositions and links."""
    slots: list[Slot] = []
    ti = 0
    for m in mentions:
        while ti < len(tokens) and tokens[ti].end <= m.start:
            ti += 1
        if ti >= len(tokens):
            break
        tj = ti
        while tj < len(tokens) and tokens[tj].start < m.end:
            tj += 1
        slot = Slot(m.actor, m.kind, ti, max(tj, ti + 1), attributive=m.attributive)
        mark_context(slot, tokens, cues)
        slots.append(slot)
    _link_coordination(slots, tokens, cues)
    return slots


def mark_context(slot: Slot, tokens: list[Token], cues: Cues) -> None:
    """Find the preposition (skipping determiners and adjectives) and case marks before a slot,
    and whether it is a possessive ("during Putin's visit": also after a preposition)."""
    end_text = tokens[slot.end - 1].text
    nxt_tok = tokens[slot.end] if slot.end < len(tokens) else None
    if (
        cues.lang == "de"
        and end_text.endswith("s")
        and slot.kind in ("country", "person", "metonym", "org", "group")
        and nxt_tok is not None
        and nxt_tok.text[:1].isupper()
        and nxt_tok.text.isalpha()
    ):
        slot.possessive = True  # "Russlands Annexion", "Bidens Anruf"
    if nxt_tok is not None and nxt_tok.lower in ("'s", "’s"):
        slot.possessive = True
    k = slot.start - 1
    first = tokens[slot.start].lower
    if first in cues.object_determiners:
        slot.objdet = True
    skipped = 0
    while k >= 0 and skipped < 3:
        low = tokens[k].lower
        if low in cues.prepositions:
            if low == "of" and k > 0 and tokens[k - 1].lower in cues.quantity_of:
                # "thousands of Georgians", "supporters of Imran Khan": the people counted
                slot.actor = Actor(slot.actor.text, None, slot.actor.country, slot.actor.org, "CVL")
                return
            slot.prep = low
            return
        if low in cues.object_determiners:
            slot.objdet = True
        if low in cues.determiners or (
            skipped < 2
            and low.replace("-", "").isalpha()
            and low not in cues.coordinators
            and (tokens[k].text.islower() or (cues.lang != "de" and _demonym_like(low)))
            and (
                cues.lang == "de"
                or (
                    low not in cues.reporting_lemmas
                    and low not in cues.relative_pronouns
                    and low not in cues.complementizers
                )
            )
        ):
            k -= 1
            skipped += 1
            continue
        if low in cues.reporting_nouns:
            slot.prep = "laut"  # "nach Angaben Seouls": the source of a report, no argument
        elif (
            cues.lang == "de"
            and k == slot.start - 1
            and tokens[k].text[:1].isupper()
            and tokens[k].text.isalpha()
            and k > 0
            and tokens[slot.end - 1].text.endswith("s")
        ):
            slot.prep = GENITIVE  # "unter Vermittlung Katars": a genitive name
        elif (
            cues.lang == "de"
            and k > 0
            and tokens[k + 1].lower in ("der", "des")
            and tokens[k].text[:1].isupper()
            and tokens[k].text.isalpha()
        ):
            slot.prep = GENITIVE  # "an der Küste der Krim": an attribute of the noun before
        break


def _link_coordination(slots: list[Slot], tokens: list[Token], cues: Cues) -> None:
    """Link "X und Y", "X, Y und Z": later members share the head's role. A comma alone
    links only inside a list that a coordinator closes ("Israel, die VAE und Bahrain")."""
    # "Russia's Lavrov and China's Wang Yi": a possessive before a name only modifies it
    modifier = {
        id(s)
        for s, nxt in zip(slots, slots[1:], strict=False)
        if s.possessive and nxt.start == s.end + 1 and cues.lang != "de"
    }
    skipped = {
        i for s in slots if id(s) in modifier for i in range(s.start, min(s.end + 1, len(tokens)))
    }
    members_ = [s for s in slots if id(s) not in modifier]
    links: list[tuple[Slot, Slot, bool]] = []
    for a, b in zip(members_, members_[1:], strict=False):
        between = [tokens[i].lower for i in range(a.end, b.start) if i not in skipped]
        joins = [w for w in between if w in cues.coordinators or w == ","]
        if (
            not between
            or not joins
            or not all(w in cues.coordinators or w == "," or w in cues.determiners for w in between)
        ):
            links.append((a, b, False))
            continue
        links.append((a, b, any(w in cues.coordinators for w in joins)))
    accepted: list[tuple[Slot, Slot]] = []
    k = 0
    while k < len(links):
        # a run of adjacent links is a list when its last link has a coordinator
        run = []
        while k < len(links) and (links[k][2] or _comma_link(links[k], tokens, cues)):
            run.append(links[k])
            k += 1
            if run[-1][2]:
                break
        if run and run[-1][2]:
            accepted.extend((a, b) for a, b, _ in run)
        k += 0 if run else 1
    for a, b in accepted:
        head = a if a.coord_head else next(s for s in slots if b in s.coord or a in s.coord)
        if a.attributive and not b.attributive and b.actor.sector:
            # "russische und amerikanische Außenminister": the adjective shares the noun
            a.actor = Actor(a.actor.text, None, a.actor.country, a.actor.org, b.actor.sector)
            a.attributive = False
            a.prep = a.prep or b.prep
        if a.attributive != b.attributive:
            continue
        head.coord.append(b)
        b.coord_head = False
        b.prep = b.prep or head.prep
        b.objdet = b.objdet or head.objdet


def _comma_link(link: tuple[Slot, Slot, bool], tokens: list[Token], cues: Cues) -> bool:
    """Whether only a comma (and determiners) stands between the two slots of a link."""
    a, b, _ = link
    between = [t.lower for t in tokens[a.end : b.start]]
    return (
        bool(between) and "," in between and all(w == "," or w in cues.determiners for w in between)
    )


def relink_coordination(slots: list[Slot], tokens: list[Token], cues: Cues) -> None:
    """Link coordination again after slots were added ("he and Zelensky signed"); pairs
    that stand for one phrase ("die beiden Führer") stay linked."""
    kept = [(s, c) for s in slots for c in s.coord if c.start == s.start]
    for s in slots:
        s.coord = []
        s.coord_head = True
    _link_coordination(slots, tokens, cues)
    for head, member in kept:
        head.coord.append(member)
        member.coord_head = False


def list_joints(slots: list[Slot]) -> frozenset[int]:
    """Token indices between coordinated actors ("Israel, die VAE und Bahrain")."""
    keep: set[int] = set()
    for head in slots:
        chain = [head, *head.coord]
        for a, b in zip(chain, chain[1:], strict=False):
            keep.update(range(a.end, b.start))
    return frozenset(keep)


def members(slot: Slot) -> list[Slot]:
    """A slot and the slots coordinated with it."""
    return [slot, *slot.coord]


def is_passive(tokens: list[Token], trig: TriggerMatch, lo: int, hi: int, cues: Cues) -> bool:
    """Passive voice: an auxiliary (werden/be) in the clause and the trigger is a participle."""
    tok = tokens[trig.index]
    if trig.noun:
        return False
    if cues.lang == "de":
        aux = any(
            tokens[i].lemma.lower() in cues.passive_aux for i in range(lo, hi) if i != trig.index
        )
        # a form the lexicon lists as written is one simplemma does not know: a participle
        # ("beschossen") rather than an infinitive, which simplemma always knows
        participle = (
            tok.lower != tok.lemma.lower() or trig.entry.pattern == tok.lower
        ) and tok.lower.endswith(("t", "en"))
        return aux and participle
    window = range(max(lo, trig.index - 4), trig.index)
    aux = any(tokens[i].lemma.lower() in cues.passive_aux for i in window)
    nxt = tokens[trig.index + 1].lower if trig.index + 1 < hi else ""
    after = tokens[trig.index + 2].lower if trig.index + 2 < hi else ""
    # reduced relative: "a system supplied by Germany"; not "talked by phone"
    aux = aux or (nxt in cues.agent_preps and after not in cues.by_means)
    return aux and (
        tok.lower.endswith(("ed", "en", "wn", "ht", "uck", "ung", "ot", "id"))
        or tok.lower in EN_IRREGULAR_PARTICIPLES
    )


#: English participles that no suffix rule catches ("was hit by", "were held")
EN_IRREGULAR_PARTICIPLES = frozenset(
    {
        "hit",
        "struck",
        "shot",
        "held",
        "sent",
        "put",
        "cut",
        "set",
        "led",
        "met",
        "paid",
        "kept",
        "left",
        "won",
        "fought",
        "sought",
        "brought",
        "bought",
        "caught",
        "told",
        "sold",
        "spent",
        "built",
        "lent",
        "dealt",
        "meant",
        "read",
        "beat",
        "hurt",
        "shut",
        "split",
        "spread",
        "bound",
        "found",
        "hung",
        "laid",
        "lost",
        "made",
        "run",
        "slain",
        "stood",
        "swept",
        "thrown",
    }
)


def choose_arguments(
    trig: TriggerMatch,
    tokens: list[Token],
    slots: list[Slot],
    clause_of: list[int],
    cues: Cues,
    inherited: Slot | None,
) -> tuple[list[Slot], Slot | None, bool]:
    """Sources (coordinated, possibly several), the target and whether the clause is passive."""
    clause = clause_of[trig.index]
    lo = clause_of.index(clause)
    hi = len(clause_of) - clause_of[::-1].index(clause)
    in_clause = [s for s in slots if lo <= s.start < hi and s.coord_head]
    tpreps = trig.entry.tpreps or DEFAULT_TPREPS.get(cues.lang, {}).get(trig.type, frozenset())
    if trig.noun:
        src, tgt = _nominal_arguments(trig, tokens, in_clause, tpreps, cues)
        return ([src] if src else []), tgt, False
    passive = is_passive(tokens, trig, lo, hi, cues)
    i = trig.index
    plain = [s for s in in_clause if s.prep is None and not s.attributive and not s.possessive]
    source: Slot | None = None
    if passive:
        agents = [s for s in in_clause if s.prep in cues.agent_preps and s.kind != "place"]
        source = agents[0] if agents else None
    else:
        source = _active_subject(plain, in_clause, i, cues)
    target = _pick_target(trig, in_clause, plain, source, tpreps, cues, passive)
    if source is None and not passive:
        source = inherited
    if trig.entry.inv:
        source, target = target, source
        if source is None:
            source = next(
                (s for s in in_clause if s.prep in cues.agent_preps or s.prep in ("from", "aus")),
                None,
            )
    return ([source] if source else []), target, passive


def _active_subject(plain: list[Slot], in_clause: list[Slot], i: int, cues: Cues) -> Slot | None:
    """The subject of an active clause: German first nominative, English last actor before the
    verb; else an adjective heading the subject ("Eine US-Drohne tötete ...")."""
    cands = [s for s in plain if s.kind != "place"]
    if cues.lang == "de":
        subj = [s for s in cands if not s.objdet] or cands
        # "Die NATO-Staaten sicherten der Ukraine ... zu": an adjective-named subject that
        # opens the clause comes before a later noun phrase
        lead = next(
            (
                s
                for s in in_clause
                if s.attributive
                and s.prep is None
                and not s.objdet
                and s.kind != "place"
                and s.end <= i
            ),
            None,
        )
        if (
            lead is not None
            and (not subj or lead.start < subj[0].start)
            and _opens_clause_np(lead, in_clause)
        ):
            return lead
        if subj:
            return subj[0]
    else:
        before = [s for s in cands if s.end <= i]
        if before:
            return before[-1]
    attrs = [
        s
        for s in in_clause
        if s.attributive and s.prep is None and not s.objdet and s.end <= i and s.kind != "place"
    ]
    return attrs[0] if attrs else None


def _opens_clause_np(slot: Slot, in_clause: list[Slot]) -> bool:
    """Whether the slot is the first actor of its clause."""
    return all(o.start >= slot.start for o in in_clause)


def _pick_target(
    trig: TriggerMatch,
    in_clause: list[Slot],
    plain: list[Slot],
    source: Slot | None,
    tpreps: frozenset[str],
    cues: Cues,
    passive: bool,
) -> Slot | None:
    """The target, from the best-marked candidate: object, target preposition, other
    prepositions, a place after a locative (for acts done somewhere), an adjective."""
    i = trig.index
    english = cues.lang != "de"

    def ok(s: Slot) -> bool:
        return s is not source and (not english or passive or s.start > i)

    blocked = cues.attribute_preps | cues.reporting_preps
    if passive:
        blocked = blocked | cues.agent_preps
    ranks = [
        [
            s
            for s in in_clause
            if passive
            and s.attributive
            and s.prep is None
            and _named(s)
            and s.end <= i
            and s is not source
            and not plain
        ],
        [s for s in plain if ok(s) and _named(s) and s.objdet],
        [s for s in plain if ok(s) and _named(s)],
        [
            s
            for s in in_clause
            if ok(s)
            and s.attributive
            and s.prep is None
            and _named(s)
            and (s.objdet or s.start > i)
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.possessive
            and s.prep is None
            and _named(s)
            and (source is None or s.actor.key() != source.actor.key())
        ],
        [s for s in in_clause if ok(s) and s.prep in tpreps and _named(s)],
        [
            s
            for s in in_clause
            if ok(s)
            and s.possessive
            and s.prep not in blocked
            and _named(s)
            and (source is None or s.actor.key() != source.actor.key())
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep
            and s.prep not in blocked
            and s.prep not in cues.location_preps
            and s.prep not in ("zwischen", "between")
            and _named(s)
            and not s.attributive
            and trig.type not in ONLY_MARKED_TARGET_TYPES
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep in cues.location_preps
            and _named(s)
            and trig.type in LOCATED_TYPES
            and not s.attributive
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep in ("of", "von")
            and _named(s)
            and not s.attributive
            and trig.type not in ("CONSULT", "AGREE", "COOPERATE")
        ],
        [
            s
            for s in in_clause
            if ok(s)
            and s.prep in ("of", "von", "aus", "from", "gen")
            and _named(s)
            and (source is None or s.actor.key() != source.actor.key())
        ],
        [s for s in plain if ok(s)],
        # "called on the government to ...": an unnamed addressee, resolved later
        [s for s in in_clause if ok(s) and s.prep in tpreps and trig.type == "REQUEST"],
    ]
    # an actor rarely acts on itself: prefer a candidate of another state or organisation
    own = source.actor.key() if source is not None else None
    for number, rank in enumerate(ranks):
        other = [s for s in rank if s.actor.key() != own or own is None]
        if other:
            other[0].picked_rank = number
            return other[0]
    for number, rank in enumerate(ranks):
        if rank:
            rank[0].picked_rank = number
            return rank[0]
    return None


#: types whose target needs its own preposition: troops sent "to" an ally aim at nobody
ONLY_MARKED_TARGET_TYPES = frozenset({"MOBILIZE"})
#: the pseudo-preposition of a German genitive attribute ("die Küste der Krim")
GENITIVE = "gen"


#: types whose target may be the place where the act happened ("schossen im Iran auf ...")
LOCATED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "AID", "RETREAT", "CONCEDE"})


def _named(slot: Slot) -> bool:
    """A slot that names a country or organisation (not a bare "Soldaten")."""
    return bool(slot.actor.country or slot.actor.org)


def _nominal_arguments(
    trig: TriggerMatch,
    tokens: list[Token],
    in_clause: list[Slot],
    tpreps: frozenset[str],
    cues: Cues,
) -> tuple[Slot | None, Slot | None]:
    """Arguments of an event noun from its own noun phrase: adjective/genitive source, PP target."""
    i = trig.index
    source: Slot | None = None
    target: Slot | None = None
    for s in in_clause:
        if s.end <= i and i - s.end <= 3 and s.kind != "place" and (s.attributive or s.possessive):
            source = s
        elif (
            cues.lang != "de"
            and s.end <= i
            and i - s.end <= 1
            and s.kind != "place"
            and all(
                (t.text[:1].islower() or t.text[:1].isupper()) and not t.lower.endswith("ed")
                for t in tokens[s.end : i]
            )
            and (s.end == i or tokens[s.end].lower not in cues.prepositions)
        ):
            source = s  # noun adjunct: "the Hamas attack", "a US strike"
    after = [s for s in in_clause if s.start > i]
    for s in after:
        gap = [t.lower for t in tokens[i + 1 : s.start]]
        if len(gap) > 6:
            break
        if s.prep == "zwischen" or s.prep == "between":
            source = source or s
            target = s.coord[0] if s.coord else target
            break
        if s.prep in cues.agent_preps and source is None:
            source = s
        elif s.prep in ("aus", "from") and source is None and trig.entry.cameo.quad_class in (1, 3):
            source = s  # "die Kritik aus Stockholm", "criticism from Beijing"
        elif s.prep in tpreps and target is None:
            target = s
        elif (
            s.prep in (None, GENITIVE)
            and len(gap) <= 2
            and gap
            and gap[-1] in ("des", "der")
            and source is None
            and trig.entry.cameo.quad_class in (1, 3)
        ):
            source = s  # "die Warnung des US-Diplomaten"
        elif (
            s.prep in (None, GENITIVE)
            and gap
            and len(gap) <= 2
            and gap[-1] in ("des", "der")
            and target is None
        ):
            target = s  # "die Annexion der Krim"
        elif s.prep == "of" and target is None and trig.entry.cameo.quad_class not in (1,):
            target = s
    if target is None and (trig.type in LOCATED_TYPES or trig.type == "CONSULT"):
        target = next(
            (
                s
                for s in after
                if s.prep in cues.location_preps
                and _named(s)
                and s is not source
                and s.start - i <= 8
            ),
            None,
        )
    return source, target

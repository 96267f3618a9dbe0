"""Clauses and arguments: who is the source and who the target of a trigger.

No parser exists offline for German, so roles come from cues a parser would also use:
prepositions before a noun phrase, object determiners (den/dem), passive auxiliaries with
an agent phrase (von/by), word order (English SVO, German first nominative), coordination.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.cues import Cues
from lagebild.ontology import VISIT_CODES
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
    #: the noun whose genitive this slot is, when it heads a phrase of time or occasion
    #: ("nach dem Besuch des US-Gesandten"), else -1
    adjunct_head: int = -1
    #: the genitive of an event noun in such a phrase: that event's argument, no object
    #: of the clause's verb
    in_adjunct: bool = False


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
        elif cues.lang == "de" and low == "," and _list_comma(tokens, i, cues):
            pass  # "Zelte, Decken und Heizgeräte": a list of nouns, no new clause
        elif i > 0 and (
            low in cues.clause_punct
            or (low in cues.clause_breakers and not _adverb_position(tokens, i, cues))
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


def _nominative_adjective(tokens: list[Token], j: int, slot: Slot) -> bool:
    """An adjective in -e after "der" is nominative, no genitive ("drohte den USA der
    iranische Außenminister"; the genitive says "der iranischen")."""
    return j < slot.end and tokens[j].text.islower() and tokens[j].lower.endswith("e")


def _adverb_position(tokens: list[Token], i: int, cues: Cues) -> bool:
    """German "jedoch", "doch", "aber" right after a verb or pronoun are adverbs inside the
    clause ("konnten sie sich jedoch nicht einigen"), no break."""
    prev = tokens[i - 1]
    return cues.lang == "de" and prev.text.isalpha() and prev.text.islower()


def _list_comma(tokens: list[Token], i: int, cues: Cues) -> bool:
    """A German comma between nouns of a list: a capitalised word after it that a
    coordinator or another comma follows ("Zelte, Decken und Heizgeräte")."""
    return (
        0 < i
        and i + 2 < len(tokens)
        and tokens[i - 1].text[:1].isupper()
        and tokens[i + 1].text[:1].isupper()
        and tokens[i + 1].text.isalpha()
        and (tokens[i + 2].lower in cues.coordinators or tokens[i + 2].lower == ",")
    )


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
        if slots and slots[-1].start <= slot.start and slot.end <= slots[-1].end:
            continue  # inside the word of the actor before ("Beamte der US-Behörde")
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
    if (
        slot.kind == "demonym"
        and not slot.attributive
        and slot.actor.sector is None
        and k >= 0
        and (tokens[k].lower in cues.quantity_of or tokens[k].text[:1].isdigit())
    ):
        # "Zehntausende Georgier", "junge Kenianer": a crowd of people, not the state
        slot.actor = Actor(slot.actor.text, None, slot.actor.country, slot.actor.org, "CVL")
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
            and (
                tokens[k + 1].lower in ("der", "des")
                # "nach einem Hinweis amerikanischer Geheimdienste": genitive plural
                or (
                    k + 2 >= slot.start  # the adjective opens the actor's phrase
                    and tokens[k + 1].text.islower()
                    and tokens[k + 1].lower.endswith("er")
                    and tokens[k + 1].lemma.lower() != tokens[k + 1].lower  # inflected
                )
            )
            and tokens[k].text[:1].isupper()
            and tokens[k].text.isalpha()
            and not _nominative_adjective(tokens, k + 2, slot)
        ):
            slot.prep = GENITIVE  # "an der Küste der Krim": an attribute of the noun before
            circumstance = opening_prep(tokens, k, cues) in cues.circumstance_preps
            slot.adjunct_head = k if circumstance else -1
        break


def opening_prep(tokens: list[Token], i: int, cues: Cues) -> str | None:
    """The preposition that opens the phrase of the noun at i ("nach dem Überfall",
    "wegen der Verschleppung"), looked for up to three words back; None if there is none."""
    for k in range(i - 1, max(-1, i - 4), -1):
        low = tokens[k].lower
        if low in cues.circumstance_preps or low in cues.reason_preps or low in cues.prepositions:
            return low
        if low in cues.clause_punct:
            return None
    return None


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
        # (an infinitive the lexicon lists is no participle: "werden sich treffen" is future;
        # participles simplemma gets wrong are fixed in lemmas.tsv)
        participle = (
            tok.lower != tok.lemma.lower()
            or (trig.entry.pattern == tok.lower and not tok.lower.endswith("en"))
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
    controlled: bool = False,
) -> tuple[list[Slot], Slot | None, bool]:
    """Sources (coordinated, possibly several), the target and whether the clause is passive.
    In a `controlled` clause (a German zu-infinitive) the subject is the governing clause's:
    every actor in it is an object ("erklärte sich bereit, die Geiseln freizulassen")."""
    clause = clause_of[trig.index]
    lo = clause_of.index(clause)
    hi = len(clause_of) - clause_of[::-1].index(clause)
    if trig.particle is not None and clause_of[trig.particle] != clause:
        # "lieferte einen Ukrainer, der ..., an Deutschland aus": the verb's clause goes on
        # after the relative clause up to its particle
        tail = clause_of[trig.particle]
        tail_lo = clause_of.index(tail)
        in_clause = [
            s
            for s in slots
            if (lo <= s.start < hi or tail_lo <= s.start < trig.particle) and s.coord_head
        ]
    else:
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
        if not agents and trig.entry.cameo.quad_class in (1, 3):
            # "wurde ins Auswärtige Amt einbestellt": the office one is called into acts
            agents = [
                s
                for s in in_clause
                if s.prep in cues.summon_preps and s.kind in ("institution", "metonym")
            ]
        if not agents and trig.type in SYMMETRIC_PASSIVE_TYPES:
            # "Zwischen Israel und dem Libanon wurde eine Waffenruhe vereinbart": the parties
            agents = [s for s in in_clause if s.prep in ("zwischen", "between") and s.coord]
        source = agents[0] if agents else None
    elif controlled or (
        cues.lang == "de"
        and inherited is not None
        and i == lo + 1
        and tokens[lo].lower in cues.coordinators
    ):
        # "... und drohte der Hamas mit Konsequenzen": a verb right after "und" shares the
        # subject of the clause before; the actors after it are objects
        source = inherited
    else:
        source = _active_subject(plain, in_clause, i, cues)
    target = _pick_target(trig, in_clause, plain, source, tpreps, cues, passive, controlled)
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
        subj = [s for s in cands if not s.objdet]
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
    controlled: bool = False,
) -> Slot | None:
    """The target, from the best-marked candidate: object, target preposition, other
    prepositions, a place after a locative (for acts done somewhere), an adjective. In a
    zu-infinitive (`controlled`) an adjective before the verb heads an object too."""
    i = trig.index
    english = cues.lang != "de"

    def ok(s: Slot) -> bool:
        return (
            s is not source
            and not s.in_adjunct
            and (not english or passive or s.start > i)
            and not _names_source(s, source)
        )

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
            and (s.objdet or s.start > i or controlled)
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
    if trig.entry.ptarget:
        ranks.insert(0, ranks.pop(5))  # the target preposition first
    if trig.entry.topic:
        ranks = [ranks[5]]  # "erörterten die Lage in der Ukraine": the object is the topic
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


def _names_source(slot: Slot, source: Slot | None) -> bool:
    """A genitive right after the source is part of its name ("das Welternährungsprogramm der
    Vereinten Nationen"), no target."""
    return (
        source is not None and slot.prep == GENITIVE and source.end < slot.start <= source.end + 1
    )


#: joint acts whose parties a passive may name with "zwischen"/"between"
SYMMETRIC_PASSIVE_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


#: types whose target needs its own preposition: troops sent "to" an ally aim at nobody
ONLY_MARKED_TARGET_TYPES = frozenset({"MOBILIZE"})
#: the pseudo-preposition of a German genitive attribute ("die Küste der Krim")
GENITIVE = "gen"


#: types whose target may be the place where the act happened ("schossen im Iran auf ...")
LOCATED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "AID", "RETREAT", "CONCEDE"})


def _named(slot: Slot) -> bool:
    """A slot that names a country or organisation (not a bare "Soldaten")."""
    return bool(slot.actor.country or slot.actor.org)


#: sectors of people who suffer material conflict rather than do it: after "von" a
#: nominal act is done to them ("die Tötung von Zivilisten", "die Festnahme von Journalisten")
VICTIM_SECTORS = frozenset({"CVL", "MED", "EDU", "REF", "OPP", "HLH", "REL", "NGO"})
#: sectors of armed actors: in the genitive of an act they do it ("der Angriff der Armee")
ARMED_SECTORS = frozenset({"MIL", "REB"})
#: acts only states and organisations do: whoever stands in their genitive does them
#: ("die Sanktionen der EU", "die Strafzölle der USA")
AGENT_GENITIVE_TYPES = frozenset({"SANCTION"})
#: kinds of mention that name a place: in the genitive they say where ("im Süden des
#: Gazastreifens")
PLACE_KINDS = frozenset({"place", "country"})
#: kinds of mention that name a state or an organisation itself, not one of its people
STATE_KINDS = frozenset({"country", "org", "metonym"})


def _genitive_attribute(gap: list[str], first: Token, cues: Cues) -> bool:
    """Whether an actor after an event noun is its genitive (or "von") attribute: only
    articles, "von" and numbers between them, or nothing when the actor's phrase opens
    with an adjective ("Abschiebung afghanischer Migranten")."""
    if not gap:
        return first.text[:1].islower()
    return len(gap) <= 3 and all(
        w in cues.determiners
        or w in ("von", "vom")
        or w[:1].isdigit()
        or (w.isalpha() and w.islower() and w.endswith(("en", "er")))  # "der letzten"
        for w in gap
    )


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
        if (
            cues.lang == "de"
            and trig.entry.cameo.quad_class in (2, 4)
            and s.prep in (None, GENITIVE)
            and _genitive_attribute(gap, tokens[s.start], cues)
        ):
            # "der Überfall der Hamas": an armed actor in the genitive does the act;
            # "die Festnahme eines britischen Staatsbürgers", "die Abschiebung von 28
            # afghanischen Straftätern", "die Abschiebung afghanischer Migranten" suffer it
            if (
                s.kind == "group"
                or s.actor.sector in ARMED_SECTORS
                or (trig.type in AGENT_GENITIVE_TYPES and s.kind in STATE_KINDS)
            ) and source is None:
                source = s
            elif target is None:
                target = s
        elif (
            s.prep in ("von", "vom", "of")
            and trig.entry.cameo.quad_class == 4
            and s.actor.sector in VICTIM_SECTORS
            and len(gap) <= 1
        ):
            target = target or s  # "Tötungen von Zivilisten": civilians suffer such acts
        elif s.prep == GENITIVE and not gap and source is None and s.kind != "place":
            source = s  # "unter Vermittlung Katars", "der Angriff Russlands": a name's genitive
        elif (
            s.prep in cues.agent_preps
            and source is None
            and (
                s.prep not in ("von", "vom", "of")
                or not any(t.text[:1].isupper() for t in tokens[i + 1 : s.start])
            )
        ):
            # "der Besuch von IAEA-Chef Grossi", "die Festnahme eines Briten durch iranische
            # Behörden"; "von" after another noun is that noun's ("in der Straße von Taiwan")
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
                if (s.prep in cues.location_preps or (s.prep == GENITIVE and s.kind in PLACE_KINDS))
                and _named(s)
                and s is not source
                and s.start - i <= 8
                # "Orbáns Gespräche in Moskau": a capital stands for its government; "their
                # meeting in Busan": a town where two sides meet is no side
                and (
                    trig.type != "CONSULT"
                    or trig.entry.cameo.code in VISIT_CODES
                    or s.kind != "place"
                )
            ),
            None,
        )
    return source, target

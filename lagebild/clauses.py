"""Clause segmentation and voice: which clause every token belongs to (punctuation,
complementizers, coordinated verbs, reported speech) and whether a trigger's clause is passive."""

from __future__ import annotations

from lagebild.cues import Cues
from lagebild.schema import Token
from lagebild.triggers import TriggerMatch


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
    # reduced relative: "a system supplied by Germany"; not "talked by phone", nor a "by"
    # the pattern itself takes ("stood by Israel")
    aux = aux or (
        nxt in cues.agent_preps
        and after not in cues.by_means
        and trig.index + 1 not in trig.covered
    )
    # "companies accused of supplying Russia": a verb that needs an object has none
    aux = aux or (tok.lemma.lower() in cues.object_verbs and nxt in ("of", "for", "with"))
    return aux and (
        tok.lower.endswith(("ed", "en", "wn", "ht", "uck", "ung", "ot", "id"))
        or tok.lower in EN_IRREGULAR_PARTICIPLES
    )


#: English participles that no suffix rule catches ("was hit by", "were held")
EN_IRREGULAR_PARTICIPLES = frozenset(
    {
        "hit",
        "overrun",
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

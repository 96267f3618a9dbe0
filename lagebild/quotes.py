"""Direct quotations („…“, "…", »…«, “…”) and who said them."""

from __future__ import annotations

import re

from lagebild.schema import Actor, Mention, Quote, Sentence

_QUOTE_RE = re.compile(r"„([^“”\"]{3,}?)[“”\"]|“([^”]{3,}?)”|»([^«]{3,}?)«|\"([^\"]{3,}?)\"", re.S)
#: kinds of mention that can be a speaker
_SPEAKER_KINDS = frozenset({"person", "role", "institution", "metonym", "country", "org", "group"})


def find_quotes(
    text: str, sentences: list[Sentence], mentions: list[Mention], lang: str
) -> list[Quote]:
    """Every direct quotation in the text with the nearest actor before it as its speaker."""
    del lang  # the quotation marks of de and en are handled alike
    quotes: list[Quote] = []
    for m in _QUOTE_RE.finditer(text):
        start = m.start() + 1
        end = m.end() - 1
        sent = next((s for s in sentences if s.start <= m.start() < s.end), None)
        lo = sent.start if sent else max(0, m.start() - 300)
        hi = sent.end if sent else m.end()
        before = [
            x
            for x in mentions
            if lo <= x.start
            and x.end <= m.start()
            and x.kind in _SPEAKER_KINDS
            and not x.attributive
        ]
        after = [
            x
            for x in mentions
            if m.end() <= x.start < hi and x.kind in _SPEAKER_KINDS and not x.attributive
        ]
        speaker = _best_speaker(before[::-1] or after, text)
        quotes.append(Quote(text=text[start:end], start=start, end=end, speaker=speaker))
    return quotes


#: who is likelier the speaker when several actors stand before a quote
_SPEAKER_RANK = {
    "person": 0,
    "role": 1,
    "institution": 2,
    "org": 2,
    "group": 2,
    "country": 3,
    "metonym": 3,
}


def _best_speaker(candidates: list[Mention], text: str) -> Actor | None:
    """The speaker among mentions nearest first: a person before a role before a body
    before a state. Places after "in"/"aus" and the media addressed ("told reporters") are
    taken only when nothing else names a state ("Erklärung des Ministeriums aus Moskau")."""
    named = [m for m in candidates if m.actor.country or m.actor.org]
    direct = [m for m in named if m.actor.sector != "MED" and not _after_place_prep(m, text)]
    pool = direct or named
    if not pool:
        return None
    best = min(pool, key=lambda m: _SPEAKER_RANK.get(m.kind, 4))
    return best.actor


def _after_place_prep(m: Mention, text: str) -> bool:
    """Whether a locative preposition stands right before the mention ("in Berlin")."""
    before = text[max(0, m.start - 5) : m.start].lower().split()
    return bool(before) and before[-1] in ("in", "aus", "im", "nach", "at", "from", "to")

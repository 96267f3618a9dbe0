"""Direct quotations („…“, "…", »…«, “…”) and who said them."""

from __future__ import annotations

import re

from lagebild.schema import Mention, Quote, Sentence

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
        speaker = before[-1].actor if before else (after[0].actor if after else None)
        quotes.append(Quote(text=text[start:end], start=start, end=end, speaker=speaker))
    return quotes

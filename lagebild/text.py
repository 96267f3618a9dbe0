"""Sentences, tokens and lemmas: a fast rule-based splitter plus simplemma lemmas.

No parser model is needed (none exists offline for German); the coder works on
lemmas, case markers and clause boundaries, which this stage provides.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import simplemma

from lagebild.lang import get_pack
from lagebild.schema import Sentence, Token

_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N., z.B.
    r"|\w+(?=n['’]t\b)|n['’]t\b"  # did|n't
    r"|['’]s\b"  # possessive 's
    r"|\d+(?:[.,]\d+)*"  # 100.000, 3,5
    r"|\w+(?:-\w+)*-?"  # US-Beamte, G-8, Staats-
    r"|[^\w\s]",  # punctuation, quotes
    re.UNICODE,
)
# a candidate sentence end: terminal punctuation, optional closing quotes, then space
_BOUNDARY_RE = re.compile(r"[.!?]+[\"“”»«’']*(?=\s+[\"„“»«'‚]?[\w(])")
_LINE_RE = re.compile(r"[^\n]+")


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) that do not end a sentence."""
    pack = get_pack(lang)
    if not pack.has("abbreviations.txt"):
        return frozenset()
    return frozenset(
        line.strip().lower().rstrip(".") for _, line in pack.lines("abbreviations.txt")
    )


@cache
def _month_words(lang: str) -> frozenset[str]:
    """Month names, after which "3. März" style ordinals do not end a sentence."""
    from lagebild.dates import date_words

    return frozenset(date_words(lang).months)


@lru_cache(maxsize=262144)
def lemmatize(word: str, lang: str) -> str:
    """The lemma of a word (simplemma), cached per process."""
    if not word[:1].isalpha():
        return word
    try:
        lemma = str(simplemma.lemmatize(word, lang=lang))
    except (ValueError, KeyError):  # pragma: no cover - unknown language in simplemma
        return word
    fixed = _lemma_fixes(lang).get(word.lower())
    if fixed is not None:
        return fixed
    if lang == "de" and lemma == word and word.endswith("iert") and len(word) > 7:
        return word[:-1] + "en"  # participles simplemma misses: "bombardiert" -> "bombardieren"
    return lemma


@cache
def _lemma_fixes(lang: str) -> dict[str, str]:
    """Lemmas simplemma gets wrong, from the language pack's lemmas.tsv (form -> lemma)."""
    from lagebild.lang import available_languages, get_pack

    if lang not in available_languages() or not get_pack(lang).has("lemmas.tsv"):
        return {}
    return {form.lower(): lemma for _no, (form, lemma) in get_pack(lang).tsv("lemmas.tsv", 2)}


def tokenize(text: str, offset: int, lang: str) -> list[Token]:
    """Tokens of `text` with offsets shifted by `offset` (its position in the article)."""
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        tokens.append(
            Token(word, word.lower(), lemmatize(word, lang), m.start() + offset, m.end() + offset)
        )
    return tokens


#: an upper-case Roman numeral of a regnal name ("XIV", "III")
_ROMAN_RE = re.compile(r"[IVXLC]+")


def _is_real_boundary(line: str, end: int, lang: str) -> bool:
    """Whether the punctuation ending at `end` closes a sentence (not "Dr." or "3. März")."""
    dot = line.rfind(".", 0, end)
    start = dot
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    before = line[start:dot].lower().lstrip("(\"„“»«'‚")
    if not before:
        return True
    if "." in before:  # U.S., z.B., U.N.: an abbreviation, not a sentence end
        return False
    if before.rstrip(".") in _abbreviations(lang) or (len(before) == 1 and before.isalpha()):
        return False
    if _ROMAN_RE.fullmatch(line[start:dot].lstrip("(\"„“»«'‚")):
        # "Papst Leo XIV. traf ...", "König Karl III. besuchte ...": a regnal number
        nxt = line[end:].split(None, 1)
        if nxt and nxt[0][:1].islower():
            return False
    if before.isdigit():
        nxt = line[end:].split(None, 1)
        if nxt and nxt[0].lower().strip(".,") in _month_words(lang):
            return False
        if nxt and nxt[0][:1].islower():
            return False
    return True


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Sentences of an article: every line break ends a sentence, and so does . ! ? + space."""
    sentences: list[Sentence] = []
    for line_m in _LINE_RE.finditer(text):
        line = line_m.group()
        base = line_m.start()
        start = 0
        for b in _BOUNDARY_RE.finditer(line):
            if "." in b.group() and not _is_real_boundary(line, b.end(), lang):
                continue
            _add_sentence(sentences, line, base, start, b.end(), lang)
            start = b.end()
        _add_sentence(sentences, line, base, start, len(line), lang)
    return sentences


def _add_sentence(
    out: list[Sentence], line: str, base: int, start: int, end: int, lang: str
) -> None:
    """Append the sentence line[start:end] (trimmed) if it has any word in it."""
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s_start = base + start + lead
    out.append(
        Sentence(
            index=len(out),
            text=stripped,
            start=s_start,
            end=s_start + len(stripped),
            tokens=tokenize(stripped, s_start, lang),
        )
    )

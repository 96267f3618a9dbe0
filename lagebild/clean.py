"""Cleaning stage: remove promo blocks, teaser lines and scraped page furniture from a text.

The markers are data in the language packs (`lagebild/lang/<code>/boilerplate.txt`); the
markers of every pack apply, since cleaning runs before language identification. Cleaning
returns a new text and event offsets refer to it, so the pipeline stores it as `Article.text`.
The work is one pass over the lines, linear in the size of the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from lagebild.errors import DataError
from lagebild.lang import available_languages, get_pack

BOILERPLATE_FILE = "boilerplate.txt"
MARKER_KINDS = ("promo", "teaser", "line", "prefix")

#: a line that starts with a `prefix` marker is scraped furniture only when it is this short
MAX_PREFIX_LINE_WORDS = 12
#: a headline under a promo heading has at most this many words and no final full stop
MAX_HEADLINE_WORDS = 25
#: at most this many one-line headline paragraphs follow a promo heading on its own line
MAX_PROMO_LINKS = 8
#: a title-suffix part ("Welt", "Nachrichten") has at most this many words
MAX_TITLE_SUFFIX_WORDS = 4

_SENTENCE_END = ".!?…:;,"
_CLOSERS = "\"'“”„»«‘’)]"
#: characters that only make trouble downstream: zero-width spaces, joiners, BOM, soft hyphen
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@dataclass(frozen=True, slots=True)
class BoilerplateMarkers:
    """Compiled marker patterns of all language packs."""

    promo: re.Pattern[str] | None
    teaser: re.Pattern[str] | None
    line: re.Pattern[str] | None
    prefix: re.Pattern[str] | None


def _alternation(phrases: list[str]) -> str:
    # longest first, so "Lesen Sie dazu auch" wins over "Lesen Sie dazu"
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@cache
def load_markers() -> BoilerplateMarkers:
    """Read and compile the boilerplate markers of every language pack (once per process)."""
    phrases: dict[str, list[str]] = {kind: [] for kind in MARKER_KINDS}
    for code in available_languages():
        pack = get_pack(code)
        if not pack.has(BOILERPLATE_FILE):
            continue
        for line_no, line in pack.lines(BOILERPLATE_FILE):
            parts = line.split(None, 1)
            if len(parts) != 2 or parts[0] not in phrases:
                raise DataError(
                    f"expected 'KIND marker' with KIND one of {', '.join(MARKER_KINDS)}, "
                    f"got {line.strip()!r}",
                    str(pack.path(BOILERPLATE_FILE)),
                    line_no,
                )
            phrases[parts[0]].append(parts[1].strip())

    def compile_kind(kind: str, template: str) -> re.Pattern[str] | None:
        if not phrases[kind]:
            return None
        return re.compile(template.replace("{alt}", _alternation(phrases[kind])), re.IGNORECASE)

    return BoilerplateMarkers(
        # optional bullet, the heading, then nothing, a colon, or a colon and a headline
        promo=compile_kind("promo", r"^[\W_]{0,3}(?:{alt})\s*(?:[:!]\s*(?P<rest>.*))?$"),
        teaser=compile_kind("teaser", r"^\s*(?:{alt})|(?:{alt})\s*$"),
        line=compile_kind("line", r"^[\W_]{0,3}(?:{alt})[\s.:!…]*$"),
        prefix=compile_kind("prefix", r"^[\W_]{0,3}(?:{alt})(?!\w)"),
    )


def _is_promo_heading(line: str, markers: BoilerplateMarkers) -> tuple[bool, bool]:
    """(is a promo line, stands alone so that headline lines follow it)."""
    match = markers.promo.match(line) if markers.promo is not None else None
    if match is None:
        return False, False
    return True, not (match.group("rest") or "").strip()


def _is_teaser(line: str, markers: BoilerplateMarkers) -> bool:
    return markers.teaser is not None and markers.teaser.search(line) is not None


def _is_scraped_line(line: str, markers: BoilerplateMarkers) -> bool:
    if markers.line is not None and markers.line.match(line):
        return True
    return (
        markers.prefix is not None
        and markers.prefix.match(line) is not None
        and len(line.split()) <= MAX_PREFIX_LINE_WORDS
    )


def _is_headline(line: str, markers: BoilerplateMarkers) -> bool:
    """A short line without a final full stop, or a tagged teaser: a link under a promo heading."""
    if _is_teaser(line, markers):
        return True
    words = line.split()
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    tail = line.rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] not in _SENTENCE_END


def _promo_block_end(lines: list[str], start: int, markers: BoilerplateMarkers) -> int:
    """Index after the headline lines that belong to the promo heading at `start`."""
    n = len(lines)
    end = start + 1
    if end < n and lines[end].strip():
        # plain text: the links follow directly, up to the next blank line
        while end < n and lines[end].strip() and _is_headline(lines[end], markers):
            end += 1
        return end
    # extracted HTML: each link is a one-line paragraph of its own
    for _ in range(MAX_PROMO_LINKS):
        nxt = end
        while nxt < n and not lines[nxt].strip():
            nxt += 1
        single_line = nxt + 1 >= n or not lines[nxt + 1].strip()
        if nxt >= n or not single_line or not _is_headline(lines[nxt], markers):
            break
        end = nxt + 1
    return end


def strip_title_suffix(line: str) -> str:
    """'Headline | Welt | Nachrichten' -> 'Headline': drop the section and site names."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) < 2 or len(parts[0].split()) < 3:
        return line
    suffix = parts[1:]
    if all(
        p and len(p.split()) <= MAX_TITLE_SUFFIX_WORDS and p[-1] not in _SENTENCE_END
        for p in suffix
    ):
        return parts[0]
    return line


def normalize_text(text: str) -> str:
    """Unicode NFC, unified line breaks, no zero-width characters, no-break spaces as spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """Remove promo blocks, teaser lines and scraped lines; keep paragraphs (blank lines)."""
    markers = load_markers()
    lines = [line.rstrip() for line in normalize_text(text).split("\n")]
    kept: list[str] = []
    title_done = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            kept.append("")
            i += 1
            continue
        is_promo, alone = _is_promo_heading(line, markers)
        if is_promo:
            i = _promo_block_end(lines, i, markers) if alone else i + 1
            continue
        if _is_teaser(line, markers) or _is_scraped_line(line, markers):
            i += 1
            continue
        if not title_done:
            line = strip_title_suffix(line)
            title_done = True
        kept.append(line)
        i += 1
    return _join_paragraphs(kept)


def _join_paragraphs(lines: list[str]) -> str:
    """Join lines, collapsing runs of blank lines into one and trimming the ends."""
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)

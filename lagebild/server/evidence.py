"""Where to highlight an event's evidence: the trigger and the actors inside its sentence.

The store keeps the trigger's offsets into the article text and the actor mentions with
theirs; this turns them into spans relative to the evidence sentence, which the dashboard
renders as text nodes (never as HTML).
"""

from __future__ import annotations

from typing import Any


def sentence_offset(text: str | None, sentence: str, char_start: int, char_end: int) -> int | None:
    """Where the sentence starts in the article text, if it holds the trigger there."""
    if not text or not sentence:
        return None
    lowest = max(0, char_start - len(sentence))
    found = text.find(sentence, lowest)
    while found != -1 and found <= char_start:
        if char_end <= found + len(sentence):
            return found
        found = text.find(sentence, found + 1)
    return None


def _nearest(haystack: str, needle: str, anchor: int) -> int | None:
    """The start of the occurrence of `needle` (case-insensitive) closest to `anchor`."""
    if not needle:
        return None
    lower_hay, lower_needle = haystack.lower(), needle.lower()
    best: int | None = None
    found = lower_hay.find(lower_needle)
    while found != -1:
        if best is None or abs(found - anchor) < abs(best - anchor):
            best = found
        found = lower_hay.find(lower_needle, found + 1)
    return best


def _overlaps(start: int, end: int, spans: list[dict[str, Any]]) -> bool:
    """Whether [start, end) overlaps a span already chosen."""
    return any(start < s["end"] and s["start"] < end for s in spans)


def _actor_matches(mention: dict[str, Any], actor: dict[str, Any]) -> bool:
    """Whether a stored mention names the event's actor (same code, or same words)."""
    if actor.get("code") and mention.get("code") == actor.get("code"):
        return True
    return bool(actor.get("text")) and mention.get("text") == actor.get("text")


def evidence_for(
    record: dict[str, Any], text: str | None, mentions: list[dict[str, Any]]
) -> dict[str, Any]:
    """The sentence's offset in the article and the trigger/source/target spans in it."""
    sentence = record.get("sentence") or ""
    char_start, char_end = int(record.get("char_start") or 0), int(record.get("char_end") or 0)
    offset = sentence_offset(text, sentence, char_start, char_end)
    spans: list[dict[str, Any]] = []
    if offset is not None:
        spans.append({"start": char_start - offset, "end": char_end - offset, "role": "trigger"})
        anchor = char_start - offset
    else:
        found = _nearest(sentence, record.get("trigger") or "", 0)
        anchor = found or 0
        if found is not None:
            spans.append({"start": found, "end": found + len(record["trigger"]), "role": "trigger"})
    for side in ("source", "target"):
        actor = record.get(side)
        if not actor:
            continue
        span = _actor_span(sentence, offset, actor, mentions, anchor, spans)
        if span is not None:
            spans.append({"start": span[0], "end": span[1], "role": side})
    spans.sort(key=lambda s: s["start"])
    return {"sentence_start": offset, "spans": spans}


def _actor_span(
    sentence: str,
    offset: int | None,
    actor: dict[str, Any],
    mentions: list[dict[str, Any]],
    anchor: int,
    chosen: list[dict[str, Any]],
) -> tuple[int, int] | None:
    """The span of an actor in the sentence: a stored mention if one fits, else its words."""
    if offset is not None:
        candidates = []
        for mention in mentions:
            start, end = mention["char_start"] - offset, mention["char_end"] - offset
            if (
                0 <= start < end <= len(sentence)
                and _actor_matches(mention, actor)
                and not _overlaps(start, end, chosen)
            ):
                candidates.append((abs(start - anchor), start, end))
        if candidates:
            _, start, end = min(candidates)
            return start, end
    words = actor.get("text") or ""
    found = _nearest(sentence, words, anchor)
    if found is None or _overlaps(found, found + len(words), chosen):
        return None
    return found, found + len(words)

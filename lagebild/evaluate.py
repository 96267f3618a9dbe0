"""Score the coder against hand-coded gold sets: precision, recall and F1 per type and phenomenon.

A gold file is JSONL, one item a line (see tests/data/gold/README.md)::

    {"id": "de-0001", "lang": "de", "date": "2023-03-15", "text": "...",
     "events": [{"type": "ASSAULT", "source": "RUS", "target": "UKR", "cameo": "190"}],
     "phenomena": ["separable_verb"]}

Events are matched within an item on (type, source key, target key), where the key of an
actor is its country code or else its organisation code. CONSULT, AGREE and COOPERATE match
in either direction. Negated and hypothetical events are left out on both sides.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from lagebild.errors import DataError, LagebildError
from lagebild.ontology import PLOVER_TYPES, SYMMETRIC_TYPES
from lagebild.schema import Article, Event

#: (PLOVER type, source key, target key); symmetric types have their keys in sorted order
EventKey = tuple[str, str | None, str | None]

_ITEM_FIELDS = ("id", "lang", "text", "events")
#: the confidence above which events should be right at least 90% of the time (issue 4)
CONFIDENT = 0.8
_EVENT_FLAGS = ("negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One hand-coded event: type, source and target keys, optional CAMEO code and modality."""

    type: str
    source: str | None
    target: str | None
    cameo: str | None = None
    negated: bool = False
    hypothetical: bool = False
    #: ISO 3166-1 alpha-3 code of the country where the act took place, when the text names a place
    place: str | None = None

    @property
    def factual(self) -> bool:
        """True when the text asserts that the event happened (neither negated nor hypothetical)."""
        return not (self.negated or self.hypothetical)

    def key(self) -> EventKey:
        """The key this event is matched on."""
        return event_key(self.type, self.source, self.target)


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold sentence (or short passage) with every event a careful coder would code."""

    id: str
    lang: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...] = ()
    phenomena: tuple[str, ...] = ()
    #: "file.jsonl:12", for messages
    origin: str = ""

    def factual_events(self) -> list[GoldEvent]:
        """The events the evaluation counts: those neither negated nor hypothetical."""
        return [ev for ev in self.events if ev.factual]

    def to_article(self) -> Article:
        """The article the pipeline codes for this item."""
        return Article(
            id=self.id, text=self.text, date=self.date, language=self.lang, origin=self.origin
        )


class ArticleProcessor(Protocol):
    """Anything with `process(article)` returning an object with `.events` (a Pipeline)."""

    def process(self, article: Article) -> Any:  # pragma: no cover - protocol
        """Code one article."""
        ...


def event_key(type_: str, source: str | None, target: str | None) -> EventKey:
    """The match key of an event; for CONSULT, AGREE and COOPERATE the direction is ignored."""
    if type_ in SYMMETRIC_TYPES:
        first, second = sorted((source, target), key=lambda k: (k is None, k or ""))
        return (type_, first, second)
    return (type_, source, target)


def predicted_key(event: Event) -> EventKey:
    """The match key of a coded event: actor keys are `country or org`."""
    source = event.source.key() if event.source else None
    target = event.target.key() if event.target else None
    return event_key(event.type, source, target)


# --------------------------------------------------------------------------- loading


def _optional_code(value: Any, name: str, where: tuple[str, int]) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise DataError(f"event {name} must be a code string or null, got {value!r}", *where)
    return value.strip()


def _parse_event(raw: Any, where: tuple[str, int]) -> GoldEvent:
    if not isinstance(raw, dict):
        raise DataError(f"each event must be an object, got {raw!r}", *where)
    type_ = raw.get("type")
    if type_ not in PLOVER_TYPES:
        raise DataError(
            f"unknown event type {type_!r}; use one of {', '.join(PLOVER_TYPES)}", *where
        )
    cameo = raw.get("cameo")
    if cameo is not None and not (isinstance(cameo, str) and cameo.isdigit()):
        raise DataError(f'cameo must be a string of digits such as "190", got {cameo!r}', *where)
    flags = {}
    for flag in _EVENT_FLAGS:
        value = raw.get(flag, False)
        if not isinstance(value, bool):
            raise DataError(f"event field {flag!r} must be true or false, got {value!r}", *where)
        flags[flag] = value
    place = raw.get("place")
    if place is not None and not (isinstance(place, str) and re.fullmatch(r"[A-Z]{3}", place)):
        raise DataError(
            "place must be the three-letter code of the country where the act took place,"
            f' such as "UKR", got {place!r}',
            *where,
        )
    unknown = set(raw) - {"type", "source", "target", "cameo", "place", *_EVENT_FLAGS}
    if unknown:
        raise DataError(f"unknown event field(s) {sorted(unknown)}", *where)
    return GoldEvent(
        type=type_,
        source=_optional_code(raw.get("source"), "source", where),
        target=_optional_code(raw.get("target"), "target", where),
        cameo=cameo,
        place=place,
        **flags,
    )


def parse_gold_line(line: str, path: str, line_no: int) -> GoldItem:
    """One gold item from one JSONL line; raises DataError naming file and line."""
    where = (path, line_no)
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON ({exc.msg} at column {exc.colno})", *where) from None
    if not isinstance(raw, dict):
        raise DataError("each line must be a JSON object", *where)
    missing = [name for name in _ITEM_FIELDS if name not in raw]
    if missing:
        raise DataError(f"missing field(s) {', '.join(missing)}", *where)
    for name in ("id", "lang", "text"):
        if not isinstance(raw[name], str) or not raw[name].strip():
            raise DataError(f"field {name!r} must be a non-empty string", *where)
    item_date: date | None = None
    if raw.get("date") is not None:
        try:
            item_date = date.fromisoformat(str(raw["date"]))
        except ValueError:
            raise DataError(
                f"date {raw['date']!r} is not an ISO date (YYYY-MM-DD)", *where
            ) from None
    if not isinstance(raw["events"], list):
        raise DataError("field 'events' must be a list (empty for no event)", *where)
    phenomena = raw.get("phenomena", [])
    if not isinstance(phenomena, list) or not all(isinstance(p, str) for p in phenomena):
        raise DataError("field 'phenomena' must be a list of strings", *where)
    return GoldItem(
        id=raw["id"],
        lang=raw["lang"],
        text=raw["text"],
        date=item_date,
        events=tuple(_parse_event(ev, where) for ev in raw["events"]),
        phenomena=tuple(phenomena),
        origin=f"{path}:{line_no}",
    )


def load_gold(path: str | Path) -> list[GoldItem]:
    """Read a gold JSONL file; a bad line or a repeated id raises DataError with file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"cannot read gold file ({exc.strerror})", str(path)) from None
    items: list[GoldItem] = []
    seen: dict[str, int] = {}
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        item = parse_gold_line(line, str(path), line_no)
        if item.id in seen:
            raise DataError(
                f"id {item.id!r} already used on line {seen[item.id]}; ids must be unique",
                str(path),
                line_no,
            )
        seen[item.id] = line_no
        items.append(item)
    return items


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        """How many gold events there were."""
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        """How many events the coder produced."""
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 0.0 when nothing was predicted."""
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 0.0 when there was no gold event."""
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Add counts in place."""
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def to_dict(self) -> dict[str, Any]:
        """Counts and scores as a JSON-ready dict."""
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class PlaceCounts:
    """How often a found event got the country of the place the gold set names for it."""

    #: factual gold events that name a place
    gold: int = 0
    #: ... whose event the coder found
    found: int = 0
    #: ... and whose predicted location is in the gold country
    right: int = 0
    #: ... and that the coder gave no location
    unplaced: int = 0

    @property
    def accuracy(self) -> float:
        """Right country among the found events that name a place (0.0 when none was found)."""
        return self.right / self.found if self.found else 0.0

    @property
    def accuracy_all(self) -> float:
        """Right country among all gold events that name a place; a missed event counts as wrong."""
        return self.right / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and both accuracies as a JSON-ready dict."""
        return {
            "gold": self.gold,
            "found": self.found,
            "right": self.right,
            "unplaced": self.unplaced,
            "accuracy": round(self.accuracy, 4),
            "accuracy_all": round(self.accuracy_all, 4),
        }


@dataclass(slots=True)
class ItemResult:
    """What the coder got right and wrong on one gold item."""

    item: GoldItem
    matched: list[EventKey] = field(default_factory=list)
    missing: list[EventKey] = field(default_factory=list)
    spurious: list[EventKey] = field(default_factory=list)
    #: the error message when the pipeline failed on this item
    error: str | None = None
    #: (gold place, predicted country or None) for each factual gold event with a place whose
    #: event was found; a place missed with its event is counted in `places_missed`
    places: list[tuple[str, str | None]] = field(default_factory=list)
    places_missed: int = 0
    #: factual predicted events with confidence >= CONFIDENT, and how many of them are right
    confident: int = 0
    confident_right: int = 0

    @property
    def correct(self) -> bool:
        """True when nothing is missing or spurious and every found event is in the gold country."""
        return (
            not self.missing
            and not self.spurious
            and self.error is None
            and all(gold == got for gold, got in self.places)
        )

    def to_dict(self) -> dict[str, Any]:
        """The item's result as a JSON-ready dict."""
        return {
            "id": self.item.id,
            "text": self.item.text,
            "matched": [list(k) for k in self.matched],
            "missing": [list(k) for k in self.missing],
            "spurious": [list(k) for k in self.spurious],
            "error": self.error,
            "places": [list(p) for p in self.places],
        }


@dataclass(slots=True)
class EvalReport:
    """Micro-averaged scores overall, per type, per phenomenon and per language."""

    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    by_phenomenon: dict[str, Counts] = field(default_factory=dict)
    by_language: dict[str, Counts] = field(default_factory=dict)
    items: list[ItemResult] = field(default_factory=list)
    #: items without any factual gold event, and how many of them got a prediction anyway
    no_event_items: int = 0
    false_alarm_items: int = 0
    places: PlaceCounts = field(default_factory=lambda: PlaceCounts())
    #: factual predicted events with confidence >= CONFIDENT, and how many of them are right
    confident: int = 0
    confident_right: int = 0

    @property
    def confident_precision(self) -> float:
        """Share of right events among those with confidence >= CONFIDENT (0.0 when none)."""
        return self.confident_right / self.confident if self.confident else 0.0

    @property
    def failed_items(self) -> list[ItemResult]:
        """Items on which the pipeline raised an error."""
        return [r for r in self.items if r.error]

    def errors(self) -> list[ItemResult]:
        """Items with a missing or spurious event or a wrong place, in gold order."""
        return [r for r in self.items if not r.correct]

    def breakdown(self, by: str) -> dict[str, Counts]:
        """The per-type, per-phenomenon or per-language table."""
        tables = {
            "type": self.by_type,
            "phenomenon": self.by_phenomenon,
            "language": self.by_language,
        }
        if by not in tables:
            raise ValueError(f"unknown breakdown {by!r}; use type, phenomenon or language")
        return tables[by]

    def to_dict(self, with_items: bool = False) -> dict[str, Any]:
        """The whole report as a JSON-ready dict."""
        out: dict[str, Any] = {
            "items": len(self.items),
            "overall": self.overall.to_dict(),
            "by_type": {k: v.to_dict() for k, v in sorted(self.by_type.items())},
            "by_phenomenon": {k: v.to_dict() for k, v in sorted(self.by_phenomenon.items())},
            "by_language": {k: v.to_dict() for k, v in sorted(self.by_language.items())},
            "no_event_items": self.no_event_items,
            "false_alarm_items": self.false_alarm_items,
            "failed_items": [r.item.id for r in self.failed_items],
            "places": self.places.to_dict(),
            "confident": {
                "threshold": CONFIDENT,
                "events": self.confident,
                "right": self.confident_right,
                "precision": round(self.confident_precision, 4),
            },
        }
        if with_items:
            out["errors"] = [r.to_dict() for r in self.errors()]
        return out


def match_keys(
    gold: Iterable[EventKey], predicted: Iterable[EventKey]
) -> tuple[list[EventKey], list[EventKey], list[EventKey]]:
    """Multiset matching: (matched, missing gold, spurious predicted); each gold event once."""
    gold_counts, pred_counts = Counter(gold), Counter(predicted)
    matched = gold_counts & pred_counts
    missing = gold_counts - matched
    spurious = pred_counts - matched
    return (
        sorted(matched.elements(), key=_sort_key),
        sorted(missing.elements(), key=_sort_key),
        sorted(spurious.elements(), key=_sort_key),
    )


def _sort_key(key: EventKey) -> tuple[str, str, str]:
    return (key[0], key[1] or "", key[2] or "")


def score_item(item: GoldItem, predicted: Sequence[Event]) -> ItemResult:
    """Match one item's factual predicted events against its factual gold events."""
    gold_keys = [ev.key() for ev in item.factual_events()]
    pred_keys = [predicted_key(ev) for ev in predicted if not (ev.negated or ev.hypothetical)]
    matched, missing, spurious = match_keys(gold_keys, pred_keys)
    result = ItemResult(item=item, matched=matched, missing=missing, spurious=spurious)
    _score_places(result, predicted)
    sure = Counter(
        predicted_key(ev)
        for ev in predicted
        if not (ev.negated or ev.hypothetical) and ev.confidence >= CONFIDENT
    )
    result.confident = sum(sure.values())
    result.confident_right = sum((sure & Counter(gold_keys)).values())
    return result


def _location_country(event: Event) -> str | None:
    country = (event.location or {}).get("country")
    return country if isinstance(country, str) else None


def _score_places(result: ItemResult, predicted: Sequence[Event]) -> None:
    """Compare the country of each found event's location with the gold place.

    When several predicted events share the gold event's key, the one with the gold country (if
    any) is taken, so a place is right when the coder placed that event there at least once.
    """
    found = Counter(result.matched)
    countries: dict[EventKey, list[str | None]] = {}
    for event in predicted:
        if not (event.negated or event.hypothetical):
            countries.setdefault(predicted_key(event), []).append(_location_country(event))
    for gold in result.item.factual_events():
        if gold.place is None:
            continue
        key = gold.key()
        if found[key] <= 0:
            result.places_missed += 1
            continue
        found[key] -= 1
        options = countries.get(key, [])
        result.places.append((gold.place, gold.place if gold.place in options else options[0]))


def build_report(results: Iterable[ItemResult]) -> EvalReport:
    """Sum item results into overall, per-type, per-phenomenon and per-language counts."""
    report = EvalReport()
    for result in results:
        report.items.append(result)
        tp, fp, fn = len(result.matched), len(result.spurious), len(result.missing)
        report.overall.add(tp, fp, fn)
        report.by_language.setdefault(result.item.lang, Counts()).add(tp, fp, fn)
        for phenomenon in dict.fromkeys(result.item.phenomena):
            report.by_phenomenon.setdefault(phenomenon, Counts()).add(tp, fp, fn)
        for key in result.matched:
            report.by_type.setdefault(key[0], Counts()).add(1, 0, 0)
        for key in result.spurious:
            report.by_type.setdefault(key[0], Counts()).add(0, 1, 0)
        for key in result.missing:
            report.by_type.setdefault(key[0], Counts()).add(0, 0, 1)
        places = report.places
        places.gold += len(result.places) + result.places_missed
        places.found += len(result.places)
        places.right += sum(gold == got for gold, got in result.places)
        places.unplaced += sum(got is None for _, got in result.places)
        report.confident += result.confident
        report.confident_right += result.confident_right
        if not result.item.factual_events():
            report.no_event_items += 1
            if result.spurious:
                report.false_alarm_items += 1
    return report


def score_predictions(
    items: Sequence[GoldItem], predictions: Mapping[str, Sequence[Event]]
) -> EvalReport:
    """Score events already coded, given per item id (an item with no entry predicted nothing)."""
    return build_report(score_item(item, predictions.get(item.id, ())) for item in items)


def evaluate(items: Sequence[GoldItem], pipeline: ArticleProcessor) -> EvalReport:
    """Run the pipeline on every gold item and score its events against the gold events."""
    results: list[ItemResult] = []
    for item in items:
        try:
            coded = pipeline.process(item.to_article())
        except LagebildError as exc:
            result = score_item(item, ())
            result.error = str(exc)
        else:
            result = score_item(item, coded.events)
        results.append(result)
    return build_report(results)


# --------------------------------------------------------------------------- formatting


def format_table(report: EvalReport, by: str = "type") -> str:
    """A plain-text table: overall scores, then one row per type, phenomenon or language."""
    rows = report.breakdown(by)
    width = max([len(by), 7, *(len(name) for name in rows)])
    header = f"{by:<{width}}  {'gold':>5} {'pred':>5} {'tp':>5}  {'P':>6} {'R':>6} {'F1':>6}"
    lines = [header, "-" * len(header)]

    def row(name: str, c: Counts) -> str:
        return (
            f"{name:<{width}}  {c.gold:>5} {c.predicted:>5} {c.tp:>5}  "
            f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}"
        )

    order = PLOVER_TYPES if by == "type" else tuple(sorted(rows))
    lines += [row(name, rows[name]) for name in order if name in rows]
    lines.append("-" * len(header))
    lines.append(row("overall", report.overall))
    lines.append(
        f"{len(report.items)} items; false alarms on no-event items: "
        f"{report.false_alarm_items} of {report.no_event_items}"
    )
    if report.places.gold:
        lines.append(format_places(report.places))
    if report.confident:
        lines.append(
            f"confidence >= {CONFIDENT}: {report.confident_right} of {report.confident} events "
            f"right ({report.confident_precision:.1%})"
        )
    if report.failed_items:
        lines.append(f"pipeline failed on {len(report.failed_items)} item(s)")
    return "\n".join(lines)


def format_places(places: PlaceCounts) -> str:
    """One line on places: right country among found events, and among all gold events."""
    return (
        f"places: right country for {places.right} of {places.found} found events that name a "
        f"place ({places.accuracy:.1%}; {places.unplaced} without location), "
        f"{places.accuracy_all:.1%} of all {places.gold}"
    )


def _format_key(key: EventKey) -> str:
    return f"{key[0]} {key[1] or '-'} -> {key[2] or '-'}"


def format_errors(report: EvalReport) -> str:
    """Every item with a missing or spurious event: id, text, what was missed and what was extra."""
    blocks = []
    for result in report.errors():
        lines = [f"{result.item.id}: {result.item.text}"]
        if result.error:
            lines.append(f"  error:    {result.error}")
        lines += [f"  missing:  {_format_key(k)}" for k in result.missing]
        lines += [f"  spurious: {_format_key(k)}" for k in result.spurious]
        lines += [
            f"  place:    {gold} expected, got {got or 'none'}"
            for gold, got in result.places
            if gold != got
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)

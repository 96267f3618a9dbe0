"""Confidence calibration: turn the cue-based confidence into how often such events are right.

The coder scores each event by the strength of its cues. Some kinds of event are wrong more
often than their cues suggest (no counterpart found, civilians as the source, the same
country on both sides, long sentences); `calibrate` multiplies the confidence by the factors in
data/calibration.yaml for those, so that `--min-confidence 0.8` keeps events that are right at
least 90% of the time on the gold sets. `bench/calibration.py` prints the figures behind them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from lagebild.errors import DataError
from lagebild.ontology import PLOVER_TYPES
from lagebild.schema import Event

CALIBRATION_FILE = Path(__file__).parent / "data" / "calibration.yaml"
#: no event is surer than this, whatever its factors
MAX_CONFIDENCE = 0.95
_FACTORS = ("no_target", "civilian_source", "self_pair", "long_sentence")


@dataclass(frozen=True, slots=True)
class Calibration:
    """Factors that multiply an event's confidence when it has a feature that often goes wrong."""

    no_target: float = 1.0
    civilian_source: float = 1.0
    self_pair: float = 1.0
    long_sentence: float = 1.0
    long_sentence_chars: int = 150
    by_type: tuple[tuple[str, float], ...] = ()

    def features(self, event: Event) -> tuple[str, ...]:
        """The names of the factors (other than the type's) that apply to `event`."""
        out = []
        if event.target is None:
            out.append("no_target")
        if event.source is not None and event.source.sector == "CVL":
            out.append("civilian_source")
        if (
            event.source is not None
            and event.target is not None
            and event.source.key() is not None
            and event.source.key() == event.target.key()
        ):
            out.append("self_pair")
        if len(event.sentence) > self.long_sentence_chars:
            out.append("long_sentence")
        return tuple(out)

    def factor(self, event: Event) -> float:
        """The product of every factor that applies to `event`."""
        f = dict(self.by_type).get(event.type, 1.0)
        for name in self.features(event):
            f *= getattr(self, name)
        return f


def _factor(data: dict, name: str, path: Path) -> float:  # type: ignore[type-arg]
    value = data.get(name, 1.0)
    if not isinstance(value, int | float) or not 0.0 < float(value) <= 1.5:
        raise DataError(f"{name} must be a number between 0 and 1.5, got {value!r}", str(path))
    return float(value)


def parse_calibration(data: object, path: Path) -> Calibration:
    """A Calibration from the parsed YAML; wrong keys or values raise DataError naming `path`."""
    if not isinstance(data, dict):
        raise DataError("expected a mapping of factors", str(path))
    known = {*_FACTORS, "long_sentence_chars", "by_type"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise DataError(f"unknown key(s) {unknown}; use {sorted(known)}", str(path))
    by_type = data.get("by_type") or {}
    if not isinstance(by_type, dict) or any(t not in PLOVER_TYPES for t in by_type):
        raise DataError(f"by_type must map PLOVER types to factors, got {by_type!r}", str(path))
    chars = data.get("long_sentence_chars", 150)
    if not isinstance(chars, int) or chars <= 0:
        raise DataError(f"long_sentence_chars must be a positive integer, got {chars!r}", str(path))
    return Calibration(
        **{name: _factor(data, name, path) for name in _FACTORS},
        long_sentence_chars=chars,
        by_type=tuple((t, _factor(by_type, t, path)) for t in sorted(by_type)),
    )


@cache
def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """The calibration factors, read once per process."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(f"cannot read calibration factors ({exc.strerror})", str(path)) from None
    return parse_calibration(data, path)


def calibrate(events: list[Event], calibration: Calibration | None = None) -> None:
    """Multiply each event's confidence by its calibration factors, in place."""
    cal = calibration or load_calibration()
    for e in events:
        e.confidence = round(min(e.confidence * cal.factor(e), MAX_CONFIDENCE), 3)

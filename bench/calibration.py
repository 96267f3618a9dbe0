"""Reliability of the confidence on the gold sets: how often events of each confidence are right.

Run by hand (`.venv/bin/python bench/calibration.py`), never by the test suite. It codes every
gold item, matches each factual predicted event against the item's gold events (as `lagebild
eval` does) and prints:

1. a reliability table: per confidence band, how many events and how many of them are right;
2. how many events at confidence >= 0.8 are right, for the tuning part of the gold sets and for
   the items kept aside (de-0390.., en-0350..), which the factors were not set on, and the
   items never used to change the coder at all (de-0548.., en-0506..);
3. how often events with each calibration feature are right, before calibration, which is what
   the factors in lagebild/data/calibration.yaml are set from.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))

from lagebild.calibration import load_calibration  # noqa: E402
from lagebild.evaluate import CONFIDENT, load_gold, predicted_key  # noqa: E402
from lagebild.pipeline import ExtractOptions, Pipeline  # noqa: E402

GOLD_DIR = REPO_DIR / "tests" / "data" / "gold"
#: first item number of the part of each gold set kept aside from setting the factors
KEPT_ASIDE = {"de": 390, "en": 350}
#: first item number of the items written blind and never used to change the coder
UNSEEN = {"de": 548, "en": 506}
BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.96)


@dataclass(frozen=True, slots=True)
class Row:
    """One predicted factual event: its confidence, its raw (uncalibrated) confidence, features."""

    item: str
    right: bool
    confidence: float
    raw: float
    features: tuple[str, ...]


def _kept_aside(item_id: str, first: dict[str, int] = KEPT_ASIDE) -> bool:
    lang, _, number = item_id.partition("-")
    return number.isdigit() and int(number) >= first.get(lang, 10**9)


def collect(paths: Iterable[Path]) -> list[Row]:
    """Code every gold item and return one row per factual predicted event."""
    cal = load_calibration()
    pipeline = Pipeline(ExtractOptions())
    rows: list[Row] = []
    for path in paths:
        for item in load_gold(path):
            gold = Counter(ev.key() for ev in item.factual_events())
            for ev in pipeline.process(item.to_article()).events:
                if ev.negated or ev.hypothetical:
                    continue
                key = predicted_key(ev)
                right = gold[key] > 0
                if right:
                    gold[key] -= 1
                raw = ev.confidence / max(cal.factor(ev), 1e-9)
                features = (f"type={ev.type}", *cal.features(ev))
                rows.append(Row(item.id, right, ev.confidence, raw, features))
    return rows


def _share(rows: list[Row]) -> str:
    right = sum(r.right for r in rows)
    return f"{right:4d} of {len(rows):4d} right ({right / len(rows):.1%})" if rows else "none"


def report(rows: list[Row]) -> str:
    """The three tables as text."""
    lines = ["confidence band    events", "-" * 44]
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        band = [r for r in rows if lo <= r.confidence < hi]
        lines.append(f"[{lo:.2f}, {hi:.2f})       {_share(band)}")
    lines.append("")
    for label, part in (
        ("all items", rows),
        ("tuning items", [r for r in rows if not _kept_aside(r.item)]),
        ("items kept aside", [r for r in rows if _kept_aside(r.item)]),
        ("unseen items", [r for r in rows if _kept_aside(r.item, UNSEEN)]),
    ):
        sure = [r for r in part if r.confidence >= CONFIDENT]
        lines.append(f"confidence >= {CONFIDENT}, {label:16} {_share(sure)}")
    lines += ["", f"before calibration, raw confidence >= {CONFIDENT}, by feature:"]
    raw_sure = [r for r in rows if r.raw >= CONFIDENT - 1e-6]
    names = sorted({f for r in raw_sure for f in r.features})
    for name in names:
        lines.append(f"  {name:22} {_share([r for r in raw_sure if name in r.features])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the reliability figures of the given gold sets (default: all of them)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold set files (.jsonl)")
    args = parser.parse_args(argv)
    paths = args.gold or sorted(GOLD_DIR.glob("*.jsonl"))
    print(report(collect(paths)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

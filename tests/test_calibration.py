"""Confidence calibration: the factors, their data file and their effect on events."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.calibration import (
    MAX_CONFIDENCE,
    Calibration,
    calibrate,
    load_calibration,
    parse_calibration,
)
from lagebild.errors import DataError
from lagebild.schema import Actor, Event


def _event(type_: str = "ASSAULT", source: Actor | None = None, target: Actor | None = None,
           sentence: str = "short", confidence: float = 0.9) -> Event:
    return Event(
        article_id="a", language="en", type=type_, cameo="190", quad_class=4, goldstein=-10.0,
        source=source, target=target, date=None, negated=False, hypothetical=False,
        sentence=sentence, trigger="x", char_start=0, char_end=1, confidence=confidence,
    )


RUS = Actor("Russland", country="RUS", sector="GOV")
UKR = Actor("Ukraine", country="UKR")
PROTESTERS = Actor("Demonstranten", country="UKR", sector="CVL")
CAL = Calibration(no_target=0.5, civilian_source=0.8, self_pair=0.9, long_sentence=0.7,
                  long_sentence_chars=20, by_type=(("PROTEST", 0.6),))


@pytest.mark.parametrize(
    ("event", "factor"),
    [
        (_event(source=RUS, target=UKR), 1.0),
        (_event(source=RUS), 0.5),
        (_event(source=PROTESTERS, target=UKR), 0.8 * 0.9),
        (_event("PROTEST", source=RUS, target=UKR), 0.6),
        (_event(source=RUS, target=UKR, sentence="x" * 21), 0.7),
        (_event("PROTEST", source=PROTESTERS, sentence="x" * 21), 0.6 * 0.5 * 0.8 * 0.7),
    ],
)
def test_factor_multiplies_what_applies(event: Event, factor: float) -> None:
    assert CAL.factor(event) == pytest.approx(factor)


def test_calibrate_scales_rounds_and_caps() -> None:
    events = [_event(source=RUS, confidence=0.9), _event(source=RUS, target=UKR, confidence=0.99)]
    calibrate(events, CAL)
    assert events[0].confidence == 0.45
    assert events[1].confidence == MAX_CONFIDENCE


def test_shipped_factors_load_and_lower_confidence() -> None:
    cal = load_calibration()
    assert all(0.0 < f <= 1.0 for f in (cal.no_target, cal.civilian_source, cal.self_pair,
                                         cal.long_sentence))
    # the shipped factors do something: an event without a counterpart counts for less
    assert cal.factor(_event(source=RUS)) < cal.factor(_event(source=RUS, target=UKR))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "mapping"),
        ({"no_targets": 0.9}, "unknown key"),
        ({"no_target": "low"}, "no_target must be a number"),
        ({"self_pair": 2.0}, "between 0 and 1.5"),
        ({"by_type": {"ATTACK": 0.9}}, "PLOVER types"),
        ({"long_sentence_chars": -1}, "positive integer"),
    ],
)
def test_bad_calibration_data_is_reported(data: object, message: str) -> None:
    with pytest.raises(DataError, match=message) as err:
        parse_calibration(data, Path("calibration.yaml"))
    assert "calibration.yaml" in str(err.value)

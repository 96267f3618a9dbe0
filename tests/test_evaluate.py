"""The metric code on its own: matching, modality filtering and counts with hand-made events."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from lagebild.errors import DataError, InputError
from lagebild.evaluate import (
    GoldEvent,
    GoldItem,
    build_report,
    evaluate,
    event_key,
    format_errors,
    format_table,
    load_gold,
    match_keys,
    score_item,
    score_predictions,
)
from lagebild.schema import Actor, Article, Event


def actor(key: str | None) -> Actor | None:
    """An actor whose evaluation key is `key` (org codes are upper-case words of 2-5 letters)."""
    if key is None:
        return None
    if key in {"UN", "NATO", "EU", "IAEA", "OSCE"}:
        return Actor(text=key, org=key, sector="IGO")
    return Actor(text=key, country=key, sector="GOV")


def event(type_: str, source: str | None, target: str | None, *, negated: bool = False,
          hypothetical: bool = False, article_id: str = "t-1",
          place: str | None = None, confidence: float = 1.0) -> Event:
    """A coded event with just what the evaluation looks at (and a location in `place`)."""
    return Event(
        article_id=article_id, language="en", type=type_, cameo="010", quad_class=1,
        goldstein=0.0, source=actor(source), target=actor(target), date=None,
        negated=negated, hypothetical=hypothetical, sentence="", trigger="",
        char_start=0, char_end=0, confidence=confidence,
        location={"name": place, "country": place, "lat": None, "lon": None} if place else None,
    )


def item(item_id: str, *events: GoldEvent, phenomena: tuple[str, ...] = ()) -> GoldItem:
    return GoldItem(id=item_id, lang="en", text=f"text of {item_id}", date=date(2024, 1, 1),
                    events=events, phenomena=phenomena)


def test_symmetric_types_match_in_either_direction() -> None:
    gold = item("t-1", GoldEvent("CONSULT", "USA", "CHN"), GoldEvent("COOPERATE", "RUS", "BLR"))
    result = score_item(gold, [event("CONSULT", "CHN", "USA"), event("COOPERATE", "BLR", "RUS")])
    assert len(result.matched) == 2
    assert result.missing == [] and result.spurious == []


def test_directed_types_do_not_match_reversed() -> None:
    gold = item("t-1", GoldEvent("ASSAULT", "RUS", "UKR"))
    result = score_item(gold, [event("ASSAULT", "UKR", "RUS")])
    assert result.matched == []
    assert result.missing == [("ASSAULT", "RUS", "UKR")]
    assert result.spurious == [("ASSAULT", "UKR", "RUS")]


def test_agree_with_a_null_side_matches_reversed() -> None:
    assert event_key("AGREE", None, "ISR") == event_key("AGREE", "ISR", None)
    assert event_key("REJECT", None, "ISR") != event_key("REJECT", "ISR", None)


def test_multiset_matching_counts_each_gold_event_once() -> None:
    matched, missing, spurious = match_keys(
        [("ASSAULT", "ISR", "PSE")] * 2,
        [("ASSAULT", "ISR", "PSE")] * 3 + [("SANCTION", "EU", "RUS")],
    )
    assert matched == [("ASSAULT", "ISR", "PSE")] * 2
    assert missing == []
    assert spurious == [("ASSAULT", "ISR", "PSE"), ("SANCTION", "EU", "RUS")]


def test_negated_and_hypothetical_events_are_ignored_on_both_sides() -> None:
    gold = item("t-1", GoldEvent("ASSAULT", "CHN", "TWN", hypothetical=True),
                GoldEvent("CONSULT", "USA", "RUS", negated=True),
                GoldEvent("THREATEN", "USA", "CHN"))
    predicted = [event("ASSAULT", "CHN", "TWN", hypothetical=True),
                 event("SANCTION", "USA", "CHN", negated=True),
                 event("THREATEN", "USA", "CHN")]
    result = score_item(gold, predicted)
    assert result.matched == [("THREATEN", "USA", "CHN")]
    assert result.missing == [] and result.spurious == []


def test_org_key_is_used_when_there_is_no_country() -> None:
    gold = item("t-1", GoldEvent("SANCTION", "EU", "RUS"))
    assert score_item(gold, [event("SANCTION", "EU", "RUS")]).matched == [("SANCTION", "EU", "RUS")]
    assert score_item(gold, [event("SANCTION", None, "RUS")]).matched == []


def test_counts_per_type_overall_and_phenomenon() -> None:
    items = [
        item("a", GoldEvent("ASSAULT", "RUS", "UKR"), GoldEvent("ACCUSE", "UKR", "RUS"),
             phenomena=("multi_event", "nominal")),
        item("b", GoldEvent("ASSAULT", "ISR", "PSE"), phenomena=("passive",)),
        item("c", phenomena=("no_event", "sports")),
        item("d", phenomena=("no_event",)),
    ]
    predictions = {
        "a": [event("ASSAULT", "RUS", "UKR"), event("ASSAULT", "RUS", "POL")],
        "b": [],
        "c": [event("ASSAULT", "FRA", "MAR")],
    }
    report = score_predictions(items, predictions)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 2, 2)
    assert report.overall.precision == pytest.approx(1 / 3)
    assert report.overall.recall == pytest.approx(1 / 3)
    assert report.overall.f1 == pytest.approx(1 / 3)
    assault = report.by_type["ASSAULT"]
    assert (assault.gold, assault.predicted, assault.tp) == (2, 3, 1)
    assert report.by_type["ACCUSE"].recall == 0.0
    multi = report.by_phenomenon["multi_event"]
    assert (multi.tp, multi.fn) == (1, 1)
    assert report.by_phenomenon["passive"].fn == 1
    assert report.by_phenomenon["sports"].fp == 1
    assert report.no_event_items == 2
    assert report.false_alarm_items == 1
    assert [r.item.id for r in report.errors()] == ["a", "b", "c"]


def test_scores_are_zero_not_errors_when_nothing_is_there() -> None:
    report = build_report([])
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (0, 0, 0)


@dataclass
class FakeCoded:
    events: list[Event] = field(default_factory=list)


class FakePipeline:
    """Returns canned events per article id and records the articles it was given."""

    def __init__(self, events: dict[str, list[Event]], fail: set[str] = frozenset()) -> None:
        self.events, self.fail, self.seen = events, fail, []

    def process(self, article: Article) -> FakeCoded:
        self.seen.append(article)
        if article.id in self.fail:
            raise InputError("cannot code this", where=article.id)
        return FakeCoded(self.events.get(article.id, []))


def test_evaluate_builds_articles_from_items_and_survives_a_failing_item() -> None:
    items = [item("x", GoldEvent("AID", "DEU", "UKR")), item("y", GoldEvent("AID", "USA", "UKR"))]
    pipeline = FakePipeline({"x": [event("AID", "DEU", "UKR", article_id="x")]}, fail={"y"})
    report = evaluate(items, pipeline)
    assert [(a.id, a.language, a.date, a.text) for a in pipeline.seen] == [
        ("x", "en", date(2024, 1, 1), "text of x"), ("y", "en", date(2024, 1, 1), "text of y")]
    assert report.overall.tp == 1 and report.overall.fn == 1
    assert [r.item.id for r in report.failed_items] == ["y"]
    assert "cannot code this" in format_errors(report)


def test_table_lists_types_in_ontology_order_with_scores() -> None:
    report = score_predictions(
        [item("a", GoldEvent("SANCTION", "EU", "RUS"), GoldEvent("AGREE", "USA", "JPN"))],
        {"a": [event("SANCTION", "EU", "RUS")]},
    )
    table = format_table(report)
    lines = table.splitlines()
    agree = next(line for line in lines if line.startswith("AGREE"))
    sanction = next(line for line in lines if line.startswith("SANCTION"))
    assert lines.index(agree) < lines.index(sanction)
    assert agree.split()[1:4] == ["1", "0", "0"]
    assert sanction.split()[-3:] == ["1.000", "1.000", "1.000"]
    overall = next(line for line in lines if line.startswith("overall"))
    assert overall.split()[-1] == "0.667"


def write_lines(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {"id": "g-1", "lang": "de", "date": "2023-03-15", "text": "Russland griff an.",
        "events": [{"type": "ASSAULT", "source": "RUS", "target": None, "cameo": "190"},
                   {"type": "CONSULT", "source": "RUS", "target": "USA", "negated": True}],
        "phenomena": ["separable_verb"]}


def test_load_gold_reads_items_events_and_flags(tmp_path: Path) -> None:
    items = load_gold(write_lines(tmp_path, json.dumps(GOOD), ""))
    assert len(items) == 1
    only = items[0]
    assert only.date == date(2023, 3, 15) and only.phenomena == ("separable_verb",)
    assert only.events[0] == GoldEvent("ASSAULT", "RUS", None, cameo="190")
    assert only.events[1].negated and not only.events[1].factual
    assert [ev.type for ev in only.factual_events()] == ["ASSAULT"]
    assert only.origin.endswith("gold.jsonl:1")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({**GOOD, "events": [{"type": "ATTACK", "source": "RUS"}]}),
         "unknown event type"),
        (json.dumps({**GOOD, "date": "15.03.2023"}), "not an ISO date"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "text"}), "missing field"),
        (json.dumps({**GOOD, "events": [{"type": "AID", "source": "DEU", "negated": "yes"}]}),
         "must be true or false"),
        (json.dumps({**GOOD, "events": [{"type": "AID", "source": 7}]}), "code string"),
        (json.dumps({**GOOD, "events": [{"type": "AID", "source": "DEU", "place": "Kyiv"}]}),
         "three-letter code of the country"),
    ],
)
def test_load_gold_names_file_and_line_of_a_bad_line(
    tmp_path: Path, bad: str, message: str
) -> None:
    path = write_lines(tmp_path, json.dumps(GOOD), bad)
    with pytest.raises(DataError, match=message) as info:
        load_gold(path)
    assert info.value.line == 2 and info.value.path == str(path)


def test_load_gold_rejects_a_repeated_id(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="already used on line 1"):
        load_gold(write_lines(tmp_path, json.dumps(GOOD), json.dumps(GOOD)))


def test_load_gold_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.jsonl")


def test_cli_eval_prints_json_report_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lagebild.cli import main

    path = write_lines(tmp_path, json.dumps(GOOD))
    assert main(["eval", str(path), "--format", "json", "--errors"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == 1
    assert report["overall"]["gold"] == 1
    assert set(report["by_type"]) <= {"ASSAULT", *report["by_type"]}
    assert "errors" in report


def test_cli_eval_reports_a_bad_gold_file_with_exit_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from lagebild.cli import main

    path = write_lines(tmp_path, json.dumps(GOOD), "{broken")
    assert main(["eval", str(path)]) == 1
    assert f"{path}:2" in capsys.readouterr().err


def test_places_count_right_wrong_unplaced_and_missed_events() -> None:
    gold = [
        item("a", GoldEvent("CONSULT", "USA", "RUS", place="CHE"),
             GoldEvent("ASSAULT", "RUS", "UKR", place="UKR")),
        item("b", GoldEvent("PROTEST", "GEO", "GEO", place="GEO"),
             GoldEvent("AID", "DEU", "UKR")),
        item("c", GoldEvent("SANCTION", "EU", "RUS", place="BEL")),
    ]
    predicted = {
        "a": [event("CONSULT", "RUS", "USA", place="CHE"), event("ASSAULT", "RUS", "UKR")],
        "b": [event("PROTEST", "GEO", "GEO", place="ARM"), event("AID", "DEU", "UKR", place="POL")],
    }
    report = score_predictions(gold, predicted)
    places = report.places
    # the SANCTION was missed; a place on an event the gold set gives none is not scored
    assert (places.gold, places.found, places.right, places.unplaced) == (4, 3, 1, 1)
    assert places.accuracy == pytest.approx(1 / 3)
    assert places.accuracy_all == pytest.approx(1 / 4)
    assert "right country for 1 of 3 found events" in format_table(report)
    errors = format_errors(report)
    assert "UKR expected, got none" in errors and "GEO expected, got ARM" in errors
    assert "CHE expected" not in errors


def test_a_place_is_right_when_one_of_several_same_key_events_has_it() -> None:
    gold = [item("a", GoldEvent("ASSAULT", "RUS", "UKR", place="UKR"))]
    predicted = {"a": [event("ASSAULT", "RUS", "UKR", place="RUS"),
                       event("ASSAULT", "RUS", "UKR", place="UKR")]}
    assert score_predictions(gold, predicted).places.right == 1


def test_no_place_line_without_gold_places() -> None:
    report = score_predictions([item("a", GoldEvent("AID", "DEU", "UKR"))],
                               {"a": [event("AID", "DEU", "UKR", place="UKR")]})
    assert report.places.gold == 0 and "places:" not in format_table(report)


def test_confident_events_are_counted_with_how_many_are_right() -> None:
    gold = [item("a", GoldEvent("ASSAULT", "RUS", "UKR"), GoldEvent("AID", "DEU", "UKR"))]
    predicted = {"a": [
        event("ASSAULT", "RUS", "UKR", confidence=0.9),
        event("ASSAULT", "RUS", "UKR", confidence=0.95),  # a second copy is not right again
        event("AID", "DEU", "UKR", confidence=0.5),  # right, but not confident
        event("SANCTION", "DEU", "RUS", confidence=0.8),  # confident and wrong
        event("THREATEN", "DEU", "RUS", confidence=0.99, hypothetical=True),  # not factual
    ]}
    report = score_predictions(gold, predicted)
    assert (report.confident, report.confident_right) == (3, 1)
    assert report.confident_precision == pytest.approx(1 / 3)
    assert "confidence >= 0.8: 1 of 3 events right" in format_table(report)
    assert report.to_dict()["confident"]["events"] == 3

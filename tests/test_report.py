"""`lagebild report`: the offline HTML report and the timeline PNG."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from test_store_support import coded, filled_store, make_event, run_cli

from lagebild.schema import Article
from lagebild.store import EventStore, StoreError
from lagebild.store.charts import nice_step
from lagebild.store.report import choose_bucket, highlight_sentence, write_report


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return filled_store(tmp_path_factory.mktemp("report") / "crisis.duckdb")


def test_html_report_contents(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                              ) -> None:
    out = tmp_path / "report.html"
    assert run_cli(["report", "--db", str(db), "-o", str(out), "--title", "Januar 2022"]) == 0
    assert "6 events" in capsys.readouterr().err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h1>Januar 2022</h1>" in html
    assert html.count("<svg") == 2  # timeline and network
    # works offline: no scripts, no external resources
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|@import|url\()\s*=?\s*["']?https?:""", html)
    # every non-modal event is listed with its trigger highlighted; modal ones are not
    for trigger in ("marschieren", "droht", "beraet", "schickt", "wirft", "imposes"):
        assert f"<mark>{trigger}</mark>" in html
    assert "<mark>attack</mark>" not in html and "<mark>fire</mark>" not in html
    # timeline: one bar segment per day and quad class, coloured by quad class
    assert html.count('fill="#cb181d"><title>') == 2  # material conflict on two days
    assert html.count('fill="#238b45"><title>') == 1  # material cooperation (aid)
    # dyad table and network
    assert "<td>USA</td><td>RUS</td><td class=\"n\">2</td>" in html
    assert re.search(r'class="node">RUS</text>', html)
    assert 'stroke="#238b45"' in html and 'stroke="#cb181d"' in html


def test_filters_and_modal_events_in_report(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "modal.html"
    assert run_cli(["report", "--db", str(db), "-o", str(out), "--include-modal",
                    "--type", "ASSAULT"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<mark>attack</mark>" in html and "(hypothetical)" in html
    assert "<mark>fire</mark>" in html and "(negated)" in html
    assert "<mark>droht</mark>" not in html


def test_report_escapes_article_text(tmp_path: Path) -> None:
    text = "Moskau droht <script>alert(1)</script> der NATO. Ende."
    article = Article("x<1>", text, date(2022, 1, 14), "de", "<b>Titel</b>",
                      "javascript:alert(1)")
    event = make_event("x<1>", text, "THREATEN", "RUSGOV", "NATO", "droht", date(2022, 1, 14))
    event.source.text = "<img src=x onerror=alert(1)>"  # type: ignore[union-attr]
    with EventStore(tmp_path / "s.duckdb") as store:
        store.add_coded_article(coded(article, [event]))
        write_report(store.con, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x" in html
    assert "<b>Titel</b>" not in html and "&lt;b&gt;Titel&lt;/b&gt;" in html
    assert "javascript:" not in html


def test_highlight_uses_the_trigger_offsets() -> None:
    text = "Vorher. Moskau droht, und Berlin droht auch."
    second = text.rindex("droht")
    event = {"sentence": "Moskau droht, und Berlin droht auch.", "trigger": "droht",
             "char_start": second, "char_end": second + 5, "article_text": text}
    assert highlight_sentence(event) == "Moskau droht, und Berlin <mark>droht</mark> auch."
    event["article_text"] = ""  # no offsets to trust: first occurrence
    assert highlight_sentence(event) == "Moskau <mark>droht</mark>, und Berlin droht auch."
    event["trigger"] = "fehlt"
    assert highlight_sentence(event) == "Moskau droht, und Berlin droht auch."


def test_png_timeline(db: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "timeline.png"
    assert run_cli(["report", "--db", str(db), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000


def test_bad_report_target(db: Path, tmp_path: Path) -> None:
    with EventStore(db, read_only=True) as store, pytest.raises(StoreError, match="report"):
        write_report(store.con, tmp_path / "report.pdf")


def test_empty_selection_still_renders(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.html"
    assert run_cli(["report", "--db", str(db), "-o", str(out), "--actor", "FRA"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "no events" in html and "No dyads." in html


def test_period_choice_and_ticks() -> None:
    assert choose_bucket(date(2022, 1, 1), date(2022, 3, 1)) == "day"
    assert choose_bucket(date(2022, 1, 1), date(2023, 6, 1)) == "week"
    assert choose_bucket(date(2015, 1, 1), date(2023, 6, 1)) == "month"
    assert nice_step(7) == 2 and nice_step(130) == 50 and nice_step(3) == 1

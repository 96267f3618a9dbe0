"""The HTTP API (`lagebild serve`) on the demo store: every endpoint, filters, pages,
bad parameters, limits, ingest switch and untrusted article text.

The demo store is built once per session by running the real pipeline over examples/;
the coder is tuned in parallel, so counts are checked against the store itself.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from lagebild.ingest import iter_articles  # noqa: E402
from lagebild.pipeline import ExtractOptions, Pipeline  # noqa: E402
from lagebild.schema import Article  # noqa: E402
from lagebild.server import ServerSettings, create_app  # noqa: E402
from lagebild.store import EventStore, ingest_articles  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: an article whose text and title are hostile HTML; it must come back as plain data
MALICIOUS_TEXT = ("Russland droht der Ukraine mit Konsequenzen <img src=x onerror=alert(1)>. "
                  "Die NATO verurteilt Russland scharf <script>alert(1)</script> wegen des "
                  "Aufmarsches.")
MALICIOUS_TITLE = "<img src=x onerror=alert(2)>Drohung <script>alert(3)</script>"
MALICIOUS_ID = "evil-2022-01-20"

_BUILT: dict[str, Path] = {}


def demo_store(tmp_root: Path) -> Path:
    """The demo store (examples/ through the real pipeline), built once per session."""
    if "demo" not in _BUILT:
        path = tmp_root / "demo.duckdb"
        with EventStore(path) as store:
            summary = ingest_articles(store, iter_articles([str(EXAMPLES)]),
                                      Pipeline(ExtractOptions()).process)
        assert summary.articles_failed == 0, summary.problems
        assert summary.events_written > 0
        _BUILT["demo"] = path
    return _BUILT["demo"]


def malicious_article() -> Article:
    """The hostile article of the security tests."""
    return Article(MALICIOUS_ID, MALICIOUS_TEXT, date(2022, 1, 20), "de", MALICIOUS_TITLE,
                   "javascript:alert(4)", "<b>evil source</b>")


def demo_store_with_malicious(tmp_root: Path) -> Path:
    """A copy of the demo store with the hostile article added, built once per session."""
    if "evil" not in _BUILT:
        path = tmp_root / "demo-evil.duckdb"
        shutil.copy(demo_store(tmp_root), path)
        with EventStore(path) as store:
            ingest_articles(store, [malicious_article()], Pipeline(ExtractOptions()).process)
        _BUILT["evil"] = path
    return _BUILT["evil"]


@pytest.fixture(scope="session")
def server_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server")


@pytest.fixture(scope="session")
def demo_db(server_tmp: Path) -> Path:
    return demo_store(server_tmp)


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Any:
    with TestClient(create_app(ServerSettings(db=str(demo_db)))) as test_client:
        yield test_client


def sql(db: Path, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    """Ask the store directly (read-only), to check the API against it."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


COUNTED = "NOT negated AND NOT hypothetical"


def all_events(client: Any, **params: Any) -> list[dict[str, Any]]:
    """Every event the filter selects, page by page."""
    out: list[dict[str, Any]] = []
    while True:
        page = client.get("/api/events", params={**params, "limit": 40,
                                                  "offset": len(out)}).json()
        out.extend(page["events"])
        if not page["events"] or len(out) >= page["total"]:
            return out


# ---- health, events, pages ------------------------------------------------------------


def test_health_reports_the_store_counts(client: Any, demo_db: Path) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["allow_ingest"] is False
    assert body["counts"]["events"] == sql(demo_db, "SELECT count(*) FROM events")[0][0]
    assert body["counts"]["articles"] == sql(demo_db, "SELECT count(*) FROM articles")[0][0]
    assert set(body["counts"]["languages"]) == {"de", "en"}


def test_events_total_counts_the_events_a_consumer_counts(client: Any, demo_db: Path) -> None:
    page = client.get("/api/events", params={"limit": 5}).json()
    assert page["total"] == sql(demo_db, f"SELECT count(*) FROM events WHERE {COUNTED}")[0][0]
    assert len(page["events"]) == 5
    assert not any(e["negated"] or e["hypothetical"] for e in page["events"])
    modal = client.get("/api/events", params={"include_modal": "true", "limit": 0}).json()
    assert modal["total"] == sql(demo_db, "SELECT count(*) FROM events")[0][0]


def test_pages_cover_every_event_once(client: Any) -> None:
    whole = client.get("/api/events", params={"limit": 1000}).json()
    paged = all_events(client)
    assert [e["event_id"] for e in paged] == [e["event_id"] for e in whole["events"]]
    assert len({e["event_id"] for e in paged}) == whole["total"]
    beyond = client.get("/api/events", params={"offset": whole["total"] + 5}).json()
    assert beyond["events"] == [] and beyond["total"] == whole["total"]


def test_records_follow_the_event_contract(client: Any) -> None:
    from lagebild.schema import EVENT_FIELDS

    record = client.get("/api/events", params={"limit": 1}).json()["events"][0]
    assert list(record)[:len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    assert record["day"] is not None or record["date"] is None


@pytest.mark.parametrize(("params", "check"), [
    ({"type": "THREATEN"}, lambda e: e["type"] == "THREATEN"),
    ({"type": "threaten,accuse"}, lambda e: e["type"] in ("THREATEN", "ACCUSE")),
    ({"quad": "4"}, lambda e: e["quad_class"] == 4),
    ({"quad": ["1", "2"]}, lambda e: e["quad_class"] in (1, 2)),
    ({"lang": "en"}, lambda e: e["language"] == "en"),
    ({"actor": "RUS"}, lambda e: "RUS" in (_key(e["source"]), _key(e["target"]))),
    ({"source": "USA"}, lambda e: _key(e["source"]) == "USA"),
    ({"target": "UKR"}, lambda e: _key(e["target"]) == "UKR"),
    ({"dyad": "RUS,UKR"}, lambda e: {_key(e["source"]), _key(e["target"])} == {"RUS", "UKR"}),
    ({"min_confidence": "0.8"}, lambda e: e["confidence"] >= 0.8),
    ({"from": "2022-01-01", "to": "2022-01-31"},
     lambda e: "2022-01-01" <= e["day"] <= "2022-01-31"),
])
def test_filters_select_only_matching_events(client: Any, params: dict[str, Any],
                                             check: Any) -> None:
    events = all_events(client, **params)
    assert events, f"the demo data should hold events for {params}"
    assert all(check(e) for e in events)
    everything = client.get("/api/events", params={"limit": 0}).json()["total"]
    assert len(events) < everything


def _key(actor: dict[str, Any] | None) -> str | None:
    return (actor["country"] or actor["org"]) if actor else None


def test_type_filter_count_matches_the_store(client: Any, demo_db: Path) -> None:
    expected = sql(demo_db, f"SELECT count(*) FROM events WHERE type = 'THREATEN' AND {COUNTED}")
    assert client.get("/api/events", params={"type": "THREATEN"}).json()["total"] == \
        expected[0][0]


def test_text_filter_needs_every_word(client: Any) -> None:
    events = all_events(client, text="NATO")
    assert events and all("nato" in e["sentence"].lower() for e in events)
    assert all_events(client, text="NATO zzzqqq") == []


def test_sorting_orders_the_whole_result(client: Any) -> None:
    desc = all_events(client, sort="-confidence")
    values = [e["confidence"] for e in desc]
    assert values == sorted(values, reverse=True)
    asc = all_events(client, sort="date")
    days = [e["day"] for e in asc if e["day"]]
    assert days == sorted(days)
    assert {e["event_id"] for e in asc} == {e["event_id"] for e in desc}


def test_a_conflict_between_russia_and_ukraine_is_in_the_demo(client: Any) -> None:
    events = all_events(client, dyad="RUS,UKR", quad="3,4")
    assert events, "the seed article's Russian build-up should give RUS-UKR conflict"


# ---- bad parameters -----------------------------------------------------------------


@pytest.mark.parametrize(("path", "params", "status", "parameter"), [
    ("/api/events", {"from": "2022-13-45"}, 400, "from"),
    ("/api/events", {"to": "yesterday"}, 400, "to"),
    ("/api/events", {"type": "BOMB"}, 400, "type"),
    ("/api/events", {"quad": "5"}, 400, "quad"),
    ("/api/events", {"lang": "german!"}, 400, "lang"),
    ("/api/events", {"dyad": "RUS"}, 400, "dyad"),
    ("/api/events", {"sort": "day;DROP--"}, 400, "sort"),
    ("/api/events", {"from": "2022-02-01", "to": "2022-01-01"}, 400, "filter"),
    ("/api/events", {"limit": "-1"}, 422, None),
    ("/api/events", {"limit": "1001"}, 422, None),
    ("/api/events", {"offset": "-3"}, 422, None),
    ("/api/events", {"limit": "ten"}, 422, None),
    ("/api/events", {"min_confidence": "1.5"}, 422, None),
    ("/api/events", {"include_modal": "perhaps"}, 422, None),
    ("/api/aggregates", {"period": "hour"}, 400, "period"),
    ("/api/aggregates", {"by": "colour"}, 400, "by"),
    ("/api/network", {"nodes": "0"}, 422, None),
    ("/api/actors", {"limit": "100000"}, 422, None),
    ("/api/articles", {"from": "soon"}, 400, "from"),
    ("/api/quotes", {"lang": "123"}, 400, "lang"),
])
def test_bad_parameters_get_clear_4xx_json(client: Any, path: str, params: dict[str, str],
                                          status: int, parameter: str | None) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    body = response.json()
    assert isinstance(body["error"], str) and body["error"]
    if parameter:
        assert body["parameter"] == parameter
        assert body["error"].startswith(parameter)


def test_unknown_ids_are_404(client: Any) -> None:
    for path in ("/api/articles/no-such-article", "/api/events/0000000000000000"):
        response = client.get(path)
        assert response.status_code == 404 and "no " in response.json()["error"]


def test_sql_in_parameters_is_only_data(client: Any, demo_db: Path) -> None:
    for value in ("RUS' OR '1'='1", "RUS\") OR 1=1 --", "%", "_"):
        assert client.get("/api/events", params={"actor": value}).json()["total"] == 0
    assert client.get("/api/events", params={"text": "%"}).json()["total"] == 0
    assert sql(demo_db, "SELECT count(*) FROM events")[0][0] > 0


# ---- aggregates, actors, network ------------------------------------------------------


def test_aggregates_sum_to_the_dated_events(client: Any, demo_db: Path) -> None:
    dated = sql(demo_db, f"SELECT count(*) FROM events WHERE day IS NOT NULL AND {COUNTED}")
    for period in ("day", "week", "month"):
        for by in ("none", "quad", "type", "dyad"):
            body = client.get("/api/aggregates", params={"period": period, "by": by}).json()
            assert sum(r["events"] for r in body["rows"]) == dated[0][0], (period, by)
            assert all(period in r for r in body["rows"])


def test_weekly_buckets_start_on_mondays(client: Any) -> None:
    rows = client.get("/api/aggregates", params={"period": "week"}).json()["rows"]
    assert rows and all(date.fromisoformat(r["week"]).weekday() == 0 for r in rows)


def test_actors_are_ranked_by_activity(client: Any) -> None:
    actors = client.get("/api/actors", params={"limit": 10}).json()["actors"]
    counts = [a["events"] for a in actors]
    assert counts == sorted(counts, reverse=True) and len(actors) <= 10
    russia = next(a for a in actors if a["actor"] == "RUS")
    assert russia["kind"] == "country" and "Russia" in russia["label"]
    assert russia["events"] == russia["as_source"] + russia["as_target"]


def test_network_has_an_edge_for_every_dyad_of_the_aggregates(client: Any) -> None:
    network = client.get("/api/network", params={"nodes": 500, "edges": 5000}).json()
    edges = {(e["source_key"], e["target_key"]): e for e in network["edges"]}
    node_ids = {n["actor"] for n in network["nodes"]}
    rows = client.get("/api/aggregates", params={"period": "month", "by": "dyad"}).json()["rows"]
    dyads: dict[tuple[str, str], int] = {}
    for row in rows:
        if row["source_key"] and row["target_key"]:
            pair = (row["source_key"], row["target_key"])
            dyads[pair] = dyads.get(pair, 0) + row["events"]
    assert dyads
    for pair, count in dyads.items():
        assert pair in edges, pair
        assert edges[pair]["events"] >= count  # undated events count in the network only
    assert all(s in node_ids and t in node_ids for s, t in edges)
    assert network["truncated"] is False and network["total_dyads"] == len(edges)
    for edge in edges.values():
        assert edge["events"] == edge["cooperation"] + edge["conflict"]


def test_network_neighbourhood_of_one_actor(client: Any) -> None:
    network = client.get("/api/network", params={"actor": "RUS"}).json()
    assert network["edges"]
    assert all("RUS" in (e["source_key"], e["target_key"]) for e in network["edges"])
    small = client.get("/api/network", params={"nodes": 3}).json()
    assert len(small["nodes"]) == 3


# ---- articles, events by id, quotes -------------------------------------------------


def test_articles_are_listed_and_paged(client: Any, demo_db: Path) -> None:
    body = client.get("/api/articles", params={"limit": 5}).json()
    assert body["total"] == sql(demo_db, "SELECT count(*) FROM articles")[0][0]
    assert len(body["articles"]) == 5 and "text" not in body["articles"][0]
    german = client.get("/api/articles", params={"lang": "de", "limit": 100}).json()
    assert german["articles"] and all(a["language"] == "de" for a in german["articles"])


def test_article_detail_has_text_and_event_spans(client: Any, demo_db: Path) -> None:
    article_id = sql(demo_db, "SELECT article_id FROM events GROUP BY 1 "
                     "ORDER BY count(*) DESC LIMIT 1")[0][0]
    detail = client.get(f"/api/articles/{article_id}").json()
    text = detail["article"]["text"]
    assert detail["events"] and len(detail["events"]) == sql(
        demo_db, "SELECT count(*) FROM events WHERE article_id = ?", [article_id])[0][0]
    for event in detail["events"]:
        assert 0 <= event["char_start"] < event["char_end"] <= len(text)
        assert text[event["char_start"]:event["char_end"]] in event["trigger"]
        start = event["evidence"]["sentence_start"]
        if start is not None:
            assert text[start:start + len(event["sentence"])] == event["sentence"]
    assert all(text[m["char_start"]:m["char_end"]] == m["text"] for m in detail["mentions"])


def test_one_event_with_highlights(client: Any) -> None:
    first = client.get("/api/events", params={"dyad": "RUS,UKR", "limit": 1}).json()["events"][0]
    event = client.get(f"/api/events/{first['event_id']}").json()
    assert event["event_id"] == first["event_id"]
    spans = {s["role"]: s for s in event["evidence"]["spans"]}
    trigger = spans["trigger"]
    assert event["sentence"][trigger["start"]:trigger["end"]] in event["trigger"]
    for side in ("source", "target"):
        if side in spans:
            words = event["sentence"][spans[side]["start"]:spans[side]["end"]]
            assert words and words.lower() in event["sentence"].lower()


def test_events_with_evidence_on_request(client: Any) -> None:
    plain = client.get("/api/events", params={"limit": 3}).json()["events"]
    rich = client.get("/api/events", params={"limit": 3, "evidence": "true"}).json()["events"]
    assert all("evidence" not in e or e["evidence"] is None for e in plain)
    assert all(e["evidence"]["spans"] for e in rich)


def test_quotes_with_speakers(client: Any, demo_db: Path) -> None:
    body = client.get("/api/quotes").json()
    assert body["total"] == sql(demo_db, "SELECT count(*) FROM quotes")[0][0] > 0
    quote = body["quotes"][0]
    assert quote["text"] and quote["article_title"]
    one = client.get("/api/quotes", params={"article": quote["article_id"]}).json()
    assert one["quotes"] and all(q["article_id"] == quote["article_id"] for q in one["quotes"])
    assert client.get("/api/quotes", params={"speaker": "XXX"}).json()["total"] == 0


# ---- extract, ingest, limits ----------------------------------------------------------


def test_extract_codes_text_without_storing_it(client: Any, demo_db: Path) -> None:
    before = client.get("/api/health").json()["counts"]
    response = client.post("/api/extract", json={
        "text": "Russland droht der Ukraine mit Konsequenzen. Die NATO verurteilt Russland.",
        "date": "2022-01-20", "lang": "de"})
    assert response.status_code == 200
    body = response.json()
    assert body["article"]["language"] == "de"
    assert any(e["type"] == "THREATEN" and _key(e["source"]) == "RUS" for e in body["events"])
    assert all(e["evidence"]["spans"] for e in body["events"])
    assert client.get("/api/health").json()["counts"] == before


@pytest.mark.parametrize(("body", "status"), [
    ({"text": "Russland droht.", "lang": "xx"}, 400),
    ({"text": "Russland droht.", "date": "20.01.2022"}, 400),
    ({"text": ""}, 422),
    ({"words": "no text field"}, 422),
    ({"text": "x", "unknown_field": 1}, 422),
])
def test_extract_rejects_bad_bodies(client: Any, body: dict[str, Any], status: int) -> None:
    response = client.post("/api/extract", json=body)
    assert response.status_code == status and response.json()["error"]


def test_bodies_over_the_limit_get_413(client: Any) -> None:
    big = "Russland droht der Ukraine. " * 50_000  # ~1.4 MB
    assert client.post("/api/extract", json={"text": big}).status_code == 413

    def chunks() -> Any:  # no Content-Length: the limit is enforced while reading
        yield b'{"text": "'
        for _ in range(1200):
            yield b"x" * 1024
        yield b'"}'

    response = client.post("/api/extract", content=chunks(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and "larger than" in response.json()["error"]


def test_ingest_is_off_by_default(client: Any, demo_db: Path) -> None:
    before = sql(demo_db, "SELECT count(*) FROM articles")[0][0]
    response = client.post("/api/ingest", json={"articles": [{"text": "Russland droht."}]})
    assert response.status_code == 403 and "--allow-ingest" in response.json()["hint"]
    assert sql(demo_db, "SELECT count(*) FROM articles")[0][0] == before


def test_ingest_stores_articles_when_allowed(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    with TestClient(create_app(ServerSettings(db=str(db), allow_ingest=True))) as live:
        records = [
            {"id": "a", "lang": "de", "date": "2022-01-20", "text": "Russland droht der "
             "Ukraine mit Konsequenzen."},
            {"id": "b", "lang": "en", "date": "2022-01-21", "text": "Russia threatened "
             "Ukraine on Friday."},
            {"id": "c", "text": ""},
        ]
        first = live.post("/api/ingest", json={"articles": records}).json()
        assert first["articles_new"] == 2 and first["inputs_skipped"] == 1
        assert first["events_written"] > 0 and first["problems"]
        assert live.get("/api/articles").json()["total"] == 2
        assert live.get("/api/events").json()["total"] > 0
        again = live.post("/api/ingest", json={"articles": records[:2]}).json()
        assert again["articles_skipped"] == 2 and again["articles_new"] == 0
        too_many = live.post("/api/ingest", json={"articles": [{"text": "x"}] * 201})
        assert too_many.status_code == 422


# ---- schema, dashboard files, security ------------------------------------------------


def test_openapi_documents_every_endpoint(client: Any) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/aggregates", "/api/actors",
                 "/api/network", "/api/articles", "/api/articles/{article_id}",
                 "/api/quotes", "/api/extract", "/api/ingest", "/api/health"):
        assert path in schema["paths"], path
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"from", "to", "actor", "source", "target", "dyad", "type", "quad", "lang", "text",
            "min_confidence", "include_modal", "limit", "offset"} <= names


def test_dashboard_is_served_without_external_assets(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    static = Path(__file__).resolve().parents[1] / "lagebild" / "server" / "static"
    files = [p for p in static.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".js", ".css"}
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, file
        for url in ("http://", "https://", "//cdn"):
            leftovers = text.replace("http://www.w3.org/2000/svg", "")
            assert url not in leftovers, (file, url)
        response = client.get("/static/" + file.relative_to(static).as_posix())
        assert response.status_code == 200


def test_hostile_article_text_comes_back_as_data(server_tmp: Path) -> None:
    db = demo_store_with_malicious(server_tmp)
    with TestClient(create_app(ServerSettings(db=str(db)))) as evil:
        detail = evil.get(f"/api/articles/{MALICIOUS_ID}")
        assert detail.headers["content-type"].startswith("application/json")
        body = detail.json()
        assert body["article"]["text"] == MALICIOUS_TEXT
        assert body["article"]["title"] == MALICIOUS_TITLE
        assert any("<script>" in e["sentence"] for e in body["events"])
        found = evil.get("/api/events", params={"text": "onerror=alert(1)>"}).json()
        assert found["total"] >= 1

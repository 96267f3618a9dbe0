"""Fuzzing the API's parameters from its own OpenAPI schema (hypothesis): whatever a client
sends, every GET endpoint answers 200 with well-formed JSON or a 4xx with a JSON error,
never a 5xx; POST bodies of any shape get the same treatment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
hypothesis = pytest.importorskip("hypothesis")

from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_server_api import demo_store  # noqa: E402

from lagebild.server import ServerSettings, create_app  # noqa: E402

#: values a parameter may get besides random text: valid ones, edge cases, injections
INTERESTING = ["", "RUS", "NATO", "RUS,UKR", "THREATEN", "threaten,ASSAULT", "1", "4", "0",
               "-1", "1001", "2022-01-19", "2022-02-30", "de", "en", "true", "false", "%",
               "_", "'", "\"", "RUS' OR 1=1 --", "<script>alert(1)</script>", "-confidence",
               "day", "week", "dyad", "quad", "1e309", "NaN", "\u0000", "ü" * 30]

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db: Path = demo_store(tmp_path_factory.mktemp("fuzz"))
    with TestClient(create_app(ServerSettings(db=str(db)))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def operations(client: Any) -> list[tuple[str, list[dict[str, Any]]]]:
    """(path, query parameters) of every GET operation in the OpenAPI schema."""
    schema = client.get("/openapi.json").json()
    out = []
    for path, methods in schema["paths"].items():
        if "get" in methods:
            out.append((path, methods["get"].get("parameters", [])))
    assert len(out) >= 9
    return out


def _value(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values for one parameter: from its type, plus the interesting strings."""
    options = [st.sampled_from(INTERESTING), st.text(max_size=40)]
    kinds = {s.get("type") for s in schema.get("anyOf", [schema])}
    if "integer" in kinds:
        options.append(st.integers(min_value=-10**12, max_value=10**12).map(str))
    if "number" in kinds:
        options.append(st.floats(allow_nan=True, allow_infinity=True).map(str))
    if "array" in kinds:
        return st.lists(st.one_of(*options), max_size=4)
    return st.one_of(*options)


@st.composite
def requests(draw: Any, operations: list[tuple[str, list[dict[str, Any]]]]) -> tuple[str, Any]:
    """A GET request: an operation, its path filled in, some of its parameters set."""
    path, parameters = draw(st.sampled_from(operations))
    query: dict[str, Any] = {}
    for parameter in parameters:
        value = draw(_value(parameter.get("schema", {})))
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", str(value).replace("/", "") or "x")
        elif draw(st.booleans()):
            query[parameter["name"]] = value
    return path, query


def _check(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    body = response.json()
    if response.status_code >= 400:
        assert isinstance(body.get("error"), str) and body["error"]
    elif "total" in body:
        rows = next(v for k, v in body.items() if isinstance(v, list))
        assert body["total"] >= len(rows)


def test_get_parameters_never_break_the_server(client: Any, operations: Any) -> None:
    @FUZZ
    @given(request=requests(operations))
    def run(request: tuple[str, Any]) -> None:
        path, query = request
        _check(client.get(path, params=query))

    run()


def test_valid_filters_give_consistent_totals(client: Any) -> None:
    @FUZZ
    @given(type_=st.sampled_from(["", "THREATEN", "ACCUSE", "CONSULT", "MOBILIZE"]),
           actor=st.sampled_from(["", "RUS", "UKR", "USA", "NATO", "DEU"]),
           lang=st.sampled_from(["", "de", "en"]), limit=st.integers(0, 30),
           offset=st.integers(0, 200))
    def run(type_: str, actor: str, lang: str, limit: int, offset: int) -> None:
        params = {"type": type_, "actor": actor, "lang": lang}
        page = client.get("/api/events", params={**params, "limit": limit,
                                                  "offset": offset}).json()
        assert len(page["events"]) == max(0, min(limit, page["total"] - offset))
        for event in page["events"]:
            assert not type_ or event["type"] == type_
            assert not lang or event["language"] == lang
        series = client.get("/api/aggregates", params={**params, "by": "quad"}).json()
        assert sum(r["events"] for r in series["rows"]) <= page["total"]

    run()


def test_post_bodies_never_break_the_server(client: Any) -> None:
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=30),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                     inner, max_size=3),
        max_leaves=8)
    bodies = st.one_of(
        json_values,
        st.fixed_dictionaries({"text": st.text(max_size=200)},
                              optional={"lang": st.sampled_from(INTERESTING),
                                        "date": st.sampled_from(INTERESTING),
                                        "title": st.text(max_size=20)}))

    @FUZZ
    @given(body=bodies, path=st.sampled_from(["/api/extract", "/api/ingest"]))
    def run(body: Any, path: str) -> None:
        _check(client.post(path, json=body))

    run()

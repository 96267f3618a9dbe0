"""The dashboard in a real headless Chromium (Selenium): it loads the demo store, draws the
timeline, network and table with the counts the API reports, opens evidence, keeps its
filters in the URL, and shows hostile article text as text.

Skipped only when no Chromium and chromedriver are installed (`make test` installs
Debian's chromium and chromium-driver). Screenshots go to tests/output/.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse
from urllib.request import urlopen

import pytest

pytest.importorskip("fastapi")
uvicorn = pytest.importorskip("uvicorn")
webdriver_module = pytest.importorskip("selenium.webdriver")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from test_server_api import (  # noqa: E402
    MALICIOUS_ID,
    MALICIOUS_TEXT,
    demo_store_with_malicious,
)

from lagebild.server import ServerSettings, create_app  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "output"
WAIT_SECONDS = 60
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DRIVER_NAMES = ("chromedriver", "chromium-driver")


def _find(names: tuple[str, ...], extra: tuple[str, ...] = ()) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in extra if Path(p).is_file()), None)


CHROMIUM = _find(CHROMIUM_NAMES, ("/usr/lib/chromium/chromium",))
DRIVER = _find(DRIVER_NAMES, ("/usr/lib/chromium/chromedriver",))
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="no chromium/chromedriver found; install them with "
           "`apt-get install chromium chromium-driver` (make test does this)")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server on 127.0.0.1 over the demo store plus one hostile article."""
    db = demo_store_with_malicious(tmp_path_factory.mktemp("browser"))
    app = create_app(ServerSettings(db=str(db)))
    # bind and listen before uvicorn starts: requests queue until it accepts, no polling
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    yield url
    server.should_exit = True
    thread.join(timeout=30)
    sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium driven by Selenium, with a fresh profile and no background traffic."""
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--window-size=1400,1300",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(argument)
    driver = webdriver_module.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_page_load_timeout(WAIT_SECONDS)
    OUTPUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def api(base_url: str, path: str, **params: Any) -> Any:
    """Ask the live server's API directly."""
    query = "?" + urlencode(params, doseq=True) if params else ""
    with urlopen(base_url + path + query, timeout=WAIT_SECONDS) as response:
        return json.load(response)


def wait_ready(driver: Any) -> None:
    """Wait until the page has drawn the state in its current URL."""
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: d.execute_script(
        "return document.documentElement.dataset.ready === 'true' && "
        "document.documentElement.dataset.renderedQuery === window.location.search"))


def open_page(driver: Any, base_url: str, query: str = "") -> None:
    driver.get(base_url + "/" + query)
    wait_ready(driver)


def url_params(driver: Any) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(driver.current_url).query).items()}


def no_alert(driver: Any) -> bool:
    try:
        _ = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def test_dashboard_renders_the_counts_of_the_api(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    page = api(base_url, "/api/events", limit=0)
    assert browser.find_element(By.ID, "event-total").text == str(page["total"])
    rows = browser.find_elements(By.CSS_SELECTOR, "#events-body tr.event-row")
    assert len(rows) == min(page["total"], 50)
    series = api(base_url, "/api/aggregates", period="day", by="quad")
    bars = browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")
    assert sum(int(b.get_attribute("data-count")) for b in bars) == \
        sum(r["events"] for r in series["rows"]) > 0
    network = api(base_url, "/api/network")
    nodes = browser.find_elements(By.CSS_SELECTOR, "#network g.node")
    edges = browser.find_elements(By.CSS_SELECTOR, "#network g.edge")
    assert len(nodes) == len(network["nodes"]) and len(edges) == len(network["edges"])
    assert {n.get_attribute("data-actor") for n in nodes} == \
        {n["actor"] for n in network["nodes"]}
    browser.save_screenshot(str(OUTPUT / "dashboard.png"))


def test_january_2022_edge_lists_its_sentences(browser: Any, base_url: str) -> None:
    january = {"from": "2022-01-01", "to": "2022-01-31"}
    open_page(browser, base_url, "?" + urlencode(january))
    handles = browser.find_elements(By.CSS_SELECTOR, "#network circle.edge-handle")
    assert handles
    pairs = [(h.get_attribute("data-source"), h.get_attribute("data-target")) for h in handles]
    assert ("RUS", "UKR") in pairs or ("UKR", "RUS") in pairs, pairs
    source, target = ("RUS", "UKR") if ("RUS", "UKR") in pairs else ("UKR", "RUS")
    handles[pairs.index((source, target))].click()
    wait_ready(browser)
    assert url_params(browser)["edge"] == f"{source}>{target}"
    expected = api(base_url, "/api/events", source=source, target=target, limit=50, **january)
    shown = browser.find_elements(By.CSS_SELECTOR, "#edge-events .evidence-sentence")
    assert [s.text for s in shown] == [e["sentence"] for e in expected["events"]]
    assert browser.find_element(By.CSS_SELECTOR, "#edge-events .edge-total").text == \
        str(expected["total"])
    assert browser.find_elements(By.CSS_SELECTOR, "#edge-events mark.hl-trigger")
    browser.save_screenshot(str(OUTPUT / "network-edge.png"))


def test_row_opens_its_evidence(browser: Any, base_url: str) -> None:
    open_page(browser, base_url, "?dyad=RUS,UKR")
    first = api(base_url, "/api/events", dyad="RUS,UKR", limit=1)["events"][0]
    row = browser.find_element(By.CSS_SELECTOR, "#events-body tr.event-row")
    assert row.get_attribute("data-event-id") == first["event_id"]
    row.click()
    wait_ready(browser)
    evidence = WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#events-body tr.evidence-row"))
    assert evidence.find_element(By.CSS_SELECTOR, ".evidence-sentence").text == \
        first["sentence"]
    detail = api(base_url, f"/api/events/{first['event_id']}")
    span = next(s for s in detail["evidence"]["spans"] if s["role"] == "trigger")
    assert evidence.find_element(By.CSS_SELECTOR, "mark.hl-trigger").text == \
        first["sentence"][span["start"]:span["end"]]
    link = evidence.find_element(By.CSS_SELECTOR, "a.article-link")
    assert url_params(browser)["event"] == first["event_id"]
    browser.save_screenshot(str(OUTPUT / "table-evidence.png"))
    link.click()
    wait_ready(browser)
    params = url_params(browser)
    assert params["view"] == "article" and params["article"] == first["article_id"]
    assert params["dyad"] == "RUS,UKR"  # the filters travel with the link


def test_article_view_highlights_every_event(browser: Any, base_url: str) -> None:
    article_id = api(base_url, "/api/events", dyad="RUS,UKR", limit=1)["events"][0]["article_id"]
    open_page(browser, base_url, "?" + urlencode({"view": "article", "article": article_id}))
    detail = api(base_url, f"/api/articles/{article_id}")
    text = detail["article"]["text"]
    assert browser.find_element(By.ID, "article-text").text.split() == text.split()
    marks = browser.find_elements(By.CSS_SELECTOR, "#article-text mark.event-span")
    highlighted = {i for m in marks for i in m.get_attribute("data-event-ids").split()}
    assert highlighted == {e["event_id"] for e in detail["events"]}
    items = browser.find_elements(By.CSS_SELECTOR, "#article-events > li")
    assert len(items) == len(detail["events"])
    browser.save_screenshot(str(OUTPUT / "article.png"))
    browser.find_element(By.ID, "back-link").click()
    wait_ready(browser)
    assert browser.find_element(By.ID, "dashboard-view").is_displayed()


def test_filters_live_in_the_url(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    Select(browser.find_element(By.ID, "f-type")).select_by_value("THREATEN")
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: url_params(d).get("type") == "THREATEN")
    wait_ready(browser)
    expected = api(base_url, "/api/events", type="THREATEN", limit=0)["total"]
    assert 0 < expected
    assert browser.find_element(By.ID, "event-total").text == str(expected)
    badges = browser.find_elements(By.CSS_SELECTOR, "#events-body .badge")
    assert badges and {b.text for b in badges} == {"THREATEN"}
    browser.refresh()
    wait_ready(browser)
    assert Select(browser.find_element(By.ID, "f-type")).first_selected_option \
        .get_attribute("value") == "THREATEN"
    assert browser.find_element(By.ID, "event-total").text == str(expected)
    browser.back()
    wait_ready(browser)
    assert "type" not in url_params(browser)


def test_clicking_an_actor_shows_its_neighbourhood(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    browser.find_element(By.CSS_SELECTOR, "#network g.node[data-actor='RUS'] circle").click()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: url_params(d).get("actor") == "RUS")
    wait_ready(browser)
    expected = api(base_url, "/api/events", actor="RUS", limit=0)["total"]
    assert browser.find_element(By.ID, "event-total").text == str(expected)
    edges = browser.find_elements(By.CSS_SELECTOR, "#network g.edge")
    assert edges and all("RUS" in (e.get_attribute("data-source"),
                                   e.get_attribute("data-target")) for e in edges)
    browser.save_screenshot(str(OUTPUT / "network-focus.png"))


def test_brushing_the_timeline_sets_the_date_range(browser: Any, base_url: str) -> None:
    open_page(browser, base_url, "?period=month")
    chart = browser.find_element(By.CSS_SELECTOR, "#timeline svg")
    width = chart.size["width"]
    ActionChains(browser).move_to_element_with_offset(chart, -width // 2 + 45, 0) \
        .click_and_hold().move_by_offset(width // 3, 0).release().perform()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: "from" in url_params(d))
    wait_ready(browser)
    params = url_params(browser)
    assert params["from"] <= params["to"]
    expected = api(base_url, "/api/events", limit=0, **{"from": params["from"],
                                                         "to": params["to"]})["total"]
    assert browser.find_element(By.ID, "event-total").text == str(expected)
    assert browser.find_element(By.CSS_SELECTOR, "#timeline rect.selection")
    browser.save_screenshot(str(OUTPUT / "timeline-brush.png"))


def _confidences(driver: Any) -> list[float]:
    return [float(c.text) for c in
            driver.find_elements(By.CSS_SELECTOR, "#events-body tr.event-row td.num")]


def test_sorting_a_column(browser: Any, base_url: str) -> None:
    open_page(browser, base_url)
    lowest = api(base_url, "/api/events", sort="confidence", limit=1)["events"][0]
    highest = api(base_url, "/api/events", sort="-confidence", limit=1)["events"][0]
    assert lowest["confidence"] < highest["confidence"]
    browser.find_element(By.CSS_SELECTOR, "button[data-sort='confidence']").click()
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: url_params(d).get("sort") == "confidence")
    wait_ready(browser)
    ascending = _confidences(browser)
    assert ascending == sorted(ascending) and ascending[0] == round(lowest["confidence"], 2)
    browser.find_element(By.CSS_SELECTOR, "button[data-sort='confidence']").click()
    WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: url_params(d).get("sort") == "-confidence")
    wait_ready(browser)
    descending = _confidences(browser)
    assert descending == sorted(descending, reverse=True)
    assert descending[0] == round(highest["confidence"], 2)


def test_hostile_article_is_shown_as_text(browser: Any, base_url: str) -> None:
    open_page(browser, base_url, "?" + urlencode({"view": "article", "article": MALICIOUS_ID}))
    assert browser.find_element(By.ID, "article-text").text == MALICIOUS_TEXT
    assert "<img src=x" in browser.find_element(By.ID, "article-title").text
    assert browser.find_elements(By.CSS_SELECTOR, "img[src='x']") == []
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1  # our own module
    assert no_alert(browser)
    browser.save_screenshot(str(OUTPUT / "article-hostile.png"))
    open_page(browser, base_url, "?" + urlencode({"text": "onerror=alert(1)>"}))
    row = browser.find_element(By.CSS_SELECTOR, "#events-body tr.event-row")
    row.click()
    wait_ready(browser)
    sentence = WebDriverWait(browser, WAIT_SECONDS).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "tr.evidence-row .evidence-sentence"))
    assert "<img src=x onerror=alert(1)>" in sentence.text
    assert browser.find_elements(By.CSS_SELECTOR, "img[src='x']") == []
    assert no_alert(browser)

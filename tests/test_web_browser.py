"""The web interface in a real browser: Debian's Chromium driven by Playwright.

Open the timeline, click the meeting two outlets reported, click a source, and land on the
article with the evidence sentence highlighted; open the article whose text holds a script
tag and see it as text, with no dialog. Screenshots go to the test's temporary folder.

Chromium is Debian's (/usr/bin/chromium, installed by scripts/ensure-chromium.sh, which
`make test` runs); Playwright's own browser downloads are never used. Without it the tests
skip, except under CI=true, where they must run.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from tests.web_store import SCRIPT, build_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HIGHLIGHT = "rgb(255, 213, 79)"  # .m-evidence:target in static/style.css


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real app under Uvicorn on a free loopback port, in a thread."""
    import uvicorn

    from newsgraph.web import create_app

    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("/usr/bin/chromium is missing under CI (scripts/ensure-chromium.sh)")
        pytest.skip("Debian's chromium not installed (run scripts/ensure-chromium.sh)")
    folder = tmp_path_factory.mktemp("browser")
    url = build_store(f"sqlite:///{folder / 'store.db'}", folder / "articles")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    web = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=web.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not web.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    web.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True,
            args=ARGS, viewport={"width": 1280, "height": 900})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def test_timeline_to_event_to_source_lands_on_the_highlighted_evidence(server, page,
                                                                       tmp_path):
    import httpx

    page.goto(server + "/")
    assert page.title().startswith("Timeline")
    row = page.locator("table.events tbody tr", has_text="Valdora")
    assert row.locator("td.num").all_inner_texts() == ["2", "2"]  # sources, outlets
    page.screenshot(path=tmp_path / "1-timeline.png", full_page=True)

    row.locator("a.event").click()
    page.wait_for_url("**/events/V*")
    assert page.locator("table.sources tbody tr").count() == 2
    event = httpx.get(page.url + ".json").json()
    page.screenshot(path=tmp_path / "2-event.png", full_page=True)

    source = next(s for s in event["sources"] if s["article"]["outlet"] == "Coastal Wire")
    page.locator("a.source", has_text="Coastal Wire").click()
    page.wait_for_url(f"**/articles/{source['article']['id']}#ev-{source['event_local_id']}")
    target = page.locator(":target")
    assert target.count() == 1
    assert target.inner_text().strip() == source["sentence"]["text"].strip()
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    trigger = target.locator(".m-event").first
    assert trigger.inner_text() == source["trigger"]["text"]
    page.screenshot(path=tmp_path / "3-article.png", full_page=True)
    assert all((tmp_path / f).stat().st_size > 10_000
               for f in ("1-timeline.png", "2-event.png", "3-article.png"))


def test_a_script_in_an_article_is_text_and_never_runs(server, page, tmp_path):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/articles")
    page.locator("a", has_text="A strange comment").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("article.text").inner_text().count(SCRIPT) == 1
    assert page.locator("script").count() == 0
    page.screenshot(path=tmp_path / "4-script-as-text.png", full_page=True)
    page.goto(server + "/search?q=" + "%3Cscript%3E")
    assert page.locator("script").count() == 0
    assert dialogs == []


def test_pictures_render(server, page, tmp_path):
    page.goto(server + "/charts")
    assert page.locator("svg").count() == 2
    assert page.locator("svg a", has_text="Ilse Varga").count() == 1
    page.screenshot(path=tmp_path / "5-charts.png", full_page=True)

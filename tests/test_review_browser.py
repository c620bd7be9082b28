"""End to end in headless Chromium: keyboard review, an edit, persistence, and no script injection.

Uses Debian's /usr/bin/chromium driven by Playwright; the app runs under uvicorn on 127.0.0.1 in a
thread. Screenshots go to artifacts/ (git-ignored).
"""
from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium "
                                       "(apt-get install -y chromium)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    import uvicorn

    from pipeline.review.app import create_app
    from tests.review_sample import build_store

    db = tmp_path / "review.db"
    build_store(db).close()
    port = _free_port()
    config = uvicorn.Config(create_app(db, "browser-test"), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("review server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", db
    finally:
        uvicorn_server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def page():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        opened = context.new_page()
        opened.dialogs = []
        opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        opened.errors = []
        opened.on("pageerror", lambda error: opened.errors.append(str(error)))
        try:
            yield opened
        finally:
            browser.close()


def _status_of(page, fact_id: str) -> str:
    return page.locator(f'article[data-fact-id="{fact_id}"] [data-status]').text_content()


def test_keyboard_review_edit_and_reload(server, page):
    base, db = server
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(base + "/")
    page.wait_for_selector("article.fact.current")
    ids = page.locator("article.fact").evaluate_all("cards => cards.map(c => c.dataset.factId)")
    assert len(ids) == 8

    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.locator("article.fact.current").get_attribute("data-fact-id") == ids[2]
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert page.locator("article.fact.current").get_attribute("data-fact-id") == ids[0]

    for key, expected, fact in (("a", "accepted", ids[0]), ("r", "rejected", ids[1]),
                                ("a", "accepted", ids[2])):
        page.keyboard.press(key)
        page.wait_for_function(
            "([id, status]) => document.querySelector(`article[data-fact-id=\"${id}\"] [data-status]`)"
            ".textContent === status", arg=[fact, expected])
    assert page.locator("article.fact.current").get_attribute("data-fact-id") == ids[3]
    page.screenshot(path=str(ARTIFACTS / "review-queue-after-keyboard.png"), full_page=True)

    page.keyboard.press("e")
    edit = page.locator(f'article[data-fact-id="{ids[3]}"] details.edit')
    assert edit.get_attribute("open") is not None
    edit.locator('select[name="role"]').select_option("deputy_leader")
    edit.locator('input[name="note"]').fill("page 2 names him as deputy")
    with page.expect_navigation():
        edit.locator('input[name="note"]').press("Enter")
    page.wait_for_selector("article.fact.current")
    assert page.locator("article.fact.current").get_attribute("data-fact-id") == ids[3]

    page.goto(base + "/?status=all")
    page.reload()
    assert _status_of(page, ids[0]) == "accepted"
    assert _status_of(page, ids[1]) == "rejected"
    assert _status_of(page, ids[2]) == "accepted"
    edited = page.locator(f'article[data-fact-id="{ids[3]}"]')
    assert edited.locator(".role").inner_text() == "deputy_leader"
    assert edited.locator(".flag.edited").count() == 1
    page.screenshot(path=str(ARTIFACTS / "review-queue-reloaded.png"), full_page=True)
    page.goto(f"{base}/facts/{ids[3]}")
    assert "page 2 names him as deputy" in page.locator("section.history").inner_text()
    page.screenshot(path=str(ARTIFACTS / "review-fact-history.png"), full_page=True)

    from pipeline.store import open_store
    with open_store(db) as store:
        assert [store.get_fact(int(i)).status for i in ids[:4]] == \
            ["accepted", "rejected", "accepted", "pending"]
        assert store.get_fact(int(ids[3])).role == "deputy_leader"
        assert store.fact_history(int(ids[3]))[-1]["note"] == "page 2 names him as deputy"
    assert page.errors == []


def test_moving_past_the_last_card_reloads_a_queue_that_shrank(server, page):
    base, _ = server
    page.goto(base + "/")
    page.wait_for_selector("article.fact.current")
    first = page.locator("article.fact.current").get_attribute("data-fact-id")
    page.keyboard.press("a")
    page.wait_for_selector(f'article[data-fact-id="{first}"].reviewed')
    for _ in range(page.locator("article.fact").count() - 2):
        page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("j")
    page.wait_for_selector("article.fact.current")
    assert page.locator("article.fact").count() == 7
    assert page.locator(f'article[data-fact-id="{first}"]').count() == 0


def test_hostile_evidence_stays_text_and_never_runs(server, page):
    base, _ = server
    page.goto(base + "/?status=all&q=joined+the+reform")
    card = page.locator("article.fact").first
    evidence = card.locator("blockquote.evidence").inner_text()
    assert "<script>alert(1)</script>" in evidence and "<img src=x onerror=alert(3)>" in evidence
    assert card.locator("blockquote.evidence script, blockquote.evidence img, "
                        "blockquote.evidence b").count() == 0
    assert "<script>" in card.locator(".source").inner_text()
    card.locator("blockquote.evidence").hover()
    page.goto(base + "/facts/" + card.get_attribute("data-fact-id") + "/context")
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    assert page.dialogs == [] and page.errors == []
    assert page.evaluate("document.scripts.length") == 1
    page.screenshot(path=str(ARTIFACTS / "review-hostile-context.png"), full_page=True)


def test_help_and_pages_render(server, page):
    base, _ = server
    page.goto(base + "/")
    page.wait_for_selector("article.fact.current")
    page.keyboard.press("?")
    assert page.locator("dialog#help").is_visible()
    page.keyboard.press("Escape")
    page.goto(base + "/groups/1")
    assert re.search("Timeline", page.content())
    page.screenshot(path=str(ARTIFACTS / "review-group.png"), full_page=True)
    assert page.errors == []


def test_timeline_chart_loads_as_an_image_without_policy_errors(server, page):
    from pipeline.store import open_store
    from tests.review_sample import fact_id

    base, db = server
    with open_store(db) as store:
        head = fact_id(store, "heads the Central")
        store.set_status(head, "accepted", "browser-test")
        group = store.get_fact(head).group_id
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(base + f"/groups/{group}")
    chart = page.locator("figure.timeline-chart img")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    assert chart.evaluate("img => img.naturalWidth") > 300
    page.screenshot(path=str(ARTIFACTS / "review-group-chart.png"), full_page=True)
    assert refused == [] and page.errors == []

"""Every graph page and the home page in a real headless Chromium, served by the real API on loopback,
with every request that would leave 127.0.0.1 blocked and recorded.

Asserts: the vis network holds the nodes the view data says, no console errors, no request left loopback,
a hostile case renders as text (no dialog fires). Screenshots go to tests/artifacts/. Without Chromium
the tests skip visibly — unless DJKG_REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from djkg.graph.sqlite_store import SqliteStore
from djkg.ingest.pipeline import ingest_docs, ingest_paths
from djkg.ingest.readers import RawDoc
from djkg.viz import views as V

from conftest import CORPUS, djkg_server

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
HOSTILE_TITLE = "<script>alert('xss')</script>合作社"
HOSTILE_UNIT = "<img src=x onerror=alert(1)>村党支部"
HOSTILE_TEXT = ("一、问题\n某村集体经济薄弱，土地撂荒。</script><script>alert(2)</script>\n二、做法\n"
                "村党支部领办合作社，群众以土地入股。\n三、成效\n村集体收入由3万元提高到30万元。")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("DJKG_REQUIRE_BROWSER") == "1":
            pytest.fail("DJKG_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)")
        pytest.skip("no chromium on PATH (apt-get install chromium); browser tests skipped")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base url, store) — the shipped corpus plus a hostile case, served by `djkg serve` on loopback."""
    data = tmp_path_factory.mktemp("browser")
    store = SqliteStore(data / "djkg.sqlite3")
    ingest_paths([CORPUS], store)
    ingest_docs([RawDoc(source="hostile.md", text=HOSTILE_TEXT,
                        meta={"id": "hostile", "title": HOSTILE_TITLE, "unit": HOSTILE_UNIT,
                              "region": "山东省烟台市栖霞市", "industry": "农村", "model": "党支部领办合作社",
                              "source": "测试 / test"})], store)
    try:
        with djkg_server(data) as base:
            yield base, store
    finally:
        store.close()


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=ARGS)
        yield b
        b.close()


class Visit:
    """One page load with its console errors, dialogs and every request the page tried to make."""

    def __init__(self, browser, url: str, name: str):
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(url)
        self.name = name

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def settled_nodes(self) -> int:
        # a selector, not wait_for_function: Playwright polls a function with eval, which the pages' CSP forbids
        # (the wait failed whenever the page had not settled at the first check)
        self.page.wait_for_selector("body[data-settled='1']", state="attached", timeout=30000)
        return int(self.page.evaluate("window.djkgNodes.length"))

    def finish(self) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{self.name}.png"))
        assert not self.console, self.console
        assert not self.outside, self.outside
        assert not self.dialogs, self.dialogs
        self.page.close()


def test_graph_pages_render_offline_with_the_expected_nodes(site, browser):
    base, store = site
    from djkg.queries.index import model_index
    from djkg.queries.models import list_models
    model = list_models(model_index(store))[0].id
    pages = {
        "overview": ("/views/overview", V.overview_view(store)),
        "model": (f"/views/model/{quote(model)}", V.model_view(store, model)),
        "case": ("/views/case/case:c1-anshun-tangyue", V.case_view(store, "case:c1-anshun-tangyue")),
        "region": (f"/views/region/{quote('山东省')}", V.region_view(store, "山东省")),
    }
    for name, (path, view) in pages.items():
        v = Visit(browser, base + path, name)
        assert v.settled_nodes() == len(view.nodes) > 3, name
        assert view.title in v.page.title()
        v.finish()


def test_recommendation_explanation_highlights_paths(site, browser):
    base, _ = site
    v = Visit(browser, base + "/views/recommend?region=" + quote("栖霞") + "&industry=" + quote("农村")
              + "&problems=" + quote("村集体经济薄弱，土地撂荒"), "recommend")
    assert v.settled_nodes() > 3
    red = v.page.evaluate("window.djkgEdges.get().filter(function (e) { return e.color === '#d62728'; }).length")
    assert red >= 2
    assert "党支部领办合作社" in v.page.inner_text("body")
    v.finish()


def hover_tooltip(v: Visit, node_id: str) -> str:
    """Moves the mouse onto a node of the settled network and returns its tooltip's text."""
    v.page.evaluate("(id) => window.djkgNetwork.focus(id, {scale: 1.5, animation: false})", node_id)
    at = v.page.evaluate("""(id) => {
        const d = window.djkgNetwork.canvasToDOM(window.djkgNetwork.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return {x: r.left + d.x, y: r.top + d.y}; }""", node_id)
    v.page.mouse.move(at["x"] - 40, at["y"] - 40)
    v.page.mouse.move(at["x"], at["y"], steps=5)
    tip = v.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10000)
    return tip.inner_text()


def test_hostile_case_is_text_everywhere(site, browser):
    base, store = site
    model_view = V.model_view(store, "model:branch-led-cooperative")
    assert "case:hostile" in {n.id for n in model_view.nodes}, "the model page no longer shows the hostile case"
    for name, path in (("hostile-case", "/views/case/case:hostile"),
                       ("hostile-model", "/views/model/model:branch-led-cooperative"),
                       ("hostile-home", "/?q=" + quote("alert('xss')"))):
        v = Visit(browser, base + path, name)
        if name == "hostile-home":
            assert "alert('xss')" in v.page.inner_text("body")
        else:
            v.settled_nodes()
            labels = v.page.evaluate("window.djkgNodes.get().map(function (n) { return n.full; })")
            assert HOSTILE_TITLE in labels, name
            tip = hover_tooltip(v, "case:hostile")
            assert HOSTILE_TITLE in tip, (name, tip)                 # the markup is shown as text …
            assert v.page.evaluate("document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length") == 0
        if name == "hostile-case":
            assert HOSTILE_TITLE in v.page.inner_text("h1")
        # no element was injected: the only <img> / <script> elements are our own
        assert v.page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
        v.finish()


def test_home_page_form_ranks_models_and_links_to_the_explanation(site, browser):
    base, _ = site
    v = Visit(browser, base + "/", "home")
    v.page.fill("input[name=region]", "山东省烟台市栖霞市")
    v.page.select_option("select[name=industry]", "农村")
    v.page.fill("textarea[name=problems]", "村集体经济薄弱\n年轻人外出，土地撂荒")
    with v.page.expect_navigation():
        v.page.click("form#profile button[type=submit]")
    body = v.page.inner_text("body")
    assert "党支部领办合作社" in body and "得分" in body
    with v.page.expect_navigation():
        v.page.click("a[href^='/views/recommend']")
    assert v.settled_nodes() > 3
    v.finish()

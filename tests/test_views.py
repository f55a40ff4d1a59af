"""Graph pages as HTML text: self-contained, escaped for every context, capped with a visible count."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph.sqlite_store import SqliteStore
from djkg.viz import views as V
from djkg.viz import pages

from conftest import build_case

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\u2028标题"


@pytest.fixture
def store(tmp_path):
    s = SqliteStore(tmp_path / "djkg.sqlite3")
    s.upsert_case(build_case("evil", title=HOSTILE, text=HOSTILE))
    for i in range(5):
        s.upsert_case(build_case(f"c{i}", problems=(f"p{i}", "weak-collective-economy")))
    yield s
    s.close()


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="djkg-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_pages_load_nothing_from_outside(store):
    for links in (True, False):
        for html in (pages.render_overview(store, links=links),
                     pages.render_model(store, "model:branch-led-cooperative", links=links),
                     pages.render_case(store, "case:evil", links=links), pages.render_region(store, "栖霞市", links=links)):
            assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
            assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", html)
            for cdn in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "tom-select", "googleapis"):
                assert cdn not in html, cdn
            if links:   # served: scripts from this server only, no inline script
                assert re.search(r'<script src="/static/vis-network\.min\.js\?v=\w+">', html)
                assert "<script>" not in html
            else:       # a file: everything inline
                assert "vis.Network" in html and "<style>" in html and not re.search(r'(?:src|href)="/static', html)


def test_hostile_strings_cannot_end_the_script_block_or_add_markup(store):
    html = pages.render_case(store, "case:evil")
    # the hostile script never opens: neither in page text nor inside the JSON data block
    assert "<script>alert(1)" not in html and "</script><script>alert" not in html
    assert "<img src=x" not in html
    block = re.search(r'id="djkg-data">(.*?)</script>', html, re.S).group(1)
    assert "\u2028" not in block and "<" not in block  # line separators and tags only as \uXXXX escapes
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html          # HTML-escaped page text
    nodes = _data(html)["nodes"]
    assert any(n.get("full") == HOSTILE for n in nodes)            # … and intact as data
    from djkg.viz.site import static_text
    script = static_text("graph.js")
    assert "textContent" in script and "innerHTML" not in script


def test_views_match_their_view_data_and_cap_visibly(store):
    data = _data(pages.render_overview(store))
    view = V.overview_view(store)
    assert len(data["nodes"]) == len(view.nodes)
    capped = V.overview_view(store, cap=2)
    assert capped.capped and any("显示 2 / 共" in c.text for c in capped.counts)
    assert "显示 2 / 共" in pages.render(capped)


def test_unknown_ids_are_404_pages_and_bad_params_4xx(store, tmp_path):
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        for path in ("/views/model/model:nope", "/views/case/x", "/views/region/火星"):
            r = c.get(path)
            assert r.status_code == 404 and "未找到" in r.text and "not found" not in r.text.lower()   # pages say it in Chinese only
        r = c.get("/views/overview")
        assert r.status_code == 200 and "default-src 'none'" in r.headers["content-security-policy"]
        assert c.get("/views/recommend", params={"top_k": 0}).status_code == 422
        assert c.get("/views/recommend", params={"region": "火星"}).status_code == 400
        r = c.get("/views/recommend", params={"region": "栖霞", "problems": ["村集体经济薄弱"]})
        assert r.status_code == 200 and "推荐解释图" in r.text


def _store_support(store, src: str, type_: str, dst: str) -> int:
    return next(int(e.props["support"]) for e in store.edges_of(src, types=(type_,), direction="out") if e.dst == dst)


def _aggregates_as_stored(store, view) -> None:
    """Every USES / ADDRESSES edge a view draws carries the support the store counts, and every such stored edge
    between two drawn nodes is drawn (the views read them from the model index, not from the store's edge rows)."""
    drawn = {n.id for n in view.nodes}
    shown = {(e.src, e.type, e.dst): e.weight for e in view.edges if e.type in ("USES", "ADDRESSES")}
    for (src, type_, dst), weight in shown.items():
        assert weight == _store_support(store, src, type_, dst)
    stored = {(e.src, e.type, e.dst) for n in drawn if n.startswith("measure:")
              for e in store.edges_of(n, types=("USES", "ADDRESSES"), direction="both")
              if e.src in drawn and e.dst in drawn}
    if view.kind == "model":    # a model page draws its own USES edges and its measures' ADDRESSES edges
        stored = {k for k in stored if k[1] == "ADDRESSES" or k[0] == view.focus}
    assert set(shown) == stored


def _overview_as_stored(store, view) -> None:
    """The overview's model → problem counts are the cases of the model that face the problem, as stored."""
    links = {(e.src, e.dst): e.weight for e in view.edges if e.type == "CASES"}
    models = [n.id for n in view.nodes if n.label == "Model"]
    problems = {n.id for n in view.nodes if n.label == "Problem"}
    expected = {}
    for m in models:
        for i in store.edges_of(m, types=("INSTANCE_OF",), direction="in"):
            for f in store.edges_of(i.src, types=("FACES",), direction="out"):
                if f.dst in problems:
                    expected[(m, f.dst)] = expected.get((m, f.dst), 0) + 1
    assert links == expected and links


def test_graph_pages_draw_the_stored_aggregates_before_and_after_a_write(store_factory):
    """Model, case and overview pages take support and case counts from the per-revision model index; they equal
    the store's own counts on both backends, and still do after a real write changes them."""
    store = store_factory()
    for i in range(4):
        store.upsert_case(build_case(f"a{i}", problems=("weak-collective-economy", f"p{i % 2}"),
                                     measures=("branch-led-cooperative", f"m{i % 3}")))
    store.upsert_case(build_case("b0", problems=("p1",), measures=("m2",), model="m-two"))
    store.upsert_case(build_case("n0", problems=("p0",), measures=("m1",), model=None))

    def check():
        for model in ("model:branch-led-cooperative", "model:m-two"):
            _aggregates_as_stored(store, V.model_view(store, model))
        for case in ("case:a0", "case:a1", "case:b0", "case:n0"):
            _aggregates_as_stored(store, V.case_view(store, case))
        _overview_as_stored(store, V.overview_view(store))

    check()
    before = pages.render_model(store, "model:branch-led-cooperative")
    # a write that adds support to existing edges, a new ADDRESSES edge and a second model using a measure
    store.upsert_case(build_case("b1", problems=("p0", "weak-collective-economy"),
                                 measures=("branch-led-cooperative", "m2"), model="m-two"))
    store.upsert_case(build_case("a4", problems=("p1",), measures=("m1",)))
    check()
    after = pages.render_model(store, "model:branch-led-cooperative")
    assert after != before
    uses = [e for e in _data(after)["edges"] if e["etype"] == "USES" and e["to"] == "measure:m1"]
    assert uses[0]["title"].endswith("支持案例数：2")   # a1, then a4

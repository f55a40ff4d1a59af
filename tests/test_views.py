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

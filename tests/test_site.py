"""The site layout: every page extends base.html, carries the security headers, loads only /static assets, and
answers browsers with an HTML 404 while API clients keep JSON."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph.sqlite_store import SqliteStore
from djkg.viz.site import CSP, NAV, render_page

from conftest import build_case

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def client(tmp_path):
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    store.upsert_case(build_case("c1"))
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        yield c
    store.close()


def test_layout_has_the_plain_chinese_nav_and_no_outside_url():
    html = render_page("error.html", title="标题", heading="标题", message="说明")
    for _href, words, _key in NAV:
        assert words in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<script>" not in html          # served pages run no inline script (the policy forbids it)
    inline = render_page("error.html", inline=True, title="标题", heading="标题", message="说明")
    assert "href=\"/static/" not in inline and "<style>" in inline and "Content-Security-Policy" in inline


def test_pages_carry_the_security_headers_and_the_stylesheet_is_served(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CSP and "frame-ancestors 'none'" in CSP
    assert "http" not in CSP and "*" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    css = re.search(r'href="(/static/site\.css\?v=\w+)"', r.text).group(1)
    s = client.get(css)
    assert s.status_code == 200 and s.headers["content-type"].startswith("text/css")
    assert "@media print" in s.text and "@media (max-width" in s.text and "url(" not in s.text
    assert client.get("/static/..%2Fsite.py").status_code == 404
    assert client.get("/static/vis-network.min.js").status_code == 200


def test_unknown_urls_are_a_page_for_browsers_and_json_for_api_clients(client):
    r = client.get("/no/such/page", headers=BROWSER)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "没有找到这个页面" in r.text and r.headers["content-security-policy"] == CSP
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.json()["detail"]["zh"]
    r = client.get("/api/v1/nothing", headers=BROWSER)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


def test_bad_parameters_are_a_page_for_browsers(client):
    r = client.get("/cases?page=0", headers=BROWSER)
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html") and "参数不正确" in r.text
    r = client.get("/api/v1/cases?limit=0", headers=BROWSER)
    assert r.status_code == 422 and r.json()["detail"]["en"]

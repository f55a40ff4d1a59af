"""Route-level guarantees, enumerated from the app's own routes, so a route added later is held to them
without editing this file:

- every write route (POST/PUT/PATCH/DELETE under /api/) refuses a request without a key (401) or with a
  wrong one (403), and refuses every request when the server has no key (403) — and the store is unchanged;
- every GET route that answers HTML escapes markup put in any of its path or query parameters (the 404 and
  400 pages included), and so does the app's own 404 for a path no route matches.

The only non-GET routes under /api/ that need no key are listed in READ_ONLY, and a test checks that each
of them really writes nothing.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph.sqlite_store import SqliteStore

from conftest import build_case

KEY = "route-key-0123456789abcdef"
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
READ_ONLY = {("POST", "/api/v1/recommendations"): {"region": "栖霞", "industry": "农村", "problems": ["集体经济薄弱"]}}

# Markup for each context a parameter may be echoed into: element text, a double- or single-quoted
# attribute, a <title>/<script> block. Path values carry no "/" (it would change the route).
PATH_MARKUP = "\"'><img src=x onerror=alert(1)>"
QUERY_MARKUP = ["\"'><img src=x onerror=alert(1)>", "</title></script><script>alert(2)</script>"]
RAW = re.compile(r"<img src=x|<script>alert\(2\)")

_DIR = Path(tempfile.mkdtemp(prefix="djkg-routes-"))
atexit.register(shutil.rmtree, _DIR, True)
_STORE = SqliteStore(_DIR / "djkg.sqlite3")
for _k in ("a", "b"):
    _STORE.upsert_case(build_case(_k, title=f"衣家村合作社 {_k}"))
APP = create_app(Settings(data_dir=_DIR, api_key=KEY), store=_STORE)
OPENAPI = APP.openapi()


def routes() -> list[tuple[str, str]]:
    """(METHOD, path template) of every operation the app serves, from its OpenAPI document (the public
    contract; a route hidden from it fails test_no_route_is_hidden_from_the_openapi_document)."""
    return sorted((m.upper(), path) for path, ops in OPENAPI["paths"].items() for m in ops
                  if m in ("get", "post", "put", "patch", "delete"))


def _api_routes(items) -> list[APIRoute]:
    """Every APIRoute, also inside included routers (whichever way this FastAPI version nests them)."""
    found = []
    for r in items:
        if isinstance(r, APIRoute):
            found.append(r)
        for inner in (getattr(r, "original_router", None), getattr(r, "app", None)):
            if inner is not None and hasattr(inner, "routes") and inner is not r:
                found += _api_routes(inner.routes)
    return found


def params(method: str, path: str) -> list[tuple[str, str, dict]]:
    """(in, name, schema) of a route's path and query parameters, from the OpenAPI document."""
    op = OPENAPI["paths"][path][method.lower()]
    return [(p["in"], p["name"], p.get("schema") or {}) for p in op.get("parameters", [])
            if p["in"] in ("path", "query")]


def fill(method: str, path: str, overrides: dict[tuple[str, str], str] | None = None) -> tuple[str, dict]:
    """A concrete URL path and query for the route: required parameters get a plain value, unless
    ``overrides`` names a value for (in, name)."""
    overrides = overrides or {}
    query: dict[str, str] = {}
    for where, name, schema in params(method, path):
        value = overrides.get((where, name))
        if where == "path":
            path = re.sub(r"{" + name + r"(?::\w+)?}", (value or "x").replace("/", "%2F"), path)
        elif value is not None:
            query[name] = value
        elif schema.get("type") == "string" and name in _required(method, path, name):
            query[name] = "合作社"
    return path, query


def _required(method: str, path: str, name: str) -> set[str]:
    op = OPENAPI["paths"].get(path, {}).get(method.lower()) or {}
    return {p["name"] for p in op.get("parameters", []) if p.get("required")}


def write_routes() -> list[tuple[str, str]]:
    return [(m, p) for m, p in routes() if m in WRITE_METHODS and p.startswith("/api/") and (m, p) not in READ_ONLY]


def body_for(method: str, path: str) -> dict:
    """A request body of the kind the route takes (a form with a small file, or a JSON object)."""
    op = OPENAPI["paths"].get(path, {}).get(method.lower()) or {}
    content = (op.get("requestBody") or {}).get("content", {})
    if "multipart/form-data" in content:
        return {"files": {"file": ("a.md", "---\ntitle: 未经授权\n---\n村集体经济薄弱。".encode(), "text/markdown")}}
    if "application/json" in content:
        return {"json": {"title": "未经授权", "text": "一、面临问题\n村集体经济薄弱。"}}
    return {}


@pytest.fixture(scope="module")
def client():
    with TestClient(APP) as c:
        yield c


def bilingual(resp) -> dict:
    detail = resp.json()["detail"]
    assert detail["zh"] and detail["en"] and " / " in detail["message"]
    return detail


def test_the_enumeration_finds_the_routes_it_must():
    """Guards against an enumeration that finds nothing (and so checks nothing)."""
    assert {("POST", "/api/v1/cases"), ("POST", "/api/v1/cases/upload")} <= set(write_routes())
    assert {("GET", "/"), ("GET", "/views/case/{case_id}"), ("GET", "/views/recommend")} <= set(routes())


# serving the interactive docs and the fixed list of static files: no page content, nothing of a case echoed
HIDDEN = {"/docs", "/docs/oauth2-redirect", "/redoc", "/docs-assets/redoc-offline.js", "/static/{name}"}


def test_no_route_is_hidden_from_the_openapi_document():
    found = [r for r in _api_routes(APP.routes) if r.path not in HIDDEN]
    assert sum(len(r.methods - {"HEAD", "OPTIONS"}) for r in found) == len(routes())
    assert [r.path for r in found if not r.include_in_schema] == []
    assert {r.path for r in _api_routes(APP.routes) if not r.include_in_schema} == HIDDEN


def test_static_files_are_a_fixed_list_and_an_unknown_name_echoes_nothing(client):
    r = client.get("/static/" + PATH_MARKUP.replace("/", ""), headers={"Accept": "text/html"})
    assert r.status_code == 404 and not RAW.search(r.text)
    r = client.get("/static/" + PATH_MARKUP.replace("/", ""))     # an API client gets JSON, never HTML
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert client.get("/static/site.css").status_code == 200


WRITE_IDS = [f"{m} {p}" for m, p in write_routes()]


@pytest.mark.parametrize("method,path", write_routes(), ids=WRITE_IDS)
def test_every_write_route_needs_the_key(client, method, path):
    url, query = fill(method, path, {("path", n): "case:a" for _, n, _ in params(method, path)})
    revision = _STORE.revision()
    for headers, status in (({}, 401), ({"X-API-Key": "wrong"}, 403), ({"Authorization": "Bearer wrong"}, 403)):
        r = client.request(method, url, params=query, headers=headers, **body_for(method, path))
        assert r.status_code == status, (method, url, headers, r.status_code, r.text[:300])
        assert "密钥" in bilingual(r)["zh"] and KEY not in r.text
    assert client.request(method, url, params=query, **body_for(method, path)).headers.get("www-authenticate")
    assert _STORE.revision() == revision


@pytest.mark.parametrize("method,path", write_routes(), ids=WRITE_IDS)
def test_every_write_route_is_closed_when_the_server_has_no_key(method, path):
    revision = _STORE.revision()
    url, query = fill(method, path, {("path", n): "case:a" for _, n, _ in params(method, path)})
    with TestClient(create_app(Settings(data_dir=_DIR), store=_STORE)) as c:
        r = c.request(method, url, params=query, headers={"X-API-Key": KEY}, **body_for(method, path))
    assert r.status_code == 403 and "DJKG_API_KEY" in bilingual(r)["zh"], (method, url, r.status_code)
    assert _STORE.revision() == revision


@pytest.mark.parametrize("route,body", list(READ_ONLY.items()), ids=[f"{m} {p}" for m, p in READ_ONLY])
def test_the_keyless_non_get_routes_really_write_nothing(client, route, body):
    method, path = route
    assert route in routes(), f"{route} is listed as read-only but the app has no such route"
    revision = _STORE.revision()
    r = client.request(method, path, json=body)
    assert r.status_code == 200, r.text[:300]
    assert _STORE.revision() == revision


UNDECLARED = "djkg_probe"   # a query parameter no route declares: a page that echoes its raw query shows it


def html_cases() -> list[tuple[str, str, str, str]]:
    """(path template, parameter location, name, markup) for every parameter of every GET route, plus an
    undeclared query parameter for each."""
    out = []
    for method, path in routes():
        if method != "GET":
            continue
        for where, name, _schema in [*params(method, path), ("query", UNDECLARED, {})]:
            for markup in ([PATH_MARKUP] if where == "path" else QUERY_MARKUP):
                out.append((path, where, name, markup))
    return out


HTML_SEEN: set[str] = set()


@pytest.mark.parametrize("path,where,name,markup", html_cases(),
                         ids=[f"{p} {w}:{n} {QUERY_MARKUP.index(m) if m in QUERY_MARKUP else 0}"
                              for p, w, n, m in html_cases()])
def test_markup_in_any_parameter_of_an_html_page_is_escaped(client, path, where, name, markup):
    url, query = fill("GET", path, {(where, name): markup})
    r = client.get(url, params=query)
    assert r.status_code < 500, (url, query, r.status_code)
    if r.headers.get("content-type", "").startswith("text/html"):
        HTML_SEEN.add(path)
        found = RAW.search(r.text)
        assert found is None, (url, query, r.status_code, r.text[max(0, found.start() - 200):found.end() + 50])


def test_html_pages_were_among_the_routes_checked():
    """Run after the test above: it must have met the pages (alone, it met none and this fails)."""
    assert {"/", "/views/overview", "/views/case/{case_id}", "/views/model/{model_id}", "/views/region/{name}",
            "/views/recommend", "/gaps", "/gaps.csv", "/models/{model_id}"} <= HTML_SEEN, sorted(HTML_SEEN)


@pytest.mark.parametrize("url", ["/views/" + PATH_MARKUP, "/" + PATH_MARKUP, "/api/v1/" + PATH_MARKUP,
                                 "/views/case/" + PATH_MARKUP + "/more"])
def test_a_path_no_route_matches_is_a_404_that_echoes_no_markup(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert RAW.search(r.text) is None

"""The HTTP contract on a real store: reads open, writes keyed, errors bilingual 4xx."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Limits, Settings

from conftest import build_case

KEY = "test-key-0123456789"


@pytest.fixture
def client(store, tmp_path):
    for key in ("a", "b", "c"):
        store.upsert_case(build_case(key, title=f"衣家村合作社 {key}"))
    settings = Settings(data_dir=tmp_path, api_key=KEY, limits=Limits(max_body_bytes=64 * 1024))
    with TestClient(create_app(settings, store=store)) as c:
        yield c


def bilingual(resp) -> dict:
    detail = resp.json()["detail"]
    assert detail["zh"] and detail["en"] and " / " in detail["message"]
    return detail


def test_health(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["cases"] == 3


def test_cases_are_paginated_with_a_bounded_page_size(client):
    r = client.get("/api/v1/cases", params={"limit": 2})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 3 and len(body["items"]) == 2
    assert set(body["items"][0]) >= {"id", "title", "region", "industry", "problems", "measures", "outcomes", "model"}
    r = client.get("/api/v1/cases", params={"limit": 100000})
    assert r.status_code == 400 and "每页" in bilingual(r)["zh"]


def test_case_detail_carries_text_and_neighbours(client):
    r = client.get("/api/v1/cases/case:a")
    assert r.status_code == 200
    body = r.json()
    assert body["text"] == "正文" and body["model"]["id"] == "model:branch-led-cooperative"
    assert body["outcomes"][0]["value"] == 120.0
    r = client.get("/api/v1/cases/case:nope")
    assert r.status_code == 404 and "未找到" in bilingual(r)["zh"]


def test_models_and_model_detail(client):
    r = client.get("/api/v1/models")
    items = r.json()["items"]
    assert [m["id"] for m in items] == ["model:branch-led-cooperative"]
    assert items[0]["cases"] == 3 and 0 <= items[0]["maturity"]["score"] <= 1
    r = client.get("/api/v1/models/model:branch-led-cooperative")
    assert r.status_code == 200 and r.json()["cases"] == 3 and len(r.json()["case_ids"]) == 3
    assert client.get("/api/v1/models/model:none").status_code == 404


def test_search_finds_names_and_is_bounded(client):
    r = client.get("/api/v1/search", params={"q": "衣家村合作社"})
    assert r.status_code == 200 and {i["id"] for i in r.json()["items"]} >= {"case:a", "case:b", "case:c"}
    r = client.get("/api/v1/search", params={"q": "x" * 500})
    assert r.status_code == 400
    assert client.get("/api/v1/search", params={"q": "   "}).status_code == 400


def test_neighbourhood_is_bounded(client):
    r = client.get("/api/v1/graph/neighborhood", params={"id": "model:branch-led-cooperative", "depth": 1})
    assert r.status_code == 200 and len(r.json()["nodes"]) >= 4
    assert client.get("/api/v1/graph/neighborhood", params={"id": "model:branch-led-cooperative", "depth": 9}).status_code == 400
    assert client.get("/api/v1/graph/neighborhood", params={"id": "x", "limit": 10**6}).status_code == 400
    assert client.get("/api/v1/graph/neighborhood", params={"id": "nothing"}).status_code == 404


def test_writes_need_the_api_key(client):
    body = {"text": "一、面临问题\n村集体经济薄弱。\n二、主要做法\n党支部领办合作社。", "title": "新案例", "unit": "某村党支部"}
    r = client.post("/api/v1/cases", json=body)
    assert r.status_code == 401 and "密钥" in bilingual(r)["zh"]
    r = client.post("/api/v1/cases", json=body, headers={"X-API-Key": "wrong"})
    assert r.status_code == 403
    assert KEY not in r.text
    r = client.post("/api/v1/cases", json=body, headers={"Authorization": f"Bearer {KEY}"})
    assert r.status_code == 201 and r.json()["status"] == "inserted"
    r = client.post("/api/v1/cases", json=body, headers={"X-API-Key": KEY})
    assert r.status_code == 200 and r.json()["status"] == "unchanged"


def test_writes_are_refused_when_no_key_is_configured(store, tmp_path):
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        r = c.post("/api/v1/cases", json={"text": "正文"}, headers={"X-API-Key": "anything"})
        assert r.status_code == 403 and "DJKG_API_KEY" in bilingual(r)["zh"]
        assert c.get("/api/v1/cases").status_code == 200


def test_upload_types_and_sizes_are_checked(client):
    h = {"X-API-Key": KEY}
    r = client.post("/api/v1/cases/upload", files={"file": ("a.exe", b"MZ....", "application/octet-stream")}, headers=h)
    assert r.status_code == 415
    r = client.post("/api/v1/cases/upload", files={"file": ("a.md", "---\ntitle: 上传\n---\n村集体经济薄弱。".encode(), "text/markdown")},
                    headers=h)
    assert r.status_code == 201 and r.json()["status"] == "inserted", r.text
    stored = client.get(f"/api/v1/cases/{r.json()['case']['id']}")
    assert stored.status_code == 200 and stored.json()["title"] == "上传" and "村集体经济薄弱" in stored.json()["text"]
    assert client.get("/healthz").json()["cases"] == 4
    r = client.post("/api/v1/cases/upload", files={"file": ("a.txt", b"", "text/plain")}, headers=h)
    assert r.status_code == 422


def test_oversized_bodies_get_413(client):
    r = client.post("/api/v1/cases", content=b"{" + b" " * (70 * 1024) + b"}", headers={"X-API-Key": KEY,
                                                                                       "Content-Type": "application/json"})
    assert r.status_code == 413 and "过大" in bilingual(r)["zh"]


def test_validation_errors_are_bilingual_4xx(client):
    r = client.post("/api/v1/cases", json={"title": "no text"}, headers={"X-API-Key": KEY})
    assert r.status_code == 422 and "不合法" in bilingual(r)["zh"]
    r = client.get("/api/v1/cases", params={"limit": "many"})
    assert r.status_code == 422


def test_json_is_utf8_with_chinese_unescaped(client):
    r = client.get("/api/v1/cases/case:a")
    assert "衣家村" in r.content.decode("utf-8")


def test_an_empty_store_answers_a_profile_by_saying_it_holds_no_cases(store, tmp_path):
    # a fresh install asked before anything was ingested: "describe your unit better" would send the user the wrong
    # way; the answer, the result page and the explanation graph say the library is empty
    profile = {"region": "山东省烟台市", "industry": "农村", "problems": ["村集体经济薄弱"]}
    with TestClient(create_app(Settings(data_dir=tmp_path, api_key=KEY), store=store)) as c:
        body = c.post("/api/v1/recommendations", json=profile).json()
        assert body["items"] == [] and any("库中还没有案例" in w and "ingest" in w for w in body["warnings"])
        page = c.get("/recommend", params={"region": "烟台", "problems": "村集体经济薄弱"})
        assert page.status_code == 200 and "库中还没有案例" in page.text and "请补充问题描述" not in page.text
        assert "ingest" not in page.text.split("<main", 1)[-1]   # plain Chinese on the page: no command
        graph = c.get("/views/recommend", params={"region": "烟台", "problems": "村集体经济薄弱"})
        assert graph.status_code == 200 and "库中还没有案例" in graph.text and "请补充问题描述" not in graph.text
        home = c.get("/").text   # … and the home page says so before anyone asks
        assert "案例库还是空的" in home and 'href="/submit"' in home and "从 0 个案例" not in home
    # once a case is in, a profile nothing fits is told to describe the unit otherwise, not that the store is empty
    store.upsert_case(build_case("a"))
    with TestClient(create_app(Settings(data_dir=tmp_path, api_key=KEY), store=store)) as c:
        body = c.post("/api/v1/recommendations", json={"problems": ["今天天气很好"]}).json()
        assert not any("库中还没有案例" in w for w in body["warnings"])
        assert "案例库还是空的" not in c.get("/").text

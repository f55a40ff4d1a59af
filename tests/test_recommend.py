"""Recommendation on the shipped corpus: deterministic, explained by paths that exist, sane on bad input."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph import schema as S
from djkg.services.recommend import ProfileError, recommend

FARM = {"region": "甘肃省定西市", "industry": "农村",
        "problems": ["村集体经济薄弱，几乎没有经营性收入", "年轻人外出务工，土地撂荒"]}


def edge_exists(store, a: str, edge: str, b: str) -> bool:
    if a == "profile":
        return edge in ("MATCHES", "IN_FIELD", "IN_REGION") and store.get_node(b) is not None
    etype, reverse = (edge[:-2], True) if edge.endswith("<-") else (edge, False)
    src, dst = (b, a) if reverse else (a, b)
    return any(e.dst == dst for e in store.edges_of(src, types=(etype,), direction="out"))


def test_farm_profile_gets_the_cooperative_model_first(corpus_store):
    result = recommend(corpus_store, **FARM)
    assert result["items"], result
    assert result["items"][0]["model"]["id"] == "model:branch-led-cooperative"


def test_every_item_carries_paths_that_exist_in_the_store(corpus_store):
    for profile in (FARM, {"region": "武汉", "industry": "城市社区", "problems": ["老旧小区没有物业，环境脏乱"]},
                    {"industry": "高校", "problems": ["教师党支部书记不懂业务，党建和教学科研两张皮"]}):
        result = recommend(corpus_store, **profile, top_k=5)
        for item in result["items"]:
            assert item["paths"], item["model"]
            for path in item["paths"]:
                assert path[0] == "profile" and path[-1] == item["model"]["id"]
                for i in range(0, len(path) - 2, 2):
                    assert edge_exists(corpus_store, path[i], path[i + 1], path[i + 2]), path
            assert item["evidence"] and all(corpus_store.get_node(c).label == S.CASE for c in item["evidence"])
            assert set(item["breakdown"]) >= {"problem_fit", "field_fit", "region_proximity", "maturity", "lexical"}


def test_ranking_is_deterministic_and_ties_break_by_id(corpus_store):
    a = recommend(corpus_store, **FARM, top_k=10)
    b = recommend(corpus_store, **FARM, top_k=10)
    assert json.dumps(a, ensure_ascii=False, sort_keys=True) == json.dumps(b, ensure_ascii=False, sort_keys=True)
    keys = [(-it["score"], it["model"]["id"]) for it in a["items"]]
    assert keys == sorted(keys)


def test_free_text_that_links_to_nothing_still_gets_an_answer(corpus_store):
    result = recommend(corpus_store, problems=["快递小哥送件路上没地方喝水歇脚，也找不到组织"])
    assert result["items"]


def test_top_k_is_clamped_and_says_so(corpus_store):
    r = recommend(corpus_store, **FARM, top_k=10**9)
    assert len(r["items"]) <= 50 and r["top_k"] == 50 and any("top_k" in w for w in r["warnings"])
    r = recommend(corpus_store, **FARM, top_k=0)
    assert r["top_k"] == 1 and len(r["items"]) == 1


def test_strict_profiles_reject_unknown_region_and_field(corpus_store):
    with pytest.raises(ProfileError, match="地区"):
        recommend(corpus_store, region="火星基地", industry="农村", problems=["集体经济薄弱"], strict=True)
    with pytest.raises(ProfileError, match="领域"):
        recommend(corpus_store, region="山东", industry="宇宙探索", problems=["集体经济薄弱"], strict=True)
    with pytest.raises(ProfileError):
        recommend(corpus_store, problems=[], strict=True)


def test_http_recommendations_contract(corpus_store, tmp_path):
    with TestClient(create_app(Settings(data_dir=tmp_path), store=corpus_store)) as c:
        r = c.post("/api/v1/recommendations", json={**FARM, "top_k": 3})
        assert r.status_code == 200
        body = r.json()
        assert len(body["items"]) == 3
        item = body["items"][0]
        assert set(item) >= {"model", "score", "breakdown", "paths", "evidence", "maturity"}
        for bad in ({"region": "火星", "industry": "农村", "problems": ["x"]},
                    {"industry": "不存在的领域", "problems": ["集体经济薄弱"]},
                    {"problems": []},
                    {"problems": ["很长" * 60000]},
                    {"problems": "not a list"}):
            r = c.post("/api/v1/recommendations", json=bad)
            assert 400 <= r.status_code < 500, (bad, r.status_code)
            assert r.json()["detail"]
        r = c.post("/api/v1/recommendations", json={**FARM, "top_k": 0})
        assert r.status_code == 200 and len(r.json()["items"]) == 1


def test_models_show_maturity_with_components(corpus_store):
    from djkg.queries.models import list_models
    models = list_models(corpus_store)
    for m in models:
        mt = m["maturity"]
        assert 0 <= mt["score"] <= 1 and set(mt["components"]) >= {"adopters", "cities", "quantified_share"}
    scores = [m["maturity"]["score"] for m in models]
    assert scores == sorted(scores, reverse=True)

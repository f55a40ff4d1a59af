"""Recommendation on the shipped corpus: deterministic, explained by paths that exist, sane on bad input."""

from __future__ import annotations


import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph import schema as S
from djkg.services.recommend import ProfileError, recommend

FARM = {"region": "甘肃省定西市", "industry": "农村",
        "problems": ["村集体经济薄弱，几乎没有经营性收入", "年轻人外出务工，土地撂荒"]}


def edge_exists(store, a: str, step, b: str) -> bool:
    if a == "profile":
        return step.type in ("MATCHES", "IN_FIELD", "IN_REGION") and store.get_node(b) is not None
    src, dst = (b, a) if step.reverse else (a, b)
    return any(e.dst == dst for e in store.edges_of(src, types=(step.type,), direction="out"))


def test_farm_profile_gets_the_cooperative_model_first(corpus_store):
    result = recommend(corpus_store, **FARM)
    assert result.items, result
    assert result.items[0].model.id == "model:branch-led-cooperative"


def test_a_compound_nobody_manages_leads_to_red_property_through_its_own_problem(corpus_store):
    result = recommend(corpus_store, region="武汉", industry="城市社区", problems=["老旧小区没有物业，垃圾堆在楼道里"])
    top = result.items[0]
    assert top.model.id == "model:red-property", [i.model.id for i in result.items]
    assert any("problem:unmanaged-compounds" in path.ids() for path in top.paths), top.paths


def test_every_item_carries_paths_that_exist_in_the_store(corpus_store):
    for profile in (FARM, {"region": "武汉", "industry": "城市社区", "problems": ["老旧小区没有物业，环境脏乱"]},
                    {"industry": "高校", "problems": ["教师党支部书记不懂业务，党建和教学科研两张皮"]}):
        result = recommend(corpus_store, **profile, top_k=5)
        for item in result.items:
            assert item.paths, item.model
            for path in item.paths:
                ids = path.ids()
                assert ids[0] == "profile" and ids[-1] == item.model.id and len(path.steps) == len(ids) - 1
                for a, step, b in zip(ids, path.steps, ids[1:]):
                    assert edge_exists(corpus_store, a, step, b), path
                for node in path.nodes[1:]:     # every node on a path is named for the reader
                    assert node.name and corpus_store.get_node(node.id).label == node.kind, node
            assert item.evidence and all(corpus_store.get_node(ev.id).label == S.CASE for ev in item.evidence)
            total = sum(value * weight for _, value, weight in item.breakdown.components())
            assert abs(total - item.score) < 1e-5


def test_recommend_does_not_change_the_profile_it_is_given(corpus_store):
    from djkg.ingest.profile import parse_profile
    from djkg.ingest.tokens import tokenize
    from djkg.queries.recommend import recommend as rank
    profile = parse_profile(problems=["骑手们送单路上累了想找个地方坐坐"])
    before = profile.model_dump()
    answer = rank(corpus_store, profile, tokenize=tokenize)
    assert profile.model_dump() == before
    assert answer.profile.problems and all(p.how == "lexical" for p in answer.profile.problems)


def test_ranking_is_deterministic_and_ties_break_by_id(corpus_store):
    a = recommend(corpus_store, **FARM, top_k=10)
    b = recommend(corpus_store, **FARM, top_k=10)
    assert a.model_dump_json() == b.model_dump_json()
    keys = [(-it.score, it.model.id) for it in a.items]
    assert keys == sorted(keys)


def test_free_text_that_links_to_nothing_still_gets_an_answer(corpus_store):
    result = recommend(corpus_store, problems=["骑手们送单路上累了想找个地方坐坐"])
    assert result.items and any("文本相似" in w for w in result.warnings)


def test_top_k_is_clamped_and_says_so(corpus_store):
    r = recommend(corpus_store, **FARM, top_k=10**9)
    assert len(r.items) <= 50 and r.top_k == 50 and any("top_k" in w for w in r.warnings)
    r = recommend(corpus_store, **FARM, top_k=0)
    assert r.top_k == 1 and len(r.items) == 1


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
    from djkg.queries.index import model_index
    from djkg.queries.models import list_models
    models = list_models(model_index(corpus_store))
    for m in models:
        mt = m.maturity
        parts = mt.components.model_dump()
        assert 0 <= mt.score <= 1 and abs(sum(parts.values()) - mt.formalism_penalty - mt.score) < 1e-5
    scores = [m.maturity.score for m in models]
    assert scores == sorted(scores, reverse=True)


def test_openapi_names_every_property_of_the_answer(corpus_store, tmp_path):
    """No free-form objects in the recommendation contract: breakdown, maturity, paths, evidence and profile
    are named schemas with named properties."""
    with TestClient(create_app(Settings(data_dir=tmp_path), store=corpus_store)) as c:
        spec = c.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]

    def resolve(s):
        return schemas[s["$ref"].rsplit("/", 1)[1]] if "$ref" in s else s

    seen: set[str] = set()

    def walk(name):
        if name in seen:
            return
        seen.add(name)
        for prop, s in schemas[name].get("properties", {}).items():
            for alt in [s, *s.get("anyOf", []), s.get("items", {})] + [a.get("items", {}) for a in s.get("anyOf", [])]:
                if "$ref" in alt:
                    walk(alt["$ref"].rsplit("/", 1)[1])
                elif alt.get("type") == "object":
                    raise AssertionError(f"{name}.{prop} is a free-form object")

    walk("Recommendation")
    assert {"ScoreBreakdown", "Maturity", "ExplanationPath", "Evidence", "Profile", "ProfileProblem"} <= seen

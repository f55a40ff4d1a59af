"""The organisation-department analyses on real stores (SQLite and, when the test server runs, Neo4j): the gap
map's counts and scores, emerging groups (a planted group is found, a random scatter forms none), a model's
diffusion, and the HTTP endpoints and CLI verbs around them."""

from __future__ import annotations

import json
import math

import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.queries import provinces
from djkg.queries.diffusion import diffusion
from djkg.queries.emerging import emerging_models, hypergeom_sf
from djkg.queries.gaps import gap_map
from djkg.queries.index import model_index
from djkg.queries.models import list_models
from djkg.services.analyses import FilterError, gaps

from analyses_data import (PLANTED, gap_and_diffusion_cases, linked_lookalikes, planted, scatter)
from test_cli import djkg


def filled(store_factory, graphs):
    store = store_factory()
    assert all(s == "inserted" for s in store.upsert_cases(graphs))
    return store


# --- emerging models -------------------------------------------------------------------------------------

def test_a_planted_group_is_found_and_the_scatter_forms_none(store_factory):
    group = planted()
    store = filled(store_factory, scatter(60, seed=3) + group + linked_lookalikes())
    result = emerging_models(store)
    assert result.population == 65                       # the look-alikes of a named model are not the population
    assert len(result.groups) == 1, [(g.name, g.cases) for g in result.groups]
    g = result.groups[0]
    assert sorted(c.id for c in g.case_list) == sorted(x.id for x in group) and g.cases == 5
    core = [m.id for m in g.measures if m.id.removeprefix("measure:") in PLANTED]
    assert len(core) == 3 and all(m.share == 1.0 and m.lift > 5 for m in g.measures if m.id in core)
    assert set(g.name.split("＋")) <= set(PLANTED) and len(g.name.split("＋")) == 2
    assert [p.id for p in g.problems][0] == "problem:youth-leaving" and g.problems[0].share == 1.0
    assert [c.name for c in g.cities] == ["南京市", "烟台市", "成都市", "定西市"]
    assert {p.name for p in g.provinces} == {"山东省", "江苏省", "四川省", "甘肃省"}
    assert g.years == [2019, 2020, 2021] and len(g.units) == 5
    assert g.p_value < 1e-4
    # a named model's cases apply the same measures: the group says it looks like that model
    assert g.resembles.id == "model:branch-led-cooperative" and g.resemblance == 1.0


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_a_random_scatter_forms_no_group(store_factory, seed):
    store = filled(store_factory, scatter(80, seed=seed))
    result = emerging_models(store)
    assert result.population == 80 and result.pairs_tested == 66   # 12 measures, all applied often enough
    assert result.groups == []


def test_a_group_in_one_city_is_not_a_spreading_practice(store_factory):
    store = filled(store_factory, scatter(60, seed=3) + planted(("wuhan",) * 5))
    assert emerging_models(store).groups == []
    found = emerging_models(store, min_cities=1).groups     # the rule is the only reason
    assert len(found) == 1 and found[0].cases == 5 and found[0].resembles is None


def test_hypergeometric_tail_matches_exact_sums():
    def exact(k, n, s, d):
        return sum(math.comb(s, x) * math.comb(n - s, d - x) for x in range(k, min(s, d) + 1)) / math.comb(n, d)
    for args in [(5, 65, 5, 5), (3, 60, 10, 12), (2, 100, 10, 10), (40, 1000, 100, 100), (0, 10, 3, 3), (7, 20, 5, 6)]:
        assert hypergeom_sf(*args) == pytest.approx(exact(*args), rel=1e-9, abs=1e-300)


# --- gap map -------------------------------------------------------------------------------------------

def test_gap_map_counts_demand_answers_and_gaps(store_factory):
    store = filled(store_factory, gap_and_diffusion_cases())
    result = gap_map(store)
    by_id = {p.id: p for p in result.problems}
    weak = by_id["problem:weak-collective-economy"]
    assert (weak.cases, weak.units, weak.cities, weak.provinces) == (7, 7, 5, 4)   # coop-6 has no region
    orphan = by_id["problem:elderly-care"]
    assert (orphan.cases, orphan.units, orphan.cities, orphan.provinces) == (4, 3, 3, 3)  # one unit wrote twice
    assert orphan.best is None and orphan.gap == orphan.demand   # nobody answers it: the whole demand is a gap
    top = max(p.units for p in result.problems)
    assert weak.demand == pytest.approx(math.log1p(7) / math.log1p(top), abs=1e-6) and weak.demand == 1.0
    maturity = {m.id: m.maturity.score for m in list_models(model_index(store))}
    assert weak.best.model.id == "model:branch-led-cooperative"
    assert weak.best.answer == pytest.approx(weak.best.fit * maturity["model:branch-led-cooperative"], abs=1e-6)
    assert weak.gap == pytest.approx(weak.demand * (1 - weak.best.answer), abs=1e-6)
    assert [p.gap for p in result.problems] == sorted((p.gap for p in result.problems), reverse=True)
    assert result.cases == 13 and result.fields == ["农村", "城市社区"]
    assert [p.name for p in result.provinces] == ["北京市", "江苏省", "浙江省", "山东省", "湖北省", "广东省", "四川省",
                                                  "甘肃省"]


def test_gap_cells_answer_only_with_models_present_in_the_field(store_factory):
    store = filled(store_factory, gap_and_diffusion_cases())
    result = gap_map(store)
    cells = {(c.problem, c.key): c for c in result.by_field}
    rural = cells[("problem:weak-collective-economy", "农村")]
    assert rural.model == "model:branch-led-cooperative" and rural.answer > 0
    assert cells[("problem:elderly-care", "城市社区")].answer == 0.0
    # the coop model has no 城市社区 case: in that column it is no answer to the property problem, nor to any other
    assert all(c.model != "model:branch-led-cooperative" for c in result.by_field if c.key == "城市社区")
    prov = {(c.problem, c.key): c for c in result.by_province}
    assert prov[("problem:weak-collective-economy", "370000")].cases == 3   # 烟台, 青岛 and the orphan-4 case
    assert prov[("problem:elderly-care", "330000")].units == 1


def test_gap_map_filters(store_factory):
    store = filled(store_factory, gap_and_diffusion_cases())
    shandong = gaps(store, province="山东")
    assert shandong.province.name == "山东省" and shandong.cases == 3
    assert {p.id: p.cases for p in shandong.problems} == {"problem:weak-collective-economy": 3,
                                                          "problem:elderly-care": 1}
    assert gaps(store, province="370000") == shandong == gaps(store, province="山东省")
    urban = gaps(store, field="社区")
    assert urban.field == "城市社区" and {p.id for p in urban.problems} == {"problem:property-disputes",
                                                                         "problem:elderly-care"}
    assert gaps(store, province="浙江", field="农村").problems == []
    for bad in ({"province": "火星"}, {"province": "烟台"}, {"field": "外太空"}):
        with pytest.raises(FilterError) as exc:
            gaps(store, **bad)
        assert exc.value.zh and exc.value.en and " / " in str(exc.value)


# --- diffusion -----------------------------------------------------------------------------------------

def test_diffusion_by_year_and_province(store_factory):
    store = filled(store_factory, gap_and_diffusion_cases())
    d = diffusion(store, "model:branch-led-cooperative")
    assert d.cases == 6 and d.units == 6 and d.undated == 1 and d.unplaced == 1
    assert d.origin.source == "declared" and d.origin.province.adcode == "370000"
    assert d.first_adopter.case == "case:coop-1" and d.first_adopter.year == 2015
    joined = [(p.province.name, p.joined, p.cases) for p in d.provinces]
    assert joined == [("山东省", 2015, 2), ("江苏省", 2017, 1), ("北京市", 2019, 1), ("甘肃省", None, 1)]
    km = {p.province.adcode: p.distance_km for p in d.provinces}
    assert km["370000"] == 0.0
    shandong, jiangsu = provinces.resolve("山东"), provinces.resolve("江苏")
    assert km["320000"] == provinces.distance_km(shandong, jiangsu) and 300 < km["320000"] < 600
    years = [(y.year, y.cases, y.units, y.provinces, y.new_provinces) for y in d.by_year]
    assert years == [(2015, 1, 1, 1, ["370000"]), (2016, 0, 1, 1, []), (2017, 2, 3, 2, ["320000"]),
                     (2018, 1, 4, 2, []), (2019, 1, 5, 3, ["110000"])]


def test_diffusion_origin_falls_back_to_the_first_adopter(store_factory):
    store = filled(store_factory, gap_and_diffusion_cases())
    d = diffusion(store, "model:red-property")
    assert d.origin.source == "first_adopter" and d.origin.province.name == "湖北省" and d.origin.declared is None
    assert [(p.province.name, p.distance_km > 0) for p in d.provinces] == [("湖北省", False), ("四川省", True)]
    assert diffusion(store, "model:none") is None and diffusion(store, "case:coop-1") is None


def test_province_table():
    table = provinces.provinces()
    assert len(table) == 34 and all(73 < p.lon < 136 and 3 < p.lat < 54 for p in table.values())
    beijing, shanghai = provinces.resolve("北京"), provinces.resolve("310000")
    assert 1000 < provinces.distance_km(beijing, shanghai) < 1150     # the cities are ~1,070 km apart
    assert provinces.mentioned("浙江、山东、贵州等劳务输出和输入地").name == "浙江省"
    assert provinces.mentioned("教育部（2018年）") is None
    assert provinces.resolve("37").name == "山东省" and provinces.resolve("370600") is None
    assert provinces.resolve("region:110000").name == "北京市" and provinces.resolve("内蒙古").adcode == "150000"


# --- HTTP and CLI --------------------------------------------------------------------------------------

@pytest.fixture
def client(store_factory, tmp_path):
    store = filled(store_factory, gap_and_diffusion_cases() + scatter(40, seed=3) + planted())
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        yield c


def test_endpoints_answer_typed_json(client):
    r = client.get("/api/v1/gaps", params={"province": "山东省", "field": "农村"})
    assert r.status_code == 200 and r.json()["province"] == {"adcode": "370000", "name": "山东省"}
    assert r.json()["problems"][0]["id"].startswith("problem:")
    r = client.get("/api/v1/emerging")
    assert r.status_code == 200 and len(r.json()["groups"]) == 1 and r.json()["params"]["min_cities"] == 2
    r = client.get("/api/v1/models/model:branch-led-cooperative/diffusion")
    assert r.status_code == 200 and r.json()["origin"]["province"]["name"] == "山东省"


def test_endpoint_errors_are_bilingual_4xx(client):
    for url, params, status in (("/api/v1/gaps", {"province": "火星"}, 400), ("/api/v1/gaps", {"field": "x" * 51}, 422),
                                ("/api/v1/models/model:none/diffusion", {}, 404),
                                ("/api/v1/emerging", {"min_cases": 1}, 422)):
        r = client.get(url, params=params)
        assert r.status_code == status, (url, r.text)
        detail = r.json()["detail"]
        assert detail["zh"] and detail["en"]


def test_openapi_names_the_typed_responses(client):
    spec = client.get("/openapi.json").json()
    for path, schema in (("/api/v1/gaps", "GapMap"), ("/api/v1/emerging", "EmergingModels"),
                         ("/api/v1/models/{model_id}/diffusion", "Diffusion")):
        ok = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert ok == {"$ref": f"#/components/schemas/{schema}"}
    assert "ProblemGap" in spec["components"]["schemas"] and "EmergingGroup" in spec["components"]["schemas"]


def test_cli_verbs(tmp_path):
    from djkg.graph.sqlite_store import SqliteStore
    with SqliteStore(tmp_path / "djkg.sqlite3") as s:
        s.upsert_cases(gap_and_diffusion_cases() + scatter(40, seed=3) + planted())
    data = json.loads(djkg("gaps", "--json", "--province", "山东", data=tmp_path).stdout)
    assert data["province"]["name"] == "山东省" and data["problems"]
    top = json.loads(djkg("gaps", "--json", data=tmp_path).stdout)["problems"]
    text = djkg("gaps", "--top", "3", data=tmp_path).stdout
    assert "问题缺口" in text and all(p["name"] in text for p in top[:3]) and top[3]["name"] not in text
    groups = json.loads(djkg("emerging", "--json", data=tmp_path).stdout)["groups"]
    assert len(groups) == 1 and groups[0]["cases"] == 5
    bad = djkg("gaps", "--field", "外太空", data=tmp_path, check=False)
    assert bad.returncode == 2 and "无法识别领域" in bad.stderr and "unknown field" in bad.stderr

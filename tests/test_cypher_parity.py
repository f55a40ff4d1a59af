"""Every named question gives the same rows on both stores: ``queries/cypher/NAME.cypher`` on Neo4j and
``queries/sql/NAME.sql`` on SQLite, run through ``catalogue.run`` with the same params dict.

"The same" is strict: equal values of equal types (1 is not true, 120 is not 120.0, a list is not its JSON
text), the same column names in the same order, the same rows in the same order. Two datasets: a hand-built
store with the awkward cases (candidates, homonym regions, a case without year, model or outcomes, quotes
and newlines in flags), and the shipped corpus. Each query runs with several param sets (empty and duplicate
lists, unknown ids, small limits that cut through ties).

Runs against the real test server (scripts/neo4j-test-server); skips visibly without one, fails in CI.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from djkg.graph import schema as S
from djkg.graph.migrate import copy_store
from djkg.graph.review import AuditEntry, Commit
from djkg.graph.schema import CaseGraph, Node
from djkg.graph.sqlite_store import SqliteStore
from djkg.queries import catalogue

from conftest import build_case, make_neo4j_store

NAMES = catalogue.names("sql")

SHANDONG = (("370000", "山东省", "province"), ("370600", "烟台市", "city"), ("370686", "栖霞市", "county"))
NANJING = (("320000", "江苏省", "province"), ("320100", "南京市", "city"), ("320113", "栖霞区", "county"))
BEIJING = (("110000", "北京市", "province"), ("110105", "朝阳区", "county"))
CHANGCHUN = (("220000", "吉林省", "province"), ("220100", "长春市", "city"), ("220104", "朝阳区", "county"))


def _with_case_props(graph: CaseGraph, chain, **props: Any) -> CaseGraph:
    """The graph with richer case properties (region/industry dicts, flags, signals …) as ingest writes."""
    code, name, _ = chain[-1]
    region = {"province": chain[0][1], "city": chain[1][1] if len(chain) > 2 else None, "county": name,
              "adcode": code}
    base = {**graph.case.props, "region": region}
    return CaseGraph(case=Node(graph.case.id, S.CASE, {**base, **props}), nodes=graph.nodes, edges=graph.edges)


def _as_candidates(graph: CaseGraph, ids: set[str]) -> CaseGraph:
    nodes = [Node(n.id, n.label, {**n.props, "candidate": True}) if n.id in ids else n for n in graph.nodes]
    return CaseGraph(case=graph.case, nodes=nodes, edges=graph.edges)


def fixture_graphs() -> list[CaseGraph]:
    a = _with_case_props(
        build_case("a", problems=("weak-collective-economy", "p2"), measures=("branch-led-cooperative", "m2"),
                   region=SHANDONG),
        SHANDONG, industry={"field": "农村", "sector": "种植业"}, flags=[], signals=["推广", "标准化"],
        quantified_outcomes=1, illustrative=False, synthetic=False)
    b = _with_case_props(
        build_case("b", region=NANJING, model="m2", problems=("p2",), field="城市社区",
                   outcomes=(("satisfaction", 98.5, "%"), ("households", 1200, "户"))),
        NANJING, industry={"field": "城市社区", "sector": None},
        flags=['缺少"量化"成效', "back\\slash", "换行\n之后"], signals=[{"kind": "交流", "n": 2, "at": "南京"}],
        quantified_outcomes=2, illustrative=True, synthetic=False, year=2021)
    c = build_case("c", model=None, outcomes=(), region=SHANDONG)
    d = build_case("d", problems=("weak-collective-economy",), measures=("m3",), region=BEIJING)
    d = CaseGraph(case=Node(d.case.id, S.CASE, {k: v for k, v in d.case.props.items() if k != "year"}),
                  nodes=d.nodes, edges=d.edges)  # no year: sorts as 0 on both stores
    e = _as_candidates(
        build_case("e", problems=("村里留不住年轻人",), measures=("周末夜校",), model="夜校带富", region=CHANGCHUN,
                   field="社会组织"),
        {S.concept_id(S.PROBLEM, "村里留不住年轻人"), S.concept_id(S.MEASURE, "周末夜校"),
         S.concept_id(S.MODEL, "夜校带富")})
    f = _as_candidates(
        build_case("f", problems=("村里留不住年轻人", "p2"), measures=("周末夜校", "m2"), model="m2", region=CHANGCHUN,
                   text="含 'quote' 与 \"双引号\" 的正文"),
        {S.concept_id(S.PROBLEM, "村里留不住年轻人"), S.concept_id(S.MEASURE, "周末夜校")})
    g = _with_case_props(build_case("g", model="m2", problems=("p2", "weak-collective-economy"), region=BEIJING),
                         BEIJING, synthetic=True, quantified_outcomes=0, year=2021, industry={"field": "农村"})
    # no named model, two measures: the emerging-model queries have a pair to count (unit left empty)
    h = _with_case_props(build_case("h", model=None, measures=("m2", "m3"), problems=("p2",), region=NANJING),
                         NANJING, industry={"field": "城市社区"}, unit="")
    return [a, b, c, d, e, f, g, h]


@pytest.fixture(scope="module", params=["fixture", "corpus"])
def stores(request, tmp_path_factory):
    """(sqlite, neo4j) holding the same cases. Module-scoped and parametrised, so pytest finishes every test
    on one dataset before the next one clears the shared Neo4j database."""
    neo = make_neo4j_store()
    neo.start = neo.revision()
    if request.param == "fixture":
        lite = SqliteStore(tmp_path_factory.mktemp("parity") / "djkg.sqlite3")
        for g in fixture_graphs():
            assert lite.upsert_case(g) == neo.upsert_case(g) == "inserted"
        for batch in (AUDIT[:3], AUDIT[3:]):
            lite.commit(Commit(audit=batch))
            neo.commit(Commit(audit=batch))
        own = True
    else:
        lite = request.getfixturevalue("corpus_store")
        report = copy_store(lite, neo)
        assert report["equal"], (report["source"], report["target"])
        own = False
    yield request.param, lite, neo
    neo.close()
    if own:
        lite.close()


# audit entries with fixed times (the stores stamp the time otherwise), awkward values included
AUDIT = [AuditEntry("alice", "ingest", "case:a", None, {"version": "v1", "status": "inserted"},
                    at="2024-01-01T00:00:00.000000Z"),
         AuditEntry("bob", "correct", "case:a", {"year": 2018, "problems": ["p1"]}, {"year": 2019, "note": "<b>'\"</b>"},
                    at="2024-02-01T00:00:00.000000Z"),
         AuditEntry("张三", "accept", "problem:cand-1", {"name": "议事难"}, {"as": "new", "cases": 2},
                    at="2024-02-01T00:00:00.000000Z"),
         AuditEntry("alice", "key.add", "carol", None, {"role": "reader"}, at="2024-03-01T12:00:00.000000Z"),
         AuditEntry("env", "reject", "measure:cand-2", {"name": "x"}, {"rejected": True},
                    at="2024-04-01T00:00:00.000000Z")]
AUDIT_FILTERS = [{}, {"actor": "alice"}, {"actor": "张三"}, {"action": "correct"}, {"target": "case:a"},
                 {"since": "2024-02-01T00:00:00.000000Z"}, {"until": "2024-02-01T00:00:00.000000Z"},
                 {"since": "2024-02-01T00:00:00.000000Z", "until": "2024-03-02T00:00:00.000000Z", "actor": "alice"},
                 {"actor": "' OR 1=1 --"}, {"target": "MATCH (n) DETACH DELETE n"}]


def param_sets(name: str, lite) -> list[dict[str, Any]]:
    """Params for ``name``, drawn from what the store holds (plus unknown ids, empty and duplicate lists)."""
    models = [r["model_id"] for r in catalogue.run(lite, "view_overview_models", limit=100_000)]
    problems = [r["problem_id"] for r in catalogue.run(lite, "view_overview_problems", limit=100_000)]
    cases = [n.id for n in lite.list_nodes(S.CASE, limit=100_000)]
    regions = lite.list_nodes(S.REGION, limit=100_000)
    region_ids = [r.id for r in regions]
    if name.startswith("audit_"):
        full = [{k: f.get(k) for k in ("actor", "action", "target", "since", "until")} for f in AUDIT_FILTERS]
        if name == "audit_count":
            return full
        return [{**f, "limit": lim, "offset": off} for f in full for lim, off in ((100, 0), (2, 1), (1, 0), (5, 10))]
    if name == "candidate_evidence":
        concepts = [r["id"] for r in catalogue.run(lite, "candidate_concepts")] + problems[:5]
        return [{"concepts": concepts + ["problem:none"]}, {"concepts": []}, {"concepts": concepts[:2] * 2}]
    if name in ("model_cases_of", "index_contributions_of", "index_nodes_of"):
        return [{"cases": cases + ["case:none"]}, {"cases": []}, {"cases": cases[:2] * 2},
                {"cases": list(reversed(cases[:5]))}, {"cases": cases[-3:] + ["' OR 1=1 --"]}]
    if name == "case_outcomes":
        return [{"cases": cases + ["case:none"]}, {"cases": []}, {"cases": cases[:1] * 2},
                {"cases": list(reversed(cases[:5]))}]
    if name == "view_model_cases":
        return ([{"model": m, "limit": lim} for m in models[:25] for lim in (1, 3, 1000)]
                + [{"model": "model:none", "limit": 10}])
    if name in ("view_overview_models", "view_overview_problems"):
        return [{"limit": n} for n in (1, 2, 3, 5, 100_000)]
    if name == "view_region_case_counts":
        return [{"regions": region_ids + ["region:999999"]}, {"regions": []}, {"regions": region_ids[:2] * 2}]
    if name == "view_region_cases":
        return [{"regions": region_ids, "limit": lim} for lim in (1, 2, 5, 100_000)] + [
            {"regions": [], "limit": 10}, {"regions": region_ids[-3:] * 2, "limit": 100}]
    if name == "view_region_lookup":
        keys = {k for r in regions[:60] for k in (r.id, r.props.get("adcode"), r.props.get("name")) if k}
        return [{"key": k} for k in sorted(keys)] + [{"key": "火星"}, {"key": ""}, {"key": "region:"}]
    if name == "page_cases":
        none = {"prefix": None, "field": None, "year": None, "illustrative": None, "model": None, "problem": None,
                "measure": None}
        filters = [none, {**none, "prefix": "37"}, {**none, "prefix": "3706"}, {**none, "prefix": "370686"},
                   {**none, "field": "农村"}, {**none, "year": 2021}, {**none, "illustrative": 1},
                   {**none, "illustrative": 0, "field": "农村"}, {**none, "model": models[0] if models else "model:x"},
                   {**none, "problem": problems[0] if problems else "problem:x"},
                   {**none, "measure": "measure:branch-led-cooperative"}, {**none, "prefix": "99"}]
        # the filters a gap-map cell links with: a problem within a field and a province
        filters += [{**none, "problem": p, "field": f, "prefix": pre} for p in problems[:3]
                    for f, pre in (("农村", "37"), (None, "11"), ("城市社区", None))]
        return [{**f, "limit": lim, "offset": off} for f in filters for lim, off in ((20, 0), (2, 1), (5, 100))]
    if name == "gap_counts":
        return [{"province": p, "field": f} for p in (None, "37", "32", "99") for f in (None, "农村", "城市社区")]
    if name == "emerging_measure_pairs":
        return [{"min_cases": n} for n in (1, 2, 3)]
    if name == "emerging_group_cases":
        measures = [n.id for n in lite.list_nodes(S.MEASURE, limit=100_000)]
        return [{"measures": measures, "min_shared": k} for k in (1, 2)] + [
            {"measures": [], "min_shared": 1}, {"measures": measures[:2] * 2, "min_shared": 1}]
    if name == "emerging_group_concepts":
        return [{"cases": cases}, {"cases": []}, {"cases": cases[:2] * 2 + ["case:none"]}]
    if name == "view_region_tree":
        return [{"region": r} for r in region_ids[:80]] + [{"region": "region:999999"},
                                                           {"region": "industry:农村"}]
    return [{}]


def typed(value: Any) -> Any:
    """The value with every scalar tagged by its type, so 1 ≠ True ≠ 1.0 when compared."""
    if isinstance(value, dict):
        return [(k, typed(v)) for k, v in value.items()]  # column order counts too
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def test_every_sql_query_has_a_cypher_twin():
    assert NAMES == catalogue.names("cypher")
    assert len(NAMES) >= 15


@pytest.mark.parametrize("name", NAMES)
def test_named_query_returns_identical_rows(stores, name):
    dataset, lite, neo = stores
    nonempty = 0
    for params in param_sets(name, lite):
        a = catalogue.run(lite, name, **params)
        b = catalogue.run(neo, name, **params)
        assert typed(b) == typed(a), f"{name} {params}: sqlite={a[:5]} neo4j={b[:5]}"
        nonempty += bool(a)
    if dataset == "fixture":
        assert nonempty, f"{name} returned nothing on the fixture; the comparison would be empty"


def test_the_params_dict_is_the_same_for_both_dialects(stores):
    """Callers pass Python lists (and tuples); SqliteStore hands json_each JSON text, Neo4j gets a list."""
    _, lite, neo = stores
    regions = tuple(n.id for n in lite.list_nodes(S.REGION, limit=5))
    for store in (lite, neo):
        assert catalogue.run(store, "view_region_case_counts", regions=regions) == \
            catalogue.run(store, "view_region_case_counts", regions=list(regions))


def test_reads_return_identical_nodes_and_edges(stores):
    dataset, lite, neo = stores
    assert neo.stats() == lite.stats()
    assert neo.case_hashes() == lite.case_hashes()
    # both count the same writes from where they started (a cleared Neo4j database keeps counting revisions)
    assert dataset == "corpus" or int(neo.revision()) - int(neo.start) == int(lite.revision())
    assert [g.content_hash() for g in neo.iter_case_graphs()] == [g.content_hash() for g in lite.iter_case_graphs()]
    for label in S.LABELS:
        nodes = lite.list_nodes(label, limit=-1)
        assert neo.list_nodes(label, limit=-1) == nodes, label
        assert neo.count_nodes(label) == lite.count_nodes(label) == len(nodes)
        assert neo.list_nodes(label, limit=2, offset=1) == lite.list_nodes(label, limit=2, offset=1)
        sample = [n.id for n in nodes[:40]]
        assert neo.get_nodes(sample + ["case:none"] + sample[:1]) == lite.get_nodes(sample + ["case:none"] + sample[:1])
        for nid in sample[:10]:
            assert neo.get_node(nid) == lite.get_node(nid)
            for direction in ("out", "in", "both"):  # same edges, same support, same order
                assert neo.edges_of(nid, direction=direction) == lite.edges_of(nid, direction=direction), \
                    (nid, direction)


def test_neighbourhoods_are_identical(stores):
    """Same nodes in the same order, same edges, same truncation — also when the size limit cuts the
    neighbourhood short (both stores walk edges in the same order: per id, by type, by the other end)."""
    _, lite, neo = stores
    starts = [n.id for label in (S.MODEL, S.CASE, S.REGION, S.PROBLEM) for n in lite.list_nodes(label, limit=3)]
    for nid in starts + ["case:none"]:
        for depth, limit in ((1, 500), (2, 500), (2, 6), (3, 25), (0, 10)):
            a = lite.neighborhood(nid, depth=depth, limit=limit)
            b = neo.neighborhood(nid, depth=depth, limit=limit)
            assert (b.nodes, b.edges, b.truncated) == (a.nodes, a.edges, a.truncated), (nid, depth, limit)


def test_rows_survive_json_unchanged(stores):
    """What the API serialises is the same text on both stores (no bool/int or list/text drift)."""
    _, lite, neo = stores
    cases = {"cases": sorted(lite.case_hashes())}
    for name, params in (("model_cases_of", cases), ("candidate_concepts", {}), ("concept_index", {})):
        a = json.dumps(catalogue.run(lite, name, **params), ensure_ascii=False)
        b = json.dumps(catalogue.run(neo, name, **params), ensure_ascii=False)
        assert a == b, name


SEARCHES = ["合作", "cooperative", "COOPERATIVE", "p2", "正文", "双引号", "栖霞", "朝阳区", "村里留不住", "合作社", "物业",
            "枫桥经验", "矛盾纠纷", "'quote'", "%", "_", "不存在的词语"]


def test_search_finds_the_same_nodes(stores):
    """The same hits (ids and labels; cases after everything else) — the order among hits and the snippets
    differ: SQLite ranks by FTS5 bm25, Neo4j by name length."""
    _, lite, neo = stores
    for q in SEARCHES:
        a = lite.search(q, limit=10_000)
        b = neo.search(q, limit=10_000)
        assert sorted((h["id"], h["label"], h["name"]) for h in b) == sorted((h["id"], h["label"], h["name"]) for h in a), q
        for hits in (a, b):
            cases = [h["label"] == S.CASE for h in hits]
            assert cases == sorted(cases), q


@pytest.mark.parametrize("stores", ["fixture"], indirect=True)   # the corpus store is shared: never written to
def test_huge_titles_and_texts_are_stored_and_found(stores):
    """No index refuses a long value: a 20,000-character title and a 200,000-character text go in on both."""
    dataset, lite, neo = stores
    assert dataset == "fixture"
    text = ("村集体经济薄弱，" * 30_000)[:200_000] + "结尾处独一无二的短语"
    g = build_case("huge", title="很长的标题" * 4_000, text=text)
    assert lite.upsert_case(g) == neo.upsert_case(g) == "inserted"
    try:
        assert neo.get_node(g.id) == lite.get_node(g.id) == g.case
        for store in (lite, neo):
            assert [h["id"] for h in store.search("结尾处独一无二的短语")] == [g.id]
    finally:
        assert lite.delete_case(g.id) and neo.delete_case(g.id)
    assert neo.stats() == lite.stats()

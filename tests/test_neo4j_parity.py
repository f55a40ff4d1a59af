"""Neo4j gives the same answers as the embedded store: every named query, recommendations on the shipped
corpus (same model ids, same scores to 1e-6), and a migration round trip with equal stats.

Runs against the real test server (scripts/neo4j-test-server); skips visibly without one, fails in CI.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from djkg.graph.migrate import copy_store
from djkg.graph.review import AuditEntry, Commit
from djkg.queries import catalogue
from djkg.queries.index import model_index
from djkg.queries.models import list_models
from djkg.services.recommend import recommend

from conftest import build_case, make_neo4j_store

PARAMS = {
    "case_outcomes": {"cases": ["case:a", "case:b", "case:none"]},
    "candidate_evidence": {"concepts": ["problem:p2", "measure:m2", "measure:m3", "problem:none"]},
    "view_model_cases": {"model": "model:branch-led-cooperative", "limit": 10},
    "view_overview_models": {"limit": 10},
    "view_overview_problems": {"limit": 10},
    "view_region_case_counts": {"regions": ["region:370686", "region:320113", "region:999999"]},
    "view_region_cases": {"regions": ["region:370686", "region:320113"], "limit": 10},
    "view_region_lookup": {"key": "370686"},
    "view_region_tree": {"region": "region:370000"},
    "audit_entries": {"actor": "alice", "action": None, "target": None, "since": None, "until": None, "limit": 10,
                      "offset": 0},
    "audit_count": {"actor": None, "action": "correct", "target": "case:a", "since": "2024-01-01T00:00:00.000000Z",
                    "until": None},
    "page_cases": {"prefix": None, "field": None, "year": None, "illustrative": None, "model": None, "problem": None,
                   "measure": None, "limit": 3, "offset": 1},
    "gap_counts": {"province": None, "field": None},
    "emerging_measure_pairs": {"min_cases": 1},
    "emerging_group_cases": {"measures": ["measure:branch-led-cooperative", "measure:m2", "measure:m3"],
                             "min_shared": 1},
    "emerging_group_concepts": {"cases": ["case:a", "case:c", "case:none"]},
    "model_cases_of": {"cases": ["case:b", "case:a", "case:c", "case:none", "case:a"]},
    "index_contributions_of": {"cases": ["case:b", "case:a", "case:e", "case:none"]},
    "index_nodes_of": {"cases": ["case:b", "case:d", "case:e", "case:none"]},
}

PROFILES = [
    {"region": "栖霞", "industry": "农村", "problems": ["村集体经济薄弱，土地撂荒"]},
    {"region": "武汉市江岸区", "industry": "城市社区", "problems": ["老旧小区没有物业，居民投诉多"]},
    {"region": "北京市朝阳区", "industry": "街道社区", "problems": ["部门之间推诿扯皮，看得见的管不着"]},
    {"region": "浙江省绍兴市", "industry": "农村", "problems": ["邻里纠纷多，矛盾容易上交"]},
    {"region": "甘肃省兰州市", "industry": "国企", "problems": ["党建和业务两张皮"]},
    {"problems": ["快递小哥找不到组织，没地方歇脚"]},
    {"region": "火星", "problems": ["完全无关的话"]},
]


def _norm(value):
    """JSON text and native lists/maps compare equal; floats to 1e-9."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return _norm(json.loads(value))
        except json.JSONDecodeError:
            return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


@pytest.fixture
def both(tmp_path):
    from djkg.graph.sqlite_store import SqliteStore
    neo = make_neo4j_store()
    lite = SqliteStore(tmp_path / "djkg.sqlite3")
    yield lite, neo
    lite.close()
    neo.close()


def test_every_named_query_returns_the_same_rows(both):
    lite, neo = both
    graphs = [
        build_case("a", problems=("weak-collective-economy", "p2"), measures=("branch-led-cooperative", "m2")),
        build_case("b", region=(("320000", "江苏省", "province"), ("320100", "南京市", "city"),
                                ("320113", "栖霞区", "county")), model="m2", problems=("p2",), field="城市社区"),
        build_case("c", model=None, outcomes=()),
        build_case("d", problems=("weak-collective-economy",), measures=("m3",)),
        build_case("e", model=None, measures=("m2", "m3")),   # outside every model, two measures: a pair to count
    ]
    for g in graphs:
        assert lite.upsert_case(g) == neo.upsert_case(g) == "inserted"
    audit = [AuditEntry("alice", "correct", "case:a", {"year": 2018}, {"year": 2019}, at="2024-05-01T00:00:00.000000Z"),
             AuditEntry("alice", "key.add", "bob", None, {"role": "editor"}, at="2024-05-02T00:00:00.000000Z")]
    lite.commit(Commit(audit=audit))
    neo.commit(Commit(audit=audit))
    assert sorted(catalogue.names("sql")) == sorted(catalogue.names("cypher"))
    for name in catalogue.names("sql"):
        params = PARAMS.get(name, {})
        a = [_norm(r) for r in catalogue.run(lite, name, **params)]
        b = [_norm(r) for r in catalogue.run(neo, name, **params)]
        assert a == b, name
        # case_provinces reads the case's region property, which build_case leaves out (test_cypher_parity covers it)
        if name not in ("candidate_concepts", "case_provinces"):
            assert a, f"{name} returned nothing on the fixture; the comparison would be empty"


@pytest.fixture(scope="module")
def corpus_neo4j(corpus_store):
    neo = make_neo4j_store()
    report = copy_store(corpus_store, neo)
    yield neo, report
    neo.close()


def test_migrate_round_trips_the_corpus_with_equal_stats(corpus_store, corpus_neo4j):
    neo, report = corpus_neo4j
    assert report["equal"], (report["source"], report["target"])
    assert neo.case_hashes() == corpus_store.case_hashes()
    # idempotent: a second run changes nothing
    rev = neo.revision()
    assert copy_store(corpus_store, neo)["equal"] and neo.revision() == rev


def test_models_and_maturity_are_identical(corpus_store, corpus_neo4j):
    neo, _ = corpus_neo4j
    assert list_models(model_index(corpus_store)) == list_models(model_index(neo))


@pytest.mark.parametrize("profile", PROFILES, ids=[str(i) for i in range(len(PROFILES))])
def test_recommendations_are_identical(corpus_store, corpus_neo4j, profile):
    neo, _ = corpus_neo4j
    a = recommend(corpus_store, top_k=8, **profile)
    b = recommend(neo, top_k=8, **profile)
    assert [i.model.id for i in a.items] == [i.model.id for i in b.items]
    for x, y in zip(a.items, b.items):
        assert math.isclose(x.score, y.score, abs_tol=1e-6)
        assert x.paths == y.paths and x.evidence == y.evidence and x.maturity == y.maturity
        assert x.breakdown == y.breakdown


def test_every_gold_profile_gets_the_same_answer_from_both_stores(corpus_store, corpus_neo4j):
    """All 90 unit profiles of the three gold sets: same ranked models and scores on SQLite and Neo4j."""
    import yaml
    neo, _ = corpus_neo4j
    gold = Path(__file__).resolve().parent / "gold"
    profiles = [p for name in ("profiles_dev_lead.yaml", "profiles_dev_b.yaml", "profiles_heldout_c.yaml", "profiles_real.yaml")
                for p in yaml.safe_load((gold / name).read_text(encoding="utf-8"))]
    assert len(profiles) >= 90
    for p in profiles:
        args = {k: p.get(k) for k in ("region", "industry", "problems", "description")}
        a, b = recommend(corpus_store, top_k=5, **args), recommend(neo, top_k=5, **args)
        assert [i.model.id for i in a.items] == [i.model.id for i in b.items], p
        assert all(math.isclose(x.score, y.score, abs_tol=1e-6) for x, y in zip(a.items, b.items)), p


def test_cli_migrate_copies_verifies_and_is_idempotent(tmp_path):
    import subprocess
    import sys
    from conftest import CORPUS, require_neo4j
    cfg = require_neo4j()
    make_neo4j_store().close()          # cleared: migration compares whole-store counts
    env = {**__import__("os").environ, "DJKG_NEO4J_USER": cfg["user"], "DJKG_NEO4J_PASSWORD": cfg["password"]}
    env.pop("DJKG_NEO4J_URI", None)     # the source is the embedded store in --data-dir
    files = sorted(CORPUS.glob("c1-*.md"))[:6]
    djkg = [sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path)]
    assert subprocess.run([*djkg, "ingest", *map(str, files)], env=env, capture_output=True).returncode == 0
    for _ in range(2):
        run = subprocess.run([*djkg, "migrate", "--to-neo4j", cfg["uri"]], env=env, capture_output=True, text=True,
                             timeout=300)
        assert run.returncode == 0, run.stderr[-2000:]
        assert "统计一致" in run.stderr


def test_copy_counts_every_source_case_and_copies_back_from_neo4j(corpus_store, corpus_neo4j, tmp_path):
    """Progress counts each source case once, copied or skipped: from SQLite (read in a child process) and
    from Neo4j (read in a thread) into a fresh SQLite store, which then holds the same cases and versions."""
    from djkg.graph.sqlite_store import SqliteStore
    neo, _ = corpus_neo4j
    total = len(corpus_store.case_hashes())
    seen: list[int] = []
    assert copy_store(corpus_store, neo, on_case=lambda: seen.append(1))["equal"]   # all unchanged
    assert len(seen) == total
    back = SqliteStore(tmp_path / "back.sqlite3")
    seen.clear()
    assert copy_store(neo, back, on_case=lambda: seen.append(1), batch=7)["equal"]
    assert len(seen) == total and back.case_hashes() == corpus_store.case_hashes()
    assert back.case_graph(next(iter(corpus_store.case_hashes())))[0] is not None
    back.close()


def test_copy_reports_a_source_that_cannot_be_read(tmp_path):
    """The child process that reads a SQLite source hands its error to the writer, which raises it."""
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.graph.store import StoreError
    source = SqliteStore(tmp_path / "gone.sqlite3")
    source.upsert_case(build_case("gone"))
    source.close()
    for f in tmp_path.glob("gone.sqlite3*"):
        f.unlink()
    target = SqliteStore(tmp_path / "target.sqlite3")
    with pytest.raises(StoreError, match="database not found"):
        copy_store(source, target)
    assert target.case_hashes() == {}
    target.close()


def test_a_bulk_write_is_logged_by_its_row_counts_not_its_rows(caplog):
    # the driver formats each statement's parameters for its debug log even when nothing is logged; a batch's rows
    # (megabytes of case text) are formatted as their count, so a copy's writer does not spend a third of its CPU
    # printing them
    import logging
    from conftest import build_case, make_neo4j_store
    neo = make_neo4j_store()
    try:
        graphs = [build_case(f"log-{i}", text="很长的案例正文" * 200) for i in range(30)]
        with caplog.at_level(logging.DEBUG, logger="neo4j"):
            assert set(neo.upsert_cases(graphs)) == {"inserted"}
        runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
        assert any("rows>" in m for m in runs)
        assert not any("很长的案例正文" in m for m in runs)
        assert neo.count_nodes("Case") == 30
    finally:
        neo.close()


def test_opening_a_store_creates_only_the_indexes_and_constraints_the_database_lacks():
    """A database set up before needs no schema statement (each was a round trip: ~35 on every open); one that
    lost an index or a constraint gets it back; an index of an earlier layout is dropped only where it exists."""
    from djkg.graph.neo4j_store import schema_statements
    store = make_neo4j_store()
    try:
        def names() -> set[str]:
            with store._session() as s:
                return store._schema_names(s)

        present = names()
        assert {"djkg_node_id", "djkg_meta_key", "djkg_node_owner", "djkg_audit_at"} <= present
        assert schema_statements(present) == []
        assert len(schema_statements(None)) > 30      # a user who may not list them: every statement, as before
        with store._session() as s:
            s.run("DROP INDEX djkg_node_owner").consume()
            s.run("DROP CONSTRAINT djkg_meta_key").consume()
            s.run("CREATE INDEX djkg_node_name IF NOT EXISTS FOR (n:Node) ON (n.name)").consume()   # an old layout's
        assert [st.split()[2] for st in schema_statements(names())] == ["djkg_node_name", "djkg_meta_key",
                                                                        "djkg_node_owner"]
        make_neo4j_store().close()
        after = names()
        assert "djkg_node_name" not in after and {"djkg_meta_key", "djkg_node_owner"} <= after
        assert schema_statements(after) == []
    finally:
        store.close()

"""The GraphStore contract, written once and run against every backend.

Each test reads as a statement of what a store promises the rest of djkg.
"""

from __future__ import annotations

import multiprocessing as mp
import time

import pytest

from djkg.graph import schema as S
from djkg.graph.schema import Edge, Node, SchemaError
from djkg.graph.sqlite_store import SqliteStore
from djkg.graph.store import StoreVersionError

from conftest import build_case, neo4j_settings


def test_upsert_is_idempotent(store):
    g = build_case("a")
    assert store.upsert_case(g) == "inserted"
    before = store.stats()
    assert store.upsert_case(build_case("a")) == "unchanged"
    assert store.stats() == before


def test_stats_count_every_label_and_edge_type(store):
    store.upsert_case(build_case("a"))
    stats = store.stats()
    assert set(stats["nodes"]) == set(S.LABELS)
    assert set(stats["edges"]) == set(S.EDGE_TYPES)
    assert stats["nodes"]["Case"] == 1
    assert stats["nodes"]["Region"] == 3
    assert stats["edges"]["PART_OF"] == 2
    assert all(n > 0 for n in stats["nodes"].values())


def test_changed_case_is_replaced_without_orphans(store):
    store.upsert_case(build_case("a", problems=("p-old",), measures=("m-old",), model="model-old"))
    status = store.upsert_case(build_case("a", problems=("p-new",), measures=("m-new",), model="model-new",
                                          outcomes=(("satisfaction", 98.0, "%"),)))
    assert status == "updated"
    for gone in ("problem:p-old", "measure:m-old", "model:model-old"):
        assert store.get_node(gone) is None, gone
    assert store.get_node("problem:p-new") is not None
    stats = store.stats()
    assert stats["nodes"]["Outcome"] == 1
    assert stats["nodes"]["Case"] == 1
    names = {n.props["metric"] for n in store.list_nodes("Outcome")}
    assert names == {"satisfaction"}


def test_shared_concepts_survive_while_another_case_uses_them(store):
    store.upsert_case(build_case("a"))
    store.upsert_case(build_case("b"))
    store.upsert_case(build_case("a", problems=("other",), measures=("other-m",), model=None))
    assert store.get_node("problem:weak-collective-economy") is not None
    uses = [e for e in store.edges_of("model:branch-led-cooperative", types=("USES",), direction="out")]
    assert [e.props["support"] for e in uses] == [1]


def test_aggregated_edges_count_supporting_cases(store):
    for key in ("a", "b", "c"):
        store.upsert_case(build_case(key))
    addresses = store.edges_of("measure:branch-led-cooperative", types=("ADDRESSES",), direction="out")
    assert len(addresses) == 1 and addresses[0].props["support"] == 3
    assert store.stats()["edges"]["ADDRESSES"] == 1
    assert store.delete_case(S.case_id(explicit="b"))
    addresses = store.edges_of("measure:branch-led-cooperative", types=("ADDRESSES",), direction="out")
    assert addresses[0].props["support"] == 2


def test_failed_upsert_leaves_the_store_as_it_was(store):
    store.upsert_case(build_case("ok"))
    store.upsert_case(build_case("bad", title="旧版本"))
    before, old = store.stats(), store.get_node(S.case_id(explicit="bad"))
    # The new version of "bad" is a valid CaseGraph on its own, but it names a stored Problem's id as a
    # Measure: the store finds out only inside the write transaction, after the old version was taken out.
    bad = build_case("bad", title="新版本", problems=("other",))
    bad.nodes.append(Node("problem:weak-collective-economy", S.MEASURE, {"name": "冲突"}))
    bad.edges.append(Edge(bad.id, S.APPLIES, "problem:weak-collective-economy"))
    bad.validate()
    with pytest.raises(SchemaError, match="is a Problem, not a Measure"):
        store.upsert_case(bad)
    assert store.stats() == before
    assert store.get_node(bad.id) == old and old.props["title"] == "旧版本"


def test_invalid_case_graph_is_refused_before_writing(store):
    g = build_case("x")
    g.edges.append(Edge(g.id, "KNOWS", g.id))
    with pytest.raises(SchemaError):
        store.upsert_case(g)
    assert store.get_node(g.id) is None


def test_reads_by_id_and_label(store):
    store.upsert_case(build_case("a", title="衣家村的合作社"))
    node = store.get_node(S.case_id(explicit="a"))
    assert node is not None and node.label == "Case" and node.props["title"] == "衣家村的合作社"
    assert store.get_node("case:missing") is None
    assert [n.id for n in store.list_nodes("Region")] == sorted(n.id for n in store.list_nodes("Region"))
    assert store.count_nodes("Region") == 3
    with pytest.raises(SchemaError):
        store.list_nodes("Person")


def test_neighbourhood_is_bounded_by_depth_and_size(store):
    for key in "abcdef":
        store.upsert_case(build_case(key))
    one = store.neighborhood("model:branch-led-cooperative", depth=1, limit=100)
    labels = {n.label for n in one.nodes}
    assert labels == {"Model", "Case", "Measure"}
    two = store.neighborhood("model:branch-led-cooperative", depth=2, limit=100)
    assert {"Region", "Problem", "Outcome", "Industry"} <= {n.label for n in two.nodes}
    small = store.neighborhood("model:branch-led-cooperative", depth=2, limit=4)
    assert len(small.nodes) == 4 and small.truncated
    ids = {n.id for n in small.nodes}
    assert all(e.src in ids and e.dst in ids for e in small.edges)
    assert store.neighborhood("case:nope", depth=2).nodes == []


def test_hostile_strings_are_data_not_queries(store):
    hostile = "'); DROP TABLE nodes; -- \"}) DETACH DELETE n // MATCH (n) DETACH DELETE n \x00"
    store.upsert_case(build_case("h", title=hostile, text=hostile))
    store.upsert_case(build_case("other"))
    assert store.get_node(S.case_id(explicit="h")).props["title"] == hostile
    assert store.get_node(hostile) is None
    assert store.stats()["nodes"]["Case"] == 2


# --- concurrency: one writer and several readers in separate processes -----------------------------

def _spec(factory, store) -> dict:
    if factory.backend == "sqlite":
        return {"backend": "sqlite", "path": str(store.path)}
    return {"backend": "neo4j", **neo4j_settings()}


def _open(spec):
    if spec["backend"] == "sqlite":
        return SqliteStore(spec["path"])
    from djkg.graph.neo4j_store import Neo4jStore
    return Neo4jStore(spec["uri"], spec["user"], spec["password"])


def _writer(spec, n, q):
    try:
        s = _open(spec)
        for i in range(n):
            s.upsert_case(build_case(f"w{i}"))
        s.close()
        q.put(("writer", "ok"))
    except Exception as exc:  # reported to the parent, which fails the test
        q.put(("writer", repr(exc)))


def _reader(spec, seconds, q):
    try:
        s = _open(spec)
        deadline = time.monotonic() + seconds
        reads = 0
        last = -1
        while time.monotonic() < deadline:
            n = s.stats()["nodes"]["Case"]
            assert n >= last, "case count went backwards"
            last = n
            s.list_nodes("Case", limit=5)
            reads += 1
        s.close()
        q.put(("reader", "ok" if reads > 0 else "no reads"))
    except Exception as exc:
        q.put(("reader", repr(exc)))


def test_one_writer_and_readers_in_other_processes(store_factory):
    store = store_factory()
    store.upsert_case(build_case("seed"))
    spec = _spec(store_factory, store)
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    n = 60
    procs = [ctx.Process(target=_writer, args=(spec, n, q))]
    procs += [ctx.Process(target=_reader, args=(spec, 4.0, q)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(r[1] == "ok" for r in results), results
    assert store.stats()["nodes"]["Case"] == n + 1


# --- schema versioning (the embedded file records its version) ---------------------------------------

def test_sqlite_file_records_schema_version(tmp_path):
    s = SqliteStore(tmp_path / "db.sqlite3")
    assert s.schema_version() == S.SCHEMA_VERSION
    s.close()


def test_newer_sqlite_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "db.sqlite3"
    s = SqliteStore(path)
    s.conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    s.close()
    with pytest.raises(StoreVersionError, match="升级 djkg"):
        SqliteStore(path)


def test_foreign_sqlite_file_is_refused(tmp_path):
    import sqlite3
    path = tmp_path / "other.sqlite3"
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()
    with pytest.raises(StoreVersionError, match="不是 djkg 数据库"):
        SqliteStore(path)


def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path):
    s = SqliteStore(tmp_path / "db.sqlite3")
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    s.close()


def test_older_sqlite_file_is_migrated_in_place(tmp_path):
    """A version-1 file (FTS rows keyed by scanning) is brought to the current version when opened."""
    import sqlite3
    path = tmp_path / "djkg.sqlite3"
    s = SqliteStore(path)
    s.upsert_case(build_case("old", title="旧版本里的合作社案例"))
    s.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
        raw.execute("DELETE FROM node_fts")  # v1 rows had unrelated rowids; the migration rebuilds them
    s = SqliteStore(path)
    assert s.schema_version() == S.SCHEMA_VERSION
    assert [h["id"] for h in s.search("旧版本里的合作社")] == ["case:old"]
    s.upsert_case(build_case("old", title="改过的标题"))   # replacing still finds and removes the old FTS row
    assert s.search("旧版本里的合作社") == [] and s.search("改过的标题")[0]["id"] == "case:old"
    s.close()


def test_batched_upserts_match_one_by_one(store_factory):
    """upsert_cases (bulk ingest, migration): all-new batches take the bulk path, mixed ones case by case;
    either way the store ends as if the cases had been written one at a time."""
    graphs = [build_case(k, problems=("weak-collective-economy", f"p-{k}")) for k in ("a", "b", "c")]
    bulk, single = store_factory(), store_factory()
    assert bulk.upsert_cases(graphs) == ["inserted"] * 3
    for g in graphs:
        single.upsert_case(g)
    changed = build_case("b", title="改了标题")
    assert bulk.upsert_cases([graphs[0], changed, build_case("d")]) == ["unchanged", "updated", "inserted"]
    single.upsert_case(changed)
    single.upsert_case(build_case("d"))
    assert bulk.stats() == single.stats() and bulk.case_hashes() == single.case_hashes()
    # a batch with one bad case writes nothing at all
    clash = build_case("e")
    clash.nodes.append(Node(S.concept_id(S.PROBLEM, "weak-collective-economy"), S.MEASURE, {"name": "x"}))
    before = bulk.stats()
    with pytest.raises(SchemaError):
        bulk.upsert_cases([build_case("f"), clash])
    assert bulk.stats() == before

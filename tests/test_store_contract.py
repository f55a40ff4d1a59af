"""The GraphStore contract, written once and run against every backend.

Each test reads as a statement of what a store promises the rest of djkg.
"""

from __future__ import annotations

import json
import sqlite3

import multiprocessing as mp
import time

import pytest

from djkg.graph import schema as S
from djkg.graph.schema import Edge, Node, SchemaError
from djkg.graph.sqlite_store import SqliteStore
from djkg.graph.store import StoreVersionError

from conftest import CORPUS, build_case, neo4j_settings


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


def _walk_reading_each_hop_whole(start: str, depth: int, limit: int, out_of, into) -> tuple[list[str], bool]:
    """The neighbourhood walk as it read before: each hop's edges at once (every node's outgoing edges, then every
    node's incoming ones), whatever the walk had already filled."""
    order, seen, frontier, truncated = [start], {start}, [start], False
    for _ in range(depth):
        following: list[str] = []
        for e in [e for n in frontier for e in out_of(n)] + [e for n in frontier for e in into(n)]:
            for other in (e.src, e.dst):
                if other not in seen:
                    if len(seen) >= limit:
                        truncated = True
                        continue
                    seen.add(other)
                    order.append(other)
                    following.append(other)
        frontier = following
    return order, truncated


def test_a_neighbourhood_walk_stops_reading_once_it_is_full_and_knows_it_leaves_nodes_out():
    """Once the walk holds ``limit`` nodes and has met one more, no further edge can add a node or change
    ``truncated``: it reads no more — not the next hop, and not the incoming edges of the rest of this hop's nodes
    (each a hub's: every case's). It keeps what reading every hop whole keeps."""
    from djkg.graph.store import bounded_neighborhood
    star = [Edge("hub", S.USES, f"leaf{i}", {}) for i in range(10)] + \
        [Edge(f"case{i}", S.ADDRESSES, f"leaf{j}", {}) for i in range(30) for j in range(10)]
    out_of = lambda n: [e for e in star if e.src == n]   # noqa: E731
    into = lambda n: [e for e in star if e.dst == n]     # noqa: E731
    asked: list[tuple[str, list[str]]] = []

    def touching(ids: list[str], direction: str = "both") -> list[Edge]:
        asked.append((direction, list(ids)))
        return ([e for i in ids for e in out_of(i)] if direction in ("out", "both") else []) + \
            ([e for i in ids for e in into(i)] if direction in ("in", "both") else [])

    for limit in (15, 50):
        asked.clear()
        sub = bounded_neighborhood("hub", 3, limit, exists=lambda i: True, edges_touching=touching,
                                   get_nodes=lambda ids: [Node(i, S.MEASURE, {"name": i}) for i in ids])
        assert ([n.id for n in sub.nodes], sub.truncated) == _walk_reading_each_hop_whole("hub", 3, limit, out_of, into)
        if limit == 15:     # full after the first leaf's incoming edges: nothing more is read but the edges among
            assert sub.truncated and asked[:-1] == [("out", ["hub"]), ("in", ["hub"]),
                                                    ("out", [f"leaf{i}" for i in range(10)]), ("in", ["leaf0"])]
        else:
            assert len(sub.nodes) == 41 and not sub.truncated


def test_the_stores_neighbourhoods_are_the_walk_that_reads_every_hop_whole(corpus_store):
    """On the shipped corpus (hubs: problems, measures, regions faced, used, named by many cases), the embedded
    store's neighbourhood keeps the nodes, and says ``truncated``, as the walk reading every hop whole (the cypher
    parity tests hold Neo4j's to it). The reference walk repeats the store's loop on purpose: it is the old way of
    reading, kept apart from the code it checks."""
    ids = [r[0] for r in corpus_store.conn.execute(
        "SELECT id FROM nodes WHERE label <> 'Case' OR rowid % 8 = 0 ORDER BY id")]
    assert len(ids) > 150
    out_of = lambda n: corpus_store.edges_of(n, direction="out")   # noqa: E731
    into = lambda n: corpus_store.edges_of(n, direction="in")      # noqa: E731
    for node_id in ids[::3]:
        for depth, limit in ((1, 30), (2, 80), (2, 12)):
            sub = corpus_store.neighborhood(node_id, depth=depth, limit=limit)
            assert ([n.id for n in sub.nodes], sub.truncated) == \
                _walk_reading_each_hop_whole(node_id, depth, limit, out_of, into), (node_id, depth, limit)


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


def test_sqlite_search_index_merges_less_often_on_new_and_older_files(tmp_path):
    """The full-text index starts merging its segments at 8 per level, not SQLite's 4: indexing a case's text costs
    the writer less (BENCHMARKS.md). A file made before keeps its schema and gets the setting when opened for
    writing; opened read-only it is left as it is."""
    from djkg.graph.sqlite_store import FTS_AUTOMERGE
    path = tmp_path / "djkg.sqlite3"

    def automerge() -> int:
        with sqlite3.connect(path) as raw:
            return raw.execute("SELECT v FROM node_fts_config WHERE k = 'automerge'").fetchone()[0]

    s = SqliteStore(path)
    s.upsert_case(build_case("a", title="村集体经济合作社"))
    s.close()
    assert automerge() == FTS_AUTOMERGE == 8
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO node_fts(node_fts, rank) VALUES ('automerge', 4)")
    SqliteStore(path, readonly=True).close()
    assert automerge() == 4
    s = SqliteStore(path)
    assert automerge() == 8 and s.schema_version() == S.SCHEMA_VERSION
    assert [h["id"] for h in s.search("集体经济合作")] == ["case:a"]
    s.close()


def _facts_from_props(s: SqliteStore) -> list[tuple]:
    return [tuple(r) for r in s.conn.execute(
        "SELECT id, json_extract(props, '$.year'), json_extract(props, '$.region.adcode'), "
        "json_extract(props, '$.industry.field'), json_extract(props, '$.unit'), json_extract(props, '$.illustrative') "
        "FROM nodes WHERE label = 'Case' ORDER BY id")]


def _facts_kept(s: SqliteStore) -> list[tuple]:
    return [tuple(r) for r in s.conn.execute(
        "SELECT case_id, year, adcode, field, unit, illustrative FROM case_facts ORDER BY case_id")]


def test_sqlite_case_facts_follow_every_write_and_the_migration_fills_them(tmp_path):
    """case_facts (what pages filter, order and count cases by) always equals what json_extract reads from the
    cases' props: after inserts, a batch, a replacement, a deletion, and after migrating a version-4 file."""
    import sqlite3
    path = tmp_path / "djkg.sqlite3"
    s = SqliteStore(path)
    s.upsert_case(build_case("a", field="城市社区"))
    s.upsert_cases([build_case("b"), build_case("c", region=(("110000", "北京市", "province"),))])
    graph = build_case("d")
    graph.case.props.update({"year": 2016, "illustrative": True, "unit": "", "region": {"adcode": "370686"}})
    s.upsert_case(graph)
    replaced = build_case("a", field="机关")
    replaced.case.props.update({"year": "2019", "region": {"adcode": "320113"}})
    s.upsert_case(replaced)
    s.delete_case("case:b")
    assert _facts_kept(s) == _facts_from_props(s)
    assert [r[0] for r in _facts_kept(s)] == ["case:a", "case:c", "case:d"]
    assert _facts_kept(s)[0][1:4] == ("2019", "320113", None) and _facts_kept(s)[2][5] == 1
    s.close()
    with sqlite3.connect(path) as raw:   # a file written before the table existed
        raw.execute("DROP TABLE case_facts")
        raw.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    s = SqliteStore(path)
    assert s.schema_version() == S.SCHEMA_VERSION
    assert _facts_kept(s) == _facts_from_props(s) and len(_facts_kept(s)) == 3
    s.close()


def test_sqlite_folds_edges_in_the_database_as_the_per_case_rows_fold(corpus_store):
    """edges_of and neighborhood on SQLite group the per-case edge rows in the database (and read only the edges
    among the kept nodes): on the whole corpus they equal folding every per-case row in Python, in order."""
    from djkg.graph.serialize import merge_edge_rows
    from djkg.graph.store import bounded_neighborhood
    conn = corpus_store.conn

    def per_case_rows(ids, types=None, direction="both"):
        parts = []
        for near, wanted in (("src", ("out", "both")), ("dst", ("in", "both"))):
            if direction in wanted:
                parts.append("SELECT e.src, e.type, e.dst, e.case_id, e.props FROM json_each(:ids) j CROSS JOIN "
                             f"edges e ON e.{near} = j.value WHERE e.type IN (SELECT value FROM json_each(:types)) "
                             f"ORDER BY j.key, e.type, e.{'dst' if near == 'src' else 'src'}, e.case_id")
        rows = []
        for sql in parts:
            rows += conn.execute(sql, {"ids": json.dumps(ids, ensure_ascii=False),
                                       "types": json.dumps(list(types or S.EDGE_TYPES))}).fetchall()
        return merge_edge_rows(rows)

    ids = [r[0] for r in conn.execute("SELECT id FROM nodes ORDER BY id")]
    assert len(ids) > 500
    for node_id in ids:
        assert corpus_store.edges_of(node_id) == per_case_rows([node_id])
        assert corpus_store.edges_of(node_id, types=(S.USES, S.FACES), direction="in") == per_case_rows(
            [node_id], (S.USES, S.FACES), "in")
        for depth, limit in ((1, 30), (2, 80)):
            expected = bounded_neighborhood(node_id, depth, limit, exists=lambda i: True,
                                            edges_touching=per_case_rows, get_nodes=corpus_store.get_nodes)
            assert corpus_store.neighborhood(node_id, depth=depth, limit=limit) == expected


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


def _snapshot(store) -> tuple[list, list]:
    """Every node (id, label, props) and every edge (with its support) — the whole store, comparable."""
    nodes = sorted((n.id, n.label, repr(sorted(n.props.items()))) for label in S.LABELS
                   for n in store.list_nodes(label, limit=-1))
    edges = sorted({(e.src, e.type, e.dst, repr(sorted(e.props.items())))
                    for nid, _, _ in nodes for e in store.edges_of(nid, direction="out")})
    return nodes, edges


def _reference(tmp_path) -> SqliteStore:
    """One-by-one writes into SQLite: the reference every backend's batches are compared with."""
    return SqliteStore(tmp_path / "reference" / "djkg.sqlite3")


def test_mixed_batches_of_new_updated_and_repeated_cases_match_one_by_one(store_factory, tmp_path):
    """A batch mixing new, changed, unchanged and repeated cases (the same id twice) ends exactly as the same
    cases written one at a time into SQLite: nodes, edges, support counts, orphans collected, statuses."""
    first = [build_case(k, problems=("weak-collective-economy", f"p-{k}"), measures=("branch-led-cooperative", f"m-{k}"))
             for k in ("a", "b", "c", "d")]
    bulk, single = store_factory(), _reference(tmp_path)
    assert bulk.upsert_cases(first) == ["inserted"] * 4
    for g in first:
        single.upsert_case(g)
    mixed = [
        build_case("a", problems=("p-new",), measures=("m-new",), model="model-new",
                   outcomes=(("satisfaction", 98.0, "%"),)),           # changed: its p-a, m-a become orphans
        first[1],                                                       # unchanged
        build_case("e", problems=("p-a",)),                             # new, keeps p-a alive
        build_case("c", title="改了标题"),                               # changed
        build_case("c", title="又改了一次"),                              # the same id again, later version
        build_case("f", region=(("110000", "北京市", "province"), ("110105", "朝阳区", "county"))),   # new region
    ]
    assert bulk.upsert_cases(mixed) == ["updated", "unchanged", "inserted", "updated", "updated", "inserted"]
    for g in mixed:
        single.upsert_case(g)
    assert _snapshot(bulk) == _snapshot(single)
    assert bulk.stats() == single.stats() and bulk.case_hashes() == single.case_hashes()
    assert bulk.get_node("measure:m-a") is None and bulk.get_node("problem:p-a") is not None
    assert bulk.get_node(S.case_id(explicit="c")).props["title"] == "又改了一次"
    uses = bulk.edges_of("model:branch-led-cooperative", types=("USES",), direction="out")
    assert {e.dst: e.props["support"] for e in uses}["measure:branch-led-cooperative"] == 5   # b, c, d, e, f
    # re-sending the whole mixed batch changes nothing
    assert bulk.upsert_cases(mixed[1:3] + mixed[4:]) == ["unchanged"] * 4
    assert _snapshot(bulk) == _snapshot(single)


def test_a_batch_of_only_updates_withdraws_every_old_edge(store_factory, tmp_path):
    graphs = [build_case(f"u{i}", problems=(f"old-{i}", "shared")) for i in range(30)]
    bulk, single = store_factory(), _reference(tmp_path)
    bulk.upsert_cases(graphs)
    for g in graphs:
        single.upsert_case(g)
    updated = [build_case(f"u{i}", problems=(f"new-{i}",), measures=(f"m{i % 3}",), model=f"model-{i % 2}")
               for i in range(30)]
    assert bulk.upsert_cases(updated) == ["updated"] * 30
    for g in updated:
        single.upsert_case(g)
    assert _snapshot(bulk) == _snapshot(single)
    assert bulk.get_node("problem:shared") is None and bulk.get_node("model:branch-led-cooperative") is None
    addresses = bulk.edges_of("measure:m0", types=("ADDRESSES",), direction="out")
    assert sorted(e.props["support"] for e in addresses) == [1] * 10


def test_a_case_claiming_another_cases_node_is_refused_in_a_batch(store_factory):
    store = store_factory()
    a = build_case("a")
    store.upsert_case(a)
    thief = build_case("thief")
    outcome = next(n for n in a.nodes if n.label == S.OUTCOME)
    thief.nodes.append(outcome)
    thief.edges.append(Edge(thief.id, S.ACHIEVES, outcome.id))
    before = _snapshot(store)
    with pytest.raises(SchemaError):
        store.upsert_cases([build_case("new"), thief])
    assert _snapshot(store) == before
    twins = [build_case("x"), build_case("y")]
    twins[1].nodes.append(next(n for n in twins[0].nodes if n.label == S.OUTCOME))
    with pytest.raises(SchemaError):
        store.upsert_cases(twins)
    assert _snapshot(store) == before


def test_a_bulk_ingest_lets_sqlites_log_grow_and_checkpoints_it_once_at_the_end(tmp_path):
    # the log's pages are copied into the database file once at the end of an ingest instead of every 1,000 pages
    # (the writer waited on the disk at each copy); every transaction is still whole and durable on its own
    from djkg.graph.sqlite_store import BULK_CHECKPOINT_PAGES
    from djkg.ingest.pipeline import ingest_paths
    path = tmp_path / "d.sqlite3"
    wal = tmp_path / "d.sqlite3-wal"
    store = SqliteStore(path)
    default = store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    frames: list[int] = []
    during: list[int] = []

    def on_item(_item) -> None:
        frames.append(wal.stat().st_size // (4096 + 24) if wal.exists() else 0)
        during.append(store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])

    report = ingest_paths([CORPUS], store, on_item=on_item)
    assert report.inserted >= 200
    assert set(during) == {BULK_CHECKPOINT_PAGES} and BULK_CHECKPOINT_PAGES > default
    assert max(frames) > 1.5 * default          # the corpus writes ~2,000 pages: one copy, not two
    busy, log, copied = store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and log == copied          # nothing left in the log that the database file lacks
    assert store.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == default
    again = SqliteStore(path)                   # another connection sees every case
    assert again.count_nodes(S.CASE) == report.inserted
    again.close()
    store.close()


def test_a_batch_for_neo4j_carries_each_shared_nodes_row_once_in_its_last_version():
    # a copy's reader encodes a batch in its own process: a region or model named by every case is encoded once
    # and pickled once (the writer keeps only the last case's version of a shared node anyway)
    import pickle
    from djkg.graph.neo4j_store import Neo4jStore
    graphs = [build_case(f"share-{i}") for i in range(20)]
    last = build_case("share-last")
    last.nodes = [Node(n.id, n.label, {**n.props, "note": "最后一版"}) if n.label == S.MODEL else n
                  for n in last.nodes]
    cases = Neo4jStore.prepare_cases([*graphs, last])
    rows = {id(row) for c in cases for node_id, label, row, _ in c.nodes if label == S.MODEL}
    assert len(rows) == 1                                   # one row object for the model across the batch
    model_row = next(row for node_id, label, row, _ in cases[0].nodes if label == S.MODEL)
    assert "最后一版" in model_row[3]                        # … in the version the last case carries
    blob = pickle.dumps(cases, protocol=pickle.HIGHEST_PROTOCOL)
    assert blob.count("最后一版".encode()) == 2             # the row, and the last case's own stored graph text
    # the county in each case's stored graph text, and in the one row's name and props (not in a row per case)
    assert blob.count("栖霞市".encode()) == len(cases) + 2

"""Neo4jStore: the scale-out backend on the official ``neo4j`` driver (Bolt), same contract as SqliteStore.

Graph layout (mirrors the SQLite tables so both stores answer the named queries identically):
- every node is ``(:Node:<Label> {id, label, name, owner, props})`` — ``props`` is the node's properties as
  JSON text (Neo4j cannot store nested maps), ``owner`` the case id for case-owned nodes. Case nodes also
  carry the scalar facts the queries read (title, unit, year, adcode, field, sector, flags, signals,
  quantified, illustrative, synthetic) and ``body`` (text) for search.
- every edge is ``(:Node)-[:<TYPE> {case_id, props}]->(:Node)`` — one relationship per contributing case
  (``case_id = ''`` for structural PART_OF edges), so aggregated edges count their support like SQLite.
- ``(:CaseGraph {case_id, hash, graph})`` keeps each case as written; ``(:Meta {key, value})`` the revision.

Labels and relationship types in query text come only from the schema whitelist; every value is a
parameter. Writes are managed transactions (the driver retries transient errors); one case = one
transaction, its nodes and edges written with UNWIND batches.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Literal

from .schema import (
    AGGREGATED_EDGES, CASE, CASE_OWNED_LABELS, COLLECTABLE_LABELS, EDGE_TYPES, LABELS, CaseGraph, Edge, Node,
    SchemaError, edge_owner)
from .sqlite_store import _graph_from_json, _graph_to_json, _merge_edges
from .store import StoreError, Subgraph, UpsertStatus

_CONSTRAINTS = [
    "CREATE CONSTRAINT djkg_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT djkg_casegraph_id IF NOT EXISTS FOR (g:CaseGraph) REQUIRE g.case_id IS UNIQUE",
    "CREATE CONSTRAINT djkg_meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
    "CREATE INDEX djkg_node_label IF NOT EXISTS FOR (n:Node) ON (n.label)",
    "CREATE INDEX djkg_node_owner IF NOT EXISTS FOR (n:Node) ON (n.owner)",
    "CREATE INDEX djkg_node_name IF NOT EXISTS FOR (n:Node) ON (n.name)",
] + [f"CREATE INDEX djkg_rel_{t.lower()} IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.case_id)" for t in EDGE_TYPES]

_CASE_FACTS = ("title", "unit", "year", "quantified_outcomes", "illustrative", "synthetic")


def _label(label: str) -> str:
    if label not in LABELS:
        raise SchemaError(f"unknown label {label!r}")
    return label


def _rel(t: str) -> str:
    if t not in EDGE_TYPES:
        raise SchemaError(f"unknown edge type {t!r}")
    return t


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _node_row(node: Node, owner: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"id": node.id, "label": node.label, "name": node.name, "owner": owner,
                           "props": _dumps(node.props), "extra": {}}
    p = node.props
    if node.label == CASE:
        region = p.get("region") or {}
        industry = p.get("industry") or {}
        extra = {k: p.get(k) for k in _CASE_FACTS}
        extra.update(adcode=region.get("adcode"), field=industry.get("field"), sector=industry.get("sector"),
                     flags=list(p["flags"]) if "flags" in p else None,
                     signals=list(p["signals"]) if "signals" in p else None, body=str(p.get("text") or ""))
        extra["quantified"] = extra.pop("quantified_outcomes")
        row["extra"] = {k: v for k, v in extra.items() if v is not None}
    elif p.get("summary"):
        row["extra"] = {"body": str(p["summary"])}
    return row


class Neo4jStore:
    dialect = "cypher"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None, *,
                 database: str | None = None):
        try:
            import neo4j
        except ImportError as exc:  # pragma: no cover - the driver is a hard dependency
            raise StoreError("未安装 neo4j 驱动 / the neo4j driver is not installed") from exc
        self._neo4j = neo4j
        self.uri = uri
        self.database = database or None
        auth = (user or "neo4j", password or "") if (user or password) else None
        try:
            # notifications off: "property key does not exist" on an empty store is expected, not news
            self.driver = neo4j.GraphDatabase.driver(uri, auth=auth, max_connection_pool_size=16,
                                                     notifications_min_severity="OFF")
            self.driver.verify_connectivity()
        except Exception as exc:  # driver raises several kinds; all mean "cannot reach/authenticate"
            raise StoreError(f"无法连接 Neo4j（{uri}）：{exc} / cannot connect to Neo4j") from exc
        self._prepare()

    # --- plumbing --------------------------------------------------------------------------------

    def _session(self):
        return self.driver.session(database=self.database)

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def work(tx):
            return [r.data() for r in tx.run(query, params)]
        try:
            with self._session() as s:
                return s.execute_read(work)
        except self._neo4j.exceptions.Neo4jError as exc:
            raise StoreError(f"查询失败：{exc.message} / query failed") from exc

    def _prepare(self) -> None:
        with self._session() as s:
            for stmt in _CONSTRAINTS:
                s.run(stmt).consume()
            s.run("MERGE (m:Meta {key: 'revision'}) ON CREATE SET m.value = 0").consume()

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def clear_all(self) -> None:
        """Delete everything in the database (tests own the test server's database)."""
        with self._session() as s:
            while True:
                n = s.run("MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n").single()["n"]
                if not n:
                    break
            s.run("MERGE (m:Meta {key: 'revision'}) ON CREATE SET m.value = 0").consume()

    # --- writes ----------------------------------------------------------------------------------

    def upsert_case(self, graph: CaseGraph) -> UpsertStatus:
        graph.validate()
        digest = graph.content_hash()

        def work(tx) -> UpsertStatus:
            status = self._upsert_in(tx, graph, digest)
            if status != "unchanged":
                tx.run("MATCH (m:Meta {key: 'revision'}) SET m.value = m.value + 1").consume()
            return status

        with self._session() as s:
            return s.execute_write(work)

    def upsert_cases(self, graphs: list[CaseGraph]) -> list[UpsertStatus]:
        """Several whole cases in one transaction (bulk ingest): all of them or none."""
        for g in graphs:
            g.validate()

        def work(tx) -> list[UpsertStatus]:
            out = [self._upsert_in(tx, g, g.content_hash()) for g in graphs]
            if any(s != "unchanged" for s in out):
                tx.run("MATCH (m:Meta {key: 'revision'}) SET m.value = m.value + 1").consume()
            return out

        with self._session() as s:
            return s.execute_write(work)

    def _upsert_in(self, tx, graph: CaseGraph, digest: str) -> UpsertStatus:
        old = tx.run("MATCH (g:CaseGraph {case_id: $cid}) RETURN g.hash AS hash, g.graph AS graph",
                     cid=graph.id).single()
        if old is not None and old["hash"] == digest:
            return "unchanged"
        touched: set[str] = set()
        if old is not None:
            touched = self._remove_case(tx, graph.id, json.loads(old["graph"]))
        self._insert_case(tx, graph, digest)
        self._collect_orphans(tx, touched - {n.id for n in graph.all_nodes()})
        return "inserted" if old is None else "updated"

    def delete_case(self, case_id: str) -> bool:
        def work(tx) -> bool:
            old = tx.run("MATCH (g:CaseGraph {case_id: $cid}) RETURN g.graph AS graph", cid=case_id).single()
            if old is None:
                return False
            touched = self._remove_case(tx, case_id, json.loads(old["graph"]))
            self._collect_orphans(tx, touched)
            tx.run("MATCH (m:Meta {key: 'revision'}) SET m.value = m.value + 1").consume()
            return True

        with self._session() as s:
            return s.execute_write(work)

    @staticmethod
    def _remove_case(tx, case_id: str, old: dict[str, Any]) -> set[str]:
        by_type: dict[str, list[dict[str, str]]] = {}
        for e in old.get("edges", []):
            owner = edge_owner(Edge(e["src"], e["type"], e["dst"]), case_id)
            if owner:  # structural edges (PART_OF) are shared and stay
                by_type.setdefault(e["type"], []).append({"src": e["src"], "dst": e["dst"]})
        for t, rows in by_type.items():
            tx.run(f"UNWIND $rows AS row MATCH (a:Node {{id: row.src}})-[r:{_rel(t)} {{case_id: $cid}}]->"
                   f"(b:Node {{id: row.dst}}) DELETE r", rows=rows, cid=case_id).consume()
        tx.run("MATCH (n:Node {owner: $cid}) DETACH DELETE n", cid=case_id).consume()
        tx.run("MATCH (g:CaseGraph {case_id: $cid}) DELETE g", cid=case_id).consume()
        return {n["id"] for n in old.get("nodes", [])}

    @staticmethod
    def _insert_case(tx, graph: CaseGraph, digest: str) -> None:
        cid = graph.id
        nodes = graph.all_nodes()
        existing = {r["id"]: r for r in tx.run(
            "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.label AS label, n.owner AS owner",
            ids=[n.id for n in nodes])}
        by_label: dict[str, list[dict[str, Any]]] = {}
        for node in nodes:
            owned = node.label in CASE_OWNED_LABELS
            ex = existing.get(node.id)
            if ex is not None and ex["label"] != node.label:
                raise SchemaError(f"id {node.id} is a {ex['label']}, not a {node.label}")
            if ex is not None and owned and ex["owner"] not in (None, cid):
                raise SchemaError(f"node {node.id} already belongs to {ex['owner']}")
            by_label.setdefault(node.label, []).append(_node_row(node, cid if owned else None))
        for label, rows in by_label.items():
            tx.run(f"UNWIND $rows AS row MERGE (n:Node {{id: row.id}}) "
                   f"ON CREATE SET n.label = row.label, n.owner = row.owner "
                   f"SET n:{_label(label)}, n.name = row.name, n.props = row.props, n += row.extra",
                   rows=rows).consume()
        by_type: dict[str, list[dict[str, str]]] = {}
        for e in graph.edges:
            by_type.setdefault(e.type, []).append({"src": e.src, "dst": e.dst, "case_id": edge_owner(e, cid),
                                                   "props": _dumps(e.props)})
        for t, rows in by_type.items():
            tx.run(f"UNWIND $rows AS row MATCH (a:Node {{id: row.src}}), (b:Node {{id: row.dst}}) "
                   f"MERGE (a)-[r:{_rel(t)} {{case_id: row.case_id}}]->(b) SET r.props = row.props",
                   rows=rows).consume()
        tx.run("CREATE (:CaseGraph {case_id: $cid, hash: $hash, graph: $graph})",
               cid=cid, hash=digest, graph=json.dumps(_graph_to_json(graph), ensure_ascii=False)).consume()

    @staticmethod
    def _collect_orphans(tx, candidates: set[str]) -> None:
        if candidates:
            tx.run("UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE n.label IN $labels AND NOT (n)--() DELETE n",
                   ids=sorted(candidates), labels=sorted(COLLECTABLE_LABELS)).consume()

    # --- reads -----------------------------------------------------------------------------------

    def revision(self) -> str:
        rows = self._read("MATCH (m:Meta {key: 'revision'}) RETURN m.value AS v")
        return str(rows[0]["v"] if rows else 0)

    def get_node(self, node_id: str) -> Node | None:
        found = self.get_nodes([node_id])
        return found[0] if found else None

    def get_nodes(self, node_ids: list[str]) -> list[Node]:
        if not node_ids:
            return []
        rows = self._read("UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.label AS label, "
                          "n.props AS props", ids=list(node_ids))
        by_id = {r["id"]: Node(r["id"], r["label"], json.loads(r["props"])) for r in rows}
        return [by_id[i] for i in node_ids if i in by_id]

    def list_nodes(self, label: str, *, limit: int = 100, offset: int = 0) -> list[Node]:
        rows = self._read(f"MATCH (n:{_label(label)}) RETURN n.id AS id, n.label AS label, n.props AS props "
                          "ORDER BY n.id SKIP $offset LIMIT $limit", offset=max(0, int(offset)),
                          limit=max(0, int(limit)))
        return [Node(r["id"], r["label"], json.loads(r["props"])) for r in rows]

    def count_nodes(self, label: str) -> int:
        return int(self._read(f"MATCH (n:{_label(label)}) RETURN count(n) AS n")[0]["n"])

    def edges_of(self, node_id: str, *, types: tuple[str, ...] | None = None,
                 direction: Literal["out", "in", "both"] = "both") -> list[Edge]:
        return self._edges_touching([node_id], types=types, direction=direction)

    def _edges_touching(self, ids: list[str], *, types: tuple[str, ...] | None = None,
                        direction: str = "both") -> list[Edge]:
        for t in types or ():
            _rel(t)
        wanted = list(types or EDGE_TYPES)
        rows: list[dict[str, Any]] = []
        if direction in ("out", "both"):
            rows += self._read("UNWIND $ids AS id MATCH (a:Node {id: id})-[r]->(b:Node) WHERE type(r) IN $types "
                               "RETURN a.id AS src, type(r) AS type, b.id AS dst, r.case_id AS case_id, "
                               "r.props AS props", ids=list(ids), types=wanted)
        if direction in ("in", "both"):
            rows += self._read("UNWIND $ids AS id MATCH (a:Node)-[r]->(b:Node {id: id}) WHERE type(r) IN $types "
                               "RETURN a.id AS src, type(r) AS type, b.id AS dst, r.case_id AS case_id, "
                               "r.props AS props", ids=list(ids), types=wanted)
        return _merge_edges(rows)

    def neighborhood(self, node_id: str, *, depth: int = 1, limit: int = 200) -> Subgraph:
        depth = max(0, int(depth))
        limit = max(1, int(limit))
        if self.get_node(node_id) is None:
            return Subgraph()
        order, seen, frontier = [node_id], {node_id}, [node_id]
        truncated = False
        for _ in range(depth):
            if not frontier:
                break
            next_frontier: list[str] = []
            for e in self._edges_touching(frontier):
                for other in (e.src, e.dst):
                    if other not in seen:
                        if len(seen) >= limit:
                            truncated = True
                            continue
                        seen.add(other)
                        order.append(other)
                        next_frontier.append(other)
            frontier = next_frontier
        edges = {(e.src, e.type, e.dst): e for e in self._edges_touching(order) if e.src in seen and e.dst in seen}
        return Subgraph(nodes=self.get_nodes(order), edges=sorted(edges.values(), key=lambda e: (e.src, e.type, e.dst)),
                        truncated=truncated)

    def stats(self) -> dict[str, dict[str, int]]:
        nodes = {label: 0 for label in LABELS}
        for r in self._read("MATCH (n:Node) RETURN n.label AS label, count(*) AS n"):
            nodes[r["label"]] = int(r["n"])
        edges = {t: 0 for t in EDGE_TYPES}
        for r in self._read("MATCH (a:Node)-[r]->(b:Node) WITH DISTINCT a.id AS s, type(r) AS t, b.id AS d "
                            "RETURN t, count(*) AS n"):
            edges[r["t"]] = int(r["n"])
        return {"nodes": nodes, "edges": edges}

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        bound = {k: (list(v) if isinstance(v, tuple) else v) for k, v in (params or {}).items()}
        return self._read(query, **bound)

    def search(self, text: str, *, labels: tuple[str, ...] | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Substring search over names and case text (CONTAINS; snippet cut around the first hit)."""
        text = text.replace("\x00", "").strip()
        if not text:
            return []
        rows = self._read(
            "MATCH (n:Node) WHERE n.label IN $labels AND (n.name CONTAINS $q OR n.body CONTAINS $q) "
            "RETURN n.id AS id, n.label AS label, n.name AS name, n.body AS body "
            "ORDER BY (n.label = 'Case'), size(n.name), n.id LIMIT $limit",
            labels=[_label(x) for x in (labels or LABELS)], q=text, limit=int(limit))
        out = []
        for r in rows:
            body = r.get("body") or ""
            i = body.find(text) if len(text) >= 3 else -1
            snippet = "" if i < 0 else "…" + body[max(0, i - 16):i] + "[" + text + "]" + body[i + len(text):i + len(text) + 16] + "…"
            out.append({"id": r["id"], "label": r["label"], "name": r["name"], "snippet": snippet})
        return out

    def case_hashes(self) -> dict[str, str]:
        return {r["id"]: r["h"] for r in self._read("MATCH (g:CaseGraph) RETURN g.case_id AS id, g.hash AS h")}

    def iter_case_graphs(self) -> Iterator[CaseGraph]:
        last = ""
        while True:  # paged, so a 100,000-case store never sits in one result
            rows = self._read("MATCH (g:CaseGraph) WHERE g.case_id > $last RETURN g.case_id AS id, g.graph AS graph "
                              "ORDER BY g.case_id LIMIT 500", last=last)
            if not rows:
                return
            for r in rows:
                yield _graph_from_json(json.loads(r["graph"]))
            last = rows[-1]["id"]

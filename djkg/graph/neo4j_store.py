"""Neo4jStore: the scale-out backend on the official ``neo4j`` driver (Bolt), same contract as SqliteStore.

Graph layout (mirrors the SQLite tables so both stores answer the named queries identically):
- every node is ``(:Node:<Label> {id, label, name, owner, props})`` — ``props`` is the node's properties as
  JSON text written exactly as SqliteStore writes its ``props`` column (Neo4j cannot store nested maps), so
  ``get_node`` and every query column that returns ``props`` give the same value on both stores. ``owner`` is
  the case id for case-owned nodes (the Case and its Outcomes).
- the scalar facts the named queries read are copied next to ``props`` *as SQLite's ``json_extract`` returns
  them* (booleans as 0/1, lists as compact JSON text): on Case nodes title, unit, year, adcode, field, sector,
  flags, signals, quantified, illustrative, synthetic, field_confidence, and the document it holds (``document``,
  the text digest of its identity record, and ``origin``, the file it came from); on Problem/Measure/Model nodes
  ``candidate``; and ``body`` (case text, or a concept's summary) for search.
- every edge is ``(:Node)-[:<TYPE> {case_id, props}]->(:Node)`` — one relationship per contributing case
  (``case_id = ''`` for structural PART_OF edges), so aggregated edges count their support like SQLite.
- ``(:CaseGraph {case_id, hash, graph})`` keeps each case as written; ``(:Meta {key, value})`` the revision
  counter (it only grows: clearing the store raises it too), ``changes_from``, the schema version and the sequence
  counters of the two review node types;
- ``(:Change {rev, cases})`` — the change log (``graph/changes.py``): the ids of the cases revision ``rev``
  changed, created in the write's transaction;
- ``(:Correction {seq, case_id, at, actor, note, change})`` and ``(:AuditEntry {seq, at, actor, action, target,
  before, after})`` — what people changed, beside the extracted facts (``graph/review.py``); JSON as text, as in
  SQLite; ``(:CaseLock {case_id})`` — what ``commit`` locks to order writers of one case. None carries the
  ``Node`` label, so no graph query ever meets them.

Labels and relationship types in query text come only from the schema whitelist; every value is a
parameter. Writes are managed transactions (``execute_write``: the driver retries transient errors such as
deadlocks and leader changes); a batch of whole cases is one transaction of one read and a few ``UNWIND``
writes (``neo4j_write.py``: cases are encoded first, ``prepare_cases``, which ``copy_store`` does beside the writer).
"""

from __future__ import annotations

import json
import re
import time
from contextlib import nullcontext
from typing import Any, Callable, ContextManager, Iterator, Literal, TypeVar

from .schema import AGGREGATED_EDGES, EDGE_TYPES, LABELS, SCHEMA_VERSION, CaseGraph, Edge, Node
from .changes import EVERYTHING, ChangeSet, change_set
from .neo4j_write import (
    DETACHED_TYPES, EncodedCase, Rows, bump_revision, delete_cases, label_name, node_row, rel_name, share_rows,
    upsert_batch)
from .review import (
    AuditEntry, Commit, Correction, check_expectations, commit_case_ids, dumps, graph_audit, utc_now)
from .serialize import graph_from_json, merge_edge_groups
from .store import (
    StoredCase, StoreError, StoreVersionError, Subgraph, UpsertStatus, bounded_neighborhood, decode_rows)

T = TypeVar("T")

_CONSTRAINTS = [
    # indexes of earlier layouts that made over-long values unwritable (see djkg_region_name below)
    "DROP INDEX djkg_node_name IF EXISTS",
    "DROP INDEX djkg_node_name_text IF EXISTS",
    "DROP INDEX djkg_node_body_text IF EXISTS",
    "CREATE CONSTRAINT djkg_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
    *[f"CREATE CONSTRAINT djkg_{label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
      for label in LABELS],
    "CREATE CONSTRAINT djkg_casegraph_id IF NOT EXISTS FOR (g:CaseGraph) REQUIRE g.case_id IS UNIQUE",
    "CREATE CONSTRAINT djkg_meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
    "CREATE CONSTRAINT djkg_change_rev IF NOT EXISTS FOR (c:Change) REQUIRE c.rev IS UNIQUE",
    "CREATE INDEX djkg_node_label IF NOT EXISTS FOR (n:Node) ON (n.label)",
    "CREATE INDEX djkg_node_owner IF NOT EXISTS FOR (n:Node) ON (n.owner)",
    # a case by the document it holds (its text digest): ``documents``
    "CREATE INDEX djkg_case_document IF NOT EXISTS FOR (n:Case) ON (n.document)",
    # names are indexed for regions only (gazetteer names, always short): Neo4j refuses to write a node whose
    # indexed value exceeds the index's key size, and case titles, concept phrases and texts are unbounded
    "CREATE INDEX djkg_region_name IF NOT EXISTS FOR (n:Region) ON (n.name)",
    # relationships are looked up by case_id only to withdraw a replaced case's aggregated ones (the others go
    # with DETACH DELETE of its nodes): indexes on the other types only cost writes (and on PART_OF, all '',
    # one made every PART_OF look-up a scan)
    *[f"DROP INDEX djkg_rel_{t.lower()} IF EXISTS" for t in EDGE_TYPES if t not in DETACHED_TYPES],
] + [f"CREATE INDEX djkg_rel_{t.lower()} IF NOT EXISTS FOR ()-[r:{t}]-() ON (r.case_id)" for t in DETACHED_TYPES]

# corrections and the audit trail (graph/review.py): numbered by Meta counters, looked up by case / filter
_REVIEW_CONSTRAINTS = [
    "CREATE CONSTRAINT djkg_caselock_id IF NOT EXISTS FOR (l:CaseLock) REQUIRE l.case_id IS UNIQUE",
    "CREATE CONSTRAINT djkg_correction_seq IF NOT EXISTS FOR (c:Correction) REQUIRE c.seq IS UNIQUE",
    "CREATE INDEX djkg_correction_case IF NOT EXISTS FOR (c:Correction) ON (c.case_id)",
    "CREATE CONSTRAINT djkg_audit_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE",
    *[f"CREATE INDEX djkg_audit_{k} IF NOT EXISTS FOR (a:AuditEntry) ON (a.{k})" for k in ("actor", "action", "target", "at")],
]
_REVIEW_COUNTERS = ("correction_seq", "audit_seq")
_SCHEMA_STATEMENT = re.compile(r"(CREATE|DROP) (?:CONSTRAINT|INDEX) (\w+) IF (?:NOT )?EXISTS")


def schema_statements(present: set[str] | None) -> list[str]:
    """The schema statements a database whose indexes and constraints are named ``present`` still needs: each
    CREATE whose name it lacks, each DROP whose name it has (all of them when the names are unknown). Every store
    opened ran all ~35, one round trip each (~70 ms; a test opens a store for every Neo4j case); a database set up
    before needs none."""
    every = [*_CONSTRAINTS, *_REVIEW_CONSTRAINTS]
    if present is None:
        return every
    needed = []
    for stmt in every:
        verb, name = _SCHEMA_STATEMENT.match(stmt).groups()
        if (verb == "CREATE") != (name in present):
            needed.append(stmt)
    return needed

def _first_positions(ids: list[str]) -> dict[str, int]:
    """Each id's first position in ``ids``, in that order: the order both stores return the nodes' edges in."""
    pos: dict[str, int] = {}
    for i, node_id in enumerate(ids):
        pos.setdefault(node_id, i)
    return pos


# version of the node layout above (2: scalar copies as json_extract gives them, ``candidate``; 4: a case's
# ``document`` and ``origin``); older stores get their copies rewritten from ``props`` when opened (public: the
# neo4j-admin export writes it)
LAYOUT = 4


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
            try:
                self.driver.close()
            except Exception:  # noqa: BLE001 - the driver may not exist yet
                pass
            raise StoreError(f"无法连接 Neo4j（{uri}）：{exc} / cannot connect to Neo4j") from exc
        try:
            self._prepare()
        except BaseException:
            self.driver.close()
            raise

    # --- plumbing --------------------------------------------------------------------------------

    def _session(self):
        return self.driver.session(database=self.database)

    def _managed(self, mode: str, work: Callable[[Any], T]) -> T:
        """Run ``work(tx)`` as a managed transaction (the driver retries transient errors). Unavailable,
        refused or failing servers become StoreError; errors raised by ``work`` (SchemaError …) and, for writes,
        a server's refusal of one case's data (a client error) pass through, so a batch can set that case aside."""
        errors = self._neo4j.exceptions
        if mode == "w":
            self._wrote()   # forget the cached revision, whatever the outcome of the write
        try:
            with self._session() as s:
                return s.execute_write(work) if mode == "w" else s.execute_read(work)
        except (errors.AuthError, errors.Forbidden) as exc:
            raise StoreError(f"Neo4j 拒绝访问：{exc.message} / Neo4j refused access") from exc
        except errors.ClientError as exc:
            if mode == "w":
                raise
            raise StoreError(f"查询失败：{exc.message} / query failed") from exc
        except errors.Neo4jError as exc:
            raise StoreError(f"Neo4j 操作失败：{exc.message} / Neo4j operation failed") from exc
        except errors.DriverError as exc:
            raise StoreError(f"Neo4j 不可用（{self.uri}）：{exc} / Neo4j unavailable") from exc

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def work(tx):
            return [r.data() for r in tx.run(query, params)]
        return self._managed("r", work)

    def _prepare(self) -> None:
        try:
            with self._session() as s:
                for stmt in schema_statements(self._schema_names(s)):   # all idempotent (IF [NOT] EXISTS)
                    s.run(stmt).consume()
        except (self._neo4j.exceptions.Neo4jError, self._neo4j.exceptions.DriverError) as exc:
            raise StoreError(f"无法在 Neo4j 中建立约束和索引：{exc} / cannot create constraints and indexes "
                             "(the user needs schema rights)") from exc

        def work(tx) -> Any:
            tx.run("MERGE (m:Meta {key: 'revision'}) ON CREATE SET m.value = 0").consume()
            # the change log is complete from here on (a store written before it existed: from its revision now)
            tx.run("MATCH (m:Meta {key: 'revision'}) MERGE (f:Meta {key: 'changes_from'}) "
                   "ON CREATE SET f.value = m.value").consume()
            for key in _REVIEW_COUNTERS:
                tx.run("MERGE (m:Meta {key: $key}) ON CREATE SET m.value = 0", key=key).consume()
            row = tx.run("MERGE (m:Meta {key: 'schema_version'}) ON CREATE SET m.value = $v RETURN m.value AS v",
                         v=SCHEMA_VERSION).single()
            version = int(row["v"])
            if version < SCHEMA_VERSION:  # the graph layout has not changed: raising the mark is the migration
                tx.run("MATCH (m:Meta {key: 'schema_version'}) SET m.value = $v", v=SCHEMA_VERSION).consume()
            return version

        version = self._managed("w", work)
        if version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"Neo4j 数据库结构版本为 {version}，本程序只支持到 {SCHEMA_VERSION}：请升级 djkg。"
                f" / Neo4j schema version {version} is newer than this djkg ({SCHEMA_VERSION}); upgrade djkg.")
        rows = self._read("MATCH (m:Meta {key: 'layout'}) RETURN m.value AS v")
        if not rows or int(rows[0]["v"]) < LAYOUT:
            self._refresh_facts()

    def _schema_names(self, session) -> set[str] | None:
        """The names of the indexes and constraints the database has; None when the user may not list them."""
        try:
            return {r["name"] for r in session.run("SHOW INDEXES YIELD name RETURN name")} | \
                {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name RETURN name")}
        except self._neo4j.exceptions.Neo4jError:
            return None

    def _refresh_facts(self) -> None:
        """Rewrite every node's scalar copies from its ``props`` (a store written by an earlier layout)."""
        last = ""
        while True:
            rows = self._read("MATCH (n:Node) WHERE n.id > $last RETURN n.id AS id, n.label AS label, "
                              "n.props AS props, n.owner AS owner ORDER BY n.id LIMIT 1000", last=last)
            if not rows:
                break
            fresh = [node_row(Node(r["id"], r["label"], json.loads(r["props"])), r["owner"]) for r in rows]

            def work(tx, fresh=fresh) -> None:
                tx.run("UNWIND $rows AS row MATCH (n:Node {id: row.id}) SET n += row.extra", rows=Rows(fresh)).consume()
            self._managed("w", work)
            last = rows[-1]["id"]

        def mark(tx) -> None:
            tx.run("MERGE (m:Meta {key: 'layout'}) SET m.value = $v", v=LAYOUT).consume()
            bump_revision(tx, [EVERYTHING])   # every case's facts may read differently: readers rebuild
        self._managed("w", mark)

    def schema_version(self) -> int:
        rows = self._read("MATCH (m:Meta {key: 'schema_version'}) RETURN m.value AS v")
        return int(rows[0]["v"]) if rows else 0

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def clear_all(self) -> None:
        """Delete everything in the database (tests own the test server's database) but the revision counter,
        which goes on growing: a reader's index of an earlier revision must never look current again."""
        with self._session() as s:
            # in slices (auto-commit, server-side batches), so a big store never needs one huge transaction
            s.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 5000 ROWS").consume()
            s.run("MATCH (n) WHERE NOT (n:Meta AND n.key IN ['revision', 'changes_from']) "
                  "CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        self._wrote()
        self._prepare()

        def restart_log(tx) -> None:   # the log says nothing about revisions before the clear
            tx.run("MATCH (m:Meta {key: 'revision'}) MATCH (f:Meta {key: 'changes_from'}) "
                   "SET f.value = m.value").consume()
            bump_revision(tx, [EVERYTHING])
        self._managed("w", restart_log)

    # --- writes ----------------------------------------------------------------------------------

    def bulk_writes(self) -> ContextManager[None]:
        """Nothing to defer: the server checkpoints on its own schedule."""
        return nullcontext()

    def upsert_case(self, graph: CaseGraph) -> UpsertStatus:
        return self.upsert_cases([graph])[0]

    def upsert_cases(self, graphs: list[CaseGraph]) -> list[UpsertStatus]:
        """Several whole cases in one transaction (bulk ingest, migration): all of them or none. New and
        changed cases alike go in one read and a few UNWIND writes per batch (``neo4j_write``)."""
        return self.upsert_prepared(self.prepare_cases(graphs))

    @staticmethod
    def prepare_cases(graphs: list[CaseGraph] | list[StoredCase]) -> list[EncodedCase]:
        """Validate and encode cases for ``upsert_prepared`` without the database (``copy_store`` runs this in
        its reader thread, so the encoding overlaps the server's work on the previous batch). Cases read from
        another store keep the hash and text it stored (what hashing and encoding them again would give)."""
        cases = [EncodedCase(*g) if isinstance(g, StoredCase) else EncodedCase(g) for g in graphs]
        share_rows(cases)
        return cases

    def upsert_prepared(self, cases: list[EncodedCase]) -> list[UpsertStatus]:
        """``upsert_cases`` of cases ``prepare_cases`` encoded."""
        if not cases:
            return []
        return self._managed("w", lambda tx: upsert_batch(tx, cases))

    def delete_case(self, case_id: str) -> bool:
        return bool(self._managed("w", lambda tx: delete_cases(tx, [case_id])))

    # --- review: versions, corrections, audit (graph/review.py) ---------------------------------------

    def commit(self, commit: Commit) -> list[UpsertStatus]:
        """Case graphs, corrections and audit entries in one transaction, after checking what the writer
        expects (``VersionConflict`` / ``CorrectionsChanged``, nothing written)."""
        cases = self.prepare_cases(commit.graphs)   # validated, hashed, encoded
        digests = [c.digest for c in cases]
        ids = commit_case_ids(commit)

        def work(tx) -> list[UpsertStatus]:
            # write-lock the cases first (sorted ids), so the checks below read what is committed, and no other
            # writer of these cases can commit between the checks and the writes (Neo4j reads are read-committed).
            # The lock is a node of its own that lives as long as the store: a case's CaseGraph node is replaced
            # on every update, and a writer queued on the old one would hold no lock on its successor.
            tx.run("UNWIND $ids AS id MERGE (l:CaseLock {case_id: id}) SET l.writes = coalesce(l.writes, 0) + 1",
                   ids=ids).consume()
            versions = {r["id"]: r["hash"] for r in tx.run(
                "UNWIND $ids AS id MATCH (g:CaseGraph {case_id: id}) RETURN id, g.hash AS hash", ids=ids)}
            counts = {r["id"]: int(r["n"]) for r in tx.run(
                "UNWIND $ids AS id MATCH (k:Correction {case_id: id}) RETURN id, count(k) AS n", ids=ids)}
            check_expectations(commit, versions, counts)
            statuses = upsert_batch(tx, cases) if cases else []
            at = utc_now()
            if commit.corrections:
                first = self._take_seq(tx, "correction_seq", len(commit.corrections))
                tx.run("UNWIND $rows AS r CREATE (:Correction {seq: r.seq, case_id: r.case_id, at: coalesce(r.at, $at), "
                       "actor: r.actor, note: r.note, change: r.change})", at=at,
                       rows=Rows({"seq": first + i, "case_id": k.case_id, "at": k.at or None, "actor": k.actor, "note": k.note,
                              "change": dumps(k.change)} for i, k in enumerate(commit.corrections))).consume()
            entries = [*commit.audit, *graph_audit(commit, statuses, versions, digests)]
            if entries:
                first = self._take_seq(tx, "audit_seq", len(entries))
                tx.run("UNWIND $rows AS r CREATE (:AuditEntry {seq: r.seq, at: coalesce(r.at, $at), actor: r.actor, action: r.action, "
                       "target: r.target, before: r.before, after: r.after})", at=at,
                       rows=Rows({"seq": first + i, "at": e.at or None, "actor": e.actor, "action": e.action, "target": e.target,
                              "before": None if e.before is None else dumps(e.before),
                              "after": None if e.after is None else dumps(e.after)}
                             for i, e in enumerate(entries))).consume()
            if commit.corrections:   # (a batch of changed cases has bumped it already)
                bump_revision(tx, [k.case_id for k in commit.corrections])
            return statuses

        return self._managed("w", work)

    @staticmethod
    def _take_seq(tx, counter: str, n: int) -> int:
        """Reserve ``n`` numbers of a Meta counter (the write lock on it orders concurrent writers); the first."""
        last = tx.run("MATCH (m:Meta {key: $key}) SET m.value = m.value + $n RETURN m.value AS v",
                      key=counter, n=n).single()["v"]
        return int(last) - n + 1

    def case_graph(self, case_id: str) -> tuple[CaseGraph, str] | None:
        """A case as stored, with its version."""
        rows = self._read_settled("MATCH (g:CaseGraph {case_id: $cid}) RETURN g.hash AS hash, g.graph AS graph",
                                  cid=case_id)
        return None if not rows else (graph_from_json(json.loads(rows[0]["graph"])), rows[0]["hash"])

    def case_version(self, case_id: str) -> str | None:
        rows = self._read_settled("MATCH (g:CaseGraph {case_id: $cid}) RETURN g.hash AS hash", cid=case_id)
        return rows[0]["hash"] if rows else None

    def _read_settled(self, query: str, attempts: int = 20, **params: Any) -> list[dict[str, Any]]:
        """Rows of ``query``, read again while any value in them is null: a case's nodes are replaced when it is
        rewritten, and a read-committed reader can find a node as that commits and see its properties gone — each
        property on its own, so one column can still hold its value while the next is already null (CI saw a
        CaseGraph with its hash and no graph)."""
        for _ in range(attempts):
            rows = self._read(query, **params)
            if all(v is not None for r in rows for v in r.values()):
                return rows
            time.sleep(0.005)
        raise StoreError("数据正在被反复改写，请稍后再试 / the data is being rewritten; try again")

    def corrections(self, case_ids: list[str]) -> dict[str, list[Correction]]:
        """Corrections of the given cases in the order they were made."""
        out: dict[str, list[Correction]] = {}
        for r in self._read("UNWIND $ids AS id MATCH (k:Correction {case_id: id}) RETURN k.seq AS seq, "
                            "k.case_id AS case_id, k.at AS at, k.actor AS actor, k.note AS note, k.change AS change "
                            "ORDER BY k.seq", ids=list(case_ids)):
            out.setdefault(r["case_id"], []).append(
                Correction(r["case_id"], json.loads(r["change"]), r["actor"], r["note"], r["at"], int(r["seq"])))
        return out

    def iter_corrections(self) -> Iterator[Correction]:
        for r in self._paged("MATCH (k:Correction) WHERE k.seq > $last RETURN k.seq AS seq, k.case_id AS case_id, "
                             "k.at AS at, k.actor AS actor, k.note AS note, k.change AS change ORDER BY k.seq LIMIT 1000"):
            yield Correction(r["case_id"], json.loads(r["change"]), r["actor"], r["note"], r["at"], int(r["seq"]))

    def iter_audit(self) -> Iterator[AuditEntry]:
        for r in self._paged("MATCH (a:AuditEntry) WHERE a.seq > $last RETURN a.seq AS seq, a.at AS at, a.actor AS actor, "
                             "a.action AS action, a.target AS target, a.before AS before, a.after AS after "
                             "ORDER BY a.seq LIMIT 1000"):
            yield AuditEntry(r["actor"], r["action"], r["target"], None if r["before"] is None else json.loads(r["before"]),
                             None if r["after"] is None else json.loads(r["after"]), r["at"], int(r["seq"]))

    def _paged(self, query: str) -> Iterator[dict[str, Any]]:
        """Rows of ``query`` (ordered by ``seq``, filtered by ``seq > $last``) a page at a time."""
        last = 0
        while True:
            rows = self._read(query, last=last)
            if not rows:
                return
            yield from rows
            last = rows[-1]["seq"]

    # --- reads -----------------------------------------------------------------------------------

    # Readers ask for the revision on every request (to know whether cached indexes are current). Over Bolt
    # that is a round trip, so it is remembered for REVISION_TTL seconds: writes made through this store show
    # at once (they reset it); writes by other processes show within the TTL.
    REVISION_TTL = 1.0

    def revision(self) -> str:
        cached = getattr(self, "_revision_cache", None)
        now = time.monotonic()
        if cached is not None and now - cached[1] < self.REVISION_TTL:
            return cached[0]
        rows = self._read("MATCH (m:Meta {key: 'revision'}) RETURN m.value AS v")
        value = str(rows[0]["v"] if rows else 0)
        self._revision_cache = (value, now)
        return value

    def _wrote(self) -> None:
        self._revision_cache = None

    def changed_cases(self, since: str) -> ChangeSet | None:
        """The cases changed after revision ``since`` (None when the log cannot say: ``graph/changes.py``)."""
        try:
            after = int(since)
        except (TypeError, ValueError):
            return None
        rows = self._read("MATCH (m:Meta {key: 'revision'}) MATCH (f:Meta {key: 'changes_from'}) "
                          "OPTIONAL MATCH (c:Change) WHERE c.rev > $since "
                          "RETURN m.value AS revision, f.value AS changes_from, collect([c.rev, c.cases]) AS entries",
                          since=after)
        if not rows:
            return None
        r = rows[0]
        return change_set(since, int(r["revision"]), int(r["changes_from"]),
                          ((rev, cases) for rev, cases in r["entries"] if rev is not None))

    def get_node(self, node_id: str) -> Node | None:
        found = self.get_nodes([node_id])
        return found[0] if found else None

    def get_nodes(self, node_ids: list[str]) -> list[Node]:
        if not node_ids:
            return []
        rows = self._read_settled("UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.label AS label, "
                                  "n.props AS props", ids=list(node_ids))
        by_id = {r["id"]: Node(r["id"], r["label"], json.loads(r["props"])) for r in rows}
        return [by_id[i] for i in node_ids if i in by_id]

    def list_nodes(self, label: str, *, limit: int = 100, offset: int = 0) -> list[Node]:
        # as SQLite: a negative limit means "no limit", a negative offset counts as 0
        limit, offset = int(limit), max(0, int(offset))
        tail = "SKIP $offset" + (" LIMIT $limit" if limit >= 0 else "")
        rows = self._read(f"MATCH (n:{label_name(label)}) RETURN n.id AS id, n.label AS label, n.props AS props "
                          f"ORDER BY n.id {tail}", offset=offset, limit=limit)
        return [Node(r["id"], r["label"], json.loads(r["props"])) for r in rows]

    def count_nodes(self, label: str) -> int:
        return int(self._read(f"MATCH (n:{label_name(label)}) RETURN count(n) AS n")[0]["n"])

    def edges_of(self, node_id: str, *, types: tuple[str, ...] | None = None,
                 direction: Literal["out", "in", "both"] = "both") -> list[Edge]:
        return self._edges_touching([node_id], types=types, direction=direction)

    def _edges_touching(self, ids: list[str], *, types: tuple[str, ...] | None = None,
                        direction: str = "both") -> list[Edge]:
        for t in types or ():
            rel_name(t)
        wanted = list(types or EDGE_TYPES)
        # groups come in the order SqliteStore's index walk yields them — for each id in turn, by type, then by
        # the other end — so edges_of lists edges alike and a truncated neighbourhood keeps the same nodes
        pos = _first_positions(ids)
        groups: list[dict[str, Any]] = []
        if direction in ("out", "both"):
            out = self._grouped("UNWIND $ids AS id MATCH (a:Node {id: id})-[r]->(b:Node) WHERE type(r) IN $types",
                                ids=list(pos), types=wanted)
            groups += sorted(out, key=lambda g: (pos[g["src"]], g["type"], g["dst"]))
        if direction in ("in", "both"):
            inc = self._grouped("UNWIND $ids AS id MATCH (a:Node)-[r]->(b:Node {id: id}) WHERE type(r) IN $types",
                                ids=list(pos), types=wanted)
            groups += sorted(inc, key=lambda g: (pos[g["dst"]], g["type"], g["src"]))
        return merge_edge_groups(groups)

    def _grouped(self, match: str, **params: Any) -> list[dict[str, Any]]:
        """The relationships ``match`` binds as ``r`` (from ``a`` to ``b``), one row per (src, type, dst) as
        SqliteStore groups them: the number of distinct cases behind it (``support``) and the props of its first
        case's relationship. A hub's per-case relationships (a model's USES, one per case that uses the measure)
        are counted on the server instead of each sent here; only a plain edge's own rows (one, as a rule) come
        back, and the first case is chosen here, in Python's order, as the per-case rows were sorted."""
        rows = self._read(match + " WITH a.id AS src, type(r) AS type, b.id AS dst, r "
                          "RETURN src, type, dst, count(DISTINCT CASE WHEN r.case_id <> '' THEN r.case_id END) AS support, "
                          "collect(CASE WHEN type(r) IN $aggregated THEN null ELSE [r.case_id, r.props] END) AS plain",
                          aggregated=sorted(AGGREGATED_EDGES), **params)
        for row in rows:
            first = min(row.pop("plain"), default=None, key=lambda cp: cp[0] or "")
            row["props"] = first[1] if first else None
        return rows

    def _edges_among(self, ids: list[str]) -> list[Edge]:
        """The edges whose two ends are both in ``ids``: each is an edge out of one of them, so only the kept
        nodes' outgoing relationships are read, and only those that end in the set are counted — not every edge
        into a hub (a problem faced by every case) as ``_edges_touching`` of the whole set would."""
        pos = _first_positions(ids)
        groups = self._grouped("MATCH (a:Node) WHERE a.id IN $ids MATCH (a)-[r]->(b:Node) "
                               "WHERE b.id IN $ids AND type(r) IN $types", ids=list(pos), types=list(EDGE_TYPES))
        return merge_edge_groups(sorted(groups, key=lambda g: (pos[g["src"]], g["type"], g["dst"])))

    def neighborhood(self, node_id: str, *, depth: int = 1, limit: int = 200) -> Subgraph:
        return bounded_neighborhood(node_id, depth, limit, exists=lambda i: self.get_node(i) is not None,
                                    edges_touching=self._edges_touching, get_nodes=self.get_nodes,
                                    edges_among=self._edges_among)

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
        """Run query text from ``queries/cypher/`` with the same params dict the SQL twin gets (lists stay
        lists here; SqliteStore turns them into JSON text for ``json_each``)."""
        bound = {k: (list(v) if isinstance(v, (tuple, set, frozenset)) else v) for k, v in (params or {}).items()}
        return decode_rows(self._read(query, **bound))

    def search(self, text: str, *, labels: tuple[str, ...] | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Substring search over names and case text, as SqliteStore: 1–2 characters look at names only,
        3 or more at names and text; case nodes come last. (A scan: Neo4j's text indexes refuse values
        over ~32 KB, and case texts are longer. Ranking among hits is by name length, not FTS rank.)"""
        text = text.replace("\x00", "").strip()
        if not text:
            return []
        wanted = [label_name(x) for x in (labels or LABELS)]
        # case-insensitive like SQLite (FTS5 trigram folds case, LIKE folds ASCII); lower-casing every text
        # costs a pass over it, so only queries with cased letters (Latin …) pay for it, Chinese ones do not
        folded = any(ch.lower() != ch.upper() for ch in text)
        name, body = ("toLower(n.name)", "toLower(n.body)") if folded else ("n.name", "n.body")
        where = f"{name} CONTAINS $q" if len(text) < 3 else f"({name} CONTAINS $q OR {body} CONTAINS $q)"
        rows = self._read(
            f"MATCH (n:Node) WHERE n.label IN $labels AND {where} "
            "RETURN n.id AS id, n.label AS label, n.name AS name, n.body AS body "
            "ORDER BY (n.label = 'Case'), size(n.name), n.id LIMIT $limit",
            labels=wanted, q=text.lower() if folded else text, limit=int(limit))
        short = len(text) < 3
        out = []
        for r in rows:
            body = "" if short else (r.get("body") or "")
            i = (body.lower() if folded else body).find(text.lower() if folded else text)
            hit = body[i:i + len(text)]
            snippet = "" if i < 0 else (("…" if i > 16 else "") + body[max(0, i - 16):i] + "[" + hit + "]"
                                        + body[i + len(text):i + len(text) + 16]
                                        + ("…" if i + len(text) + 16 < len(body) else ""))
            out.append({"id": r["id"], "label": r["label"], "name": r["name"], "snippet": snippet})
        return out

    def case_hashes(self) -> dict[str, str]:
        return {r["id"]: r["h"] for r in self._read("MATCH (g:CaseGraph) RETURN g.case_id AS id, g.hash AS h")}

    def documents(self, digests: list[str]) -> dict[str, list[tuple[str, str]]]:
        """The cases holding each of these documents (text digests of their identity records), as (case id,
        origin) in id order."""
        out: dict[str, list[tuple[str, str]]] = {}
        for r in self._read("UNWIND $digests AS d MATCH (n:Case {document: d}) "
                            "RETURN n.id AS id, n.document AS digest, n.origin AS origin ORDER BY id",
                            digests=sorted(set(digests))):
            out.setdefault(r["digest"], []).append((r["id"], r["origin"] or ""))
        return out

    def iter_case_graphs(self) -> Iterator[CaseGraph]:
        return (stored.graph for stored in self.iter_stored_cases())

    def iter_stored_cases(self) -> Iterator[StoredCase]:
        last = ""
        while True:  # paged, so a 100,000-case store never sits in one result
            rows = self._read("MATCH (g:CaseGraph) WHERE g.case_id > $last RETURN g.case_id AS id, g.hash AS hash, "
                              "g.graph AS graph ORDER BY g.case_id LIMIT 500", last=last)
            if not rows:
                return
            for r in rows:
                yield StoredCase(graph_from_json(json.loads(r["graph"])), r["hash"], r["graph"])
            last = rows[-1]["id"]

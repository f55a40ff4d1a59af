"""SqliteStore: the embedded default store (stdlib sqlite3, one file, WAL).

Layout (schema version 1):
- ``nodes(id, label, name, owner, props)`` — ``owner`` is the case id for case-owned nodes (the Case
  itself and its Outcomes), NULL for shared nodes.
- ``edges(src, type, dst, case_id, props)`` — one row per contributing case; ``case_id = ''`` for
  structural PART_OF edges. Aggregated edges (USES, ADDRESSES) are read with ``COUNT(*)`` as support.
- ``case_graphs(case_id, hash, graph)`` — the CaseGraph as written, for change detection and migration.
- ``node_fts`` — FTS5 trigram index over names and case text for search.
- ``case_facts(case_id, year, adcode, field, unit, illustrative)`` — those props of each case as ``json_extract``
  reads them, written with the case (schema version 5): the case library, the regions and the gap map filter,
  order and count by them without parsing every case's props.
- ``meta(key, value)`` — schema version and a revision counter bumped by every write; ``changes_from``.
- ``changes(rev, case_id)`` — the change log (``graph/changes.py``): the cases each revision changed, written in
  the write's transaction; complete for revisions after ``changes_from`` (schema version 4).
- ``corrections(seq, case_id, at, actor, note, change)`` and ``audit_log(seq, at, actor, action, target, before,
  after)`` — what people changed, beside the extracted facts (``graph/review.py``); append-only (triggers refuse
  UPDATE and DELETE).

Concurrency: WAL lets readers in other processes run while one writer writes; every write is one
``BEGIN IMMEDIATE`` transaction, so a crash leaves either the whole case or none of it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Literal

from .schema import (
    CASE_OWNED_LABELS, COLLECTABLE_LABELS, EDGE_TYPES, LABELS, SCHEMA_VERSION, CaseGraph, Edge,
    Node, SchemaError, edge_owner)
from .review import (
    AuditEntry, Commit, Correction, check_expectations, commit_case_ids, dumps, graph_audit, utc_now)
from .schema import check_replaces
from .changes import ChangeSet, change_set, logged_cases, prune_to
from .serialize import dumps_graph, graph_from_json, merge_edge_groups, props_json, with_encoding
from .store import StoredCase, StoreError, StoreVersionError, Subgraph, UpsertStatus, bounded_neighborhood, decode_rows

BUSY_TIMEOUT_MS = 60_000
# FTS5 merges the index's segments a little on every write; it starts once a level holds this many (default 4).
# At 8 a case's text costs the writer 23% less to index (0.31 -> 0.24 ms) and a search as much as before
# (measured on 6,000 corpus texts, BENCHMARKS.md); a tuning kept in the index's config, not a schema change.
FTS_AUTOMERGE = 8
# While a bulk ingest writes batch after batch (``bulk_writes``), the write-ahead log may grow to this many pages
# (4 KiB each, ~40 MB) before SQLite copies it into the database, instead of the default 1,000: the pages every batch
# rewrites (FTS segments, index pages) are copied once per checkpoint, not once per batch, and the writer, the one
# serial stage of an ingest, waits for the disk a tenth as often (BENCHMARKS.md, the thirty-fourth session).
BULK_CHECKPOINT_PAGES = 10_000
# Queries driven by a JSON list of ids write "json_each(...) CROSS JOIN table": SQLite keeps that join order,
# so the list probes the index instead of the index being scanned for the list (250x on 10k cases).

# Corrections and the audit trail (schema version 3): written only by ``commit``, never changed afterwards.
_REVIEW_DDL = [
    """CREATE TABLE IF NOT EXISTS corrections (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, at TEXT NOT NULL, actor TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '', change TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS corrections_case ON corrections(case_id, seq)",
    """CREATE TABLE IF NOT EXISTS audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        target TEXT NOT NULL, before TEXT, after TEXT)""",
    "CREATE INDEX IF NOT EXISTS audit_actor ON audit_log(actor, seq)",
    "CREATE INDEX IF NOT EXISTS audit_action ON audit_log(action, seq)",
    "CREATE INDEX IF NOT EXISTS audit_target ON audit_log(target, seq)",
    "CREATE INDEX IF NOT EXISTS audit_at ON audit_log(at)",
    *[f"CREATE TRIGGER IF NOT EXISTS {table}_append_only_{op.lower()} BEFORE {op} ON {table} "
      f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
      for table in ("corrections", "audit_log") for op in ("UPDATE", "DELETE")],
]

# The change log (schema version 4, graph/changes.py): one row per case a revision changed.
_CHANGES_DDL = [
    """CREATE TABLE IF NOT EXISTS changes (
        rev INTEGER NOT NULL, case_id TEXT NOT NULL, PRIMARY KEY (rev, case_id)) WITHOUT ROWID""",
]

# The facts of each case that pages filter, order and count by (schema version 5): read with ``json_extract``
# from its props when the case is written, so that listing or counting 10⁵ cases never parses their props.
# Columns without a type keep the values exactly as ``json_extract`` returns them.
_FACTS_COLUMNS = {"year": "$.year", "adcode": "$.region.adcode", "field": "$.industry.field", "unit": "$.unit",
                  "illustrative": "$.illustrative"}
_FACTS_SELECT = ("SELECT id, " + ", ".join(f"json_extract(props, '{path}')" for path in _FACTS_COLUMNS.values())
                 + " FROM nodes WHERE label = 'Case'")
_FACTS_DDL = [
    f"CREATE TABLE IF NOT EXISTS case_facts (case_id TEXT PRIMARY KEY, {', '.join(_FACTS_COLUMNS)}) WITHOUT ROWID",
]

# The cases by the document they hold (schema version 6): its text digest, from its identity record.
_DOCUMENTS_DDL = [
    "CREATE INDEX IF NOT EXISTS nodes_case_document ON nodes(json_extract(props, '$.identity.digest')) "
    "WHERE label = 'Case'",
]

_DDL = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS nodes (
        id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
        owner TEXT, props TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label, id)",
    "CREATE INDEX IF NOT EXISTS nodes_label_name ON nodes(label, name)",
    "CREATE INDEX IF NOT EXISTS nodes_owner ON nodes(owner) WHERE owner IS NOT NULL",
    """CREATE TABLE IF NOT EXISTS edges (
        src TEXT NOT NULL, type TEXT NOT NULL, dst TEXT NOT NULL, case_id TEXT NOT NULL DEFAULT '',
        props TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (src, type, dst, case_id)) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst, type, src)",
    "CREATE INDEX IF NOT EXISTS edges_type_src ON edges(type, src, dst)",
    "CREATE INDEX IF NOT EXISTS edges_type_dst ON edges(type, dst, src)",
    "CREATE INDEX IF NOT EXISTS edges_case ON edges(case_id) WHERE case_id <> ''",
    """CREATE TABLE IF NOT EXISTS case_graphs (
        case_id TEXT PRIMARY KEY, hash TEXT NOT NULL, graph TEXT NOT NULL)""",
    """CREATE VIRTUAL TABLE IF NOT EXISTS node_fts USING fts5(
        id UNINDEXED, label UNINDEXED, name, body, tokenize = 'trigram')""",
    *_REVIEW_DDL,
    *_CHANGES_DDL,
    *_FACTS_DDL,
    *_DOCUMENTS_DDL,
]

# version -> statements that bring a database from version-1 to version.
_MIGRATIONS: dict[int, list[str]] = {
    # 2: node_fts rows share their node's rowid (deletes by key instead of scanning the index)
    2: ["DELETE FROM node_fts",
        "INSERT INTO node_fts(rowid, id, label, name, body) SELECT rowid, id, label, name, "
        "coalesce(json_extract(props, '$.text'), json_extract(props, '$.summary'), '') FROM nodes"],
    3: _REVIEW_DDL,
    # 4: the log starts empty, complete from the revision the database is at
    4: [*_CHANGES_DDL, "INSERT OR REPLACE INTO meta SELECT 'changes_from', value FROM meta WHERE key='revision'"],
    # 5: the case facts, read once from every case's props
    5: [*_FACTS_DDL, "DELETE FROM case_facts", "INSERT INTO case_facts " + _FACTS_SELECT],
    # 6: the cases by their document, indexed
    6: _DOCUMENTS_DDL,
}


class SqliteStore:
    dialect = "sql"

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise StoreError(f"数据库不存在：{self.path} / database not found: {self.path}")
        self._prepare()

    # --- connections -----------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        uri = f"file:{self.path}" + ("?mode=ro" if self.readonly else "")
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"无法打开数据库 {self.path}：{exc} / cannot open database") from exc
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not self.readonly:
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for c in self._conns:
                try:
                    c.close()
                except sqlite3.Error:
                    pass
            self._conns.clear()
        self._local = threading.local()

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- schema and versioning -------------------------------------------------------------------

    def _prepare(self) -> None:
        conn = self.conn
        if not self.readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"无法启用 WAL 模式（{mode}）/ cannot enable WAL mode on {self.path}")
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        version = None
        if has_meta:
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else None
        elif conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreVersionError(
                f"{self.path} 不是 djkg 数据库（缺少 meta 表）/ not a djkg database (no meta table)")
        if version is not None and version > SCHEMA_VERSION:
            raise StoreVersionError(
                f"数据库结构版本为 {version}，本程序只支持到 {SCHEMA_VERSION}：请升级 djkg，或换一个数据目录。"
                f" / database schema version {version} is newer than this djkg ({SCHEMA_VERSION}); "
                "upgrade djkg or use another data dir.")
        if version == SCHEMA_VERSION:
            if not self.readonly:
                self._tune_fts()
            return
        if self.readonly:
            raise StoreVersionError(
                f"数据库结构版本 {version} 需要迁移，请先以可写方式打开（例如运行 djkg stats）。"
                f" / schema version {version} needs a migration; open it writable once.")
        with self._write() as c:
            if version is None:
                for stmt in _DDL:
                    c.execute(stmt)
                c.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                c.execute("INSERT OR IGNORE INTO meta VALUES ('revision', '0')")
                c.execute("INSERT OR IGNORE INTO meta VALUES ('changes_from', '0')")
            else:
                self._migrate(c, version)
        self._tune_fts()

    @staticmethod
    def _migrate(c: sqlite3.Connection, version: int) -> None:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            steps = _MIGRATIONS.get(target)
            if steps is None:
                raise StoreVersionError(
                    f"无法从结构版本 {version} 自动迁移：请重新导入案例（djkg ingest）到新的数据目录。"
                    f" / no migration from schema {version}; re-ingest into a fresh data dir.")
            for stmt in steps:
                c.execute(stmt)
        c.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))

    def _tune_fts(self) -> None:
        row = self.conn.execute("SELECT v FROM node_fts_config WHERE k = 'automerge'").fetchone()
        if row is None or row[0] != FTS_AUTOMERGE:
            with self._write() as c:
                c.execute("INSERT INTO node_fts(node_fts, rank) VALUES ('automerge', ?)", (FTS_AUTOMERGE,))

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0])

    # --- writes ----------------------------------------------------------------------------------

    class _Tx:
        def __init__(self, conn: sqlite3.Connection):
            self.conn = conn

        def __enter__(self) -> sqlite3.Connection:
            self.conn.execute("BEGIN IMMEDIATE")
            return self.conn

        def __exit__(self, exc_type, exc, tb) -> None:
            if exc_type is None:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")

    def _write(self) -> "_Tx":
        if self.readonly:
            raise StoreError("只读打开的数据库不能写入 / store opened read-only")
        return SqliteStore._Tx(self.conn)

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """Many write transactions in a row from this thread (an ingest): the log is checkpointed rarely while
        they come (``BULK_CHECKPOINT_PAGES``), then once when they are done. Each transaction is as durable and
        atomic as ever; only when its pages are copied from the log into the database file changes."""
        if self.readonly:
            yield
            return
        conn = self.conn
        before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            try:
                conn.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")   # readers in other processes are not waited for
            except sqlite3.Error:
                # housekeeping only (the log holds every committed transaction; a later write checkpoints it):
                # it must not hide the error an ingest may be ending with
                pass

    def upsert_case(self, graph: CaseGraph) -> UpsertStatus:
        graph.validate()
        with self._write() as c:
            status = self._upsert_in(c, graph, graph.content_hash())
            if status != "unchanged":
                self._bump_revision(c, [graph.id])
        return status

    def upsert_cases(self, graphs: list[CaseGraph]) -> list[UpsertStatus]:
        """Several whole cases in one transaction (bulk ingest): all of them or none."""
        for g in graphs:
            g.validate()
        out: list[UpsertStatus] = []
        with self._write() as c:
            for graph in graphs:
                out.append(self._upsert_in(c, graph, graph.content_hash()))
            changed = [g.id for g, status in zip(graphs, out) if status != "unchanged"]
            if changed:
                self._bump_revision(c, changed)
        return out

    def _upsert_in(self, c: sqlite3.Connection, graph: CaseGraph, digest: str) -> UpsertStatus:
        row = c.execute("SELECT hash, graph FROM case_graphs WHERE case_id=?", (graph.id,)).fetchone()
        if row is not None and row["hash"] == digest:
            return "unchanged"
        touched: set[str] = set()
        if row is not None:
            old = json.loads(row["graph"])
            check_replaces(old["nodes"][0]["props"], graph)   # never replace a different document
            touched = self._remove_case(c, graph.id, old)
        self._insert_case(c, graph, digest)
        self._collect_orphans(c, touched - {n.id for n in graph.all_nodes()})
        return "inserted" if row is None else "updated"

    def delete_case(self, case_id: str) -> bool:
        with self._write() as c:
            row = c.execute("SELECT graph FROM case_graphs WHERE case_id=?", (case_id,)).fetchone()
            if row is None:
                return False
            touched = self._remove_case(c, case_id, json.loads(row["graph"]))
            self._collect_orphans(c, touched)
            self._bump_revision(c, [case_id])
        return True

    def _remove_case(self, c: sqlite3.Connection, case_id: str, old: dict[str, Any]) -> set[str]:
        touched = {n["id"] for n in old.get("nodes", [])}
        c.execute("DELETE FROM edges WHERE case_id=?", (case_id,))
        # node_fts rows share their node's rowid, so they are deleted by key, never by scanning the index
        c.execute("DELETE FROM node_fts WHERE rowid IN (SELECT rowid FROM nodes WHERE owner=?)", (case_id,))
        c.execute("DELETE FROM nodes WHERE owner=?", (case_id,))
        c.execute("DELETE FROM case_graphs WHERE case_id=?", (case_id,))
        c.execute("DELETE FROM case_facts WHERE case_id=?", (case_id,))
        return touched

    def _insert_case(self, c: sqlite3.Connection, graph: CaseGraph, digest: str) -> None:
        cid = graph.id
        nodes = graph.all_nodes()
        # one lookup for every node of the case (not one per node): label/owner checks and FTS freshness
        existing = {r["id"]: r for r in c.execute(
            "SELECT n.rowid AS rid, n.id, n.label, n.owner, n.name, n.props FROM json_each(?) j "
            "CROSS JOIN nodes n ON n.id = j.value",
            (json.dumps([n.id for n in nodes], ensure_ascii=False),))}
        rows, fts_rows, fts_stale = [], [], []
        enc = graph.encoded     # made by a parallel ingest's worker: no need to encode the props again here
        for i, node in enumerate(nodes):
            owned = node.label in CASE_OWNED_LABELS
            props = enc.node_props[i] if enc is not None else props_json(node.props)
            ex = existing.get(node.id)
            if ex is not None and ex["label"] != node.label:
                raise SchemaError(f"id {node.id} is a {ex['label']}, not a {node.label}")
            if ex is not None and owned and ex["owner"] not in (None, cid):
                raise SchemaError(f"node {node.id} already belongs to {ex['owner']}")
            if ex is not None and ex["props"] == props and ex["name"] == node.name:
                continue  # a shared node (region, problem, model …) as it already is: nothing to write
            rows.append((node.id, node.label, node.name, cid if owned else None, props))
            if ex is not None:
                fts_stale.append((ex["rid"],))
            body = str(node.props.get("text") or node.props.get("summary") or "")
            fts_rows.append((node.id, node.label, node.name, body))
        c.executemany(
            "INSERT INTO nodes(id, label, name, owner, props) VALUES (?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name, props=excluded.props", rows)
        c.executemany("DELETE FROM node_fts WHERE rowid=?", fts_stale)
        c.executemany("INSERT INTO node_fts(rowid, id, label, name, body) "
                      "SELECT rowid, ?, ?, ?, ? FROM nodes WHERE id=?1", fts_rows)
        c.executemany(
            "INSERT OR REPLACE INTO edges(src, type, dst, case_id, props) VALUES (?,?,?,?,?)",
            [(e.src, e.type, e.dst, edge_owner(e, cid), enc.edge_props[j] if enc is not None else props_json(e.props))
             for j, e in enumerate(graph.edges)])
        c.execute("INSERT INTO case_graphs(case_id, hash, graph) VALUES (?,?,?)",
                  (cid, digest, dumps_graph(graph)))
        c.execute("INSERT INTO case_facts " + _FACTS_SELECT + " AND id = ?", (cid,))

    def _collect_orphans(self, c: sqlite3.Connection, candidates: set[str]) -> None:
        for nid in candidates:
            row = c.execute("SELECT label FROM nodes WHERE id=?", (nid,)).fetchone()
            if row is None or row["label"] not in COLLECTABLE_LABELS:
                continue
            used = c.execute(
                "SELECT 1 FROM edges WHERE src=? UNION ALL SELECT 1 FROM edges WHERE dst=? LIMIT 1",
                (nid, nid)).fetchone()
            if used is None:
                c.execute("DELETE FROM node_fts WHERE rowid = (SELECT rowid FROM nodes WHERE id=?)", (nid,))
                c.execute("DELETE FROM nodes WHERE id=?", (nid,))

    @staticmethod
    def _bump_revision(c: sqlite3.Connection, cases: list[str]) -> None:
        """Raise the revision and log the cases this write changed under it (same transaction)."""
        rev = int(c.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='revision' "
                            "RETURNING value").fetchone()[0])
        c.executemany("INSERT OR IGNORE INTO changes(rev, case_id) VALUES (?, ?)",
                      [(rev, cid) for cid in logged_cases(cases)])
        upto = prune_to(rev)
        if upto is not None:
            c.execute("DELETE FROM changes WHERE rev <= ?", (upto,))
            c.execute("UPDATE meta SET value = max(CAST(value AS INTEGER), ?) WHERE key='changes_from'", (upto,))

    # --- reads -----------------------------------------------------------------------------------

    def revision(self) -> str:
        return str(self.conn.execute("SELECT value FROM meta WHERE key='revision'").fetchone()[0])

    def changed_cases(self, since: str) -> ChangeSet | None:
        """The cases changed after revision ``since`` (None when the log cannot say: ``graph/changes.py``)."""
        c = self.conn
        c.execute("BEGIN")           # one snapshot for the marks and the entries
        try:
            marks = dict(c.execute("SELECT key, CAST(value AS INTEGER) FROM meta "
                                   "WHERE key IN ('revision', 'changes_from')").fetchall())
            rows = c.execute("SELECT rev, case_id FROM changes WHERE rev > ?", (_int_or(since, -1),)).fetchall()
        finally:
            c.execute("COMMIT")
        return change_set(since, marks.get("revision", 0), marks.get("changes_from", 0),
                          ((rev, (cid,)) for rev, cid in rows))

    def get_node(self, node_id: str) -> Node | None:
        row = self.conn.execute("SELECT id, label, props FROM nodes WHERE id=?", (node_id,)).fetchone()
        return _node(row) if row else None

    def get_nodes(self, node_ids: list[str]) -> list[Node]:
        if not node_ids:
            return []
        rows = self.conn.execute(
            "SELECT n.id, n.label, n.props FROM json_each(?) j CROSS JOIN nodes n ON n.id = j.value",
            (json.dumps(list(node_ids), ensure_ascii=False),)).fetchall()
        by_id = {r["id"]: _node(r) for r in rows}
        return [by_id[i] for i in node_ids if i in by_id]

    def list_nodes(self, label: str, *, limit: int = 100, offset: int = 0) -> list[Node]:
        _check_label(label)
        rows = self.conn.execute(
            "SELECT id, label, props FROM nodes WHERE label=? ORDER BY id LIMIT ? OFFSET ?",
            (label, int(limit), int(offset))).fetchall()
        return [_node(r) for r in rows]

    def count_nodes(self, label: str) -> int:
        _check_label(label)
        return int(self.conn.execute("SELECT count(*) FROM nodes WHERE label=?", (label,)).fetchone()[0])

    def edges_of(self, node_id: str, *, types: tuple[str, ...] | None = None,
                 direction: Literal["out", "in", "both"] = "both") -> list[Edge]:
        return self._edges_touching([node_id], types=types, direction=direction)

    def _edges_touching(self, ids: list[str], *, types: tuple[str, ...] | None = None,
                        direction: str = "both", limit: int | None = None) -> list[Edge]:
        if types:
            for t in types:
                if t not in EDGE_TYPES:
                    raise SchemaError(f"unknown edge type {t!r}")
        ids_json = json.dumps(list(ids), ensure_ascii=False)
        types_json = json.dumps(list(types or EDGE_TYPES), ensure_ascii=False)
        # One row per edge and node, folded in the database: a hub (a model, a measure, a problem) has one row per
        # contributing case (10⁵ at 100k cases). Groups come in the order the per-case rows would (out-edges
        # first, then by node, type and the other end), and the bare ``props`` is that of the group's first case
        # (SQLite takes bare columns from the row of the single min()).
        parts = []
        for part, (near, far) in enumerate((("src", "dst"), ("dst", "src"))):
            if direction in (("out", "both"), ("in", "both"))[part]:
                parts.append(
                    f"SELECT {part} AS part, j.key AS pos, e.{far} AS far, e.src, e.type, e.dst, e.props, "
                    "min(e.case_id) AS first_case, count(DISTINCT nullif(e.case_id, '')) AS support "
                    f"FROM json_each(:ids) j CROSS JOIN edges e ON e.{near} = j.value "
                    f"WHERE e.type IN (SELECT value FROM json_each(:types)) GROUP BY j.key, e.type, e.{far}")
        sql = " UNION ALL ".join(parts) + " ORDER BY 1, 2, 5, 3"   # part, pos, type, far
        rows = self.conn.execute(sql, {"ids": ids_json, "types": types_json}).fetchall()
        return merge_edge_groups(rows, limit=limit)

    def _edges_among(self, ids: list[str]) -> list[Edge]:
        """The edges whose two ends are both in ``ids``: one primary-key range per (src, type, dst) triple, so a
        hub's edges to nodes outside ``ids`` are never read — and only the triples the schema allows (a type's
        source and target labels, ``EDGE_TYPES``): a neighbourhood of 81 nodes probes ~2,000 triples instead of
        81 × 9 × 81 (the corpus's depth-2 neighbourhoods: 14 → 5 ms each, BENCHMARKS.md, forty-ninth session).
        A node whose label is unknown (none is stored) is tried with every type, as before."""
        ids = list(dict.fromkeys(ids))
        labels = dict(self.conn.execute(
            "SELECT n.id, n.label FROM json_each(?) j CROSS JOIN nodes n ON n.id = j.value",
            (json.dumps(ids, ensure_ascii=False),)).fetchall())
        parts, params = [], {}
        for k, (edge_type, (sources, targets)) in enumerate(EDGE_TYPES.items()):
            srcs = [i for i in ids if labels.get(i, sources[0]) in sources]
            dsts = [i for i in ids if labels.get(i, targets[0]) in targets]
            if not srcs or not dsts:
                continue
            params.update({f"s{k}": json.dumps(srcs, ensure_ascii=False), f"d{k}": json.dumps(dsts, ensure_ascii=False),
                           f"t{k}": edge_type})
            parts.append(
                "SELECT e.src, e.type, e.dst, e.props, min(e.case_id) AS first_case, "
                "count(DISTINCT nullif(e.case_id, '')) AS support "
                f"FROM json_each(:s{k}) a CROSS JOIN json_each(:d{k}) b "
                f"CROSS JOIN edges e ON e.src = a.value AND e.type = :t{k} AND e.dst = b.value "
                "GROUP BY e.src, e.type, e.dst")
        if not parts:
            return []
        rows = self.conn.execute(" UNION ALL ".join(parts) + " ORDER BY 1, 2, 3", params).fetchall()
        return merge_edge_groups(rows)

    def neighborhood(self, node_id: str, *, depth: int = 1, limit: int = 200) -> Subgraph:
        return bounded_neighborhood(node_id, depth, limit, exists=lambda i: self.get_node(i) is not None,
                                    edges_touching=self._edges_touching, get_nodes=self.get_nodes,
                                    edges_among=self._edges_among)

    def stats(self) -> dict[str, dict[str, int]]:
        nodes = {label: 0 for label in LABELS}
        for row in self.conn.execute("SELECT label, count(*) AS n FROM nodes GROUP BY label"):
            nodes[row["label"]] = int(row["n"])
        edges = {t: 0 for t in EDGE_TYPES}
        for row in self.conn.execute(
                "SELECT type, count(*) AS n FROM (SELECT DISTINCT src, type, dst FROM edges) GROUP BY type"):
            edges[row["type"]] = int(row["n"])
        return {"nodes": nodes, "edges": edges}

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        bound = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v)
                 for k, v in (params or {}).items()}
        try:
            rows = self.conn.execute(query, bound).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"查询失败：{exc} / query failed") from exc
        return decode_rows([dict(r) for r in rows])

    def search(self, text: str, *, labels: tuple[str, ...] | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Substring search over names and case text (FTS5 trigram; LIKE for 1–2 characters)."""
        text = text.replace("\x00", "").strip()
        if not text:
            return []
        labels_json = json.dumps(list(labels or LABELS), ensure_ascii=False)
        if len(text) >= 3:
            phrase = '"' + text.replace('"', '""') + '"'
            rows = self.conn.execute(
                "SELECT id, label, name, snippet(node_fts, 3, '[', ']', '…', 16) AS snippet, rank FROM node_fts "
                "WHERE node_fts MATCH :q AND label IN (SELECT value FROM json_each(:labels)) "
                "ORDER BY (label = 'Case'), rank LIMIT :limit",
                {"q": phrase, "labels": labels_json, "limit": int(limit)}).fetchall()
        else:
            like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self.conn.execute(
                "SELECT id, label, name, '' AS snippet FROM nodes WHERE name LIKE :q ESCAPE '\\' "
                "AND label IN (SELECT value FROM json_each(:labels)) ORDER BY (label = 'Case'), length(name), id "
                "LIMIT :limit",
                {"q": like, "labels": labels_json, "limit": int(limit)}).fetchall()
        return [{"id": r["id"], "label": r["label"], "name": r["name"], "snippet": r["snippet"]} for r in rows]

    def case_hashes(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT case_id, hash FROM case_graphs")}

    def documents(self, digests: list[str]) -> dict[str, list[tuple[str, str]]]:
        """The cases holding each of these documents (text digests of their identity records, ``IDENTITY``), as
        (case id, origin) in id order."""
        out: dict[str, list[tuple[str, str]]] = {}
        for cid, digest, origin in self.conn.execute(
                "SELECT n.id, json_extract(n.props, '$.identity.digest'), json_extract(n.props, '$.identity.origin') "
                "FROM json_each(?) j CROSS JOIN nodes n "
                "ON n.label = 'Case' AND json_extract(n.props, '$.identity.digest') = j.value ORDER BY n.id",
                (json.dumps(sorted(set(digests))),)):
            out.setdefault(digest, []).append((cid, origin or ""))
        return out

    def iter_case_graphs(self) -> Iterator[CaseGraph]:
        for row in self.conn.execute("SELECT graph FROM case_graphs ORDER BY case_id"):
            yield graph_from_json(json.loads(row[0]))

    def iter_stored_cases(self) -> Iterator[StoredCase]:
        for digest, text in self.conn.execute("SELECT hash, graph FROM case_graphs ORDER BY case_id"):
            yield StoredCase(graph_from_json(json.loads(text)), digest, text)

    # --- review: versions, corrections, audit (graph/review.py) ---------------------------------------

    def commit(self, commit: Commit) -> list[UpsertStatus]:
        """Case graphs, corrections and audit entries in one transaction, after checking what the writer
        expects (``VersionConflict`` / ``CorrectionsChanged``, nothing written)."""
        # each graph's JSON made once (props, text and version from the same pieces): hashing the whole graph and
        # encoding it again for storage were a fifth of a bulk ingest's writing
        graphs = [with_encoding(g) for g in commit.graphs]
        for g in graphs:
            g.validate()
        digests = [g.content_hash() for g in graphs]
        ids = json.dumps(commit_case_ids(commit), ensure_ascii=False)
        with self._write() as c:   # BEGIN IMMEDIATE: no other writer between the checks and the writes
            versions = {r[0]: r[1] for r in c.execute(
                "SELECT g.case_id, g.hash FROM json_each(?) j CROSS JOIN case_graphs g ON g.case_id = j.value",
                (ids,))}
            counts = {r[0]: int(r[1]) for r in c.execute(
                "SELECT k.case_id, count(*) FROM json_each(?) j CROSS JOIN corrections k ON k.case_id = j.value "
                "GROUP BY k.case_id", (ids,))}
            check_expectations(commit, versions, counts)
            statuses = [self._upsert_in(c, g, d) for g, d in zip(graphs, digests)]
            at = utc_now()
            c.executemany("INSERT INTO corrections(case_id, at, actor, note, change) VALUES (?,?,?,?,?)",
                          [(k.case_id, k.at or at, k.actor, k.note, dumps(k.change)) for k in commit.corrections])
            entries = [*commit.audit, *graph_audit(commit, statuses, versions, digests)]
            c.executemany("INSERT INTO audit_log(at, actor, action, target, before, after) VALUES (?,?,?,?,?,?)",
                          [(e.at or at, e.actor, e.action, e.target, _json_or_null(e.before), _json_or_null(e.after))
                           for e in entries])
            changed = [g.id for g, status in zip(commit.graphs, statuses) if status != "unchanged"]
            if commit.corrections or changed:
                self._bump_revision(c, [*changed, *(k.case_id for k in commit.corrections)])
        return statuses

    def case_graph(self, case_id: str) -> tuple[CaseGraph, str] | None:
        """A case as stored, with its version."""
        row = self.conn.execute("SELECT hash, graph FROM case_graphs WHERE case_id=?", (case_id,)).fetchone()
        return None if row is None else (graph_from_json(json.loads(row["graph"])), row["hash"])

    def case_version(self, case_id: str) -> str | None:
        row = self.conn.execute("SELECT hash FROM case_graphs WHERE case_id=?", (case_id,)).fetchone()
        return None if row is None else row[0]

    def corrections(self, case_ids: list[str]) -> dict[str, list[Correction]]:
        """Corrections of the given cases in the order they were made."""
        out: dict[str, list[Correction]] = {}
        for r in self.conn.execute(
                "SELECT k.seq, k.case_id, k.at, k.actor, k.note, k.change FROM json_each(?) j "
                "CROSS JOIN corrections k ON k.case_id = j.value ORDER BY k.seq",
                (json.dumps(list(case_ids), ensure_ascii=False),)):
            out.setdefault(r["case_id"], []).append(
                Correction(r["case_id"], json.loads(r["change"]), r["actor"], r["note"], r["at"], int(r["seq"])))
        return out

    def iter_corrections(self) -> Iterator[Correction]:
        for r in self.conn.execute("SELECT seq, case_id, at, actor, note, change FROM corrections ORDER BY seq"):
            yield Correction(r["case_id"], json.loads(r["change"]), r["actor"], r["note"], r["at"], int(r["seq"]))

    def iter_audit(self) -> Iterator[AuditEntry]:
        for r in self.conn.execute("SELECT seq, at, actor, action, target, before, after FROM audit_log ORDER BY seq"):
            yield AuditEntry(r["actor"], r["action"], r["target"], _loads_or_none(r["before"]),
                             _loads_or_none(r["after"]), r["at"], int(r["seq"]))

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])


# --- helpers ----------------------------------------------------------------------------------------

def _json_or_null(value: Any) -> str | None:
    return None if value is None else dumps(value)


def _loads_or_none(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _int_or(text: str, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


def _check_label(label: str) -> None:
    if label not in LABELS:
        raise SchemaError(f"unknown label {label!r}")


def _node(row: sqlite3.Row) -> Node:
    return Node(row["id"], row["label"], json.loads(row["props"]))

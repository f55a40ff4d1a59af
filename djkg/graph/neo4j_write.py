"""Neo4jStore's writes: whole cases in batches, planned in Python; one read and a few UNWIND writes per batch.

Why it is shaped this way (profiled on 5,000 synthetic cases, BENCHMARKS.md): relationship ``MERGE`` between
dense nodes (a model and a measure share one USES relationship per supporting case) scans every parallel
relationship, and one transaction per updated case paid ~15 round trips each. Here a batch costs:

1. one read: the batch's stored CaseGraphs (hash + graph) and every node id the batch mentions;
2. one ``UNWIND`` statement per label and relationship type that has rows, for the whole batch: withdraw the
   replaced cases (their aggregated relationships found through the ``case_id`` relationship indexes, their
   own nodes by ``owner``), create the case-owned nodes and relationships (they cannot exist: the case is new
   or was just withdrawn), ``MERGE`` the shared nodes and the structural PART_OF edges, store the CaseGraphs,
   collect orphans, bump the revision and log the changed cases under it (``graph/changes.py``).

What is sent is encoded before the transaction (``EncodedCase``), so a bulk copy can do it beside the writer.

Labels and relationship types in the text come from the schema whitelist; every value is a parameter, and the
texts are fixed at import, so the server plans each once.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from .schema import (
    CASE, CASE_FACTS, CASE_OWNED_LABELS, COLLECTABLE_LABELS, EDGE_TYPES, LABELS, MEASURE, MODEL, PROBLEM,
    STRUCTURAL_EDGES, CaseGraph, Node, SchemaError, edge_owner)
from .schema import check_replaces
from .changes import logged_cases, prune_to
from .serialize import dumps_graph, graph_from_json, props_json
from .store import UpsertStatus

_CONCEPT_LABELS = frozenset({PROBLEM, MEASURE, MODEL})
# every scalar copy any node may carry; absent ones are written as null (= removed) so none goes stale
EXTRA_KEYS = (*CASE_FACTS, "candidate", "body")
_INT64 = 2 ** 63
# relationship types whose source is not withdrawn with the case's own nodes (DETACH DELETE of the Case takes
# every relationship touching it): these are deleted by their ``case_id``, through an index on it
DETACHED_TYPES = tuple(t for t, (src, _) in EDGE_TYPES.items()
                        if t not in STRUCTURAL_EDGES and not set(src) <= CASE_OWNED_LABELS)


def label_name(label: str) -> str:
    """A node label for query text, only from the schema whitelist."""
    if label not in LABELS:
        raise SchemaError(f"unknown label {label!r}")
    return label


def rel_name(t: str) -> str:
    """A relationship type for query text, only from the schema whitelist."""
    if t not in EDGE_TYPES:
        raise SchemaError(f"unknown edge type {t!r}")
    return t


def sql_value(value: Any) -> Any:
    """What SQLite's ``json_extract`` returns for a JSON value: true/false → 1/0, arrays and objects →
    compact JSON text, integers beyond 64 bits → float, everything else as is."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and not -_INT64 <= value < _INT64:
        return float(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value


def _path(props: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = props
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def node_extra(node: Node) -> dict[str, Any]:
    """The scalar copies a node carries next to ``props`` (see neo4j_store's module docstring)."""
    p = node.props
    extra: dict[str, Any] = dict.fromkeys(EXTRA_KEYS)
    if node.label == CASE:
        extra.update({k: sql_value(_path(p, path)) for k, path in CASE_FACTS.items()})
        extra["body"] = str(p.get("text") or "")
    else:
        if node.label in _CONCEPT_LABELS:
            extra["candidate"] = sql_value(p.get("candidate"))
        if p.get("summary"):
            extra["body"] = str(p["summary"])
    return extra


def label_keys(label: str) -> tuple[str, ...]:
    """The scalar copies a node of ``label`` can carry (``node_extra`` leaves the others null for it)."""
    if label == CASE:
        return (*CASE_FACTS, "body")
    return ("candidate", "body") if label in _CONCEPT_LABELS else ("body",)


def node_row(node: Node, owner: str | None) -> dict[str, Any]:
    """A node as Neo4jStore writes it: ``{id, label, name, owner, props, extra}``."""
    return {"id": node.id, "label": node.label, "name": node.name, "owner": owner, "props": props_json(node.props),
            "extra": node_extra(node)}


def write_row(node: Node, owner: str | None) -> list[Any]:
    """A node as the batch writes send it: ``[id, name, owner, props, *label_keys(label)]``."""
    extra = node_extra(node)
    return [node.id, node.name, owner, props_json(node.props), *(extra[k] for k in label_keys(node.label))]


# --- a case encoded for writing ----------------------------------------------------------------------------

class EncodedCase:
    """A validated case with everything its write sends, encoded without the database: the content hash, its
    nodes as ``(id, label, row, node)`` (``write_row``), its edges as ``(type, key, [src, dst, case_id, props])``
    (the key makes the last of equal edges win) and the stored CaseGraph text. Encoding is most of the client's
    work; ``copy_store`` does it beside the writer. Rows are lists, not maps: no keys to pack per row.

    Shared nodes (regions, concepts …) recur in most cases of a batch and only one version of each is written,
    so their rows are made once per batch (``share_rows``; ``row`` None until then). Sent to another process a case
    travels as tuples of text, every row made (unpickling the graph's dataclasses cost the writer more than
    the encoding saved); its graph is then decoded from the text only if it replaces a stored case."""

    __slots__ = ("id", "digest", "nodes", "edges", "text", "_graph")

    def __init__(self, graph: CaseGraph, digest: str | None = None, text: str | None = None):
        graph.validate()
        self._graph: CaseGraph | None = graph
        self.id = cid = graph.id
        self.digest = digest or graph.content_hash()
        self.nodes = [(node.id, node.label, write_row(node, cid) if node.label in CASE_OWNED_LABELS else None, node)
                      for node in graph.all_nodes()]
        self.edges = []
        for e in graph.edges:
            owner = edge_owner(e, cid)
            # no properties: none stored (readers take a missing ``props`` as {}), one record less per edge
            row = [e.src, e.dst, owner, props_json(e.props) if e.props else None]
            self.edges.append((e.type, (e.src, e.dst, owner), row))
        self.text = text or dumps_graph(graph)

    @property
    def graph(self) -> CaseGraph:
        if self._graph is None:
            self._graph = graph_from_json(json.loads(self.text))
        return self._graph

    def __reduce__(self):
        nodes = [(i, label, row if row is not None else write_row(node, None), None)
                 for i, label, row, node in self.nodes]
        return _decoded, (self.id, self.digest, nodes, self.edges, self.text)


def _decoded(cid: str, digest: str, nodes: list, edges: list, text: str) -> EncodedCase:
    case = EncodedCase.__new__(EncodedCase)
    case.id, case.digest, case.nodes, case.edges, case.text, case._graph = cid, digest, nodes, edges, text, None
    return case


# --- one batch -------------------------------------------------------------------------------------------

_LOOKUP = (
    "CALL { UNWIND $cids AS cid MATCH (g:CaseGraph {case_id: cid}) "
    "RETURN collect([g.case_id, g.hash, g.graph]) AS cases } "
    "CALL { UNWIND $ids AS id MATCH (n:Node {id: id}) "
    "RETURN collect([n.id, n.label, n.owner, n.name, n.props]) AS nodes } "
    "RETURN cases, nodes")


def _write_parts() -> list[tuple[str, tuple[str, ...]]]:
    """The write statements of a batch, in order, each with the parameters it reads: withdraw, nodes,
    relationships, CaseGraphs, orphans, revision. Their texts never change, so the server plans each once.

    Separate statements, not one of ``CALL {}`` subqueries: measured on 5,000 cases, the single statement cost
    the server ~50% more CPU (4.2 s vs 2.7 s); loopback round trips cost microseconds."""
    parts = [(f"UNWIND $withdraw AS cid MATCH ()-[r:{rel_name(t)} {{case_id: cid}}]->() DELETE r", ("withdraw",))
             for t in DETACHED_TYPES]
    parts += [("UNWIND $withdraw AS cid MATCH (n:Node {owner: cid}) DETACH DELETE n", ("withdraw",)),
              ("UNWIND $withdraw AS cid MATCH (g:CaseGraph {case_id: cid}) DELETE g", ("withdraw",))]
    # the scalar copies go into the CREATE map itself (null ones are simply not stored): a SET after CREATE
    # would make the planner buffer every row first
    def copies(label: str, to: str) -> str:
        return "".join(to.format(k=k, i=i) for i, k in enumerate(label_keys(label), start=4))
    parts += [(f"UNWIND $create_{label} AS row CREATE (:Node:{label_name(label)} {{id: row[0], label: '{label}', "
               f"name: row[1], owner: row[2], props: row[3]{copies(label, ', {k}: row[{i}]')}}})",
               (f"create_{label}",)) for label in LABELS if label in CASE_OWNED_LABELS]
    parts += [(f"UNWIND $merge_{label} AS row MERGE (n:Node {{id: row[0]}}) "
               f"ON CREATE SET n.label = '{label}', n.owner = row[2] "
               f"SET n:{label_name(label)}, n.name = row[1], n.props = row[3]{copies(label, ', n.{k} = row[{i}]')}",
               (f"merge_{label}",)) for label in LABELS]
    for t in EDGE_TYPES:
        ends = f"UNWIND $rel_{t} AS row MATCH (a:Node {{id: row[0]}}) MATCH (b:Node {{id: row[1]}}) "
        if t in STRUCTURAL_EDGES:   # owned by no case: may exist already
            text = ends + f"MERGE (a)-[r:{rel_name(t)}]->(b) SET r.case_id = row[2], r.props = row[3]"
        else:                       # the case is new or was just withdrawn: its relationships cannot exist
            text = ends + f"CREATE (a)-[:{rel_name(t)} {{case_id: row[2], props: row[3]}}]->(b)"
        parts.append((text, (f"rel_{t}",)))
    parts += [("UNWIND $graphs AS row CREATE (:CaseGraph {case_id: row[0], hash: row[1], graph: row[2]})",
               ("graphs",)),
              ("UNWIND $orphans AS id MATCH (n:Node {id: id}) WHERE n.label IN $collectable AND NOT (n)--() "
               "DELETE n", ("orphans", "collectable"))]
    return parts   # then the revision and its change-log entry (``bump_revision``)


_WRITES = _write_parts()


class Rows(list):
    """A list the driver sends as a list and prints as its length. The driver formats every statement's parameters
    for its debug log even when nothing is logged (neo4j 6.4, ``_bolt5.py``: ``" ".join(map(repr, fields))`` is
    an argument of ``log.debug``); a batch's rows are megabytes of text, and their ``repr`` was a third of the
    writer's CPU in a bulk copy (BENCHMARKS.md, the thirty-fourth session)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class _Statement:
    """The parameters of one batch's writes: lists of rows, empty unless filled."""

    def __init__(self) -> None:
        self.changed: list[str] = []    # the cases this batch changes (the change log's entry)
        self.params: dict[str, Any] = {"withdraw": [], "graphs": [], "orphans": [],
                                       "collectable": sorted(COLLECTABLE_LABELS)}
        for label in LABELS:
            self.params[f"merge_{label}"] = []
            if label in CASE_OWNED_LABELS:
                self.params[f"create_{label}"] = []
        for t in EDGE_TYPES:
            self.params[f"rel_{t}"] = []

    def run(self, tx) -> None:
        """Send the statements that have rows, then raise the revision and log the changed cases."""
        for text, names in _WRITES:
            if self.params[names[0]]:
                tx.run(text, {k: Rows(self.params[k]) for k in names}).consume()
        bump_revision(tx, self.changed)


def bump_revision(tx, cases: list[str]) -> int:
    """Raise the revision and record the cases the write changed under it, in the write's transaction
    (``graph/changes.py``; every write path of Neo4jStore ends here). Returns the new revision."""
    rev = int(tx.run("MATCH (m:Meta {key: 'revision'}) SET m.value = m.value + 1 "
                     "CREATE (:Change {rev: m.value, cases: $cases}) RETURN m.value AS rev",
                     cases=logged_cases(cases)).single()["rev"])
    upto = prune_to(rev)
    if upto is not None:
        tx.run("MATCH (c:Change) WHERE c.rev <= $upto DELETE c", upto=upto).consume()
        tx.run("MATCH (f:Meta {key: 'changes_from'}) SET f.value = CASE WHEN f.value < $upto THEN $upto "
               "ELSE f.value END", upto=upto).consume()
    return rev


def upsert_batch(tx, cases: list[EncodedCase]) -> list[UpsertStatus]:
    """Write whole cases in ``tx``; the store ends as if they had been written one at a time, in order."""
    return [status for segment in _segments(cases) for status in _upsert_segment(tx, segment)]


def _segments(cases: list[EncodedCase]) -> Iterator[list[EncodedCase]]:
    """The batch in runs without a repeated case id: a case id met twice starts a new segment, written after the
    one before it, so the later version sees the earlier one."""
    segment: list[EncodedCase] = []
    ids: set[str] = set()
    for case in cases:
        if case.id in ids:
            yield segment
            segment, ids = [], set()
        segment.append(case)
        ids.add(case.id)
    if segment:
        yield segment


def share_rows(cases: list[EncodedCase]) -> None:
    """Make each shared node's row once per segment, for the last case naming it — the version ``_insert`` writes —
    and give the earlier cases naming it the same row, which they never write (only their label and owner checks
    read the node). A region, a problem or a model named by most cases of a batch was encoded once per case when
    the batch was sent to the writer's process (``__reduce__``); now once, and pickled once (the same object)."""
    for segment in _segments(cases):
        rows: dict[str, list[Any]] = {}
        for case in reversed(segment):
            for k, (node_id, label, row, node) in enumerate(case.nodes):
                if row is None:
                    row = rows.get(node_id)
                    if row is None:
                        row = rows[node_id] = write_row(node, None)
                    case.nodes[k] = (node_id, label, row, node)


def delete_cases(tx, case_ids: list[str]) -> list[str]:
    """Withdraw cases (their own nodes, their relationships, unused concepts); returns the ids that existed."""
    row = tx.run(_LOOKUP, cids=list(case_ids), ids=[]).single()
    stored = {cid: json.loads(graph) for cid, _, graph in row["cases"]}
    if not stored:
        return []
    stmt = _Statement()
    touched = _withdraw(stmt, stored)
    _collect(stmt, touched)
    stmt.changed = sorted(stored)
    stmt.run(tx)
    return [c for c in case_ids if c in stored]


def _upsert_segment(tx, items: list[EncodedCase]) -> list[UpsertStatus]:
    ids = list(dict.fromkeys(node_id for c in items for node_id, *_ in c.nodes))
    row = tx.run(_LOOKUP, cids=Rows(c.id for c in items), ids=Rows(ids)).single()
    stored = {cid: (digest, graph) for cid, digest, graph in row["cases"]}
    statuses: list[UpsertStatus] = []
    changed: list[EncodedCase] = []
    for c in items:
        old = stored.get(c.id)
        if old is not None and old[0] == c.digest:
            statuses.append("unchanged")
            continue
        statuses.append("updated" if old is not None else "inserted")
        changed.append(c)
    if not changed:
        return statuses
    replaced = {c.id: json.loads(stored[c.id][1]) for c in changed if c.id in stored}
    for c in changed:   # never replace a different document (checked inside the write transaction)
        if c.id in replaced:
            check_replaces(replaced[c.id]["nodes"][0]["props"], c.graph)
    existing = {r[0]: r for r in row["nodes"]}
    stmt = _Statement()
    stmt.changed = [c.id for c in changed]
    touched = _withdraw(stmt, replaced)
    new_ids = _insert(stmt, changed, existing, set(replaced))
    _collect(stmt, touched - new_ids)
    stmt.run(tx)
    return statuses


def _withdraw(stmt: _Statement, old_graphs: dict[str, dict[str, Any]]) -> set[str]:
    """Remove stored cases: relationships by ``case_id`` (relationship index), own nodes by ``owner``
    (DETACH takes the case's other relationships), CaseGraphs. Returns every node id they touched."""
    if not old_graphs:
        return set()
    stmt.params["withdraw"] = sorted(old_graphs)
    return {n["id"] for old in old_graphs.values() for n in old.get("nodes", [])}


def _insert(stmt: _Statement, items: list[EncodedCase], existing: dict[str, list[Any]],
            withdrawn: set[str]) -> set[str]:
    """Write cases that are not (or no longer) in the store. ``existing`` holds ``[id, label, owner, name,
    props]`` of the nodes the batch names as they were before ``withdrawn`` cases were taken out. Raises
    SchemaError (nothing written) when a node id clashes with another label or another case's node."""
    created: dict[str, list[list[Any]]] = {}        # label -> rows; case-owned nodes: CREATE
    merged: dict[str, tuple[str, list[Any]]] = {}   # id -> (label, row); shared nodes: MERGE
    labels: dict[str, str] = {}
    owners: dict[str, str] = {}
    # latest case first, so a shared node named by many cases is written once, in its last version (as one by one)
    for case in reversed(items):
        cid = case.id
        for node_id, node_label, row, node in case.nodes:
            label = labels.get(node_id)
            owned = node_label in CASE_OWNED_LABELS
            if label is not None:      # met in a later case of the batch: only the checks remain
                if label != node_label:
                    raise SchemaError(f"id {node_id} is a {label}, not a {node_label}")
                if owned and owners.get(node_id) != cid:
                    raise SchemaError(f"node {node_id} already belongs to {owners.get(node_id)}")
                continue
            labels[node_id] = node_label
            ex = existing.get(node_id)
            if ex is not None and ex[2] in withdrawn:
                ex = None              # a node of a withdrawn case is created afresh
            if ex is not None and ex[1] != node_label:
                raise SchemaError(f"id {node_id} is a {ex[1]}, not a {node_label}")
            if owned:
                owners[node_id] = cid
                if ex is not None and ex[2] not in (None, cid):
                    raise SchemaError(f"node {node_id} already belongs to {ex[2]}")
                if ex is None:
                    created.setdefault(node_label, []).append(row)
                    continue
            else:
                row = row if row is not None else write_row(node, None)
                if ex is not None and ex[4] == row[3] and ex[3] == row[1]:
                    continue   # a shared node (region, problem, model …) as it already is: nothing to write
            merged[node_id] = (node_label, row)
    for label, rows in created.items():
        stmt.params[f"create_{label}"] = rows
    for label, row in merged.values():
        stmt.params[f"merge_{label}"].append(row)
    edges: dict[str, dict[tuple[str, str, str], list[Any]]] = {}
    for case in items:
        for t, key, row in case.edges:
            # last one wins, as SQLite's INSERT OR REPLACE on (src, type, dst, case_id)
            edges.setdefault(t, {})[key] = row
    for t, rows in edges.items():
        stmt.params[f"rel_{t}"] = list(rows.values())
    stmt.params["graphs"] = [[c.id, c.digest, c.text] for c in items]
    return set(labels)


def _collect(stmt: _Statement, candidates: set[str]) -> None:
    """Delete concepts (and stray outcomes) no relationship references any more."""
    stmt.params["orphans"] = sorted(candidates)



"""The GraphStore protocol: what every backend offers, and the errors it raises.

Writes come in whole cases (``upsert_case``); reads are by id, by label, by neighbourhood, and through
named queries whose text lives in ``queries/`` (the store only executes text it is given, with
parameters — it never builds query text from values).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, ContextManager, Iterator, Literal, NamedTuple, Protocol, runtime_checkable

from .changes import ChangeSet
from .review import AuditEntry, Commit, Correction
from .schema import CaseGraph, Edge, Node

UpsertStatus = Literal["inserted", "updated", "unchanged"]


class StoredCase(NamedTuple):
    """A case as a store keeps it: the graph, its content hash and the JSON text it was written as
    (``serialize.dumps_graph``), so a copy need not hash and encode again what the source already did."""
    graph: CaseGraph
    hash: str
    text: str

# Result columns of named queries that hold JSON in both stores (SQLite keeps props as JSON text, Neo4jStore
# writes the same text and SQLite-shaped scalar copies). ``run`` returns them decoded, so no caller parses JSON.
JSON_COLUMNS = frozenset({"props", "flags", "signals", "before", "after", "change"})


def _is_json_column(name: str) -> bool:
    return name in JSON_COLUMNS or name.endswith("_props")


def decode_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Decode the JSON columns of query rows in place (``props``/``*_props`` → dict, ``flags``/``signals`` →
    list; NULL → empty). Rows are what both stores' ``run`` return. A ``*_props`` column holds another node's
    properties, repeated on every row that names it (a model's on each of its 10⁵ cases): equal texts are decoded
    once and the rows share the value, which callers read and never change."""
    if not rows:
        return rows
    columns = [k for k in rows[0] if _is_json_column(k)]
    shared: dict[Any, Any] = {}
    for row in rows:
        for k in columns:
            value = row[k]
            if isinstance(value, (str, bytes)):
                repeated = k.endswith("_props")
                if repeated and value in shared:
                    row[k] = shared[value]
                    continue
                text = value
                try:
                    value = json.loads(value)
                except ValueError:
                    value = [value] if k in ("flags", "signals") else {}
                if repeated:
                    shared[text] = value
            if value is None:
                value = {} if k not in ("flags", "signals") else []
            row[k] = value
    return rows


class StoreError(RuntimeError):
    """A store problem a user can act on; ``str()`` is a bilingual message."""


class StoreVersionError(StoreError):
    """The database was written by a newer (or unknown) schema version."""


@dataclass
class Subgraph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False
    total_nodes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
            "truncated": self.truncated,
        }


def bounded_neighborhood(node_id: str, depth: int, limit: int, *, exists: Callable[[str], bool],
                         edges_touching: Callable[..., list[Edge]],
                         get_nodes: Callable[[list[str]], list[Node]],
                         edges_among: Callable[[list[str]], list[Edge]] | None = None) -> Subgraph:
    """Breadth-first neighbourhood shared by both stores: at most ``depth`` hops and ``limit`` nodes (nodes past
    the limit are left out and ``truncated`` says so); edges are those among the kept nodes, sorted. A store
    that can read the edges among given nodes without reading every edge of each (``edges_among``) passes it:
    a hub has one edge row per contributing case."""
    depth = max(0, int(depth))
    limit = max(1, int(limit))
    if not exists(node_id):
        return Subgraph()
    order, seen, frontier = [node_id], {node_id}, [node_id]
    truncated = False
    for _ in range(depth):
        if not frontier or truncated:
            break   # (truncated: full, and known to leave nodes out — a further hop can change neither)
        next_frontier: list[str] = []
        for part in _hop(frontier, edges_touching):
            for e in part:
                for other in (e.src, e.dst):
                    if other not in seen:
                        if len(seen) >= limit:
                            truncated = True
                            continue
                        seen.add(other)
                        order.append(other)
                        next_frontier.append(other)
            if truncated:
                break   # (the rest of the hop could add no node)
        frontier = next_frontier
    among = edges_among(order) if edges_among is not None else edges_touching(order)
    edges = {(e.src, e.type, e.dst): e for e in among if e.src in seen and e.dst in seen}
    return Subgraph(nodes=get_nodes(order), edges=sorted(edges.values(), key=lambda e: (e.src, e.type, e.dst)),
                    truncated=truncated)


def _hop(frontier: list[str], edges_touching: Callable[..., list[Edge]]) -> Iterator[list[Edge]]:
    """One hop's edges in the order ``edges_touching(frontier)`` gives them — every node's outgoing edges, then
    every node's incoming ones, node by node — read in parts: the outgoing at once (a case's own facts, a model's
    measures: few), the incoming for a slice of the frontier at a time, each slice twice the last (a problem's or
    a measure's incoming edges are every case's), so that a walk which fills up stops reading. The same edges in
    the same order: the walk keeps the same nodes as from one read."""
    yield edges_touching(frontier, direction="out")
    start, size = 0, 1
    while start < len(frontier):
        yield edges_touching(frontier[start:start + size], direction="in")
        start, size = start + size, size * 2


@runtime_checkable
class GraphStore(Protocol):
    dialect: str  # "sql" or "cypher": which folder of queries/ this store runs

    def upsert_case(self, graph: CaseGraph) -> UpsertStatus: ...

    def upsert_cases(self, graphs: list[CaseGraph]) -> list[UpsertStatus]: ...

    def delete_case(self, case_id: str) -> bool: ...

    def bulk_writes(self) -> ContextManager[None]:
        """Around many write transactions in a row (an ingest): the store may defer its housekeeping until they
        are done; every transaction stays whole and durable."""
        ...

    def get_node(self, node_id: str) -> Node | None: ...

    def get_nodes(self, node_ids: list[str]) -> list[Node]: ...

    def list_nodes(self, label: str, *, limit: int = 100, offset: int = 0) -> list[Node]: ...

    def count_nodes(self, label: str) -> int: ...

    def edges_of(self, node_id: str, *, types: tuple[str, ...] | None = None,
                 direction: Literal["out", "in", "both"] = "both") -> list[Edge]: ...

    def neighborhood(self, node_id: str, *, depth: int = 1, limit: int = 200) -> Subgraph: ...

    def stats(self) -> dict[str, dict[str, int]]: ...

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a named query (text from ``queries/``), JSON columns decoded (``decode_rows``)."""
        ...

    def search(self, text: str, *, labels: tuple[str, ...] | None = None,
               limit: int = 20) -> list[dict[str, Any]]: ...

    def schema_version(self) -> int: ...

    def case_hashes(self) -> dict[str, str]: ...

    def documents(self, digests: list[str]) -> dict[str, list[tuple[str, str]]]:
        """The cases holding each of these documents (the text digests of their identity records), as (case id,
        origin) in id order: an ingest keeps a document's case id when a newer extractor would name it otherwise."""

    def iter_case_graphs(self) -> Iterator[CaseGraph]: ...

    def iter_stored_cases(self) -> Iterator[StoredCase]: ...

    def revision(self) -> str: ...

    def changed_cases(self, since: str) -> ChangeSet | None:
        """The cases changed after revision ``since``, from the change log (``graph/changes.py``); None when
        the log cannot say (pruned, cleared, not a revision of this store)."""
        ...

    # review (graph/review.py): a case's version is its stored content hash; corrections and the audit trail
    # are kept beside the graph and written only through ``commit``
    def commit(self, commit: Commit) -> list[UpsertStatus]: ...

    def case_graph(self, case_id: str) -> tuple[CaseGraph, str] | None: ...

    def case_version(self, case_id: str) -> str | None: ...

    def corrections(self, case_ids: list[str]) -> dict[str, list[Correction]]: ...

    def iter_corrections(self) -> Iterator[Correction]: ...

    def iter_audit(self) -> Iterator[AuditEntry]: ...

    def close(self) -> None: ...

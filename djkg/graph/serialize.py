"""Write-side algorithms both stores share: a CaseGraph as stored JSON and back, and per-case edge rows folded
into graph edges (aggregated edges carry ``support``, the number of cases contributing them).

Both backends keep, per case, the CaseGraph as written (change detection, migration) and one edge row per
contributing case; these functions are the single definition of those encodings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .schema import AGGREGATED_EDGES, CaseGraph, Edge, Node


@dataclass(frozen=True)
class Encoded:
    """A CaseGraph as the stores write it: its version (content hash), its JSON text, and each node's and edge's
    props as JSON (in ``all_nodes()`` and ``edges`` order). Made once, by ``encode``, wherever the graph is built."""
    digest: str
    text: str
    node_props: tuple[str, ...]
    edge_props: tuple[str, ...]


def props_json(props: Mapping[str, Any]) -> str:
    """A node's or an edge's props as stored (keys sorted; most edges carry none: no encoder for them)."""
    return json.dumps(props, ensure_ascii=False, sort_keys=True) if props else "{}"


def encode(graph: CaseGraph) -> Encoded:
    plain = CaseGraph(graph.case, graph.nodes, graph.edges)     # whatever it carried, encoded afresh
    return Encoded(plain.content_hash(), dumps_graph(plain), tuple(props_json(n.props) for n in plain.all_nodes()),
                   tuple(props_json(e.props) for e in plain.edges))


def graph_to_json(graph: CaseGraph) -> dict[str, Any]:
    return {"nodes": [{"id": n.id, "label": n.label, "props": n.props} for n in graph.all_nodes()],
            "edges": [{"src": e.src, "type": e.type, "dst": e.dst, "props": e.props} for e in graph.edges]}


def graph_from_json(data: dict[str, Any]) -> CaseGraph:
    nodes = [Node(n["id"], n["label"], n["props"]) for n in data["nodes"]]
    return CaseGraph(case=nodes[0], nodes=nodes[1:],
                     edges=[Edge(e["src"], e["type"], e["dst"], e["props"]) for e in data["edges"]])


def dumps_graph(graph: CaseGraph) -> str:
    if graph.encoded is not None:
        return graph.encoded.text
    return json.dumps(graph_to_json(graph), ensure_ascii=False)


def merge_edge_rows(rows: Iterable[Mapping[str, Any]], *, limit: int | None = None) -> list[Edge]:
    """Fold per-case rows ``{src, type, dst, case_id, props}`` into one edge per (src, type, dst).

    ``props`` is the JSON text both stores keep; aggregated edges (USES, ADDRESSES) drop it and carry
    ``support`` instead. With ``limit``, edges past the first ``limit`` distinct ones are left out."""
    merged: dict[tuple[str, str, str], Edge] = {}
    support: dict[tuple[str, str, str], set[str]] = {}
    for r in rows:
        key = (r["src"], r["type"], r["dst"])
        if key not in merged:
            if limit is not None and len(merged) >= limit:
                continue
            props = json.loads(r["props"] or "{}") if r["type"] not in AGGREGATED_EDGES else {}
            merged[key] = Edge(key[0], key[1], key[2], props)
            support[key] = set()
        if r["case_id"]:
            support[key].add(r["case_id"])
    out = []
    for key, edge in merged.items():
        if key[1] in AGGREGATED_EDGES:
            edge.props["support"] = len(support[key])
        out.append(edge)
    return out


def merge_edge_groups(rows: Iterable[Mapping[str, Any]], *, limit: int | None = None) -> list[Edge]:
    """``merge_edge_rows`` for rows the store has already grouped per (src, type, dst), in the order the per-case
    rows would come: each row carries its group's ``support`` (distinct non-empty case ids) and the ``props`` of
    its first case's row. The same edge may come in several groups (out of one node, into another): the first is
    kept, as ``merge_edge_rows`` keeps the first row."""
    merged: dict[tuple[str, str, str], Edge] = {}
    for r in rows:
        key = (r["src"], r["type"], r["dst"])
        if key in merged or (limit is not None and len(merged) >= limit):
            continue
        props = {"support": int(r["support"])} if key[1] in AGGREGATED_EDGES else json.loads(r["props"] or "{}")
        merged[key] = Edge(key[0], key[1], key[2], props)
    return list(merged.values())

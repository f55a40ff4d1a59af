"""Write-side algorithms both stores share: a CaseGraph as stored JSON and back, and per-case edge rows folded
into graph edges (aggregated edges carry ``support``, the number of cases contributing them).

Both backends keep, per case, the CaseGraph as written (change detection, migration) and one edge row per
contributing case; these functions are the single definition of those encodings.
"""

from __future__ import annotations

import hashlib
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


# one encoder of each kind, made once: ``json.dumps`` with options builds a new encoder for every call, and a case
# graph's props are encoded a few dozen times per case (the output is the same)
_SORTED = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_PLAIN = json.JSONEncoder(ensure_ascii=False)


def props_json(props: Mapping[str, Any]) -> str:
    """A node's or an edge's props as stored (keys sorted; most edges carry none: no encoder for them)."""
    return _SORTED.encode(props) if props else "{}"


def encode(graph: CaseGraph) -> Encoded:
    plain = CaseGraph(graph.case, graph.nodes, graph.edges)     # whatever it carried, encoded afresh
    nodes = plain.all_nodes()
    node_props = tuple(props_json(n.props) for n in nodes)
    edge_props = tuple(props_json(e.props) for e in plain.edges)
    return Encoded(_content_hash(plain, nodes, node_props, edge_props), dumps_graph(plain), node_props, edge_props)


def with_encoding(graph: CaseGraph) -> CaseGraph:
    """``graph`` with its encoding (``encode``): itself when it carries one, else a copy that does."""
    if graph.encoded is not None:
        return graph
    return CaseGraph(graph.case, graph.nodes, graph.edges, encoded=encode(graph))


def _content_hash(graph: CaseGraph, nodes: list[Node], node_props: tuple[str, ...],
                  edge_props: tuple[str, ...]) -> str:
    """``CaseGraph.content_hash`` put together from the props already encoded: its payload's JSON is, piece by
    piece, these props (sorted keys, the same separators) between the encoded ids — the case text is not encoded
    a second time. Two edges between the same nodes with the same type (never built) take the general way."""
    edge_order = sorted(range(len(graph.edges)), key=lambda j: (graph.edges[j].src, graph.edges[j].type,
                                                                   graph.edges[j].dst))
    keys = [(graph.edges[j].src, graph.edges[j].type, graph.edges[j].dst) for j in edge_order]
    if any(a == b for a, b in zip(keys, keys[1:])):
        return graph.content_hash()
    enc = _SORTED.encode
    node_order = sorted(range(len(nodes)), key=lambda i: nodes[i].id)
    blob = ('{"edges": [' + ", ".join(f"[{enc(s)}, {enc(t)}, {enc(d)}, {edge_props[j]}]"
                                     for j, (s, t, d) in zip(edge_order, keys))
            + '], "nodes": [' + ", ".join(f"[{enc(nodes[i].id)}, {enc(nodes[i].label)}, {node_props[i]}]"
                                          for i in node_order) + "]}")
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


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
    return _PLAIN.encode(graph_to_json(graph))


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

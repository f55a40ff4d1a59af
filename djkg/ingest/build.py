"""Stage 5 — link and build: an ``ExtractedCase`` becomes a ``CaseGraph`` the store can upsert.

Regions come with their PART_OF chain (county → city → province), the sector with PART_OF its field.
Measure —ADDRESSES→ Problem contributions follow the taxonomy's prior links; when a case states only
one or two problems, each of its measures is taken to address them. The case's model USES its measures.
"""

from __future__ import annotations

from typing import Any

from ..graph import schema as S
from ..graph.schema import CaseGraph, Edge, Node
from .extract import ExtractedCase
from .regions import gazetteer
from .taxonomy import Taxonomy, taxonomy


def region_nodes(adcode: str | None) -> tuple[list[Node], list[Edge]]:
    if not adcode:
        return [], []
    g = gazetteer()
    chain = []
    div = g.division(adcode)
    while div is not None:
        chain.append(div)
        div = g.parent(div.adcode)
    chain.reverse()
    nodes = []
    for d in chain:
        props: dict[str, Any] = {"name": d.name, "level": d.level, "adcode": d.adcode}
        if d.level == "province":
            props["macro"] = g.macro_region(d.adcode)
        nodes.append(Node(S.region_id(d.adcode), S.REGION, props))
    edges = [Edge(nodes[i + 1].id, S.PART_OF, nodes[i].id) for i in range(len(nodes) - 1)]
    return nodes, edges


def industry_nodes(field: str | None, sector: str | None) -> tuple[list[Node], list[Edge]]:
    if not field:
        return [], []
    f = Node(S.industry_id(field), S.INDUSTRY, {"name": field, "level": "field"})
    if not sector or sector == field:
        return [f], []
    s = Node(S.industry_id(field, sector), S.INDUSTRY, {"name": sector, "level": "sector", "field": field})
    return [f, s], [Edge(s.id, S.PART_OF, f.id)]


def build(case: ExtractedCase, tx: Taxonomy | None = None) -> CaseGraph:
    tx = tx or taxonomy()
    cid = case.id
    # a wider area's figures are never the unit's: they do not count towards maturity's quantified share
    quantified = sum(1 for o in case.outcomes if o.value is not None and getattr(o, "scope", "unit") != "region")
    props: dict[str, Any] = {
        "title": case.title, "unit": case.unit, "brand": case.brand, "year": case.year,
        "source": case.source, "sources": case.meta.get("source") or [], "reported": case.meta.get("reported"),
        "style": case.meta.get("style"),
        "illustrative": bool(case.meta.get("illustrative")), "synthetic": bool(case.meta.get("synthetic")),
        "region": case.region, "industry": case.industry, "flags": case.flags, "signals": case.signals,
        "quantified_outcomes": quantified, "text": case.shown_text,
    }
    if case.identity:
        props[S.IDENTITY] = case.identity
    root = Node(cid, S.CASE, props)
    nodes: list[Node] = []
    edges: list[Edge] = []

    rnodes, redges = region_nodes(case.region.get("adcode"))
    nodes += rnodes
    edges += redges
    if rnodes:
        edges.append(Edge(cid, S.LOCATED_IN, rnodes[-1].id))
    inodes, iedges = industry_nodes(case.industry.get("field"), case.industry.get("sector"))
    nodes += inodes
    edges += iedges
    if inodes:
        edges.append(Edge(cid, S.IN_INDUSTRY, inodes[-1].id))

    for kind, mentions, edge_type in ((S.PROBLEM, case.problems, S.FACES), (S.MEASURE, case.measures, S.APPLIES)):
        for m in mentions:
            concept = tx.by_id.get(m.id)
            nprops = concept.props() if concept else {"name": m.name, "candidate": True}
            nodes.append(Node(m.id, kind, nprops))
            # a measure the measure model added says so: it was read from the write-up's words, not a listed phrase
            edges.append(Edge(cid, edge_type, m.id, {"evidence": m.evidence, **({"learned": True} if m.learned else {})}))

    problem_ids = [m.id for m in case.problems]
    for m in case.measures:
        concept = tx.by_id.get(m.id)
        prior = set(S.concept_id(S.PROBLEM, p) for p in ((concept.extra.get("addresses") if concept else None) or []))
        targets = [p for p in problem_ids if p in prior]
        if not targets and len(problem_ids) <= 2:
            targets = problem_ids
        for p in targets:
            edges.append(Edge(m.id, S.ADDRESSES, p))

    for o in case.outcomes:
        oid = S.outcome_id(cid, o.metric or o.name, o.value, o.evidence)
        nodes.append(Node(oid, S.OUTCOME, {k: v for k, v in o.to_dict().items() if v is not None}))
        edges.append(Edge(cid, S.ACHIEVES, oid))

    if case.model:
        mid = case.model["id"]
        concept = tx.by_id.get(mid)
        mprops = concept.props() if concept else {"name": case.model["name"], "candidate": True}
        nodes.append(Node(mid, S.MODEL, mprops))
        edges.append(Edge(cid, S.INSTANCE_OF, mid))
        for m in case.measures:
            edges.append(Edge(mid, S.USES, m.id))

    graph = CaseGraph(case=root, nodes=_dedupe_nodes(nodes), edges=_dedupe_edges(edges))
    graph.validate()
    return graph


def _dedupe_nodes(nodes: list[Node]) -> list[Node]:
    seen: dict[str, Node] = {}
    for n in nodes:
        seen.setdefault(n.id, n)
    return list(seen.values())


def _dedupe_edges(edges: list[Edge]) -> list[Edge]:
    seen: dict[tuple[str, str, str], Edge] = {}
    for e in edges:
        seen.setdefault((e.src, e.type, e.dst), e)
    return list(seen.values())

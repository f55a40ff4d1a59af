"""Case records as the contract shows them (the ingest JSON shape, without text)."""

from __future__ import annotations

from typing import Any

from ..graph import schema as S
from ..graph.store import GraphStore
from . import catalogue
from .index import store_index


def case_record(store: GraphStore, case_id: str, *, with_text: bool = False) -> dict[str, Any] | None:
    node = store.get_node(case_id)
    if node is None or node.label != S.CASE:
        return None
    return _record(store, node, with_text=with_text)


def _record(store: GraphStore, node, *, with_text: bool) -> dict[str, Any]:
    p = node.props
    edges = store.edges_of(node.id, direction="out")
    targets = {n.id: n for n in store.get_nodes(sorted({e.dst for e in edges}))}
    problems, measures, outcomes, model = [], [], [], None
    for e in edges:
        t = targets.get(e.dst)
        if t is None:
            continue
        if e.type == S.FACES:
            problems.append(_mention(t, e))
        elif e.type == S.APPLIES:
            measures.append(_mention(t, e))
        elif e.type == S.ACHIEVES:
            o = t.props
            outcomes.append({"id": t.id, "name": o.get("name"), "metric": o.get("metric"), "value": o.get("value"),
                             "unit": o.get("unit"), "direction": o.get("direction"), "evidence": o.get("evidence"),
                             "scope": o.get("scope") or "unit"})
        elif e.type == S.INSTANCE_OF:
            model = {"id": t.id, "name": t.props.get("name")}
            if t.props.get("candidate"):
                model["candidate"] = True
    region = p.get("region") or {"province": None, "city": None, "county": None, "adcode": None}
    rec = {
        "source": p.get("source"), "id": node.id, "title": p.get("title"), "unit": p.get("unit"),
        "brand": p.get("brand"), "year": p.get("year"), "region": region,
        "industry": p.get("industry") or {"field": None, "sector": None},
        "problems": problems, "measures": measures, "outcomes": outcomes, "model": model,
        "flags": p.get("flags") or [], "signals": p.get("signals") or [], "warnings": [],
        "illustrative": bool(p.get("illustrative")), "synthetic": bool(p.get("synthetic")),
        "sources": p.get("sources") or [], "reported": p.get("reported"),
    }
    if with_text:
        rec["text"] = p.get("text")
    return rec


def _mention(node, edge) -> dict[str, Any]:
    m = {"id": node.id, "name": node.props.get("name"), "evidence": edge.props.get("evidence")}
    if node.props.get("candidate"):
        m["candidate"] = True
    if edge.props.get("learned"):
        m["learned"] = True      # read from the write-up's words by a concept model (ingest/concept_model.py)
    return m


def list_cases(store: GraphStore, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    return [_record(store, n, with_text=False) for n in store.list_nodes(S.CASE, limit=limit, offset=offset)]


CASE_FILTERS = ("prefix", "field", "year", "illustrative", "model", "problem", "measure")


def page_cases(store: GraphStore, *, limit: int, offset: int = 0, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """One page of the case library — rows of (case_id, model_id, and the case's facts from its node) — and the
    number of cases matching ``filters`` (names in ``CASE_FILTERS``; a missing or None filter matches every case)."""
    params = {k: filters.get(k) for k in CASE_FILTERS}
    rows = catalogue.run(store, "page_cases", **params, limit=int(limit), offset=int(offset))
    if not rows and offset > 0:      # past the last page: still say how many there are
        head = catalogue.run(store, "page_cases", **params, limit=1, offset=0)
        return [], int(head[0]["total"]) if head else 0
    nodes = {n.id: n.props for n in store.get_nodes([r["case_id"] for r in rows])}
    out = []
    for r in rows:
        p = nodes.get(r["case_id"], {})
        region, industry = p.get("region") or {}, p.get("industry") or {}
        out.append({"case_id": r["case_id"], "model_id": r["model_id"], "title": p.get("title"), "unit": p.get("unit"),
                    "year": p.get("year"), "adcode": region.get("adcode"), "field": industry.get("field"),
                    "sector": industry.get("sector"), "illustrative": bool(p.get("illustrative"))})
    return out, int(rows[0]["total"]) if rows else 0


def case_years(store: GraphStore) -> list[dict[str, Any]]:
    """Years with their case counts: the same for every request until the store changes, so kept per revision."""
    return store_index(store).typed(("case_years",), lambda: catalogue.run(store, "case_years"))


def case_provinces(store: GraphStore) -> list[dict[str, Any]]:
    """Cases per province (kept per store revision, like ``case_years``)."""
    return store_index(store).typed(("case_provinces",), lambda: catalogue.run(store, "case_provinces"))

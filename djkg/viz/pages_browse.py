"""Browsing pages: the case library (/cases, filters and pages), search (/search, grouped by kind, identical
outcome rows collapsed, every hit linked), the regions overview (/regions) and a region (/regions/{name})."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote, urlencode

from ..graph import schema as S
from ..graph.adcodes import city_of, county_of, province_of
from ..graph.store import GraphStore
from ..queries.cases import case_provinces, case_years, page_cases
from ..queries.index import model_index
from ..queries.models import list_models
from . import labels as L
from .text import clip, outcome_label

PAGE_SIZE = 20
SEARCH_PER_KIND = 12


@dataclass
class Pager:
    number: int
    pages: int
    total: int
    prev: str | None
    next: str | None


def pager(total: int, number: int, size: int, url: Callable[[int], str]) -> Pager:
    pages = max(1, -(-total // size))
    number = min(max(1, number), pages)
    return Pager(number, pages, total, url(number - 1) if number > 1 else None,
                 url(number + 1) if number < pages else None)


def region_names(store: GraphStore, adcodes: list[str | None]) -> dict[str, str]:
    codes = {c for a in adcodes if a for c in (province_of(a), city_of(a), county_of(a)) if c}
    return {n.props.get("adcode"): str(n.props.get("name") or "") for n in
            store.get_nodes(sorted(S.region_id(c) for c in codes)) if n.label == S.REGION}


def place_of(adcode: str | None, names: dict[str, str]) -> str:
    out: list[str] = []
    for code in (province_of(adcode), city_of(adcode), county_of(adcode)):
        name = names.get(code or "", "")
        if name and name not in out:
            out.append(name)
    return "".join(out)


@dataclass
class CaseFilters:
    region: str = ""            # as typed
    prefix: str | None = None   # resolved adcode prefix
    place: str = ""             # the resolved region's name
    field: str = ""
    model: str = ""
    year: int | None = None
    source: str = ""            # documented | illustrative | ""
    problem: str = ""
    measure: str = ""

    def query(self, **extra: Any) -> str:
        pairs = [("region", self.region), ("field", self.field), ("model", self.model),
                 ("year", self.year or ""), ("source", self.source), ("problem", self.problem),
                 ("measure", self.measure)] + list(extra.items())
        return urlencode([(k, v) for k, v in pairs if v not in ("", None)])

    def params(self) -> dict[str, Any]:
        return {"prefix": self.prefix, "field": self.field or None, "year": self.year,
                "illustrative": {"documented": 0, "illustrative": 1}.get(self.source),
                "model": self.model or None, "problem": self.problem or None, "measure": self.measure or None}


def case_rows(store: GraphStore, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    names = region_names(store, [r.get("adcode") for r in rows])
    models = model_index(store).models
    return [{"id": r["case_id"], "title": r.get("title") or r.get("unit") or "（无标题）", "unit": r.get("unit") or "",
             "place": place_of(r.get("adcode"), names), "field": r.get("field") or "", "sector": r.get("sector") or "",
             "year": r.get("year"), "illustrative": bool(r.get("illustrative")),
             "model_id": r.get("model_id") or "",
             "model": models[r["model_id"]].name if r.get("model_id") in models else ""} for r in rows]


def cases_context(store: GraphStore, f: CaseFilters, number: int) -> dict[str, Any]:
    rows, total = page_cases(store, limit=PAGE_SIZE, offset=(max(1, number) - 1) * PAGE_SIZE, **f.params())
    chips = []
    for key, what in (("problem", "面临“{}”"), ("measure", "采取“{}”")):
        nid = getattr(f, key)
        if nid:
            node = store.get_node(nid)
            name = str(node.props.get("name") or "") if node is not None else "未知"
            chips.append((what.format(name), "/cases?" + CaseFilters(**{**f.__dict__, key: ""}).query()))
    return {
        "rows": case_rows(store, rows), "filters": f, "chips": chips,
        "page": pager(total, number, PAGE_SIZE, lambda n: "/cases?" + f.query(page=n)),
        "fields": S.FIELDS, "models": [(m.id, m.name) for m in list_models(model_index(store))],
        "years": [int(r["year"]) for r in case_years(store)], "sources": L.SOURCE_KINDS,
        "csv": "/cases.csv?" + f.query(),
    }


# --- search -------------------------------------------------------------------------------------------------

SEARCH_KINDS = (S.MODEL, S.CASE, S.REGION, S.PROBLEM, S.MEASURE, S.OUTCOME)


def hit_url(label: str, node_id: str, name: str) -> str:
    if label == S.MODEL:
        return f"/models/{quote(node_id, safe=':')}"
    if label == S.CASE:
        return f"/cases/{quote(node_id, safe=':')}"
    if label == S.REGION:
        return f"/regions/{quote(name)}"
    if label == S.PROBLEM:
        return "/cases?" + urlencode({"problem": node_id})
    if label == S.MEASURE:
        return "/cases?" + urlencode({"measure": node_id})
    if label == S.INDUSTRY:
        return "/cases?" + urlencode({"field": name})
    return ""


def search_groups(store: GraphStore, q: str) -> list[dict[str, Any]]:
    """Hits grouped by kind; outcomes with the same label are one row listing the cases that report it."""
    groups = []
    for label in SEARCH_KINDS:
        hits = store.search(q, labels=(label,), limit=SEARCH_PER_KIND * (4 if label == S.OUTCOME else 1))
        if not hits:
            continue
        rows: list[dict[str, Any]] = []
        if label == S.OUTCOME:
            nodes = {n.id: n for n in store.get_nodes([h["id"] for h in hits])}
            merged: dict[str, dict[str, Any]] = {}
            for h in hits:
                node = nodes.get(h["id"])
                text = outcome_label(node.props) if node is not None else h["name"]
                key = str(node.props.get("name") if node is not None else h["name"])
                row = merged.setdefault(key, {"name": key, "cases": [], "values": []})
                row["values"].append(text)
                for e in store.edges_of(h["id"], types=(S.ACHIEVES,), direction="in"):
                    row["cases"].append(e.src)
            cases = {n.id: n for n in store.get_nodes(sorted({c for r in merged.values() for c in r["cases"]}))}
            for row in list(merged.values())[:SEARCH_PER_KIND]:
                links = [(f"/cases/{quote(c, safe=':')}", clip(cases[c].props.get("title") or "案例", 30))
                         for c in dict.fromkeys(row["cases"]) if c in cases]
                rows.append({"name": row["name"], "url": links[0][0] if len(links) == 1 else "",
                             "snippet": "、".join(dict.fromkeys(row["values"]))[:120], "cases": links,
                             "count": len(links)})
        else:
            for h in hits:
                rows.append({"name": h["name"], "url": hit_url(label, h["id"], h["name"]),
                             "snippet": (h.get("snippet") or "").replace("[", "").replace("]", ""),
                             "cases": [], "count": 0})
        groups.append({"label": L.node_type(label).zh, "rows": rows})
    return groups


# --- regions ------------------------------------------------------------------------------------------------

def regions_context(store: GraphStore) -> dict[str, Any]:
    rows = case_provinces(store)
    names = region_names(store, [r["adcode"] for r in rows])
    provinces = [{"name": names.get(r["adcode"], ""), "cases": int(r["cases"]), "documented": int(r["documented"]),
                  "models": int(r["models"])} for r in rows if names.get(r["adcode"])]
    top = max((p["cases"] for p in provinces), default=1) or 1
    for p in provinces:
        p["share"] = round(100 * p["cases"] / top)
    return {"provinces": provinces, "total": sum(p["cases"] for p in provinces)}


def region_context(store: GraphStore, key: str, prefix_of: Callable[[str], str]) -> dict[str, Any]:
    """A region as text: where it sits, its sub-regions with case counts, the models its cases use, its newest
    cases. Raises ``viewdata.NotFound`` for an unknown key (already resolved to an official name or adcode)."""
    from . import views as V
    region, homonyms = V.find_region(store, key)
    tree, _ids, _under, per_child, total = V.region_tree(store, region)
    children = sorted(((r["name"], per_child.get(r["region_id"], 0)) for r in tree if r["depth"] == 1),
                      key=lambda x: (-x[1], x[0]))
    adcode = str(region.props.get("adcode") or region.id.split(":", 1)[-1])
    prefix = prefix_of(adcode)
    models: dict[str, int] = {}
    index = model_index(store)
    for entry in index.models.values():
        n = sum(1 for c in entry.cases if c.adcode and c.adcode.startswith(prefix))
        if n and not entry.candidate:
            models[entry.id] = n
    rows, _ = page_cases(store, limit=PAGE_SIZE, offset=0, prefix=prefix)
    name = str(region.props.get("name") or "")
    chain = [str(n.props.get("name") or "") for n in V.region_chain(store, region.id)]
    return {
        "title": name, "name": name, "level": L.REGION_LEVELS.get(str(region.props.get("level") or ""), "地区"),
        "chain": chain, "children": children, "total": total,
        "models": [(mid, index.models[mid].name, n) for mid, n in sorted(models.items(), key=lambda kv: (-kv[1], kv[0]))],
        "rows": case_rows(store, rows), "homonyms": [str(h.props.get("name") or "") + "（" + place_of(
            str(h.props.get("adcode") or ""), region_names(store, [str(h.props.get("adcode") or "")])) + "）"
            for h in homonyms[:10]],
        "crumbs": [("/", "首页"), ("/regions", "地区总览")] + [(f"/regions/{quote(c)}", c) for c in chain[:-1]]
                  + [("", name)],
    }

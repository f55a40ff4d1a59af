"""Graph pages: pyvis networks over the view data of ``views.py``, in the site layout (``templates/graph.html``).

pyvis builds the network (nodes, edges, options); its own template is not used because it links bootstrap
and tom-select from CDNs even "in_line" (pyvis issues 228/229). A served page loads the vis-network 9.1.2 build
shipped inside the pyvis wheel and ``static/graph.js`` from /static; a page written to a file inlines both.

Escaping: page text goes through Jinja2 autoescape; the graph data travels as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``, so a
case title containing ``</script>`` cannot end the block; tooltips are built in the browser with
``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import json
from typing import Any

from urllib.parse import quote

from markupsafe import Markup
from pyvis.network import Network

from ..core.contract import Recommendation
from ..graph.store import GraphStore
from . import labels as L
from . import views as V
from .site import FONT_STACK, render_page
from .viewdata import NotFound, ViewData, clip, view_kind

__all__ = ["NotFound", "render", "render_model", "render_case", "render_region", "render_overview",
           "render_recommendation"]
HIGHLIGHT = "#d62728"
MUTED = "#cfd5dd"

FORCE_OPTIONS: dict[str, Any] = {
    "physics": {"solver": "barnesHut", "stabilization": {"enabled": True, "iterations": 400, "fit": True},
                "barnesHut": {"gravitationalConstant": -14000, "centralGravity": 0.25, "springLength": 170,
                              "springConstant": 0.03, "damping": 0.45, "avoidOverlap": 0.7}},
    "layout": {"randomSeed": 7, "improvedLayout": True},
}
COLUMN_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "layout": {"hierarchical": {"enabled": True, "direction": "LR", "levelSeparation": 250, "nodeSpacing": 78,
                                "treeSpacing": 60, "blockShifting": True, "edgeMinimization": True,
                                "parentCentralization": True}},
}
COMMON_OPTIONS: dict[str, Any] = {
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
    "nodes": {"font": {"face": FONT_STACK, "size": 15, "strokeWidth": 4, "strokeColor": "#ffffff"}, "borderWidth": 1},
    "edges": {"smooth": False, "color": {"color": "#b0b7c3", "highlight": HIGHLIGHT},
              "font": {"face": FONT_STACK, "size": 11, "align": "middle", "strokeWidth": 3},
              "arrows": {"to": {"scaleFactor": 0.5}}},
}


def options(view: ViewData) -> dict[str, Any]:
    return {**COMMON_OPTIONS, **(COLUMN_OPTIONS if view.layout == "columns" else FORCE_OPTIONS)}


def page_url(label: str, node_id: str, name: str) -> str:
    """The page a node opens: a case, a model or a region page ("" for other nodes)."""
    kind = view_kind(label)
    if kind == "case":
        return "/cases/" + quote(node_id, safe=":")
    if kind == "model":
        return "/models/" + quote(node_id, safe=":")
    if kind == "region":
        return "/regions/" + quote(name)
    return ""


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' or line separators survive literally."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def network_data(view: ViewData) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes and edges of a view (built by pyvis): styled from labels.NODE_TYPES, weights as sizes,
    the highlighted path in red; every node says its type and the page it opens."""
    net = Network(directed=True, cdn_resources="in_line")
    top = max((n.weight for n in view.nodes), default=1.0) or 1.0
    muted = view.layout == "columns"
    for n in view.nodes:
        style = L.node_type(n.label)
        hl = n.id in view.highlight_nodes
        size = 32 if n.focus else 10 + 22 * (n.weight / top) ** 0.5   # the page's subject is the largest
        extra = {"level": n.level} if n.level is not None else {}
        net.add_node(n.id, label=clip(n.name, 18), title="\n".join(n.facts) or n.name, shape=style.shape,
                     color={"background": style.color, "border": HIGHLIGHT if hl else "#ffffff",
                            "highlight": {"background": style.color, "border": HIGHLIGHT}},
                     borderWidth=4 if hl or n.focus else 1, size=round(size, 2), ntype=n.label,
                     kind=view_kind(n.label) or "", full=n.name, url=page_url(n.label, n.id, n.name),
                     weight=round(n.weight, 3), **extra)
    for e in view.edges:
        hl = e.key in view.highlight_edges
        width = 4 if hl else (1 if muted else 1 + min(4.0, e.weight ** 0.5 - 1 if e.weight > 1 else 0))
        net.add_edge(e.src, e.dst, title="\n".join([L.relation(e.type), *e.facts]),
                     label=e.text or "", width=width, color=HIGHLIGHT if hl else (MUTED if muted else None),
                     etype=e.type, hl=hl)
    nodes = [{k: v for k, v in n.items() if v is not None} for n in net.nodes]
    edges = [{k: v for k, v in e.items() if v is not None} for e in net.edges]
    return nodes, edges


KIND_ZH = {"model": "模式", "case": "案例", "region": "地区", "overview": "总览", "recommendation": "推荐解释"}


def render(view: ViewData, *, links: bool = True, tabs: list[tuple[str, str, str]] | None = None) -> str:
    """A complete page for ``view`` in the site layout. ``links``: served by djkg (node lists link to pages, a
    double-click adds a node's neighbours); without, a self-contained file (scripts and styles inline)."""
    nodes, edges = network_data(view)
    legend = [{"type": k, "label": nt.zh, "color": nt.color, "shape": nt.shape,
               "count": sum(1 for n in view.nodes if n.label == k)}
              for k, nt in L.NODE_TYPES.items() if any(n.label == k for n in view.nodes)]
    groups = [(item["label"], [(n.name, page_url(n.label, n.id, n.name) if links else "")
                               for n in view.nodes if n.label == item["type"]]) for item in legend]
    data = {"nodes": nodes, "edges": edges, "options": options(view), "links": links, "focus": view.focus,
            "title": view.title}
    crumbs = [("/", "首页"), ("", KIND_ZH.get(view.kind, ""))] + [("", name) for _id, name in view.breadcrumbs]
    return render_page("graph.html", inline=not links, active="overview" if view.kind == "overview" else "",
                       title=view.title, view=view, legend=legend, groups=groups,
                       counts=[c.text for c in view.counts], tabs=tabs or [], crumbs=crumbs,
                       data=Markup(script_json(data)))


def _tabs(text_url: str, graph_url: str, words: str) -> list[tuple[str, str, str]]:
    return [("text", text_url, words), ("graph", graph_url, "关系图")]


def render_model(store: GraphStore, model_id: str, *, links: bool = True) -> str:
    tabs = _tabs(page_url("Model", model_id, ""), "/views/model/" + quote(model_id, safe=":"), "概况与案例")
    return render(V.model_view(store, model_id), links=links, tabs=tabs if links else None)


def render_case(store: GraphStore, case_id: str, *, links: bool = True) -> str:
    tabs = _tabs(page_url("Case", case_id, ""), "/views/case/" + quote(case_id, safe=":"), "全文与要点")
    return render(V.case_view(store, case_id), links=links, tabs=tabs if links else None)


def render_region(store: GraphStore, name: str, *, links: bool = True) -> str:
    tabs = _tabs("/regions/" + quote(name), "/views/region/" + quote(name), "概况与案例")
    return render(V.region_view(store, name), links=links, tabs=tabs if links else None)


def render_overview(store: GraphStore, *, links: bool = True) -> str:
    return render(V.overview_view(store), links=links)


def render_recommendation(store: GraphStore, result: Recommendation, *, links: bool = True,
                          query: str = "") -> str:
    tabs = _tabs("/recommend?" + query, "/views/recommend?" + query, "推荐与理由") if links and query else None
    return render(V.recommendation_view(store, result), links=links, tabs=tabs)


def expand_data(store: GraphStore, node_id: str) -> dict[str, Any]:
    """A node's neighbours as vis-network data, styled like the page they are added to."""
    view = V.expand_view(store, node_id)
    nodes, edges = network_data(view)
    return {"nodes": nodes, "edges": edges, "notes": view.notes}

"""Graph pages: pyvis networks over the view data of ``views.py``, rendered as self-contained HTML.

pyvis builds the network (nodes, edges, options); its own template is not used because it links bootstrap
and tom-select from CDNs even "in_line" (pyvis issues 228/229). Our page inlines the vis-network 9.1.2
script and stylesheet shipped inside the pyvis wheel, so it loads nothing from anywhere.

Escaping: page text goes through Jinja2 autoescape; the graph data travels as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``, so a
case title containing ``</script>`` cannot end the block; tooltips are built in the browser with
``textContent``, never ``innerHTML``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from pyvis.network import Network

from ..core.contract import Recommendation
from ..graph.store import GraphStore
from . import labels as L
from . import views as V
from .viewdata import NotFound, ViewData, clip, view_kind

__all__ = ["NotFound", "render", "render_model", "render_case", "render_region", "render_overview",
           "render_recommendation"]
FONT_STACK = ('"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", '
              '"WenQuanYi Micro Hei", "Droid Sans Fallback", "SimHei", sans-serif')
HIGHLIGHT = "#d62728"

OPTIONS: dict[str, Any] = {
    "physics": {"solver": "barnesHut", "stabilization": {"enabled": True, "iterations": 300, "fit": True},
                "barnesHut": {"gravitationalConstant": -9000, "springLength": 140, "springConstant": 0.03,
                              "damping": 0.4, "avoidOverlap": 0.2}},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False},
    "nodes": {"font": {"face": FONT_STACK, "size": 15}, "borderWidth": 1},
    "edges": {"smooth": False, "color": {"color": "#b0b7c3", "highlight": HIGHLIGHT},
              "font": {"face": FONT_STACK, "size": 11, "align": "middle"}, "arrows": {"to": {"scaleFactor": 0.5}}},
    "layout": {"randomSeed": 7, "improvedLayout": True},
}


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    return (lib.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
            lib.joinpath("vis-network.css").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    text = resources.files(__package__).joinpath("templates", "graph.html").read_text(encoding="utf-8")
    return env.from_string(text)


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>', '&' or line separators survive literally."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _network(view: ViewData) -> Network:
    """The pyvis network of a view: one styled node per view node, weights as sizes, highlights in red."""
    net = Network(directed=True, cdn_resources="in_line")
    top = max((n.weight for n in view.nodes), default=1.0) or 1.0
    for n in view.nodes:
        style = L.node_type(n.label)
        hl = n.id in view.highlight_nodes
        size = 10 + 22 * (n.weight / top) ** 0.5
        net.add_node(n.id, label=clip(n.name, 18), title="\n".join(n.facts) or n.name, shape=style.shape,
                     color={"background": style.color, "border": HIGHLIGHT if hl else "#ffffff",
                            "highlight": {"background": style.color, "border": HIGHLIGHT}},
                     borderWidth=4 if hl or n.focus else 1, size=round(size, 2),
                     kind=view_kind(n.label) or "", full=n.name)
    for e in view.edges:
        hl = e.key in view.highlight_edges
        net.add_edge(e.src, e.dst, title="\n".join([L.relation(e.type), *e.facts]),
                     label=e.text or "", width=4 if hl else 1 + min(4.0, e.weight ** 0.5 - 1 if e.weight > 1 else 0),
                     color=HIGHLIGHT if hl else None, etype=e.type)
    return net


def render(view: ViewData, *, links: bool = True) -> str:
    """A complete, self-contained HTML page for ``view``. ``links``: double-click opens /views/... pages."""
    net = _network(view)
    nodes = [{k: v for k, v in n.items() if v is not None} for n in net.nodes]
    edges = [{k: v for k, v in e.items() if v is not None} for e in net.edges]
    js, css = _assets()
    legend = [{"label": nt.zh, "color": nt.color, "shape": nt.shape}
              for k, nt in L.NODE_TYPES.items() if any(n.label == k for n in view.nodes)]
    return _template().render(
        view=view, legend=legend, font_stack=FONT_STACK, vis_js=jinja2.utils.markupsafe.Markup(js.replace(
            "</script", "<\\/script")), vis_css=jinja2.utils.markupsafe.Markup(css.replace("</style", "<\\/style")),
        data=jinja2.utils.markupsafe.Markup(script_json({"nodes": nodes, "edges": edges, "options": OPTIONS,
                                                         "links": links, "focus": view.focus})),
        counts=[c.text for c in view.counts], capped=view.capped, links=links,
        kind_zh={"model": "模式", "case": "案例", "region": "地区", "overview": "总览",
                 "recommendation": "推荐解释"}.get(view.kind, view.kind))


def render_model(store: GraphStore, model_id: str, *, links: bool = True) -> str:
    return render(V.model_view(store, model_id), links=links)


def render_case(store: GraphStore, case_id: str, *, links: bool = True) -> str:
    return render(V.case_view(store, case_id), links=links)


def render_region(store: GraphStore, name: str, *, links: bool = True) -> str:
    return render(V.region_view(store, name), links=links)


def render_overview(store: GraphStore, *, links: bool = True) -> str:
    return render(V.overview_view(store), links=links)


def render_recommendation(store: GraphStore, result: Recommendation, *, links: bool = True) -> str:
    return render(V.recommendation_view(store, result), links=links)

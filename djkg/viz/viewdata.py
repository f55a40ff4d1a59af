"""The view model of the graph pages: nodes and edges with display names, sizes, tooltip lines (plain text),
highlights and "shown / total" counts, and the builder that assembles them within a node cap.

Rendering (pyvis, HTML, escaping) is ``pages.py``'s business; words come from ``labels.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.contract import Maturity
from ..graph import schema as S
from ..graph.schema import Edge, Node
from . import labels as L
from .text import clip, num, outcome_label, place


class NotFound(KeyError):
    """An unknown id or name; ``str()`` is a bilingual message."""

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


@dataclass
class ViewNode:
    id: str
    label: str                      # a schema label or labels.PROFILE
    name: str
    weight: float = 1.0             # drawn size (support / case count / score)
    facts: list[str] = field(default_factory=list)   # tooltip lines, plain text
    focus: bool = False             # the page's subject
    level: int | None = None        # column in a left-to-right (hierarchical) layout


@dataclass
class ViewEdge:
    src: str
    type: str
    dst: str
    weight: float = 1.0
    facts: list[str] = field(default_factory=list)
    text: str | None = None         # short text drawn on the edge (aggregates: "12 个案例")

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.src, self.type, self.dst)


@dataclass
class Count:
    what: str        # e.g. "个案例"
    shown: int
    total: int

    @property
    def capped(self) -> bool:
        return self.shown < self.total

    @property
    def text(self) -> str:
        return f"显示 {self.shown} / 共 {self.total} {self.what}"


@dataclass
class ViewData:
    kind: str                        # model | case | region | overview | recommendation
    title: str
    intro: str
    nodes: list[ViewNode] = field(default_factory=list)
    edges: list[ViewEdge] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    highlight_nodes: set[str] = field(default_factory=set)
    highlight_edges: set[tuple[str, str, str]] = field(default_factory=set)
    focus: str | None = None
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)   # (node id, name), outermost first
    notes: list[str] = field(default_factory=list)                     # extra plain-text remarks
    layout: str = "force"            # force | columns (hierarchical, left to right, by ViewNode.level)

    @property
    def shown(self) -> int:
        """Shown count of the main (first) capped quantity, else the number of nodes."""
        return self.counts[0].shown if self.counts else len(self.nodes)

    @property
    def total(self) -> int:
        return self.counts[0].total if self.counts else len(self.nodes)

    @property
    def capped(self) -> bool:
        return any(c.capped for c in self.counts)

    def node(self, node_id: str) -> ViewNode | None:
        for n in self.nodes:
            if n.id == node_id:
                return n
        return None


def view_kind(label: str) -> str | None:
    """Which page a node of this label opens (double-click / links), if any."""
    return {S.MODEL: "model", S.CASE: "case", S.REGION: "region"}.get(label)


# --- building blocks --------------------------------------------------------------------------------

def outcome_text(p: dict[str, Any]) -> str:
    """An outcome as a reader says it (``text.outcome_label``): "村集体经济收入 52万元"."""
    return outcome_label(p)


def place_text(region: dict[str, Any] | None) -> str:
    """Province, city and county joined (a municipality is said once)."""
    return place(region)


def display_name(node: Node) -> str:
    p = node.props
    if node.label == S.CASE:
        return str(p.get("title") or p.get("unit") or "案例")
    if node.label == S.OUTCOME:
        return outcome_text(p)
    return str(p.get("name") or L.node_type(node.label).zh)


def maturity_lines(m: Maturity | None) -> list[str]:
    if m is None:
        return []
    return [f"成熟度：{L.MATURITY_LEVELS[m.level]}（{m.score:.2f}）",
            f"覆盖：{m.cases} 个案例，{num(m.adopters)} 个单位，{m.cities} 个城市，{m.provinces} 个省份，{m.fields} 个领域",
            f"有量化成效的案例占比：{m.quantified_share:.0%}"]


def node_facts(node: Node, *, maturity: Maturity | None = None) -> list[str]:
    """Tooltip lines (plain text) with the key facts of a stored node."""
    p = node.props
    lines = [f"【{L.node_type(node.label).zh}】{clip(display_name(node), 80)}"]
    if node.label == S.CASE:
        for key, word in (("unit", "单位"), ("brand", "品牌"), ("year", "年份")):
            if p.get(key):
                lines.append(f"{word}：{clip(p[key], 60)}")
        place = place_text(p.get("region") if isinstance(p.get("region"), dict) else None)
        if place:
            lines.append(f"地区：{place}")
        ind = p.get("industry") if isinstance(p.get("industry"), dict) else {}
        if ind.get("field"):
            lines.append(f"领域：{ind['field']}" + (f"（{ind['sector']}）" if ind.get("sector") else ""))
        if p.get("illustrative"):
            lines.append("示意案例：没有公开来源")
        if p.get("flags"):
            lines.append("质量提示：" + "、".join(L.flag_text(f) for f in p["flags"][:5]))
    elif node.label == S.OUTCOME:
        if p.get("direction") in L.DIRECTIONS:
            lines.append("变化：" + L.DIRECTIONS[p["direction"]])
        if p.get("evidence"):
            lines.append(f"原文：{clip(p['evidence'], 120)}")
    elif node.label in (S.PROBLEM, S.MEASURE):
        if p.get("category"):
            lines.append(f"类别：{clip(p['category'], 40)}")
        if p.get("synonyms"):
            lines.append("又称：" + "、".join(clip(s.replace("&", "…"), 20) for s in list(p["synonyms"])[:5]))
        if p.get("candidate"):
            lines.append("新说法（尚未收入分类表）")
    elif node.label == S.REGION:
        if p.get("level") in L.REGION_LEVELS:
            lines.append(f"级别：{L.REGION_LEVELS[p['level']]}")
    elif node.label == S.INDUSTRY:
        if p.get("level") in L.INDUSTRY_LEVELS:
            lines.append(f"层级：{L.INDUSTRY_LEVELS[p['level']]}")
    elif node.label == S.MODEL:
        if p.get("summary"):
            lines.append(f"简介：{clip(p['summary'], 120)}")
        if p.get("candidate"):
            lines.append("候选模式（尚未确认）")
        lines += maturity_lines(maturity)
    return lines


class ViewBuilder:
    """Collects nodes and edges once each, within a node cap; edges only between drawn nodes."""

    def __init__(self, max_nodes: int):
        self.max_nodes = max_nodes
        self.nodes: dict[str, ViewNode] = {}
        self.edges: dict[tuple[str, str, str], ViewEdge] = {}
        self.dropped = 0

    def has(self, node_id: str) -> bool:
        return node_id in self.nodes

    def add(self, vn: ViewNode) -> bool:
        if vn.id in self.nodes:
            old = self.nodes[vn.id]
            old.weight = max(old.weight, vn.weight)
            old.focus = old.focus or vn.focus
            return True
        if len(self.nodes) >= self.max_nodes:
            self.dropped += 1
            return False
        self.nodes[vn.id] = vn
        return True

    def node(self, node: Node, *, weight: float = 1.0, focus: bool = False,
             maturity: Maturity | None = None, extra: list[str] | None = None) -> bool:
        facts = node_facts(node, maturity=maturity) + list(extra or [])
        return self.add(ViewNode(node.id, node.label, display_name(node), float(weight), facts, focus))

    def edge(self, src: str, type_: str, dst: str, *, weight: float = 1.0, facts: list[str] | None = None,
             text: str | None = None) -> bool:
        if src not in self.nodes or dst not in self.nodes:
            return False
        key = (src, type_, dst)
        if key in self.edges:
            return True
        if facts is None:
            facts = [f"{self.nodes[src].name} —{L.relation(type_)}→ {self.nodes[dst].name}"]
            if weight and weight != 1:
                facts.append(f"支持案例数：{num(weight)}")
        self.edges[key] = ViewEdge(src, type_, dst, float(weight), facts, text)
        return True

    def store_edge(self, e: Edge) -> bool:
        support = e.props.get("support")
        facts = [f"{self.nodes[e.src].name} —{L.relation(e.type)}→ {self.nodes[e.dst].name}"] \
            if e.src in self.nodes and e.dst in self.nodes else None
        if facts is not None:
            if support is not None:
                facts.append(f"支持案例数：{support}")
            if e.props.get("evidence"):
                facts.append(f"原文：{clip(e.props['evidence'], 120)}")
        return self.edge(e.src, e.type, e.dst, weight=float(support or 1), facts=facts)

    def finish(self, view: ViewData) -> ViewData:
        view.nodes = list(self.nodes.values())
        view.edges = list(self.edges.values())
        if self.dropped:
            view.notes.append(f"节点过多，另有 {self.dropped} 个节点未显示（上限 {self.max_nodes}）")
        return view

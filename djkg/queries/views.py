"""Data for the graph pages (viz/): what each view shows, assembled from a GraphStore.

Each function returns a ``ViewData`` — plain nodes and edges with display names, weights (node size),
tooltip facts (plain text lines), highlight sets and "shown / total" counts when a view is capped.
Rendering (pyvis, HTML, escaping) is viz/'s business; nothing here produces markup.

Simple neighbourhoods use the backend-neutral store calls (``get_node(s)``, ``edges_of``); aggregations
that must stay fast on a 100,000-case library run as named queries (``queries/sql/view_*.sql``,
``queries/cypher/view_*.cypher``) that GROUP BY / LIMIT in the database and never load all cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..core.config import Limits
from ..graph import schema as S
from ..graph.schema import Edge, Node
from ..graph.store import GraphStore
from . import catalogue

__all__ = ["GraphStore", "NotFound", "ViewData", "ViewNode", "ViewEdge", "Count", "PROFILE", "LABEL_ZH",
           "EDGE_ZH", "model_view", "case_view", "region_view", "overview_view", "recommendation_view",
           "view_kind"]

PROFILE = "Profile"  # the unit asking (recommendation view); not a stored label

LABEL_ZH: dict[str, str] = {
    S.MODEL: "模式", S.CASE: "案例", S.PROBLEM: "问题", S.MEASURE: "举措", S.OUTCOME: "成效",
    S.REGION: "地区", S.INDUSTRY: "领域", PROFILE: "单位画像",
}
EDGE_ZH: dict[str, str] = {
    S.LOCATED_IN: "位于", S.PART_OF: "隶属于", S.IN_INDUSTRY: "所属领域", S.FACES: "面临问题",
    S.APPLIES: "采取举措", S.ACHIEVES: "取得成效", S.INSTANCE_OF: "属于模式", S.USES: "运用举措",
    S.ADDRESSES: "针对问题", "CASES": "案例数", "MATCHES": "匹配问题", "IN_FIELD": "同一领域",
    "IN_REGION": "同一地区",
}
LEVEL_ZH = {"province": "省级", "city": "市级", "county": "县级", "field": "领域", "sector": "行业"}

# Default caps (a view never exceeds Limits.max_nodes nodes in total).
MODEL_CASES = 30          # cases drawn on a model page
MODEL_PROBLEMS = 40       # problems addressed by the model's measures
OUTCOMES_PER_CASE = 3
REGION_CASES = 60
OVERVIEW_CAP = 60         # problems (and at most as many models) on the overview
EVIDENCE_PER_ITEM = 5


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
    label: str                      # a schema label or PROFILE
    name: str
    weight: float = 1.0             # drawn size (support / case count / score)
    facts: list[str] = field(default_factory=list)   # tooltip lines, plain text
    focus: bool = False             # the page's subject


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

def _clip(text: Any, n: int = 120) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def display_name(node: Node) -> str:
    p = node.props
    if node.label == S.CASE:
        return str(p.get("title") or p.get("unit") or node.id)
    if node.label == S.OUTCOME:
        name = str(p.get("name") or p.get("metric") or "成效")
        if p.get("value") is not None:
            return f"{name} {_num(p['value'])}{p.get('unit') or ''}"
        return name
    return str(p.get("name") or node.id)


def maturity_lines(m: dict[str, Any] | None) -> list[str]:
    if not m:
        return []
    lines = []
    if m.get("score") is not None:
        lines.append(f"成熟度：{m.get('level') or ''}（{float(m['score']):.2f}）")
    parts = []
    for key, word in (("cases", "个案例"), ("adopters", "个单位"), ("cities", "个城市"), ("provinces", "个省份"),
                      ("fields", "个领域")):
        if m.get(key) is not None:
            parts.append(f"{m[key]} {word}")
    if parts:
        lines.append("覆盖：" + "，".join(parts))
    if m.get("quantified_share") is not None:
        lines.append(f"有量化成效的案例占比：{float(m['quantified_share']):.0%}")
    return lines


def node_facts(node: Node, *, maturity: dict[str, Any] | None = None) -> list[str]:
    """Tooltip lines (plain text) with the key facts of a stored node."""
    p = node.props
    head = f"【{LABEL_ZH.get(node.label, node.label)}】{_clip(display_name(node), 80)}"
    lines = [head]
    if node.label == S.CASE:
        for key, word in (("unit", "单位"), ("brand", "品牌"), ("year", "年份")):
            if p.get(key):
                lines.append(f"{word}：{_clip(p[key], 60)}")
        region = p.get("region") if isinstance(p.get("region"), dict) else {}
        place = "".join(str(region.get(k) or "") for k in ("province", "city", "county")
                        if region.get(k) and not (k == "city" and region.get(k) == region.get("province")))
        if place:
            lines.append(f"地区：{place}")
        ind = p.get("industry") if isinstance(p.get("industry"), dict) else {}
        if ind.get("field"):
            lines.append(f"领域：{ind['field']}" + (f" / {ind['sector']}" if ind.get("sector") else ""))
        if p.get("flags"):
            lines.append("质量提示：" + "、".join(_clip(f, 30) for f in p["flags"][:5]))
    elif node.label == S.OUTCOME:
        if p.get("metric") and p.get("metric") != p.get("name"):
            lines.append(f"指标：{_clip(p['metric'], 40)}")
        if p.get("value") is not None:
            lines.append(f"数值：{_num(p['value'])}{p.get('unit') or ''}")
        if p.get("direction"):
            lines.append("方向：" + {"up": "上升", "down": "下降"}.get(str(p["direction"]), str(p["direction"])))
        if p.get("evidence"):
            lines.append(f"原文：{_clip(p['evidence'], 120)}")
    elif node.label in (S.PROBLEM, S.MEASURE):
        if p.get("category"):
            lines.append(f"类别：{_clip(p['category'], 40)}")
        if p.get("synonyms"):
            lines.append("又称：" + "、".join(_clip(s, 20) for s in list(p["synonyms"])[:5]))
        if p.get("candidate"):
            lines.append("候选概念（尚未进入分类表）")
    elif node.label == S.REGION:
        if p.get("level"):
            lines.append(f"级别：{LEVEL_ZH.get(p['level'], p['level'])}")
        if p.get("adcode"):
            lines.append(f"行政区划代码：{p['adcode']}")
    elif node.label == S.INDUSTRY:
        if p.get("level"):
            lines.append(f"层级：{LEVEL_ZH.get(p['level'], p['level'])}")
    elif node.label == S.MODEL:
        if p.get("summary"):
            lines.append(f"简介：{_clip(p['summary'], 120)}")
        if p.get("candidate"):
            lines.append("候选模式（尚未确认）")
        lines += maturity_lines(maturity or (p.get("maturity") if isinstance(p.get("maturity"), dict) else None))
    return lines


def _maturities(store: GraphStore, model_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Computed maturity per model (queries.models, cached per store revision); empty if unavailable."""
    ids = list(model_ids)
    if not ids:
        return {}
    try:
        from .models import model_index
    except ImportError:  # pragma: no cover - maturity module not installed
        return {}
    index = model_index(store)
    return {i: index.models[i].maturity for i in ids if i in index.models}


class _Builder:
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
             maturity: dict[str, Any] | None = None, extra: list[str] | None = None) -> bool:
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
            facts = [f"{self.nodes[src].name} —{EDGE_ZH.get(type_, type_)}→ {self.nodes[dst].name}"]
            if weight and weight != 1:
                facts.append(f"支持案例数：{_num(weight)}")
        self.edges[key] = ViewEdge(src, type_, dst, float(weight), facts, text)
        return True

    def store_edge(self, e: Edge) -> bool:
        support = e.props.get("support")
        facts = [f"{self.nodes[e.src].name} —{EDGE_ZH.get(e.type, e.type)}→ {self.nodes[e.dst].name}"] \
            if e.src in self.nodes and e.dst in self.nodes else None
        if facts is not None:
            if support is not None:
                facts.append(f"支持案例数：{support}")
            if e.props.get("evidence"):
                facts.append(f"原文：{_clip(e.props['evidence'], 120)}")
        return self.edge(e.src, e.type, e.dst, weight=float(support or 1), facts=facts)

    def finish(self, view: ViewData) -> ViewData:
        view.nodes = list(self.nodes.values())
        view.edges = list(self.edges.values())
        if self.dropped:
            view.notes.append(f"节点过多，另有 {self.dropped} 个节点未显示（上限 {self.max_nodes}）")
        return view


def _max_nodes(max_nodes: int | None) -> int:
    return int(max_nodes or Limits().max_nodes)


def _get(store: GraphStore, node_id: str, label: str, zh: str, en: str) -> Node:
    node = store.get_node(node_id) if node_id else None
    if node is None or node.label != label:
        raise NotFound(f"未找到{zh}：{node_id}", f"{en} not found: {node_id}")
    return node


def _nodes_by_id(store: GraphStore, ids: Iterable[str]) -> dict[str, Node]:
    return {n.id: n for n in store.get_nodes(sorted(set(ids)))}


def _region_chain(store: GraphStore, region_id: str, depth: int = 4) -> list[str]:
    """The region and its ancestors (PART_OF), innermost first."""
    chain = [region_id]
    current = region_id
    for _ in range(depth):
        ups = [e.dst for e in store.edges_of(current, types=(S.PART_OF,), direction="out")]
        if not ups or ups[0] in chain:
            break
        current = sorted(ups)[0]
        chain.append(current)
    return chain


# --- model ------------------------------------------------------------------------------------------

def model_view(store: GraphStore, model_id: str, limit: int = MODEL_CASES, *,
               max_nodes: int | None = None) -> ViewData:
    """A model's neighbourhood: its measures (USES, with support), the problems they address, its cases
    (newest first, capped at ``limit``), their regions and fields, and up to 3 outcomes per case."""
    model = _get(store, model_id, S.MODEL, "模式", "model")
    limit = max(1, int(limit))
    b = _Builder(_max_nodes(max_nodes))
    rows = catalogue.run(store, "view_model_cases", model=model.id, limit=limit)
    total_cases = int(rows[0]["total"]) if rows else 0
    maturity = _maturities(store, [model.id]).get(model.id)
    b.node(model, weight=max(1, total_cases), focus=True, maturity=maturity)

    uses = sorted(store.edges_of(model.id, types=(S.USES,), direction="out"),
                  key=lambda e: (-int(e.props.get("support") or 0), e.dst))
    measures = _nodes_by_id(store, [e.dst for e in uses])
    for e in uses:
        if e.dst in measures:
            b.node(measures[e.dst], weight=float(e.props.get("support") or 1))
            b.store_edge(e)

    addresses: list[Edge] = []
    for mid in [e.dst for e in uses if b.has(e.dst)]:
        addresses += store.edges_of(mid, types=(S.ADDRESSES,), direction="out")
    problem_support: dict[str, int] = {}
    for e in addresses:
        problem_support[e.dst] = problem_support.get(e.dst, 0) + int(e.props.get("support") or 1)
    ranked = sorted(problem_support, key=lambda p: (-problem_support[p], p))
    problems = _nodes_by_id(store, ranked[:MODEL_PROBLEMS])
    for pid in ranked[:MODEL_PROBLEMS]:
        if pid in problems:
            b.node(problems[pid], weight=problem_support[pid])
    for e in addresses:
        b.store_edge(e)

    case_ids = [r["case_id"] for r in rows]
    cases = _nodes_by_id(store, case_ids)
    out_edges: dict[str, list[Edge]] = {
        cid: store.edges_of(cid, types=(S.LOCATED_IN, S.IN_INDUSTRY, S.ACHIEVES), direction="out")
        for cid in case_ids}
    targets = _nodes_by_id(store, [e.dst for es in out_edges.values() for e in es])
    for cid in case_ids:
        if cid not in cases:
            continue
        outcomes = [e for e in out_edges[cid] if e.type == S.ACHIEVES and e.dst in targets][:OUTCOMES_PER_CASE]
        if not b.node(cases[cid], weight=1 + len(outcomes)):
            continue
        b.edge(cid, S.INSTANCE_OF, model.id)
        for e in out_edges[cid]:
            if e.dst not in targets or (e.type == S.ACHIEVES and e not in outcomes):
                continue
            t = targets[e.dst]
            if b.has(t.id):
                b.nodes[t.id].weight += 1
            else:
                b.node(t, weight=1)
            b.store_edge(e)

    name = display_name(model)
    intro = (f"“{name}”模式的关系图：中心是模式本身，绿色方块是它运用的举措（连线越粗，采用该举措的案例越多），"
             "橙色三角是这些举措针对的问题，蓝色圆点是属于该模式的案例，以及案例所在地区、所属领域和取得的成效。"
             "双击案例、地区或模式节点可打开对应页面。")
    view = ViewData("model", f"模式：{name}", intro, focus=model.id)
    view.counts.append(Count("个案例", sum(1 for c in case_ids if b.has(c)), total_cases))
    if len(ranked) > MODEL_PROBLEMS:
        view.counts.append(Count("个问题", sum(1 for p in ranked if b.has(p)), len(ranked)))
    if maturity is None and total_cases == 0:
        view.notes.append("该模式暂无案例。")
    return b.finish(view)


# --- case -------------------------------------------------------------------------------------------

def case_view(store: GraphStore, case_id: str, *, max_nodes: int | None = None) -> ViewData:
    """One case: its problems, measures, outcomes, region chain, field (and sector), and model."""
    case = _get(store, case_id, S.CASE, "案例", "case")
    b = _Builder(_max_nodes(max_nodes))
    b.node(case, weight=3, focus=True)
    out = store.edges_of(case.id, direction="out")
    targets = _nodes_by_id(store, [e.dst for e in out])
    order = {S.INSTANCE_OF: 0, S.FACES: 1, S.APPLIES: 2, S.ACHIEVES: 3, S.LOCATED_IN: 4, S.IN_INDUSTRY: 5}
    out.sort(key=lambda e: (order.get(e.type, 9), e.dst))
    model_ids = [e.dst for e in out if e.type == S.INSTANCE_OF]
    maturity = _maturities(store, model_ids)
    for e in out:
        t = targets.get(e.dst)
        if t is None:
            continue
        b.node(t, weight=2 if t.label == S.MODEL else 1, maturity=maturity.get(t.id))
        b.store_edge(e)
        if e.type in (S.LOCATED_IN, S.IN_INDUSTRY):
            chain = _region_chain(store, t.id)
            parents = _nodes_by_id(store, chain[1:])
            for child, parent in zip(chain, chain[1:]):
                if parent in parents:
                    b.node(parents[parent])
                    b.edge(child, S.PART_OF, parent)
            case_facts = b.nodes[case.id].facts
            if e.type == S.LOCATED_IN and not any(f.startswith("地区：") for f in case_facts):
                case_facts.append("地区：" + " › ".join(b.nodes[r].name for r in reversed(chain) if b.has(r)))
    # how the case's measures relate to its problems and to its model (aggregated edges among drawn nodes)
    for mid in [e.dst for e in out if e.type == S.APPLIES and b.has(e.dst)]:
        for e in store.edges_of(mid, types=(S.ADDRESSES, S.USES), direction="both"):
            if b.has(e.src) and b.has(e.dst):
                b.store_edge(e)
    title = display_name(case)
    intro = ("这个案例的结构图：中心是案例，连到它面临的问题、采取的举措、取得的成效（含量化数字）、所在地区"
             "（逐级上溯到省）、所属领域，以及它所属的可复制模式。悬停节点可查看要点，双击模式或地区可继续浏览。")
    view = ViewData("case", f"案例：{title}", intro, focus=case.id)
    region_ids = [e.dst for e in out if e.type == S.LOCATED_IN]
    if region_ids:
        chain = _region_chain(store, region_ids[0])
        nodes = _nodes_by_id(store, chain)
        view.breadcrumbs = [(r, display_name(nodes[r])) for r in reversed(chain) if r in nodes]
    return b.finish(view)


# --- region -----------------------------------------------------------------------------------------

def _find_region(store: GraphStore, key: str) -> tuple[Node, list[Node]]:
    key = (key or "").strip()
    rows = catalogue.run(store, "view_region_lookup", key=key) if key else []
    if not rows:
        raise NotFound(f"未找到地区：{key}", f"region not found: {key}")
    nodes = [Node(r["region_id"], S.REGION, {**r["props"], "name": r["name"]}) for r in rows]
    return nodes[0], nodes[1:]


def region_view(store: GraphStore, name_or_adcode: str, limit: int = REGION_CASES, *,
                max_nodes: int | None = None) -> ViewData:
    """A province, city or county: its direct sub-regions (drill-down), the cases located in it or
    below it (newest first, capped at ``limit``) and the models of those cases."""
    region, homonyms = _find_region(store, name_or_adcode)
    limit = max(1, int(limit))
    b = _Builder(_max_nodes(max_nodes))
    tree = catalogue.run(store, "view_region_tree", region=region.id)
    all_ids = [r["region_id"] for r in tree] or [region.id]
    under = {r["region_id"]: (r["child_id"] or region.id) for r in tree}
    under.setdefault(region.id, region.id)
    counts = {r["region_id"]: int(r["cases"])
              for r in catalogue.run(store, "view_region_case_counts", regions=all_ids)}
    per_child: dict[str, int] = {}
    for rid, n in counts.items():
        per_child[under.get(rid, region.id)] = per_child.get(under.get(rid, region.id), 0) + n
    total_cases = sum(counts.values())

    b.node(region, weight=max(1, total_cases), focus=True,
           extra=[f"本地区及下辖地区案例：{total_cases} 个"])
    children = [r for r in tree if r["depth"] == 1]
    children.sort(key=lambda r: (-per_child.get(r["region_id"], 0), r["region_id"]))
    for r in children:
        node = Node(r["region_id"], S.REGION, {**r["props"], "name": r["name"]})
        n = per_child.get(r["region_id"], 0)
        b.node(node, weight=max(1, n), extra=[f"案例：{n} 个", "双击进入该地区"])
        b.edge(r["region_id"], S.PART_OF, region.id)

    rows = catalogue.run(store, "view_region_cases", regions=all_ids, limit=limit)
    cases = _nodes_by_id(store, [r["case_id"] for r in rows])
    shown_cases = []
    model_edges: list[Edge] = []
    for r in rows:
        c = cases.get(r["case_id"])
        if c is None or not b.node(c):
            continue
        shown_cases.append(c.id)
        anchor = under.get(r["region_id"], region.id)
        located = [f"{display_name(c)} —位于→ {b.nodes[anchor].name}"]
        if anchor != r["region_id"]:
            located.append("（案例位于其下辖地区）")
        b.edge(c.id, S.LOCATED_IN, anchor, facts=located)
        model_edges += store.edges_of(c.id, types=(S.INSTANCE_OF,), direction="out")
    model_cases: dict[str, int] = {}
    for e in model_edges:
        model_cases[e.dst] = model_cases.get(e.dst, 0) + 1
    models = _nodes_by_id(store, model_cases)
    maturity = _maturities(store, models)
    for mid in sorted(model_cases, key=lambda m: (-model_cases[m], m)):
        if mid in models:
            b.node(models[mid], weight=model_cases[mid], maturity=maturity.get(mid),
                   extra=[f"本页显示的该模式案例：{model_cases[mid]} 个"])
    for e in model_edges:
        b.store_edge(e)

    chain = _region_chain(store, region.id)
    parents = _nodes_by_id(store, chain[1:])
    name = display_name(region)
    level = LEVEL_ZH.get(str(region.props.get("level") or ""), "")
    intro = (f"{name}（{level or '地区'}）的党建品牌案例分布：棕色六边形是本地区及其下辖地区（双击可逐级进入），"
             "蓝色圆点是位于本地区或下辖地区的案例（连到它所在的下一级地区），红色星形是这些案例所属的模式。")
    view = ViewData("region", f"地区：{name}", intro, focus=region.id)
    view.breadcrumbs = [(r, display_name(parents[r])) for r in reversed(chain[1:]) if r in parents]
    view.breadcrumbs.append((region.id, name))
    view.counts.append(Count("个案例", len(shown_cases), total_cases))
    if len(children) and sum(1 for r in children if b.has(r["region_id"])) < len(children):
        view.counts.append(Count("个下辖地区", sum(1 for r in children if b.has(r["region_id"])), len(children)))
    if homonyms:
        view.notes.append("另有同名地区：" + "、".join(f"{display_name(h)}（{h.props.get('adcode') or h.id}）"
                                                  for h in homonyms[:10]) + "；可用行政区划代码指定。")
    if total_cases == 0:
        view.notes.append("该地区暂无案例。")
    return b.finish(view)


# --- overview ---------------------------------------------------------------------------------------

def overview_view(store: GraphStore, cap: int = OVERVIEW_CAP, *, max_nodes: int | None = None) -> ViewData:
    """Models and the problems their cases face, as aggregate edges model —[n cases]→ problem.

    Aggregated in the database: the top ``cap`` problems by number of cases, at most ``cap`` models, and
    the (model, problem) case counts between them; never loads the cases themselves."""
    limit = _max_nodes(max_nodes)
    cap = max(1, min(int(cap), limit // 2))
    b = _Builder(limit)
    models = catalogue.run(store, "view_overview_models", limit=cap)
    problems = catalogue.run(store, "view_overview_problems", limit=cap)
    maturity = _maturities(store, [r["model_id"] for r in models])
    for r in models:
        node = Node(r["model_id"], S.MODEL, {**r["props"], "name": r["name"]})
        b.node(node, weight=max(1, int(r["cases"])), maturity=maturity.get(node.id),
               extra=[f"案例：{int(r['cases'])} 个"])
    for r in problems:
        node = Node(r["problem_id"], S.PROBLEM, {**r["props"], "name": r["name"]})
        b.node(node, weight=max(1, int(r["cases"])), extra=[f"面临该问题的案例：{int(r['cases'])} 个"])
    links = catalogue.run(store, "view_overview_links", problems=[r["problem_id"] for r in problems],
                          models=[r["model_id"] for r in models])
    edge_cap = max(4 * cap, 100)
    for r in links[:edge_cap]:
        n = int(r["cases"])
        b.edge(r["model_id"], "CASES", r["problem_id"], weight=n, text=str(n),
               facts=[f"{b.nodes[r['model_id']].name} → {b.nodes[r['problem_id']].name}"
                      if b.has(r["model_id"]) and b.has(r["problem_id"]) else "", f"{n} 个案例面临该问题"])
    total_problems = store.count_nodes(S.PROBLEM)
    total_models = store.count_nodes(S.MODEL)
    total_cases = store.count_nodes(S.CASE)
    intro = ("全部可复制模式与基层常见问题的总览：红色星形是模式，橙色三角是问题；一条连线表示该模式下有案例面临这个问题，"
             "线上的数字和线的粗细是案例数。节点越大，涉及的案例越多。"
             f"案例库共有 {total_cases} 个案例。双击模式节点可查看该模式的详细关系图。")
    view = ViewData("overview", "党建品牌模式—问题总览", intro)
    view.counts.append(Count("个问题（含候选短语）", len(problems), total_problems))
    view.counts.append(Count("个模式", len(models), total_models))
    if len(links) > edge_cap:
        view.counts.append(Count("条模式—问题连线", edge_cap, len(links)))
    return b.finish(view)


# --- recommendation ---------------------------------------------------------------------------------

def _parse_step(step: str) -> tuple[str, bool]:
    """An edge-type token of a path → (type, reversed). Accepts "TYPE", "TYPE<-", "<-TYPE", "TYPE->"."""
    s = str(step).strip()
    if s.endswith("<-") or s.startswith("<-"):
        return s.strip("<-").strip() or "RELATED", True
    return s.strip("->").strip() or "RELATED", False


def _profile_facts(profile: dict[str, Any]) -> list[str]:
    lines = ["【单位画像】"]
    region = profile.get("region") if isinstance(profile.get("region"), dict) else {}
    place = "".join(str(region.get(k) or "") for k in ("province", "city", "county")
                    if region.get(k) and not (k == "city" and region.get(k) == region.get("province")))
    if place or region.get("adcode"):
        lines.append(f"地区：{place or region.get('adcode')}")
    ind = profile.get("industry") if isinstance(profile.get("industry"), dict) else {}
    if ind.get("field"):
        lines.append(f"领域：{ind['field']}" + (f" / {ind['sector']}" if ind.get("sector") else ""))
    for p in (profile.get("problems") or [])[:10]:
        if isinstance(p, dict):
            lines.append(f"问题：{_clip(p.get('name') or p.get('evidence') or p.get('id'), 60)}")
    return lines


def recommendation_view(store: GraphStore, result: dict[str, Any], *, max_nodes: int | None = None) -> ViewData:
    """Why these models: profile → problems → measures / cases → models, path edges highlighted.

    ``result`` is shaped like ``recommend --json``. Each path alternates node ids and edge types
    ("TYPE" points right, "TYPE<-" left). A node id the store does not know ("profile", free-text
    region or problem ids) is drawn as a profile node. Up to 5 evidence cases per model are added."""
    b = _Builder(_max_nodes(max_nodes))
    items = [it for it in (result.get("items") or []) if isinstance(it, dict)][: Limits().max_top_k]
    profile = result.get("profile") if isinstance(result.get("profile"), dict) else {}
    path_ids = {str(x) for it in items for path in (it.get("paths") or []) for x in path[0::2]}
    evidence = {str(c) for it in items for c in (it.get("evidence") or [])[:EVIDENCE_PER_ITEM]}
    model_ids = {str((it.get("model") or {}).get("id")) for it in items}
    known = _nodes_by_id(store, path_ids | evidence | model_ids)
    view = ViewData("recommendation", "推荐解释图", "")

    b.add(ViewNode("profile", PROFILE, "本单位", 3.0, _profile_facts(profile), focus=True))
    for rank, it in enumerate(items, 1):
        m = it.get("model") or {}
        mid = str(m.get("id"))
        facts = [f"【推荐第 {rank} 名】{_clip(m.get('name') or mid, 60)}"]
        if it.get("score") is not None:
            facts.append(f"得分：{float(it['score']):.3f}")
        bd = it.get("breakdown") if isinstance(it.get("breakdown"), dict) else {}
        for key, word in (("problem_fit", "问题匹配"), ("field_fit", "领域相近"), ("region_proximity", "地区相近"),
                          ("maturity", "成熟度"), ("lexical", "文本相似")):
            if isinstance(bd.get(key), (int, float)):
                facts.append(f"{word}：{float(bd[key]):.2f}")
        facts += maturity_lines(it.get("maturity") if isinstance(it.get("maturity"), dict) else None)
        weight = 1 + 10 * float(it.get("score") or 0)
        node = known.get(mid)
        name = display_name(node) if node is not None else str(m.get("name") or mid)
        b.add(ViewNode(mid, S.MODEL, name, weight, facts))
        view.highlight_nodes.add(mid)
    for it in items:
        mid = str((it.get("model") or {}).get("id"))
        for path in it.get("paths") or []:
            path = [str(x) for x in path]
            ids, steps = path[0::2], path[1::2]
            for nid in ids:
                if b.has(nid):
                    continue
                node = known.get(nid)
                if node is not None:
                    b.node(node)
                else:
                    text = nid.split(":", 1)[1] if ":" in nid and nid.split(":", 1)[0].isascii() else nid
                    b.add(ViewNode(nid, PROFILE, _clip(text, 40) or nid, 1.0, ["【单位画像】", _clip(text, 200)]))
            for left, step, right in zip(ids, steps, ids[1:]):
                type_, backwards = _parse_step(step)
                src, dst = (right, left) if backwards else (left, right)
                if b.edge(src, type_, dst):
                    view.highlight_edges.add((src, type_, dst))
                    view.highlight_nodes.update((src, dst))
        for cid in [str(c) for c in (it.get("evidence") or [])[:EVIDENCE_PER_ITEM]]:
            node = known.get(cid)
            if node is None or not b.node(node, extra=["推荐依据案例"]):
                continue
            b.edge(cid, S.INSTANCE_OF, mid)
    # evidence cases → the drawn problems they face
    for cid in [n.id for n in b.nodes.values() if n.label == S.CASE]:
        for e in store.edges_of(cid, types=(S.FACES, S.LOCATED_IN), direction="out"):
            if b.has(e.dst):
                b.store_edge(e)
    view.title = "推荐解释图：" + ("、".join(_clip((it.get("model") or {}).get("name"), 20) for it in items[:3])
                                + ("等" if len(items) > 3 else "") if items else "没有找到匹配的模式")
    view.intro = ("为什么推荐这些模式：灰色方框是本单位（画像），它连到所描述的问题、领域和地区；"
                  "红色粗线是推荐理由的路径——经由举措（绿色方块）或相似案例（蓝色圆点）通向推荐的模式（红色星形，"
                  "越大得分越高）。悬停节点可查看得分构成与成熟度，双击模式或案例可查看详情。")
    view.focus = "profile"
    if not items:
        view.notes.append("没有找到匹配的模式：请补充问题描述或换一种说法。")
    return b.finish(view)

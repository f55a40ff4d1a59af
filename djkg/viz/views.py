"""The five graph views, assembled from a GraphStore: model, case, region, overview and a recommendation's
explanation. Each returns a ``ViewData`` (``viewdata.py``); ``pages.py`` renders it.

Simple neighbourhoods use the backend-neutral store calls (``get_node(s)``, ``edges_of``); aggregations that
must stay fast on a 100,000-case library run as named queries (``queries/sql/view_*.sql``,
``queries/cypher/view_*.cypher``) that GROUP BY / LIMIT in the database and never load all cases, or are read
from the per-revision model index (``queries/models.py``): a measure's USES / ADDRESSES support and the
overview's (model, problem) case counts, which the store keeps as one edge row per contributing case.
"""

from __future__ import annotations

from typing import Iterable

from ..core.config import Limits
from ..core.contract import EMPTY_STORE, Maturity, Recommendation
from ..graph import schema as S
from ..graph.schema import Edge, Node
from ..graph.store import GraphStore
from ..queries import catalogue
from ..queries.index import model_index
from ..queries.models import ModelIndex, measure_edges, model_problem_cases
from . import labels as L
from .text import zh_only
from .viewdata import Count, NotFound, ViewBuilder, ViewData, ViewNode, clip, display_name, maturity_lines

# Default caps (a view never exceeds Limits.max_nodes nodes in total).
MODEL_CASES = 30          # cases drawn on a model page
MODEL_PROBLEMS = 40       # problems addressed by the model's measures
OUTCOMES_PER_CASE = 3
REGION_CASES = 60
OVERVIEW_CAP = 60         # problems (and at most as many models) on the overview
EVIDENCE_PER_ITEM = 2       # evidence cases drawn per model beside those on its paths (the text page lists them all)


def _maturities(store: GraphStore, model_ids: Iterable[str]) -> dict[str, Maturity]:
    """Computed maturity per model (cached per store revision)."""
    index = model_index(store)
    return {i: index.models[i].maturity for i in model_ids if i in index.models}


def _max_nodes(max_nodes: int | None) -> int:
    return int(max_nodes or Limits().max_nodes)


def _get(store: GraphStore, node_id: str, label: str, zh: str, en: str) -> Node:
    node = store.get_node(node_id) if node_id else None
    if node is None or node.label != label:
        raise NotFound(f"未找到{zh}：{node_id}", f"{en} not found: {node_id}")
    return node


def _nodes_by_id(store: GraphStore, ids: Iterable[str]) -> dict[str, Node]:
    return {n.id: n for n in store.get_nodes(sorted(set(ids)))}


def _measure_edges(index: ModelIndex, measure_id: str) -> tuple[list[Edge], list[Edge]]:
    """A measure's ADDRESSES edges (to problems) and USES edges (from models) with their support, from the
    model index, in the order the stores list them (by the other end's id)."""
    problems, models = measure_edges(index, measure_id)
    return ([Edge(measure_id, S.ADDRESSES, p, {"support": n}) for p, n in problems.items()],
            [Edge(m, S.USES, measure_id, {"support": n}) for m, n in models.items()])


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
    b = ViewBuilder(_max_nodes(max_nodes))
    rows = catalogue.run(store, "view_model_cases", model=model.id, limit=limit)
    total_cases = int(rows[0]["total"]) if rows else 0
    maturity = _maturities(store, [model.id]).get(model.id)
    b.node(model, weight=max(1, total_cases), focus=True, maturity=maturity)

    # the aggregated USES and ADDRESSES edges come from the model index (one row per contributing case in the
    # store: tens of thousands per measure at 100k cases)
    index = model_index(store)
    uses = sorted((Edge(model.id, S.USES, m, {"support": n}) for m, n in index.uses.get(model.id, {}).items()),
                  key=lambda e: (-int(e.props.get("support") or 0), e.dst))
    measures = _nodes_by_id(store, [e.dst for e in uses])
    for e in uses:
        if e.dst in measures:
            b.node(measures[e.dst], weight=float(e.props.get("support") or 1))
            b.store_edge(e)

    addresses: list[Edge] = []
    for mid in [e.dst for e in uses if b.has(e.dst)]:
        addresses += _measure_edges(index, mid)[0]
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
    T = L.NODE_TYPES
    intro = (f"“{name}”模式的关系图：中心的{T[S.MODEL].look}是模式本身，{T[S.MEASURE].look}是它运用的做法"
             f"（连线越粗，采用该做法的案例越多），{T[S.PROBLEM].look}是这些做法针对的问题，{T[S.CASE].look}是属于该模式的"
             f"案例，{T[S.REGION].look}、{T[S.INDUSTRY].look}和{T[S.OUTCOME].look}是案例所在地区、所属领域和取得的成效。"
             "单击节点可在旁边看到要点和它的页面，双击展开它的相邻节点。")
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
    b = ViewBuilder(_max_nodes(max_nodes))
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
    index = model_index(store)
    for mid in [e.dst for e in out if e.type == S.APPLIES and b.has(e.dst)]:
        addresses, used_by = _measure_edges(index, mid)
        for e in addresses + used_by:
            if b.has(e.src) and b.has(e.dst):
                b.store_edge(e)
    title = display_name(case)
    T = L.NODE_TYPES
    intro = (f"这个案例的结构图：中心的{T[S.CASE].look}是案例，连到它面临的问题（{T[S.PROBLEM].look}）、采取的做法"
             f"（{T[S.MEASURE].look}）、取得的成效（{T[S.OUTCOME].look}）、所在地区（{T[S.REGION].look}，逐级上溯到省）、"
             f"所属领域（{T[S.INDUSTRY].look}），以及它所属的可复制模式（{T[S.MODEL].look}）。"
             "悬停可查看要点，单击节点可打开它的页面，双击展开相邻节点。")
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


def find_region(store: GraphStore, key: str) -> tuple[Node, list[Node]]:
    """A Region by id, adcode or official name, and its homonyms."""
    return _find_region(store, key)


def region_tree(store: GraphStore, region: Node):
    """(tree rows, every region id at or below ``region``, id -> the child of ``region`` it lies under,
    cases per child, cases in all) — counted in the database."""
    tree = catalogue.run(store, "view_region_tree", region=region.id)
    all_ids = [r["region_id"] for r in tree] or [region.id]
    under = {r["region_id"]: (r["child_id"] or region.id) for r in tree}
    under.setdefault(region.id, region.id)
    counts = {r["region_id"]: int(r["cases"])
              for r in catalogue.run(store, "view_region_case_counts", regions=all_ids)}
    per_child: dict[str, int] = {}
    for rid, n in counts.items():
        per_child[under.get(rid, region.id)] = per_child.get(under.get(rid, region.id), 0) + n
    return tree, all_ids, under, per_child, sum(counts.values())


def region_chain(store: GraphStore, region_id: str) -> list[Node]:
    """The region and the regions it is part of, outermost first."""
    chain = _region_chain(store, region_id)
    nodes = _nodes_by_id(store, chain)
    return [nodes[r] for r in reversed(chain) if r in nodes]


def region_view(store: GraphStore, name_or_adcode: str, limit: int = REGION_CASES, *,
                max_nodes: int | None = None) -> ViewData:
    """A province, city or county: its direct sub-regions (drill-down), the cases located in it or
    below it (newest first, capped at ``limit``) and the models of those cases."""
    region, homonyms = _find_region(store, name_or_adcode)
    limit = max(1, int(limit))
    b = ViewBuilder(_max_nodes(max_nodes))
    tree, all_ids, under, per_child, total_cases = region_tree(store, region)

    b.node(region, weight=max(1, total_cases), focus=True,
           extra=[f"本地区及下辖地区案例：{total_cases} 个"])
    children = [r for r in tree if r["depth"] == 1]
    children.sort(key=lambda r: (-per_child.get(r["region_id"], 0), r["region_id"]))
    for r in children:
        node = Node(r["region_id"], S.REGION, {**r["props"], "name": r["name"]})
        n = per_child.get(r["region_id"], 0)
        b.node(node, weight=max(1, n), extra=[f"案例：{n} 个", "单击后可打开该地区的页面"])
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
    level = L.REGION_LEVELS.get(str(region.props.get("level") or ""), "")
    T = L.NODE_TYPES
    intro = (f"{name}（{level or '地区'}）的党建品牌案例分布：{T[S.REGION].look}是本地区及其下辖地区（单击后可打开下一级地区），"
             f"{T[S.CASE].look}是位于本地区或下辖地区的案例（连到它所在的下一级地区），{T[S.MODEL].look}是这些案例所属的模式。")
    view = ViewData("region", f"地区：{name}", intro, focus=region.id)
    view.breadcrumbs = [(r, display_name(parents[r])) for r in reversed(chain[1:]) if r in parents]
    view.breadcrumbs.append((region.id, name))
    view.counts.append(Count("个案例", len(shown_cases), total_cases))
    if len(children) and sum(1 for r in children if b.has(r["region_id"])) < len(children):
        view.counts.append(Count("个下辖地区", sum(1 for r in children if b.has(r["region_id"])), len(children)))
    if homonyms:
        view.notes.append("另有同名地区：" + "、".join(display_name(h) for h in homonyms[:10]) + "。")
    if total_cases == 0:
        view.notes.append("该地区暂无案例。")
    return b.finish(view)


# --- overview ---------------------------------------------------------------------------------------

def overview_view(store: GraphStore, cap: int = OVERVIEW_CAP, *, max_nodes: int | None = None) -> ViewData:
    """Models and the problems their cases face, as aggregate edges model —[n cases]→ problem.

    The top ``cap`` problems by number of cases and at most ``cap`` models are aggregated in the database, the
    (model, problem) case counts between them read from the model index; never loads the cases themselves."""
    limit = _max_nodes(max_nodes)
    cap = max(1, min(int(cap), limit // 2))
    b = ViewBuilder(limit)
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
    # (model, problem) case counts from the model index: counting them from the FACES edges reads every case
    links = model_problem_cases(model_index(store), [r["model_id"] for r in models],
                                [r["problem_id"] for r in problems])
    edge_cap = max(4 * cap, 100)
    for model_id, problem_id, n in links[:edge_cap]:
        b.edge(model_id, "CASES", problem_id, weight=n, text=str(n),
               facts=[f"{b.nodes[model_id].name} → {b.nodes[problem_id].name}"
                      if b.has(model_id) and b.has(problem_id) else "", f"{n} 个案例面临该问题"])
    total_problems = store.count_nodes(S.PROBLEM)
    total_models = store.count_nodes(S.MODEL)
    total_cases = store.count_nodes(S.CASE)
    T = L.NODE_TYPES
    intro = (f"全部可复制模式与基层常见问题的总览：{T[S.MODEL].is_()}，{T[S.PROBLEM].is_()}；一条连线表示该模式下有案例面临这个问题，"
             "线上的数字和线的粗细是案例数。节点越大，涉及的案例越多。"
             f"案例库共有 {total_cases} 个案例。单击模式可打开它的页面，双击展开相邻节点。")
    view = ViewData("overview", "党建品牌模式—问题总览", intro)
    view.counts.append(Count("个问题（含候选短语）", len(problems), total_problems))
    view.counts.append(Count("个模式", len(models), total_models))
    if len(links) > edge_cap:
        view.counts.append(Count("条模式—问题连线", edge_cap, len(links)))
    return b.finish(view)


# --- recommendation ---------------------------------------------------------------------------------

def _profile_facts(result: Recommendation) -> list[str]:
    profile = result.profile
    lines = ["【本单位】"]
    place = "".join(dict.fromkeys(x for x in (profile.region.province, profile.region.city, profile.region.county) if x))
    if place:
        lines.append(f"地区：{place}")
    if profile.field:
        lines.append(f"领域：{profile.field}" + (f"（{profile.sector}）" if profile.sector else ""))
    for p in profile.problems[:10]:
        lines.append(f"问题：{clip(p.name, 60)}" + (f"（原话：{clip(p.clause, 40)}）" if p.clause else ""))
    return lines


def recommendation_view(store: GraphStore, result: Recommendation, *, max_nodes: int | None = None) -> ViewData:
    """Why these models: the unit → problems → measures / cases → models, path edges highlighted.

    Each explanation path is drawn node by node (its steps say which way each relation points); up to
    ``EVIDENCE_PER_ITEM`` evidence cases per model are added."""
    b = ViewBuilder(_max_nodes(max_nodes))
    items = result.items[: Limits().max_top_k]
    path_ids = {n.id for it in items for path in it.paths for n in path.nodes}
    evidence = {ev.id for it in items for ev in it.evidence[:EVIDENCE_PER_ITEM]}
    known = _nodes_by_id(store, path_ids | evidence | {it.model.id for it in items})
    view = ViewData("recommendation", "推荐解释图", "")

    b.add(ViewNode("profile", L.PROFILE, L.NODE_TYPES[L.PROFILE].zh, 3.0, _profile_facts(result), focus=True))
    for rank, it in enumerate(items, 1):
        facts = [f"【推荐第 {rank} 名】{clip(it.model.name, 60)}", f"综合得分：{it.score:.2f}"]
        facts += [f"{L.SCORE_COMPONENTS[k]}：{v:.2f}" for k, v, _ in it.breakdown.components()]
        facts += maturity_lines(it.maturity)
        node = known.get(it.model.id)
        name = display_name(node) if node is not None else it.model.name
        b.add(ViewNode(it.model.id, S.MODEL, name, 1 + 10 * it.score, facts))
        view.highlight_nodes.add(it.model.id)
    for it in items:
        for k, path in enumerate(it.paths):
            for pn in path.nodes:
                if b.has(pn.id):
                    continue
                node = known.get(pn.id)
                if node is not None:
                    b.node(node)
                else:   # a node of the profile's own (a problem or place the store does not hold)
                    b.add(ViewNode(pn.id, pn.kind if pn.kind in L.NODE_TYPES else L.PROFILE,
                                   clip(pn.name, 40) or L.node_type(pn.kind).zh, 1.0, [clip(pn.name, 200)]))
            for left, step, right in zip(path.nodes, path.steps, path.nodes[1:]):
                src, dst = (right.id, left.id) if step.reverse else (left.id, right.id)
                if b.edge(src, step.type, dst) and k == 0:   # only the top reason stands out; the rest is muted
                    view.highlight_edges.add((src, step.type, dst))
                    view.highlight_nodes.update((src, dst))
        for ev in it.evidence[:EVIDENCE_PER_ITEM]:
            node = known.get(ev.id)
            if node is None or not b.node(node, extra=["推荐依据案例"]):
                continue
            b.edge(ev.id, S.INSTANCE_OF, it.model.id)
    _columns(b, items)
    # evidence cases → the drawn problems they face
    for cid in [n.id for n in b.nodes.values() if n.label == S.CASE]:
        for e in store.edges_of(cid, types=(S.FACES, S.LOCATED_IN), direction="out"):
            if b.has(e.dst):
                b.store_edge(e)
    view.title = "推荐解释图：" + ("、".join(clip(it.model.name, 20) for it in items[:3])
                                + ("等" if len(items) > 3 else "") if items else "没有找到匹配的模式")
    T = L.NODE_TYPES
    view.layout = "columns"
    view.intro = (f"为什么推荐这些模式：从左到右，{T[L.PROFILE].look}是本单位，它连到所描述的问题、领域和地区；"
                  f"红色粗线是每个模式最主要的推荐理由，灰色细线是其他依据——经由做法（{T[S.MEASURE].look}）或相似案例（{T[S.CASE].look}）通向推荐的模式"
                  f"（{T[S.MODEL].look}，越大得分越高）。悬停可查看得分构成与成熟度，单击节点可打开它的页面。")
    view.focus = "profile"
    if not items:
        view.notes.append(zh_only(EMPTY_STORE) if result.from_empty_store
                          else "没有找到匹配的模式：请补充问题描述或换一种说法。")
    return b.finish(view)


def _columns(b: ViewBuilder, items) -> None:
    """Columns for a left-to-right drawing: the unit first, then what it said (problems, field, region chain),
    then measures and cases, the models last."""
    depth = max((len(p.nodes) for it in items for p in it.paths), default=4) - 1
    depth = max(depth, 3)
    for it in items:
        for path in it.paths:
            for i, pn in enumerate(path.nodes):
                if pn.id in b.nodes and b.nodes[pn.id].level is None:
                    b.nodes[pn.id].level = min(i, depth - 2)
    for n in b.nodes.values():
        if n.label == S.MODEL:
            n.level = depth
        elif n.label in (S.CASE, S.MEASURE):
            n.level = depth - 1
        elif n.level is None:
            n.level = 1


# --- expanding a node (double-click on a served graph page) -----------------------------------------

EXPAND_LIMIT = 30


def expand_view(store: GraphStore, node_id: str, limit: int = EXPAND_LIMIT) -> ViewData:
    """A node and its direct neighbours (bounded), for adding to a drawn graph."""
    sub = store.neighborhood(node_id, depth=1, limit=max(2, min(int(limit), Limits().max_nodes)))
    if not sub.nodes:
        raise NotFound(f"未找到节点：{node_id}", f"node not found: {node_id}")
    b = ViewBuilder(len(sub.nodes))
    for n in sub.nodes:
        b.node(n, focus=n.id == node_id)
    for e in sub.edges:
        b.store_edge(e)
    view = ViewData("expand", "", "", focus=node_id)
    if sub.truncated:
        view.notes.append(f"只显示了前 {len(sub.nodes) - 1} 个相邻节点")
    return b.finish(view)

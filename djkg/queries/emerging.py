"""Emerging models: groups of cases outside every named model that apply the same unusual set of measures (培育).

Method (frequent measure pairs, tested, then grouped):

1. **Population** — the cases linked to no named model (no ``INSTANCE_OF`` to a non-candidate Model), N of them;
   ``n(m)`` of them apply measure m (named query ``emerging_measures``).
2. **Pairs** — for every pair of measures applied together by at least ``min_cases`` of those cases, ``k`` cases
   apply both (``emerging_measure_pairs``, counted in the database). A pair is *significant* when it co-occurs far
   more than chance would make it: lift ``k·N / (n(a)·n(b)) ≥ min_lift`` and the hypergeometric upper tail
   ``P(X ≥ k)`` (N cases, n(a) with a, n(b) drawn) at most ``alpha`` divided by the number of pairs that could
   have been tested (Bonferroni). Measures every case applies, and combinations a random scatter produces, fail.
3. **Groups** — the significant pairs form a graph over measures (edge weight ``log2(lift)``); Louvain community
   detection (networkx, fixed seed) splits it where one hub measure would otherwise chain unrelated sets. Each
   community of two or more measures is a group's *core*; the group's cases are the population's cases applying at
   least two core measures (``emerging_group_cases``).
4. **Kept** when it has at least ``min_cases`` cases from at least ``min_cities`` cities.
5. **Compared** with the named models: when at least half of the core measures are typical of one named model
   (applied by at least ``TYPICAL_SHARE`` of its cases), the group ``resembles`` it — most likely write-ups of that
   model the extractor did not link, rather than a new model. Such groups are kept (they are real groups) but say so.
6. **Described** by its measures (core measures and any measure half its cases share), each with its share and lift,
   the problems at least two of its cases face, units, cities, provinces, years, and a proposed name: its two most
   characteristic measures (share in the group × log(N / n(m)), like tf-idf) joined by "＋".

Computed once per store revision (``StoreIndex.typed``); every count comes from a named query.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

import networkx as nx

from ..core.analyses import EmergingCase, EmergingGroup, EmergingModels, EmergingParams, PlaceRef, SharedConcept
from ..core.contract import ModelRef
from ..graph.adcodes import city_of
from ..graph.schema import REGION, region_id
from ..graph.store import GraphStore
from . import catalogue
from .index import StoreIndex, store_index
from .provinces import by_prefix

MIN_CASES = 3          # a group needs at least this many cases …
MIN_CITIES = 2         # … from at least this many cities (the definition of "spreading")
MIN_LIFT = 2.0         # a pair must co-occur at least twice as often as chance
ALPHA = 0.01           # family-wise significance level over all testable pairs
MIN_SHARED = 2         # a case joins a group when it applies at least this many core measures
MAX_LISTED = 100       # cases listed per group (the count is always complete)
TYPICAL_SHARE = 0.3    # a measure is typical of a named model when this share of its cases apply it
RESEMBLES = 0.5        # a group resembles a named model when this share of its core measures is typical of it
LOUVAIN_SEED = 17


def emerging_models(store: GraphStore, *, min_cases: int = MIN_CASES, min_cities: int = MIN_CITIES,
                    cached: bool = True) -> EmergingModels:
    """The groups, computed once per store revision and parameters (``cached=False`` recomputes them)."""
    params = EmergingParams(min_cases=max(2, int(min_cases)), min_cities=max(1, int(min_cities)), min_lift=MIN_LIFT,
                            alpha=ALPHA)
    index = store_index(store)
    if not cached:
        return _compute(store, index, params)
    return index.typed(("emerging", params.min_cases, params.min_cities), lambda: _compute(store, index, params))


def _compute(store: GraphStore, index: StoreIndex, params: EmergingParams) -> EmergingModels:
    population = int(catalogue.run(store, "emerging_population")[0]["cases"])
    applied = {r["measure_id"]: int(r["cases"]) for r in catalogue.run(store, "emerging_measures")}
    testable = sum(1 for n in applied.values() if n >= params.min_cases)
    tests = testable * (testable - 1) // 2
    graph = nx.Graph()
    p_values: dict[tuple[str, str], float] = {}
    for r in catalogue.run(store, "emerging_measure_pairs", min_cases=params.min_cases):
        a, b, k = r["a"], r["b"], int(r["cases"])
        lift = k * population / (applied[a] * applied[b])
        if lift < params.min_lift:
            continue
        p = hypergeom_sf(k, population, applied[a], applied[b])
        if p * tests <= params.alpha:
            graph.add_edge(a, b, weight=math.log2(lift))
            p_values[(a, b)] = p
    groups = []
    if graph.number_of_edges():
        communities = nx.community.louvain_communities(graph, weight="weight", seed=LOUVAIN_SEED)
        for core in sorted((sorted(c) for c in communities if len(c) >= 2)):
            group = _group(store, core, population, applied, p_values, params)
            if group is not None:
                groups.append(_compare(group, core, index))
    groups.sort(key=lambda g: (-g.cases, g.id))
    return EmergingModels(population=population, pairs_tested=tests, params=params, groups=groups)


def _group(store: GraphStore, core: list[str], population: int, applied: dict[str, int],
           p_values: dict[tuple[str, str], float], params: EmergingParams) -> EmergingGroup | None:
    rows = catalogue.run(store, "emerging_group_cases", measures=core, min_shared=MIN_SHARED)
    cities = sorted({c for c in (city_of(r["adcode"]) for r in rows) if c})
    if len(rows) < params.min_cases or len(cities) < params.min_cities:
        return None
    size = len(rows)
    concepts = catalogue.run(store, "emerging_group_concepts", cases=[r["case_id"] for r in rows])

    def shared(r: dict[str, Any], lift: float | None = None) -> SharedConcept:
        return SharedConcept(id=r["concept_id"], name=r["name"] or "", cases=int(r["cases"]),
                             share=round(int(r["cases"]) / size, 4), lift=lift)

    def weight(r: dict[str, Any]) -> float:      # characteristic: common in the group, rare in the population
        return (int(r["cases"]) / size) * math.log(population / applied.get(r["concept_id"], population))

    measures = [r for r in concepts if r["type"] == "APPLIES" and int(r["cases"]) >= 2
                and (r["concept_id"] in core or int(r["cases"]) * 2 >= size)]
    measures.sort(key=lambda r: (-weight(r), r["concept_id"]))
    problems = sorted((r for r in concepts if r["type"] == "FACES" and int(r["cases"]) >= 2),
                      key=lambda r: (-int(r["cases"]), r["concept_id"]))[:8]
    names = _region_names(store, cities)
    listed = sorted(rows, key=lambda r: (-int(r["shared"]), r["year"] or 0, r["case_id"]))[:MAX_LISTED]
    p = min((v for (a, b), v in p_values.items() if a in core and b in core), default=1.0)
    return EmergingGroup(
        id="emerging:" + hashlib.sha1("|".join(core).encode("utf-8")).hexdigest()[:10],
        name="＋".join(r["name"] or r["concept_id"] for r in measures[:2]),
        measures=[shared(r, round((int(r["cases"]) / size) / (applied[r["concept_id"]] / population), 3))
                  for r in measures if r["concept_id"] in applied],
        problems=[shared(r) for r in problems], cases=size,
        case_list=[EmergingCase(id=r["case_id"], title=r["title"] or "", unit=r["unit"] or "",
                                year=int(r["year"]) if r["year"] not in (None, "") else None, adcode=r["adcode"],
                                field=r["field"]) for r in listed],
        units=sorted({r["unit"] for r in rows if r["unit"]}),
        cities=[PlaceRef(adcode=c, name=names.get(c, c)) for c in cities],
        provinces=[by_prefix(x).ref() for x in sorted({(r["adcode"] or "")[:2] for r in rows}) if by_prefix(x)],
        years=sorted({int(r["year"]) for r in rows if r["year"] not in (None, "")}),
        p_value=float(f"{p:.3g}"))


def _compare(group: EmergingGroup, core: list[str], index: StoreIndex) -> EmergingGroup:
    """The named model whose typical measures make up the largest share (≥ RESEMBLES) of the group's core."""
    best: tuple[float, str] | None = None
    for e in index.models.models.values():
        if e.candidate or not e.cases:
            continue
        typical = {m for m, n in e.measures.items() if n >= TYPICAL_SHARE * len(e.cases)}
        share = len(typical.intersection(core)) / len(core)
        if share >= RESEMBLES and (best is None or share > best[0] or (share == best[0] and e.id < best[1])):
            best = (share, e.id)
    if best is None:
        return group
    e = index.models.models[best[1]]
    return group.model_copy(update={"resembles": ModelRef(id=e.id, name=e.name), "resemblance": round(best[0], 4)})


def _region_names(store: GraphStore, codes: list[str]) -> dict[str, str]:
    found = store.get_nodes([region_id(c) for c in codes])
    names = {n.props.get("adcode"): str(n.props.get("name") or "") for n in found if n.label == REGION}
    for code in codes:   # a municipality's city is the province itself
        if not names.get(code) and by_prefix(code) and code.endswith("0000"):
            names[code] = by_prefix(code).name
    return names


def hypergeom_sf(k: int, population: int, successes: int, draws: int) -> float:
    """P(X ≥ k) for X ~ Hypergeometric(population, successes, draws), summed in log space from k upwards (past the
    mode the terms only fall, so the sum stops when they no longer matter)."""
    hi = min(successes, draws)
    if k > hi:
        return 0.0
    if k <= max(0, draws + successes - population):
        return 1.0

    def log_comb(n: int, r: int) -> float:
        return math.lgamma(n + 1) - math.lgamma(r + 1) - math.lgamma(n - r + 1)

    denom = log_comb(population, draws)
    mode = (draws + 1) * (successes + 1) // (population + 2)
    total = 0.0
    for x in range(k, hi + 1):
        term = math.exp(log_comb(successes, x) + log_comb(population - successes, draws - x) - denom)
        total += term
        if x > mode and term < total * 1e-15:
            break
    return min(1.0, total)

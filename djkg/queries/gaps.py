"""The gap map: where many units face a problem that no mature model answers yet (问题导向).

For each problem (taxonomy entries; candidate phrases are left out), within an optional province and field:

- **demand** — ``log(1 + units) / log(1 + the most units any problem of the same table has)``: how many different
  units face it, relative to the most-faced problem, on a log scale so that one very common problem does not flatten
  the rest. Units, not cases: one unit writing three reports is one unit in need.
- **answer** — the best named model's ``fit × maturity``: ``fit`` is the recommender's problem fit (its cases facing
  the problem and the mechanism through its measures, ``recommend.model_problem_fit``), ``maturity`` its maturity score.
  In a field column only models with at least one case in that field count (a model never tried in 机关 is not an
  answer there yet); a province column uses every model (models are meant to travel).
- **gap** — ``demand × (1 − answer)``, in [0, 1]: high when many units face the problem and the best answer is weak
  or missing.

The counts are aggregated in the database by one named query (``gap_counts``, one pass over the cases); the model side comes from the
per-revision model index; the whole map is cached per store revision and filter (``StoreIndex.typed``).
"""

from __future__ import annotations

import math
from typing import Any

from ..core.analyses import GapAnswer, GapCell, GapMap, ProblemGap
from ..core.contract import ModelRef
from ..graph.schema import FIELDS
from ..graph.store import GraphStore
from . import catalogue
from .index import StoreIndex, store_index
from .provinces import Province, by_prefix
from .recommend import model_problem_fit


def gap_map(store: GraphStore, *, province: Province | None = None, field: str | None = None,
            cached: bool = True) -> GapMap:
    """The gap map of the slice (``province`` and ``field`` None = all), computed once per store revision
    (``cached=False`` recomputes it: benchmarks measure the queries that way)."""
    index = store_index(store)
    if not cached:
        return _compute(store, index, province, field)
    key = ("gap_map", province.prefix if province else None, field)
    return index.typed(key, lambda: _compute(store, index, province, field))


def _compute(store: GraphStore, index: StoreIndex, province: Province | None, field: str | None) -> GapMap:
    rows = catalogue.run(store, "gap_counts", province=province.prefix if province else None, field=field)
    totals = [r for r in rows if r["kind"] == "problem"]
    names = {n.id: n for n in store.get_nodes([r["problem_id"] for r in totals])}
    best_here = _best_answers(index, field)

    top_units = max((int(r["units"]) for r in totals), default=0)
    problems = []
    for r in totals:
        node = names.get(r["problem_id"])
        best = best_here.get(r["problem_id"])
        demand = _demand(int(r["units"]), top_units)
        problems.append(ProblemGap(
            id=r["problem_id"], name=(node.name if node else "") or r["problem_id"],
            category=node.props.get("category") if node else None, cases=int(r["cases"]), units=int(r["units"]),
            cities=int(r["cities"]), provinces=int(r["provinces"]), demand=demand, best=best, gap=_gap(demand, best)))
    problems.sort(key=lambda p: (-p.gap, -p.units, p.id))
    known = {p.id for p in problems}

    field_rows = [r for r in rows if r["kind"] == "field" and r["problem_id"] in known and r["key"] in FIELDS]
    fields = [f for f in FIELDS if any(r["key"] == f for r in field_rows)]
    answers_in = {f: (best_here if f == field else _best_answers(index, f)) for f in fields}
    field_cells = _cells(field_rows, lambda r: r["key"], lambda r: answers_in[r["key"]])

    prov_rows = [r for r in rows if r["kind"] == "province" and r["problem_id"] in known and by_prefix(r["key"])]
    prov_cells = _cells(prov_rows, lambda r: by_prefix(r["key"]).adcode, lambda _r: best_here)
    places = sorted({c.key for c in prov_cells})
    slice_cases = next((int(r["cases"]) for r in rows if r["kind"] == "slice"), 0)
    return GapMap(province=province.ref() if province else None, field=field, cases=slice_cases, problems=problems,
                  fields=fields, provinces=[by_prefix(code).ref() for code in places], by_field=field_cells,
                  by_province=prov_cells)


def _cells(rows: list[dict[str, Any]], key, answers) -> list[GapCell]:
    """Heat-table cells; demand is relative to the busiest cell of the same table."""
    top_units = max((int(r["units"]) for r in rows), default=0)
    cells = []
    for r in rows:
        best = answers(r).get(r["problem_id"])
        demand = _demand(int(r["units"]), top_units)
        cells.append(GapCell(problem=r["problem_id"], key=key(r), cases=int(r["cases"]), units=int(r["units"]),
                             demand=demand, answer=best.answer if best else 0.0,
                             model=best.model.id if best else None, gap=_gap(demand, best)))
    return cells


def _demand(units: int, top: int) -> float:
    return round(math.log1p(units) / math.log1p(top), 6) if top > 0 else 0.0


def _gap(demand: float, best: GapAnswer | None) -> float:
    return round(demand * (1.0 - (best.answer if best else 0.0)), 6)


def _best_answers(index: StoreIndex, field: str | None) -> dict[str, GapAnswer]:
    """Problem id → the named model with the highest ``fit × maturity`` (ties: the model id), among models with
    cases (in ``field`` when given). Once per revision and field."""
    return index.typed(("gap_answers", field), lambda: _answers(index, field))


def _answers(index: StoreIndex, field: str | None) -> dict[str, GapAnswer]:
    mi = index.models
    problems = set(mi.addresses) | {p for e in mi.models.values() for p in e.problems}
    best: dict[str, tuple[float, str, GapAnswer]] = {}
    for e in sorted(mi.models.values(), key=lambda e: e.id):
        if e.candidate or not e.cases or e.maturity is None or (field and not e.field_counts.get(field)):
            continue
        for pid in problems:
            fit, _ = model_problem_fit(index, e, pid)
            if fit <= 0:
                continue
            answer = round(fit * e.maturity.score, 6)
            if pid not in best or answer > best[pid][0]:
                best[pid] = (answer, e.id, GapAnswer(model=ModelRef(id=e.id, name=e.name), fit=fit,
                                                     maturity=e.maturity.score, level=e.maturity.level,
                                                     answer=answer))
    return {pid: b[2] for pid, b in best.items()}

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

The counts are aggregated in the database by four named queries (``gap_*``); the model side comes from the
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


def gap_map(store: GraphStore, *, province: Province | None = None, field: str | None = None) -> GapMap:
    """The gap map of the slice (``province`` and ``field`` None = all), computed once per store revision."""
    index = store_index(store)
    key = ("gap_map", province.prefix if province else None, field)
    return index.typed(key, lambda: _compute(store, index, province, field))


def _compute(store: GraphStore, index: StoreIndex, province: Province | None, field: str | None) -> GapMap:
    prefix = province.prefix if province else None
    totals = catalogue.run(store, "gap_problem_totals", province=prefix, field=field)
    by_field = catalogue.run(store, "gap_problem_fields", province=prefix)
    by_prov = catalogue.run(store, "gap_problem_provinces", field=field)
    slice_cases = catalogue.run(store, "gap_slice_cases", province=prefix, field=field)
    best_here = _best_answers(index, field)

    top_units = max((int(r["units"]) for r in totals), default=0)
    problems = []
    for r in totals:
        best = best_here.get(r["problem_id"])
        demand = _demand(int(r["units"]), top_units)
        problems.append(ProblemGap(
            id=r["problem_id"], name=r["name"] or r["problem_id"], category=(r["props"] or {}).get("category"),
            cases=int(r["cases"]), units=int(r["units"]), cities=int(r["cities"]), provinces=int(r["provinces"]),
            demand=demand, best=best, gap=_gap(demand, best)))
    problems.sort(key=lambda p: (-p.gap, -p.units, p.id))
    known = {p.id for p in problems}

    field_rows = [r for r in by_field if r["problem_id"] in known and r["field"] in FIELDS]
    fields = [f for f in FIELDS if any(r["field"] == f for r in field_rows)]
    answers_in = {f: (best_here if f == field else _best_answers(index, f)) for f in fields}
    field_cells = _cells(field_rows, "field", lambda f: answers_in[f])

    prov_rows = [r for r in by_prov if r["problem_id"] in known and by_prefix(r["province"])]
    prov_cells = _cells(prov_rows, "province", lambda _p: best_here)
    places = sorted({by_prefix(r["province"]).adcode for r in prov_rows})
    return GapMap(province=province.ref() if province else None, field=field,
                  cases=int(slice_cases[0]["cases"]) if slice_cases else 0, problems=problems, fields=fields,
                  provinces=[by_prefix(code).ref() for code in places], by_field=field_cells,
                  by_province=prov_cells)


def _cells(rows: list[dict[str, Any]], column: str, answers) -> list[GapCell]:
    """Heat-table cells; demand is relative to the busiest cell of the same table."""
    top_units = max((int(r["units"]) for r in rows), default=0)
    cells = []
    for r in rows:
        raw = r[column]
        key = by_prefix(raw).adcode if column == "province" else raw
        best = answers(raw).get(r["problem_id"])
        demand = _demand(int(r["units"]), top_units)
        cells.append(GapCell(problem=r["problem_id"], key=key, cases=int(r["cases"]), units=int(r["units"]),
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

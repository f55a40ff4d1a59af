"""How far a model has travelled (辐射效应): its adopters by year and province.

- **Adopters** are the model's cases (the model index's per-model case facts, aggregated per store revision from the
  ``model_cases_of`` named query); a unit adopting it in several write-ups counts once (a case without a unit is its
  own unit). A case's year is the year it started, as extracted.
- **Origin** is the province the model's own record names first (``origin`` in ``ingest/data/models.yaml``, e.g.
  "山东省烟台市（2017年起…）" → 山东省); when it names none (e.g. "教育部"), the province of the first adopter.
- **First adopter**: the earliest dated case (documented cases before illustrative ones, then by id).
- **A province joins** in the year of its earliest dated case; its distance from the origin is the great-circle
  distance between the two provinces' centroids (``provinces.yaml``; the origin province itself is 0 km).
- **By year**: every year from the first to the last dated case, with the cases started that year, the units new
  that year, and the running totals of units and provinces — what a year slider shows.
"""

from __future__ import annotations

from ..core.analyses import Adopter, Diffusion, DiffusionOrigin, ProvinceSpread, YearCases, YearSpread
from ..core.contract import ModelRef
from ..graph.schema import MODEL
from ..graph.store import GraphStore
from .index import Scope, store_index
from .models import CaseFacts, ModelEntry
from .provinces import Province, by_prefix, distance_km, mentioned


def diffusion(store: GraphStore, model_id: str) -> Diffusion | None:
    """The model's spread, or None when no such model exists. Computed once per store revision and model."""
    index = store_index(store)
    entry = index.models.models.get(model_id)
    if entry is not None:
        return index.typed(("diffusion", model_id), lambda: _spread(entry), Scope(models=frozenset({model_id})))
    node = store.get_node(model_id)
    if node is None or node.label != MODEL:
        return None
    declared = node.props.get("origin")
    origin = mentioned(declared)
    return Diffusion(model=ModelRef(id=node.id, name=str(node.props.get("name") or node.id)), cases=0, units=0,
                     origin=DiffusionOrigin(province=origin.ref() if origin else None,
                                            source="declared" if origin else None, declared=declared))


def _order(c: CaseFacts) -> tuple:
    return (c.year is None, c.year or 0, c.illustrative, c.id)


def _unit(c: CaseFacts) -> str:
    return c.unit or c.id


def _spread(entry: ModelEntry) -> Diffusion:
    cases = sorted(entry.cases, key=_order)
    dated = [c for c in cases if c.year]
    first = dated[0] if dated else None
    declared = entry.props.get("origin")
    origin, source = mentioned(declared), "declared"
    if origin is None and first is not None:
        origin, source = by_prefix(first.adcode), "first_adopter"

    per_province: dict[str, list[CaseFacts]] = {}
    unplaced = 0
    for c in cases:
        p = by_prefix(c.adcode)
        if p is None:
            unplaced += 1
        else:
            per_province.setdefault(p.prefix, []).append(c)
    provinces = [_province(by_prefix(prefix), members, origin) for prefix, members in per_province.items()]
    provinces.sort(key=lambda p: (p.joined is None, p.joined or 0, p.province.adcode))

    return Diffusion(
        model=ModelRef(id=entry.id, name=entry.name), cases=len(cases), units=len({_unit(c) for c in cases}),
        origin=DiffusionOrigin(province=origin.ref() if origin else None, source=source if origin else None,
                               declared=declared),
        first_adopter=_adopter(first) if first else None, by_year=_by_year(dated, provinces),
        provinces=provinces, undated=len(cases) - len(dated), unplaced=unplaced)


def _adopter(c: CaseFacts) -> Adopter:
    p = by_prefix(c.adcode)
    return Adopter(case=c.id, title=c.title, unit=c.unit, year=c.year, province=p.ref() if p else None)


def _province(p: Province, members: list[CaseFacts], origin: Province | None) -> ProvinceSpread:
    years: dict[int, int] = {}
    for c in members:
        if c.year:
            years[c.year] = years.get(c.year, 0) + 1
    return ProvinceSpread(province=p.ref(), joined=min(years, default=None), cases=len(members),
                          units=len({_unit(c) for c in members}),
                          distance_km=distance_km(origin, p) if origin else None, first_case=members[0].id,
                          years=[YearCases(year=y, cases=n) for y, n in sorted(years.items())])


def _by_year(dated: list[CaseFacts], provinces: list[ProvinceSpread]) -> list[YearSpread]:
    if not dated:
        return []
    started: dict[int, int] = {}
    first_year_of_unit: dict[str, int] = {}
    for c in dated:              # sorted by year: a unit's first case comes first
        started[c.year] = started.get(c.year, 0) + 1
        first_year_of_unit.setdefault(_unit(c), c.year)
    joined: dict[int, list[str]] = {}
    for p in provinces:
        if p.joined is not None:
            joined.setdefault(p.joined, []).append(p.province.adcode)
    out, units, provs = [], 0, 0
    for year in range(dated[0].year, dated[-1].year + 1):
        new_units = sum(1 for y in first_year_of_unit.values() if y == year)
        units += new_units
        provs += len(joined.get(year, []))
        out.append(YearSpread(year=year, cases=started.get(year, 0), new_units=new_units, units=units,
                              provinces=provs, new_provinces=sorted(joined.get(year, []))))
    return out

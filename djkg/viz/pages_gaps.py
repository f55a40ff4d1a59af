"""The gap map page (/gaps) and its CSV twin: which problems many units face without a mature answer, as a ranked
list and two heat tables (problem × field, problem × province). Every cell links to the case library filtered to
exactly the cases it counts; every word is plain Chinese (problem, field and province names, levels in words)."""

from __future__ import annotations

from typing import Any, Iterable
from urllib.parse import urlencode

from ..core.analyses import GapCell, GapMap, ProblemGap
from ..graph.schema import FIELDS
from ..queries.models import ModelIndex
from ..queries.provinces import by_prefix, provinces
from . import labels as L
from .pages_browse import CaseFilters
from .text_analyses import GapLevel, gap_level, short

CSV_HEADER = ["问题", "问题类别", "范围", "领域或省份", "案例数", "单位数", "城市数", "省份数", "需求强度（0–100）",
              "回答最好的模式", "模式成熟度", "回答强度（0–100）", "缺口分（0–100）", "缺口", "案例库网址"]
SCOPE_ALL, SCOPE_FIELD, SCOPE_PROVINCE = "全部", "按领域", "按省份"


def cases_url(problem: str, *, field: str | None = None, region: str | None = None) -> str:
    """The case library showing exactly the cases a count was made of (the same filters the gap counts used)."""
    return "/cases?" + CaseFilters(region=region or "", field=field or "", problem=problem).query()


def _region(g: GapMap) -> str | None:
    return g.province.name if g.province else None


def _cell(cell: GapCell | None, problem: ProblemGap, column: str, url: str,
          model_names: dict[str, str]) -> dict[str, Any] | None:
    if cell is None:
        return None
    level = gap_level(cell.gap)
    model = model_names.get(cell.model or "", "")
    answer = f"回答最好的模式：{model}" if model else "还没有模式回答这个问题"
    return {"cases": cell.cases, "level": level, "url": url,
            "title": (f"{column} · {problem.name}：{cell.cases} 个案例、{cell.units} 个单位；"
                      f"缺口 {level.score} 分（{level.words}）；{answer}"),
            "sr": f"个案例，缺口{level.words}",
            "sort": cell.cases + cell.gap / 2}


def _problem_row(p: ProblemGap, g: GapMap) -> dict[str, Any]:
    best = p.best
    return {"name": p.name, "category": p.category or "", "cases": p.cases, "units": p.units, "cities": p.cities,
            "provinces": p.provinces, "level": gap_level(p.gap), "demand": round(100 * p.demand),
            "model_id": best.model.id if best else "", "model": best.model.name if best else "",
            "model_level": L.MATURITY_LEVELS.get(best.level, "") if best else "",
            "answer": round(100 * best.answer) if best else 0,
            "url": cases_url(p.id, field=g.field, region=_region(g))}


def gaps_context(g: GapMap, index: ModelIndex) -> dict[str, Any]:
    """Everything /gaps shows, already in words."""
    names = {mid: e.name for mid, e in index.models.items()}
    by_field = {(c.problem, c.key): c for c in g.by_field}
    by_prov = {(c.problem, c.key): c for c in g.by_province}
    region = _region(g)
    places = [(p.adcode, p.name, short(p)) for p in g.provinces]
    rows = []
    for p in g.problems:
        rows.append({
            **_problem_row(p, g),
            "fields": [_cell(by_field.get((p.id, f)), p, f, cases_url(p.id, field=f, region=region), names)
                       for f in g.fields],
            "places": [_cell(by_prov.get((p.id, code)), p, name, cases_url(p.id, field=g.field, region=name), names)
                       for code, name, _ in places],
        })
    chosen = g.province.adcode if g.province else ""
    scope = "、".join(x for x in (short(g.province) if g.province else "", g.field or "") if x) or "全国、全部领域"
    return {
        "title": "问题缺口", "rows": rows, "chosen": chosen, "chosen_name": short(g.province) if g.province else "",
        "field_columns": [(f, f, "") for f in g.fields], "place_columns": [(s, n, c) for c, n, s in places],
        "field": g.field or "", "scope": scope, "cases": g.cases,
        "levels": [gap_level(floor) for floor, _ in L.GAP_LEVELS][::-1],
        "province_options": [(p.short, p.adcode) for p in provinces().values()],
        "field_options": list(FIELDS), "csv": "/gaps.csv?" + _query(g),
        "crumbs": [("/", "首页"), ("", "问题缺口")],
    }


def _query(g: GapMap) -> str:
    pairs = [("province", short(g.province) if g.province else ""), ("field", g.field or "")]
    return urlencode([(k, v) for k, v in pairs if v])


def gaps_csv_rows(g: GapMap, index: ModelIndex) -> Iterable[list[Any]]:
    """One row per problem (范围 全部), then per problem and field, then per problem and province: a long table
    that a spreadsheet pivots as it likes. Scores 0–100 as on the page."""
    names = {mid: e.name for mid, e in index.models.items()}
    levels = {mid: L.MATURITY_LEVELS.get(e.maturity.level, "") for mid, e in index.models.items() if e.maturity}
    problems = {p.id: p for p in g.problems}
    order = {pid: i for i, pid in enumerate(problems)}
    region = _region(g)
    for p in g.problems:
        r = _problem_row(p, g)
        yield [p.name, r["category"], SCOPE_ALL, (short(g.province) if g.province else "全国") + (
            f"·{g.field}" if g.field else ""), p.cases, p.units, p.cities, p.provinces, r["demand"], r["model"],
            r["model_level"], r["answer"], r["level"].score, r["level"].words, r["url"]]
    for scope, cells in ((SCOPE_FIELD, g.by_field), (SCOPE_PROVINCE, g.by_province)):
        for c in sorted(cells, key=lambda c: (order[c.problem], c.key)):
            p = problems[c.problem]
            level: GapLevel = gap_level(c.gap)
            if scope == SCOPE_FIELD:
                where, url = c.key, cases_url(p.id, field=c.key, region=region)
            else:
                place = by_prefix(c.key)
                name = place.name if place else c.key
                where, url = name, cases_url(p.id, field=g.field, region=name)
            model = c.model or ""
            yield [p.name, p.category or "", scope, where, c.cases, c.units, "", "", round(100 * c.demand),
                   names.get(model, ""), levels.get(model, ""), round(100 * c.answer), level.score, level.words, url]

"""The pages people read: a case, a model and the list of models, the case library with filters, search,
regions, and a recommendation answered in words. Server-rendered in the site layout (``viz/templates``);
every page has a CSV twin where it shows a list."""

from __future__ import annotations

import unicodedata

from fastapi import APIRouter, Depends, Path, Query, Request
from urllib.parse import quote

from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ...graph.store import GraphStore
from ...core.config import Settings
from ...core.numerals import ascii_digits
from ...queries.cases import page_cases
from ...queries.index import model_index
from ...services.regions import adcode_prefix, resolve_region
from ...viz import views as V
from ...viz.pages_browse import (CaseFilters, case_rows, cases_context, region_context, regions_context,
                                 search_groups)
from ...viz.viewdata import NotFound
from ...viz.csv_export import to_csv
from ...viz.pages_case import case_context
from ...viz.pages_model import model_cases, model_context, models_rows
from ..deps import get_settings, get_store
from ..html import error_page, page

router = APIRouter(tags=["pages"])   # listed in /docs: the route tests enumerate routes from there


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: str = Path(..., max_length=300), saved: str | None = Query(None, max_length=20),
              store: GraphStore = Depends(get_store)) -> HTMLResponse:
    ctx = case_context(store, case_id)
    if ctx is None:
        return error_page(404, "没有找到这个案例", "案例可能已被删除，或网址有误。可以在案例库中按地区、领域或模式查找。")
    words = {"inserted": "已保存为新案例。", "updated": "已更新这个案例。", "unchanged": "内容没有变化，案例保持原样。",
             "corrected": "已保存更正。"}
    return page("case.html", active="cases", saved=words.get(saved or "", ""), **ctx)


def csv_response(filename: str, header: list[str], rows) -> Response:
    """A CSV download named in Chinese (RFC 6266 filename*)."""
    return Response(to_csv(header, rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename=export.csv; filename*=UTF-8''{quote(filename)}",
                             "X-Content-Type-Options": "nosniff"})


@router.get("/models", response_class=HTMLResponse)
def models_page(store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return page("models.html", active="models", title="模式", rows=models_rows(model_index(store)),
                crumbs=[("/", "首页"), ("", "模式")])


@router.get("/models.csv")
def models_csv(store: GraphStore = Depends(get_store)) -> Response:
    rows = models_rows(model_index(store))
    return csv_response("模式一览.csv", ["模式", "成熟度", "成熟度排名", "采用情况", "案例数", "省份数", "领域", "简介"],
                        ([r["name"], r["level"], f"{r['rank'].rank}/{r['rank'].total}" if r["rank"] else "",
                          r["words"], r["cases"], r["provinces"], r["fields"], r["summary"]] for r in rows))


@router.get("/models/{model_id}", response_class=HTMLResponse)
def model_page(model_id: str = Path(..., max_length=300), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    ctx = model_context(store, model_id)
    if ctx is None:
        return error_page(404, "没有找到这个模式", "网址可能有误。可以在模式一览中查找。")
    return page("model.html", active="models", **ctx)


@router.get("/models/{model_id}/cases.csv")
def model_cases_csv(model_id: str = Path(..., max_length=300), store: GraphStore = Depends(get_store)):
    rows = model_cases(store, model_id, limit=100_000)
    if rows is None:
        return error_page(404, "没有找到这个模式", "网址可能有误。")
    name = model_index(store).models[model_id].name
    return csv_response(f"{name}-案例.csv", ["案例", "单位", "地区", "领域", "年份", "来源", "主要成效", "网址"],
                        ([r["title"], r["unit"], r["place"], r["field"], r["year"], r["source"], r["best"],
                          f"/cases/{quote(r['id'], safe=':')}"] for r in rows))


# --- the case library, search and regions ---------------------------------------------------------------

def region_key(store: GraphStore, text: str) -> str | None:
    """The key of the Region a user means by ``text``: its exact name or id when the store has it, else what the
    profile parser understands (定西, 甘肃定西 → 定西市), as an official name (an adcode when the name is shared)."""
    text = (text or "").strip()[:100]
    if not text:
        return None
    try:
        V.find_region(store, text)
        return text
    except NotFound:
        pass
    ref = resolve_region(text)
    if ref is None:
        return None
    try:
        node, homonyms = V.find_region(store, ref.adcode)
    except NotFound:
        return None
    name = str(node.props.get("name") or "")
    try:
        unique = not V.find_region(store, name)[1]
    except NotFound:
        unique = False
    return name if name and unique else ref.adcode


CSV_ROWS = 10_000     # rows of a case library CSV (SECURITY.md)


def _year(text: str | None) -> int | None:
    """A year typed in any width (２０２１ from a Chinese input method is 2021); anything else is no year ("²" is a
    digit to str.isdigit() but not to int())."""
    t = unicodedata.normalize("NFKC", text or "").strip()
    return int(t) if ascii_digits(t) and len(t) <= 4 else None


def case_filters(region, field, model, year, source, problem, measure) -> tuple[CaseFilters, list[str]]:
    notes: list[str] = []
    f = CaseFilters(region=(region or "").strip()[:100], field=field or "", model=model or "",
                    year=_year(year),
                    source=source if source in ("documented", "illustrative") else "",
                    problem=problem or "", measure=measure or "")
    if f.region:
        ref = resolve_region(f.region)
        if ref is None:
            notes.append(f"没有识别出地区“{f.region}”，已按全部地区显示。")
        else:
            f.prefix = adcode_prefix(ref.adcode)
            f.place = "".join(dict.fromkeys(x for x in (ref.province, ref.city, ref.county) if x))
    return f, notes


def filters(region: str | None = Query(None, max_length=100), field: str | None = Query(None, max_length=50),
            model: str | None = Query(None, max_length=200), year: str | None = Query(None, max_length=4),
            source: str | None = Query(None, max_length=20), problem: str | None = Query(None, max_length=200),
            measure: str | None = Query(None, max_length=200)) -> tuple[CaseFilters, list[str]]:
    """The case library's filters as the URL gives them (the page and its CSV share them)."""
    return case_filters(region, field, model, year, source, problem, measure)


@router.get("/cases", response_class=HTMLResponse)
def cases_page(f: tuple[CaseFilters, list[str]] = Depends(filters),
               page_: int = Query(1, alias="page", ge=1, le=100_000),
               store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return page("cases.html", active="cases", title="案例库", notes=f[1], **cases_context(store, f[0], page_),
                crumbs=[("/", "首页"), ("", "案例库")])


@router.get("/cases.csv")
def cases_csv(f: tuple[CaseFilters, list[str]] = Depends(filters), store: GraphStore = Depends(get_store)) -> Response:
    rows, _total = page_cases(store, limit=CSV_ROWS, offset=0, **f[0].params())
    return csv_response("案例库.csv", ["案例", "单位", "地区", "领域", "行业", "年份", "模式", "来源", "网址"],
                        ([r["title"], r["unit"], r["place"], r["field"], r["sector"], r["year"], r["model"],
                          "示意" if r["illustrative"] else "有来源", f"/cases/{quote(r['id'], safe=':')}"]
                         for r in case_rows(store, rows)))


@router.get("/search", response_class=HTMLResponse)
def search_page(q: str | None = Query(None, max_length=200), store: GraphStore = Depends(get_store),
                settings: Settings = Depends(get_settings)) -> HTMLResponse:
    text = (q or "").replace("\x00", "").strip()[: settings.limits.max_query_chars]
    groups = search_groups(store, text) if text else []
    return page("search.html", active="", title=f"搜索：{text}" if text else "搜索", q=text, groups=groups,
                crumbs=[("/", "首页"), ("", "搜索")])


@router.get("/regions", response_class=HTMLResponse)
def regions_page(store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return page("regions.html", active="regions", title="地区总览", **regions_context(store),
                crumbs=[("/", "首页"), ("", "地区总览")])


@router.get("/regions/go")
def region_go(name: str = Query("", max_length=100), store: GraphStore = Depends(get_store)):
    key = region_key(store, name)
    if key is None:
        return error_page(404, "没有找到这个地区", f"没有识别出“{name.strip()[:100]}”。可以写省、市或县的名称，如“定西”“山东省”。")
    return RedirectResponse(f"/regions/{quote(key)}", status_code=303)


@router.get("/regions/{name}", response_class=HTMLResponse)
def region_page(name: str = Path(..., max_length=100), store: GraphStore = Depends(get_store)):
    key = region_key(store, name)
    if key is None:
        return error_page(404, "没有找到这个地区", f"没有识别出“{name.strip()[:100]}”。可以写省、市或县的名称，如“定西”“山东省”。")
    if key != name:
        return RedirectResponse(f"/regions/{quote(key)}", status_code=307)
    ctx = region_context(store, key, adcode_prefix)
    return page("region.html", active="regions", **ctx)

"""The pages people read: a case, a model and the list of models, the case library with filters, search,
regions, and a recommendation answered in words. Server-rendered in the site layout (``viz/templates``);
every page has a CSV twin where it shows a list."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from urllib.parse import quote

from ...graph.store import GraphStore
from ...queries.index import model_index
from ...viz.csv_export import to_csv
from ...viz.pages_case import case_context
from ...viz.pages_model import model_cases, model_context, models_rows
from ..deps import get_store
from ..html import error_page, page

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: str = Path(..., max_length=300), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    ctx = case_context(store, case_id)
    if ctx is None:
        return error_page(404, "没有找到这个案例", "案例可能已被删除，或网址有误。可以在案例库中按地区、领域或模式查找。")
    return page("case.html", active="cases", **ctx)


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

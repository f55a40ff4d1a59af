"""GET /views/... — the graph pages (viz/): model, case, region, overview and a recommendation's explanation.

Pages are self-contained (no external loads; the Content-Security-Policy of api/security.py says so too) and
every string from a case is escaped by the renderer. Unknown ids give a 404 page in Chinese and English.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from urllib.parse import quote

from fastapi.responses import HTMLResponse, RedirectResponse

from ...core.config import Settings
from ...graph.store import GraphStore
from ...services.recommend import ProfileError, recommend
from ...viz import pages
from ..deps import get_settings, get_store
from ..errors import ApiError
from ..html import error_page, html_response

router = APIRouter(prefix="/views", tags=["views"])

def _page(body: str, status: int = 200) -> HTMLResponse:
    return html_response(body, status)


def _error(status: int, zh: str, en: str) -> HTMLResponse:
    """An error page in Chinese (pages say nothing in English); ``en`` stays for the log and the JSON API."""
    return error_page(status, zh, "可以回到首页，或在案例库、模式一览中查找。")


@router.get("/overview", response_class=HTMLResponse, summary="模式—问题总览图 / overview of models and problems")
def overview(store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return _page(pages.render_overview(store))


def _render(render, *args) -> HTMLResponse:
    try:
        return _page(render(*args))
    except pages.NotFound as exc:
        return _error(404, exc.zh, exc.en)


@router.get("/model/{model_id}", response_class=HTMLResponse, summary="模式图谱 / a model's neighbourhood")
def model_page(model_id: str = Path(..., max_length=300), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return _render(pages.render_model, store, model_id)


@router.get("/case/{case_id}", response_class=HTMLResponse, summary="案例图谱 / a case's graph")
def case_page(case_id: str = Path(..., max_length=300), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return _render(pages.render_case, store, case_id)


@router.get("/region/{name}", response_class=HTMLResponse, summary="地区图谱（省/市/县）/ a region's cases and models")
def region_page(name: str = Path(..., max_length=100), store: GraphStore = Depends(get_store)):
    from .pages import region_key   # the names the profile form accepts (定西, 甘肃定西 → 定西市)
    key = region_key(store, name)
    if key is not None and key != name:
        return RedirectResponse(f"/views/region/{quote(key)}", status_code=307)
    return _render(pages.render_region, store, key or name)


@router.get("/recommend", response_class=HTMLResponse, summary="推荐解释图 / why these models were recommended")
def recommend_page(request: Request, region: str | None = Query(None, max_length=200), industry: str | None = Query(None, max_length=100),
                   problems: list[str] = Query([], max_length=20, description="问题（可重复，或一条多行）"),
                   drop: list[str] = Query([], max_length=50, description="去掉的问题 id"),
                   add: list[str] = Query([], max_length=50, description="添加的问题 id"),
                   description: str | None = Query(None, max_length=2000),
                   top_k: int = Query(5, ge=1, le=20), store: GraphStore = Depends(get_store),
                   settings: Settings = Depends(get_settings)) -> HTMLResponse:
    items = [line.strip() for p in problems for line in p.splitlines() if line.strip()][: settings.limits.max_problems]
    if sum(len(x) for x in items) > settings.limits.max_profile_chars:
        return _error(413, "问题描述过长", "problem text too long")
    try:
        result = recommend(store, region=region, industry=industry, problems=items, description=description,
                           top_k=top_k, strict=True, settings=settings, drop=[d[:200] for d in drop],
                           add=[a[:200] for a in add])
    except ProfileError as exc:
        zh, _, en = str(exc).partition(" / ")
        return _error(400, zh, en or zh)
    return _page(pages.render_recommendation(store, result, query=str(request.url.query)))


@router.get("/expand", summary="节点的相邻节点（图谱页面双击展开用）/ a node's neighbours for a drawn graph")
def expand(id: str = Query(..., max_length=300, description="节点 id"), store: GraphStore = Depends(get_store)) -> dict:
    try:
        return pages.expand_data(store, id)
    except pages.NotFound as exc:
        raise ApiError(404, exc.zh, exc.en) from None

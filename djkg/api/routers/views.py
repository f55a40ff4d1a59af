"""GET /views/... — the graph pages (viz/): model, case, region, overview and a recommendation's explanation.

Pages are self-contained (no external loads; the Content-Security-Policy of api/security.py says so too) and
every string from a case is escaped by the renderer. Unknown ids give a 404 page in Chinese and English.
"""

from __future__ import annotations

import html

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import HTMLResponse

from ...core.config import Settings
from ...graph.store import GraphStore
from ...services.recommend import ProfileError, recommend
from ...viz import pages
from ..deps import get_settings, get_store

router = APIRouter(prefix="/views", tags=["views"])

def _page(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)   # CSP, nosniff and framing rules: api/security.py


def _error(status: int, zh: str, en: str) -> HTMLResponse:
    body = (f"<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{html.escape(zh)}</title>"
            f"<body style=\"font-family: sans-serif; padding: 2em\"><h1>{html.escape(zh)}</h1>"
            f"<p>{html.escape(en)}</p><p><a href=\"/\">返回首页 / home</a> · "
            f"<a href=\"/views/overview\">模式总览 / overview</a></p></body></html>")
    return _page(body, status)


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
def region_page(name: str = Path(..., max_length=100), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return _render(pages.render_region, store, name)


@router.get("/recommend", response_class=HTMLResponse, summary="推荐解释图 / why these models were recommended")
def recommend_page(region: str | None = Query(None, max_length=200), industry: str | None = Query(None, max_length=100),
                   problems: list[str] = Query([], max_length=20, description="问题（可重复，或一条多行）"),
                   description: str | None = Query(None, max_length=2000),
                   top_k: int = Query(5, ge=1, le=20), store: GraphStore = Depends(get_store),
                   settings: Settings = Depends(get_settings)) -> HTMLResponse:
    items = [line.strip() for p in problems for line in p.splitlines() if line.strip()][: settings.limits.max_problems]
    if sum(len(x) for x in items) > settings.limits.max_profile_chars:
        return _error(413, "问题描述过长", "problem text too long")
    try:
        result = recommend(store, region=region, industry=industry, problems=items, description=description,
                           top_k=top_k, strict=True, settings=settings)
    except ProfileError as exc:
        zh, _, en = str(exc).partition(" / ")
        return _error(400, zh, en or zh)
    return _page(pages.render_recommendation(store, result))

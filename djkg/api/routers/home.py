"""GET / — the home page: search, a unit-profile form and its ranked models (server-rendered, offline)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ...core.config import Settings
from ...graph.schema import FIELDS
from ...graph.store import GraphStore
from ...queries.index import model_index
from ...queries.models import list_models
from ...viz import labels
from ...viz.viewdata import outcome_text
from ...services.recommend import ProfileError, recommend
from ..deps import get_settings, get_store
from ..html import page

router = APIRouter(tags=["pages"])

@router.get("/", response_class=HTMLResponse, summary="首页 / home page")
def home(request: Request,
         q: str | None = Query(None, max_length=200, description="搜索关键词"),
         region: str | None = Query(None, max_length=200), industry: str | None = Query(None, max_length=100),
         problems: str | None = Query(None, max_length=5000, description="问题（每行一条）"),
         store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> HTMLResponse:
    result = None
    error = None
    problem_list = [p.strip() for p in (problems or "").splitlines() if p.strip()][: settings.limits.max_problems]
    asked = bool(region or industry or problem_list)
    if asked:
        try:
            result = recommend(store, region=region, industry=industry, problems=problem_list, top_k=5,
                               settings=settings)
        except ProfileError as exc:
            error = str(exc)
    hits = store.search(q.replace("\x00", "")[: settings.limits.max_query_chars], limit=20) if q and q.strip() else None
    models = list_models(model_index(store))[:30]
    return page(
        "home.html", active="home", title="首页", q=q or "", region=region or "", industry=industry or "", problems=problems or "", fields=FIELDS,
        result=result, error=error, hits=hits, models=models, asked=asked, labels=labels, outcome_text=outcome_text,
        query_string=str(request.url.query))

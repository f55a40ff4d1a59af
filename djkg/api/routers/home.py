"""GET / — the home page: the unit-profile form (answered at /recommend), search, the most mature models."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...graph.schema import CASE, FIELDS
from ...graph.store import GraphStore
from ...queries.index import model_index
from ...viz.pages_model import models_rows
from ..deps import get_store
from ..html import page

router = APIRouter(tags=["pages"])

TOP_MODELS = 8


@router.get("/", response_class=HTMLResponse, summary="首页 / home page")
def home(request: Request, store: GraphStore = Depends(get_store)):
    params = request.query_params
    # links shared before the result had its own page keep working
    if params.get("q"):
        return RedirectResponse("/search?" + str(request.url.query), status_code=307)
    if any(params.get(k) for k in ("region", "industry", "problems")):
        return RedirectResponse("/recommend?" + str(request.url.query), status_code=307)
    return page("home.html", active="home", title="首页", fields=FIELDS, total_cases=store.count_nodes(CASE),
                models=models_rows(model_index(store))[:TOP_MODELS])

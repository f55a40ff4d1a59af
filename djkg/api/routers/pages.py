"""The pages people read: a case, a model and the list of models, the case library with filters, search,
regions, and a recommendation answered in words. Server-rendered in the site layout (``viz/templates``);
every page has a CSV twin where it shows a list."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from ...graph.store import GraphStore
from ...viz.pages_case import case_context
from ..deps import get_store
from ..html import error_page, page

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: str = Path(..., max_length=300), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    ctx = case_context(store, case_id)
    if ctx is None:
        return error_page(404, "没有找到这个案例", "案例可能已被删除，或网址有误。可以在案例库中按地区、领域或模式查找。")
    return page("case.html", active="cases", **ctx)

"""The gap map as a page (/gaps) and a spreadsheet (/gaps.csv), with the filters of GET /api/v1/gaps (a province
as "山东", "山东省" or 370000; a field as "农村" or "国企"). A filter that names nothing is a 400 page in Chinese,
as the API answers 400: the answer is never silently widened to the whole country."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from ...core.analyses import GapMap
from ...graph.store import GraphStore
from ...queries.index import model_index
from ...services import analyses
from ...viz.pages_gaps import CSV_HEADER, gaps_context, gaps_csv_rows
from ..deps import get_store
from ..html import error_page, page
from .pages import csv_response

router = APIRouter(tags=["pages"])   # listed in /docs: the route tests enumerate routes from there

PROVINCE = Query(None, max_length=50, description="省份：名称（山东、山东省）或代码（370000）")
FIELD = Query(None, max_length=50, description="领域：农村、城市社区、机关……")


def _gap_map(store: GraphStore, province: str | None, field: str | None) -> GapMap | HTMLResponse:
    try:
        return analyses.gaps(store, province=province, field=field)
    except analyses.FilterError as exc:
        return error_page(400, "筛选条件有误", exc.zh + "。可以在问题缺口页上从列表中选择省份和领域。")


@router.get("/gaps", response_class=HTMLResponse)
def gaps_page(province: Optional[str] = PROVINCE, field: Optional[str] = FIELD,
              store: GraphStore = Depends(get_store)) -> HTMLResponse:
    found = _gap_map(store, province, field)
    if isinstance(found, HTMLResponse):
        return found
    return page("gaps.html", active="gaps", **gaps_context(found, model_index(store)))


@router.get("/gaps.csv")
def gaps_csv(province: Optional[str] = PROVINCE, field: Optional[str] = FIELD,
             store: GraphStore = Depends(get_store)) -> Response:
    found = _gap_map(store, province, field)
    if isinstance(found, HTMLResponse):
        return found
    return csv_response("问题缺口.csv", CSV_HEADER, gaps_csv_rows(found, model_index(store)))

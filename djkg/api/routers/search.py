"""GET /api/v1/search?q= — names and case text."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ...core.config import Settings
from ...graph.store import GraphStore
from ..deps import get_settings, get_store
from ..errors import ApiError

router = APIRouter(prefix="/api/v1", tags=["search"])


@router.get("/search", summary="搜索模式、问题、做法与案例 / search")
def search(q: str = Query(..., description="关键词"), limit: int = Query(20, ge=1),
           store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> dict:
    if len(q) > settings.limits.max_query_chars:
        raise ApiError(400, f"关键词过长（上限 {settings.limits.max_query_chars} 字）",
                       f"query too long (max {settings.limits.max_query_chars} characters)")
    if limit > settings.limits.max_page_size:
        raise ApiError(400, f"每页最多 {settings.limits.max_page_size} 条", f"limit must be ≤ {settings.limits.max_page_size}")
    q = q.replace("\x00", "").strip()
    if not q:
        raise ApiError(400, "请输入关键词", "empty query")
    return {"q": q, "items": store.search(q, limit=limit)}

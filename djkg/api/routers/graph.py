"""GET /api/v1/graph/neighborhood — a node's neighbourhood, bounded in depth and size."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ...core.config import Settings
from ...graph.store import GraphStore
from ..deps import get_settings, get_store
from ..errors import ApiError, not_found

router = APIRouter(prefix="/api/v1/graph", tags=["graph"])


@router.get("/neighborhood", summary="节点邻域 / neighbourhood of a node")
def neighborhood(id: str = Query(..., max_length=300, description="节点 id，如 model:fengqiao-experience"),
                 depth: int = Query(1, ge=0, description="深度"), limit: int = Query(200, ge=1, description="节点上限"),
                 store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> dict:
    if depth > settings.limits.max_depth:
        raise ApiError(400, f"深度最大为 {settings.limits.max_depth}", f"depth must be ≤ {settings.limits.max_depth}")
    if limit > settings.limits.max_nodes:
        raise ApiError(400, f"节点上限最大为 {settings.limits.max_nodes}", f"limit must be ≤ {settings.limits.max_nodes}")
    sub = store.neighborhood(id, depth=depth, limit=limit)
    if not sub.nodes:
        raise not_found("节点", "node", id)
    return sub.to_dict()

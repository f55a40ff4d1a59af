"""GET /api/v1/models, /api/v1/models/{id} — replicable models with maturity and neighbours."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ...core.config import Settings
from ...graph.store import GraphStore
from ...core.contract import ModelDetail
from ...queries.index import model_index
from ...queries.models import list_models, model_detail
from ..deps import get_settings, get_store
from ..errors import ApiError, not_found
from ..schemas import ErrorBody, ModelPage

router = APIRouter(prefix="/api/v1/models", tags=["models"])


@router.get("", response_model=ModelPage, summary="模式列表（按成熟度排序）/ models by maturity")
def models(limit: int = Query(50, ge=1, description="每页数量"), offset: int = Query(0, ge=0, le=10_000_000),
           candidates: bool = Query(False, description="是否包含候选模式"),
           store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> ModelPage:
    if limit > settings.limits.max_page_size:
        raise ApiError(400, f"每页最多 {settings.limits.max_page_size} 条", f"limit must be ≤ {settings.limits.max_page_size}")
    items = list_models(model_index(store), include_candidates=candidates)
    return ModelPage(items=items[offset:offset + limit], total=len(items), limit=limit, offset=offset)


@router.get("/{model_id}", response_model=ModelDetail, responses={404: {"model": ErrorBody}},
            summary="模式详情 / model detail")
def model(model_id: str, store: GraphStore = Depends(get_store)) -> ModelDetail:
    detail = model_detail(store, model_index(store), model_id[:200])
    if detail is None:
        raise not_found("模式", "model", model_id[:200])
    return detail

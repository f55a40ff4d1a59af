"""Taxonomy review: candidate concepts proposed by ingest, accepted or rejected by an editor."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query

from ...core.config import Settings
from ...core.keys import Principal
from ...graph.review import VersionConflict
from ...graph.store import GraphStore
from ...ingest.corrections import CorrectionError
from ...services.candidates import ReviewError, accept, list_candidates, reject
from ..deps import RoleFirstRoute, get_settings, get_store, require_editor
from ..errors import ApiError
from ..schemas import AcceptIn, CandidatePage, Decision, ErrorBody, RejectIn

router = APIRouter(prefix="/api/v1/taxonomy", tags=["taxonomy"], route_class=RoleFirstRoute)
_ERRORS = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
           409: {"model": ErrorBody}, 422: {"model": ErrorBody}}


@router.get("/candidates", response_model=CandidatePage, summary="待审核的候选概念 / candidate concepts")
def candidates(limit: int = Query(50, ge=1, description="每页数量"), offset: int = Query(0, ge=0, le=10_000_000),
               store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> CandidatePage:
    if limit > settings.limits.max_page_size:
        raise ApiError(400, f"每页最多 {settings.limits.max_page_size} 条", f"limit must be ≤ {settings.limits.max_page_size}")
    items, total = list_candidates(store, limit=limit, offset=offset)
    return CandidatePage(items=items, total=total, limit=limit, offset=offset)


@router.post("/candidates/{candidate_id}/accept", response_model=Decision, responses=_ERRORS,
             summary="接受候选：作为新概念或已有概念的同义词（需编辑密钥）/ accept a candidate (editor)")
def accept_candidate(candidate_id: str, body: AcceptIn, store: GraphStore = Depends(get_store),
                     settings: Settings = Depends(get_settings), who: Principal = Depends(require_editor)):
    return _decided(lambda: accept(store, settings.accepted_concepts_path, candidate_id, as_=body.as_, of=body.of,
                                   name=body.name, key=body.key, category=body.category, actor=who.name))


@router.post("/candidates/{candidate_id}/reject", response_model=Decision, responses=_ERRORS,
             summary="否决候选，今后不再提出（需编辑密钥）/ reject a candidate (editor)")
def reject_candidate(candidate_id: str, body: Optional[RejectIn] = None, store: GraphStore = Depends(get_store),
                     settings: Settings = Depends(get_settings), who: Principal = Depends(require_editor)):
    return _decided(lambda: reject(store, settings.accepted_concepts_path, candidate_id,
                                   reason=body.reason if body else None, actor=who.name))


def _decided(decide) -> dict:
    try:
        return decide()
    except ReviewError as exc:
        raise ApiError(exc.status, exc.zh, exc.en)
    except CorrectionError as exc:
        raise ApiError(422, exc.zh, exc.en, extra={"field": exc.field})
    except VersionConflict:
        raise ApiError(409, "案例正被修改，请稍后再试", "cases are being changed; try again")

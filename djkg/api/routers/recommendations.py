"""POST /api/v1/recommendations — which mature models fit a unit like mine?"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from starlette.concurrency import run_in_threadpool

from ...core.config import Settings
from ...graph.store import GraphStore
from ...services.recommend import ProfileError, index_ready, recommend
from ..deps import get_settings, get_store
from ..errors import ApiError
from ..schemas import ErrorBody, RecommendationRequest, RecommendationResponse

router = APIRouter(prefix="/api/v1", tags=["recommendations"])


@router.post("/recommendations", response_model=RecommendationResponse,
             responses={400: {"model": ErrorBody}, 422: {"model": ErrorBody}},
             summary="推荐适合本单位的成熟模式 / recommend models for a unit profile")
async def recommendations(body: RecommendationRequest, store: GraphStore = Depends(get_store),
                          settings: Settings = Depends(get_settings)) -> RecommendationResponse:
    limits = settings.limits
    texts = [body.region or "", body.industry or "", body.description or "", *body.problems]
    if sum(len(t) for t in texts) > limits.max_profile_chars:
        raise ApiError(413, f"单位画像文字过长（上限 {limits.max_profile_chars} 字）",
                       f"profile text too long (max {limits.max_profile_chars} characters)")
    if len(body.problems) > limits.max_problems:
        raise ApiError(400, f"问题最多 {limits.max_problems} 条", f"at most {limits.max_problems} problems")
    def answer():
        return recommend(store, region=body.region, industry=body.industry, problems=body.problems,
                         description=body.description, top_k=body.top_k, strict=True, settings=settings)

    try:
        # with the index made for this revision an answer is ~1 ms of CPU: answered on the event loop (a worker
        # thread round trip cost as much); a request that would make or update the index gets a worker thread,
        # so the loop keeps answering the others from the previous revision meanwhile
        return answer() if index_ready(store) else await run_in_threadpool(answer)
    except ProfileError as exc:
        zh, _, en = str(exc).partition(" / ")
        raise ApiError(400, zh, en or zh) from None

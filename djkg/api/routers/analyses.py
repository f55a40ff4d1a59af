"""GET /api/v1/gaps, /api/v1/emerging, /api/v1/models/{id}/diffusion — what organisation departments ask next:
where a problem lacks a mature answer, which new practices spread without a name, how far a model travelled."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query

from ...core.analyses import Diffusion, EmergingModels, GapMap
from ...graph.store import GraphStore
from ...services import analyses
from ..deps import get_store
from ..errors import ApiError, not_found
from ..schemas import ErrorBody

router = APIRouter(prefix="/api/v1", tags=["analyses"])

GAPS_DOC = """每个问题：面临它的案例数与不同单位、城市、省份数，回答它最好的模式及成熟度，以及缺口分数。
需求强度 = log(1+单位数)/log(1+本表最多的单位数)；回答强度 = 模式对问题的匹配度 × 成熟度（取最好的模式；
领域格只计在该领域有案例的模式）；缺口 = 需求强度 × (1 − 回答强度)。

For each problem: cases, distinct units, cities and provinces facing it, the best model answering it with its
maturity, and gap = demand × (1 − best fit × maturity); by field and by province."""

EMERGING_DOC = """未归入任何已命名模式的案例中，反复一起出现的做法组合：做法两两同现的提升度 ≥ 2 且超几何检验显著
（Bonferroni 校正），显著做法对组成的图用 Louvain 社区划分，每个社区是一组的核心做法；采用其中至少两项的案例
成组，至少 3 个案例、来自至少 2 个城市。

Groups of cases outside every named model that share an unusual set of measures (significant measure pairs,
grouped by Louvain communities); a group needs ≥ 3 cases from ≥ 2 cities."""


@router.get("/gaps", response_model=GapMap, responses={400: {"model": ErrorBody}},
            summary="问题缺口地图 / gap map", description=GAPS_DOC)
def gaps(province: Optional[str] = Query(None, max_length=50, description="省份：名称（山东、山东省）或代码（370000）"),
         field: Optional[str] = Query(None, max_length=50, description="领域：农村、城市社区、机关……"),
         store: GraphStore = Depends(get_store)) -> GapMap:
    try:
        return analyses.gaps(store, province=province, field=field)
    except analyses.FilterError as exc:
        raise ApiError(400, exc.zh, exc.en) from exc


@router.get("/emerging", response_model=EmergingModels, summary="新兴做法组合（待命名的模式）/ emerging models",
            description=EMERGING_DOC)
def emerging(min_cases: int = Query(3, ge=2, le=1000, description="一组至少的案例数"),
             min_cities: int = Query(2, ge=1, le=1000, description="一组至少覆盖的城市数"),
             store: GraphStore = Depends(get_store)) -> EmergingModels:
    return analyses.emerging(store, min_cases=min_cases, min_cities=min_cities)


@router.get("/models/{model_id}/diffusion", response_model=Diffusion, responses={404: {"model": ErrorBody}},
            summary="模式的扩散：按年份和省份 / how a model spread", tags=["models"])
def diffusion(model_id: str, store: GraphStore = Depends(get_store)) -> Diffusion:
    found = analyses.diffusion(store, model_id[:200])
    if found is None:
        raise not_found("模式", "model", model_id[:200])
    return found

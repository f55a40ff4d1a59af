"""GET /healthz — liveness plus a store round trip."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ... import __version__
from ...graph.store import GraphStore
from ..deps import get_store
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, summary="健康检查 / health check")
def healthz(store: GraphStore = Depends(get_store)) -> Health:
    return Health(status="ok", store=store.dialect == "sql" and "sqlite" or "neo4j",
                  cases=store.count_nodes("Case"), version=__version__)

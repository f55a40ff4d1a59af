"""GET /api/v1/audit — the audit trail (admin key), newest first, with filters. There is no way to change it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Optional

from fastapi import APIRouter, Depends, Query

from ...core.config import Settings
from ...graph.review import AUDIT_ACTIONS, utc_text
from ...graph.store import GraphStore
from ...queries.audit import audit_page
from ..deps import RoleFirstRoute, get_settings, get_store, require_admin
from ..errors import ApiError
from ..schemas import AuditPage, ErrorBody

router = APIRouter(prefix="/api/v1/audit", tags=["audit"], route_class=RoleFirstRoute)


@router.get("", response_model=AuditPage, dependencies=[Depends(require_admin)],
            responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="审计记录（需管理员密钥）/ audit trail (admin key)")
def audit(actor: Optional[str] = Query(None, max_length=64, description="谁（密钥名称、env、cli:用户）"),
          action: Optional[Literal[AUDIT_ACTIONS]] = Query(None, description="做了什么"),  # type: ignore[valid-type]
          target: Optional[str] = Query(None, max_length=200, description="对象（案例、候选概念 id 或密钥名称）"),
          since: Optional[datetime] = Query(None, description="起始时间（含），ISO 8601"),
          until: Optional[datetime] = Query(None, description="截止时间（不含），ISO 8601"),
          limit: int = Query(50, ge=1), offset: int = Query(0, ge=0, le=10_000_000),
          store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> AuditPage:
    if limit > settings.limits.max_page_size:
        raise ApiError(400, f"每页最多 {settings.limits.max_page_size} 条", f"limit must be ≤ {settings.limits.max_page_size}")
    items, total = audit_page(store, actor=actor, action=action, target=target, since=since and utc_text(since),
                              until=until and utc_text(until),
                              limit=limit, offset=offset)
    return AuditPage(items=items, total=total, limit=limit, offset=offset)


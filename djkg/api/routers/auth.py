"""GET /api/v1/auth/me — whom a key belongs to and its role (pages ask before showing edit controls)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..auth import require_role
from ..deps import RoleFirstRoute
from ..schemas import ErrorBody, Principal

router = APIRouter(prefix="/api/v1/auth", tags=["auth"], route_class=RoleFirstRoute)


@router.get("/me", response_model=Principal, responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="当前密钥的名称与角色 / the key's name and role")
def me(request: Request) -> Principal:
    who = require_role(request, "reader")
    return Principal(name=who.name, role=who.role)

"""Dependencies: settings, the store (one per app), and the API key guard for writes."""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.routing import APIRoute

from ..core.config import Settings
from ..graph.store import GraphStore
from .errors import ApiError


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> GraphStore:
    return request.app.state.store


def require_api_key(request: Request) -> None:
    """Writes need ``X-API-Key`` or ``Authorization: Bearer`` equal to DJKG_API_KEY (constant-time)."""
    expected = request.app.state.settings.api_key
    if not expected:
        raise ApiError(403, "服务器未设置 DJKG_API_KEY，写入接口已关闭（只读模式）",
                       "writes are disabled: the server has no DJKG_API_KEY configured")
    given = (request.headers.get("x-api-key") or "").strip()
    if not given:   # an empty X-API-Key beside a Bearer token (some clients always send the header) is no key
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            given = auth[7:].strip()
    if not given:
        raise ApiError(401, "需要 API 密钥：请在 X-API-Key 或 Authorization: Bearer 中提供",
                       "API key required (X-API-Key or Authorization: Bearer)",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode("utf-8", "surrogatepass"), expected.encode("utf-8")):
        raise ApiError(403, "API 密钥不正确", "invalid API key")


class KeyFirstRoute(APIRoute):
    """A route that needs ``require_api_key`` checks it before its body is read: a request without a valid key
    gets 401/403 whatever its body (malformed JSON, a large upload), and no body is parsed for it."""

    def get_route_handler(self):
        handler = super().get_route_handler()
        if not any(getattr(d, "dependency", None) is require_api_key for d in self.dependencies):
            return handler

        async def key_first(request: Request):
            require_api_key(request)
            return await handler(request)

        return key_first

"""Who a request acts as, and the role guards (FastAPI dependencies) every route declares.

A key comes in ``X-API-Key`` or ``Authorization: Bearer`` (an empty ``X-API-Key`` beside a Bearer token is no
key) and is looked up in the data directory's key ring (``core/keys.py``; ``DJKG_API_KEY`` is the admin "env").
Reads are open unless ``Settings.reads_need_key``; writes need an editor, the audit trail an admin.
``RoleFirstRoute`` runs the guards before a request body is read, so a request without the right key is refused
whatever its body.
"""

from __future__ import annotations

import inspect

from fastapi import Request
from fastapi.routing import APIRoute

from ..core.keys import KeyRing, Principal
from . import page_session
from .errors import ApiError

ANONYMOUS = Principal("anonymous", "reader")


def keyring(request: Request) -> KeyRing:
    return request.app.state.keyring


def key_from_request(request: Request) -> str | None:
    given = (request.headers.get("x-api-key") or "").strip()
    if not given:
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            given = auth[7:].strip()
    return given or None


def require_role(request: Request, role: str) -> Principal:
    """The principal of the request's key if it has ``role`` or above; 401 without a key, 403 otherwise."""
    cached = getattr(request.state, "principal", None)
    if cached is not None and cached.can(role):
        return cached
    ring = keyring(request)
    if not ring.configured():
        raise ApiError(403, "服务器没有配置任何密钥（djkg keys add 或 DJKG_API_KEY），此接口已关闭",
                       "no keys are configured on the server (djkg keys add or DJKG_API_KEY): this endpoint is closed")
    given = key_from_request(request)
    if not given:
        raise ApiError(401, "需要 API 密钥：请在 X-API-Key 或 Authorization: Bearer 中提供",
                       "API key required (X-API-Key or Authorization: Bearer)", headers={"WWW-Authenticate": "Bearer"})
    who = ring.verify(given)
    if who is None:
        raise ApiError(403, "API 密钥不正确或已吊销", "invalid or revoked API key")
    if not who.can(role):
        raise ApiError(403, f"密钥“{who.name}”的角色是 {who.role}，此操作需要 {role}",
                       f"key {who.name!r} has role {who.role}; this needs {role}")
    request.state.principal = who
    return who


async def require_reader(request: Request) -> Principal:
    """Open reads (anonymous) unless the deployment closes them behind a reader key — given in a header, or, for
    a browser, by the session of a key signed in on the site (``page_session``). Async: every read passes here,
    and the open case needs no worker thread."""
    if not request.app.state.settings.reads_need_key:
        return ANONYMOUS
    if key_from_request(request) is None:
        who = page_session.principal(request)
        if who is not None:
            request.state.principal = who
            return who
    return require_role(request, "reader")


def require_editor(request: Request) -> Principal:
    return require_role(request, "editor")


def require_admin(request: Request) -> Principal:
    return require_role(request, "admin")


GUARDS = (require_reader, require_editor, require_admin)


class RoleFirstRoute(APIRoute):
    """A route whose guards (above) are checked before its body is read or validated: a request without the
    right key gets 401/403 whatever its body (malformed JSON, a large upload), and no body is parsed for it."""

    def get_route_handler(self):
        handler = super().get_route_handler()
        guards = [d.call for d in self.dependant.dependencies if d.call in GUARDS]
        if not guards:
            return handler

        async def guarded(request: Request):
            for guard in guards:
                checked = guard(request)
                if inspect.isawaitable(checked):
                    await checked
            return await handler(request)

        return guarded

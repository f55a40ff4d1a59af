"""The web form's session: the API key is entered once per browser session and exchanged for a signed cookie.

The cookie holds no key: ``v1.<expiry>.<nonce>.<signature>``, the signature an HMAC-SHA256 keyed by a digest of
the server's API key (a changed key ends every session; any worker process can check it). It is HttpOnly,
SameSite=Strict (a form on another site cannot post with it) and a browser-session cookie; a write also checks
that an Origin header, when sent, is this server.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from fastapi import Request
from fastapi.responses import Response

COOKIE = "djkg_session"
LIFETIME = 12 * 3600          # seconds a session is good for, even if the browser stays open


def _secret(api_key: str) -> bytes:
    return hashlib.sha256(("djkg page session\x1f" + api_key).encode("utf-8")).digest()


def _sign(api_key: str, body: str) -> str:
    return hmac.new(_secret(api_key), body.encode("ascii"), hashlib.sha256).hexdigest()


def new_token(api_key: str, now: float | None = None) -> str:
    body = f"v1.{int((now or time.time()) + LIFETIME)}.{secrets.token_hex(16)}"
    return f"{body}.{_sign(api_key, body)}"


def valid(api_key: str | None, token: str | None, now: float | None = None) -> bool:
    if not api_key or not token or len(token) > 200:
        return False
    body, _, sig = token.rpartition(".")
    parts = body.split(".")
    if len(parts) != 3 or parts[0] != "v1" or not parts[1].isdigit():
        return False
    if int(parts[1]) < (now or time.time()):
        return False
    return hmac.compare_digest(sig, _sign(api_key, body))


def key_matches(api_key: str | None, given: str) -> bool:
    return bool(api_key) and hmac.compare_digest(given.encode("utf-8", "surrogatepass"), api_key.encode("utf-8"))


def signed_in(request: Request) -> bool:
    return valid(request.app.state.settings.api_key, request.cookies.get(COOKIE))


def same_origin(request: Request) -> bool:
    """A form post from this server's own pages (browsers send Origin on POST; a missing one is not refused)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def start(response: Response, request: Request) -> None:
    response.set_cookie(COOKIE, new_token(request.app.state.settings.api_key), httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/")


def end(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/")

"""The pages' session: a key is entered once per browser session and exchanged for a signed cookie naming whose
key it was; the pages then act as that key's name and role (``core/keys.py``).

The cookie holds no key: ``v2.<expiry>.<nonce>.<name, base64url>.<signature>``, the signature an HMAC-SHA256 keyed
by the data directory's session secret and the hash of that name's active key — so revoking or replacing the key
ends its sessions at once, and any worker process can check a cookie. It is HttpOnly, SameSite=Strict (a form on
another site cannot post with it) and a browser-session cookie; a write also checks that an Origin header, when
sent, is this server.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import time

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from ..core.keys import KeyRing, Principal
from ..core.numerals import ascii_digits

COOKIE = "djkg_session"
LIFETIME = 12 * 3600          # seconds a session is good for, even if the browser stays open
MAX_TOKEN = 400


def _sign(ring: KeyRing, key_hash: str, body: str) -> str:
    secret = hmac.new(ring.session_secret(), key_hash.encode("ascii"), hashlib.sha256).digest()
    return hmac.new(secret, body.encode("ascii"), hashlib.sha256).hexdigest()


def new_token(ring: KeyRing, name: str, now: float | None = None) -> str | None:
    """A session for the active key named ``name`` (None when there is none)."""
    found = ring.active(name)
    if found is None:
        return None
    encoded = base64.urlsafe_b64encode(name.encode("utf-8")).decode("ascii").rstrip("=")
    body = f"v2.{int((now or time.time()) + LIFETIME)}.{secrets.token_hex(16)}.{encoded}"
    return f"{body}.{_sign(ring, found[1], body)}"


def read_token(ring: KeyRing, token: str | None, now: float | None = None) -> Principal | None:
    """Whom a cookie speaks for, if it is well signed, not expired and its key is still active."""
    if not token or len(token) > MAX_TOKEN or not token.isascii():
        return None
    body, _, sig = token.rpartition(".")
    parts = body.split(".")
    if len(parts) != 4 or parts[0] != "v2" or not ascii_digits(parts[1]) or int(parts[1]) < (now or time.time()):
        return None
    try:
        name = base64.urlsafe_b64decode(parts[3] + "=" * (-len(parts[3]) % 4)).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    found = ring.active(name)
    if found is None or not hmac.compare_digest(sig, _sign(ring, found[1], body)):
        return None
    return found[0]


def principal(request: Request) -> Principal | None:
    return read_token(request.app.state.keyring, request.cookies.get(COOKIE))


def signed_in(request: Request) -> bool:
    return principal(request) is not None


def sign_in(request: Request, key: str) -> Principal | None:
    """The principal of ``key`` (any role), or None for a wrong or revoked key."""
    return request.app.state.keyring.verify(key.strip()) if key and key.strip() else None


def same_origin(request: Request) -> bool:
    """A form post from this server's own pages (browsers send Origin on POST; a missing one is not refused)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


def start(response: Response, request: Request, who: Principal) -> None:
    token = new_token(request.app.state.keyring, who.name)
    if token is not None:
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                            path="/")


def end(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/")


def redirect_signed_in(request: Request, who: Principal, url: str) -> RedirectResponse:
    """Go on to ``url`` (303) with a session for ``who``."""
    response = RedirectResponse(url, status_code=303)
    start(response, request, who)
    return response


def redirect_signed_out(url: str) -> RedirectResponse:
    """Go on to ``url`` (303) without the session."""
    response = RedirectResponse(url, status_code=303)
    end(response)
    return response

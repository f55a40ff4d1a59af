"""Headers every response carries: pages may load nothing from outside and may not be framed by other sites;
no response is content-sniffed. One middleware, so a new page cannot forget them."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders

from ..viz.site import CSP

# Pages that set their own headers (api/html.py, viz/site.py: scripts only from /static) keep them; this
# middleware adds the same rules to any HTML response that did not.
PAGE_CSP = CSP
# Swagger UI and ReDoc come from the fastapi-offline package on this server (/static-docs, /docs-assets); their
# HTML starts them with an inline script. Nothing from outside, as everywhere else.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    """ASGI middleware: ``X-Content-Type-Options: nosniff`` on every response; on HTML a CSP with
    ``frame-ancestors``, ``X-Frame-Options`` and a same-origin referrer policy."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        docs = scope.get("path", "").startswith(DOCS_PATHS)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else PAGE_CSP)
                    headers.setdefault("X-Frame-Options", "DENY")
                    headers.setdefault("Referrer-Policy", "same-origin")
            await send(message)

        await self.app(scope, receive, send_with_headers)

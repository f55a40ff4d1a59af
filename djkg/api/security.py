"""Headers every response carries: pages may load nothing from outside and may not be framed by other sites;
no response is content-sniffed. One middleware, so a new page cannot forget them."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders

# Nothing may come from outside: scripts and styles are inline, images are data: URIs.
PAGE_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")
# FastAPI's interactive docs (/docs, /redoc) fetch Swagger UI / ReDoc from their CDN: allowed there, nowhere else
DOCS_CSP = ("default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
            "font-src https://fonts.gstatic.com; img-src 'self' data: https://fastapi.tiangolo.com "
            "https://cdn.redoc.ly; worker-src blob:; connect-src 'self'; base-uri 'none'; frame-ancestors 'self'")
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
                    headers.setdefault("X-Frame-Options", "SAMEORIGIN")
                    headers.setdefault("Referrer-Policy", "same-origin")
            await send(message)

        await self.app(scope, receive, send_with_headers)

"""GET /redoc — ReDoc from the fastapi-offline package (Swagger UI at /docs comes from the same package).

ReDoc 2 draws a "Redocly" logo from its vendor's CDN in the sidebar, unconditionally; the script is served from
the package with that one address replaced by an empty data: URI (the component hides a logo that fails), so
the page makes no request outside this server."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse, Response

router = APIRouter(include_in_schema=False)

VENDOR_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@lru_cache(maxsize=1)
def _redoc_js() -> bytes:
    path = Path(fastapi_offline.__file__).parent / "static" / "redoc.standalone.js"
    return path.read_text(encoding="utf-8").replace(VENDOR_LOGO, "data:,").encode("utf-8")


@router.get("/docs-assets/redoc-offline.js")
def redoc_js() -> Response:
    return Response(_redoc_js(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"})


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return get_redoc_html(openapi_url=f"{root}{request.app.openapi_url}", title=request.app.title + " - ReDoc",
                          redoc_js_url=f"{root}/docs-assets/redoc-offline.js", with_google_fonts=False,
                          redoc_favicon_url="data:,")

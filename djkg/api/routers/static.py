"""GET /static/{name} — the site's stylesheet and scripts from the package, and the vis-network build that ships
inside the pyvis wheel (``viz/site.py`` lists them). A fixed whitelist: nothing else on disk can be named."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter
from fastapi.responses import Response

from ...viz.site import static_names, static_text
from ..errors import not_found

router = APIRouter(tags=["pages"], include_in_schema=False)

TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


@lru_cache(maxsize=1)
def _files() -> dict[str, bytes]:
    return {name: static_text(name).encode("utf-8") for name in static_names()
            if any(name.endswith(s) for s in TYPES)}


@router.get("/static/{name}")
def static(name: str) -> Response:
    body = _files().get(name)
    if body is None:
        raise not_found("文件", "file", name[:100])
    kind = TYPES["." + name.rsplit(".", 1)[-1]]
    return Response(body, media_type=kind, headers={"X-Content-Type-Options": "nosniff",
                                                    "Cache-Control": "public, max-age=86400"})

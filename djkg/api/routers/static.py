"""GET /static/{name} — the site's stylesheet and scripts from the package, and the vis-network build that ships
inside the pyvis wheel. A fixed whitelist: nothing else on disk can be named."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import Response

from ...viz.site import STATIC
from ..errors import not_found

router = APIRouter(tags=["pages"], include_in_schema=False)

TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
         ".png": "image/png", ".svg": "image/svg+xml"}


@lru_cache(maxsize=1)
def _files() -> dict[str, bytes]:
    files = {f.name: f.read_bytes() for f in STATIC.iterdir()
             if f.is_file() and any(f.name.endswith(s) for s in TYPES)}
    vis = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    files["vis-network.min.js"] = vis.joinpath("vis-network.min.js").read_bytes()
    files["vis-network.css"] = vis.joinpath("vis-network.css").read_bytes()
    return files


@router.get("/static/{name}")
def static(name: str) -> Response:
    body = _files().get(name)
    if body is None:
        raise not_found("文件", "file", name[:100])
    kind = TYPES["." + name.rsplit(".", 1)[-1]]
    return Response(body, media_type=kind, headers={"X-Content-Type-Options": "nosniff",
                                                    "Cache-Control": "public, max-age=86400"})

"""GET /api/v1/export/{format} — the whole graph as a file (graphml, jsonld) or a zip (neo4j-admin, csv),
streamed, behind the API key (an export hands out every case's text)."""

from __future__ import annotations

from enum import Enum

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from ...graph.store import GraphStore
from ...services.export import stream_export
from ..deps import get_store, require_api_key
from ..schemas import ErrorBody

router = APIRouter(prefix="/api/v1/export", tags=["export"])


class ExportFormat(str, Enum):
    graphml = "graphml"
    neo4j_admin = "neo4j-admin"
    jsonld = "jsonld"
    csv = "csv"


_BINARY = {"schema": {"type": "string", "format": "binary"}}
# JSON-LD is JSON: one object, its @context and the @graph of every node
_JSONLD = {"schema": {"type": "object", "required": ["@context", "@graph"],
                      "properties": {"@context": {"type": "object"}, "@graph": {"type": "array",
                                                                                 "items": {"type": "object"}}}}}


@router.get("/{fmt}", dependencies=[Depends(require_api_key)], response_class=StreamingResponse,
            responses={200: {"description": "GraphML、JSON-LD 文件，或 neo4j-admin / csv 的 zip 包 / the export",
                             "content": {"application/graphml+xml": _BINARY, "application/ld+json": _JSONLD,
                                         "application/zip": _BINARY}},
                       401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
            summary="导出图谱（需 API 密钥）/ export the graph (API key)")
def export(fmt: ExportFormat, store: GraphStore = Depends(get_store)) -> StreamingResponse:
    media, name, body = stream_export(store, fmt.value)
    return StreamingResponse(body, media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})

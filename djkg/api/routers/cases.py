"""Cases: list, detail with neighbours, and the two write endpoints (API key required)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, File, Query, UploadFile
from fastapi.responses import JSONResponse

from ...core.config import Settings
from ...graph.store import GraphStore
from ...ingest.pipeline import process_doc
from ...ingest.readers import RawDoc, ReadError, clean_meta, read_path
from ...queries.cases import case_record, list_cases
from ..deps import get_settings, get_store, require_api_key
from ..errors import ApiError, not_found
from ..schemas import CaseIn, ErrorBody, IngestResult, Page

router = APIRouter(prefix="/api/v1/cases", tags=["cases"])


@router.get("", response_model=Page, summary="案例列表 / cases")
def cases(limit: int = Query(50, ge=1, description="每页数量"), offset: int = Query(0, ge=0, le=10_000_000),
          store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> Page:
    if limit > settings.limits.max_page_size:
        raise ApiError(400, f"每页最多 {settings.limits.max_page_size} 条", f"limit must be ≤ {settings.limits.max_page_size}")
    return Page(items=list_cases(store, limit=limit, offset=offset), total=store.count_nodes("Case"),
                limit=limit, offset=offset)


@router.get("/{case_id}", responses={404: {"model": ErrorBody}}, summary="案例详情（含正文）/ case detail")
def case(case_id: str, store: GraphStore = Depends(get_store)) -> dict:
    rec = case_record(store, case_id[:200], with_text=True)
    if rec is None:
        raise not_found("案例", "case", case_id[:200])
    return rec


def _store_doc(doc: RawDoc, store: GraphStore) -> JSONResponse:
    item = process_doc(doc, store, dry_run=False)
    if item.error is not None or item.case is None:
        raise ApiError(422, f"无法导入：{item.error}", "case could not be ingested")
    body = IngestResult(status=item.status, case=item.case.to_dict()).model_dump()
    return JSONResponse(body, status_code=201 if item.status == "inserted" else 200)


@router.post("", status_code=201, response_model=IngestResult, dependencies=[Depends(require_api_key)],
             responses={200: {"model": IngestResult, "description": "已存在，内容未变或已更新 / existing case"},
                        401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody},
                        422: {"model": ErrorBody}},
             summary="提交一个案例（需 API 密钥）/ add a case (API key)")
def create_case(body: CaseIn, store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)):
    if len(body.text) > settings.limits.max_text_chars:
        raise ApiError(413, f"正文过长（上限 {settings.limits.max_text_chars} 字）",
                       f"text too long (max {settings.limits.max_text_chars} characters)")
    if not body.text.strip():
        raise ApiError(422, "正文为空", "text is empty")
    warnings: list[str] = []
    meta = clean_meta(body.model_dump(exclude={"text"}, exclude_none=True), warnings)
    return _store_doc(RawDoc(source="api", text=body.text, meta=meta, warnings=warnings, fmt="api"), store)


@router.post("/upload", status_code=201, response_model=IngestResult, dependencies=[Depends(require_api_key)],
             responses={200: {"model": IngestResult, "description": "已存在，内容未变或已更新 / existing case"},
                        401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody},
                        415: {"model": ErrorBody}, 422: {"model": ErrorBody}},
             summary="上传案例文件 .md .txt .docx .pdf .jsonl（需 API 密钥）/ upload a file (API key)")
def upload_case(file: UploadFile = File(..., description="案例文件"), store: GraphStore = Depends(get_store),
                settings: Settings = Depends(get_settings)):
    name = Path(file.filename or "upload.txt").name
    suffix = Path(name).suffix.lower()
    if suffix not in settings.limits.upload_suffixes:
        raise ApiError(415, f"不支持的文件类型“{suffix or '无扩展名'}”，可用：{'、'.join(settings.limits.upload_suffixes)}",
                       "unsupported file type")
    data = file.file.read(settings.limits.max_upload_bytes + 1)
    if len(data) > settings.limits.max_upload_bytes:
        raise ApiError(413, "文件过大", f"file too large (max {settings.limits.max_upload_bytes} bytes)")
    fd, tmp = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        docs = read_path(Path(tmp), max_bytes=settings.limits.max_upload_bytes)
    finally:
        os.unlink(tmp)
    errors = [d for d in docs if isinstance(d, ReadError)]
    good = [d for d in docs if isinstance(d, RawDoc)]
    if not good:
        raise ApiError(422, f"无法读取文件：{errors[0].error if errors else '空文件'}", "file could not be read")
    if len(good) > 1:
        statuses = []
        for d in good:
            d.source = f"upload:{name}#{len(statuses) + 1}"
            item = process_doc(d, store, dry_run=False)
            statuses.append(item.status if item.error is None else "failed")
        return JSONResponse({"status": "batch", "case": {"count": len(good), "statuses": statuses,
                                                         "errors": [e.error for e in errors]}}, status_code=201)
    good[0].source = f"upload:{name}"
    return _store_doc(good[0], store)

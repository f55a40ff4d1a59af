"""Cases: list, detail with its version and corrections, the two ingest endpoints and corrections (PATCH);
writes need an editor key."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from typing import Optional

from fastapi import APIRouter, Depends, File, Header, Query, Response, UploadFile
from fastapi.responses import JSONResponse

from ...core.config import Settings
from ...core.keys import Principal
from ...graph.review import VersionConflict
from ...graph.store import GraphStore
from ...ingest.corrections import CorrectionError
from ...ingest.pipeline import ingest_docs, process_doc
from ...ingest.readers import RawDoc, ReadError, clean_meta, has_visible_text, read_path
from ...queries.cases import case_record, list_cases
from ...services.corrections import CaseNotFound, correct_case
from ..deps import RoleFirstRoute, get_settings, get_store, require_api_key, require_editor
from ..errors import ApiError, not_found
from ..schemas import CaseIn, CorrectionIn, CorrectionOut, CorrectionRecord, ErrorBody, IngestResult, Page

# writes check the key before their body is read (RoleFirstRoute)
router = APIRouter(prefix="/api/v1/cases", tags=["cases"], route_class=RoleFirstRoute)


@router.get("", response_model=Page, summary="案例列表 / cases")
def cases(limit: int = Query(50, ge=1, description="每页数量"), offset: int = Query(0, ge=0, le=10_000_000),
          store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)) -> Page:
    if limit > settings.limits.max_page_size:
        raise ApiError(400, f"每页最多 {settings.limits.max_page_size} 条", f"limit must be ≤ {settings.limits.max_page_size}")
    return Page(items=list_cases(store, limit=limit, offset=offset), total=store.count_nodes("Case"),
                limit=limit, offset=offset)


@router.get("/{case_id}", responses={404: {"model": ErrorBody}},
            summary="案例详情（含正文、版本与更正记录）/ case detail with version and corrections")
def case(case_id: str, response: Response, store: GraphStore = Depends(get_store)) -> dict:
    case_id = case_id[:200]
    version = store.case_version(case_id)   # read before the record: a write in between makes it stale, never newer
    rec = case_record(store, case_id, with_text=True)
    if rec is None or version is None:
        raise not_found("案例", "case", case_id)
    rec["version"] = version
    rec["corrections"] = [CorrectionRecord(**k.to_dict()).model_dump()
                          for k in store.corrections([case_id]).get(case_id, [])]
    response.headers["ETag"] = f'"{version}"'
    return rec


@router.patch("/{case_id}", response_model=CorrectionOut,
              responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
                         409: {"model": ErrorBody, "description": "版本已过期，detail.current_version 为当前版本 / stale version"},
                         422: {"model": ErrorBody}, 428: {"model": ErrorBody, "description": "缺少版本 / version required"}},
              summary="更正案例（需编辑密钥，带上当前版本）/ correct a case (editor key, current version)")
def correct(case_id: str, body: CorrectionIn, response: Response, store: GraphStore = Depends(get_store),
            who: Principal = Depends(require_editor),
            if_match: Optional[str] = Header(None, max_length=200, description="当前版本（可代替 body.version）")):
    case_id = case_id[:200]
    version = _version(body.version, if_match)
    try:
        result = correct_case(store, case_id, body.request(), version=version, actor=who.name, note=body.note or "")
    except CaseNotFound:
        raise not_found("案例", "case", case_id)
    except VersionConflict as exc:
        raise ApiError(409, "案例已被他人修改，请刷新后重新更正", "the case changed since you read it; reload and retry",
                       extra={"current_version": exc.current or None},
                       headers={"ETag": f'"{exc.current}"'} if exc.current else None)
    except CorrectionError as exc:
        raise ApiError(422, exc.zh, exc.en, extra={"field": exc.field})
    response.headers["ETag"] = f'"{result.version}"'
    return CorrectionOut(status=result.status, version=result.version, change=result.change,
                         case=case_record(store, case_id) or {})


def _version(body_version: str | None, if_match: str | None) -> str:
    header = (if_match or "").strip()
    if header.startswith("W/"):
        header = header[2:]
    header = header.strip('"')
    if header and body_version and header != body_version:
        raise ApiError(400, "body.version 与 If-Match 不一致", "body.version and If-Match differ")
    version = header or (body_version or "").strip()
    if not version:
        raise ApiError(428, "请带上案例当前版本（body.version 或 If-Match），以免覆盖他人的更正",
                       "the case's current version is required (body.version or If-Match)")
    return version


def _store_doc(doc: RawDoc, store: GraphStore, actor: str) -> JSONResponse:
    item = process_doc(doc, store, dry_run=False, actor=actor)
    if item.code == "conflict":   # a different case holds this id: never overwritten
        zh, _, en = (item.error or "").partition(" / ")
        raise ApiError(409, zh, en or zh)
    if item.error is not None or item.case is None:
        raise ApiError(422, f"无法导入：{item.error}", "case could not be ingested")
    body = IngestResult(status=item.status, case=item.case.to_dict()).model_dump()
    return JSONResponse(body, status_code=201 if item.status == "inserted" else 200)


@router.post("", status_code=201, response_model=IngestResult, dependencies=[Depends(require_api_key)],
             responses={200: {"model": IngestResult, "description": "已存在，内容未变或已更新 / existing case"},
                        401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        409: {"model": ErrorBody, "description": "该 id 已属于另一份材料 / id held by another document"},
                        413: {"model": ErrorBody}, 422: {"model": ErrorBody}},
             summary="提交一个案例（需 API 密钥）/ add a case (API key)")
def create_case(body: CaseIn, store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings),
                who: Principal = Depends(require_editor)):
    if len(body.text) > settings.limits.max_text_chars:
        raise ApiError(413, f"正文过长（上限 {settings.limits.max_text_chars} 字）",
                       f"text too long (max {settings.limits.max_text_chars} characters)")
    if not has_visible_text(body.text):
        raise _invisible()
    warnings: list[str] = []
    meta = clean_meta(body.model_dump(exclude={"text"}, exclude_none=True), warnings)
    return _store_doc(RawDoc(source="api", text=body.text, meta=meta, warnings=warnings, fmt="api"), store, who.name)


def _invisible() -> ApiError:
    return ApiError(422, "正文没有可见的文字（只有空白、零宽字符或控制字符）",
                    "text has no visible characters (only whitespace, zero-width or control characters)")


def _too_long(limit: int) -> ApiError:
    return ApiError(413, f"正文过长（上限 {limit} 字），未导入", f"text too long (max {limit} characters); not ingested")


@router.post("/upload", status_code=201, response_model=IngestResult, dependencies=[Depends(require_api_key)],
             responses={200: {"model": IngestResult, "description": "已存在，内容未变或已更新 / existing case"},
                        401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        409: {"model": ErrorBody, "description": "该 id 已属于另一份材料 / id held by another document"},
                        413: {"model": ErrorBody}, 415: {"model": ErrorBody}, 422: {"model": ErrorBody}},
             summary="上传案例文件 .md .txt .docx .pdf .jsonl（需 API 密钥）/ upload a file (API key)")
def upload_case(file: UploadFile = File(..., description="案例文件"), store: GraphStore = Depends(get_store),
                settings: Settings = Depends(get_settings), who: Principal = Depends(require_editor)):
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
        docs = read_path(Path(tmp), max_bytes=settings.limits.max_upload_bytes, limits=settings.limits)
    finally:
        os.unlink(tmp)
    errors = [d for d in docs if isinstance(d, ReadError)]
    good = [d for d in docs if isinstance(d, RawDoc)]
    for e in errors:
        if e.code == "too_large":   # a zip bomb, too many pages, too much text: the file is refused whole
            zh, _, en = e.error.partition(" / ")
            raise ApiError(413, zh, en or zh)
    if not good:
        raise ApiError(422, f"无法读取文件：{errors[0].error if errors else '空文件'}", "file could not be read")
    if any(len(d.text) > settings.limits.max_text_chars for d in good):
        raise _too_long(settings.limits.max_text_chars)     # never cut silently
    for i, d in enumerate(good, start=1):
        # an upload has no folder: its file name is a label, not an identity (origin "")
        d.source, d.origin = (f"upload:{name}#{i}" if len(good) > 1 else f"upload:{name}"), ""
    if len(good) > 1:
        report = ingest_docs(good, store, actor=who.name)
        statuses = [item.status if item.error is None else "failed" for item in report.items]
        return JSONResponse({"status": "batch", "case": {
            "count": len(good), "statuses": statuses,
            "errors": [e.error for e in errors] + [item.error for item in report.items if item.error]}},
            status_code=201)
    return _store_doc(good[0], store, who.name)

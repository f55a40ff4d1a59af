"""The FastAPI application: routers per resource, the store as a dependency, limits and bilingual errors."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi_offline import FastAPIOffline
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..core.config import Settings
from ..core.keys import KeyRing
from ..graph import open_store
from ..graph.store import GraphStore, StoreError
from ..ingest.taxonomy import use_accepted_concepts
from ..services.recommend import warm
from .auth import require_reader
from .html import error_page, wants_html
from .routers import (analyses, ask, audit, auth, cases, docs, export, gap_pages, graph, health, home, models,
                      pages, recommendations, review_pages, search, static, submit, taxonomy, views)
from .schemas import ErrorBody
from .security import SecurityHeaders

log = logging.getLogger("djkg.api")

DESCRIPTION = """
党建品牌经验知识图谱（djkg）的 HTTP 接口：按单位画像推荐成熟、可复制的党建品牌模式，并给出解释路径与支撑案例。
读接口默认公开（部署可设 DJKG_READS_NEED_KEY=1 要求读者密钥）；写接口（提交、上传、更正案例，审核候选概念）需要编辑
密钥，审计记录需要管理员密钥，均通过 `X-API-Key` 或 `Authorization: Bearer` 提供。

HTTP API of djkg: recommends mature, replicable Party-building models for a unit profile, with explanation
paths and supporting cases. Reads are open unless the deployment closes them; writes need an editor key, the
audit trail an admin key.
"""


class BodySizeLimit:
    """Refuse request bodies over the limit with 413 — by Content-Length, and while streaming (chunked bodies):
    once the limit is passed, whatever the app answers to the body it could not read becomes the 413."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    return await _too_large(self.max_bytes)(scope, receive, send)
        seen = 0
        exceeded = False
        started = False

        async def limited_receive():
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    exceeded = True
                    raise _BodyTooLarge()
            return message

        async def guarded_send(message):
            nonlocal started
            if exceeded:   # the app turned the failed read into its own error (400 "error parsing the body")
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await _too_large(self.max_bytes)(scope, receive, send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _BodyTooLarge:
            pass
        if exceeded and not started:
            await _too_large(self.max_bytes)(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _too_large(limit: int) -> JSONResponse:
    zh, en = f"请求体过大（上限 {limit // 1024 // 1024} MB）", f"request body too large (max {limit} bytes)"
    return JSONResponse({"detail": {"message": f"{zh} / {en}", "zh": zh, "en": en}}, status_code=413)


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warm_index:   # djkg serve: the index is ready before the first request is taken
            await run_in_threadpool(warm, app.state.store)
        yield
        if store is None:  # a store the app opened itself is closed with it
            app.state.store.close()

    # /docs and /redoc load Swagger UI and ReDoc from the fastapi-offline package, never from a CDN
    app: FastAPI = FastAPIOffline(title="djkg 党建品牌经验知识图谱", version=__version__, description=DESCRIPTION,
                                  lifespan=lifespan, static_url="/static-docs", redoc_url=None,
                                  favicon_url="data:,", swagger_ui_parameters={"validatorUrl": None})
    app.state.settings = settings
    app.state.store = store if store is not None else open_store(settings)
    app.state.keyring = KeyRing(settings.keys_path, settings.api_key)
    use_accepted_concepts(settings.accepted_concepts_path)   # review decisions of this data dir, reloaded on change

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()]
        where = "、".join(".".join(e["loc"]) for e in errors[:5])
        if wants_html(request):   # a person following a mistyped link gets a page, in Chinese only
            return error_page(422, "网址中的参数不正确", "请回到上一页重新选择或填写。")
        zh, en = f"请求参数不合法：{where}", f"invalid request: {where}"
        return JSONResponse({"detail": {"message": f"{zh} / {en}", "zh": zh, "en": en, "errors": errors}},
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail
        if exc.status_code == 404 and wants_html(request):   # a person who mistyped a URL gets a page
            return error_page(404, "没有找到这个页面", "网址可能有误，或者这个内容已被删除。可以从下面的入口重新查找。")
        if exc.status_code in (401, 403) and wants_html(request):   # closed reads: a browser is asked to sign in
            return review_pages.signin_page(request, status=exc.status_code, next_url=request.url.path,
                                            reason="这个网站只对持有密钥的人开放。")
        if not isinstance(detail, dict):
            zh = {404: "未找到", 405: "不支持的请求方法", 413: "请求体过大"}.get(exc.status_code, "请求错误")
            detail = {"message": f"{zh} / {detail}", "zh": zh, "en": str(detail)}
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("store error on %s: %s", request.url.path, exc)
        zh, en = "数据库暂时不可用，请稍后再试", "the store is unavailable, try again later"
        return JSONResponse({"detail": {"message": f"{zh} / {en}", "zh": zh, "en": en}}, status_code=503)

    # every operation documents the errors any request can meet (bad parameters, oversized body, store down)
    # (errors are JSON even on HTML pages: say so, or the page's text/html would be the only documented type)
    common = {code: {"model": ErrorBody, "description": text,
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}}
              for code, text in (
        (400, "请求不合法 / bad request"), (404, "未找到 / not found"), (413, "请求体过大 / body too large"),
        (422, "参数校验失败 / validation failed"), (503, "数据库不可用 / store unavailable"))}
    app.include_router(health.router, responses=common)
    # reads are open unless the deployment closes them behind a reader key (Settings.reads_need_key)
    reader = [Depends(require_reader)]
    for r in (recommendations, models, analyses, cases, search, graph, export, home, taxonomy, audit, auth):
        app.include_router(r.router, responses=common, dependencies=reader)
    app.include_router(views.router, responses=common, dependencies=reader)
    app.include_router(static.router)
    app.include_router(pages.router, dependencies=reader)
    app.include_router(gap_pages.router, dependencies=reader)
    app.include_router(ask.router, dependencies=reader)
    app.include_router(docs.router)
    app.include_router(submit.router)
    app.include_router(review_pages.router)   # sign-in, edit mode, candidates: each page checks its own session
    app.add_middleware(BodySizeLimit, max_bytes=settings.limits.max_body_bytes)
    app.add_middleware(SecurityHeaders)   # outermost: the 413 above gets the headers too

    return app

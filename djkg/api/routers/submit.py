"""/submit — add a case from the web: an editor's key once per browser session, a dry-run preview of what was
understood, saved only when the person confirms. Server-rendered forms (no script needed); every string of the
preview is escaped by the template."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...core.config import Settings
from ...core.numerals import ascii_digits
from ...graph.schema import FIELDS
from ...graph.store import GraphStore
from ...ingest.pipeline import process_doc
from ...ingest.readers import RawDoc, clean_meta
from ...queries.index import model_index
from ...queries.models import list_models
from ...viz.pages_case import record_context
from ...viz.text import zh_only
from .. import page_session
from ..deps import get_settings, get_store
from ..html import page

router = APIRouter(tags=["pages"])   # listed in /docs: the route tests enumerate routes from there

FIELD_NAMES = ("title", "unit", "region", "industry", "year", "model", "source", "illustrative", "text")
MAX_META_CHARS = 300


def _form_page(request: Request, store: GraphStore, *, status: int = 200, values: dict | None = None,
               errors: list[str] | None = None, preview: dict | None = None) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    who = page_session.principal(request)
    return page("submit.html", status=status, active="submit", title="提交案例",
                crumbs=[("/", "首页"), ("", "提交案例")], writable=request.app.state.keyring.configured(),
                signed_in=bool(who and who.can("editor")), who=who,
                values={**dict.fromkeys(FIELD_NAMES, ""), **(values or {})}, errors=errors or [],
                preview=preview, fields=FIELDS, models=[m.name for m in list_models(model_index(store))],
                max_chars=settings.limits.max_text_chars)


@router.get("/submit", response_class=HTMLResponse)
def submit_page(request: Request, store: GraphStore = Depends(get_store)) -> HTMLResponse:
    return _form_page(request, store)


@router.post("/submit/key", response_class=HTMLResponse)
def submit_key(request: Request, key: str = Form("", max_length=500), store: GraphStore = Depends(get_store)):
    if not request.app.state.keyring.configured():
        return _form_page(request, store, status=403, errors=["服务器没有设置 API 密钥，网页提交已关闭。"])
    if not page_session.same_origin(request):
        return _form_page(request, store, status=403, errors=["请从本站页面提交。"])
    who = page_session.sign_in(request, key)
    if who is None:
        return _form_page(request, store, status=403, errors=["API 密钥不正确或已停用，请重新输入。"])
    if not who.can("editor"):
        return _form_page(request, store, status=403, errors=["这个密钥只能浏览，不能提交案例。请使用编辑密钥。"])
    return page_session.redirect_signed_in(request, who, "/submit")


@router.post("/submit/logout")
def submit_logout() -> RedirectResponse:
    return page_session.redirect_signed_out("/submit")


def _doc(values: dict[str, str], settings: Settings) -> tuple[RawDoc | None, list[str]]:
    """The form as a document to ingest, or the reasons it cannot be one (in Chinese)."""
    errors: list[str] = []
    text = values.get("text", "")
    if not "".join(ch for ch in text if ch.isprintable() and not ch.isspace() and ch not in "\u200b\u200c\u200d\ufeff"):
        errors.append("请填写案例正文。")
    if len(text) > settings.limits.max_text_chars:
        errors.append(f"正文过长：最多 {settings.limits.max_text_chars} 字。")
    for name in FIELD_NAMES:
        if name != "text" and len(values.get(name, "")) > MAX_META_CHARS:
            errors.append(f"有一项填写过长（每项最多 {MAX_META_CHARS} 字）。")
            break
    year = values.get("year", "").strip()
    if year and not (ascii_digits(year) and 1949 <= int(year) <= 2100):
        errors.append("年份请写四位数字，如 2021。")
    if values.get("industry") and values["industry"] not in FIELDS:
        errors.append("请从列表中选择领域。")
    if errors:
        return None, errors
    warnings: list[str] = []
    meta = {k: v.strip() for k, v in values.items() if k not in ("text", "illustrative") and v and v.strip()}
    if values.get("illustrative"):
        meta["illustrative"] = True
    meta = clean_meta(meta, warnings)
    return RawDoc(source="web", text=text, meta=meta, warnings=warnings, fmt="web"), []


def _values(title, unit, region, industry, year, model, source, illustrative, text) -> dict[str, str]:
    return {"title": title, "unit": unit, "region": region, "industry": industry, "year": year, "model": model,
            "source": source, "illustrative": "1" if illustrative else "", "text": text.replace("\r\n", "\n")}


def _posted(title: str = Form("", max_length=2000), unit: str = Form("", max_length=2000),
            region: str = Form("", max_length=2000), industry: str = Form("", max_length=200),
            year: str = Form("", max_length=20), model: str = Form("", max_length=2000),
            source: str = Form("", max_length=2000), illustrative: str = Form(""),
            text: str = Form("", max_length=1_000_000)) -> dict[str, str]:
    return _values(title, unit, region, industry, year, model, source, illustrative, text)


def _guard(request: Request, store: GraphStore, values: dict[str, str]) -> HTMLResponse | None:
    who = page_session.principal(request)
    if who is None or not who.can("editor"):
        return _form_page(request, store, status=401, values=values, errors=["请先输入 API 密钥（每次打开浏览器输入一次）。"])
    if not page_session.same_origin(request):
        return _form_page(request, store, status=403, values=values, errors=["请从本站页面提交。"])
    return None


def _checked(request: Request, store: GraphStore, values: dict[str, str], settings: Settings,
             *, dry_run: bool):
    """Signed in, from this site, a readable document: the ingest result — else the form again with the reasons."""
    refused = _guard(request, store, values)
    if refused is not None:
        return None, refused
    doc, errors = _doc(values, settings)
    if doc is None:
        return None, _form_page(request, store, status=422, values=values, errors=errors)
    item = process_doc(doc, store, dry_run=dry_run, actor=page_session.principal(request).name)
    if item.error is not None or item.case is None:
        why = ("无法读取这份材料：" if dry_run else "保存失败：") + zh_only(item.error or "")
        return None, _form_page(request, store, status=422, values=values, errors=[why])
    return item, None


@router.post("/submit/preview", response_class=HTMLResponse)
def submit_preview(request: Request, values: dict = Depends(_posted), store: GraphStore = Depends(get_store),
                   settings: Settings = Depends(get_settings)) -> HTMLResponse:
    item, refused = _checked(request, store, values, settings, dry_run=True)
    if refused is not None:
        return refused
    record = item.case.to_dict(with_text=True)
    preview = record_context(record)
    preview["warnings"] = list(dict.fromkeys(zh_only(w) for w in record.get("warnings") or []))
    preview["exists"] = store.get_node(record["id"]) is not None
    return _form_page(request, store, values=values, preview=preview)


@router.post("/submit/save", response_class=HTMLResponse)
def submit_save(request: Request, values: dict = Depends(_posted), store: GraphStore = Depends(get_store),
                settings: Settings = Depends(get_settings)):
    item, refused = _checked(request, store, values, settings, dry_run=False)
    if refused is not None:
        return refused
    return RedirectResponse(f"/cases/{quote(item.case.id, safe=':')}?saved={item.status}", status_code=303)

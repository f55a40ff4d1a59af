"""The review pages: sign in with a named key, a case's edit mode (form → preview → save) and the candidates page
(accept / merge / reject). Server-rendered forms, no script needed; every string is escaped by the templates.

Each page checks its own session (``page_session``): editors may correct and review, a signed-in reader only
reads. Posts must come from this site (Origin) and the cookie is SameSite=Strict. The work is done by the same
services as the API (``services/corrections.py``, ``services/candidates.py``), with the key's name in the audit
trail.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ...core.config import Settings
from ...core.keys import Principal
from ...core.numerals import ascii_digits
from ...graph.review import VersionConflict
from ...graph.schema import FIELDS
from ...graph.store import GraphStore
from ...ingest.corrections import CorrectionError
from ...ingest.taxonomy import taxonomy
from ...queries.cases import case_record
from ...services.candidates import ReviewError, accept, list_candidates, reject
from ...services.corrections import CaseNotFound, correct_case, plan_correction
from ...viz.pages_browse import PAGE_SIZE, pager
from ...viz.pages_review import SCOPES, candidate_rows, change_lines, current_facts, edit_values, preview_rows
from .. import page_session
from ..deps import get_settings, get_store
from ..html import error_page, page

router = APIRouter(tags=["pages"])   # listed in /docs: the route tests enumerate routes from there

ROLE_WORDS = {"reader": "只读", "editor": "编辑", "admin": "管理员"}
MAX_REMOVE = 60
MAX_LINES = 20
# form fields are bounded loosely here, so an over-long value comes back to the form with its reason in Chinese
# (the correction itself checks each field's own limit: unit 200, region 100, names 60 characters …)
FIELD_MAX = 2000
LINES_MAX = 20_000


def local_path(next_url: str | None) -> str:
    """Where to go after signing in: a path on this site only (never //host or a scheme)."""
    url = (next_url or "").strip()
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url and len(url) <= 500 else ""


def signin_page(request: Request, *, status: int = 200, next_url: str = "", errors: list[str] | None = None,
                reason: str = "") -> HTMLResponse:
    who = page_session.principal(request)
    return page("signin.html", status=status, title="登录", crumbs=[("/", "首页"), ("", "登录")], who=who,
                role_words=ROLE_WORDS.get(who.role, "") if who else "", next=local_path(next_url),
                configured=request.app.state.keyring.configured(), errors=errors or [], reason=reason)


def _editor(request: Request, next_url: str) -> tuple[Principal | None, HTMLResponse | None]:
    """The signed-in editor, or the page to show instead (sign in; or a reader told what they may not do)."""
    who = page_session.principal(request)
    if who is None:
        return None, signin_page(request, status=401, next_url=next_url, reason="这一页需要登录。")
    if not who.can("editor"):
        return None, error_page(403, "需要编辑权限", f"当前登录的密钥（{who.name}）只能浏览。请用编辑密钥重新登录。")
    return who, None


def _foreign(request: Request) -> HTMLResponse | None:
    return None if page_session.same_origin(request) else error_page(403, "请从本站页面提交", "这个请求不是从本站页面发出的。")


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = Query("", max_length=500)) -> HTMLResponse:
    return signin_page(request, next_url=next)


@router.post("/signin", response_class=HTMLResponse)
def signin(request: Request, key: str = Form("", max_length=500), next: str = Form("", max_length=500)):
    refused = _foreign(request)
    if refused is not None:
        return refused
    who = page_session.sign_in(request, key)
    if who is None:
        return signin_page(request, status=403, next_url=next, errors=["密钥不正确或已停用，请重新输入。"])
    return page_session.redirect_signed_in(request, who, local_path(next) or "/signin")


@router.post("/signout")
def signout() -> RedirectResponse:
    return page_session.redirect_signed_out("/")


# --- a case's edit mode --------------------------------------------------------------------------------------

def _edit_page(request: Request, store: GraphStore, case_id: str, who: Principal, *, status: int = 200,
               values: dict[str, Any] | None = None, errors: list[str] | None = None,
               preview: list | None = None, lines: list[str] | None = None) -> HTMLResponse:
    version = store.case_version(case_id)   # before the record: a write in between makes it stale, never newer
    rec = case_record(store, case_id)
    if rec is None or version is None:
        return error_page(404, "没有找到这个案例", "案例可能已被删除，或网址有误。")
    values = values or edit_values(rec)
    title = rec.get("title") or "（无标题）"
    return page("case_edit.html", status=status, active="cases", title=f"更正：{title}", case_title=title,
                crumbs=[("/", "首页"), ("/cases", "案例库"), (f"/cases/{quote(case_id, safe=':')}", title), ("", "更正")],
                case_id=case_id, version=values.get("version") or version, values=values, facts=current_facts(rec),
                fields=FIELDS, models=_model_names(rec), scopes=SCOPES, who=who,
                errors=errors or [], preview=preview, lines=lines or [])


def _model_names(rec: dict[str, Any]) -> list[str]:
    """The models to choose from; the case's own first if the taxonomy does not list it (a candidate model stays
    selected unless the editor changes it)."""
    names = [m.name for m in taxonomy().models.values()]
    current = (rec.get("model") or {}).get("name")
    return ([current] if current and current not in names else []) + names


@router.get("/cases/{case_id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, case_id: str = Path(..., max_length=300),
              store: GraphStore = Depends(get_store)) -> HTMLResponse:
    who, refused = _editor(request, f"/cases/{quote(case_id, safe=':')}/edit")
    return refused or _edit_page(request, store, case_id, who)


def _outcome_rows(form: dict[str, str]) -> list[dict[str, str]]:
    return [{k: form.get(f"o{i}_{k}", "") for k in ("name", "value", "unit", "scope")} for i in range(1, 3)]


def form_request(form: dict[str, Any], rec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The posted form as a correction request: only what differs from the case as it is (so the stored change
    records what the editor changed), or the reasons it cannot be one (in Chinese)."""
    now = edit_values(rec)
    request: dict[str, Any] = {}
    errors: list[str] = []
    if form["region"].strip() and form["region"].strip() != now["region"]:
        request["region"] = form["region"].strip()
    if form["field"] != now["field"] or form["sector"].strip() != now["sector"]:
        if form["field"]:
            request["field"] = form["field"]
        request["sector"] = form["sector"].strip()
    if form["unit"].strip() != now["unit"]:
        request["unit"] = form["unit"].strip()
    year = form["year"].strip()
    if year != now["year"]:
        if ascii_digits(year) and len(year) == 4:
            request["year"] = int(year)
        else:
            errors.append("年份请写四位数字，如 2021。")
    if form["model"] != now["model"]:
        request["model"] = form["model"] or None
    if form["illustrative"] in ("0", "1") and form["illustrative"] != now["illustrative"]:
        request["illustrative"] = form["illustrative"] == "1"
    removes = set(form["remove"])
    for key in ("problems", "measures", "outcomes"):
        ids = [m["id"] for m in rec.get(key) or [] if m["id"] in removes]
        if ids:
            request[f"remove_{key}"] = ids
    for key in ("problems", "measures"):
        lines = [ln.strip() for ln in form[f"add_{key}"].splitlines() if ln.strip()]
        if len(lines) > MAX_LINES:
            errors.append(f"每次最多添加 {MAX_LINES} 项。")
        elif lines:
            request[f"add_{key}"] = lines
    outcomes = []
    for row in form["outcomes"]:
        if not (row["name"].strip() or row["value"].strip()):
            continue
        value = None
        if row["value"].strip():
            try:
                value = float(row["value"].strip().replace(",", ""))
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                errors.append("成效的数值请写数字，如 35 或 98.5。")
                continue
        outcomes.append({"name": row["name"].strip() or None, "value": value, "unit": row["unit"].strip() or None,
                         "scope": row["scope"] if row["scope"] in SCOPES else "unit"})
    if outcomes:
        request["add_outcomes"] = outcomes
    if not request and not errors:
        errors.append("没有要更正的内容：请先修改上面的某一项。")
    return request, errors


@router.post("/cases/{case_id}/edit", response_class=HTMLResponse)
def edit_post(request: Request, case_id: str = Path(..., max_length=300), action: str = Form("preview", max_length=20),
              version: str = Form("", max_length=200), region: str = Form("", max_length=FIELD_MAX),
              field: str = Form("", max_length=FIELD_MAX), sector: str = Form("", max_length=FIELD_MAX),
              unit: str = Form("", max_length=FIELD_MAX), year: str = Form("", max_length=FIELD_MAX),
              model: str = Form("", max_length=FIELD_MAX), illustrative: str = Form("", max_length=FIELD_MAX),
              remove: list[str] = Form([]), add_problems: str = Form("", max_length=LINES_MAX),
              add_measures: str = Form("", max_length=LINES_MAX), o1_name: str = Form("", max_length=FIELD_MAX),
              o1_value: str = Form("", max_length=FIELD_MAX), o1_unit: str = Form("", max_length=FIELD_MAX),
              o1_scope: str = Form("unit", max_length=FIELD_MAX), o2_name: str = Form("", max_length=FIELD_MAX),
              o2_value: str = Form("", max_length=FIELD_MAX), o2_unit: str = Form("", max_length=FIELD_MAX),
              o2_scope: str = Form("unit", max_length=FIELD_MAX), note: str = Form("", max_length=FIELD_MAX),
              store: GraphStore = Depends(get_store)):
    who, refused = _editor(request, f"/cases/{quote(case_id, safe=':')}/edit")
    if refused is not None:
        return refused
    refused = _foreign(request)
    if refused is not None:
        return refused
    if len(remove) > MAX_REMOVE or any(len(r) > 300 for r in remove):
        return error_page(413, "一次勾选的项目太多", f"每次最多去掉 {MAX_REMOVE} 项。")
    form = {"region": region, "field": field, "sector": sector, "unit": unit, "year": year, "model": model,
            "illustrative": illustrative, "remove": remove, "add_problems": add_problems,
            "add_measures": add_measures, "note": note, "version": version,
            "outcomes": _outcome_rows({"o1_name": o1_name, "o1_value": o1_value, "o1_unit": o1_unit,
                                       "o1_scope": o1_scope, "o2_name": o2_name, "o2_value": o2_value,
                                       "o2_unit": o2_unit, "o2_scope": o2_scope})}
    rec = case_record(store, case_id)
    if rec is None:
        return error_page(404, "没有找到这个案例", "案例可能已被删除，或网址有误。")
    changes, errors = form_request(form, rec)
    if errors:
        return _edit_page(request, store, case_id, who, status=422, values=form, errors=errors)
    try:
        if action == "save":
            correct_case(store, case_id, changes, version=version, actor=who.name, note=note)
            return RedirectResponse(f"/cases/{quote(case_id, safe=':')}?saved=corrected", status_code=303)
        plan = plan_correction(store, case_id, changes, version=version)
    except CaseNotFound:
        return error_page(404, "没有找到这个案例", "案例可能已被删除，或网址有误。")
    except VersionConflict:
        return _edit_page(request, store, case_id, who, status=409, errors=[
            "这个案例刚刚被别人更正过（或重新导入过），下面已换成最新内容。请核对后重新填写更正。"])
    except CorrectionError as exc:
        return _edit_page(request, store, case_id, who, status=422, values=form, errors=[exc.zh])
    before, after = plan.before.to_dict(), plan.after.to_dict()
    return _edit_page(request, store, case_id, who, values=form, preview=preview_rows(before, after, plan.change),
                      lines=change_lines(plan.change))


# --- candidates --------------------------------------------------------------------------------------------------

DONE = {"accept": "已接受为新概念，相关案例已重新关联。", "merge": "已并入已有概念，相关案例已重新关联。",
        "reject": "已否决，今后不再提出，相关案例已去掉这个候选。"}


def _candidates_page(request: Request, store: GraphStore, who: Principal, number: int, *, status: int = 200,
                     done: str = "", errors: list[str] | None = None) -> HTMLResponse:
    items, total = list_candidates(store)
    p = pager(total, number, PAGE_SIZE, lambda n: f"/review?page={n}")
    rows = candidate_rows(items[(p.number - 1) * PAGE_SIZE:p.number * PAGE_SIZE], taxonomy())
    return page("candidates.html", status=status, title="候选概念审核", crumbs=[("/", "首页"), ("", "候选概念审核")],
                rows=rows, page=p, who=who, done=done, errors=errors or [])


@router.get("/review", response_class=HTMLResponse)
def candidates_page(request: Request, page_number: int = Query(1, alias="page", ge=1, le=100_000),
                    done: str = Query("", max_length=10), store: GraphStore = Depends(get_store)) -> HTMLResponse:
    who, refused = _editor(request, "/review")
    return refused or _candidates_page(request, store, who, page_number, done=DONE.get(done, ""))


@router.post("/review/{candidate_id}/decide", response_class=HTMLResponse)
def decide(request: Request, candidate_id: str = Path(..., max_length=300), action: str = Form(..., max_length=10),
           name: str = Form("", max_length=40), of: str = Form("", max_length=120),
           reason: str = Form("", max_length=500), page_number: int = Form(1, alias="page", ge=1, le=100_000),
           store: GraphStore = Depends(get_store), settings: Settings = Depends(get_settings)):
    who, refused = _editor(request, "/review")
    if refused is not None:
        return refused
    refused = _foreign(request)
    if refused is not None:
        return refused
    path = settings.accepted_concepts_path
    try:
        if action == "accept":
            accept(store, path, candidate_id, as_="new", name=name.strip() or None, actor=who.name)
        elif action == "merge":
            accept(store, path, candidate_id, as_="synonym", of=of, actor=who.name)
        elif action == "reject":
            reject(store, path, candidate_id, reason=reason, actor=who.name)
        else:
            return error_page(400, "无法识别的操作", "请从候选概念审核页面操作。")
    except ReviewError as exc:
        return _candidates_page(request, store, who, page_number, status=exc.status, errors=[exc.zh])
    except CorrectionError as exc:
        return _candidates_page(request, store, who, page_number, status=422, errors=[exc.zh])
    except VersionConflict:
        return _candidates_page(request, store, who, page_number, status=409,
                                errors=["相关案例正被修改，请稍后再试。"])
    return RedirectResponse(f"/review?page={page_number}&done={action}", status_code=303)

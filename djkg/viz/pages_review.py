"""The review pages in words: what a correction changed (the case page lists them with who and when), a case's
edit form and its before/after preview, and the candidates waiting for review."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

from ..graph import schema as S
from ..graph.review import Correction
from . import labels as L
from .text import num, outcome_label, place

BEIJING = timezone(timedelta(hours=8))
OUTCOME_ROWS = 2                      # empty rows for new outcomes in the edit form
SCOPES = {"unit": "本单位的成效", "region": "所在地区的数字"}


def when(at: str) -> str:
    """A stored UTC time as people here read it (北京时间, to the minute)."""
    try:
        moment = datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return at or ""
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def _names(refs: Iterable[dict[str, Any]]) -> str:
    return "、".join(str(r.get("name") or "") for r in refs)


def change_lines(change: dict[str, Any]) -> list[str]:
    """One sentence per thing a correction changed."""
    out: list[str] = []
    if "region" in change:
        out.append(f"地区改为：{place(change['region']) or '未能确定'}")
    if "industry" in change:
        ind = change["industry"]
        out.append(f"领域改为：{ind.get('field') or '未能确定'}" + (f"（{ind['sector']}）" if ind.get("sector") else ""))
    if "unit" in change:
        out.append(f"单位改为：{change['unit']}")
    if "year" in change:
        out.append(f"年份改为：{change['year']}")
    if "model" in change:
        out.append(f"模式改为：{change['model']['name']}" if change["model"] else "不再归入任何模式")
    if "illustrative" in change:
        out.append("标为示意案例" if change["illustrative"] else "标为有来源的案例")
    for key in ("problems", "measures"):
        word = L.SENTENCE_ROLES["problem" if key == "problems" else "measure"]
        edit = change.get(key) or {}
        if edit.get("add"):
            out.append(f"添加{word}：{_names(edit['add'])}")
        if edit.get("remove"):
            out.append(f"去掉{word}：{_names(edit['remove'])}")
    edit = change.get("outcomes") or {}
    for o in edit.get("add", []):
        figure = "" if o.get("value") is None else f" {num(o['value'])}{o.get('unit') or ''}"
        out.append(f"添加成效：{o.get('name')}{figure}（{SCOPES.get(o.get('scope') or 'unit', '')}）")
    if edit.get("remove"):
        out.append(f"去掉成效 {len(edit['remove'])} 项")
    return out


def correction_rows(corrections: list[Correction]) -> list[dict[str, Any]]:
    """The case page's list of corrections, newest first."""
    return [{"when": when(k.at), "who": k.actor, "lines": change_lines(k.change), "note": k.note}
            for k in sorted(corrections, key=lambda k: -k.seq)]


# --- the edit form --------------------------------------------------------------------------------------------

def edit_values(rec: dict[str, Any]) -> dict[str, Any]:
    """The form's fields as a case record has them (what an untouched form sends back)."""
    industry = rec.get("industry") or {}
    return {"region": place(rec.get("region")), "field": industry.get("field") or "",
            "sector": industry.get("sector") or "", "unit": rec.get("unit") or "",
            "year": str(rec.get("year") or ""), "model": (rec.get("model") or {}).get("name") or "",
            "illustrative": "1" if rec.get("illustrative") else "0", "add_problems": "", "add_measures": "",
            "outcomes": [dict.fromkeys(("name", "value", "unit", "scope"), "") for _ in range(OUTCOME_ROWS)],
            "remove": [], "note": ""}


def current_facts(rec: dict[str, Any]) -> dict[str, list[dict[str, str]]]:
    """What the case holds now, each with the id a form posts back to remove it."""
    return {"problems": [{"id": p["id"], "name": p.get("name") or ""} for p in rec.get("problems") or []],
            "measures": [{"id": m["id"], "name": m.get("name") or ""} for m in rec.get("measures") or []],
            "outcomes": [{"id": o["id"], "name": outcome_label(o)} for o in rec.get("outcomes") or []]}


def preview_rows(before: dict[str, Any], after: dict[str, Any], change: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(what, before, after) for every fact the change touches."""
    def text(rec: dict[str, Any], key: str) -> str:
        if key == "region":
            return place(rec.get("region")) or "未能确定"
        if key == "industry":
            ind = rec.get("industry") or {}
            return (ind.get("field") or "未能确定") + (f"（{ind['sector']}）" if ind.get("sector") else "")
        if key == "model":
            return (rec.get("model") or {}).get("name") or "没有归入已知模式"
        if key == "illustrative":
            return "示意案例" if rec.get("illustrative") else "有来源"
        if key in ("problems", "measures"):
            return "、".join(m.get("name") or "" for m in rec.get(key) or []) or "（无）"
        if key == "outcomes":
            return "；".join(outcome_label(o) for o in rec.get("outcomes") or []) or "（无）"
        return str(rec.get(key) or "未写明")
    words = {"region": "地区", "industry": "领域", "unit": "单位", "year": "年份", "model": "模式",
             "illustrative": "来源", "problems": "问题", "measures": "做法", "outcomes": "成效"}
    return [(words[k], text(before, k), text(after, k)) for k in words if k in change]


# --- candidates ------------------------------------------------------------------------------------------------

def candidate_rows(items: list[dict[str, Any]], tx) -> list[dict[str, Any]]:
    """Each candidate with its kind in words, the sentences naming it and the concepts it could be merged into."""
    concepts = {S.PROBLEM: tx.problems, S.MEASURE: tx.measures, S.MODEL: tx.models}
    return [{"id": c["id"], "kind": L.NODE_TYPES[c["label"]].zh, "name": c["name"], "cases": c["cases"],
             "evidence": c.get("evidence") or [], "can_be_new": c["label"] != S.MODEL,
             "merge_into": sorted(((k.id, k.name) for k in concepts[c["label"]].values()), key=lambda x: x[1])}
            for c in items]

"""The case page (/cases/{id}): the whole write-up with its problem, measure and outcome sentences marked, the
extracted facts as a table, quality flags in plain words, and where the case comes from."""

from __future__ import annotations

import re
from typing import Any

from ..graph.store import GraphStore
from ..queries.cases import case_record
from . import labels as L
from .highlight import marks_of, paragraphs
from .pages_review import correction_rows
from .text import outcome_direction, outcome_label, outcome_metric, outcome_value, place, place_chain

_ASCII_NOTE = re.compile(r"[（(]\s*[A-Za-z][A-Za-z ]*\s*[）)]")
_URL = re.compile(r"^https?://[^\s\"'<>]+$")


def source_items(rec: dict[str, Any]) -> list[dict[str, str]]:
    """Where the case comes from, one line each: 《title》 publication date, with the address only if it is an
    http(s) URL (a ``javascript:`` or other address is never a link)."""
    raw = rec.get("sources")
    if not raw and rec.get("source_note"):          # stores written before sources were a list
        raw = [{"publication": rec["source_note"]}]
    if isinstance(raw, (str, dict)):
        raw = [raw]
    out = []
    for item in raw or []:
        item = {"publication": item} if isinstance(item, str) else dict(item)
        words = [f"《{item['title']}》" if item.get("title") else "", str(item.get("publication") or ""),
                 str(item.get("date") or "")]
        text = _ASCII_NOTE.sub("", " ".join(w for w in words if w)).strip()   # "示意（illustrative）": Chinese only
        url = str(item.get("url") or "")
        if text or url:
            out.append({"text": text or "原文链接", "url": url if _URL.match(url) else ""})
    return out


def case_context(store: GraphStore, case_id: str) -> dict[str, Any] | None:
    rec = case_record(store, case_id, with_text=True)
    if rec is None:
        return None
    # what people corrected, by whom and when (kept beside the extracted facts, graph/review.py)
    return {**record_context(rec), "corrections": correction_rows(store.corrections([case_id]).get(case_id, []))}


def record_context(rec: dict[str, Any]) -> dict[str, Any]:
    """The page's context for a case record — stored (``case_record``) or extracted but not saved (the submit
    preview): both have the ingest JSON shape."""
    paras = paragraphs(rec.get("text") or "", marks_of(rec))
    title = rec.get("title") or "（无标题）"
    if paras and paras[0].heading and "".join(r.text for r in paras[0].runs).strip() == title:
        paras = paras[1:]                      # the title is the page's heading already
    region = rec.get("region") or {}
    industry = rec.get("industry") or {}
    facts: list[tuple[str, str, str]] = []   # (kind, what, the sentence it came from)
    for p in rec["problems"]:
        name = (p.get("name") or "") + (L.LEARNED_PROBLEM if p.get("learned") else "")
        facts.append((L.SENTENCE_ROLES["problem"], name, p.get("evidence") or ""))
    for m in rec["measures"]:
        name = (m.get("name") or "") + (L.LEARNED_MEASURE if m.get("learned") else "")
        facts.append((L.SENTENCE_ROLES["measure"], name, m.get("evidence") or ""))
    rows = [{"metric": outcome_metric(o), "value": outcome_value(o), "direction": outcome_direction(o),
             "label": outcome_label(o), "evidence": o.get("evidence") or "", "region": o.get("scope") == "region"}
            for o in rec["outcomes"]]
    # the unit's own results, and apart from them the figures of the wider area the text also gives
    outcomes = [r for r in rows if not r["region"]]
    area_figures = [r for r in rows if r["region"]]
    illustrative = bool(rec.get("illustrative"))
    flags = [L.flag_text(f) for f in rec.get("flags") or []]
    signals = [L.flag_text(s) for s in rec.get("signals") or [] if s in L.SIGNALS]
    sources = source_items(rec)
    source_kind = (L.SOURCE_KINDS["illustrative"] if illustrative
                   else L.PUBLICLY_SOURCED if sources else L.UNCITED)
    chain = place_chain(region)
    crumbs = [("/", "首页"), ("/cases", "案例库")]
    if chain:
        crumbs.append((f"/regions/{chain[-1]}", chain[-1]))
    crumbs.append(("", title))
    return {
        "title": title, "case": rec, "paragraphs": paras, "facts": facts, "outcomes": outcomes, "area_figures": area_figures,
        "place": place(region), "region_chain": chain, "field": industry.get("field") or "",
        "sector": industry.get("sector") or "", "field_learned": bool(industry.get("learned")),
        "learned_mark": L.LEARNED_FIELD,
        "sources": sources, "source_kind": source_kind, "reported": rec.get("reported") or "", "illustrative": illustrative,
        "flags": flags, "signals": signals, "roles": L.SENTENCE_ROLES, "crumbs": crumbs,
        "model": rec.get("model"), "marked": sum(1 for p in paras for r in p.runs if r.role),
    }

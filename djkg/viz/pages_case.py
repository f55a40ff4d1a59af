"""The case page (/cases/{id}): the whole write-up with its problem, measure and outcome sentences marked, the
extracted facts as a table, quality flags in plain words, and where the case comes from."""

from __future__ import annotations

import re
from typing import Any

from ..graph.store import GraphStore
from ..queries.cases import case_record
from . import labels as L
from .highlight import marks_of, paragraphs
from .text import outcome_direction, outcome_label, outcome_metric, outcome_value, place, place_chain

_ASCII_NOTE = re.compile(r"[（(]\s*[A-Za-z][A-Za-z ]*\s*[）)]")
_URL = re.compile(r"https?://[^\s\"'<>，。；）)]+")


def source_parts(note: str | None) -> list[tuple[str, str | None]]:
    """The source note as (text, url-or-None) pieces, so a link inside it becomes a link."""
    note = _ASCII_NOTE.sub("", str(note or ""))   # "示意案例（illustrative）": the page says it in Chinese only
    out: list[tuple[str, str | None]] = []
    pos = 0
    for m in _URL.finditer(note):
        if m.start() > pos:
            out.append((note[pos:m.start()], None))
        out.append((m.group(0), m.group(0)))
        pos = m.end()
    if pos < len(note):
        out.append((note[pos:], None))
    return out


def case_context(store: GraphStore, case_id: str) -> dict[str, Any] | None:
    rec = case_record(store, case_id, with_text=True)
    return None if rec is None else record_context(rec)


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
        facts.append((L.SENTENCE_ROLES["problem"], p.get("name") or "", p.get("evidence") or ""))
    for m in rec["measures"]:
        facts.append((L.SENTENCE_ROLES["measure"], m.get("name") or "", m.get("evidence") or ""))
    outcomes = [{"metric": outcome_metric(o), "value": outcome_value(o), "direction": outcome_direction(o),
                 "label": outcome_label(o), "evidence": o.get("evidence") or ""} for o in rec["outcomes"]]
    note = rec.get("source_note")
    illustrative = bool(rec.get("illustrative"))
    flags = [L.flag_text(f) for f in rec.get("flags") or []]
    signals = [L.flag_text(s) for s in rec.get("signals") or [] if s in L.SIGNALS]
    chain = place_chain(region)
    crumbs = [("/", "首页"), ("/cases", "案例库")]
    if chain:
        crumbs.append((f"/regions/{chain[-1]}", chain[-1]))
    crumbs.append(("", title))
    return {
        "title": title, "case": rec, "paragraphs": paras, "facts": facts, "outcomes": outcomes,
        "place": place(region), "region_chain": chain, "field": industry.get("field") or "",
        "sector": industry.get("sector") or "", "source": source_parts(note), "illustrative": illustrative,
        "flags": flags, "signals": signals, "roles": L.SENTENCE_ROLES, "crumbs": crumbs,
        "model": rec.get("model"), "marked": sum(1 for p in paras for r in p.runs if r.role),
    }

"""Corrections of a case's facts: what an editor may change, resolved against the gazetteer and the taxonomy, and
applied to an ``ExtractedCase`` before it is built — on the stored case when the correction is made, and again
on every new extraction when the case is re-ingested (``pipeline.write_batch``), so a re-ingest keeps them.

A request (API/CLI field names) → ``resolve`` → a *change*, the stored form (``graph/review.py: Correction``):

    region      {"province", "city", "county", "adcode"}     industry  {"field", "sector"}
    unit        str          year  int        illustrative  bool (False = documented)
    model       {"id", "name"} or None (no model)
    problems / measures   {"add": [{"id", "name"}], "remove": [{"id", "name"}]}
    outcomes    {"add": [{"name", "metric", "value", "unit", "direction", "scope"}], "remove": [outcome ids]}
                (scope: "unit" — the unit's own result — or "region", a figure of the wider area)

``apply`` is forgiving where ``resolve`` is strict: removing what a new extraction no longer has is a no-op, and
concepts are looked up again by name, so a correction naming a candidate follows it when it is accepted.
"""

from __future__ import annotations

import copy
import math
import re
import unicodedata
from dataclasses import replace
from typing import Any, Callable

from ..graph import schema as S
from ..graph.schema import CaseGraph, Node
from .build import build
from .extract import ExtractedCase, Mention
from .normalise import convert_numerals, normalise_short
from .outcomes import OutcomeFact
from .taxonomy import Taxonomy, taxonomy, unquoted

# what a reviewer's addition shows where extraction shows the sentence it came from
MANUAL_EVIDENCE = "（人工更正添加）"
MAX_NAME_CHARS = 60
MAX_ITEMS = 20
MAX_VALUE = 1e12
DIRECTIONS = ("up", "down", "none")
SCOPES = ("unit", "region")
CONCEPT_EDITS = (("problems", S.PROBLEM), ("measures", S.MEASURE))


class CorrectionError(ValueError):
    """A correction that cannot be made as asked; ``field`` names the request field."""

    def __init__(self, field: str, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.field, self.zh, self.en = field, zh, en


# --- checking what people type ---------------------------------------------------------------------

_MARKUP = re.compile(r"[<>]")


def has_control(text: str) -> bool:
    """Control or format characters (NUL, ESC, bidi overrides, zero-width …); newlines and tabs only where allowed."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") and ch not in "\n\t" for ch in text)


def clean_name(value: Any, field: str, *, max_chars: int = MAX_NAME_CHARS) -> str:
    """A short label (unit, phrase, metric …): normalised, non-empty, no control characters, no markup."""
    if not isinstance(value, str):
        raise CorrectionError(field, f"{field} 必须是文字", f"{field} must be text")
    if has_control(value) or "\n" in value or "\t" in value:
        raise CorrectionError(field, f"{field} 含有控制字符", f"{field} contains control characters")
    text = normalise_short(value)
    if _MARKUP.search(text):
        raise CorrectionError(field, f"{field} 不能含有尖括号（< >）", f"{field} must not contain markup (< >)")
    if not text:
        raise CorrectionError(field, f"{field} 不能为空", f"{field} is empty")
    if len(text) > max_chars:
        raise CorrectionError(field, f"{field} 过长（上限 {max_chars} 字）", f"{field} too long (max {max_chars})")
    return text


def clean_note(value: Any, field: str = "note", *, max_chars: int = 500) -> str:
    """Free text (a reason): kept as typed apart from surrounding space; control characters refused."""
    if value is None:
        return ""
    if not isinstance(value, str) or has_control(value):
        raise CorrectionError(field, f"{field} 含有控制字符或不是文字", f"{field} is not plain text")
    if len(value) > max_chars:
        raise CorrectionError(field, f"{field} 过长（上限 {max_chars} 字）", f"{field} too long (max {max_chars})")
    return value.strip()


# --- a stored case back to its extracted form ----------------------------------------------------------

def case_from_graph(graph: CaseGraph) -> ExtractedCase:
    """The ``ExtractedCase`` a stored CaseGraph was built from (``build`` of it gives the same graph)."""
    p = graph.case.props
    nodes = {n.id: n for n in graph.nodes}
    problems: list[Mention] = []
    measures: list[Mention] = []
    outcomes: list[OutcomeFact] = []
    model = None
    for e in graph.edges:
        if e.src != graph.id or e.dst not in nodes:
            continue
        node = nodes[e.dst]
        if e.type in (S.FACES, S.APPLIES):
            m = Mention(node.id, str(node.props.get("name") or ""), str(e.props.get("evidence") or ""),
                        candidate=bool(node.props.get("candidate")), learned=bool(e.props.get("learned")))
            (problems if e.type == S.FACES else measures).append(m)
        elif e.type == S.ACHIEVES:
            o = node.props
            outcomes.append(OutcomeFact(o.get("metric") or "", o.get("name") or "", o.get("value"), o.get("unit") or "",
                                        o.get("direction") or "none", o.get("evidence") or "", o.get("from"),
                                        o.get("scope") or "unit", bool(o.get("approx"))))
        elif e.type == S.INSTANCE_OF:
            model = {"id": node.id, "name": node.props.get("name")}
            if node.props.get("candidate"):
                model["candidate"] = True
    meta = {"source": p.get("sources"), "reported": p.get("reported"), "style": p.get("style"),
            "illustrative": bool(p.get("illustrative")), "synthetic": bool(p.get("synthetic"))}
    return ExtractedCase(
        source=p.get("source") or "", id=graph.id, title=p.get("title") or "", unit=p.get("unit") or "",
        brand=p.get("brand") or "", year=p.get("year"),
        region=dict(p.get("region") or {"province": None, "city": None, "county": None, "adcode": None}),
        industry=dict(p.get("industry") or {"field": None, "sector": None}), problems=problems, measures=measures,
        outcomes=outcomes, model=model, flags=list(p.get("flags") or []), signals=list(p.get("signals") or []),
        warnings=[], text=p.get("text") or "", meta=meta)


def rebuild(graph: CaseGraph, change: Callable[[ExtractedCase], None], tx: Taxonomy | None = None) -> CaseGraph:
    """The stored case with ``change`` made to its facts, built again (aggregated edges, counts and concept
    properties follow). Case properties ``build`` does not derive are carried over as stored."""
    tx = tx or taxonomy()
    case = case_from_graph(graph)
    change(case)
    relink(case, tx)
    new = build(case, tx)
    root = Node(new.id, S.CASE, {**graph.case.props, **new.case.props})
    return CaseGraph(case=root, nodes=new.nodes, edges=new.edges)


def relink(case: ExtractedCase, tx: Taxonomy) -> None:
    """Candidate mentions the taxonomy now knows point at their concept; rejected phrases are dropped."""
    for attr, label in (("problems", S.PROBLEM), ("measures", S.MEASURE)):
        kept: list[Mention] = []
        seen: set[str] = set()
        for m in getattr(case, attr):
            if m.candidate:
                if tx.is_rejected(label, m.name):
                    continue
                concept = tx.resolve_name(label, m.name) or tx.resolve_name(label, unquoted(m.name))
                if concept is not None:
                    m = Mention(concept.id, concept.name, m.evidence)
            if m.id not in seen:
                seen.add(m.id)
                kept.append(m)
        setattr(case, attr, kept)
    if case.model and case.model.get("candidate"):
        name = case.model.get("name") or ""
        concept = tx.resolve_name(S.MODEL, name) or tx.resolve_name(S.MODEL, unquoted(name))
        if concept is not None:
            case.model = {"id": concept.id, "name": concept.name}
        elif tx.is_rejected(S.MODEL, name):
            case.model = None


# --- request → change ------------------------------------------------------------------------------------

def resolve(request: dict[str, Any], current: ExtractedCase, tx: Taxonomy | None = None) -> dict[str, Any]:
    """What an editor asked for (only the fields given) → the change to store. Strict: an unknown region, field,
    model or metric, or removing what the case does not have, raises ``CorrectionError``."""
    tx = tx or taxonomy()
    change: dict[str, Any] = {}
    if "region" in request:
        change["region"] = _region(request["region"])
    if "field" in request or "sector" in request:
        change["industry"] = _industry(request.get("field"), request.get("sector"), current)
    if "unit" in request:
        change["unit"] = clean_name(request["unit"], "unit", max_chars=200)
    if "year" in request:
        year = request["year"]
        if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2100:
            raise CorrectionError("year", "年份应为 1949–2100 的整数", "year must be an integer 1949–2100")
        change["year"] = year
    if "illustrative" in request:
        if not isinstance(request["illustrative"], bool):
            raise CorrectionError("illustrative", "illustrative 应为 true 或 false", "illustrative must be a boolean")
        change["illustrative"] = request["illustrative"]
    if "model" in request:
        change["model"] = None if request["model"] in (None, "") else _model(request["model"], tx)
    for attr, label in CONCEPT_EDITS:
        edit = _concept_edit(request, attr, label, current, tx)
        if edit:
            change[attr] = edit
    outcomes = _outcome_edit(request, current, tx)
    if outcomes:
        change["outcomes"] = outcomes
    if not change:
        raise CorrectionError("body", "没有要更正的内容", "nothing to correct")
    return change


def _region(value: Any) -> dict[str, Any]:
    text = clean_name(value, "region", max_chars=100)
    from .regions import gazetteer
    g = gazetteer()
    match = g.match(text) if text.isdigit() and g.division(text) is not None else g.resolve(text, hint=text)
    if match is None:
        raise CorrectionError("region", f"无法识别地区“{text}”，请写出省、市或县的名称或 6 位区划代码",
                              f"unknown region: {text!r}")
    return {"province": match.province, "city": match.city, "county": match.county, "adcode": match.adcode}


def _industry(field: Any, sector: Any, current: ExtractedCase) -> dict[str, Any]:
    from .industry import resolve_field
    if field is not None:
        name = clean_name(field, "field", max_chars=20)
        resolved = resolve_field(name, from_cues=False)   # a correction names the field, it is not guessed
        if resolved is None:
            raise CorrectionError("field", f"无法识别领域“{name}”，可选：{'、'.join(S.FIELDS)}", f"unknown field: {name!r}")
    else:
        resolved = (current.industry or {}).get("field")
        if not resolved:
            raise CorrectionError("sector", "案例没有领域，请同时给出 field", "the case has no field: give field too")
    if sector is None:
        keep = (current.industry or {}).get("sector") if resolved == (current.industry or {}).get("field") else None
        return {"field": resolved, "sector": keep}
    if sector == "":
        return {"field": resolved, "sector": None}
    return {"field": resolved, "sector": clean_name(sector, "sector", max_chars=40)}


def _model(value: Any, tx: Taxonomy) -> dict[str, Any]:
    text = clean_name(value, "model", max_chars=120)
    concept = tx.by_id.get(text) if text.startswith("model:") else tx.resolve_name(S.MODEL, text)
    if concept is None or concept.label != S.MODEL:
        raise CorrectionError("model", f"“{text}”不是已知模式（可用模式 id 或名称）", f"unknown model: {text!r}")
    return {"id": concept.id, "name": concept.name}


def _concept_ref(value: Any, field: str, label: str, tx: Taxonomy) -> dict[str, Any]:
    text = clean_name(value, field)
    concept = tx.by_id.get(text) or tx.resolve_name(label, text)
    if concept is not None and concept.label == label:
        return {"id": concept.id, "name": concept.name}
    if re.fullmatch(r"(problem|measure|model):[\w.\-]+", text):   # a candidate is added by its phrase, not its id
        raise CorrectionError(field, f"未知的 id：{text}（候选概念请写出名称）", f"unknown id: {text} (name a candidate by its phrase)")
    if len(text) < 2:
        raise CorrectionError(field, "新概念的名称至少 2 个字", "a new concept needs at least 2 characters")
    return {"id": S.concept_id(label, text), "name": text, "candidate": True}


def _concept_edit(request: dict[str, Any], attr: str, label: str, current: ExtractedCase,
                  tx: Taxonomy) -> dict[str, list]:
    add_key, remove_key = f"add_{attr}", f"remove_{attr}"
    adds = _items(request.get(add_key), add_key)
    removes = _items(request.get(remove_key), remove_key)
    edit: dict[str, list] = {}
    if adds:
        edit["add"] = [_concept_ref(v, add_key, label, tx) for v in adds]
    if removes:
        have = getattr(current, attr)
        out = []
        for v in removes:
            text = clean_name(v, remove_key)
            hit = next((m for m in have if m.id == text or S.normalise_key(m.name) == S.normalise_key(text)), None)
            if hit is None:
                raise CorrectionError(remove_key, f"案例中没有“{text}”", f"the case has no {text!r}")
            out.append({"id": hit.id, "name": hit.name})
        edit["remove"] = out
    return edit


def _items(value: Any, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise CorrectionError(field, f"{field} 应为列表", f"{field} must be a list")
    if len(value) > MAX_ITEMS:
        raise CorrectionError(field, f"{field} 最多 {MAX_ITEMS} 项", f"{field}: at most {MAX_ITEMS} items")
    return value


def _outcome_edit(request: dict[str, Any], current: ExtractedCase, tx: Taxonomy) -> dict[str, list]:
    adds = _items(request.get("add_outcomes"), "add_outcomes")
    removes = _items(request.get("remove_outcomes"), "remove_outcomes")
    edit: dict[str, list] = {}
    if adds:
        edit["add"] = [_outcome(o, tx) for o in adds]
    if removes:
        have = {S.outcome_id(current.id, o.metric or o.name, o.value, o.evidence) for o in current.outcomes}
        for oid in removes:
            if not isinstance(oid, str) or oid not in have:
                raise CorrectionError("remove_outcomes", f"案例中没有成效 {str(oid)[:80]}", "the case has no such outcome")
        edit["remove"] = list(dict.fromkeys(removes))
    return edit


def _outcome(item: Any, tx: Taxonomy) -> dict[str, Any]:
    f = "add_outcomes"
    if not isinstance(item, dict):
        raise CorrectionError(f, "每项成效应为对象", "each outcome must be an object")
    metric = None
    if item.get("metric") not in (None, ""):
        text = clean_name(item["metric"], f"{f}.metric")
        found = next((m for m in tx.metrics if text in (m.id, m.name)), None)
        if found is None:
            raise CorrectionError(f"{f}.metric", f"未知指标“{text}”", f"unknown metric: {text!r}")
        metric = found
    name = clean_name(item["name"], f"{f}.name") if item.get("name") not in (None, "") else (metric.name if metric else "")
    if not name:
        raise CorrectionError(f"{f}.name", "成效需要名称或指标", "an outcome needs a name or a metric")
    value = item.get("value")
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or abs(value) > MAX_VALUE:
            raise CorrectionError(f"{f}.value", f"数值应为有限数字（绝对值不超过 {MAX_VALUE:.0e}）",
                                  "value must be a finite number")
        value = float(value)
    unit = clean_name(item["unit"], f"{f}.unit", max_chars=12) if item.get("unit") not in (None, "") else None
    scope = item.get("scope") or "unit"
    if scope not in SCOPES:
        raise CorrectionError(f"{f}.scope", "范围应为 unit（本单位成效）或 region（所在地区的数字）",
                              "scope must be unit (the unit's own result) or region (a figure of the wider area)")
    direction = item.get("direction") or (metric.direction if metric else ("up" if value is not None else "none"))
    if direction not in DIRECTIONS:
        raise CorrectionError(f"{f}.direction", "方向应为 up、down 或 none", "direction must be up, down or none")
    return {"name": name, "metric": metric.id if metric else None, "value": value, "unit": unit,
            "direction": direction, "scope": scope}


# --- change → case ---------------------------------------------------------------------------------------

def apply(case: ExtractedCase, change: dict[str, Any], tx: Taxonomy | None = None) -> None:
    """Make a stored change to ``case`` (in place). Re-applying it changes nothing more."""
    tx = tx or taxonomy()
    if "region" in change:   # a person named the place: no longer a guess
        case.region = {**change["region"], "confidence": 1.0}
        case.flags = [f for f in case.flags if f != "region_uncertain"]
    if "industry" in change:
        case.industry = dict(change["industry"])
    if "unit" in change:
        case.unit = change["unit"]
        case.flags = [f for f in case.flags if f != "unit_missing"]
    if "year" in change:
        case.year = change["year"]
    if "illustrative" in change:
        case.meta = {**case.meta, "illustrative": change["illustrative"]}
    if "model" in change:
        case.model = None if change["model"] is None else _current_ref(change["model"], S.MODEL, tx)
    for attr, label in CONCEPT_EDITS:
        edit = change.get(attr) or {}
        mentions = getattr(case, attr)
        for ref in edit.get("remove", []):
            targets = {ref["id"], _current_ref(ref, label, tx)["id"]}
            key = S.normalise_key(ref.get("name") or "")
            mentions = [m for m in mentions if m.id not in targets and S.normalise_key(m.name) != key]
        for ref in edit.get("add", []):
            now = _current_ref(ref, label, tx)
            if now.get("rejected"):
                continue
            had = next((k for k, m in enumerate(mentions) if m.id == now["id"]), None)
            if had is not None:
                if mentions[had].learned:   # an editor names what a concept model read into the wording: confirmed
                    mentions[had] = replace(mentions[had], learned=False)
                continue
            mentions.append(Mention(now["id"], now["name"], MANUAL_EVIDENCE, candidate=bool(now.get("candidate"))))
        setattr(case, attr, mentions)
    edit = change.get("outcomes") or {}
    if edit.get("remove"):
        gone = set(edit["remove"])
        case.outcomes = [o for o in case.outcomes if not _outcome_ids(case.id, o) & gone]
    for o in edit.get("add", []):
        fact = OutcomeFact(o.get("metric") or "", o["name"], o.get("value"), o.get("unit") or "",
                           o.get("direction") or "none", _outcome_evidence(o), scope=o.get("scope") or "unit")
        if not any(_same_outcome(fact, x) for x in case.outcomes):
            case.outcomes.append(fact)


def _outcome_ids(case_id: str, o: OutcomeFact) -> set[str]:
    """The ids an outcome has had: its evidence is kept as written ("增加到三十五万元") since the thirty-seventh
    session and was kept as read ("增加到35万元") before it, and an outcome's id is made from its evidence — a
    removal recorded against the older id still removes it."""
    ids = {S.outcome_id(case_id, o.metric or o.name, o.value, o.evidence)}
    read = convert_numerals(o.evidence)
    if read != o.evidence:
        ids.add(S.outcome_id(case_id, o.metric or o.name, o.value, read))
    return ids


def apply_all(case: ExtractedCase, changes: list[dict[str, Any]], tx: Taxonomy | None = None) -> ExtractedCase:
    """A copy of ``case`` with every change made in order (the input is left as extracted)."""
    tx = tx or taxonomy()
    out = copy.deepcopy(case)
    for change in changes:
        apply(out, change, tx)
    relink(out, tx)
    return out


def _current_ref(ref: dict[str, Any], label: str, tx: Taxonomy) -> dict[str, Any]:
    """A stored concept reference as the taxonomy knows it now (a candidate may have been accepted or rejected)."""
    concept = tx.by_id.get(ref["id"]) or tx.resolve_name(label, ref.get("name"))
    if concept is not None:
        return {"id": concept.id, "name": concept.name}
    if tx.is_rejected(label, ref.get("name") or ""):
        return {**ref, "rejected": True}
    return dict(ref)


def _outcome_evidence(o: dict[str, Any]) -> str:
    figure = "" if o.get("value") is None else f"{o['value']:g}{o.get('unit') or ''}"
    return f"{MANUAL_EVIDENCE}{o['name']}{figure}" + ("（地区数字）" if o.get("scope") == "region" else "")


def _same_outcome(a: OutcomeFact, b: OutcomeFact) -> bool:
    return (a.metric, a.name, a.value, a.unit, a.evidence) == (b.metric, b.name, b.value, b.unit, b.evidence)


def describe(case: ExtractedCase, keys: list[str] | tuple[str, ...]) -> dict[str, Any]:
    """The facts a change touches, as they are in ``case`` (the audit trail's before and after)."""
    out: dict[str, Any] = {}
    for key in keys:
        if key == "illustrative":
            out[key] = bool(case.meta.get("illustrative"))
        elif key in ("problems", "measures"):
            out[key] = [m.id for m in getattr(case, key)]
        elif key == "outcomes":
            out[key] = [{"id": S.outcome_id(case.id, o.metric or o.name, o.value, o.evidence), "name": o.name,
                         "value": o.value, "unit": o.unit or None} for o in case.outcomes]
        elif key in ("region", "industry", "unit", "year", "model"):
            value = getattr(case, key)
            out[key] = dict(value) if isinstance(value, dict) else value
    return out

"""Sentences for the pages: outcome labels, maturity in words and on a scale, reasons from explanation paths,
first steps, place names and warnings in Chinese only. Every code is turned into words here or in ``labels.py``;
nothing returned contains an id or an English code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..core.contract import Evidence, ExplanationPath, Maturity, OutcomeFigure, Profile, RecommendedModel
from ..graph import schema as S
from . import labels as L

def clip(text: Any, n: int = 120) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def num(v: Any) -> str:
    """A number as people write it: 12 not 12.0, 98.62 as is, no float noise."""
    if isinstance(v, bool) or v is None:
        return ""
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return f"{v:.4f}".rstrip("0").rstrip(".")
    return str(v)


# --- outcomes -------------------------------------------------------------------------------------------

# what a bare number counts, by its unit, when the write-up gave no usable noun before it
UNIT_NOUNS = {"元": "金额", "千元": "金额", "万元": "金额", "亿元": "金额", "万": "数量", "%": "比例", "‰": "比例",
              "个百分点": "变化幅度", "人": "人数", "名": "人数", "位": "人数", "万人": "人数", "余人": "人数", "多人": "人数",
              "人次": "人次", "万人次": "人次", "余人次": "人次", "多人次": "人次", "户": "户数", "万户": "户数",
              "户次": "户次", "亩": "面积", "万亩": "面积", "天": "时长", "小时": "时长", "分钟": "时长", "公里": "里程",
              "吨": "重量", "件": "件数", "余件": "件数", "多件": "件数", "次": "次数", "余次": "次数", "多次": "次数",
              "项": "项目数", "条": "条数", "家": "单位数", "余家": "单位数", "多家": "单位数", "所": "单位数", "支": "队伍数",
              "场": "场次", "批": "批次", "座": "数量", "间": "数量", "套": "数量", "单": "单数", "起": "起数", "处": "处数",
              "倍": "倍数"}
_LEAD = re.compile(r"^(?:并|且|和|及|共|累计|其中|已|目前|全年|同比|较|比|有|全|各|这|该|此|另有|还有|先后|相继|新)+")
_TRAIL = re.compile(r"(?:中有|共有|达到|超过|突破|增至|升至|降至|减至|提高|提升|增加|增长|减少|下降|累计|新增|共|有|达|为|是|近|约|超|了|到|的)+$")
_NOT_NOUN = re.compile(r"[“”\"'‘’《》（）()\[\]【】<>{}:：,，;；!！?？]|\d")


def outcome_metric(o: Mapping[str, Any] | OutcomeFigure) -> str:
    """What was measured, as a noun phrase: the metric's name, else a cleaned phrase, else a noun for the unit."""
    d = o.model_dump() if isinstance(o, OutcomeFigure) else dict(o)
    name = str(d.get("name") or "").strip()
    unit = str(d.get("unit") or "")
    if d.get("value") is None:                       # a qualitative outcome: its clause is the label
        return clip(name, 40) or "定性成效"
    phrase = _TRAIL.sub("", _LEAD.sub("", name)).strip(" 、")
    if 2 <= len(phrase) <= 12 and not _NOT_NOUN.search(phrase) and phrase not in UNIT_NOUNS \
            and not re.search(r"[A-Za-z]", phrase):
        return phrase
    return UNIT_NOUNS.get(unit, "数量")


def outcome_value(o: Mapping[str, Any] | OutcomeFigure) -> str:
    """The figure with its unit after it: 52万元, 98.5%, 12项."""
    d = o.model_dump() if isinstance(o, OutcomeFigure) else dict(o)
    if d.get("value") is None:
        return ""
    unit = str(d.get("unit") or "")
    about = "约" if d.get("approx") and not any(ch in unit for ch in "余多") else ""
    value = f"{about}{num(float(d['value']))}{unit}"
    if d.get("from") is not None:                   # a before/after pair: "3万元 → 30万元"
        value = f"{num(float(d['from']))}{unit} → {value}"
    return value


def outcome_label(o: Mapping[str, Any] | OutcomeFigure) -> str:
    """"村集体经济收入 52万元"; a region-wide figure says so: "村集体经济收入 52万元（全地区）"."""
    d = o.model_dump() if isinstance(o, OutcomeFigure) else dict(o)
    text = outcome_metric(d)
    value = outcome_value(d)
    if value:
        text = f"{text} {value}"
    if d.get("scope") == "region":
        text += f"（{L.SCOPES['region']}数字）"
    return text


def outcome_direction(o: Mapping[str, Any] | OutcomeFigure) -> str:
    d = o.model_dump() if isinstance(o, OutcomeFigure) else dict(o)
    return L.DIRECTIONS.get(str(d.get("direction") or ""), "")


# what outcome_metric says when the write-up named nothing: "数量 5头", "人数 89名" tell no one what changed
_UNIT_ONLY = frozenset(UNIT_NOUNS.values()) | {"数量", "定性成效"}


def best_outcome(outcomes: Iterable[Mapping[str, Any] | OutcomeFigure], *, named: bool = False) -> str:
    """The outcome a reader should see first: a figure of the unit itself (a wider area's figure is never shown as
    the unit's result), a metric of the taxonomy before a noun phrase from the text before a bare count ("数量
    5头"). ``named``: a bare count is no answer ("" instead), for a sentence that says what the work achieved."""
    rows = [o.model_dump() if isinstance(o, OutcomeFigure) else dict(o) for o in outcomes]
    rows = [d for d in rows if d.get("scope") != "region"]
    keyed = sorted((d.get("value") is None, not d.get("metric"), outcome_metric(d) in _UNIT_ONLY, i)
                   for i, d in enumerate(rows))
    if not keyed or (named and keyed[0][2]):
        return ""
    return outcome_label(rows[keyed[0][3]])


# --- maturity --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MaturityRank:
    rank: int          # 1 = most mature
    total: int
    above: float       # share of the other models this one is more mature than, 0–1

    @property
    def text(self) -> str:
        return f"在 {self.total} 个模式中排第 {self.rank}"

    @property
    def percent(self) -> int:
        return round(100 * self.above)

    @property
    def compare(self) -> str:
        """"比 94% 的其他模式成熟" — the most mature is said so, not "高于 100%"."""
        if self.total <= 1:
            return "目前只有这一个模式"
        if self.rank == 1:
            return "是全部模式中最成熟的"
        return f"比 {self.percent}% 的其他模式成熟"


def maturity_ranks(scores: Mapping[str, float]) -> dict[str, MaturityRank]:
    """Rank and percentile of every model's maturity among all models: a scale that tells models apart when
    their levels are all the same word."""
    ordered = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    n = len(ordered)
    out = {}
    for i, (mid, score) in enumerate(ordered):
        below = sum(1 for _, s in ordered if s < score)
        out[mid] = MaturityRank(i + 1, n, below / (n - 1) if n > 1 else 1.0)
    return out


def maturity_words(m: Maturity | None) -> str:
    """"12 个单位、7 个省份采用，9 个有量化成效，推行 6 年"."""
    if m is None or not m.cases:
        return "暂无案例"
    quantified = round(m.quantified_share * m.cases)
    parts = [f"{m.cases} 个单位、{m.provinces} 个省份采用", f"{quantified} 个有量化成效"]
    if m.years_in_use:
        parts.append(f"推行 {m.years_in_use} 年")
    return "，".join(parts)


def maturity_level(m: Maturity | None) -> str:
    return L.MATURITY_LEVELS.get(m.level, "") if m is not None else "暂无案例"


# --- places ----------------------------------------------------------------------------------------------

def place(region: Mapping[str, Any] | None) -> str:
    """Province, city and county joined, a name said once (北京市朝阳区, not 北京市北京市朝阳区)."""
    return "".join(place_chain(region))


def place_chain(region: Mapping[str, Any] | None) -> list[str]:
    """Province, city, county — the names present, each once."""
    region = region or {}
    out: list[str] = []
    for key in ("province", "city", "county"):
        x = region.get(key)
        if x and x not in out:
            out.append(str(x))
    return out


# --- warnings --------------------------------------------------------------------------------------------

_CJK = re.compile(r"[\u4e00-\u9fff]")


def zh_only(message: str) -> str:
    """The Chinese half of a "中文 / English" message; a message without Chinese is said generically."""
    zh = str(message or "").split(" / ", 1)[0].strip()
    zh = re.sub(r"\btop_k\b", "返回数量", zh)
    return zh if _CJK.search(zh) and not re.search(r"[A-Za-z]{3,}", zh) else "系统提示：部分输入未能理解"


# --- reasons from explanation paths ----------------------------------------------------------------------

def _who(ev: Evidence | None, fallback: str) -> str:
    if ev is None:
        return f"案例“{clip(fallback, 30)}”" if fallback else "一个案例"
    unit = ev.unit or ""
    if unit and ev.region and ev.region[:2] not in unit:
        return f"{ev.region}的{clip(unit, 30)}"
    return clip(unit, 30) if unit else f"案例“{clip(ev.title, 30)}”"


def _node(path: ExplanationPath, kind: str, last: bool = False):
    found = [n for n in path.nodes if n.kind == kind]
    return (found[-1] if last else found[0]) if found else None


def path_sentence(path: ExplanationPath, profile: Profile, evidence: Mapping[str, Evidence], model: str) -> str:
    """One explanation path said plainly, from what the user wrote to the model."""
    problem = next((p for p in profile.problems if p.id == path.problem), None)
    pname = (problem.name if problem else "") or (_node(path, S.PROBLEM).name if _node(path, S.PROBLEM) else "")
    if problem is not None and problem.clause:
        said = f"你提到“{clip(problem.clause, 40)}”"
    elif pname:
        said = f"你描述的情况与“{pname}”相近"
    else:
        said = ""
    case = _node(path, S.CASE)
    ev = evidence.get(case.id) if case is not None else None
    who = _who(ev, case.name if case is not None else "")
    result = best_outcome(ev.outcomes, named=True) if ev is not None else ""
    did = f"，采用“{model}”后{result}" if result else f"，采用了“{model}”"
    if path.kind == "problem_case":
        return f"{said}；{who}也面临“{pname}”{did}。"
    if path.kind == "problem_measure":
        measure = _node(path, S.MEASURE)
        mname = measure.name if measure is not None else ""
        return f"{said}；“{model}”的常用做法“{mname}”正是针对“{pname}”的。"
    if path.kind == "field":
        fields = [n.name for n in path.nodes if n.kind == S.INDUSTRY and n.name]
        field = "（".join(fields[:2]) + ("）" if len(fields) > 1 else "")
        return f"和你同属{field}的{who}{did}。"
    if path.kind == "region":
        regions = [n.name for n in path.nodes if n.kind == S.REGION and n.name]
        where = regions[0] if regions else "附近"
        return f"同在{where}的{who}{did}。"
    return f"{who}{did}。"


def reason(item: RecommendedModel, profile: Profile) -> str:
    """The top reason of an item: its first explanation path in words."""
    if not item.paths:
        return ""
    evidence = {e.id: e for e in item.evidence}
    return path_sentence(item.paths[0], profile, evidence, item.model.name)


def other_reasons(item: RecommendedModel, profile: Profile, limit: int = 5) -> list[str]:
    evidence = {e.id: e for e in item.evidence}
    seen: list[str] = []
    for path in item.paths[1:]:
        s = path_sentence(path, profile, evidence, item.model.name)
        if s not in seen:
            seen.append(s)
    return seen[:limit]


def first_steps(item: RecommendedModel, measures: list[tuple[str, str, int]], n: int = 3) -> list[tuple[str, int]]:
    """Two or three first steps: the measures on the item's paths first, then the model's most applied ones.
    ``measures``: (id, name, support) of the model, most applied first."""
    support = {mid: (name, s) for mid, name, s in measures}
    order = [node.id for p in item.paths if p.kind == "problem_measure" for node in p.nodes if node.kind == S.MEASURE]
    order += [mid for mid, _, _ in measures]
    out: list[tuple[str, int]] = []
    for mid in dict.fromkeys(order):
        if mid in support and support[mid][0]:
            out.append(support[mid])
        if len(out) >= n:
            break
    return out


def score_rows(item: RecommendedModel) -> list[tuple[str, str, str, str]]:
    """(component, value, weight, contribution) for the breakdown table, all as display text."""
    rows = []
    for key, value, weight in item.breakdown.components():
        rows.append((L.SCORE_COMPONENTS.get(key, "其他"), f"{value:.2f}", f"{weight:.2f}", f"{value * weight:.3f}"))
    return rows

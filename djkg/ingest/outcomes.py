"""Stage 4c — outcomes: quantified results ({metric, value, unit, direction, evidence}) and qualitative ones.

"由A提高到B" yields B (A is kept as the baseline); counts, money, percentages and durations are read
from outcome sentences; honours and promotion by higher levels (获评…, 被推广…) are qualitative outcomes.
Numbers in problem sentences are baselines, not outcomes, and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sections import Sentence
from .taxonomy import Taxonomy

UNITS = ("个百分点|%|‰|万元|亿元|千元|元|万人次|余人次|多人次|人次|万人|余人|多人|人|万户|户|余个|多个|个|余件|多件|件|余次|多次|次|"
         "余家|多家|家|名|位|天|小时|分钟|公里|万亩|亩|吨|项|条|所|支|场|批|倍|座|间|套|单|起|处|户次|万")
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_TRANSITION = re.compile(
    rf"(?:由|从)\s*(?P<a>{_NUM})\s*(?P<ua>{UNITS})?[^，。；\d]{{0,8}}?"
    rf"(?P<verb>提高|提升|增加|增长|上升|跃升|攀升|下降|减少|降低|缩短|压缩|降|升|增|减)?(?:到|至|为)\s*"
    rf"(?P<b>{_NUM})\s*(?P<ub>{UNITS})")
_QUANTITY = re.compile(rf"(?<![\d.第])(?P<v>{_NUM})\s*(?P<u>(?:余|多)?(?:{UNITS}))(?![\d])")
_YEARISH = re.compile(r"^(19|20)\d{2}$")
_DOWN = ("下降", "减少", "降低", "缩短", "压缩", "降至", "减至", "下滑", "少了")
_UP = ("提高", "提升", "增加", "增长", "上升", "达到", "突破", "跃升", "翻番", "增至", "升至")
_QUALITATIVE = re.compile(r"(获评|被评为|荣获|入选|被授予|被命名为|获得.{0,12}(?:称号|荣誉|表彰|奖)|"
                          r"(?:在全[国省市区县]|全[国省市区县]范围)(?:内)?(?:推广|复制)|被.{0,12}(?:推广|采纳|复制|写入)|"
                          r"经验.{0,10}(?:推广|交流)|写入.{0,12}(?:文件|报告|条例))")
_CLAUSE = re.compile(r"[，；：:,;]")


@dataclass
class OutcomeFact:
    metric: str            # metric id from the taxonomy, "" when only the unit is known
    name: str              # readable label (metric name or the phrase before the number)
    value: float | None    # None for qualitative outcomes
    unit: str
    direction: str         # up / down / none
    evidence: str
    baseline: float | None = None
    scope: str | None = None   # what the figure covers (全村, 试点社区 …), set by a correction

    def to_dict(self) -> dict:
        d = {"name": self.name, "metric": self.metric or None, "value": self.value, "unit": self.unit or None,
             "direction": self.direction, "evidence": self.evidence}
        if self.baseline is not None:
            d["baseline"] = self.baseline
        if self.scope:
            d["scope"] = self.scope
        return d


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _is_candidate(s: Sentence) -> bool:
    if s.heading:
        return False
    if s.role == "outcome" or s.section == "outcome":
        return True
    return s.role == "measure" and any(v in s.text for v in _UP + _DOWN + ("累计", "共", "已"))


def extract_outcomes(sentences: list[Sentence], tx: Taxonomy, *, limit: int = 40) -> list[OutcomeFact]:
    out: list[OutcomeFact] = []
    seen: set[tuple[str, float | None, str]] = set()
    prev: Sentence | None = None
    for s in sentences:
        # "…由11名增加到58名；员工提出建议420条，创效1300万元；" — a clause after a result clause continues it
        continued = prev is not None and prev.role == "outcome" and prev.text.endswith("；") and not s.heading
        prev = s
        if not (_is_candidate(s) or continued):
            continue
        text = s.text
        consumed: list[tuple[int, int]] = []
        facts: list[tuple[int, OutcomeFact]] = []
        for m in _TRANSITION.finditer(text):
            unit = m.group("ub") or m.group("ua") or ""
            value = _num(m.group("b"))
            metric, name, direction = _metric_for(text, m.start(), tx, unit)
            verb = m.group("verb") or ""
            if verb:
                direction = "down" if any(v in verb for v in ("降", "减", "缩", "压")) else "up"
            elif m.group("a") and value != _num(m.group("a")):
                direction = "up" if value > _num(m.group("a")) else "down"
            facts.append((m.start("b"), OutcomeFact(metric, name, value, unit, direction, text,
                                                   baseline=_num(m.group("a")))))
            consumed.append((m.start(), m.end()))
        for m in _QUANTITY.finditer(text):
            if any(a <= m.start() < b for a, b in consumed):
                continue
            raw, unit = m.group("v"), m.group("u")
            if _YEARISH.match(raw) and text[m.end():m.end() + 1] in ("年", "-", "—"):
                continue
            if unit in ("万",) and not re.match(r"[元人户亩]", text[m.end():m.end() + 1] or "x"):
                unit = "万"
            metric, name, direction = _metric_for(text, m.start(), tx, unit)
            window = text[max(0, m.start() - 8):m.start()]
            if any(v in window for v in _DOWN):
                direction = "down"
            elif any(v in window for v in _UP) and direction == "none":
                direction = "up"
            facts.append((m.start(), OutcomeFact(metric, name, _num(raw), unit, direction, text)))
        for _, fact in sorted(facts, key=lambda x: x[0]):
            key = (fact.metric or fact.name, fact.value, fact.unit)
            if key not in seen:
                seen.add(key)
                out.append(fact)
        q = _QUALITATIVE.search(text)
        if q and not facts:
            clause = _clause_around(text, q.start())
            key = ("qualitative", None, clause)
            if key not in seen:
                seen.add(key)
                kind = "推广" if ("推广" in q.group(0) or "复制" in q.group(0) or "写入" in q.group(0)) else "荣誉"
                out.append(OutcomeFact("promotion" if kind == "推广" else "honour", clause[:40], None, "",
                                       "none", text))
        if len(out) >= limit:
            break
    return out[:limit]


def _clause_around(text: str, pos: int) -> str:
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    end_m = _CLAUSE.search(text, pos)
    end = end_m.start() if end_m else len(text)
    return text[start:end].strip(" 。")


def _metric_for(text: str, pos: int, tx: Taxonomy, unit: str) -> tuple[str, str, str]:
    """The metric a number at ``pos`` measures: the nearest metric cue before it in its clause."""
    clause_start = 0
    for m in _CLAUSE.finditer(text, 0, pos):
        clause_start = m.end()
    best = None
    for start, end, metric in tx.metric_cues(text):
        if end <= pos and start >= max(0, clause_start - 12):
            if best is None or start > best[0] or (start == best[0] and end > best[1]):
                best = (start, end, metric)
    if best is None:
        for start, end, metric in tx.metric_cues(text):
            if end <= pos and (best is None or start > best[0]):
                best = (start, end, metric)
    if best is not None and (not best[2].units or not unit or unit in best[2].units
                             or unit.lstrip("余多") in best[2].units or unit == "%" or unit == "个百分点"):
        return best[2].id, best[2].name, best[2].direction
    phrase = re.sub(r"^(并|且|和|及|共|累计|其中|已|目前|全年|同比|较|比)+", "", text[clause_start:pos]).strip(" ，、")
    phrase = re.sub(r"(达到|达|为|是|超过|近|约|共|累计|提高|提升|增加|增长|减少|下降|了|到)+$", "", phrase)
    return "", (phrase[-12:] or unit or "数量"), "none"

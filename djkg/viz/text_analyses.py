"""Sentences for the organisation-department pages: a gap score in words and how a model spread, said plainly
("2013年在山东最早出现，2014年进入贵州……"). Like ``text.py``: every code becomes words here or in ``labels.py``,
nothing returned holds an id or an English code."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.analyses import Diffusion, PlaceRef
from ..queries.provinces import by_prefix
from . import labels as L
from .text import clip

JOIN_GROUPS = 5        # years of joining named one by one in the story; the rest are counted


@dataclass(frozen=True)
class GapLevel:
    score: int         # 0–100, what the page prints
    rank: int          # 4 = 很大 … 0 = 很小: the heat class
    words: str


def gap_level(gap: float) -> GapLevel:
    """A gap (0–1) as a score out of 100 and a word."""
    for i, (floor, words) in enumerate(L.GAP_LEVELS):
        if gap >= floor:
            return GapLevel(round(100 * gap), len(L.GAP_LEVELS) - 1 - i, words)
    return GapLevel(0, 0, L.GAP_LEVELS[-1][1])


def short(place: PlaceRef | None) -> str:
    """山东 for 山东省, 内蒙古 for 内蒙古自治区: how people say a province in a sentence."""
    if place is None:
        return ""
    p = by_prefix(place.adcode)
    return p.short if p is not None else place.name


def km(distance: float | None) -> str:
    """约1630公里 (to ten kilometres: the centroids are not exact enough for more)."""
    if distance is None:
        return ""
    return f"约{int(round(distance, -1))}公里"


def diffusion_story(d: Diffusion) -> list[str]:
    """How the model spread, in a few sentences: where and when it first appeared, when the next provinces
    joined, how many units and provinces by the last year, where it comes from and the farthest province, and
    what is not counted."""
    if d.cases == 0:
        return ["案例库里还没有这个模式的案例，暂时看不出它传到了哪里。"]
    first = d.first_adopter
    origin = d.origin.province
    first_place = first.province if first is not None else None
    elsewhere = (d.origin.source == "declared" and origin is not None and first_place is not None
                 and first_place.adcode != origin.adcode)
    out: list[str] = []
    if first is None or first.year is None:
        out.append(f"这个模式的 {d.cases} 个案例都没有写明年份，看不出传播的先后。")
    else:
        out.append("，".join(_spread_parts(d, elsewhere)) + "。")
        if d.by_year:
            last = d.by_year[-1]
            out.append(f"到{last.year}年，共有 {last.provinces} 个省份的 {last.units} 个单位采用。")
    far = max((p for p in d.provinces if p.distance_km), key=lambda p: (p.distance_km, p.province.adcode),
              default=None)
    farthest = f"离发源地最远的是{short(far.province)}（{km(far.distance_km)}）" if far is not None else ""
    if origin is not None and d.origin.source == "declared":
        if elsewhere:
            out.append(f"距离从发源地{short(origin)}算起，" + (farthest or "其他省份还没有案例") + "。")
        else:
            out.append(f"{short(origin)}是模式资料写明的发源地" + (f"；{farthest}" if farthest else "") + "。")
    elif origin is not None:
        out.append(f"模式资料没有写明发源省份，这里把最早案例所在的{short(origin)}当作发源地"
                   + (f"；{farthest}" if farthest else "") + "。")
    missing = []
    if d.undated:
        missing.append(f"{d.undated} 个案例没有写明年份")
    if d.unplaced:
        missing.append(f"{d.unplaced} 个案例没有写明所在省份")
    if missing:
        out.append("另有 " + "，".join(missing) + "，图中没有计入。")
    return out


def _spread_parts(d: Diffusion, elsewhere: bool) -> list[str]:
    """"2013年在山东最早出现（某村党支部）", "2014年起进入贵州", "2018年进入黑龙江、甘肃" …"""
    first = d.first_adopter
    where = f"在{short(first.province)}" if first.province else ""
    who = f"（{clip(first.unit, 24)}）" if first.unit else ""
    if elsewhere:
        parts = [f"模式资料写明发源于{short(d.origin.province)}，案例库里最早的案例则是{first.year}年{where}{who}"]
    else:
        parts = [f"{first.year}年{where}最早出现{who}"]
    first_code = first.province.adcode if first.province else None
    groups: dict[int, list[str]] = {}
    for p in d.provinces:
        if p.joined is not None and p.province.adcode != first_code:
            groups.setdefault(p.joined, []).append(short(p.province))
    if first.year in groups:
        parts.append(f"同年{'、'.join(groups.pop(first.year))}也有了案例")
    later = sorted(groups.items())
    for i, (year, names) in enumerate(later[:JOIN_GROUPS]):
        parts.append(f"{year}年{'起' if i == 0 else ''}进入{'、'.join(names)}")
    rest = sum(len(names) for _, names in later[JOIN_GROUPS:])
    if rest:
        parts.append(f"此后又有 {rest} 个省份加入")
    return parts

"""The diffusion section of a model page: the province tile map (``tilemap.py``) coloured by when each province
joined, adopters by year as columns with a year slider over both, the story in plain words beside them, and the
provinces in a table. Data reaches the page script only as attributes of the elements it changes (no JSON, no
inline script); without the script the page shows the final state, which is also what prints."""

from __future__ import annotations

from typing import Any

from ..core.analyses import Diffusion, ProvinceSpread
from .text_analyses import diffusion_story, km, short
from .tilemap import COLS, ROWS, tiles

SHADES = 4          # tile colours from the earliest joiners (darkest) to the latest


def _shade(joined: int | None, first: int | None, last: int | None) -> int:
    if joined is None or first is None or last is None or last == first:
        return 0
    return min(SHADES - 1, int((joined - first) / (last - first + 1) * SHADES))


def _tile_title(name: str, spread: ProvinceSpread | None, origin: bool) -> str:
    if spread is None:
        return f"{name}：案例库中还没有这个模式的案例"
    when = f"{spread.joined}年起有案例" if spread.joined else "有案例，年份没有写明"
    far = "，是发源地" if origin else (f"，离发源地{km(spread.distance_km)}" if spread.distance_km else "")
    return f"{name}：{when}，{spread.cases} 个案例（{spread.units} 个单位）{far}"


def _labelled(year: int, first: int, last: int) -> bool:
    """Years written under the columns: the first, the last, and round years not crowding them."""
    return year in (first, last) or (year % 5 == 0 and abs(year - first) >= 3 and abs(last - year) >= 3)


def diffusion_context(d: Diffusion, case_titles: dict[str, str]) -> dict[str, Any]:
    """``case_titles``: case id → what to call it in the province table (its unit, else its title)."""
    spread = {p.province.adcode: p for p in d.provinces}
    origin = d.origin.province.adcode if d.origin.province else ""
    first = d.by_year[0].year if d.by_year else None
    last = d.by_year[-1].year if d.by_year else None
    tile_rows = []
    for t in tiles():
        s = spread.get(t.province.adcode)
        is_origin = t.province.adcode == origin
        tile_rows.append({
            "name": t.province.short, "col": t.col + 1, "row": t.row + 1,
            "joined": s.joined if s else None, "has": s is not None, "origin": is_origin,
            "shade": _shade(s.joined if s else None, first, last),
            "title": _tile_title(t.province.name, s, is_origin),
        })
    top = max((y.new_units for y in d.by_year), default=0) or 1
    years = []
    for y in d.by_year:
        new = "、".join(short(p.province) for p in d.provinces if p.province.adcode in y.new_provinces)
        years.append({
            "year": y.year, "new_units": y.new_units, "units": y.units, "provinces": y.provinces, "new": new,
            "height": round(100 * y.new_units / top), "label": _labelled(y.year, first, last),
            "title": (f"{y.year}年：新采用 {y.new_units} 个单位，累计 {y.units} 个单位、{y.provinces} 个省份"
                      + (f"；新进入{new}" if new else "")),
        })
    rows = [{"name": p.province.name, "joined": p.joined, "cases": p.cases, "units": p.units,
             "distance": "发源地" if p.province.adcode == origin else km(p.distance_km),
             "km": p.distance_km if p.distance_km is not None else -1, "first_case": p.first_case,
             "first_title": case_titles.get(p.first_case, "")}
            for p in d.provinces]
    return {"story": diffusion_story(d), "tiles": tile_rows, "cols": COLS, "rows": ROWS, "years": years,
            "first_year": first, "last_year": last, "provinces": rows, "has_cases": d.cases > 0,
            "origin": short(d.origin.province) if d.origin.province else ""}

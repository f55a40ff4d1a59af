"""The 34 province-level divisions as data (``provinces.yaml``): code, official and short name, centroid.

The analyses use it to name provinces, to read a province filter as a person types it ("山东", "山东省", "37",
"370000") and to measure how far a model travelled (great-circle distance between centroids). Where the
centroids come from and how they were computed: ``scripts/province_centroids.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..core.analyses import PlaceRef
from ..core.numerals import ascii_digits
from ..core.yamlio import safe_load

EARTH_RADIUS_KM = 6371.0088   # mean Earth radius (IUGG)


@dataclass(frozen=True)
class Province:
    adcode: str       # 370000
    name: str         # 山东省
    short: str        # 山东
    lon: float
    lat: float

    @property
    def prefix(self) -> str:
        """The two digits every code inside the province starts with."""
        return self.adcode[:2]

    def ref(self) -> PlaceRef:
        return PlaceRef(adcode=self.adcode, name=self.name)


@lru_cache(maxsize=1)
def provinces() -> dict[str, Province]:
    """Province by two-digit prefix ("37")."""
    rows = safe_load(resources.files(__package__).joinpath("provinces.yaml").read_text(encoding="utf-8"))
    return {str(r["adcode"])[:2]: Province(str(r["adcode"]), r["name"], r["short"], float(r["lon"]), float(r["lat"]))
            for r in rows}


def by_prefix(prefix: str | None) -> Province | None:
    return provinces().get((prefix or "")[:2]) if prefix else None


def resolve(text: str | None) -> Province | None:
    """A province from what a person typed: a two- or six-digit code (or ``region:370000``), the official name or
    the short name. Anything else (a city, a typo) is None — the caller says so."""
    key = (text or "").strip().removeprefix("region:")
    if not key:
        return None
    if ascii_digits(key) and len(key) in (2, 6):
        return by_prefix(key) if len(key) == 2 or key.endswith("0000") else None
    for p in provinces().values():
        if key in (p.name, p.short):
            return p
    return None


def mentioned(text: str | None) -> Province | None:
    """The province named first in a free text ("山东省烟台市（2017年…）", "浙江、山东、贵州等地"), or None."""
    text = text or ""
    found = [(text.find(p.short), p) for p in provinces().values() if p.short in text]
    return min(found, key=lambda t: (t[0], -len(t[1].short)))[1] if found else None


def distance_km(a: Province, b: Province) -> float:
    """Great-circle (haversine) distance between the two centroids, in km, to one decimal."""
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    dla, dlo = la2 - la1, math.radians(b.lon - a.lon)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return round(2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h))), 1)

"""A place as a user types it (定西, 甘肃定西, 栖霞市 …) → the region the profile parser would understand, so region
URLs and the case library's 地区 filter accept exactly what the recommendation form accepts."""

from __future__ import annotations

from ..core.contract import RegionRef
from ..graph.adcodes import MUNICIPALITIES
from ..ingest.profile import parse_profile


def resolve_region(text: str | None) -> RegionRef | None:
    """The region named by ``text`` (the gazetteer the profile parser uses), or None."""
    text = (text or "").strip()[:100]
    if not text:
        return None
    region = parse_profile(region=text).region
    return region if region.adcode else None


def adcode_prefix(adcode: str) -> str:
    """The leading digits every case inside the region shares: 2 for a province, 4 for a city, 6 for a county."""
    if adcode[2:] == "0000" or (adcode[:2] in MUNICIPALITIES and adcode[4:] == "00"):
        return adcode[:2]
    if adcode[4:] == "00":
        return adcode[:4]
    return adcode

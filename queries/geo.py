"""Adcode arithmetic for regional proximity (GB/T 2260 codes: PPCCDD).

Pure functions on codes; names and macro-regions come from the store's Region nodes.
"""

from __future__ import annotations

MUNICIPALITIES = ("11", "12", "31", "50")


def province_of(adcode: str | None) -> str | None:
    if not adcode or len(adcode) < 2:
        return None
    return adcode[:2] + "0000"


def city_of(adcode: str | None) -> str | None:
    """City-level code; a municipality counts as its own city."""
    if not adcode or len(adcode) != 6:
        return None
    if adcode[:2] in MUNICIPALITIES:
        return adcode[:2] + "0000"
    if adcode[2:4] == "00":
        return None
    return adcode[:4] + "00"


def county_of(adcode: str | None) -> str | None:
    if not adcode or len(adcode) != 6 or adcode[4:] == "00":
        return None
    return adcode


def proximity_level(a: str | None, b: str | None, macro: dict[str, str]) -> str:
    """How close two places are: county / city / province / macro / other."""
    if not a or not b:
        return "other"
    if county_of(a) and county_of(a) == county_of(b):
        return "county"
    if city_of(a) and city_of(a) == city_of(b):
        return "city"
    pa, pb = province_of(a), province_of(b)
    if pa == pb:
        return "province"
    if macro.get(pa) and macro.get(pa) == macro.get(pb):
        return "macro"
    return "other"

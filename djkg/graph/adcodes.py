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

"""The library calls the CLI and the HTTP API share (one place that joins the rooms).

``ingest`` (read/extract/link) and ``queries`` (traversal/ranking) do not know each other; a
recommendation needs both — the profile is understood with the ingest extractors, then ranked by the
queries room. Every CLI verb and every endpoint is a call into this module or a room's public function.
"""

from __future__ import annotations

from typing import Any

from ..core.config import Settings
from ..graph import open_store  # noqa: F401  (re-exported for callers)
from ..graph.store import GraphStore
from ..ingest.profile import ProfileError, parse_profile
from ..ingest.tokens import tokenize
from ..queries.recommend import Profile, ProfileProblem
from ..queries.recommend import recommend as rank

__all__ = ["open_store", "recommend", "ProfileError", "build_profile", "clamp_top_k"]


def clamp_top_k(top_k: int | None, settings: Settings | None = None) -> tuple[int, bool]:
    limit = (settings or Settings()).limits.max_top_k
    if top_k is None:
        return 5, False
    k = int(top_k)
    if k < 1:
        return 1, True
    if k > limit:
        return limit, True
    return k, False


def build_profile(*, region: str | None = None, industry: str | None = None, problems: list[str] | None = None,
                  description: str | None = None, size: int | None = None, strict: bool = False) -> Profile:
    parsed = parse_profile(region=region, industry=industry, problems=problems, description=description,
                           size=size, strict=strict)
    return Profile(region_text=parsed.region_text, adcode=parsed.adcode, region=parsed.region, macro=parsed.macro,
                   field=parsed.field, sector=parsed.sector,
                   problems=[ProfileProblem(**p) for p in parsed.problems], measures=parsed.measures,
                   text=parsed.text, tokens=parsed.tokens, size=parsed.size, warnings=parsed.warnings)


def recommend(store: GraphStore, *, region: str | None = None, industry: str | None = None,
              problems: list[str] | None = None, description: str | None = None, size: int | None = None,
              top_k: int | None = 5, strict: bool = False, settings: Settings | None = None) -> dict[str, Any]:
    """Ranked models for a unit profile (DESIGN.md §4 ``recommend --json``)."""
    k, clamped = clamp_top_k(top_k, settings)
    profile = build_profile(region=region, industry=industry, problems=problems, description=description,
                            size=size, strict=strict)
    result = rank(store, profile, top_k=k, tokenize=tokenize)
    result["top_k"] = k
    if clamped:
        result["warnings"].append(f"top_k 已调整为 {k}（允许 1–{(settings or Settings()).limits.max_top_k}）"
                                  f" / top_k clamped to {k}")
    return result

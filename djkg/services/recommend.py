"""Recommendation as the CLI and the HTTP API ask for it: understand the profile (ingest), rank (queries).

``ingest`` (reading and understanding text) and ``queries`` (traversal and ranking) do not know each other; a
recommendation needs both, so this is where they meet.
"""

from __future__ import annotations

from ..core.config import Settings
from ..core.contract import Recommendation
from ..graph.store import GraphStore
from ..ingest.profile import ProfileError, parse_profile
from ..ingest.tokens import tokenize
from ..queries.recommend import recommend as rank

__all__ = ["recommend", "ProfileError", "clamp_top_k"]


def clamp_top_k(top_k: int | None, settings: Settings | None = None) -> tuple[int, bool]:
    """``top_k`` within 1…max_top_k, and whether it had to be changed."""
    limit = (settings or Settings()).limits.max_top_k
    if top_k is None:
        return 5, False
    k = int(top_k)
    if k < 1:
        return 1, True
    if k > limit:
        return limit, True
    return k, False


def recommend(store: GraphStore, *, region: str | None = None, industry: str | None = None,
              problems: list[str] | None = None, description: str | None = None, top_k: int | None = 5,
              strict: bool = False, settings: Settings | None = None) -> Recommendation:
    """Ranked models for a unit profile given as the user typed it."""
    k, clamped = clamp_top_k(top_k, settings)
    profile = parse_profile(region=region, industry=industry, problems=problems, description=description,
                            strict=strict)
    result = rank(store, profile, top_k=k, tokenize=tokenize)
    if clamped:
        note = (f"top_k 已调整为 {k}（允许 1–{(settings or Settings()).limits.max_top_k}）/ top_k clamped to {k}")
        result = result.model_copy(update={"warnings": [*result.warnings, note]})
    return result

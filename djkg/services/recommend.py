"""Recommendation as the CLI and the HTTP API ask for it: understand the profile (ingest), rank (queries).

``ingest`` (reading and understanding text) and ``queries`` (traversal and ranking) do not know each other; a
recommendation needs both, so this is where they meet.
"""

from __future__ import annotations

import gc

from ..core.config import Settings
from ..core.contract import EMPTY_STORE, Profile, ProfileProblem, Recommendation
from ..graph.schema import CASE, PROBLEM
from ..graph.store import GraphStore
from ..ingest.profile import ProfileError, parse_profile
from ..ingest.tokens import tokenize
from ..queries.index import index_ready, store_index
from ..queries.recommend import recommend as rank

__all__ = ["recommend", "ProfileError", "clamp_top_k", "warm", "index_ready", "store_is_empty"]


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


def warm(store: GraphStore) -> None:
    """Make the store's index and lexical index now, then move every object alive into the collector's permanent
    generation (``gc.freeze``). A serving process calls this before taking requests: the first request does not
    pay the build, and Python's full collections no longer walk the index's 10⁵ objects — each walk paused every
    request for ~250 ms at 100k cases (BENCHMARKS.md). Frozen objects are still freed by reference counting when
    an update replaces them (the index holds no reference cycles)."""
    index = store_index(store)
    index.lexical(store, tokenize)
    gc.collect()
    gc.freeze()


def recommend(store: GraphStore, *, region: str | None = None, industry: str | None = None,
              problems: list[str] | None = None, description: str | None = None, top_k: int | None = 5,
              strict: bool = False, settings: Settings | None = None, drop: tuple[str, ...] | list[str] = (),
              add: tuple[str, ...] | list[str] = ()) -> Recommendation:
    """Ranked models for a unit profile given as the user typed it. ``drop``: problem ids the user removed from
    what was recognised; ``add``: problem ids the user added (the result page's tags)."""
    k, clamped = clamp_top_k(top_k, settings)
    profile = parse_profile(region=region, industry=industry, problems=problems, description=description,
                            strict=strict and not add)
    if drop or add:
        profile = adjust_problems(store, profile, drop, add)
    result = rank(store, profile, top_k=k, tokenize=tokenize)
    if not result.items and store_is_empty(store):
        result = result.model_copy(update={"warnings": [*result.warnings, EMPTY_STORE]})
    if clamped:
        note = (f"top_k 已调整为 {k}（允许 1–{(settings or Settings()).limits.max_top_k}）/ top_k clamped to {k}")
        result = result.model_copy(update={"warnings": [*result.warnings, note]})
    return result


def store_is_empty(store: GraphStore) -> bool:
    return store.count_nodes(CASE) == 0


def adjust_problems(store: GraphStore, profile: Profile, drop, add) -> Profile:
    """The profile with the problems in ``drop`` removed and the known problems in ``add`` appended."""
    dropped = set(drop)
    kept = [p for p in profile.problems if p.id not in dropped]
    have = {p.id for p in kept}
    wanted = [pid for pid in dict.fromkeys(add) if pid not in have and pid not in dropped][:20]
    for node in store.get_nodes(wanted):
        if node.label == PROBLEM and not node.props.get("candidate"):
            kept.append(ProfileProblem(id=node.id, name=str(node.props.get("name") or ""), clause=""))
    return profile.model_copy(update={"problems": kept})

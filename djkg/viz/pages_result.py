"""The recommendation answered in words (/recommend): what we understood (problems as tags the user can remove or
add before asking again), and for each model a reason from its top explanation path, two or three first steps, the
evidence cases with their best outcome, and the score breakdown on demand."""

from __future__ import annotations

from typing import Any

from ..core.contract import Recommendation
from ..graph.store import GraphStore
from ..queries.index import store_index
from . import labels as L
from .pages_model import known_concepts, ranks
from .text import (best_outcome, first_steps, maturity_level, maturity_words, other_reasons, place, reason,
                   score_rows, zh_only)


def result_items(store: GraphStore, result: Recommendation) -> list[dict[str, Any]]:
    index = store_index(store).models
    scale = ranks(index)
    out = []
    for n, it in enumerate(result.items, 1):
        entry = index.models.get(it.model.id)
        measures = sorted(entry.measures.items(), key=lambda kv: (-kv[1], kv[0])) if entry else []
        known = known_concepts(store, [mid for mid, _ in measures])
        named = [(mid, entry.measure_names.get(mid, ""), s) for mid, s in measures if mid in known] if entry else []
        per_problem = {p.id: p.name for p in result.profile.problems}
        out.append({
            "n": n, "id": it.model.id, "name": it.model.name, "summary": it.summary or "",
            "reason": reason(it, result.profile), "more": other_reasons(it, result.profile),
            "steps": first_steps(it, named), "level": maturity_level(it.maturity),
            "words": maturity_words(it.maturity), "rank": scale.get(it.model.id),
            "evidence": [{"id": e.id, "title": e.title or e.unit or "（无标题）", "unit": e.unit, "region": e.region,
                          "year": e.year, "illustrative": e.illustrative, "best": best_outcome(e.outcomes)}
                         for e in it.evidence],
            "score": f"{it.score:.2f}", "breakdown": score_rows(it),
            "per_problem": [(per_problem.get(p.problem, "其他问题"), f"{p.score:.2f}") for p in it.breakdown.per_problem],
        })
    return out


def profile_words(result: Recommendation) -> dict[str, Any]:
    p = result.profile
    region = p.region.model_dump()
    return {
        "place": place(region), "field": p.field or "", "sector": p.sector or "",
        "problems": [{"id": x.id, "name": x.name, "clause": x.clause, "how": L.PROBLEM_MATCH.get(x.how, "")}
                     for x in p.problems],
        "unmatched": list(p.unmatched), "warnings": list(dict.fromkeys(zh_only(w) for w in result.warnings)),
    }


def problem_choices(store: GraphStore, exclude: set[str]) -> list[tuple[str, str]]:
    """Problems a user may add as a tag: those the library can answer (faced by a model's cases or addressed by
    its measures), by name."""
    names = store_index(store).models.problem_names
    return sorted(((pid, name) for pid, name in names.items() if name and pid not in exclude), key=lambda x: x[1])

"""The model pages: the list of models (/models) and one model (/models/{id}) — text first: what it is, its first
steps, where it is used, maturity in words and on a scale among all models, how it spread (``pages_diffusion.py``), its
cases (documented first) and their outcomes; the graph is a second tab (/views/model/{id})."""

from __future__ import annotations

from typing import Any

from ..graph.adcodes import city_of, province_of
from ..graph.store import GraphStore
from ..queries.diffusion import diffusion
from ..queries.index import store_index
from ..queries.models import CaseFacts, ModelIndex, list_models, model_detail
from . import labels as L
from .pages_diffusion import diffusion_context
from .text import (MaturityRank, best_outcome, maturity_level, maturity_ranks, maturity_words, outcome_metric,
                   outcome_value)

MODEL_CASE_ROWS = 100      # cases listed on a model page (the case library lists all of them)
MODEL_OUTCOME_ROWS = 120


def known_concepts(store: GraphStore, ids) -> set[str]:
    """The ids among ``ids`` that are taxonomy concepts, not candidate phrases awaiting review: first steps and
    problems a page recommends come from the reviewed taxonomy."""
    return {n.id for n in store.get_nodes(sorted(set(ids))) if not n.props.get("candidate")}


def ranks(index: ModelIndex) -> dict[str, MaturityRank]:
    return maturity_ranks({m.id: m.maturity.score for m in list_models(index) if m.maturity is not None})


def models_rows(index: ModelIndex) -> list[dict[str, Any]]:
    """The rows of the model list: every word already said (no codes)."""
    scale = ranks(index)
    rows = []
    for m in list_models(index):
        rows.append({"id": m.id, "name": m.name, "cases": m.cases, "provinces": len(m.regions),
                     "fields": "、".join(m.fields), "level": maturity_level(m.maturity),
                     "words": maturity_words(m.maturity), "rank": scale.get(m.id),
                     "summary": str(index.models[m.id].props.get("summary") or "") if m.id in index.models else ""})
    return rows


def _place(c: CaseFacts, names: dict[str, str]) -> str:
    if not c.adcode:
        return ""
    prov = names.get(province_of(c.adcode) or "", "")
    city = names.get(city_of(c.adcode) or "", "")
    return prov + (city if city and city != prov else "")


def model_cases(store: GraphStore, model_id: str, limit: int = MODEL_CASE_ROWS) -> list[dict[str, Any]] | None:
    """A model's cases as table rows, documented ones first, then those with figures, newest first."""
    sindex = store_index(store)
    entry = sindex.models.models.get(model_id)
    if entry is None:
        return None
    ordered = sorted(entry.cases, key=lambda c: (c.illustrative, c.quantified <= 0, -(c.year or 0), c.id))[:limit]
    outcomes = sindex.outcomes(store, [c.id for c in ordered])
    names = sindex.models.region_names
    return [{"id": c.id, "title": c.title or c.unit or "（无标题）", "unit": c.unit, "place": _place(c, names),
             "field": c.field or "", "year": c.year, "illustrative": c.illustrative,
             "source": L.SOURCE_KINDS["illustrative" if c.illustrative else "documented"],
             "best": best_outcome(outcomes.get(c.id, [])), "outcomes": outcomes.get(c.id, [])} for c in ordered]


def model_context(store: GraphStore, model_id: str) -> dict[str, Any] | None:
    sindex = store_index(store)
    index = sindex.models
    detail = model_detail(store, index, model_id)
    if detail is None:
        return None
    cases = model_cases(store, model_id) or []
    figures = [{"case_id": c["id"], "case": c["title"], "metric": outcome_metric(o), "value": outcome_value(o),
                "named": bool(o.get("metric")), "evidence": o.get("evidence") or "", "illustrative": c["illustrative"]}
               for c in cases for o in c["outcomes"] if o.get("value") is not None]
    # figures of a known metric first, grouped by metric; other numbers the text gave behind a fold
    named = sorted((f for f in figures if f["named"]), key=lambda f: f["metric"])[:MODEL_OUTCOME_ROWS]
    other = [f for f in figures if not f["named"]][:MODEL_OUTCOME_ROWS]
    entry = index.models.get(model_id)
    known = known_concepts(store, [m.id for m in detail.measures] + [p.id for p in detail.problems])
    years = sorted({c.year for c in entry.cases if c.year}) if entry else []
    m = detail.maturity
    scale = ranks(index).get(model_id)
    documented = sum(1 for c in (entry.cases if entry else []) if not c.illustrative)
    return {
        "title": detail.name, "model": detail, "cases": cases, "outcome_rows": named, "other_figures": other,
        "steps": [s for s in detail.measures if s.name and s.id in known][:8],
        "problems": [p for p in detail.problems if p.name and p.id in known][:8],
        "years": years, "maturity_words": maturity_words(m), "level": maturity_level(m), "rank": scale,
        "documented": documented, "total_cases": detail.cases, "more_cases": detail.cases > len(cases),
        "components": _components(m), "spread": _spread(store, model_id), "crumbs": [("/", "首页"), ("/models", "模式"), ("", detail.name)],
    }


def _spread(store: GraphStore, model_id: str) -> dict[str, Any] | None:
    found = diffusion(store, model_id)
    if found is None:
        return None
    entry = store_index(store).models.models.get(model_id)
    return diffusion_context(found, {c.id: c.unit or c.title for c in (entry.cases if entry else [])})


def _components(m) -> list[tuple[str, str]]:
    if m is None:
        return []
    return [(L.MATURITY_COMPONENTS.get(k, "其他"), f"{v:.3f}") for k, v in m.components.model_dump().items()]


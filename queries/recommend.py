""""Which mature models fit a unit like mine?" — candidate traversal, ranking and explanation.

Retrieval is graph traversal (named queries ``problem_case_models`` and ``problem_measure_models``) plus
units like mine (same field / region branch, from the per-revision model index). Ranking is plain Python
shared by both stores; every component of the score is reported in ``breakdown`` and every item carries
the paths that justify it. Weights live in ``ranking.yaml``.

Path encoding: a list alternating node ids and edge types, read left to right; ``"TYPE"`` means the edge
points right, ``"TYPE<-"`` that it points left. The first node is the pseudo-node ``"profile"`` (the
unit asking), joined to the graph by ``MATCHES`` (a problem), ``IN_FIELD`` (an Industry) or
``IN_REGION`` (a Region).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from ..graph.store import GraphStore
from . import catalogue
from .geo import city_of, county_of, province_of, proximity_level
from .lexical import BM25, Tokenizer
from .models import ModelEntry, ModelIndex, model_index, weights


@dataclass
class ProfileProblem:
    id: str
    name: str
    evidence: str = ""
    how: str = "taxonomy"      # taxonomy | lexical
    weight: float = 1.0


@dataclass
class Profile:
    region_text: str | None = None
    adcode: str | None = None
    region: dict[str, Any] = dc_field(default_factory=dict)     # province / city / county names
    macro: str | None = None
    field: str | None = None
    sector: str | None = None
    problems: list[ProfileProblem] = dc_field(default_factory=list)
    measures: list[str] = dc_field(default_factory=list)
    text: str = ""
    tokens: list[str] = dc_field(default_factory=list)
    size: int | None = None
    warnings: list[str] = dc_field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"region": {**self.region, "adcode": self.adcode, "macro": self.macro},
                "industry": {"field": self.field, "sector": self.sector},
                "problems": [{"id": p.id, "name": p.name, "evidence": p.evidence, "how": p.how,
                              "weight": round(p.weight, 6)} for p in self.problems],
                "size": self.size}


# --- lexical indexes, cached with the model index -----------------------------------------------

_lexical_cache: dict[tuple[int, str], tuple[list[str], BM25, list[tuple[str, str]], BM25]] = {}


def _lexical(store: GraphStore, index: ModelIndex, tokenize: Tokenizer):
    key = (id(store), index.revision)
    hit = _lexical_cache.get(key)
    if hit is not None:
        return hit
    model_ids = sorted(m.id for m in index.models.values() if not m.candidate)
    model_docs = []
    for mid in model_ids:
        e = index.models[mid]
        parts = [e.name, str(e.props.get("summary") or ""), " ".join(e.props.get("synonyms") or []),
                 " ".join(e.measure_names.values()), " ".join(c.title for c in e.cases[:200])]
        model_docs.append(tokenize(" ".join(parts)))
    concepts = []
    concept_docs = []
    for row in catalogue.run(store, "concept_index"):
        if row["label"] != "Problem":
            continue
        props = _props(row.get("props"))
        if props.get("candidate"):
            continue
        concepts.append((row["id"], row["name"]))
        syn = " ".join(s.replace("&", " ") for s in props.get("synonyms") or [])
        concept_docs.append(tokenize(f"{row['name']} {row['name']} {syn}"))
    built = (model_ids, BM25(model_docs), concepts, BM25(concept_docs))
    _lexical_cache.clear()
    _lexical_cache[key] = built
    return built


def _props(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        return json.loads(value or "{}")
    except (TypeError, json.JSONDecodeError):
        return {}


def lexical_problems(store: GraphStore, profile: Profile, tokenize: Tokenizer, *, top: int = 3) -> list[ProfileProblem]:
    """Problems whose names/synonyms are lexically closest to the profile's free text."""
    if not profile.tokens:
        return []
    index = model_index(store)
    _, _, concepts, bm = _lexical(store, index, tokenize)
    scores = bm.scores(profile.tokens)
    if not scores or max(scores) <= 0:
        return []
    best = max(scores)
    ranked = sorted(((s, i) for i, s in enumerate(scores) if s >= 0.5 * best), key=lambda x: (-x[0], concepts[x[1]][0]))
    w = weights()["problem_fit"]["lexical_problem_weight"]
    return [ProfileProblem(concepts[i][0], concepts[i][1], "", "lexical", round(w * s / best, 6))
            for s, i in ranked[:top]]


# --- the recommender ----------------------------------------------------------------------------

def recommend(store: GraphStore, profile: Profile, *, top_k: int = 5, tokenize: Tokenizer,
              include_candidates: bool = False) -> dict[str, Any]:
    W = weights()
    index = model_index(store)
    if not profile.problems and profile.tokens:
        profile.problems = lexical_problems(store, profile, tokenize)
        if profile.problems:
            profile.warnings.append("问题描述未匹配到分类词表，已按文本相似度匹配 / problems matched by text similarity")
    problem_ids = [p.id for p in profile.problems]
    weight_of = {p.id: p.weight for p in profile.problems}

    case_rows = catalogue.run(store, "problem_case_models", problems=problem_ids) if problem_ids else []
    mech_rows = catalogue.run(store, "problem_measure_models", problems=problem_ids) if problem_ids else []

    direct: dict[str, dict[str, tuple[int, str]]] = {}          # model -> problem -> (cases, example)
    for r in case_rows:
        direct.setdefault(r["model_id"], {})[r["problem_id"]] = (int(r["cases"]), r["example_case"])
    max_addr: dict[str, int] = {}
    for r in mech_rows:
        max_addr[r["problem_id"]] = max(max_addr.get(r["problem_id"], 0), int(r["addresses_support"]))
    mech: dict[str, dict[str, tuple[float, str]]] = {}           # model -> problem -> (strength, measure)
    for r in mech_rows:
        e = index.models.get(r["model_id"])
        if e is None or not e.cases:
            continue
        strength = (int(r["addresses_support"]) / max_addr[r["problem_id"]]) * min(1.0, int(r["uses_support"]) / len(e.cases))
        cur = mech.setdefault(r["model_id"], {}).get(r["problem_id"])
        if cur is None or strength > cur[0] or (strength == cur[0] and r["measure_id"] < cur[1]):
            mech[r["model_id"]][r["problem_id"]] = (strength, r["measure_id"])

    candidates: set[str] = set(direct) | set(mech)
    likeness: dict[str, tuple[float, float, CaseChoice]] = {}
    for e in index.models.values():
        if not e.cases:
            continue
        ff, rp, best_case = _units_like_mine(e, profile, index)
        likeness[e.id] = (ff, rp, best_case)
        if ff > 0 or rp >= W["region_proximity"]["province"]:
            candidates.add(e.id)
    candidates = {m for m in candidates if m in index.models
                  and (include_candidates or not index.models[m].candidate)}

    lex_scores: dict[str, float] = {}
    if profile.tokens and candidates:
        model_ids, bm, _, _ = _lexical(store, index, tokenize)
        raw = dict(zip(model_ids, bm.scores(profile.tokens)))
        top = max([raw.get(m, 0.0) for m in candidates] + [0.0])
        if top > 0:
            lex_scores = {m: raw.get(m, 0.0) / top for m in candidates}

    items = []
    pf = W["problem_fit"]
    total_w = sum(weight_of.values())
    for mid in candidates:
        e = index.models[mid]
        per_problem = {}
        for p in profile.problems:
            n, _ex = direct.get(mid, {}).get(p.id, (0, ""))
            case_ev = 0.5 * min(1.0, n / pf["case_saturation"]) + 0.5 * (n / len(e.cases))
            m_strength = mech.get(mid, {}).get(p.id, (0.0, ""))[0]
            per_problem[p.id] = round(pf["case_weight"] * case_ev + pf["mechanism_weight"] * m_strength, 6)
        problem_fit = (sum(weight_of[p] * v for p, v in per_problem.items()) / total_w) if total_w else 0.0
        ff, rp, _ = likeness.get(mid, (0.0, 0.0, None))
        components = {"problem_fit": round(problem_fit, 6), "field_fit": round(ff, 6),
                      "region_proximity": round(rp, 6), "maturity": round(e.maturity["score"], 6),
                      "lexical": round(lex_scores.get(mid, 0.0), 6)}
        score = round(sum(W["score"][k] * v for k, v in components.items()), 6)
        paths = _paths(mid, profile, direct, mech, likeness, index, W["candidates"]["paths_per_item"])
        if not paths:
            continue
        items.append({
            "model": {"id": mid, "name": e.name},
            "score": score,
            "breakdown": {**components, "weights": dict(W["score"]),
                          "per_problem": per_problem},
            "paths": paths,
            "evidence": [],
            "maturity": e.maturity,
            "summary": e.props.get("summary"),
        })
    items.sort(key=lambda it: (-it["score"], it["model"]["id"]))
    items = items[:top_k]
    _attach_evidence(store, items, profile, direct, index, W["candidates"]["evidence_per_item"])
    return {"items": items, "profile": profile.to_dict(), "warnings": list(profile.warnings)}


@dataclass(frozen=True)
class CaseChoice:
    id: str
    adcode: str | None
    field: str | None


def _units_like_mine(e: ModelEntry, profile: Profile, index: ModelIndex) -> tuple[float, float, CaseChoice | None]:
    W = weights()
    ff = 0.0
    if profile.field:
        same = [c for c in e.cases if c.field == profile.field]
        ff = len(same) / len(e.cases)
        if profile.sector:
            ff += W["field_fit"]["sector_bonus"] * (sum(1 for c in same if c.sector == profile.sector) / len(e.cases))
        ff = min(1.0, ff)
    best = (0.0, None)
    if profile.adcode:
        macro = dict(index.macro)
        if profile.macro and province_of(profile.adcode):
            macro.setdefault(province_of(profile.adcode), profile.macro)
        levels = W["region_proximity"]
        for c in e.cases:
            v = levels[proximity_level(profile.adcode, c.adcode, macro)]
            if v > best[0] or (v == best[0] and best[1] is not None and c.id < best[1].id):
                best = (v, CaseChoice(c.id, c.adcode, c.field))
    choice = best[1]
    if choice is None and profile.field:
        same = [c for c in e.cases if c.field == profile.field]
        if same:
            choice = CaseChoice(same[0].id, same[0].adcode, same[0].field)
    return ff, best[0], choice


def _region_chain(adcode: str) -> list[str]:
    chain = []
    for code in (province_of(adcode), city_of(adcode), county_of(adcode)):
        if code and code not in chain:
            chain.append(code)
    return chain


def _paths(mid: str, profile: Profile, direct, mech, likeness, index: ModelIndex, limit: int) -> list[list[str]]:
    paths: list[list[str]] = []
    for p in profile.problems:
        hit = direct.get(mid, {}).get(p.id)
        if hit:
            paths.append(["profile", "MATCHES", p.id, "FACES<-", hit[1], "INSTANCE_OF", mid])
        m = mech.get(mid, {}).get(p.id)
        if m and m[0] > 0:
            paths.append(["profile", "MATCHES", p.id, "ADDRESSES<-", m[1], "USES<-", mid])
    entry = index.models[mid]
    if profile.field:
        same = [c for c in entry.cases if c.field == profile.field]
        if same:
            paths.append(["profile", "IN_FIELD", f"industry:{profile.field}", "IN_INDUSTRY<-", same[0].id,
                          "INSTANCE_OF", mid] if not same[0].sector else
                         ["profile", "IN_FIELD", f"industry:{profile.field}", "PART_OF<-",
                          f"industry:{profile.field}/{same[0].sector}", "IN_INDUSTRY<-", same[0].id, "INSTANCE_OF", mid])
    _, rp, choice = likeness.get(mid, (0.0, 0.0, None))
    if profile.adcode and choice is not None and choice.adcode and rp >= weights()["region_proximity"]["province"]:
        case_chain = _region_chain(choice.adcode)
        mine = set(_region_chain(profile.adcode))
        shared = [c for c in case_chain if c in mine]
        if shared:
            anchor = case_chain.index(shared[-1])
            path: list[str] = ["profile", "IN_REGION", f"region:{case_chain[anchor]}"]
            for code in case_chain[anchor + 1:]:
                path += ["PART_OF<-", f"region:{code}"]
            path += ["LOCATED_IN<-", choice.id, "INSTANCE_OF", mid]
            paths.append(path)
    return paths[:limit]


def _attach_evidence(store: GraphStore, items: list[dict[str, Any]], profile: Profile, direct, index: ModelIndex,
                     per_item: int) -> None:
    macro = dict(index.macro)
    rank_level = {"county": 0, "city": 1, "province": 2, "macro": 3, "other": 4}
    chosen: dict[str, list[str]] = {}
    for it in items:
        mid = it["model"]["id"]
        e = index.models[mid]
        examples = {ex for _, ex in direct.get(mid, {}).values()}

        def key(c):
            return (0 if c.id in examples else 1,
                    0 if (profile.field and c.field == profile.field) else 1,
                    rank_level[proximity_level(profile.adcode, c.adcode, macro)] if profile.adcode else 4,
                    0 if c.quantified else 1, c.illustrative, c.id)
        chosen[mid] = [c.id for c in sorted(e.cases, key=key)[:per_item]]
    all_ids = sorted({cid for ids in chosen.values() for cid in ids})
    outcomes: dict[str, list[dict[str, Any]]] = {}
    if all_ids:
        for r in catalogue.run(store, "case_outcomes", cases=all_ids):
            outcomes.setdefault(r["case_id"], []).append(_props(r["props"]))
    facts = {c.id: c for e in index.models.values() for c in e.cases if c.id in set(all_ids)}
    for it in items:
        mid = it["model"]["id"]
        it["evidence"] = chosen[mid]
        details = []
        for cid in chosen[mid]:
            c = facts.get(cid)
            figures = [o for o in outcomes.get(cid, []) if o.get("value") is not None][:3]
            details.append({
                "id": cid, "title": c.title if c else "", "unit": c.unit if c else "",
                "region": index.region_names.get(city_of(c.adcode) or "", "") or index.region_names.get(province_of(c.adcode) or "", "") if c and c.adcode else "",
                "year": c.year if c else None,
                "outcomes": [{"name": o.get("name"), "value": o.get("value"), "unit": o.get("unit"),
                              "evidence": o.get("evidence")} for o in figures],
            })
        it["evidence_details"] = details


""""Which mature models fit a unit like mine?" — candidate traversal, ranking and explanation.

Retrieval is graph traversal (named queries aggregated per store revision in the model index) plus
units like mine (same field / region branch). Ranking is plain Python
shared by both stores; every component of the score is reported in ``breakdown`` and every item carries
the paths that justify it. Weights live in ``ranking.yaml``.

Path encoding: a list alternating node ids and edge types, read left to right; ``"TYPE"`` means the edge
points right, ``"TYPE<-"`` that it points left. The first node is the pseudo-node ``"profile"`` (the
unit asking), joined to the graph by ``MATCHES`` (a problem), ``IN_FIELD`` (an Industry) or
``IN_REGION`` (a Region).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from ..graph.store import GraphStore
from . import catalogue
from ..graph.adcodes import city_of, county_of, province_of
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


_lexical_lock = threading.Lock()


def _lexical(store: GraphStore, index: ModelIndex, tokenize: Tokenizer):
    key = (id(store), index.revision)
    hit = _lexical_cache.get(key)
    if hit is not None:
        return hit
    with _lexical_lock:  # one thread builds; the others wait for it instead of building the same thing
        hit = _lexical_cache.get(key)
        if hit is not None:
            return hit
        return _build_lexical(store, index, tokenize, key)


def _build_lexical(store: GraphStore, index: ModelIndex, tokenize: Tokenizer, key):
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
        props = row["props"]
        if props.get("candidate"):
            continue
        concepts.append((row["id"], row["name"]))
        syn = " ".join(s.replace("&", " ") for s in props.get("synonyms") or [])
        concept_docs.append(tokenize(f"{row['name']} {row['name']} {syn}"))
    built = (model_ids, BM25(model_docs), concepts, BM25(concept_docs))
    _lexical_cache.clear()
    _lexical_cache[key] = built
    return built


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
    """Rank the models for ``profile``.

    Retrieval follows the two traversals of the design — Problem ←FACES— Case —INSTANCE_OF→ Model and
    Problem ←ADDRESSES— Measure ←USES— Model — plus units like mine (same field, same region branch).
    The traversals are the named queries ``model_problem_support``, ``addresses_support`` and
    ``model_measure_support``, aggregated once per store revision in the model index; a request then
    costs dictionary lookups, whatever the size of the library.
    """
    W = weights()
    index = model_index(store)
    if not profile.problems and profile.tokens:
        profile.problems = lexical_problems(store, profile, tokenize)
        if profile.problems:
            profile.warnings.append("问题描述未匹配到分类词表，已按文本相似度匹配 / problems matched by text similarity")
    weight_of = {p.id: p.weight for p in profile.problems}
    macro = dict(index.macro)
    if profile.macro and province_of(profile.adcode):
        macro.setdefault(province_of(profile.adcode), profile.macro)
    mine = _my_places(profile, macro)

    models = [e for e in index.models.values() if e.cases and (include_candidates or not e.candidate)]
    lex_scores: dict[str, float] = {}
    if profile.tokens:
        model_ids, bm, _, _ = _lexical(store, index, tokenize)
        raw = dict(zip(model_ids, bm.scores(profile.tokens)))
        top = max(raw.values(), default=0.0)
        if top > 0:
            lex_scores = {m: v / top for m, v in raw.items()}

    pf = W["problem_fit"]
    total_w = sum(weight_of.values())
    items = []
    for e in models:
        per_problem: dict[str, float] = {}
        mech_best: dict[str, tuple[float, str]] = {}
        for p in profile.problems:
            n = e.problems.get(p.id, 0)
            case_ev = 0.5 * min(1.0, n / pf["case_saturation"]) + 0.5 * (n / len(e.cases))
            best = _mechanism(index, e, p.id)
            if best[0] > 0:
                mech_best[p.id] = best
            per_problem[p.id] = round(pf["case_weight"] * case_ev + pf["mechanism_weight"] * best[0], 6)
        problem_fit = (sum(weight_of[p] * v for p, v in per_problem.items()) / total_w) if total_w else 0.0
        ff, rp, near = _units_like_mine(e, profile, mine)
        if problem_fit <= 0 and ff <= 0 and rp < W["region_proximity"]["province"]:
            continue   # not reached by any traversal: no path, no item
        components = {"problem_fit": round(problem_fit, 6), "field_fit": round(ff, 6),
                      "region_proximity": round(rp, 6), "maturity": round(e.maturity["score"], 6),
                      "lexical": round(lex_scores.get(e.id, 0.0), 6)}
        score = round(sum(W["score"][k] * v for k, v in components.items()), 6)
        paths = _paths(e, profile, mech_best, near, W["candidates"]["paths_per_item"])
        if not paths:
            continue
        items.append({
            "model": {"id": e.id, "name": e.name},
            "score": score,
            "breakdown": {**components, "weights": dict(W["score"]), "per_problem": per_problem},
            "paths": paths,
            "evidence": [],
            "maturity": e.maturity,
            "summary": e.props.get("summary"),
        })
    if not items and profile.tokens and not any(p.how == "lexical" for p in profile.problems):
        # the linked problems reach no model in this library: fall back to text similarity so that
        # nobody gets an empty answer (the items then carry lexical MATCHES paths, and say so)
        extra = [p for p in lexical_problems(store, profile, tokenize) if p.id not in weight_of]
        if extra:
            profile.problems = [*profile.problems, *extra]
            profile.warnings.append("所述问题在案例库中暂无对应模式，已按文本相似度补充 / no model faces the linked "
                                    "problems yet; similar problems added by text similarity")
            return recommend(store, profile, top_k=top_k, tokenize=tokenize, include_candidates=include_candidates)
    items.sort(key=lambda it: (-it["score"], it["model"]["id"]))
    items = items[:top_k]
    _attach_evidence(store, items, profile, index, mine, W["candidates"]["evidence_per_item"])
    return {"items": items, "profile": profile.to_dict(), "warnings": list(profile.warnings)}


def _mechanism(index: ModelIndex, e, problem_id: str) -> tuple[float, str]:
    """The model's strongest measure that addresses the problem: (strength, measure id).

    Depends on the model and the problem only, so it is computed once per store revision (memoised on
    the index) instead of once per request."""
    memo = index.__dict__.setdefault("_mechanism_memo", {})
    key = (e.id, problem_id)
    hit = memo.get(key)
    if hit is not None:
        return hit
    best = (0.0, "")
    addr = index.addresses.get(problem_id, {})
    top_addr = max(addr.values(), default=0)
    for measure, a in addr.items():
        u = e.measures.get(measure)
        if u:
            strength = (a / top_addr) * min(1.0, u / len(e.cases))
            if strength > best[0] or (strength == best[0] and measure < best[1]):
                best = (strength, measure)
    memo[key] = best
    return best


def _my_places(profile: Profile, macro: dict[str, str]) -> list[tuple[str, str]]:
    """The profile's region branch, nearest first: [(level, code)], ending with the macro-region."""
    if not profile.adcode:
        return []
    out = []
    for level, code in (("county", county_of(profile.adcode)), ("city", city_of(profile.adcode)),
                        ("province", province_of(profile.adcode))):
        if code and all(code != c for _, c in out):
            out.append((level, code))
    m = macro.get(province_of(profile.adcode) or "") or profile.macro
    if m:
        out.append(("macro", m))
    return out


def _units_like_mine(e: ModelEntry, profile: Profile, mine: list[tuple[str, str]]):
    """(field fit, regional proximity, the nearest case) from the model's precomputed aggregates."""
    W = weights()
    ff = 0.0
    if profile.field:
        ff = e.field_counts.get(profile.field, 0) / len(e.cases)
        if profile.sector:
            ff += W["field_fit"]["sector_bonus"] * e.sector_counts.get((profile.field, profile.sector), 0) / len(e.cases)
        ff = min(1.0, ff)
    rp, near = 0.0, None
    if mine:
        rp = W["region_proximity"]["other"]
        for level, code in mine:
            case = e.first_at.get(code)
            if case is not None:
                rp, near = W["region_proximity"][level], (level, code, case)
                break
    return ff, rp, near


def _region_chain(adcode: str) -> list[str]:
    chain = []
    for code in (province_of(adcode), city_of(adcode), county_of(adcode)):
        if code and code not in chain:
            chain.append(code)
    return chain


def _paths(e: ModelEntry, profile: Profile, mech_best, near, limit: int) -> list[list[str]]:
    paths: list[list[str]] = []
    for p in profile.problems:
        example = e.problem_examples.get(p.id)
        if example:
            paths.append(["profile", "MATCHES", p.id, "FACES<-", example, "INSTANCE_OF", e.id])
        m = mech_best.get(p.id)
        if m:
            paths.append(["profile", "MATCHES", p.id, "ADDRESSES<-", m[1], "USES<-", e.id])
    if profile.field and profile.field in e.first_in_field:
        c = e.first_in_field[profile.field]
        if c.sector:
            paths.append(["profile", "IN_FIELD", f"industry:{profile.field}", "PART_OF<-",
                          f"industry:{profile.field}/{c.sector}", "IN_INDUSTRY<-", c.id, "INSTANCE_OF", e.id])
        else:
            paths.append(["profile", "IN_FIELD", f"industry:{profile.field}", "IN_INDUSTRY<-", c.id, "INSTANCE_OF", e.id])
    if near is not None and near[0] != "macro" and near[2].adcode:
        level, code, case = near
        chain = _region_chain(case.adcode)
        if code in chain:
            path: list[str] = ["profile", "IN_REGION", f"region:{code}"]
            for lower in chain[chain.index(code) + 1:]:
                path += ["PART_OF<-", f"region:{lower}"]
            path += ["LOCATED_IN<-", case.id, "INSTANCE_OF", e.id]
            paths.append(path)
    return paths[:limit]


_outcome_cache: dict[tuple[int, str], dict[str, list[dict[str, Any]]]] = {}
_outcome_lock = threading.Lock()


def _case_outcomes(store: GraphStore, index: ModelIndex, case_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Outcomes of evidence cases, cached per store revision: evidence is mostly each model's showcase and
    path example cases, the same from one request to the next, so a request rarely needs a round trip."""
    key = (id(store), index.revision)
    with _outcome_lock:
        cache = _outcome_cache.get(key)
        if cache is None:
            _outcome_cache.clear()
            cache = _outcome_cache[key] = {}
        missing = [c for c in case_ids if c not in cache]
    if missing:
        found: dict[str, list[dict[str, Any]]] = {c: [] for c in missing}
        for r in catalogue.run(store, "case_outcomes", cases=missing):
            found[r["case_id"]].append(r["props"])
        with _outcome_lock:
            if len(cache) > 50_000:   # bounded: a library this size gets a fresh cache
                cache.clear()
            cache.update(found)
    return {c: cache.get(c, []) for c in case_ids}


def _attach_evidence(store: GraphStore, items: list[dict[str, Any]], profile: Profile, index: ModelIndex,
                     mine: list[tuple[str, str]], per_item: int) -> None:
    """Supporting cases: those on the paths first, then the nearest, then the best-evidenced."""
    chosen: dict[str, list[str]] = {}
    for it in items:
        e = index.models[it["model"]["id"]]
        picks: list[str] = []
        for path in it["paths"]:
            picks += [x for x in path if x.startswith("case:")]
        for _, code in mine:
            if code in e.first_at:
                picks.append(e.first_at[code].id)
        if profile.field and profile.field in e.first_in_field:
            picks.append(e.first_in_field[profile.field].id)
        picks += [c.id for c in e.showcase[:per_item]]
        chosen[e.id] = list(dict.fromkeys(picks))[:per_item]
    all_ids = sorted({cid for ids in chosen.values() for cid in ids})
    outcomes = _case_outcomes(store, index, all_ids)
    for it in items:
        it["evidence"] = chosen[it["model"]["id"]]
        details = []
        for cid in it["evidence"]:
            c = index.cases.get(cid)
            place = ""
            if c and c.adcode:
                place = index.region_names.get(city_of(c.adcode) or "", "") or \
                    index.region_names.get(province_of(c.adcode) or "", "")
            figures = [o for o in outcomes.get(cid, []) if o.get("value") is not None][:3]
            details.append({
                "id": cid, "title": c.title if c else "", "unit": c.unit if c else "", "region": place,
                "year": c.year if c else None,
                "outcomes": [{"name": o.get("name"), "value": o.get("value"), "unit": o.get("unit"),
                              "evidence": o.get("evidence")} for o in figures],
            })
        it["evidence_details"] = details

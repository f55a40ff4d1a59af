""""Which mature models fit a unit like mine?" — candidate traversal, ranking and explanation.

Retrieval is graph traversal (named queries aggregated per store revision in the index, ``index.py``) plus
units like mine (same field / region branch). Ranking is plain Python shared by both stores; every component
of the score is reported in the ``ScoreBreakdown`` and every item carries the ``ExplanationPath``s that justify
it. Weights live in ``ranking.yaml``; the answer's types in ``core/contract.py``.

``recommend`` is a pure function of the store's revision and the profile: it does not change the profile it
is given (problems found by text similarity go into the answer's own copy of the profile).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.contract import (
    Evidence, ExplanationPath, ModelRef, OutcomeFigure, PathNode, PathStep, ProblemFit, Profile, ProfileProblem,
    Recommendation, RecommendedModel, ScoreBreakdown, ScoreWeights)
from ..graph.adcodes import city_of, county_of, province_of
from ..graph.schema import CASE, INDUSTRY, MEASURE, MODEL, PROBLEM, REGION, industry_id, region_id
from ..graph.store import GraphStore
from .index import Scope, StoreIndex, store_index
from ..core.bm25 import Tokenizer
from .models import CaseFacts, ModelEntry, weights

PROFILE = ("profile", "Profile")   # the unit asking, as the first node of every path

NO_TAXONOMY_MATCH = ("问题描述未匹配到分类词表，已按文本相似度匹配 / problems matched by text similarity")
NO_MODEL_FOR_PROBLEMS = ("所述问题在案例库中暂无对应模式，已按文本相似度补充 / no model faces the linked problems "
                         "yet; similar problems added by text similarity")


def lexical_problems(store: GraphStore, index: StoreIndex, profile: Profile, tokenize: Tokenizer, *,
                     top: int = 3) -> list[ProfileProblem]:
    """Problems whose names/synonyms are lexically closest to the profile's free text."""
    if not profile.tokens:
        return []
    lex = index.lexical(store, tokenize)
    scores = lex.problem_bm25.scores(list(profile.tokens))
    if not scores or max(scores) <= 0:
        return []
    best = max(scores)
    ranked = sorted(((s, i) for i, s in enumerate(scores) if s >= 0.5 * best),
                    key=lambda x: (-x[0], lex.problems[x[1]][0]))
    w = weights()["problem_fit"]["lexical_problem_weight"]
    return [ProfileProblem(id=lex.problems[i][0], name=lex.problems[i][1], how="lexical",
                           weight=round(w * s / best, 6)) for s, i in ranked[:top]]


def recommend(store: GraphStore, profile: Profile, *, top_k: int = 5, tokenize: Tokenizer,
              include_candidates: bool = False) -> Recommendation:
    """Rank the models for ``profile``.

    Retrieval follows the two traversals of the design — Problem ←FACES— Case —INSTANCE_OF→ Model and
    Problem ←ADDRESSES— Measure ←USES— Model — plus units like mine (same field, same region branch).
    The traversals are aggregated per case into the model index (``contributions.py``: what the named queries
    ``model_problem_support``, ``addresses_support`` and ``model_measure_support`` compute), kept per store revision
    and updated for the cases a write changed; a request then costs dictionary lookups, whatever the size of the
    library. When the profile's problems reach no model, similar problems found by
    text similarity are added once (so that nobody gets an empty answer), and the answer says so.
    """
    index = store_index(store)
    warnings = list(profile.warnings)
    if not profile.problems and profile.tokens:
        found = lexical_problems(store, index, profile, tokenize)
        if found:
            profile = profile.model_copy(update={"problems": found})
            warnings.append(NO_TAXONOMY_MATCH)
    mine = _mine(index, profile)
    items = _rank(store, index, profile, mine, tokenize, include_candidates)
    if not items and profile.tokens and not any(p.how == "lexical" for p in profile.problems):
        known = {p.id for p in profile.problems}
        extra = [p for p in lexical_problems(store, index, profile, tokenize) if p.id not in known]
        if extra:
            profile = profile.model_copy(update={"problems": [*profile.problems, *extra]})
            warnings.append(NO_MODEL_FOR_PROBLEMS)
            items = _rank(store, index, profile, mine, tokenize, include_candidates)
    items.sort(key=lambda c: (-c.score, c.entry.id))
    chosen = items[:top_k]
    evidence = _evidence(store, index, profile, mine, chosen)
    shown_only = [c.entry.name for c in chosen if evidence[c.entry.id]
                  and all(ev.illustrative for ev in evidence[c.entry.id])]
    if shown_only:
        warnings.append(f"{'、'.join(shown_only)}：依据的案例都是示意案例，没有公开报道可查，请谨慎参考"
                        " / the evidence for these models is illustrative only")
    answer = [RecommendedModel(model=ModelRef(id=c.entry.id, name=c.entry.name), score=c.score,
                               breakdown=_breakdown(c), paths=[_typed_path(index, c.entry, p) for p in c.paths],
                               evidence=evidence[c.entry.id], maturity=c.entry.maturity,
                               summary=c.entry.props.get("summary"))
              for c in chosen]
    return Recommendation(items=answer, profile=profile.model_copy(update={"warnings": warnings}),
                          warnings=warnings, top_k=top_k)


def _mine(index: StoreIndex, profile: Profile) -> list[tuple[str, str]]:
    macro = dict(index.models.macro)
    if profile.region.macro and province_of(profile.region.adcode):
        macro.setdefault(province_of(profile.region.adcode), profile.region.macro)
    return _my_places(profile, macro)


@dataclass(frozen=True)
class _Candidate:
    """A model reached by the traversals, before it is chosen: plain values, typed only if it is returned."""
    score: float
    entry: ModelEntry
    components: dict[str, float]
    per_problem: dict[str, float]
    paths: list[tuple]


def _rank(store: GraphStore, index: StoreIndex, profile: Profile, mine: list[tuple[str, str]], tokenize: Tokenizer,
          include_candidates: bool) -> list[_Candidate]:
    W = weights()
    mi = index.models
    weight_of = {p.id: p.weight for p in profile.problems}
    lex_scores: dict[str, float] = {}
    if profile.tokens:
        lex = index.lexical(store, tokenize)
        raw = dict(zip(lex.model_ids, lex.models.scores(list(profile.tokens))))
        top = max(raw.values(), default=0.0)
        if top > 0:
            lex_scores = {m: v / top for m, v in raw.items()}
    score_weights = W["score"]
    total_w = sum(weight_of.values())
    out = []
    for e in mi.models.values():
        if not e.cases or (e.candidate and not include_candidates):
            continue
        per_problem: dict[str, float] = {}
        mech_best: dict[str, tuple[float, str]] = {}
        for p in profile.problems:
            per_problem[p.id], best = model_problem_fit(index, e, p.id)
            if best[0] > 0:
                mech_best[p.id] = best
        problem_fit = (sum(weight_of[p] * v for p, v in per_problem.items()) / total_w) if total_w else 0.0
        ff, rp, near = _units_like_mine(e, profile, mine)
        if problem_fit <= 0 and ff <= 0 and rp < W["region_proximity"]["province"]:
            continue   # not reached by any traversal: no path, no item
        components = {"problem_fit": round(problem_fit, 6), "field_fit": round(ff, 6),
                      "region_proximity": round(rp, 6), "maturity": round(e.maturity.score, 6),
                      "lexical": round(lex_scores.get(e.id, 0.0), 6)}
        score = round(sum(score_weights[k] * v for k, v in components.items()), 6)
        paths = _paths(e, profile, mech_best, near, W["candidates"]["paths_per_item"])
        if paths:
            out.append(_Candidate(score, e, components, per_problem, paths))
    return out


def model_problem_fit(index: StoreIndex, e: ModelEntry, problem_id: str) -> tuple[float, tuple[float, str]]:
    """How well model ``e`` answers one problem, in [0, 1]: direct evidence (its cases facing the problem, saturating
    at ``case_saturation``, and their share of its cases) and the mechanism (its strongest measure addressing the
    problem), weighted in ``ranking.yaml``. Returns the fit and the mechanism (strength, measure id). The
    recommender's problem fit and the gap map's answer strength are this one figure."""
    pf = weights()["problem_fit"]
    n = e.problems.get(problem_id, 0)
    case_ev = 0.5 * min(1.0, n / pf["case_saturation"]) + 0.5 * (n / len(e.cases)) if e.cases else 0.0
    best = index.mechanism(e, problem_id)
    return round(pf["case_weight"] * case_ev + pf["mechanism_weight"] * best[0], 6), best


def _breakdown(c: _Candidate) -> ScoreBreakdown:
    return ScoreBreakdown(**c.components, weights=ScoreWeights(**weights()["score"]),
                          per_problem=[ProblemFit(problem=p, score=v) for p, v in c.per_problem.items()])


def _my_places(profile: Profile, macro: dict[str, str]) -> list[tuple[str, str]]:
    """The profile's region branch, nearest first: [(level, code)], ending with the macro-region."""
    adcode = profile.region.adcode
    if not adcode:
        return []
    out: list[tuple[str, str]] = []
    for level, code in (("county", county_of(adcode)), ("city", city_of(adcode)), ("province", province_of(adcode))):
        if code and all(code != c for _, c in out):
            out.append((level, code))
    m = macro.get(province_of(adcode) or "") or profile.region.macro
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
    chain: list[str] = []
    for code in (province_of(adcode), city_of(adcode), county_of(adcode)):
        if code and code not in chain:
            chain.append(code)
    return chain


def _paths(e: ModelEntry, profile: Profile, mech_best, near, limit: int) -> list[tuple]:
    """The walks that reach the model, as plain tuples (kind, [(id, kind)], [(type, reverse)], problem id)."""
    model = (e.id, MODEL)
    paths: list[tuple] = []
    for p in profile.problems:
        example = e.problem_examples.get(p.id)
        if example:
            paths.append(("problem_case", [PROFILE, (p.id, PROBLEM), (example, CASE), model],
                          [("MATCHES", False), ("FACES", True), ("INSTANCE_OF", False)], p.id))
        m = mech_best.get(p.id)
        if m:
            paths.append(("problem_measure", [PROFILE, (p.id, PROBLEM), (m[1], MEASURE), model],
                          [("MATCHES", False), ("ADDRESSES", True), ("USES", True)], p.id))
    if profile.field and profile.field in e.first_in_field:
        c = e.first_in_field[profile.field]
        field = (industry_id(profile.field), INDUSTRY)
        if c.sector:
            paths.append(("field", [PROFILE, field, (industry_id(profile.field, c.sector), INDUSTRY), (c.id, CASE), model],
                          [("IN_FIELD", False), ("PART_OF", True), ("IN_INDUSTRY", True), ("INSTANCE_OF", False)], None))
        else:
            paths.append(("field", [PROFILE, field, (c.id, CASE), model],
                          [("IN_FIELD", False), ("IN_INDUSTRY", True), ("INSTANCE_OF", False)], None))
    if near is not None and near[0] != "macro" and near[2].adcode:
        level, code, case = near
        chain = _region_chain(case.adcode)
        if code in chain:
            nodes = [PROFILE] + [(region_id(c), REGION) for c in chain[chain.index(code):]]
            steps = [("IN_REGION", False)] + [("PART_OF", True)] * (len(nodes) - 2) + [("LOCATED_IN", True),
                                                                                       ("INSTANCE_OF", False)]
            paths.append(("region", nodes + [(case.id, CASE), model], steps, None))
    return paths[:limit]


def _typed_path(index: StoreIndex, e: ModelEntry, raw: tuple) -> ExplanationPath:
    """A raw walk with every node named for the reader (built once per revision and walk)."""
    kind, nodes, steps, problem = raw
    key = ("path", kind, tuple(nodes), tuple(steps), problem)
    # it reads the names of its nodes: the model's entry, its cases' titles, problem and region names
    scope = Scope(models=frozenset({e.id}), cases=frozenset(i for i, k in nodes if k == CASE), names=True)
    return index.typed(key, lambda: _build_path(index, e, kind, nodes, steps, problem), scope)


def _build_path(index: StoreIndex, e: ModelEntry, kind, nodes, steps, problem) -> ExplanationPath:
    mi = index.models

    def name(node_id: str, node_kind: str) -> str:
        if node_kind == PROBLEM:
            return mi.problem_names.get(node_id, "")
        if node_kind == CASE:
            facts = mi.cases.get(node_id)
            return facts.title if facts else ""
        if node_kind == MEASURE:
            return e.measure_names.get(node_id, "")
        if node_kind == MODEL:
            return e.name
        if node_kind == REGION:
            return mi.region_names.get(node_id.split(":", 1)[1], "")
        if node_kind == INDUSTRY:
            return node_id.split(":", 1)[1].rsplit("/", 1)[-1]
        return ""

    return ExplanationPath(kind=kind, problem=problem,
                           nodes=[PathNode(id=i, kind=k, name=name(i, k)) for i, k in nodes],
                           steps=[PathStep(type=t, reverse=r) for t, r in steps])


def _evidence(store: GraphStore, index: StoreIndex, profile: Profile, mine: list[tuple[str, str]],
              chosen: list[_Candidate]) -> dict[str, list[Evidence]]:
    """Supporting cases: those on the paths first, then the nearest, then the best-evidenced."""
    per_item = weights()["candidates"]["evidence_per_item"]
    mi = index.models
    picked: dict[str, list[str]] = {}
    for c in chosen:
        e = c.entry
        picks = [node_id for path in c.paths for node_id, kind in path[1] if kind == CASE]
        picks += [e.first_at[code].id for _, code in mine if code in e.first_at]
        if profile.field and profile.field in e.first_in_field:
            picks.append(e.first_in_field[profile.field].id)
        picks += [c.id for c in e.showcase[:per_item]]
        # documented cases first: an illustrative case is shown only after every documented one that qualifies
        ordered = list(dict.fromkeys(picks))
        facts = mi.cases
        ordered.sort(key=lambda cid: bool(facts.get(cid) and facts[cid].illustrative))
        picked[e.id] = ordered[:per_item]
    outcomes = index.outcomes(store, sorted({cid for ids in picked.values() for cid in ids}))
    return {mid: [index.typed(("evidence", cid), lambda cid=cid: _evidence_of(
        mi.cases.get(cid), cid, mi.region_names, outcomes.get(cid, [])), Scope(cases=frozenset({cid}), names=True))
        for cid in ids] for mid, ids in picked.items()}


def _evidence_of(c: CaseFacts | None, cid: str, region_names: dict[str, str], outcomes: list[dict]) -> Evidence:
    place = ""
    if c and c.adcode:
        place = region_names.get(city_of(c.adcode) or "", "") or region_names.get(province_of(c.adcode) or "", "")
    figures = [o for o in outcomes if o.get("value") is not None and o.get("scope", "unit") == "unit"][:3]
    return Evidence(
        id=cid, title=c.title if c else "", unit=c.unit if c else "", region=place, year=c.year if c else None,
        illustrative=bool(c and c.illustrative),
        outcomes=[OutcomeFigure(metric=o.get("metric"), name=o.get("name"), value=o.get("value"), unit=o.get("unit"),
                                direction=o.get("direction"), scope=o.get("scope") or "unit",
                                evidence=o.get("evidence")) for o in figures])

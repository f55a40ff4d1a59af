"""Models and their maturity: the per-model index the recommender and ``djkg models`` share.

The index is built from per-case named queries (``contributions.py``) and cached per store revision; after a
write it is updated for the cases that changed, so a request only pays for what the write touched. Maturity follows the seed article: a model matures when many independent
units in many places and fields adopt it, report quantified results, institutionalise and promote it —
and loses credit for formalism (slogans without measures, no stated problem).
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..core.contract import Maturity, MaturityComponents, MeasureUse, ModelDetail, ModelSummary, ProblemSupport
from ..core.numerals import ascii_digits
from ..core.yamlio import safe_load
from ..graph.adcodes import city_of, county_of, province_of
from ..graph.schema import MODEL
from ..graph.store import GraphStore


FIELD_CERTAIN = 0.6    # an inferred field counts for a model's field list from this confidence


@lru_cache(maxsize=1)
def weights() -> dict[str, Any]:
    return safe_load(resources.files(__package__).joinpath("ranking.yaml").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)   # one per case of a model: slots keep 100k of them small
class CaseFacts:
    id: str
    title: str
    unit: str
    year: int | None
    adcode: str | None
    field: str | None
    sector: str | None
    flags: tuple[str, ...]
    signals: tuple[str, ...]
    quantified: int
    illustrative: bool
    field_certain: bool = True    # the field was declared, or inferred with confidence (FIELD_CERTAIN)


@dataclass
class ModelEntry:
    id: str
    name: str
    props: dict[str, Any]
    cases: list[CaseFacts] = field(default_factory=list)
    problems: dict[str, int] = field(default_factory=dict)      # problem id -> supporting cases
    problem_examples: dict[str, str] = field(default_factory=dict)   # problem id -> example case id
    example_keys: dict[str, str] = field(default_factory=dict)       # problem id -> the example's rank key
    measures: dict[str, int] = field(default_factory=dict)      # measure id -> USES support
    measure_names: dict[str, str] = field(default_factory=dict)
    maturity: Maturity | None = None
    regions: list[str] = field(default_factory=list)            # province names (sorted)
    cities: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    # precomputed so a request never scans a model's cases
    field_counts: dict[str, int] = field(default_factory=dict)
    sector_counts: dict[tuple[str, str], int] = field(default_factory=dict)
    first_in_field: dict[str, CaseFacts] = field(default_factory=dict)
    first_at: dict[str, CaseFacts] = field(default_factory=dict)   # county/city/province code or macro name -> case
    showcase: list[CaseFacts] = field(default_factory=list)       # best-evidenced cases first (quantified, real)

    @property
    def candidate(self) -> bool:
        return bool(self.props.get("candidate"))


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one case adds to the index, kept so that an update can withdraw exactly that (``contributions.py``)."""
    models: tuple[str, ...] = ()                   # models the case is an instance of
    facts: CaseFacts | None = None                 # its facts, when it is an instance of a model
    example_key: str = ""                          # how it ranks as a problem's example case ("<0|1><id>")
    problems: tuple[str, ...] = ()                 # problems it faces (kept for cases of a model)
    uses: tuple[tuple[str, str], ...] = ()         # USES rows it contributes: (model, measure)
    addresses: tuple[tuple[str, str], ...] = ()    # ADDRESSES rows it contributes: (measure, problem)


@dataclass
class ModelIndex:
    revision: str
    models: dict[str, ModelEntry]
    region_names: dict[str, str] = field(default_factory=dict)   # adcode -> official name
    problem_names: dict[str, str] = field(default_factory=dict)  # problem id -> name (problems the index knows)
    macro: dict[str, str] = field(default_factory=dict)          # province adcode -> 东部/中部/西部/东北
    addresses: dict[str, dict[str, int]] = field(default_factory=dict)   # problem -> measure -> support
    cases: dict[str, CaseFacts] = field(default_factory=dict)
    # what an update needs besides the aggregates (contributions.py)
    contributions: dict[str, Contribution] = field(default_factory=dict)   # case id -> what it adds
    uses: dict[str, dict[str, int]] = field(default_factory=dict)          # model -> measure -> USES support
    region_refs: dict[str, int] = field(default_factory=dict)              # adcode -> (model, case) rows naming it


def finish_entry(entry: ModelEntry, names: dict[str, str], macro: dict[str, str]) -> None:
    """Everything a model entry derives from its cases (kept sorted by id), names and macro-regions: the places
    and fields it lists, maturity, and the aggregates a request reads. Run for every model when the index is
    built, and only for the models a write touched when it is updated (``contributions.py``)."""
    entry.regions = sorted({names.get(province_of(c.adcode), "") for c in entry.cases if c.adcode} - {""})
    entry.cities = sorted({names.get(city_of(c.adcode) or "", "") for c in entry.cases if c.adcode} - {""})
    # a field is listed for the model only from cases whose field is certain (declared, or clearly inferred)
    entry.fields = sorted({c.field for c in entry.cases if c.field and c.field_certain})
    entry.maturity = maturity(entry)
    _aggregate(entry, macro)


def _aggregate(entry: ModelEntry, macro: dict[str, str]) -> None:
    # best-evidenced first: documented before illustrative (an illustrative case never stands before a documented
    # one), then cases with figures
    entry.showcase = sorted(entry.cases, key=lambda c: (c.illustrative, 0 if c.quantified else 1, c.id))
    entry.field_counts, entry.sector_counts, entry.first_in_field, entry.first_at = {}, {}, {}, {}
    for c in entry.showcase:               # best-evidenced first, so "first" means "best"
        if c.field:
            entry.field_counts[c.field] = entry.field_counts.get(c.field, 0) + 1
            entry.first_in_field.setdefault(c.field, c)
            if c.sector:
                key = (c.field, c.sector)
                entry.sector_counts[key] = entry.sector_counts.get(key, 0) + 1
        for code in (county_of(c.adcode), city_of(c.adcode), province_of(c.adcode),
                     macro.get(province_of(c.adcode) or "")):
            if code:
                entry.first_at.setdefault(code, c)


def _sat(n: float, saturation: float) -> float:
    return min(1.0, math.log1p(n) / math.log1p(saturation)) if saturation > 0 else 0.0


def maturity(entry: ModelEntry, *, current_year: int | None = None) -> Maturity:
    """Maturity in [0, 1] with every component shown: computed from the cases, never typed in."""
    w = weights()["maturity"]
    cases = entry.cases
    n = len(cases)
    share = (lambda pred: (sum(1 for c in cases if pred(c)) / n) if n else 0.0)
    # Illustrative (composite) cases are weaker evidence of replication than documented ones: a place or
    # unit known only from them counts ``illustrative_weight`` (ranking.yaml), not 1.
    iw = float(w.get("illustrative_weight", 0.5))

    def spread(key) -> float:
        real = {key(c) for c in cases if not c.illustrative} - {None}
        shown = {key(c) for c in cases if c.illustrative} - {None} - real
        return len(real) + iw * len(shown)

    adopters = spread(lambda c: c.unit or c.id)
    cities = spread(lambda c: city_of(c.adcode) if c.adcode else None)
    provinces = spread(lambda c: province_of(c.adcode) if c.adcode else None)
    documented = share(lambda c: not c.illustrative) if n else 0.0
    fields = len({c.field for c in cases if c.field})
    quantified = share(lambda c: c.quantified > 0)
    institutionalised = share(lambda c: "institutionalised" in c.signals)
    promoted = share(lambda c: "promoted" in c.signals)
    # formalism (the seed article's 面子工程): all slogans, or neither a problem it set out to solve nor a figure of
    # what changed — a news report that simply does not restate the problem is not evidence of formalism
    formalism = share(lambda c: "slogan_heavy" in c.flags
                      or ("no_problem" in c.flags and "no_quantified_outcome" in c.flags))
    years = [c.year for c in cases if c.year]
    since = entry.props.get("since")
    first = min([y for y in years] + ([int(since)] if ascii_digits(str(since or "")) else []), default=None)
    # the current year comes from the clock (a library read next year has one more year of use)
    now = current_year or datetime.date.today().year
    years_in_use = max(0, now - first) if first else 0
    parts = MaturityComponents(
        adopters=w["adopters"]["weight"] * _sat(adopters, w["adopters"]["saturation"]),
        cities=w["cities"]["weight"] * _sat(cities, w["cities"]["saturation"]),
        provinces=w["provinces"]["weight"] * _sat(provinces, w["provinces"]["saturation"]),
        fields=w["fields"]["weight"] * _sat(fields, w["fields"]["saturation"]),
        quantified_share=w["quantified_share"]["weight"] * quantified,
        years_in_use=w["years_in_use"]["weight"] * _sat(years_in_use, w["years_in_use"]["saturation"]),
        institutionalised_share=w["institutionalised_share"]["weight"] * institutionalised,
        promoted_share=w["promoted_share"]["weight"] * promoted,
    )
    penalty = w["formalism_penalty"] * formalism
    score = max(0.0, min(1.0, sum(parts.model_dump().values()) - penalty))
    levels = w["levels"]
    return Maturity(
        score=round(score, 6), level="mature" if score >= levels["mature"] else (
            "growing" if score >= levels["growing"] else "nascent"),
        cases=n, adopters=round(adopters, 2),
        cities=len({city_of(c.adcode) for c in cases if c.adcode and city_of(c.adcode)}),
        provinces=len({province_of(c.adcode) for c in cases if c.adcode}), fields=fields,
        weighted_cities=round(cities, 2), weighted_provinces=round(provinces, 2),
        documented_share=round(documented, 4), quantified_share=round(quantified, 4),
        years_in_use=years_in_use, first_year=first,
        institutionalised_share=round(institutionalised, 4), promoted_share=round(promoted, 4),
        formalism_share=round(formalism, 4),
        components=MaturityComponents(**{k: round(v, 6) for k, v in parts.model_dump().items()}),
        formalism_penalty=round(penalty, 6),
    )


def measure_edges(index: ModelIndex, measure_id: str) -> tuple[dict[str, int], dict[str, int]]:
    """A measure's aggregated edges as the index counts them: the problems it addresses and the models that use it,
    each with its support (the cases contributing the edge — what the stores' ``edges_of`` returns as ``support``),
    in id order. Pages read these instead of the stores' per-case edge rows, tens of thousands per measure at 100k
    cases."""
    problems = {p: by_measure[measure_id] for p, by_measure in index.addresses.items() if measure_id in by_measure}
    models = {m: by_measure[measure_id] for m, by_measure in index.uses.items() if measure_id in by_measure}
    return dict(sorted(problems.items())), dict(sorted(models.items()))


def model_problem_cases(index: ModelIndex, model_ids: list[str], problem_ids: list[str]) -> list[tuple[str, str, int]]:
    """(model, problem, cases of the model facing the problem) for the given models and problems, most cases
    first, then by ids; pairs without a case are left out."""
    wanted = set(problem_ids)
    rows = [(m, p, n) for m in dict.fromkeys(model_ids) if m in index.models
            for p, n in index.models[m].problems.items() if p in wanted and n > 0]
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


def list_models(index: ModelIndex, *, include_candidates: bool = False) -> list[ModelSummary]:
    out = []
    for entry in sorted(index.models.values(), key=lambda e: (-e.maturity.score, e.id)):
        if entry.candidate and not include_candidates:
            continue
        out.append(ModelSummary(id=entry.id, name=entry.name, cases=len(entry.cases), regions=entry.regions,
                                cities=entry.cities, fields=entry.fields, maturity=entry.maturity,
                                candidate=entry.candidate))
    return out


def model_detail(store: GraphStore, index: ModelIndex, model_id: str) -> ModelDetail | None:
    entry = index.models.get(model_id)
    if entry is None:
        node = store.get_node(model_id)
        if node is None or node.label != MODEL:
            return None
        p = node.props
        return ModelDetail(id=node.id, name=str(p.get("name") or node.id), cases=0, summary=p.get("summary"),
                           origin=p.get("origin"), since=_int(p.get("since")), candidate=bool(p.get("candidate")))
    names = {n.id: n.name for n in store.get_nodes(sorted(entry.problems))}
    return ModelDetail(
        id=entry.id, name=entry.name, cases=len(entry.cases), regions=entry.regions, cities=entry.cities,
        fields=entry.fields, maturity=entry.maturity, candidate=entry.candidate,
        summary=entry.props.get("summary"), origin=entry.props.get("origin"), since=_int(entry.props.get("since")),
        case_ids=[c.id for c in entry.cases],
        measures=[MeasureUse(id=m, name=entry.measure_names.get(m) or "", support=s)
                  for m, s in sorted(entry.measures.items(), key=lambda kv: (-kv[1], kv[0]))],
        problems=[ProblemSupport(id=p, name=names.get(p, ""), cases=s)
                  for p, s in sorted(entry.problems.items(), key=lambda kv: (-kv[1], kv[0]))],
    )


def _int(value: Any) -> int | None:
    return int(value) if ascii_digits(str(value or "")) else None

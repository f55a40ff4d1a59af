"""The typed answer, from the parsed profile to the page: one definition every room shares.

``ingest.profile.parse_profile`` returns a ``Profile``; ``queries.recommend.recommend`` returns a
``Recommendation``; the HTTP API uses these classes as its response models (so OpenAPI names every property), the
CLI and the pages read their attributes. Values here are data, never display text: Chinese names of node
types, relations, levels and score components live in one table in ``viz/labels.py``.

To add a score component: give it a weight in ``queries/ranking.yaml``, a field in ``ScoreBreakdown`` and
``ScoreWeights`` below, compute it in ``queries/recommend.py``, and name it in ``viz/labels.py``.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

MaturityLevel = Literal["mature", "growing", "nascent"]
ProblemMatch = Literal["taxonomy", "variant", "lexical"]
PathKind = Literal["problem_case", "problem_measure", "field", "region"]
OutcomeScope = Literal["unit", "region"]


class _Contract(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- the unit asking ---------------------------------------------------------------------------------

class RegionRef(_Contract):
    """A place resolved against the gazetteer (GB/T 2260); names are official names."""
    province: Optional[str] = None
    city: Optional[str] = None
    county: Optional[str] = None
    adcode: Optional[str] = Field(None, description="行政区划代码（最细一级）")
    macro: Optional[str] = Field(None, description="四大区域：东部、中部、西部、东北")


class ProfileProblem(_Contract):
    """A problem recognised in what the user wrote, with the clause it came from."""
    id: str = Field(description="问题 id（problem:…）")
    name: str = Field(description="问题名称")
    clause: str = Field("", description="用户原话中对应的分句")
    how: ProblemMatch = Field("taxonomy", description="taxonomy 词表；variant 近义变体；lexical 文本相似")
    weight: float = Field(1.0, description="该问题在问题匹配中的权重")


class Profile(_Contract):
    """The unit as the system understood it."""
    region: RegionRef = Field(default_factory=RegionRef)
    field: Optional[str] = Field(None, description="七个领域之一")
    sector: Optional[str] = Field(None, description="更细的行业（高校、医院、快递物流……）")
    problems: list[ProfileProblem] = Field(default_factory=list)
    unmatched: list[str] = Field(default_factory=list, description="没有理解为任何问题的分句")
    warnings: list[str] = Field(default_factory=list)
    # the normalised free text and its tokens feed lexical similarity; they are not part of the answer
    text: str = Field("", exclude=True)
    tokens: tuple[str, ...] = Field((), exclude=True)


# --- scores ------------------------------------------------------------------------------------------

class ScoreWeights(_Contract):
    problem_fit: float
    field_fit: float
    region_proximity: float
    maturity: float
    lexical: float


class ProblemFit(_Contract):
    problem: str = Field(description="问题 id")
    score: float = Field(description="该模式对这个问题的匹配度 0–1")


class ScoreBreakdown(_Contract):
    """Each component in [0, 1]; the score is their sum weighted by ``weights``."""
    problem_fit: float
    field_fit: float
    region_proximity: float
    maturity: float
    lexical: float
    weights: ScoreWeights
    per_problem: list[ProblemFit] = Field(default_factory=list)

    def components(self) -> list[tuple[str, float, float]]:
        """(name, value, weight) for every component, in the order of ``ScoreWeights``."""
        return [(k, getattr(self, k), getattr(self.weights, k)) for k in ScoreWeights.model_fields]


class MaturityComponents(_Contract):
    adopters: float
    cities: float
    provinces: float
    fields: float
    quantified_share: float
    years_in_use: float
    institutionalised_share: float
    promoted_share: float


class Maturity(_Contract):
    """How mature and replicable a model is (the seed article's criteria), every signal shown."""
    score: float = Field(description="0–1")
    level: MaturityLevel
    cases: int
    adopters: float = Field(description="独立采用单位数（示意案例按权重折算）")
    cities: int
    provinces: int
    fields: int
    weighted_cities: float
    weighted_provinces: float
    documented_share: float = Field(description="有来源（不是示意）的案例占比")
    quantified_share: float = Field(description="有量化成效的案例占比")
    years_in_use: int
    first_year: Optional[int] = Field(None, description="最早开始推行的年份")
    institutionalised_share: float
    promoted_share: float
    formalism_share: float
    components: MaturityComponents
    formalism_penalty: float


# --- explanation -------------------------------------------------------------------------------------

class PathNode(_Contract):
    id: str = Field(description="节点 id；“profile”表示提问的单位")
    kind: str = Field(description="节点类型：Profile Problem Measure Case Model Region Industry")
    name: str = ""


class PathStep(_Contract):
    type: str = Field(description="关系类型")
    reverse: bool = Field(False, description="true 表示关系由右边的节点指向左边")


class ExplanationPath(_Contract):
    """A walk from the unit to the model: ``nodes[i]`` and ``nodes[i+1]`` are joined by ``steps[i]``."""
    kind: PathKind
    nodes: list[PathNode]
    steps: list[PathStep]
    problem: Optional[str] = Field(None, description="路径出发的问题 id（问题类路径）")

    def ids(self) -> list[str]:
        return [n.id for n in self.nodes]


class OutcomeFigure(_Contract):
    metric: Optional[str] = None
    name: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    direction: Optional[str] = None
    scope: OutcomeScope = "unit"
    evidence: Optional[str] = None


class Evidence(_Contract):
    """A case that backs a recommendation."""
    id: str
    title: str = ""
    unit: str = ""
    region: str = Field("", description="所在城市（或省份）")
    year: Optional[int] = None
    illustrative: bool = Field(False, description="示意案例（无公开来源）")
    outcomes: list[OutcomeFigure] = Field(default_factory=list, description="关键成效数字")


class ModelRef(_Contract):
    id: str
    name: str


class RecommendedModel(_Contract):
    model: ModelRef
    score: float = Field(description="综合得分 0–1")
    breakdown: ScoreBreakdown
    paths: list[ExplanationPath]
    evidence: list[Evidence]
    maturity: Maturity
    summary: Optional[str] = None


# a store with no cases answers every profile with nothing: the answer says so, rather than ask the user to describe
# the unit better (the Chinese half is what pages show: no command in it)
EMPTY_STORE = ("库中还没有案例，暂时无法推荐：请先导入案例材料，或在“提交案例”页逐篇提交 / "
               "the store holds no cases yet: ingest case write-ups first (djkg ingest <folder>)")


class Recommendation(_Contract):
    items: list[RecommendedModel]
    profile: Profile
    warnings: list[str] = Field(default_factory=list)
    top_k: int

    @property
    def from_empty_store(self) -> bool:
        """Whether nothing was found because the store holds no cases (not because nothing fits)."""
        return EMPTY_STORE in self.warnings


# --- models ------------------------------------------------------------------------------------------

class ModelSummary(_Contract):
    id: str
    name: str
    cases: int
    regions: list[str] = Field(default_factory=list, description="省份")
    cities: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    maturity: Optional[Maturity] = Field(None, description="没有案例的模式为空")
    candidate: bool = False


class MeasureUse(_Contract):
    id: str
    name: str = ""
    support: int = Field(description="采用该举措的案例数")


class ProblemSupport(_Contract):
    id: str
    name: str = ""
    cases: int = Field(description="面临该问题的案例数")


class ModelDetail(ModelSummary):
    summary: Optional[str] = None
    origin: Optional[str] = None
    since: Optional[int] = None
    case_ids: list[str] = Field(default_factory=list)
    measures: list[MeasureUse] = Field(default_factory=list)
    problems: list[ProblemSupport] = Field(default_factory=list)

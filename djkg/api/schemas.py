"""Pydantic v2 models of the HTTP requests and the envelopes around the shared answer types (``core/contract.py``),
with Chinese descriptions for the OpenAPI docs."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt

from ..core.contract import ModelSummary, Recommendation
from ..graph.review import AUDIT_ACTIONS

# Hard schema bounds (the settings object holds the operator-tunable ones; these stop absurd input early).
MAX_FIELD_CHARS = 20_000


class ErrorDetail(BaseModel):
    message: str = Field(description="中英文错误信息 / bilingual message")
    zh: str
    en: str


class ErrorBody(BaseModel):
    detail: ErrorDetail | list[Any] | str


class RecommendationRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "region": "山东省烟台市栖霞市", "industry": "农村",
        "problems": ["村集体经济薄弱，几乎没有经营性收入", "年轻人外出务工，土地撂荒"],
        "description": "我们是一个山区村，党员 23 名", "top_k": 5}]})

    region: Optional[str] = Field(None, max_length=200, description="所在地区（省/市/县，可简写，如“栖霞”）",
                                  examples=["山东省烟台市栖霞市"])
    industry: Optional[str] = Field(None, max_length=100, description="所属领域：农村、城市社区、机关、事业单位、国有企业、"
                                    "非公有制经济组织、社会组织（也可写“高校”“快递”等行业）", examples=["农村"])
    problems: list[str] = Field(default_factory=list, max_length=50, description="面临的问题，一句话一条",
                                examples=[["村集体经济薄弱"]])
    description: Optional[str] = Field(None, max_length=MAX_FIELD_CHARS, description="补充描述（自由文本）")
    top_k: int = Field(5, description="返回模式数量（超出范围会被调整，并在 warnings 中说明）")


# The answer's types are the shared contract (core/contract.py): the API returns them as they are.
RecommendationResponse = Recommendation


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class ModelPage(BaseModel):
    items: list[ModelSummary]
    total: int
    limit: int
    offset: int


class CaseIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "title": "党支部领办合作社让山村增收", "unit": "某村党支部", "region": "山东省烟台市栖霞市", "industry": "农村",
        "year": 2020, "text": "一、面临问题\n村集体经济薄弱……\n二、主要做法\n……\n三、取得成效\n村集体收入由2万元提高到35万元。"}]})

    text: str = Field(min_length=1, description="案例正文（经验材料、新闻报道、简报等）")
    id: Optional[str] = Field(None, max_length=120, description="自定义 id（可选，相同 id 再次提交即更新）")
    title: Optional[str] = Field(None, max_length=300)
    unit: Optional[str] = Field(None, max_length=300)
    brand: Optional[str] = Field(None, max_length=300)
    year: Optional[int] = Field(None, ge=1949, le=2100)
    region: Optional[str] = Field(None, max_length=300)
    industry: Optional[str] = Field(None, max_length=100)
    sector: Optional[str] = Field(None, max_length=100)
    model: Optional[str] = Field(None, max_length=200)
    source: Optional[str] = Field(None, max_length=500)
    illustrative: Optional[bool] = None


class IngestResult(BaseModel):
    status: str = Field(description="inserted / updated / unchanged")
    case: dict[str, Any]


class Health(BaseModel):
    status: str
    store: str
    cases: int
    version: str


# --- review and correct ---------------------------------------------------------------------------------

Name = Annotated[str, Field(min_length=1, max_length=60)]
Id = Annotated[str, Field(min_length=1, max_length=120)]


class OutcomeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Optional[str] = Field(None, max_length=60, description="成效名称（没有指标时必填）")
    metric: Optional[str] = Field(None, max_length=60, description="指标 id 或名称（如 collective-income、群众满意度）")
    value: Optional[float] = Field(None, ge=-1e12, le=1e12, allow_inf_nan=False, description="数值（定性成效可不填）")
    unit: Optional[str] = Field(None, max_length=12, description="单位（万元、%、户……）")
    scope: Optional[Literal["unit", "region"]] = Field(None, description="unit = 本单位的成效（默认）；region = 所在地区的数字")
    direction: Optional[Literal["up", "down", "none"]] = Field(None, description="越大越好 up / 越小越好 down / none")


class CorrectionIn(BaseModel):
    """Only the fields given are changed. ``version`` (or the ``If-Match`` header) is the version the editor saw."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "version": "3f1c…", "region": "山东省烟台市栖霞市", "field": "农村", "year": 2019,
        "add_problems": ["村集体经济薄弱"], "remove_outcomes": ["outcome:1a2b3c4d5e6f70"],
        "add_outcomes": [{"metric": "collective-income", "value": 35, "unit": "万元", "scope": "unit"}],
        "illustrative": False, "note": "据县委组织部核实"}]})

    version: Optional[str] = Field(None, max_length=128, description="案例当前版本（GET 返回的 version / ETag）")
    region: Optional[str] = Field(None, max_length=100, description="地区：省/市/县名称或 6 位区划代码")
    field: Optional[str] = Field(None, max_length=20, description="领域（七个领域之一）")
    sector: Optional[str] = Field(None, max_length=40, description="细分行业（空字符串 = 不设）")
    unit: Optional[str] = Field(None, max_length=200, description="单位名称")
    year: Optional[StrictInt] = Field(None, ge=1949, le=2100, description="年份")
    model: Optional[str] = Field(None, max_length=120, description="模式 id 或名称；null = 不属于任何模式")
    illustrative: Optional[StrictBool] = Field(None, description="true = 示意案例，false = 有据可查")
    add_problems: list[Name] = Field(default_factory=list, max_length=20, description="添加的问题（id 或名称）")
    remove_problems: list[Id] = Field(default_factory=list, max_length=20)
    add_measures: list[Name] = Field(default_factory=list, max_length=20, description="添加的做法（id 或名称）")
    remove_measures: list[Id] = Field(default_factory=list, max_length=20)
    add_outcomes: list[OutcomeIn] = Field(default_factory=list, max_length=20)
    remove_outcomes: list[Id] = Field(default_factory=list, max_length=20, description="要删除的成效 id")
    note: Optional[str] = Field(None, max_length=500, description="更正说明（记入审计）")

    def request(self) -> dict[str, Any]:
        """The change asked for, as ``ingest/corrections.resolve`` reads it (unset and empty fields left out;
        ``model: null`` kept: it means "no model")."""
        data = self.model_dump(exclude_unset=True, exclude={"version", "note"})
        return {k: v for k, v in data.items() if (v is not None or k == "model") and v != []}


class CorrectionRecord(BaseModel):
    seq: int
    at: str
    actor: str
    note: str
    change: dict[str, Any]


class CorrectionOut(BaseModel):
    status: str = Field(description="updated / unchanged（事实本来如此，更正已记录）")
    version: str = Field(description="更正后的版本")
    change: dict[str, Any]
    case: dict[str, Any]


class AcceptIn(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    as_: Literal["new", "synonym"] = Field(alias="as", description="new = 作为新的规范概念；synonym = 作为已有概念的同义词")
    of: Optional[str] = Field(None, max_length=120, description="synonym 时：已有概念的 id")
    name: Optional[str] = Field(None, max_length=40, description="new 时：规范名称（默认为候选短语）")
    key: Optional[str] = Field(None, max_length=41, description="new 时：英文 id（小写字母、数字、- .）")
    category: Optional[str] = Field(None, max_length=20, description="new 时：类别")


class RejectIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: Optional[str] = Field(None, max_length=500, description="否决理由（记入审计）")


class CandidateEvidence(BaseModel):
    case: str
    title: str
    sentence: str


class Candidate(BaseModel):
    id: str
    label: str
    name: str
    cases: int = Field(description="提到它的案例数")
    evidence: list[CandidateEvidence] = Field(default_factory=list, description="例句（最多 3 句）")


class CandidatePage(BaseModel):
    items: list[Candidate]
    total: int
    limit: int
    offset: int


class Decision(BaseModel):
    candidate: dict[str, Any]
    cases: list[str] = Field(description="重新链接的案例 / cases re-linked")
    model_config = ConfigDict(extra="allow")


class AuditItem(BaseModel):
    seq: int
    at: str
    actor: str
    action: Literal[AUDIT_ACTIONS]  # type: ignore[valid-type]
    target: str
    before: Any
    after: Any


class AuditPage(BaseModel):
    items: list[AuditItem]
    total: int
    limit: int
    offset: int


class Principal(BaseModel):
    name: str
    role: str

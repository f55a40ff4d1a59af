"""Pydantic v2 models: the HTTP contract (DESIGN.md §5), with Chinese descriptions for the OpenAPI docs."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field

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
    size: Optional[int] = Field(None, ge=0, le=10_000_000, description="党员人数（可选）")
    top_k: int = Field(5, description="返回模式数量（超出范围会被调整，并在 warnings 中说明）")


class ModelRef(BaseModel):
    id: str = Field(description="模式 id")
    name: str = Field(description="模式名称")


class EvidenceDetail(BaseModel):
    id: str
    title: str = ""
    unit: str = ""
    region: str = ""
    year: Optional[int] = None
    outcomes: list[dict[str, Any]] = Field(default_factory=list, description="关键成效数字")


class RecommendationItem(BaseModel):
    model: ModelRef
    score: float = Field(description="综合得分 0–1")
    breakdown: dict[str, Any] = Field(description="得分构成：问题匹配、领域、地区、成熟度、文本相似度")
    paths: list[list[str]] = Field(description="解释路径：节点 id 与关系类型交替，“TYPE<-”表示反向")
    evidence: list[str] = Field(description="支撑案例 id")
    evidence_details: list[EvidenceDetail] = Field(default_factory=list)
    maturity: dict[str, Any] = Field(description="成熟度及其构成")
    summary: Optional[str] = None


class RecommendationResponse(BaseModel):
    items: list[RecommendationItem]
    profile: dict[str, Any] = Field(description="系统理解到的单位画像")
    warnings: list[str] = Field(default_factory=list, description="提示（如 top_k 被调整、地区未识别）")
    top_k: int


class Page(BaseModel):
    items: list[dict[str, Any]]
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

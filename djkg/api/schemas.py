"""Pydantic v2 models of the HTTP requests and the envelopes around the shared answer types (``core/contract.py``),
with Chinese descriptions for the OpenAPI docs."""

from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..core.contract import ModelSummary, Recommendation

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

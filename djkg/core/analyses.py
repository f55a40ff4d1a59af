"""The typed answers of the organisation-department analyses: the gap map, emerging models and a model's diffusion.

Kept apart from ``contract.py`` (the recommendation's answer) but built the same way: frozen, no extra fields,
values are data (codes, ids, numbers), never display text — the Chinese words live in ``viz/labels.py``. The HTTP
API returns these classes as its response models; the CLI and the pages read their attributes.

How each figure is computed is documented where it is computed: ``queries/gaps.py``, ``queries/emerging.py``,
``queries/diffusion.py``.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from .contract import MaturityLevel, ModelRef, _Contract

OriginSource = Literal["declared", "first_adopter"]


class PlaceRef(_Contract):
    """A province-level division: its GB/T 2260 code and official name."""
    adcode: str = Field(description="六位行政区划代码，如 370000")
    name: str = Field(description="官方名称，如 山东省")


# --- gap map -------------------------------------------------------------------------------------------

class GapAnswer(_Contract):
    """The named model that answers a problem best: fit to the problem × maturity."""
    model: ModelRef
    fit: float = Field(description="模式对该问题的匹配度 0–1（与推荐的问题匹配同一算法）")
    maturity: float = Field(description="模式成熟度 0–1")
    level: MaturityLevel
    answer: float = Field(description="回答强度 = 匹配度 × 成熟度")


class ProblemGap(_Contract):
    """One problem of the gap map: how many face it, who answers it best, and the gap between the two."""
    id: str = Field(description="问题 id")
    name: str
    category: Optional[str] = Field(None, description="问题类别")
    cases: int = Field(description="面临该问题的案例数")
    units: int = Field(description="面临该问题的不同单位数")
    cities: int
    provinces: int
    demand: float = Field(description="需求强度 0–1：log(1+单位数) / log(1+本表最多的单位数)")
    best: Optional[GapAnswer] = Field(None, description="回答最好的模式；没有任何模式回答则为空")
    gap: float = Field(description="缺口 = 需求强度 × (1 − 回答强度)，0–1，越大越缺")


class GapCell(_Contract):
    """A cell of a heat table: one problem in one field (key = the field) or one province (key = its adcode)."""
    problem: str = Field(description="问题 id")
    key: str = Field(description="领域名称，或省级行政区划代码")
    cases: int
    units: int
    demand: float
    answer: float = Field(description="该格的最佳回答强度（领域格只计在该领域有案例的模式）")
    model: Optional[str] = Field(None, description="该格回答最好的模式 id")
    gap: float


class GapMap(_Contract):
    """Where many units face a problem that no mature model answers yet, by field and by province."""
    province: Optional[PlaceRef] = Field(None, description="筛选的省份（为空表示全国）")
    field: Optional[str] = Field(None, description="筛选的领域（为空表示全部领域）")
    cases: int = Field(description="筛选范围内面临至少一个问题的案例数")
    problems: list[ProblemGap] = Field(default_factory=list, description="按缺口从大到小")
    fields: list[str] = Field(default_factory=list, description="领域热力表的列")
    provinces: list[PlaceRef] = Field(default_factory=list, description="省份热力表的列")
    by_field: list[GapCell] = Field(default_factory=list, description="问题 × 领域（受省份筛选）")
    by_province: list[GapCell] = Field(default_factory=list, description="问题 × 省份（受领域筛选）")


# --- emerging models -----------------------------------------------------------------------------------

class SharedConcept(_Contract):
    """A measure (or problem) of a group with how many of the group's cases share it."""
    id: str
    name: str
    cases: int = Field(description="组内采用（面临）它的案例数")
    share: float = Field(description="组内占比 0–1")
    lift: Optional[float] = Field(None, description="做法：组内占比 ÷ 全部未归入模式案例中的占比")


class EmergingCase(_Contract):
    id: str
    title: str = ""
    unit: str = ""
    year: Optional[int] = None
    adcode: Optional[str] = None
    field: Optional[str] = None


class EmergingGroup(_Contract):
    """Cases outside every named model that apply the same unusual combination of measures."""
    id: str = Field(description="由核心做法决定的稳定 id")
    name: str = Field(description="由最有代表性的做法拟的名称")
    measures: list[SharedConcept] = Field(description="共同做法，按代表性排序")
    problems: list[SharedConcept] = Field(default_factory=list, description="组内至少两个案例共同面临的问题")
    cases: int
    case_list: list[EmergingCase] = Field(default_factory=list, description="案例（最多列出 100 个）")
    units: list[str] = Field(default_factory=list)
    cities: list[PlaceRef] = Field(default_factory=list, description="城市（代码与名称）")
    provinces: list[PlaceRef] = Field(default_factory=list)
    years: list[int] = Field(default_factory=list)
    p_value: float = Field(description="核心做法两两同现的最小超几何检验 p 值（未校正）")
    resembles: Optional[ModelRef] = Field(None, description="核心做法过半是某个已命名模式的典型做法时给出该模式："
                                          "这组案例可能是该模式未被识别的实例，而不是新模式")
    resemblance: float = Field(0.0, description="核心做法中属于该模式典型做法的比例")


class EmergingParams(_Contract):
    min_cases: int = Field(description="一组至少的案例数")
    min_cities: int = Field(description="一组至少覆盖的城市数")
    min_lift: float = Field(description="做法对同现的最小提升度")
    alpha: float = Field(description="显著性水平（按检验的做法对数做 Bonferroni 校正）")


class EmergingModels(_Contract):
    population: int = Field(description="未归入任何已命名模式的案例数")
    pairs_tested: int = Field(description="参与检验的做法对数")
    params: EmergingParams
    groups: list[EmergingGroup] = Field(default_factory=list)


# --- diffusion -----------------------------------------------------------------------------------------

class Adopter(_Contract):
    case: str = Field(description="案例 id")
    title: str = ""
    unit: str = ""
    year: Optional[int] = None
    province: Optional[PlaceRef] = None


class YearCases(_Contract):
    year: int
    cases: int


class YearSpread(_Contract):
    year: int
    cases: int = Field(description="这一年开始推行的案例数")
    new_units: int = Field(description="这一年新加入的单位数")
    units: int = Field(description="截至这一年累计单位数")
    provinces: int = Field(description="截至这一年累计省份数")
    new_provinces: list[str] = Field(default_factory=list, description="这一年首次出现的省份代码")


class ProvinceSpread(_Contract):
    province: PlaceRef
    joined: Optional[int] = Field(None, description="该省最早案例的年份")
    cases: int
    units: int
    distance_km: Optional[float] = Field(None, description="与发源地省份中心的大圆距离（公里）")
    first_case: str = Field(description="该省最早的案例 id")
    years: list[YearCases] = Field(default_factory=list, description="该省每年开始推行的案例数")


class DiffusionOrigin(_Contract):
    province: Optional[PlaceRef] = None
    source: Optional[OriginSource] = Field(None, description="declared：模式资料写明的发源地；first_adopter：最早案例所在省")
    declared: Optional[str] = Field(None, description="模式资料中的发源地原文")


class Diffusion(_Contract):
    """How a model spread: adopters by year and province, when each province joined, how far from the origin."""
    model: ModelRef
    cases: int
    units: int
    origin: DiffusionOrigin
    first_adopter: Optional[Adopter] = None
    by_year: list[YearSpread] = Field(default_factory=list)
    provinces: list[ProvinceSpread] = Field(default_factory=list, description="按加入年份排序")
    undated: int = Field(0, description="没有年份的案例数")
    unplaced: int = Field(0, description="没有省份的案例数")

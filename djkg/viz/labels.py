"""Every word a person reads for a code the data holds: one table per kind, used by the drawing, the legend,
the intros, the tooltips, the pages and the CLI.

Node types carry their drawing (colour, shape) and the plain-Chinese words for that drawing, so an intro that
says "红色星形是模式" is generated from the same entry the graph is drawn from and cannot drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..graph import schema as S

PROFILE = "Profile"   # the unit asking (recommendation view); not a stored label


@dataclass(frozen=True)
class NodeType:
    zh: str          # 模式
    color: str       # fill colour
    shape: str       # vis-network shape
    look: str        # the drawing in words: 红色星形

    def is_(self) -> str:
        return f"{self.look}是{self.zh}"


NODE_TYPES: dict[str, NodeType] = {
    S.MODEL: NodeType("模式", "#c0392b", "star", "红色星形"),
    S.CASE: NodeType("案例", "#2e6fba", "dot", "蓝色圆点"),
    S.PROBLEM: NodeType("问题", "#e67e22", "triangle", "橙色三角"),
    S.MEASURE: NodeType("做法", "#27ae60", "square", "绿色方块"),
    S.OUTCOME: NodeType("成效", "#8e44ad", "diamond", "紫色菱形"),
    S.REGION: NodeType("地区", "#16a085", "ellipse", "青绿色椭圆"),
    S.INDUSTRY: NodeType("领域", "#8d6e63", "hexagon", "棕色六边形"),
    PROFILE: NodeType("本单位", "#7f8c8d", "box", "灰色方框"),
}

RELATIONS: dict[str, str] = {
    S.LOCATED_IN: "位于", S.PART_OF: "隶属于", S.IN_INDUSTRY: "所属领域", S.FACES: "面临问题",
    S.APPLIES: "采取做法", S.ACHIEVES: "取得成效", S.INSTANCE_OF: "属于模式", S.USES: "运用做法",
    S.ADDRESSES: "针对问题", "CASES": "有案例面临", "MATCHES": "提到问题", "IN_FIELD": "同一领域",
    "IN_REGION": "同一地区",
}

REGION_LEVELS = {"province": "省级", "city": "市级", "county": "县级"}
INDUSTRY_LEVELS = {"field": "领域", "sector": "行业"}
DIRECTIONS = {"up": "提高", "down": "下降"}
MATURITY_LEVELS = {"mature": "成熟", "growing": "成长中", "nascent": "起步"}
SCOPES = {"unit": "本单位", "region": "全地区"}
PROBLEM_MATCH = {"taxonomy": "词表", "variant": "近义说法", "lexical": "文字相近"}

SCORE_COMPONENTS = {"problem_fit": "问题匹配", "field_fit": "领域相近", "region_proximity": "地区相近",
                    "maturity": "成熟度", "lexical": "文字相近"}

MATURITY_COMPONENTS = {"adopters": "采用单位", "cities": "覆盖城市", "provinces": "覆盖省份", "fields": "覆盖领域",
                       "quantified_share": "有量化成效", "years_in_use": "推行年限",
                       "institutionalised_share": "形成制度", "promoted_share": "上级推广"}

# quality flags and signals as the extractor writes them (ingest/extract.py), said plainly
FLAGS = {
    "slogan_heavy": "口号多、实招少",
    "no_problem": "没有写明要解决的问题",
    "no_quantified_outcome": "没有量化成效",
    "no_mass_evaluation": "没有群众评价",
    "region_uncertain": "所在地区不确定",
    "unit_missing": "没有写明单位名称",
    "not_a_case": "看起来不是案例材料",
}
SIGNALS = {"institutionalised": "形成了制度规范", "promoted": "得到上级推广", "mass_evaluation": "有群众评价",
           "quantified": "有量化成效"}

# sentence roles in a write-up (case page highlighting and its legend)
SENTENCE_ROLES = {"problem": "问题", "measure": "做法", "outcome": "成效"}
# a measure the measure model read from the write-up's wording rather than from a listed phrase: a weaker claim
LEARNED_MEASURE = "（据行文推断）"
# a field the field model read from the write-up's wording where the rules read another, and a problem the problem
# model read from it: said the same way
LEARNED_FIELD = LEARNED_MEASURE
LEARNED_PROBLEM = LEARNED_MEASURE

# case sources as the lists and filters say them: a case is illustrative (composite, 示意) or drawn from a real report
# or material (有来源, the badge's word) — which may be a unit's own material citing no public report, so the lists
# never say 有公开来源. The case page says which: PUBLICLY_SOURCED when it cites a report, else UNCITED
SOURCE_KINDS = {"documented": "有来源", "illustrative": "示意案例"}
PUBLICLY_SOURCED = "有公开来源"
UNCITED = "未注明出处"


def node_type(label: str) -> NodeType:
    return NODE_TYPES.get(label, NODE_TYPES[PROFILE])


def flag_text(code: str) -> str:
    """A quality flag in plain Chinese; an unknown code is said generically, never shown as is."""
    return FLAGS.get(code) or SIGNALS.get(code) or "其他质量提示"


def relation(type_: str) -> str:
    return RELATIONS.get(type_, "相关")

# gap map: a cell's gap (0–1) in words, from the largest threshold down; the heat table's colour classes follow
# the same order (heat-4 … heat-0)
GAP_LEVELS: tuple[tuple[float, str], ...] = ((0.45, "很大"), (0.35, "较大"), (0.25, "中等"), (0.15, "较小"),
                                             (0.0, "很小"))

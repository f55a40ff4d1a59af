"""GET /recommend — the recommendation as a page people read (and /recommend.csv, its evidence as a table).

The form's problem tags come back as ``shown`` (the tags displayed) and ``keep`` (those still ticked): a tag
unticked is dropped on the next answer; ``add`` appends a known problem; both persist in the URL, so a result
can be shared as it is."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, Response

from ...core.config import Settings
from ...graph.schema import FIELDS
from ...graph.store import GraphStore
from ...services.recommend import ProfileError, recommend
from ...viz.pages_result import problem_choices, profile_words, result_items
from ..deps import get_settings, get_store
from ..html import error_page, page
from .pages import csv_response

router = APIRouter(tags=["pages"])   # listed in /docs: the route tests enumerate routes from there


class Asked:
    """What the result form sent, normalised: the text fields, and the problem ids dropped and added."""

    def __init__(self, region, industry, problems, drop, add, shown, keep, limits):
        self.region = (region or "").strip()
        self.industry = (industry or "").strip()
        lines = [line.strip() for p in problems for line in p.splitlines() if line.strip()]
        self.problems = lines[: limits.max_problems]
        dropped = [d for d in drop if d] + [s for s in shown if s and s not in set(keep)]
        self.drop = list(dict.fromkeys(dropped))[:50]
        self.add = [a for a in dict.fromkeys(a for a in add if a) if a not in set(self.drop)][:20]

    @property
    def query(self) -> str:
        pairs = [("region", self.region), ("industry", self.industry), ("problems", "\n".join(self.problems))]
        pairs = [(k, v) for k, v in pairs if v] + [("drop", d) for d in self.drop] + [("add", a) for a in self.add]
        return urlencode(pairs)


def asked(region: str | None = Query(None, max_length=200), industry: str | None = Query(None, max_length=100),
          problems: list[str] = Query([], max_length=20), drop: list[str] = Query([], max_length=50),
          add: list[str] = Query([], max_length=50), shown: list[str] = Query([], max_length=50),
          keep: list[str] = Query([], max_length=50), settings: Settings = Depends(get_settings)) -> Asked:
    return Asked(region, industry, problems, [d[:200] for d in drop], [a[:200] for a in add],
                 [s[:200] for s in shown], [k[:200] for k in keep], settings.limits)


def _answer(store: GraphStore, a: Asked, settings: Settings):
    if sum(len(x) for x in a.problems) > settings.limits.max_profile_chars:
        raise ProfileError("问题描述过长，请精简后再试 / problem text too long")
    return recommend(store, region=a.region or None, industry=a.industry or None, problems=a.problems, top_k=5,
                     strict=True, settings=settings, drop=a.drop, add=a.add)


@router.get("/recommend", response_class=HTMLResponse)
def result_page(a: Asked = Depends(asked), store: GraphStore = Depends(get_store),
                settings: Settings = Depends(get_settings)) -> HTMLResponse:
    try:
        result = _answer(store, a, settings)
    except ProfileError as exc:
        return error_page(400, "无法推荐", str(exc).split(" / ")[0] + "。请回到首页修改后再试。")
    profile = profile_words(result)
    shown = {p["id"] for p in profile["problems"]}
    return page("result.html", active="home", title="推荐结果", items=result_items(store, result), profile=profile,
                empty_store=result.from_empty_store,
                form={"region": a.region, "industry": a.industry, "problems": "\n".join(a.problems)},
                fields=FIELDS, choices=problem_choices(store, shown), query=a.query,
                dropped=a.drop, added=[x for x in a.add if x in shown],
                crumbs=[("/", "首页"), ("", "推荐结果")])


@router.get("/recommend.csv")
def result_csv(a: Asked = Depends(asked), store: GraphStore = Depends(get_store),
               settings: Settings = Depends(get_settings)) -> Response:
    try:
        result = _answer(store, a, settings)
    except ProfileError as exc:
        return error_page(400, "无法推荐", str(exc).split(" / ")[0])
    rows = [[it["n"], it["name"], it["level"], it["reason"], e["title"], e["unit"], e["region"], e["year"],
             "示意" if e["illustrative"] else "有来源", e["best"], f"/cases/{e['id']}"]
            for it in result_items(store, result) for e in it["evidence"]]
    return csv_response("推荐依据案例.csv", ["名次", "模式", "成熟度", "推荐理由", "案例", "单位", "地区", "年份", "来源",
                                      "主要成效", "网址"], rows)

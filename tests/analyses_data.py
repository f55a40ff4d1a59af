"""Hand-built stores for the analyses (gap map, emerging models, diffusion), shared by their tests and the Neo4j
parity test: case graphs with the case facts ingest writes (region, field, unit, year)."""

from __future__ import annotations

import random

from djkg.graph import schema as S
from djkg.graph.schema import CaseGraph, Node

from conftest import build_case

# (province, city, county) chains, each in a different city
CHAINS = {
    "yantai": (("370000", "山东省", "province"), ("370600", "烟台市", "city"), ("370686", "栖霞市", "county")),
    "qingdao": (("370000", "山东省", "province"), ("370200", "青岛市", "city"), ("370282", "即墨区", "county")),
    "nanjing": (("320000", "江苏省", "province"), ("320100", "南京市", "city"), ("320113", "栖霞区", "county")),
    "shaoxing": (("330000", "浙江省", "province"), ("330600", "绍兴市", "city"), ("330681", "诸暨市", "county")),
    "wuhan": (("420000", "湖北省", "province"), ("420100", "武汉市", "city"), ("420102", "江岸区", "county")),
    "beijing": (("110000", "北京市", "province"), ("110105", "朝阳区", "county")),
    "chengdu": (("510000", "四川省", "province"), ("510100", "成都市", "city"), ("510104", "锦江区", "county")),
    "dingxi": (("620000", "甘肃省", "province"), ("621100", "定西市", "city"), ("621102", "安定区", "county")),
    "shenzhen": (("440000", "广东省", "province"), ("440300", "深圳市", "city"), ("440304", "福田区", "county")),
}


def case(key: str, *, chain: str | None = "yantai", field: str | None = "农村", unit: str | None = None,
         year: int | None = 2020, problems=("weak-collective-economy",), measures=("branch-led-cooperative",),
         model: str | None = None, model_props: dict | None = None) -> CaseGraph:
    """A case as ingest stores it: region and industry dicts, unit and year in the case props."""
    region = CHAINS[chain] if chain else CHAINS["yantai"]
    g = build_case(key, problems=problems, measures=measures, model=model, outcomes=(), region=region,
                   field=field or "农村")
    props = {**g.case.props, "unit": unit if unit is not None else f"{key} 党支部"}
    if year is None:
        props.pop("year", None)
    else:
        props["year"] = year
    if chain:
        code, name, _ = region[-1]
        props["region"] = {"province": region[0][1], "city": region[1][1] if len(region) > 2 else None,
                           "county": name, "adcode": code}
    if field:
        props["industry"] = {"field": field, "sector": None}
    nodes, edges = g.nodes, g.edges
    if not chain:
        nodes = [n for n in nodes if n.label != S.REGION]
        edges = [e for e in edges if e.type not in (S.LOCATED_IN, S.PART_OF)]
    if model and model_props:
        mid = S.concept_id(S.MODEL, model)
        nodes = [Node(n.id, n.label, {**n.props, **model_props}) if n.id == mid else n for n in nodes]
    return CaseGraph(case=Node(g.case.id, S.CASE, props), nodes=nodes, edges=edges)


PLANTED = ("night-school", "points-exchange", "elder-canteen")
POOL = tuple(f"m{i:02d}" for i in range(12))
PROBLEMS = ("p-a", "p-b", "p-c", "p-d", "p-e")


def scatter(n: int, seed: int, *, prefix: str = "s") -> list[CaseGraph]:
    """``n`` unlinked cases, each with 2–3 measures and one problem drawn at random, in random cities."""
    rng = random.Random(seed)
    cities = sorted(CHAINS)
    return [case(f"{prefix}{seed}-{i:03d}", chain=rng.choice(cities), year=rng.randint(2012, 2024),
                 measures=tuple(rng.sample(POOL, rng.randint(2, 3))), problems=(rng.choice(PROBLEMS),))
            for i in range(n)]


def planted(cities: tuple[str, ...] = ("yantai", "nanjing", "chengdu", "nanjing", "dingxi"), *,
            seed: int = 1, prefix: str = "g") -> list[CaseGraph]:
    """Unlinked cases that all apply the three planted measures (plus one random pool measure each) and face the
    same problem."""
    rng = random.Random(seed)
    return [case(f"{prefix}-{i}", chain=city, year=2019 + i % 3, unit=f"{city}{i}村党支部",
                 measures=(*PLANTED, rng.choice(POOL)), problems=("youth-leaving", rng.choice(PROBLEMS)))
            for i, city in enumerate(cities)]


def linked_lookalikes(n: int = 6) -> list[CaseGraph]:
    """Cases of a named model applying the planted measures: they are not the population and must not be found."""
    cities = sorted(CHAINS)
    return [case(f"l-{i}", chain=cities[i % len(cities)], model="branch-led-cooperative", measures=PLANTED)
            for i in range(n)]


COOP_ORIGIN = {"origin": "山东省烟台市（2017年起全市推开）", "since": 2017}


def gap_and_diffusion_cases() -> list[CaseGraph]:
    """A small library for the gap map and diffusion: one named model (cooperatives) in 农村 across four provinces,
    a second model in 城市社区 without a stated origin, a problem nobody answers, a unit with two write-ups."""
    coop = dict(model="branch-led-cooperative", model_props=COOP_ORIGIN,
                problems=("weak-collective-economy",), measures=("branch-led-cooperative",))
    prop = dict(model="red-property", field="城市社区", problems=("property-disputes",), measures=("red-property",))
    return [
        case("coop-1", chain="yantai", year=2015, **coop),
        case("coop-2", chain="nanjing", year=2017, **coop),
        case("coop-3", chain="qingdao", year=2017, **coop),
        case("coop-4", chain="beijing", year=2019, **coop),
        case("coop-5", chain="dingxi", year=None, **coop),
        case("coop-6", chain=None, year=2018, **coop),
        case("prop-1", chain="wuhan", year=2018, **prop),
        case("prop-2", chain="wuhan", year=2020, unit="江岸区某社区党委", **prop),
        case("prop-3", chain="chengdu", year=2021, **prop),
        # the problem nobody answers: three units in two provinces (one unit wrote twice)
        case("orphan-1", chain="shaoxing", field="城市社区", unit="诸暨某社区党委", problems=("elderly-care",),
             measures=("volunteers",)),
        case("orphan-2", chain="shaoxing", field="城市社区", unit="诸暨某社区党委", problems=("elderly-care",),
             measures=("volunteers",), year=2021),
        case("orphan-3", chain="shenzhen", field="城市社区", problems=("elderly-care",), measures=("volunteers",)),
        case("orphan-4", chain="yantai", field="农村", problems=("elderly-care", "weak-collective-economy"),
             measures=("volunteers",)),
    ]

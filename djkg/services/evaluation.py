"""Quality measurement against gold sets: extraction (precision and recall per field, plus what the extractor
wrongly claims) and recommendation (hit@3, MRR, nDCG@5). The gold sets live in tests/gold/ (tests/README.md says
which are development sets and which are held out).

Extraction gold: a folder of write-ups plus ``gold.yaml`` — a list of entries::

    {file, province, city, county, field, unit, model, problems: [ids], measures: [ids],
     outcomes: [number | {value, unit, metric, from}],   # the unit's own results
     region_outcomes: [numbers],                          # results of a wider area (全县…), real but not the unit's
     outcome_forbidden: [numbers],                        # numbers that are not results (background, prices …)
     region_forbidden: [names]}                           # places named that are not the unit's seat

Definitions (the real-text issue's): outcome recall = gold unit results found among the extracted unit-scope
values; outcome precision = extracted unit-scope values that are gold unit results; forbidden extracted = gold
forbidden numbers that came out as an outcome value of any scope; an invented region = a document whose
extracted province, city or county is not the gold one at that level (including where the text names none), unless
the gold leaves that level empty and the unit's own name begins with that place (the issue counts a unit's name as a
place mention: ``_named_by_unit``);
unit accuracy = the extracted unit names the gold organisation (equal, or one contains the other and is at least
60% of its length; a street's office, a community's or a village's committee is that street, community or village:
``_same_unit``).
Title gold: a YAML list of ``{file, title}`` (``file`` relative to the file's folder; ``title`` the headline as it
stands in the text, without a leading column tag such as 【转载】, or null when the text has none): a headline is
found when the extracted title is it (spaces, wrapping 【】/《》 and a subtitle after "——" aside; a line before it that
ends in a colon may lead it, "紫阳县委办党支部:" + "联建办实事", which the annotators, copying one line, left out); for
a text without one, a title taken from a whole line of its top (page furniture, a kicker) is counted as wrongly taken.
Recommendation gold: a YAML list of ``{region, industry, problems: [..], description, expected: [model ids],
clauses: [{text, problem}]}`` — clauses, where given, measure how many problem-naming clauses are recognised.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..core.yamlio import safe_load
from ..graph.adcodes import MUNICIPALITIES
from ..graph.schema import concept_id, normalise_key
from ..graph.store import GraphStore

# Targets: the real-text issue's recall targets, outcome and model precision, and a floor on concept precision.
EXTRACTION_TARGETS: dict[str, dict[str, float]] = {
    "province": {"recall": 1.0}, "city": {"recall": 0.9}, "county": {"recall": 0.8}, "field": {"recall": 0.9},
    # a case card's problems and measures must be more often right than wrong (tests/README.md: why these numbers)
    "problems": {"recall": 0.8, "precision": 0.5}, "measures": {"recall": 0.8, "precision": 0.5},
    "outcome_values": {"recall": 0.85, "precision": 0.9}, "model": {"recall": 0.8, "precision": 0.9},
    "unit": {"recall": 0.8},
}
FORBIDDEN_MAX = 0.05       # share of gold non-result numbers that may come out as outcomes
INVENTED_MAX = 0           # documents with a region that is not the unit's


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _raw_value(v: Any) -> Any:
    """A number-list item's value: written bare, or as {value: …, unit: …}."""
    return v.get("value") if isinstance(v, dict) else v


def _values(entries) -> list[float]:
    out = []
    for v in entries or []:
        value = _raw_value(v)
        if value is not None:
            out.append(float(value))
    return out


def _has(values: list[float], v: float) -> bool:
    return any(math.isclose(v, g, rel_tol=1e-6, abs_tol=1e-9) for g in values)


# a company's legal form is not part of what the text calls it: 大汉控股集团有限公司 is the 大汉集团 of the gold
_LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司$|控股|股份")


# the usual short forms of a Party body's formal name: 中共旬阳市委直属机关工作委员会 is the 旬阳市直机关工委
# (a people's court, procuratorate or tribunal is the same body without 人民: 郾城区人民法院 is the 郾城区法院 of the gold)
_ABBREVIATIONS = (("工作委员会", "工委"), ("市委直属机关", "市直机关"), ("县委直属机关", "县直机关"),
                  ("区委直属机关", "区直机关"), ("直属机关", "直机关"), ("人民法院", "法院"), ("人民检察院", "检察院"),
                  ("人民法庭", "法庭"),
                  # a federation of industry and commerce is the town's chamber of commerce (三角镇工商业联合会（商会）)
                  ("工商业联合会(商会)", "商会"), ("镇商会", "商会"),
                  # every local tax bureau's full name begins with the state administration's (国家税务总局益阳市大通湖区
                  # 税务局 is the 大通湖区税务局 a report names)
                  ("国家税务总局", ""),
                  # a law firm is its 律所 (海南云常律师事务所党支部 is the 云常律所党支部 a report names)
                  ("律师事务所", "律所"),
                  # a border inspection station is its 边检站, with or without 出入境 (同江出入境边防检查站 ~ 同江边检站)
                  ("出入境边防检查站", "边检站"), ("边防检查站", "边检站"))
# the grids' and the academy's short names (南网超高压梧州局, 中科院…): also compared with words left out, where the
# abbreviations above are not (a tax bureau without its 国家税务总局, 益阳市税务局, would be each of its districts' bureaus)
_BRANDS = {"南方电网": "南网", "国家电网": "国网", "中国科学院": "中科院"}
_BRAND_SHORT = re.compile("|".join(_BRANDS))


def _brands_shortened(name: str) -> str:
    return _BRAND_SHORT.sub(lambda m: _BRANDS[m.group(0)], name)


def _abbreviated(name: str) -> str:
    if name.startswith("中共") and name.endswith("委员会") and not name.endswith("工作委员会") and len(name) > 7:
        name = name[2:-3]    # 中共叶青大厦委员会 is the Party committee of 叶青大厦, the unit's formal Party name
    name = name.removeprefix("中共")
    for full, short in _ABBREVIATIONS:
        name = name.replace(full, short)
    return _brands_shortened(name)


def _same_unit(got: str, gold: str) -> bool:
    """The same organisation: equal names, or equal once place chain and Party organisation are set aside
    (德民社区党委 ~ 南通市崇川区城东街道德民社区), or one contains the other at 60% of its length."""
    from ..ingest.units import short_name, without_party
    # the gold's name followed by another in brackets ("衡水市人民医院（哈励逊国际和平医院）", "九江中核二六七地质勘查
    # 有限公司（地勘公司）"): the annotator wrote the organisation under both, and either is the unit — the bracketed
    # one only when one of the two is the other's short form (its characters in order), not a department or a place
    if (both := _NAME_AND_OTHER.fullmatch(gold)) and (
            _same_unit(got, name := both.group(1)) or (len(other := both.group(2)) >= 2 and (
                _in_order(other, name) or _in_order(name, other)) and _same_unit(got, other))):
        return True
    # a street's office is the street's own body (人民街街道办事处 ~ 城中区人民街街道), and so are a community's and a
    # village's committees (城北社区居委会 ~ 城北社区)
    got, gold = _PLACES_OWN_BODY.sub("", got), _PLACES_OWN_BODY.sub("", gold)
    got, gold = got.replace("党总支部", "党总支"), gold.replace("党总支部", "党总支")   # 平怀村党总支部 ~ 平怀村党总支
    got, gold = _GENERIC_PARTY.sub("", got), _GENERIC_PARTY.sub("", gold)
    a, b = normalise_key(got), normalise_key(gold)
    if not a or not b:
        return False
    from ..ingest.regions import gazetteer
    (places_a, at_a), (places_b, at_b) = gazetteer().leading_divisions(a), gazetteer().leading_divisions(b)
    if _other_places_same_kind(a[at_a:], b[at_b:], places_a, places_b) or _settlement_inside(a, b):
        return False
    from difflib import SequenceMatcher
    short_got, short_gold = short_name(got), short_name(gold)
    short_a, short_b = without_party(normalise_key(short_got)), without_party(normalise_key(short_gold))
    for x, y in ((a, b), (normalise_key(short_got), normalise_key(short_gold)),
                 (normalise_key(_LEGAL_FORM.sub("", short_got)), normalise_key(_LEGAL_FORM.sub("", short_gold))),
                 (_abbreviated(a), _abbreviated(b))):
        # sorted, not min() and max(): for two names of one length those return the same name, which contains itself
        short, long = sorted((x, y), key=len)
        # alike as wholes and alike without their places: 南通市崇川区城东街道德民社区 and …德华社区 share nine tenths
        # of their characters, the place chain, and are two communities
        if x and y and (x == y or (SequenceMatcher(None, x, y).ratio() >= 0.85 and _alike(short_a, short_b)) or (
                short in long and len(short) >= 0.6 * len(long))):
            return True
    # a unit written after the organisation it belongs to, as its full name does (太仆寺旗供电分公司幸福供电所 is the
    # 幸福供电所 of the gold; 中国水产科学研究院淡水渔业研究中心 the 淡水渔业研究中心): the parent is part of the name, as a
    # place chain is; the parent alone (四川省巴中中学 for its 龙湖高中三部) is another unit. Either name may carry its
    # Party organisation (中国科学院青海盐湖研究所 ~ 青海盐湖研究所党委). So is the street office, the community or the
    # park a unit's address writes before it (仁怀市中枢街道办事处火炉坎村 ~ 火炉坎村党支部, 湖里区东荣社区东兴小区 ~
    # 东兴小区党支部), the railway section or the corps division it belongs to (…包头供电段响沙湾供电车间, 新疆生产建设
    # 兵团第二师华山中学), and the group it is "of" (中国兵器工业集团所属东北工业集团)
    for x, y in ((a, b), (without_party(a), without_party(b))):
        short, long = sorted((x, y), key=len)
        if len(short) >= 4 and long.endswith(short) and _PARENT_END.search(long[:-len(short)]):
            return True
    # the shorter written with words left out of the longer, of the same kind (湘桂集团 ~ 广西湘桂糖业集团, 格尔木西藏路
    # 派出所 ~ 格尔木市公安局西藏路派出所): every character of it in order, most of the longer, the same last word
    for x, y in ((without_party(a), without_party(b)), (normalise_key(short_got), normalise_key(short_gold)),
                 (_brands_shortened(a), _brands_shortened(b))):
        short, long = sorted((without_party(x), without_party(y)), key=len)
        if len(short) >= 4 and len(short) >= 0.6 * len(long) and short[-2:] == long[-2:] and _in_order(short, long):
            return True
    # the same name after places written before one and not the other, or in another form (湖南靖州苗族侗族自治县
    # 坳上镇中心卫生院 ~ 坳上镇中心卫生院; 孟连县人民法院… ~ 孟连傣族拉祜族佤族自治县人民法院…), where all those places lie
    # on one chain (通道侗族自治县坳上镇中心卫生院, off 靖州's chain, is another place's)
    rest_a, rest_b = a[at_a:], b[at_b:]
    return len(rest_a) >= 3 and rest_a == rest_b and _on_one_chain(places_a | places_b)


def _alike(x: str, y: str) -> bool:
    """Names without places that one could be the other written differently: one holds the other, the shorter
    written with words left out of the longer (边检站 ~ 边防检查站), or most characters shared."""
    from difflib import SequenceMatcher
    short, long = sorted((x, y), key=len)
    return (not short or short in long or SequenceMatcher(None, x, y).ratio() >= 0.85
            or (_in_order(short, long) and short[-1:] == long[-1:]))


def _other_places_same_kind(rest_a: str, rest_b: str, places_a: set[str], places_b: set[str]) -> bool:
    """Two names that differ only in the places they begin with (``places_*``, ``Gazetteer.leading_divisions``; the
    ``rest_*`` after them), on two chains: 孟连县人民法院 and 澜沧县人民法院 are two courts (each name's places must lie
    on one chain by itself: in 兴庆区南华社区 the community's own name reads as 南华县, and that says nothing)."""
    from ..ingest.units import without_party
    return (bool(places_a and places_b) and without_party(rest_a) == without_party(rest_b)
            and _on_one_chain(places_a) and _on_one_chain(places_b) and not _on_one_chain(places_a | places_b))


def _settlement_inside(a: str, b: str) -> bool:
    """Whether one name is the other followed by a community or a village of its own (延吉市北山街道 and 延吉市北山街道
    丹青社区): a settlement inside the unit, another unit."""
    from ..ingest.units import without_party
    short, long = sorted((without_party(a), without_party(b)), key=len)
    return long.startswith(short) and bool(_SETTLEMENT.fullmatch(long[len(short):]))


def _on_one_chain(codes: set[str]) -> bool:
    """Whether the divisions are one and its ancestors (none at all: the names named no place)."""
    from ..ingest.regions import gazetteer
    if not codes:
        return True
    deepest = max(codes, key=lambda c: len(gazetteer().chain(c)))
    return codes <= {d.adcode for d in gazetteer().chain(deepest)}


def _in_order(short: str, long: str) -> bool:
    """Whether every character of ``short`` stands in ``long`` in the same order."""
    chars = iter(long)
    return all(ch in chars for ch in short)


# a settlement written after the body whose name it continues: a community, a village, a housing estate
_SETTLEMENT = re.compile(r"[\u4e00-\u9fff]{2,8}(?:社区|村|嘎查|小区)")
# a name and, in brackets at its end, another name of it
_NAME_AND_OTHER = re.compile(r"(.+?)[（(]([^（）()]+)[）)]")
# the body that runs a street, a community or a village, written after its name
_PLACES_OWN_BODY = re.compile(r"(?<=街道)办事处$|(?<=社区)(?:居民委员会|居委会)$|(?<=村)(?:村民委员会|村委会)$|"
                              # … and so are its two committees ("丁家垅村“两委”", "灯台村村支两委")
                              r"(?:(?<=村)|(?<=社区))(?:村支|村)?[“\"]?两委[”\"]?$")
# "井坵村党组织": a unit's Party organisation named generically, as 党委 or 党支部 would name it
_GENERIC_PARTY = re.compile(r"(?<=[\u4e00-\u9fff]{2})党组织$")
_PARENT_END = re.compile(r"(?:公司|集团|局|院|中心|大学|学院|医院|委员会|总队|支队|"
                         r"办事处|街道|社区|园区|镇|乡|苏木|[^\d]段|兵团第[一二三四五六七八九十]+师|煤业|所属|旗下|下属)$")


def _official_names(entry: dict[str, Any]) -> dict[str, Any]:
    """The gold's places under their official names ("黔东南州" → 黔东南苗族侗族自治州) and its model under its node
    id, so that a short form in the gold is not scored as a miss."""
    from ..ingest.regions import gazetteer
    g = gazetteer()
    out = dict(entry)
    # a municipality written as the city (上海, 重庆市 under city): it is a province-level division with no city
    city = entry.get("city")
    municipality = {g.division(c).name for c in g.codes_named(city) if c[:2] in MUNICIPALITIES
                    and g.division(c) and g.division(c).level == "province"} if city else set()
    if len(municipality) == 1:
        name = municipality.pop()
        if out.get("province") is None or set(g.codes_named(out["province"])) & set(g.codes_named(name)):
            out["province"], out["city"] = name, None
    # a county-level city written as the city is the county: under the province itself (东方市, 琼海市, 济源市) or
    # under a city the gold does not name (定州市, run by 河北 directly but filed under 保定市)
    if city and not out.get("county") and out.get("city") == city:
        named = [g.division(c) for c in g.codes_named(city)]
        direct = {d.name for d in named if d and d.level == "county" and d.name.endswith("市")}
        if len(direct) == 1 and not any(d and d.level == "city" for d in named):
            out["city"], out["county"] = None, direct.pop()
    for level in ("province", "city", "county"):
        name = out.get(level)
        if not name:
            continue
        names = {g.division(c).name for c in g.codes_named(name) if g.division(c) and g.division(c).level == level}
        if not names:
            # an autonomous county written as a plain one or without its peoples (西盟县, 紫云自治县), a county
            # under its name before it became a city or a district (长垣县 is 长垣市 since 2019, 长乐市 长乐区)
            base = re.sub(r"(?:自治)?[县州市区旗]$", "", name)
            names = {g.division(c).name for c in g.codes_named(base)
                     if g.division(c) and g.division(c).level == level}
        if len(names) == 1:
            out[level] = names.pop()
    # a model named by its taxonomy id ("red-property") is its node id, as problems and measures are (_concepts)
    if out.get("model") and ":" not in str(out["model"]):
        out["model"] = concept_id("Model", str(out["model"]))
    return out


def _header(gold_dir: Path) -> str:
    """The opening comment of a gold set's gold.yaml (where its history, its day and SEALED are written)."""
    head = []
    for line in (gold_dir / "gold.yaml").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        head.append(line)
    return "\n".join(head)


def is_sealed(gold_dir: Path) -> bool:
    """Whether a gold set is sealed: its gold.yaml's opening comment says SEALED (read for figures only, never
    trained on)."""
    return "SEALED" in _header(gold_dir)


def _gold_chain(entry: dict[str, Any]) -> set[str]:
    """Names of the divisions on the gold unit's chain: the named levels and, from the deepest one the gold names
    that is a division, its ancestors (a text that names only 义安区 still places the unit in 铜陵市 and 安徽省)."""
    from ..ingest.regions import gazetteer
    named = [entry.get(k) for k in ("province", "city", "county") if entry.get(k)]
    if not named:
        return set()
    g = gazetteer()
    out = set(named)
    # the deepest level the gazetteer knows: a development zone the gold names (合肥高新区) is no division, but
    # its city still places the unit in its province
    for depth in range(len(named), 0, -1):
        codes = [c for c in g.codes_named(named[depth - 1])
                 if all(any(d.name == n for d in g.chain(c)) for n in named[:depth - 1])]
        for code in codes:
            out.update(d.name for d in g.chain(code))
        if codes:
            break
    return out


def _named_by_unit(entry: dict[str, Any], on_gold: set[str]) -> set[str]:
    """Divisions the gold unit's own name begins with (上海市第七人民医院 → 上海市; 施秉供电局 → 施秉县 and its city
    and province), where they agree with every level the gold names. The real-text issue counts the unit's name as a
    place mention, so a place read from it is not invented where the annotator left that level empty (the gold
    sets' annotators did so: "上海 only in the hospital's own name"). Only the places that begin the name count:
    a place inside it (惠民医院) is no evidence. ``on_gold``: the gold chain (``_gold_chain``)."""
    from ..ingest.regions import gazetteer
    if not entry.get("unit"):
        return set()
    g = gazetteer()
    gold = {k: entry.get(k) for k in ("province", "city", "county")}
    out: set[str] = set()
    for codes in g.places_beginning(entry["unit"]):
        for code in codes:
            by_level = {d.level: d.name for d in g.chain(code)}
            if all(not gold[k] or by_level.get(k) in (None, *on_gold) for k in gold):
                out.update(by_level.values())
    return out


@dataclass(frozen=True)
class Reading:
    """What one reader — the extractor, or a second annotator — says of one write-up, in the scorer's terms."""
    places: dict[str, str | None]          # province, city, county
    field: str | None
    model: str | None
    unit: str | None
    problems: frozenset[str]               # concept node ids
    measures: frozenset[str]
    unit_values: tuple[float, ...]         # the unit's own results
    all_values: tuple[float, ...]          # every figure claimed as a result, of any scope


def _concepts(label: str, ids) -> frozenset[str]:
    # gold files may name concepts by taxonomy id ("weak-collective-economy") or node id
    return frozenset(x if ":" in str(x) else concept_id(label, str(x)) for x in ids or [])


def _extracted(path: Path):
    """What the extractor makes of the write-up in ``path`` (None when the file holds none)."""
    from ..ingest.extract import extract
    from ..ingest.readers import RawDoc, read_path
    docs = [d for d in read_path(path) if isinstance(d, RawDoc)]
    return extract(docs[0]) if docs else None


_WRITTEN = re.compile(r"(?:[Ww]ritten|[Aa]nnotated)\D{0,40}?(\d{4}-\d{2}-\d{2})")
_A_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def annotated_on(gold_dir: Path) -> str | None:
    """The day a gold set was annotated, as its gold.yaml's opening comment gives it ("Written 2026-12-04 …"; else
    the comment's first date), or None."""
    text = _header(gold_dir)
    found = _WRITTEN.search(text) or _A_DATE.search(text)
    return found.group(found.lastindex or 0) if found else None


def _choosable(ids, gold_dir: Path) -> frozenset[str]:
    """The concepts of ``ids`` a gold set's annotators could choose: a concept added to the taxonomy after the set
    was annotated (``added`` in problems.yaml or measures.yaml) is neither right nor wrong there — its annotators
    were given the taxonomy's ids of their day, and wrote what it lacked as free text. (The set's day is read only
    when such a concept was extracted.)"""
    from ..ingest.taxonomy import taxonomy
    by_id = taxonomy().by_id
    ids = frozenset(ids)
    added = {cid: str(by_id[cid].extra["added"]) for cid in ids if cid in by_id and by_id[cid].extra.get("added")}
    if not added:
        return ids
    annotated = annotated_on(gold_dir)
    return frozenset(cid for cid in ids if annotated is None or added.get(cid, "") <= annotated)


def _extractor_reading(gold_dir: Path, entry: dict[str, Any]) -> Reading | None:
    path = gold_dir / entry["file"]
    case = _extracted(path)
    if case is None:
        return None
    model = (case.model or {}).get("id") if not (case.model or {}).get("candidate") else None
    return Reading(
        places={k: case.region.get(k) for k in ("province", "city", "county")},
        field=case.industry.get("field"), model=model, unit=case.unit or None,
        problems=_choosable((m.id for m in case.problems if not m.candidate), path.parent),
        measures=_choosable((m.id for m in case.measures if not m.candidate), path.parent),
        unit_values=tuple(o.value for o in case.outcomes
                          if o.value is not None and getattr(o, "scope", "unit") == "unit"),
        all_values=tuple(o.value for o in case.outcomes if o.value is not None))


def _annotation_reading(entry: dict[str, Any]) -> Reading:
    """A second annotator's entry read as if it were the extractor's output (for agreement between annotators)."""
    entry = _official_names(entry)
    results = _values(entry.get("outcomes"))
    return Reading(places={k: entry.get(k) for k in ("province", "city", "county")}, field=entry.get("field"),
                   model=entry.get("model"), unit=entry.get("unit") or None,
                   problems=_concepts("Problem", entry.get("problems")),
                   measures=_concepts("Measure", entry.get("measures")),
                   unit_values=tuple(results), all_values=tuple(results + _values(entry.get("region_outcomes"))))


def evaluate_extraction(gold_dir: Path) -> dict[str, Any]:
    """The extractor's reading of every write-up of ``gold_dir`` scored against its ``gold.yaml``."""
    gold_dir = Path(gold_dir)
    return _score(_annotation(gold_dir / "gold.yaml"), lambda entry: _extractor_reading(gold_dir, entry))


def evaluate_extraction_sets(root: Path, pattern: str = "extraction_real*") -> dict[str, Any]:
    """Every gold set under ``root`` whose folder matches ``pattern``, scored as one — development sets together and
    sealed sets together, each write-up counting once (micro sums, the figures the issue's targets are read
    against). ``misses`` name files as "set/file"; a sealed group reports no misses, for a sealed set is read for
    figures only."""
    root = Path(root)
    groups: dict[str, list[Path]] = {"development": [], "sealed": []}
    for d in sorted(root.glob(pattern)):
        if (d / "gold.yaml").is_file():
            groups["sealed" if is_sealed(d) else "development"].append(d)
    out: dict[str, Any] = {}
    for name, dirs in groups.items():
        entries = [{**e, "file": f"{d.name}/{e['file']}"} for d in dirs for e in _annotation(d / "gold.yaml")]
        report = _score(entries, lambda entry: _extractor_reading(root, entry))
        if name == "sealed":
            report = {**report, "misses": [],
                      "claims": {k: {kk: vv for kk, vv in v.items() if kk != "documents"}
                                 for k, v in report["claims"].items()}}
        out[name] = {**report, "sets": [d.name for d in dirs]}
    return out


def evaluate_agreement(gold_dir: Path, second: Path) -> dict[str, Any]:
    """How far a second, independent annotation (``second``: a gold.yaml written by another reader of the same
    files) agrees with ``gold_dir``'s, scored exactly as the extractor is: the ceiling a gold set allows. Files
    only one of the two annotated are left out (``documents`` counts those both did)."""
    other = {e["file"]: e for e in _annotation(Path(second))}
    both = [e for e in _annotation(Path(gold_dir) / "gold.yaml") if e["file"] in other]
    return _score(both, lambda entry: _annotation_reading(other[entry["file"]]))


def _annotation(path: Path) -> list[dict[str, Any]]:
    """The entries of one annotation file (a gold.yaml, or a second reader's file in its shape). A number list that
    holds something else ("2/3", "两万") is the annotator's slip, named here rather than met as a crash mid-score."""
    entries = safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries if isinstance(entries, list) else []:
        for key in _NUMBER_LISTS:
            for v in (entry.get(key) or []) if isinstance(entry, dict) else []:
                value = _raw_value(v)
                if value is not None and not _numeric(value):
                    raise ValueError(f"{path.name}: {entry.get('file')} {key} holds {value!r}, not a number "
                                     f"(write a fraction or a range as its numbers)")
    return entries


_NUMBER_LISTS = ("outcomes", "region_outcomes", "outcome_forbidden")


def _numeric(value: Any) -> bool:
    """A number, or digits quoted to keep their leading zero ("014" of 014中心社区)."""
    if isinstance(value, bool):
        return False
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _score(gold: list[dict[str, Any]], read: Callable[[dict[str, Any]], Reading | None]) -> dict[str, Any]:
    counts: dict[str, dict[str, int]] = {k: {"tp": 0, "pred": 0, "gold": 0} for k in EXTRACTION_TARGETS}
    forbidden = {"extracted": 0, "total": 0}
    invented: list[str] = []
    misses: list[dict[str, Any]] = []
    for entry in gold:
        entry = _official_names(entry)
        reading = read(entry)
        if reading is None:
            misses.append({"file": entry["file"], "field": "read", "gold": "readable", "got": "error"})
            continue
        got_single = {**reading.places, "field": reading.field, "model": reading.model}
        deeper = {"province": ("city", "county"), "city": ("county",)}
        for key, value in got_single.items():
            expected = entry.get(key)
            c = counts[key]
            if expected is None and any(entry.get(k) and entry.get(k) == got_single[k] for k in deeper.get(key, ())):
                continue   # the text names only the county; its city and province follow from it, not invented
            c["gold"] += expected is not None
            c["pred"] += value is not None
            if expected is not None and value == expected:
                c["tp"] += 1
            elif expected is not None or value is not None:
                misses.append({"file": entry["file"], "field": key, "gold": expected, "got": value})
        # an extracted place that is not on the unit's own chain (as far as the gold names it, or the unit's own
        # name begins with it) is invented
        on_gold = _gold_chain(entry)
        chain = on_gold | _named_by_unit(entry, on_gold)
        if any(got_single[k] is not None and got_single[k] not in chain for k in ("province", "city", "county")):
            invented.append(entry["file"])
            misses.append({"file": entry["file"], "field": "invented_region", "gold": sorted(chain),
                           "got": [got_single[k] for k in ("province", "city", "county")]})
        if "unit" in entry:
            c = counts["unit"]
            c["gold"] += entry["unit"] is not None
            c["pred"] += bool(reading.unit)
            if entry["unit"] is not None and _same_unit(reading.unit or "", entry["unit"]):
                c["tp"] += 1
            elif entry["unit"] is not None or reading.unit:
                misses.append({"file": entry["file"], "field": "unit", "gold": entry["unit"], "got": reading.unit})
        for key, got in (("problems", reading.problems), ("measures", reading.measures)):
            expected = _concepts("Problem" if key == "problems" else "Measure", entry.get(key))
            c = counts[key]
            c["gold"] += len(expected)
            c["pred"] += len(got)
            c["tp"] += len(expected & got)
            if expected ^ got:
                misses.append({"file": entry["file"], "field": key, "gold": sorted(expected - got),
                               "got": sorted(got - expected)})
        unit_values, all_values = list(reading.unit_values), list(reading.all_values)
        expected_values = _values(entry.get("outcomes"))
        c = counts["outcome_values"]
        c["gold"] += len(expected_values)
        c["pred"] += len(unit_values)
        found = sum(1 for v in expected_values if _has(unit_values, v))
        c["tp"] += min(found, sum(1 for v in unit_values if _has(expected_values, v)))
        wrong = [v for v in unit_values if not _has(expected_values, v)]
        if found < len(expected_values) or wrong:
            misses.append({"file": entry["file"], "field": "outcome_values",
                           "gold": [v for v in expected_values if not _has(unit_values, v)], "got": wrong})
        banned = [float(v) for v in entry.get("outcome_forbidden") or [] if v is not None]
        forbidden["total"] += len(banned)
        hit = [v for v in banned if _has(all_values, v) and not _has(expected_values, v)]
        forbidden["extracted"] += len(hit)
        if hit:
            misses.append({"file": entry["file"], "field": "outcome_forbidden", "gold": [], "got": hit})
    fields = {}
    for key, c in counts.items():
        if key == "unit" and not c["gold"] and not c["pred"]:
            continue
        p, r = round(_ratio(c["tp"], c["pred"]), 4), round(_ratio(c["tp"], c["gold"]), 4)
        target = EXTRACTION_TARGETS[key]
        fields[key] = {"precision": p, "recall": r, "n": c["gold"],
                       "target": "，".join(f"{k} ≥ {v:.0%}" for k, v in target.items()),
                       "meets_target": all((p if k == "precision" else r) >= v for k, v in target.items())}
    share = round(_ratio(forbidden["extracted"], forbidden["total"]) if forbidden["total"] else 0.0, 4)
    claims = {
        "forbidden_extracted": {"value": share, "n": forbidden["total"], "target": f"≤ {FORBIDDEN_MAX:.0%}",
                                "meets_target": share <= FORBIDDEN_MAX},
        "invented_regions": {"value": len(invented), "documents": invented, "target": f"= {INVENTED_MAX}",
                             "meets_target": len(invented) <= INVENTED_MAX},
    }
    return {"documents": len(gold), "fields": fields, "claims": claims, "misses": misses}


_WRAPPED = re.compile(r"^[【《](.*)[】》]$")


def _main_title(title: str | None) -> str:
    """A title as the title gold compares it: no spaces, no wrapping 【】 or 《》, no subtitle after "——"."""
    t = normalise_key(title or "")
    t = _WRAPPED.sub(r"\1", t)
    return t.split("——")[0].strip("—-")


def evaluate_titles(gold_file: Path) -> dict[str, Any]:
    """The extracted title against ``gold_file`` (see the module's docstring)."""
    from ..ingest.extract import title_is_heading
    from ..ingest.normalise import normalise
    found = headlines = taken = no_headline = 0
    misses: list[dict[str, Any]] = []
    for entry in safe_load(gold_file.read_text(encoding="utf-8")) or []:
        case = _extracted(gold_file.parent / entry["file"])
        title = case.title if case is not None else ""
        if entry.get("title"):
            headlines += 1
            got, want = _main_title(title), _main_title(entry["title"])
            if got == want or (got.endswith(want) and got[:len(got) - len(want)].endswith((":", "："))):
                found += 1
            else:
                misses.append({"file": entry["file"], "gold": entry["title"], "got": title})
        else:
            no_headline += 1
            if title and title_is_heading(case.text, normalise(title)):   # (shown as written)
                taken += 1
                misses.append({"file": entry["file"], "gold": None, "got": title})
    return {"headline": {"n": headlines, "found": found, "accuracy": round(_ratio(found, headlines), 4)},
            "no_headline": {"n": no_headline, "line_taken": taken,
                            "share": round(_ratio(taken, no_headline), 4)},
            "misses": misses}


def evaluate_recommend(store: GraphStore, gold_file: Path, *, k: int = 5, without_field: bool = False) -> dict[str, Any]:
    """hit@3, MRR and nDCG@5 of a profile gold set, and how many of the clauses its annotator tied to a problem were
    recognised. ``without_field``: each profile asked without the field its author picked, as the home page asks by
    default (不限): the field must then come from what the user wrote."""
    from .recommend import recommend
    profiles = safe_load(Path(gold_file).read_text(encoding="utf-8")) or []
    hits = 0
    rr = 0.0
    ndcg = 0.0
    misses = []
    clauses = {"named": 0, "recognised": 0}
    clause_misses: list[dict[str, Any]] = []
    for p in profiles:
        result = recommend(store, region=p.get("region"), industry=None if without_field else p.get("industry"),
                           problems=p.get("problems") or [],
                           description=p.get("description"), top_k=k)
        ranked = [it.model.id for it in result.items]
        expected = set(p["expected"])
        first = next((i for i, m in enumerate(ranked) if m in expected), None)
        if first is not None and first < 3:
            hits += 1
        else:
            misses.append({"profile": p.get("name") or "；".join(p.get("problems") or [])[:40],
                           "expected": sorted(expected), "got": ranked[:3]})
        rr += 1.0 / (first + 1) if first is not None else 0.0
        dcg = sum(1.0 / math.log2(i + 2) for i, m in enumerate(ranked[:5]) if m in expected)
        ideal = sum(1.0 / math.log2(i + 2) for i in range(min(5, len(expected))))
        ndcg += dcg / ideal if ideal else 0.0
        recognised = {q.id for q in result.profile.problems}
        for clause in p.get("clauses") or []:
            if not clause.get("problem"):
                continue
            clauses["named"] += 1
            want = clause["problem"] if ":" in clause["problem"] else concept_id("Problem", clause["problem"])
            if want in recognised:
                clauses["recognised"] += 1
            else:
                clause_misses.append({"clause": clause["text"], "expected": want, "got": sorted(recognised)})
    n = len(profiles) or 1
    report = {"profiles": len(profiles), "hit@3": round(hits / n, 4), "mrr": round(rr / n, 4),
              "ndcg@5": round(ndcg / n, 4), "target": "hit@3 ≥ 0.9", "without_field": without_field, "misses": misses}
    if clauses["named"]:
        report["clauses"] = {"named": clauses["named"], "recognised": round(clauses["recognised"] / clauses["named"], 4),
                             "target": "≥ 0.9", "misses": clause_misses}
    return report

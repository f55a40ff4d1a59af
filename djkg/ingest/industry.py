"""Stage 4b — industry: one of the seven fields (graph/schema.py FIELDS) and a finer sector.

Front matter wins; otherwise cue words in the unit's name weigh most, then the title, then the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..core.yamlio import safe_load
from ..graph.schema import FIELDS
from .normalise import normalise_short, positions
from .regexscan import Prefiltered
from .taxonomy import taxonomy
from .wordscan import WordScanner

_ALIASES = {"农村": "农村", "乡村": "农村", "村": "农村", "社区": "城市社区", "城市社区": "城市社区", "街道": "城市社区",
            "机关": "机关", "党政机关": "机关", "事业单位": "事业单位", "国企": "国有企业", "国有企业": "国有企业",
            "央企": "国有企业", "非公": "非公有制经济组织", "非公企业": "非公有制经济组织", "民营企业": "非公有制经济组织",
            "非公有制经济组织": "非公有制经济组织", "两新组织": "非公有制经济组织", "新经济组织": "非公有制经济组织",
            "社会组织": "社会组织", "新社会组织": "社会组织", "群团": "机关", "群团组织": "机关"}
# ownership named in the unit decides over the kind of institution: a 民营医院 is a private enterprise, a
# 民办学校 a private non-enterprise unit (社会组织), whatever 医院 / 学校 would suggest
_OWNERSHIP = (("民营", "非公有制经济组织"), ("私营", "非公有制经济组织"), ("私立", "非公有制经济组织"),
              ("个体", "非公有制经济组织"), ("零售户", "非公有制经济组织"), ("商户", "非公有制经济组织"),
              ("小个专", "非公有制经济组织"), ("民办", "社会组织"), ("民非", "社会组织"))


_COMPANY_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司", "科技有限公司", "集团有限公司", "公司"})
# the kinds of Party organisation a unit's name ends with (extract.py prefers such names as the unit)
PARTY_ORGS = ("党支部", "党总支", "党委", "党工委", "党组")
_PARTY_SUFFIX = re.compile(f"(?:{'|'.join((*PARTY_ORGS, '总支', '支部', '党小组'))})+$")


@dataclass(frozen=True)
class IndustryMatch:
    field: str
    sector: str | None
    confidence: float


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    fields = taxonomy().fields or {}
    table = {}
    for f in FIELDS:
        spec = fields.get(f) or {}
        table[f] = {
            "unit": [normalise_short(c) for c in spec.get("unit_cues") or []],
            "text": [normalise_short(c) for c in spec.get("text_cues") or []],
            "sectors": {normalise_short(k): [normalise_short(c) for c in (v or [k])]
                        for k, v in (spec.get("sectors") or {}).items()},
        }
    return table


def resolve_field(text: str | None, *, from_cues: bool = True) -> str | None:
    """A field name from what a user typed: exact field, alias, a sector, or (``from_cues``) a cue that implies
    one."""
    if not text:
        return None
    t = normalise_short(text).replace(" ", "")
    if t in FIELDS:
        return t
    if t in _ALIASES:
        return _ALIASES[t]
    for f, spec in _table().items():
        if t in spec["sectors"]:
            return f
    if not from_cues:
        return None
    m = infer(unit=t, title="", text="")
    return m.field if m and m.confidence >= 0.5 else None


def matched(field: str, confidence: float, *, unit: str = "", title: str = "", text: str = "") -> IndustryMatch:
    """A field decided elsewhere (the field model), with the sector its cues give in the unit's name, the title and
    the opening of the text, as ``infer`` would find it."""
    return IndustryMatch(field, _sector_of(field, unit, title, text[:3000]), confidence)


def _sector_of(field: str, *texts: str) -> str | None:
    best = None
    for sector, cues in _table()[field]["sectors"].items():
        for weight, text in zip((3, 2, 1), texts):
            hits = sum(1 for c in cues if c and c in text)
            if hits and (best is None or weight * hits > best[1]):
                best = (sector, weight * hits)
    return best[0] if best else None


@lru_cache(maxsize=1)
def _groups() -> dict:
    from importlib import resources
    return safe_load(resources.files("djkg.ingest").joinpath("data", "central_enterprises.yaml")
                     .read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def _central() -> tuple[tuple[str, ...], re.Pattern]:
    """Short names of central state-owned enterprises and their subsidiaries' naming patterns (data/)."""
    data = _groups()
    names = tuple(sorted({n for e in data.get("enterprises", []) for n in [e["name"], *e.get("short", [])]},
                         key=len, reverse=True))
    return names, re.compile("|".join([*(data.get("patterns") or []), *(data.get("local_patterns") or [])] or ["(?!)"]))


@lru_cache(maxsize=1)
def _local() -> re.Pattern:
    """Names only local state-owned groups take (``local_patterns``: 城投, 港集团 …)."""
    return re.compile("|".join(_groups().get("local_patterns") or ["(?!)"]))


def state_group_names() -> tuple[str, ...]:
    """Names and short names of central and provincial state-owned groups (data/central_enterprises.yaml), longest
    first."""
    return _central()[0]


@lru_cache(maxsize=1)
def _group_scanner() -> WordScanner[str]:
    """The groups' names and short names, found in one pass (a few hundred of them: one ``in`` test each was a tenth
    of reading a firm's field)."""
    return WordScanner({n: n for n in _central()[0]})


def _names_state_group(text: str) -> bool:
    """Whether ``text`` carries the name or short name of a central or provincial state-owned group."""
    return bool(_group_scanner().values_in(text))


def is_state_owned(unit: str) -> bool:
    """Whether the unit's name carries a central state-owned enterprise or one of its subsidiaries' names, or a
    name only local state-owned groups take (城投, 交投, 交建 …), or is a bureau's own firm (桦南林业局煤炭公司)."""
    return _names_state_group(unit) or bool(_central()[1].search(unit)) or bool(_BUREAUS_FIRM.search(unit))


# the parts of a firm that carry no firm's name of their own
_SUB_UNIT = re.compile(r"车间|分厂|工区|项目部|项目$|班组|工段|作业区|采油厂|机务段|车务段|工务段|供电段")


_PART_OF_BEFORE = re.compile(r"(?:隶属于?|归属于?|属于|划归|并入)$")
# … and before a local group's name, with the city its name opens on between ("隶属于杭州交投集团")
_PART_OF_BEFORE_CITY = re.compile(_PART_OF_BEFORE.pattern.removesuffix("$") + r"[\u4e00-\u9fff]{0,6}$")
_PART_OF_AFTER = re.compile(r"^(?:公司|有限公司|集团|集团公司|集团有限公司|有限责任公司)?(?:旗下|下属|所属|控股|全资|的子公司|的全资|的控股|的二级|的三级)")


def _part_of_state_group(text: str) -> bool:
    """Whether the text says the firm belongs to a central or provincial state-owned group ("…有限公司隶属中国黄金集团
    公司", "是中国建筑旗下的…"): it is state-owned, whatever its own name says."""
    for n in _group_scanner().values_in(text):   # (only the names the text holds: any one of them decides)
        for at in positions(text, n):
            end = at + len(n)
            if _PART_OF_BEFORE.search(text, max(0, at - 3), at) or _PART_OF_AFTER.match(text[end:end + 12]):
                return True
    # … or to a local group by a name only state-owned groups take ("隶属于杭州交投集团旗下的城市土地公司")
    return any(_PART_OF_AFTER.match(text[m.end():m.end() + 12])
               or _PART_OF_BEFORE_CITY.search(text, max(0, m.start() - 9), m.start()) for m in _local().finditer(text))


def _group_ran_it(masthead: str) -> bool:
    """Whether a title or masthead line names a state-owned group: a central or provincial group by name, or a local
    group by a name only local state-owned groups take (``local_patterns``: 港集团, 城投 …). A two-character short
    name counts only where a word can begin (南网 of "东南网讯" is a news site's name, not the grid's)."""
    return any(_begins_word(masthead, n) for n in _group_scanner().values_in(masthead)) \
        or bool(_local().search(masthead))


def _begins_word(text: str, name: str) -> bool:
    if len(name) > 2:
        return True
    return any(i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" for i in positions(text, name))


# a firm named as a bureau's own (林业局煤炭公司, 矿务局机修厂): the state's, as the bureau is
_BUREAUS_FIRM = re.compile(r"(?:局|管理局|管委会)[\u4e00-\u9fff]{1,8}?(?:公司|集团|厂|矿)$")


# what follows a one-character kind of unit (村, 乡, 镇, 局 …) that ends a name in a title: a boundary, or the Party or
# government body of that place (十里村党总支, 代村：, 某乡政府)
_AFTER_ONE_CHARACTER_KIND = re.compile(r"(?:$|[^\u4e00-\u9fff]|党|委|两委|政府|人民|的)")


def _ends_a_name(title: str, c: str) -> bool:
    """Whether the one-character kind ``c`` ends a name in ``title`` or the word 农村 (the field itself: "东安农村流动党员…"),
    not one character of another word (椰乡先锋 is a city's nickname, 乡村振兴 a policy)."""
    return any(_AFTER_ONE_CHARACTER_KIND.match(title, i + 1) or title[i - 1:i + 1] == "农村"
               for i, ch in enumerate(title) if ch == c and i)


_FIRM_NAME = re.compile(r"(?:公司|集团)$")   # 有限公司, 股份公司 … all end so
# a village's or a community's own company (村集体经济发展有限公司, 社区股份经济合作公司) is the village's
_PLACE_OWNED = re.compile(r"村|社区|嘎查|合作")
_ASSOCIATION = re.compile(r"(?:协会|商会|联合会|联谊会|同乡会|促进会|同业公会|基金会)$")
# … or among the "两新" (new economic and social organisations: firms outside the state sector and social groups)
_PRIVATE_PARTY_WORK = re.compile(r"(?:非公(?:有制)?|民营)企业(?:的)?党建|“?两新”?(?:组织|党组织|党建|领域)|新经济组织")
# … and so is one whose headline speaks of private firms ("党建引领如何助推民企成长？——听郑州圆方集团党委书记…")
_PRIVATE_IN_TITLE = re.compile(r"民企|民营企业|非公企业")
_COMPANY_UNIT = re.compile(r"(?:公司|集团|厂|矿|队|车间|工区|项目部)$")
# a village's name that begins a mine's, a plant's or a firm's (常村煤矿, 王村电厂): the 村 says where, not what
_VILLAGE_NAMED = re.compile(r"村(?=[\u4e00-\u9fff]?(?:煤矿|矿|电厂|发电厂|水泥厂|钢厂|(?<!村)[\u4e00-\u9fff]{0,2}?(?:有限公司|集团)))")


# the organisation word a unit's name ends with says what it is before any word of its text does
_END_FIELD = [
    (re.compile(r"(?:村|嘎查|村委会|合作社|村[^，。]{0,6}委员会)$"), "农村"),
    (re.compile(r"(?:社区|居委会|小区|家园|居民区)$"), "城市社区"),
    # a section of a government organ (三亚海关离岛免税监管一科) is the organ's, however like a hospital's 科 it ends
    (re.compile(r"(?:海关|局|法院|检察院|税务|政府)[\u4e00-\u9fff\d]{0,10}(?:科|股)$"), "机关"),
    (re.compile(r"(?:医院|卫生院|卫生服务中心|学校|中学|小学|高中|大学|学院|幼儿园|研究院|研究所|图书馆|博物馆|林场|系|科|班|"
                r"(?:事务|登记|检验|检测|监测|疾控|疾病预防控制|急救|血液|信息|技术)中心|推广站|推广总站|"
                # a county's service centre for a trade (西吉县马铃薯产业服务中心) is a public institution
                r"(?:产业|农业|农技|畜牧|兽医|林业|水利|就业|人才)服务中心|"
                # a broadcasting centre or station, a weather or hydrological station (内蒙古广播电视传输发射中心)
                r"广播电视[\u4e00-\u9fff]{0,6}中心|(?:发射|转播|传输)中心|电视台|广播电台|发射台|转播台|气象台|水文站|"
                # a geological or hydrological survey's centre or team (南京地调中心, 宣城水文勘测队, 第四地质大队)
                r"(?:地调|调查|勘测|勘查|勘察|测绘|水文|地质|地勘|地矿|煤田|冶金)[一二三四五六七八九十]*(?:中心|队|大队|院)|"
                # a reservoir's, a reserve's or a road's administration (涔天河水库和工程管理局, 白水江保护局, 市政设施管理处,
                # 公路养护中心): public institutions, not organs
                r"(?:水库|工程|水利|灌区|保护|风景区|景区)[\u4e00-\u9fff]{0,4}?管理(?:局|处)|保护局|管理处|养护中心)$"),
     "事业单位"),
    (re.compile(r"(?:律师事务所|律所|协会|商会|联合会|基金会|慈善总会|体育总会|慈善会|社会工作服务中心|服务社|促进会|研究会|联盟)$"), "社会组织"),
    # bureaus that are companies (a grid's county 供电局, a railway or mining 局, a construction 工程局)
    # … and a state farm (东风农场, 农垦龙亢农场: a family's or an eco-tourism farm says so, 家庭农场, 生态农场)
    (re.compile(r"(?:供电局|电业局|矿务局|铁路局|工程局|烟草专卖局|烟草局|烟站|烟叶站|(?:客运|车务|机务|工务|电务|车辆|供电)段|"
                r"(?<!家庭)(?<!生态)(?<!休闲)(?<!观光)(?<!体验)(?<!开心)(?<!亲子)(?<!快乐)(?<!农民)(?<!合作)农场)$"),
     "国有企业"),
    # a township (…镇, …乡) is the state's lowest organ: an organ unless its text is about its villages' farms
    # (the 镇/乡 cues of 农村 and its text cues then outweigh this; fields.yaml keeps 乡镇 a sector of 农村)
    # … and a law-enforcement team (城市管理综合行政执法队) is an organ's, however like a survey team it ends
    (re.compile(r"(?:局|委员会|法院|检察院|法庭|政府|办公室|工委|派出所|司法所|税务所|支队|执法(?:大|支|中)?队|供销(?:合作)?(?:联)?社|(?<![小古])镇|"
                r"(?<![家故水城])乡)$"), "机关"),
    # … and so does an industry chain's joint Party committee (五金不锈钢制造业产业链联合党委): the firms along the chain
    # … and a shopping mall's (东至县尧渡镇新天地购物广场党支部): its town's 镇 says where it is, not what it is
    # … and a market's, its stalls' traders (春城市场党支部, 石狮服装城党支部) — not a labour or capital market
    (re.compile(r"(?:写字楼|大厦|楼宇|商圈|园区|产业园|工业园|科技园|物流园|驿站|商贸城|购物广场|购物中心|商场|商城|超市|"
                r"产业链(?:综合|联合)?|(?<!人才)(?<!劳务)(?<!资本)市场|(?:服装|食品|小商品|建材|家具|灯饰|五金|陶瓷|皮革|鞋|布|汽配)城)$"), "非公有制经济组织"),
    # any other 所 (科技情报所, 农技所, 质检所): a public institute — the organs' and firms' kinds of 所 (派出所, 司法所,
    # 律师事务所) are read above
    (re.compile(r"(?<!供电)(?<!收费)所$"), "事业单位"),
]


_OWNERSHIP_STATED = re.compile(r"(?:(?<![还但就而倒总老要若凡可于只正也都不])是|作为|属于)(?:一家|一个|我国|全国|国内)?[^，。；]{0,6}?"
                               r"(?:(?:(?P<private>民营|私营|民营控股|非公有制?|家族|港资|外资|台资|侨资|外商独资)|国有独资|国有控股|国有|中央|省属|市属|县属)"
                               # … with the trade between ("作为一家国有控股的水电企业"), or the short form ("一家省属国企")
                               r"(?:的[\u4e00-\u9fff]{1,4}?)?(?:企业|公司)|(?:省属|市属|县属|中央|地方)国企(?!业))"
                               r"|一家(?P<private2>港资|外资|台资|侨资|外商独资|民营|私营)企业——"   # "一家港资企业——南丰针织厂"
                               # the firm the text is about, referred back to by what it is ("这家民营企业是2015年…")
                               r"|(?:这家|该)(?:(?P<private4>民营|私营|非公有制?|港资|外资|台资|侨资)|国有|省属|市属)企业"
                               # what the firm grew into ("…成长为以钢铁为主业…的大型国有企业集团")
                               r"|(?:成长为|发展为|发展成为?|壮大为|长成了?)[^。；]{0,60}?(?:的|一家)(?:大型|特大型|综合性|现代化)?"
                               r"(?:(?P<private3>民营|私营)|国有独资|国有控股|国有)[\u4e00-\u9fff]{0,4}?企业"
                               # a hospital or school the text says is private ("是湄潭县的一家民营医院")
                               r"|(?:(?<![还但就而倒总老要若凡可于只正也都不])是|作为|属于)[^，。；]{0,8}?"
                               r"(?P<private5>民营|私营|私立)(?:医院|诊所|学校|医疗)")


# honours only a state-owned enterprise's people and Party organisations receive ("中央企业先进基层党组织",
# "中国中铁劳动模范"): the unit is part of one, whatever its project or trade is called
# (its first word may follow a look-behind, which keeps re from skipping to where it can begin: ``Prefiltered`` does)
_OWNERSHIP_SCAN = Prefiltered(_OWNERSHIP_STATED)
_SOE_HONOUR = re.compile(r"(?:中央企业|央企|国资委)(?:系统)?(?:先进|优秀|劳动模范|劳模|五一|青年文明号|示范)|"
                         r"被[^，。；]{0,6}国资委(?:党委)?(?:评为|授予|命名|表彰)")   # "被山西省国资委评为“四强”党支部"
# (its first alternative opens on a group of words, which keeps re from skipping to where a match can begin)
_SOE_HONOUR_SCAN = Prefiltered(_SOE_HONOUR)
_HONOUR_AFTER = re.compile(r"(?:系统)?(?:劳动模范|劳模|优秀共产党员|先进基层党组织|优秀党务工作者|五一劳动奖)")
# (its optional first word keeps re from skipping to where a match can begin: ``Prefiltered`` does)
_HONOUR_AFTER_SCAN = Prefiltered(_HONOUR_AFTER)


def _central_honour(text: str) -> bool:
    names, _ = _central()    # (the honour is rare: looked for first, then the name right before it)
    return any(text[max(0, m.start() - 16):m.start()].endswith(names) for m in _HONOUR_AFTER_SCAN.finditer(text))


@lru_cache(maxsize=1)
def _text_cue_scanner() -> WordScanner[str]:
    return WordScanner({c: c for spec in _table().values() for c in spec["text"] if c})


def _text_cue_counts(text: str) -> dict[str, int]:
    """How often each field's text cue occurs in ``text``, counted as ``str.count`` counts (apart, from the left),
    from one scan: a count of each of the ~70 cues read the text ~70 times."""
    counts: dict[str, int] = {}
    free: dict[str, int] = {}     # where each cue's next occurrence may begin
    for end, cue in _text_cue_scanner().iter(text):   # (one cue's occurrences come in order: all are as long)
        start = end - len(cue) + 1
        if start >= free.get(cue, 0):
            counts[cue] = counts.get(cue, 0) + 1
            free[cue] = end + 1
    return counts


def _end_field(unit: str) -> str | None:
    for pattern, field in _END_FIELD:
        if pattern.search(unit):
            return field
    return None


def infer(*, unit: str = "", title: str = "", text: str = "", declared: str | None = None,
          declared_sector: str | None = None) -> IndustryMatch | None:
    head = text[:3000]
    field = resolve_field(declared) if declared else None
    if field:
        sector = normalise_short(declared_sector) if declared_sector else _sector_of(field, unit, title, head)
        return IndustryMatch(field, sector or None, 1.0)
    # the Party organisation's own suffix says nothing about the field (党委 is not a 委 of the government)
    unit = _VILLAGE_NAMED.sub("", _PARTY_SUFFIX.sub("", unit))
    title = _VILLAGE_NAMED.sub("", title.replace("党组织", ""))   # 党组 of 党组织 ("把党组织请进门") is no Party group of a government body
    scores: dict[str, float] = {}
    # a company form (有限公司 …) says nothing about ownership when the name also says state-owned (国网, 农业银行 …), or
    # the text does ("作为一家国有控股的水电企业")
    named_state = bool(unit) and is_state_owned(unit)
    central = named_state or (bool(unit) and bool(_FIRM_NAME.search(unit)) and _part_of_state_group(head[:600]))
    stated = _OWNERSHIP_SCAN.search(head)
    private = bool(stated) and any(stated.group(g) for g in ("private", "private2", "private3", "private4", "private5"))
    state_owned = central or any(c and c in unit and c not in _COMPANY_FORMS for c in _table()["国有企业"]["unit"]) \
        or (bool(stated) and not private)
    counts = _text_cue_counts(head)
    for f, spec in _table().items():
        s = 0.0
        for c in spec["unit"]:
            if c and c in unit and not (state_owned and c in _COMPANY_FORMS):
                s += 5.0 + len(c) * 0.5
            if c and c in title and (len(c) > 1 or _ends_a_name(title, c)):
                s += 3.5   # a title naming the kind of unit (派出所, 法庭, 供电所 …) says more than body words
        for c in spec["text"]:
            if c:
                s += min(3, counts.get(c, 0)) * 0.5
        for cues in spec["sectors"].values():
            for c in cues:
                if c and c in unit:
                    s += 2.0
        if s:
            scores[f] = s
    # the text saying what the firm is ("…集团是一家民营企业") decides between state-owned and private
    if stated:
        kind = "非公有制经济组织" if private else "国有企业"
        scores[kind] = scores.get(kind, 0.0) + 10.0
    elif _FIRM_NAME.search(unit) and not central and (_PRIVATE_PARTY_WORK.search(head) or _PRIVATE_IN_TITLE.search(title)):
        # a firm whose Party work the text calls private firms' ("走出一条…的非公企业党建路子"), or whose headline speaks of
        # private firms, is one
        scores["非公有制经济组织"] = scores.get("非公有制经济组织", 0.0) + 10.0
    if _SOE_HONOUR_SCAN.search(head) or _central_honour(head) or named_state:
        # (a state group's name heading the unit's says what the 园区 or 车间 of one of its branches does not:
        # "北大荒股份七星分公司农业科技园区党支部")
        scores["国有企业"] = scores.get("国有企业", 0.0) + 10.0
    association = bool(_ASSOCIATION.search(unit))
    # 个体劳动者私营企业协会: an association of private firms is a social organisation, whatever its members own
    owned = None if association else next((owner for word, owner in _OWNERSHIP if word in unit), None)
    if owned:
        scores[owned] = scores.get(owned, 0.0) + 10.0
    elif stated is not None and stated.group("private5") and not association:
        # "…是一家民营医院" says what 民营医院 in the name would: ownership decides, its 医院 does not
        owned = "非公有制经济组织"
        scores[owned] = scores.get(owned, 0.0) + 10.0
    if central:
        scores["国有企业"] = scores.get("国有企业", 0.0) + 12.0
    elif _COMPANY_UNIT.search(unit) and _group_ran_it(" ".join((title, head.split("\n", 1)[0]))):
        # a company whose group's site or masthead ran the report ("陕煤集团网站稿", "国家电网报", "“广州港集团”专版")
        # is the group's
        scores["国有企业"] = scores.get("国有企业", 0.0) + 12.0
    elif _SUB_UNIT.search(unit) and _names_state_group(head[:300]):
        # a workshop or a project department names no firm: the state-owned group the report opens on is its own
        # ("茅台集团在推进…" over "制酒二十四车间党总支")
        scores["国有企业"] = scores.get("国有企业", 0.0) + 12.0
    end = None if owned else _end_field(unit)   # ownership decides over the kind of institution (民营医院)
    if central and end == "机关":
        # a central firm's 局 (水电八局, 中交二航局) is a company, not a government bureau: neither its end word nor
        # its 局 counts for 机关
        end = None
        scores.pop("机关", None)
    if end:
        # an association's name holds the trade it gathers (私营企业协会, 广告协会): its end word says what it is
        scores[end] = scores.get(end, 0.0) + (16.0 if end == "社会组织" and association else 8.0)
    if _FIRM_NAME.search(unit) and not _PLACE_OWNED.search(unit):
        # a company is no village and no community, however much its text is about the villages it works with
        for f in ("农村", "城市社区"):
            scores.pop(f, None)
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], FIELDS.index(kv[0])))
    field, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = round(min(1.0, (top - second) / max(top, 1e-9) + 0.3), 3)
    return IndustryMatch(field, _sector_of(field, unit, title, head), confidence)

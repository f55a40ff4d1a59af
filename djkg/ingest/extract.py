"""Stage 4 — extract: from a normalised document to an ``ExtractedCase`` (the ingest JSON shape; ARCHITECTURE.md, “From a write-up to graph facts”).

Each sub-step is a small function so it can be tested and swapped alone: metadata, region, industry,
concepts (problems / measures / model), outcomes, candidates, quality flags.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from typing import Any, Callable

from ..graph import schema as S
from . import identity
from . import industry as industry_mod
from . import candidates, field_model, measure_model, problem_frames, problem_model, units
from .concept_model import ConceptModel
from .normalise import WrittenForm, convert_numerals, normalise_short, normalise_written, positions, strip_controls
from .outcomes import OutcomeFact, extract_outcomes
from .readers import RawDoc
from .regexscan import Prefiltered
from .regions import TOWN_BODIES   # (the module always imports; only the gazetteer's data may be missing)
from .sections import IN_NEED, OPENERS, YEARS_BACK, Sentence, split
from .taxonomy import Concept, Taxonomy, taxonomy

try:
    from .regions import LEVEL_RANK, gazetteer
except ImportError:  # gazetteer data package missing: find_region says so, ingesting goes on
    gazetteer = None

MAX_TEXT_CHARS = 200_000   # extraction reads at most this much of one document
MAX_CANDIDATES = 3
REGION_SCAN_CHARS = 2500
MODEL_MIN_SCORE = 2.0
REGION_DROP = 0.1          # below this confidence a region guess is dropped
FIELD_CERTAIN = 0.6        # from this confidence a field filters problems (the bar queries/models.py uses for fields)
REGION_UNCERTAIN = 0.5     # below this it is kept and flagged region_uncertain   # title/heading mention (3) or two body mentions


@dataclass
class Mention:
    id: str
    name: str
    evidence: str
    candidate: bool = False
    category: str = ""
    variant: bool = False     # found by word order / inserted words, not a listed surface
    learned: bool = False     # named by a concept model from the write-up's words (concept_model.py)

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "name": self.name, "evidence": self.evidence}
        if self.candidate:
            d["candidate"] = True
        if self.learned:
            d["learned"] = True
        return d


@dataclass
class ExtractedCase:
    source: str
    id: str
    title: str
    unit: str
    brand: str
    year: int | None
    region: dict[str, Any]
    industry: dict[str, Any]
    problems: list[Mention]
    measures: list[Mention]
    outcomes: list[OutcomeFact]
    model: dict[str, Any] | None
    flags: list[str]
    signals: list[str]
    warnings: list[str]
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    identity: dict[str, str] = field(default_factory=dict)   # see ingest/identity.py
    # the text with its numerals as written ("五个责任"; ``text`` is what the stages read: "5个责任"); empty when
    # it is ``text`` itself (a case rebuilt from a store written before the two were kept apart)
    written: str = ""

    @property
    def shown_text(self) -> str:
        """The write-up as people read it: what the store keeps and the JSON's ``text``."""
        return self.written or self.text

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        d = {
            "source": self.source, "id": self.id, "title": self.title, "unit": self.unit, "brand": self.brand,
            "year": self.year, "region": self.region, "industry": self.industry,
            "problems": [m.to_dict() for m in self.problems], "measures": [m.to_dict() for m in self.measures],
            "outcomes": [{"id": S.outcome_id(self.id, o.metric or o.name, o.value, o.evidence), **o.to_dict()}
                         for o in self.outcomes],
            "model": self.model, "flags": self.flags, "signals": self.signals, "warnings": self.warnings,
            "illustrative": bool(self.meta.get("illustrative")), "synthetic": bool(self.meta.get("synthetic")),
            "sources": self.meta.get("source") or [], "reported": self.meta.get("reported"),
        }
        if with_text:
            d["text"] = self.shown_text
        return d


# --- the stage --------------------------------------------------------------------------------------

def extract(doc: RawDoc, tx: Taxonomy | None = None) -> ExtractedCase:
    tx = tx or taxonomy()
    warnings = list(doc.warnings)
    raw = doc.text
    if len(raw) > MAX_TEXT_CHARS:
        warnings.append(f"正文过长，只分析前 {MAX_TEXT_CHARS} 字 / text truncated to {MAX_TEXT_CHARS} characters")
        raw = raw[:MAX_TEXT_CHARS]
    # the stages read numerals as digits ("五个责任" → "5个责任"); people read the text as it was written, which is
    # what the store keeps and the case page shows, with the evidence given back as written (``WrittenForm``)
    written = normalise_written(raw)
    text = convert_numerals(written).strip()     # == normalise(raw)
    meta = doc.meta
    sentences = split(text)
    title = normalise_short(meta.get("title")) or strip_controls(guess_title(text, sentences))
    source = _source_line(meta)
    unit = normalise_short(meta.get("unit")) or strip_controls(units.prefer_own_site(
        units.own_site(mastheads(text) + "\n" + source, text), units.guess_unit(title, without_mastheads(text), source)))
    year = meta.get("year") or guess_year(text)
    titled = bool(meta.get("title")) or title_is_heading(text, title)   # not just the opening sentence
    # a masthead ("长沙晚报", "福州新闻网 2008年6月13日") says where the news comes from, as a dateline does: for the
    # region it weighs as the title
    masthead = "" if meta.get("title") else masthead_line(text)
    # a company's registered place in brackets (德力西电气（芜湖）有限公司) is where it was registered, not the
    # county its text puts it in: the name votes for a region without it
    # … but a law firm's branch names its seat there (北京安博（成都）律师事务所 is in 成都, its head office in 北京)
    # … and a State Grid team's province before its brackets ("国家电网福建电力“双满意”(沙县光明先锋)共产党员服务队") says
    # whose team it is: the text places it, as it did when the unit was read as the bracketed name alone (a province in
    # the unit's name outweighs the county a text names with a short name that is an ordinary word too, 沙县小吃)
    grid = _GRID_COMPANY.match(unit)
    placed = unit[grid.end():] if grid else unit
    seat = _BRANCH_SEAT.search(placed)
    # (… its brackets still name its seat's level: "(齐齐哈尔)" is a city's team, whatever county it serves)
    region = find_region(text, title=masthead or title, unit=seat.group(1) if seat else _BRACKETED.sub("", placed),
                         hint=normalise_short(meta.get("region")), level_of=placed if grid else "",
                         warnings=warnings, title_is_heading=bool(masthead) or titled,
                         headline=title if masthead and title and any(
                             title in line for line in top_lines(text)) else "")
    ind = industry_mod.infer(unit=unit, title=title, text=text, declared=meta.get("industry"),
                             declared_sector=meta.get("sector"))
    # the measure model's words in the text, from one scan: what it reads, most of what the field model reads, and
    # where they are (its evidence)
    mmodel = measure_model.shipped()
    measure_words, measure_hits = mmodel.scanner.values_and_where(text) if mmodel is not None else (None, None)
    learned_field = False
    if not meta.get("industry"):
        ind, learned_field = _second_reading(ind, text, unit, title, measure_words)
    if meta.get("industry") and (ind is None or ind.confidence < 1.0):
        warnings.append(f"无法识别的领域：{meta.get('industry')} / unknown field")
    industry = {"field": ind.field if ind else None, "sector": ind.sector if ind else None,
                "confidence": ind.confidence if ind else None}
    if learned_field:
        industry["learned"] = True     # the field model's reading, not the rules' (the case page says so)
    if ind is None:
        warnings.append("未能判断所属领域 / field not recognised")

    spans = [(s.start, s.end) for s in sentences]
    matches = tx.match_spans(text, spans)
    # a problem named only in an outcome sentence ("实现脱贫") is a result, not the problem the unit faced
    # a context sentence continuing a problem sentence describes the same state (problem_frames.py)
    problem_view = problem_frames.continued(sentences, text)
    problems = _mentions(matches, problem_view, S.PROBLEM, prefer=("problem", "context", "measure"))
    framed = problem_frames.frame_problems(problem_view, tx, {m.id for m in problems})
    problems += [Mention(c.id, c.name, sentences[k].text[:300], category=c.category, variant=True)
                 for k, c, _ in framed]
    problems = _not_restating_unmanaged(_fits_field(problems, tx, industry))
    measures = _mentions(matches, sentences, S.MEASURE, prefer=("measure", "outcome", "context", "problem"))
    measures += _learned(mmodel, sentences, tx, {m.id for m in measures}, measure_words, measure_hits,
                         roles=("measure",))
    model = pick_model(matches, sentences, tx, meta, title, warnings, field=industry.get("field"))
    if model is None and not meta.get("unit"):
        # a curated write-up (front matter or labelled lines) without a model line is a local brand by intent;
        # only raw texts get a model inferred from what they do
        model = infer_model([m.id for m in measures if not m.variant and not m.learned], industry.get("field"), tx,
                            [m.id for m in problems])
    # (after the model is chosen: a problem read from the wording alone does not choose it)
    problems += _fits_field(_learned_problems(sentences, tx, text, {m.id for m in problems}), tx, industry)
    brand = normalise_short(meta.get("brand")) or guess_brand(text) or (model or {}).get("name", "")
    outcomes = extract_outcomes(sentences, tx, unit=unit, text=text)
    problems += _not_restating_learned(
        candidates.candidates(sentences, "problem", tx,
                              _matched_sentences(matches, S.PROBLEM) | {k for k, _, _ in framed}), problems)
    measures += candidates.candidates(sentences, "measure", tx, _matched_sentences(matches, S.MEASURE))
    flags, signals = quality(sentences, problems, measures, outcomes, tx, text)
    if region.get("adcode") and (region.get("confidence") or 0) < REGION_UNCERTAIN:
        flags.append("region_uncertain")
    if not unit:
        flags.append("unit_missing")
    if not region.get("adcode") and not industry.get("field") and not any(not m.candidate for m in problems + measures):
        flags.append("not_a_case")   # nothing of a case: a folder ingest skips such a file (pipeline.py)
    # an opening sentence standing in for a missing title names no document (many reports open alike)
    cid, ident = identity.assign(explicit=meta.get("id"), title=title if titled else "", unit=unit, year=year,
                                 origin=doc.origin, text=doc.text)
    written = written.strip()
    form = WrittenForm(written, text) if written != text else None
    shown = title if meta.get("title") else as_written(title, written, form)   # (ids keep the title as read)
    if shown and not titled and _cut_short(title, text):
        shown += "…"     # an opening sentence standing in for a missing headline, cut at 40 characters: say so
    if form is not None:   # the evidence as the write-up says it (the case page finds it in the stored text)
        problems, measures, outcomes = (
            [x if (shown_as := form.of(x.evidence)) == x.evidence else replace(x, evidence=shown_as) for x in facts]
            for facts in (problems, measures, outcomes))
    return ExtractedCase(doc.source, cid, shown, unit, strip_controls(brand), year, region, industry, problems,
                         measures, outcomes, model, flags, signals, warnings, text, meta, ident,
                         written=written if form is not None else "")


def _second_reading(ind: industry_mod.IndustryMatch | None, text: str, unit: str, title: str,
                    measure_words: set[str] | None) -> tuple[industry_mod.IndustryMatch | None, bool]:
    """The field model's reading of a write-up that declares no field (field_model.py): the rules' field stands
    unless the model gives another one at least its threshold; then that field, with its probability as the
    confidence. True when it changed the field."""
    model = field_model.active()
    if model is None or ind is None:
        return ind, False
    words = field_model.words_from_measure_scan(model, text, measure_words)
    reread = model.rereads(text, ind.field, ind.confidence, words=words)
    if reread is None:
        return ind, False
    return industry_mod.matched(reread[0], round(reread[1], 3), unit=unit, title=title, text=text), True


def _learned(model: ConceptModel | None, sentences: list[Sentence], tx: Taxonomy, found: set[str],
             present: set[str] | None, hits: Callable[[], list[tuple[int, str]]] | None,
             roles: tuple[str, ...]) -> list[Mention]:
    """Concepts the rules did not find that a concept model (``concept_model.py``) says the write-up states
    (``present``: its words in the text, ``hits``: where they are, as ``WordScanner.iter`` gives them), each with the
    sentence whose words speak most for it as its evidence: among the sentences of ``roles`` first, any other only
    when none of those does."""
    if model is None or present is None or hits is None:
        return []
    stated = {cid: p for cid, p in model.stated_by(present).items()
              if cid not in found and cid in tx.by_id}
    if not stated:
        return []
    # where the words are, for the evidence, only when a concept is stated (most write-ups: none the rules missed)
    starts = [s.start for s in sentences]
    words: list[set[str]] = [set() for _ in sentences]
    for end, w in hits():
        k = bisect_right(starts, end) - 1
        if k >= 0 and end < sentences[k].end and not sentences[k].heading:
            words[k].add(w)
    # the evidence of a measure is a sentence that tells what was done, where one speaks for it; a result or the
    # background only when none does ("同期集体经济从3万多元增至315万元" is what the measure brought, not the measure)
    preferred = [w if s.role in roles else set() for w, s in zip(words, sentences)]
    out = []
    for cid in sorted(stated, key=lambda c: (-stated[c], c)):
        concept = tx.by_id[cid]
        k = model.evidence(cid, preferred)
        k = model.evidence(cid, words) if k is None else k
        out.append(Mention(concept.id, concept.name, sentences[k].text[:300] if k is not None else "",
                           category=concept.category, learned=True))
    return out


def _learned_problems(sentences: list[Sentence], tx: Taxonomy, text: str, found: set[str]) -> list[Mention]:
    """Problems the problem model says the write-up states that the rules did not find (its own word scan: its
    vocabulary is not the measure model's)."""
    model = problem_model.shipped()
    if model is None:
        return []
    present, hits = model.scanner.values_and_where(text)
    return _learned(model, sentences, tx, found, present, hits, roles=("problem", "context"))


def _fits_field(problems: list[Mention], tx: Taxonomy, industry: dict[str, Any]) -> list[Mention]:
    """A problem that cannot arise outside one field or a few (``only_in`` in problems.yaml: smallholders, a village's
    collective economy; a community's or a village's split forces) is dropped from a case whose field is known to be
    another ("单打独斗" in a city community is not smallholders farming alone) — unless its sentence is about what
    ``or_about`` names (a district's organs on the split forces of its towns and communities) and nothing
    ``not_about`` names (a power company's sentence on 建档立卡贫困户 names whom it helps). The ``fields`` lists
    say where problems are typical, not where they can arise (a court mediates conflicts too), so they filter
    nothing; nor does a field recognised only weakly."""
    field = industry.get("field")
    if not field or (industry.get("confidence") or 0) < FIELD_CERTAIN:
        return problems
    out = []
    for m in problems:
        concept = tx.by_id.get(m.id)
        extra = concept.extra if concept else {}
        only, about, avoid = extra.get("only_in"), extra.get("or_about"), extra.get("not_about", ())
        if not only or field in ([only] if isinstance(only, str) else only) \
                or (about and _names_any(m.evidence, about) and not _names_any(m.evidence, avoid)):
            out.append(m)
    return out


def _names_any(text: str, words) -> bool:
    return any(word in text for word in words)


# --- metadata guesses --------------------------------------------------------------------------------

_UNIT = re.compile(r"([\u4e00-\u9fff（）()]{2,40}?(?:党支部|党总支|党委|党工委|党组|支部|委员会|街道|社区|村|镇|乡|"
                   r"公司|集团|医院|大学|学院|学校|中学|小学|研究院|研究所|局|厅|委|办|中心|协会|商会|联合会|站|所))"
                   r"(?=[，。、：:“\"\s的在以为坚针立聚通探创把从自近始将成着牵推开组结联深积充围按是有现共还也和与于对先紧持全率主打实发建引带抓落统依设经]|$)")
_UNIT_STOP = ("本报讯", "近年来", "近日", "今年", "去年", "为了", "为", "在", "以", "据", "记者", "本文", "面对", "针对", "通过", "自",
              "从", "由于", "这是", "其中", "目前", "如今")
_PARTY_ORG = industry_mod.PARTY_ORGS
# words that show a "unit" match is really a clause ("不少来自县乡", "新郑市一个村", "随手拍一下就能报给社区")
_NOT_A_UNIT = re.compile(r"一个|一些|不少|许多|来自|随手|就能|报给|送到|到了|走进|走访|我们|他们|大家|群众|村民|居民")
_DATELINE = re.compile(r"(?m)^(?:本报讯|本网讯|新华社|人民网|央广网|新华网)?[（(][^）)]{0,30}[）)]|^(?:本报讯|本网讯|讯)\s*")


# masthead lines of a bulletin are not its title ("党建工作简报", "……党委　2023年第6期"), nor is the outlet line
# of a repost ("网易号·普陀区融媒体中心", "福州新闻网 2008年6月13日", "钟楼区政府网 基层信息"): the outlet is who
# published the text, not whom it is about
_OUTLET = r"(?:新闻网|融媒体中心|日报|晚报|电视台|政府网|门户网站|门户网|网站|频道|网易号|百家号|搜狐号|澎湃号|头条号|企鹅号|公众号|客户端)"
_DATED = r"(?=.*?(?:\d{4}年\d{1,2}月|\d{4}-\d{1,2}|通讯员|来源[:：]))"
# a short line wholly in 【】: a column's tag alone on its line ("【企业家年会·高端对话实录】"), unless no headline
# follows it (guess_title: then it was the headline, "【三年建成五个示范点】")
_BRACKETED_LINE = r"^【[^】\n]{4,20}】$"
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{0,8}(?:简报|通讯|动态|快报|专报)$|第\s*\d+\s*[期版]|^编者按|"
                       + _BRACKETED_LINE + "|"
                       # a page's date or source line ("发布时间：2021年11月4日", "（来源：西城区委组织部 发布日期：…）")
                       r"^[（(]?\s*(?:发布时间|发布日期|更新时间|时间|日期|来源|稿源|信息来源|文章来源)\s*[:：]|"
                       # a newspaper's byline ("□ 刘彬 杨志芳 李胜", "■本报记者 王芳", "通讯员 赵晓宇 刘伶俐")
                       r"^[□■]\s*(?:本报)?(?:记者|通讯员)?[\u4e00-\u9fff\s　]{2,24}$|"
                       r"^(?:本报|本网)?(?:记者|通讯员)[\s　：:]*(?![^\n]*[的了在进到是为和与开展])[\u4e00-\u9fff\s　、]{2,14}$|"
                       # … or its publisher's line ("宁夏日报报业集团出版")
                       r"^[\u4e00-\u9fff]{2,12}(?:报业集团|日报社|报社)(?:出版|主办)$|"
                       # a site's section name alone on its line, after the site's name or not ("新闻中心",
                       # "江苏文明网　要闻", "工作要闻")
                       r"^(?:[\u4e00-\u9fff·]{1,12}[\s　·]+|[\u4e00-\u9fff·]{1,10}[网报][\s　·]*)?[\u4e00-\u9fff]{0,4}(?:新闻中心|新闻资讯|资讯中心|要闻)$|"
                       # a news site's name alone on its line ("中国日报网", "人民网", "荆楚网")
                       r"^[\u4e00-\u9fff]{1,5}网$|"
                       # … or with its channel ("中国日报网·财经", "人民网·党建")
                       r"^[\u4e00-\u9fff]{1,8}网[·・][\u4e00-\u9fff]{1,6}$|"
                       # a site's breadcrumb ("山西省卫生健康委员会　首页 > 党建工作 > 其他工作"): the site, not the subject
                       r"首页\s*[>＞›»/／]|(?:[^>＞›»\n]*[>＞›»]){2}|^首页(?!.*[，。])|"
                       # … and its "you are here" line ("您当前的位置:城市 >")
                       r"^(?:您?(?:当前|现在|所在)的?位置|您的位置)\s*[:：]|设为首页|加入收藏|"
                       rf"^[\u4e00-\u9fff·]{{0,16}}{_OUTLET}稿?(?:$|[\s·・|｜:：]|{_DATED})|"
                       # a repost's credit line ("大国新村网转载《人民日报》…稿件")
                       r"^[\u4e00-\u9fff·]{1,16}(?:网|报|号|客户端)(?:转载|转发|转自)|"
                       # any site or paper followed by its date ("江苏文明网 2023年11月稿", "《大众日报》2017年6月6日")
                       rf"^《?[\u4e00-\u9fff·]{{1,16}}(?:网|报)》?\s*(?=\d{{4}}(?:年|-)){_DATED}")


def masthead_line(text: str) -> str:
    """The first masthead or outlet line among the first four ("" when there is none)."""
    return next((line.strip() for line in text.split("\n", 4)[:4] if _is_masthead(line)), "")


@lru_cache(maxsize=256)   # the same top lines are asked about by masthead_line, mastheads and without_mastheads
def _is_masthead(line: str) -> bool:
    line = line.strip()
    return len(line) <= 40 and bool(_MASTHEAD.search(line))   # a dateline running into the text is not


def mastheads(text: str) -> str:
    """The masthead, outlet and breadcrumb lines among the first four (what ``without_mastheads`` blanks)."""
    return "\n".join(line for line in text.split("\n", 4)[:4] if _is_masthead(line))


def without_mastheads(text: str) -> str:
    """``text`` with its masthead and outlet lines among the first four blanked: the outlet that published a
    repost ("网易号·普陀区融媒体中心") is not the unit it is about."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:4]):
        if _is_masthead(line):
            lines[i] = ""
    return "\n".join(lines)


# a photo's caption above the text ("（图）中关村创业大街路口的指示牌上…"): no heading, however it stands on its own line
_CAPTION = re.compile(r"^\s*(?:[（(]图(?:片)?[）)]|【图】|图为)")


def top_lines(text: str) -> list[str]:
    """The first four lines of ``text`` that are not a photo's caption (blank lines count, as they stand)."""
    # (lines tried only until four are kept)
    return list(islice((line for line in text.split("\n", 12) if not _CAPTION.match(line)), 4))


def title_is_heading(text: str, title: str) -> bool:
    """Whether the title stands on a line of its own (a heading), rather than being the opening sentence."""
    return any(line.strip().lstrip("#").strip() == title for line in top_lines(text))


# What the top of a real report holds besides its headline (the real-text title sets, tests/gold/titles_*.yaml):
# a leading column or repost tag ("【转载】", "〔转帖〕", "（新兴领域党建）", "咱们的小康路 | ") before the headline …
_COLUMN_TAG = re.compile(r"^(?:【[^】：:]{1,12}】|〔[^〕：:]{1,12}〕|[（(][^）)：:]{1,12}[）)]|[^|｜丨：:]{2,16}?\s*[|｜丨]\s*)(?=\S)")
# … and lines that are not headlines at all: a note wholly in brackets ("（转载自《法制日报》）", "（文摘 2024-08-21
# 浙江）"), a dateline ("本报嵩明讯", "洛阳网讯（2024年11月22日）", "中新网重庆7月7日电（2024年）"), a byline or a
# credit ("本报记者祝大伟刘以晴", "文/杜燕飞王静", "西宁公交集团有限责任公司供稿"), an outlet or a page with a date
# ("凤凰网甘肃 2022年11月6日", "天府信息快讯 2023-06-25"), a site's boilerplate ("点击上方蓝字 关注我们",
# "欢迎访问反腐倡廉网！", "网易山西 > 正文", "吉林市教育 | 公众号推送")
_NOT_A_HEADLINE = re.compile(
    r"^[（(〔【].*[）)〕】]$|"
    r"(?:讯|电)\s*(?:[（(][^）)]*[）)])?$|"
    r"(?:记者|通讯员|实习生|撰稿|摄影)(?![^\n]*[的了在进到是为和与开展走])|供稿|作者|^文\s*[/／]|[/／]\s*文\b|来源\s*[:：]|"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}|^\d{1,2}月\d{1,2}日$|"
    r"点击上方|关注我们|欢迎访问|欢迎来到|扫码|二维码|正文$|公众号|客户端|\s[>＞›»]\s|"
    # … a paper's name ("中国工商报"), a column's ("党群园地", "集团新闻", "“四强”党支部巡礼")
    r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|晨报|时报|商报|报|报系)$|"
    r"^.{0,10}(?:园地|新闻|动态|专栏|之窗|风采|巡礼|视点|要闻|资讯|快讯|简讯|在线)$")
# … a headline states what happened in quotes, after a colon or before a subtitle, and a byline does not: those
# words decide only in a line without them ("人人都是一面旗——记者走访…" is a headline; "作者：孙晓霞" is not)
_HEADLINE_SHAPE = re.compile(r"[“”]|——|(?<!作者)(?<!来源)(?<!记者)(?<!通讯员)(?<!编辑)(?<!时间)(?<!日期)[：:]")
# a line that only names who publishes ("青岛大学党委组织部", "宁夏医科大学总医院") heads the headline below it
_HEADS_ONLY = re.compile(r"(?:党委|党支部|党总支|党组|组织部|宣传部|大学|学院|医院|公司|集团|委员会)$")
# a line that leads into the headline below it ("凤阳经济开发区——", "紫阳县委办党支部:")
_LEAD_IN = re.compile(r"(?:——|[:：])$")
# an explicit headline field of a broadcast script ("栏目：乡村振兴进行时 标题：“养猪村”变身记")
_TITLE_FIELD = re.compile(r"标题\s*[:：]\s*(?=\S)")


@lru_cache(maxsize=1024)   # guess_title, its look-ahead and as_written read the same top lines
def _headline(line: str) -> str:
    """``line`` as a headline: without a leading column or repost tag and without wrapping 【】; "" when the line
    is no headline (page furniture, a genre or section line, a body sentence)."""
    line = line.strip().lstrip("#").strip()
    if len(line) > 80:
        return ""   # a paragraph (a headline runs to 64 characters, a tag before it to 16): not read further
    as_read = line
    if line.startswith(("——", "--")) or (_is_masthead(line) if len(line) <= 40 else _MASTHEAD.search(line)):
        return ""   # (a column's tag alone on its line, "【“四强”党支部巡礼】"; a subtitle or a list's item)
    field = _TITLE_FIELD.search(line)
    if field:
        line = line[field.end():]
    while (tag := _COLUMN_TAG.match(line)) and len(line) - tag.end() >= 4 and not line[tag.end():].startswith("——"):
        line = line[tag.end():].strip()
    if line.startswith("【") and "】" in line and (line.endswith("】") or line[line.index("】") + 1:].startswith("——")):
        line = line[1:].replace("】", "", 1)      # the whole headline in 【】, a subtitle after it or not
    # (a headline may run past 40 characters; a longer line with a comma or a full stop is the body's first)
    limit = 40 if "，" in line or "。" in line else 64
    if not 4 <= len(line) <= limit or line.endswith("。") or (line != as_read and _MASTHEAD.search(line)) \
            or identity.is_generic_title(line):
        return ""
    if _NOT_A_HEADLINE.search(line) and not _HEADLINE_SHAPE.search(line):
        return ""
    if line[0] in "（(【〔" and line[-1] in "）)】〕":
        return ""   # (… even with quotes or a colon in it: "（转载自"发现最美铁路"系列报道，2023年6月19日）")
    return line


def guess_title(text: str, sentences: list[Sentence]) -> str:
    lines = [x.strip() for x in text.split("\n", 24)[:24] if x.strip() and not _CAPTION.match(x)][:8]
    bracketed = ""    # a short line wholly in 【】: a column's tag above a headline, or the headline itself
    for i, line in enumerate(lines):
        head = _headline(line)
        if not head:
            if not bracketed and re.match(_BRACKETED_LINE, line) and _headline(line[1:-1]):
                bracketed = line[1:-1]
            if len(line) > 40 and ("，" in line or "。" in line):
                break   # the body has begun: a line below it is a paragraph's or a list's, not the headline
            continue
        # (the next headline-like line, past a date or a credit between them)
        following = next((h for h in map(_headline, lines[i + 1:i + 3]) if h), "")
        # a first line that only names the organisation ("……税务分局党支部") or leads into the headline ("凤阳经济
        # 开发区——") heads the real title below it; one that ends in a colon begins it ("紫阳县委办党支部:" /
        # "联建办实事": the headline runs over two lines)
        if following and head[-1] in ":：":
            return head + following
        if following and (_HEADS_ONLY.search(head) or _LEAD_IN.search(head)):
            return following
        if _LEAD_IN.search(head) and not following:
            continue
        return head
    if bracketed:
        return bracketed   # no headline below the 【】 line before the body: it was the headline ("【三年建成五个示范点】")
    # no title line (a news item pasted as is): its first sentence, without the dateline
    for s in sentences:
        first = _DATELINE.sub("", s.text).strip().rstrip("。；！？")[:40]
        if not s.heading and not identity.is_generic_title(first) and not _MASTHEAD.search(first) \
                and len(first) >= 8 and not (_NOT_A_HEADLINE.search(first) and not _HEADLINE_SHAPE.search(first)):
            return first
    return ""


def as_written(title: str, written: str, form: WrittenForm | None = None) -> str:
    """The title with its numerals as the text writes them: the stages read "十五年" as "15年" (``normalise``), a
    reader sees "十五年". ``written``: the text as ``normalise_written`` gives it. ``form`` gives back a title that
    stands in the text as it is (an opening sentence, most headlines); a headline made of two lines ("紫阳县委办党支部:"
    / "…") or taken out of brackets is looked for among the top lines."""
    if not any("0" <= ch <= "9" for ch in title) or title in written[:1200]:
        return title   # (no numeral to give back, or the text writes it in digits itself)
    if form is not None:
        shown = form.of(title)
        if shown != title:
            return strip_controls(shown)
    # (guess_title stops where the body begins)
    heads = [h for h in map(_headline, written.split("\n", 24)[:24]) if h]
    for i, head in enumerate(heads):
        for whole in (head, *(head + after for after in heads[i + 1:i + 3])):
            if strip_controls(convert_numerals(whole)) == title:
                return strip_controls(whole)
    return title


def _cut_short(title: str, text: str) -> bool:
    """Whether ``title`` (an opening sentence, ``guess_title``) stops in the middle of a word: a character or a
    digit runs on right after it (not a full stop, a comma or a closing bracket)."""
    at = text.find(title)
    after = text[at + len(title):at + len(title) + 1] if at >= 0 else ""
    return bool(after) and (after.isalnum() or "\u4e00" <= after <= "\u9fff")


def _source_line(meta: dict) -> str:
    """Who published the case, as its sources give it (each one's publication, which may hold the author's unit)."""
    sources = meta.get("source") or []
    return "".join(str(s.get("publication") or "") for s in sources if isinstance(s, dict))


def guess_unit(title: str, text: str) -> str:
    """The unit the write-up is about: the organisation named in the title or near the top, preferring a
    Party organisation (a write-up is about a 党支部/党委 …) and names mentioned more than once."""
    head = _DATELINE.sub("", text[:400])
    head = re.sub(r"“[^”]{0,80}”", lambda m: "“" + "　" * (len(m.group(0)) - 2) + "”", head)  # not inside quotes
    found: list[tuple[float, int, str]] = []
    # a subtitle line ("——晋江市恒昌鞋服有限公司党委经验材料") names the unit as plainly as the title does
    subtitle = "\n".join(x for x in text[:300].split("\n")[:4] if x.strip().startswith(("——", "--", "—")))
    for weight, chunk in ((3.0, title), (3.0, subtitle), (0.0, head)):
        for m in _UNIT.finditer(chunk):
            u = m.group(1)
            for stop in _UNIT_STOP:
                if u.startswith(stop):
                    u = u[len(stop):]
            if len(u) < 3 or _NOT_A_UNIT.search(u):
                continue
            score = (weight + (4.0 if u.endswith(_PARTY_ORG) else 0.0) + min(2, text.count(u) - 1) * 0.5
                     + min(len(u), 16) * 0.15)
            found.append((score, -m.start() - (0 if weight else 1000), u))
    # a short form (协会党委, 公司党委) of a full name found too (郑州市律师协会党委) lends it its mentions
    names = {u for _, _, u in found}
    best: tuple[float, int, str] | None = None
    for score, pos, u in found:
        if any(v != u and v.endswith(u) for v in names):
            continue
        score += 0.5 * sum(1 for v in names if v != u and u.endswith(v))
        if best is None or (score, pos) > best[:2]:
            best = (score, pos, u)
    return best[2] if best else ""


# a year from 1980 to 2049 not inside a longer figure (the look-behind follows the first digit: a pattern that starts
# with a look-behind is tried at every character, one that starts with a character only where that character is)
_YEAR = re.compile(r"((?:1(?<!\d1)9[89]|2(?<!\d2)0[0-4])\d)年")


def guess_year(text: str) -> int | None:
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


_BRAND = re.compile(r"(?:打造|创建|创新|推出|形成|树立|擦亮)了?[“\"]([^”\"]{2,16})[”\"](?:党建)?(?:品牌|模式|工作法)?|"
                    r"[“\"]([^”\"]{2,16})[”\"](?:党建)?(?:品牌|工作法)")
# (its first alternative opens on a group of words, which keeps re from skipping to where a match can begin:
# ``Prefiltered`` does)
_BRAND_SCAN = Prefiltered(_BRAND)


def guess_brand(text: str) -> str:
    m = _BRAND_SCAN.search(text[:5000])
    return (m.group(1) or m.group(2)) if m else ""


_BRACKETED = re.compile(r"[（(][^（）()]{1,8}[）)]")
_BRANCH_SEAT = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})[）)](?:律师)?事务所")


def find_region(text: str, *, title: str, unit: str, hint: str, warnings: list[str],
                title_is_heading: bool = True, headline: str = "", level_of: str = "") -> dict[str, Any]:
    """``title`` weighs as the title (a masthead, when there is one); ``headline``, the report's own title below a
    masthead, may still name the county a city-level unit stands in ("——记兰州市城关区友谊雷锋车队"); ``level_of``, a
    name that gives the unit's level where ``unit`` (what votes for the place) does not (a grid team's brackets)."""
    empty = {"province": None, "city": None, "county": None, "adcode": None}
    if gazetteer is None:
        warnings.append("地名库不可用 / gazetteer unavailable")
        return empty
    g = gazetteer()
    # a firm's project team works where its project is, an area's branch in its area: the place in the firm's name is
    # the firm's seat ("中铁五局成都公司宜威项目党支部" builds a tunnel in 珙县, not in 成都; "…深圳分公司广州片区党支部")
    # (a province in the firm's name, 山西建投, is most often the project's too: a provincial group builds at home)
    firm = _FIRM_BEFORE_PROJECT.match(unit)
    if firm and any(g.division(s.adcode).level != "province" for _, _, s in g.mentions(firm.group(0))
                    if g.division(s.adcode)):
        unit = unit[firm.end():]
    # the unit's own place is named near the top; the rest of a long text mostly mentions other places
    if unit and _placed_elsewhere(g, unit, text):
        unit = ""
    match = g.resolve(title + "\n" + text[:REGION_SCAN_CHARS], hint=hint or None, unit=unit or None,
                      serves_villages=_named_above_county(g, unit) or _learned_body(g, unit))
    if hint and (match is None or not _hint_agrees(hint, match)):
        warnings.append(f"地区“{hint}”无法完全识别 / region not fully recognised")
    if match is None:
        warnings.append("未能识别所在地区 / region not recognised")
        return empty
    if not hint:
        heading = (title if title_is_heading else "") + headline
        match = _cap_at_unit_level(g, match, level_of or unit, heading)
        match = _cap_at_province(g, match, unit, heading)
    if match.confidence < REGION_DROP:
        # a place named once, far into the text, is no ground to file the unit there
        warnings.append("文中没有可靠的地点，未确定所在地区 / no reliable place in the text; region left empty")
        return {**empty, "confidence": match.confidence}
    return {"province": match.province, "city": match.city, "county": match.county, "adcode": match.adcode,
            "confidence": match.confidence}


_GRID_COMPANY = re.compile(units.GRID_COMPANY + r"(?=[（(])")
_FIRM_BEFORE_PROJECT = re.compile(r"^[\u4e00-\u9fff]*(?:公司|集团)(?=[\u4e00-\u9fffⅠⅡⅢ\d]{2,16}(?:项目|片区))")


def _placed_elsewhere(g, unit: str, text: str) -> bool:
    """Whether the unit's name begins with a place's short name (乌兰布鲁克村: 乌兰, a county in Qinghai) while the
    text, where it first names the unit, puts it under another place written in full ("新疆维吾尔自治区和静县额勒再特
    乌鲁乡的乌兰布鲁克村"): then the name is the village's own, not its county's, and does not vote for a place."""
    lead = {s.adcode for start, _, s in g.mentions(unit) if start == 0 and not s.full}
    at = text.find(unit)
    if not lead or at < 0:
        return False
    if _county_named_in_passing(g, lead, text):
        return True
    placed = [s.adcode for _, _, s in g.mentions(text[max(0, at - 24):at]) if s.full and not s.weak]
    if not placed:
        return False
    # (one on the other's chain is the same place named twice: "安吉县…安吉余村")
    return not any(code in {d.adcode for d in g.chain(p)} or p in {d.adcode for d in g.chain(code)}
                   for code in lead for p in placed)


def _county_named_in_passing(g, lead: set[str], text: str) -> bool:
    """Whether the unit's name begins with a county's or district's short name (东城, 玉山: names that streets,
    villages and police stations far from it carry) while the text places itself elsewhere: it names other
    county-level places, and nothing on that county's own chain ("西昌…东城派出所", "泉港区…玉山村")."""
    divisions = [g.division(code) for code in lead]
    if not all(d and d.level == "county" for d in divisions):
        return False
    chains = {c.adcode for code in lead for c in g.chain(code)}
    others = [s.adcode for _, _, s in g.mentions(text[:REGION_SCAN_CHARS]) if not s.weak and s.adcode not in lead]
    if any(code in chains for code in others):
        return False    # the district's city or province is named too: the name may well be the district's
    return any(g.division(code) and g.division(code).level == "county" for code in others)


# units that sit below a county: a county the text names is theirs
_BELOW_COUNTY = re.compile(r"村|社区|街道|镇|乡|嘎查|苏木|居委会|小区|网格|片区|园区|商贸城|商城|批发市场|农贸市场|集贸市场|"
                           + "|".join(TOWN_BODIES))


def _cap_at_unit_level(g, match, unit: str, title: str):
    """A city-level organisation (赤峰分行, 赣州供电分公司, 郑州市律师协会) whose name carries a city but no
    county stays at city level: counties its text names are places it serves, not where it is."""
    if not match.county or not match.city or not unit or _BELOW_COUNTY.search(unit) or _AT_A_SITE.search(unit):
        return match    # (a project named after its city, 渝昆高铁昆明枢纽项目部, stands in the county its text names)
    # (unlike ``_named_above_county``, a surface that names a city and a county alike, 长沙 = 长沙市 / 长沙县, counts
    # as both and leaves the county the text gives: reading it as the city alone capped 长沙博大机械 above 浏阳市 and
    # a 望城区 courier station, measured on the development sets, 2026-12-02)
    levels = {g.division(s.adcode).level for _, _, s in g.mentions(unit) if not s.weak}
    if "county" in levels or "city" not in levels:
        return match
    county = g.division(match.adcode)
    if _named_in(title, county):
        return match
    return replace(g.match(county.parent), confidence=match.confidence) if county.parent else match


def _named_in(title: str, division) -> bool:
    """Whether ``title`` names the division, by its name without its suffix (大冶 of 大冶市; a two-character name whole)."""
    return (division.name[:-1] if len(division.name) > 2 else division.name) in title


# public bodies of a province that serve all of it: a county or city their text names is a place they work in (a
# hospital's aid team, an academy's pilot village, a fund's project), not their seat
_PROVINCE_BODY = re.compile(r"医院|大学|学院|科学院|研究院|机关|台办|政协|基金会|红十字会|商会|联合会|总工会|党校")
# … but a campus, a branch or a project of one is where it stands ("四川轻化工大学东部新城校区项目临时党支部": 自贡)
_AT_A_SITE = re.compile(r"项目|工程|工地|指挥部|校区|分校|分院")


def _cap_at_province(g, match, unit: str, title: str):
    """A body named by its province alone (宁夏回族自治区人民医院, 云南省农业科学院, 陕西省红十字基金会) stays at
    province level unless the title names the city or county: the villages and counties its report names are where
    it sent doctors or ran a project ("…派驻泾源县…"). A firm's name is left alone: a province's name often heads a
    factory's in one county (山西天宝集团, 定襄县). A municipality's districts are kept (its province is a city)."""
    if not match.city or not unit or _BELOW_COUNTY.search(unit) or not _PROVINCE_BODY.search(unit) \
            or _AT_A_SITE.search(unit):
        return match
    lead = g.places_beginning(unit)
    if not lead or any(g.division(code).level != "province" for codes in lead for code in codes):
        return match
    if any(g.division(s.adcode).level != "province" for _, _, s in g.mentions(unit) if not s.weak):
        return match    # 湖北医药学院十堰校区, 广西大学梧州分校: the name places it below the province
    chain = g.chain(match.adcode)
    if any(_named_in(title, d) for d in chain if d.level != "province"):
        return match
    return replace(g.match(chain[0].adcode), confidence=match.confidence)


# a university, a college or a research institute: it stands in a city, never in the villages and counties it aids
_LEARNED_BODY = re.compile(r"(?:大学|学院|科学院|科院|研究院|研究所)$")


def _learned_body(g, unit: str) -> bool:
    """Whether the unit is a university or a research body whose name does not begin with a place (东北林业大学 — 北林 in
    it is no place of its —, 中国热科院): the villages and counties its text names are ones it aids
    (``_named_above_county`` covers those whose name carries a province or a city)."""
    return bool(unit) and bool(_LEARNED_BODY.search(units.without_party(unit))) and not g.places_beginning(unit)


def _named_above_county(g, unit: str) -> bool:
    """Whether the unit is a body above the township whose name carries its province or city and no county (国网东营
    供电公司, 广西中医药大学第一附属医院): the villages its text names are ones it serves (``regions._village_county``)."""
    if not unit or _BELOW_COUNTY.search(unit):
        return False
    spans: dict[tuple[int, int], set[str]] = {}
    for start, end, s in g.mentions(unit):
        if not s.weak:
            spans.setdefault((start, end), set()).add(s.adcode)
    # (one surface naming a division and its ancestor, 东营 = 东营市 / 东营区, names the ancestor, as in resolve; one
    # naming a province among unrelated places, 海南 = 海南省 / 乌海's 海南区 / 海南州, names the province)
    levels = {min((g.division(code).level for code in codes if not any(a.adcode in codes for a in g.chain(code)[:-1])),
                  key=LEVEL_RANK.__getitem__) for codes in spans.values()}
    return bool(levels) and "county" not in levels


def _hint_agrees(hint: str, match) -> bool:
    names = [n for n in (match.province, match.city, match.county) if n]
    return any(n[:2] in hint for n in names)


# --- concepts ------------------------------------------------------------------------------------------

_BEFORE_AFTER = re.compile(r"(?:从|由)[^，。；]{1,30}(?:变成|变为|成为|转变为|转为|蜕变为)|"
                           r"(?:过去|原来|曾经|昔日|以前|当年)的?[^，。；]{1,16}(?:由此|如今|现在|已)?(?:变成|成为|成了|变为|转变为|蜕变为)")
# a problem named outside a problem sentence counts only when its clause states it as a problem (a lack, a
# difficulty, a state the work set out to change): "探望独居老人" names people served, "调解纠纷" a task
_PROBLEM_STATED = re.compile(r"(?:外出|出去|出门|在外|外面|在外地)(?:打工|务工)(?!人员|党员|的|青年|群众|农民)|往下掉|下滑|偏大|偏高|缩水|陌生|难|问题|矛盾|薄弱|不足|不够|不强|不高|不畅|不到位|不明显|缺|没有|没人|没啥|没什么|滞后|涣散|突出|"
                             r"频发|多发|困难|短板|瓶颈|痛点|堵点|弱化|虚化|边缘化|淡化|空壳|散|老化|流失|外流|撂荒|分散|"
                             r"过去|以前|曾经|原来|一度|针对|面对|面临|着力解决|为解决|为破解|破解|无人|(?<![不多至])少|低|差|乱|慢|远|零|皮|压力|"
                             r"负担|漠|紧巴巴|只剩|不紧|不上|不了|顾不|不齐|不愿|老大难|费劲|吃力|头疼|短缺|欠|亏|债|荒|不(?!少|到\d{1,3}(?:年|个月|月|天|周))|弱|空|难|穷|"
                             # (不到3年 / 不到6个月 is how soon something came, no lack: "不到3年，村民人均收入就翻了一番";
                             # 不少, 多少 and 至少 say many or nothing: "让不少矛盾纠纷得到有效化解")
                             r"东一块西一块|东一个西一个|背着|背负|旁边看|一旁看|旁观|早些年|早年|此前|从前|原先|长期以来|很长一段时间|那些年|那几年|"
                             r"口袋党员|隐形党员|没处|无处|流动性[大强]|流动快|"
                             # a trouble that keeps coming back or grows ("吵嘴的事时有发生", "矛盾越来越尖锐")
                             r"时有发生|时常发生|经常发生|屡有发生|屡见不鲜|屡屡|频频|尖锐|激化|增多")


# people served and difficulties solved are not problems the unit faced
_BENEFICIARY = IN_NEED
_PEOPLE = re.compile(r"老人|儿童|孩子|残疾|残障|困难户|低保|空巢|留守|独居|病人|患者|群众")
_NAMED_THEN_SOLVED = re.compile(r"^[^。；]{0,24}?(?:等|之类的?|这类|这些)[老大小]?(?:难题|问题|矛盾|顽疾|短板)[^。；，]{0,4}(?:已|都|均|得到|得以)?"
                                r"(?:解决|化解|破解|攻克|缓解)")
# difficulties solved, or clutter cleared, and counted: "帮企业解决生产难题63个", "清理…乱堆乱放的杂物10余处"
_SOLVED_COUNT = re.compile(r"(?:解决|破解|化解|攻克|办结|清理|清除|拆除|拆掉|整治|整改)[^，。；]{0,14}\d")
_SOLVED_HERE = re.compile(r"(?:解决|破解|化解|攻克|缓解|解除)了")
_COUNTED_AS_SOLVED = re.compile(r"[^，。；]{0,10}?(?:累计|共|先后|已经?)?(?:化解|解决|办结|调处|调解|处置)(?:了|成功)?"
                                r"(?:\d|[一二两三四五六七八九十百几]+[起件个宗次])")
# a topic said to have become rarer right after it ("纠纷变少了", "矛盾明显减少")
_FEWER_NOW = re.compile(r"[^，。；]{0,3}?(?:变少|减少|少了|下降|不见了|(?:也|都)没(?:有)?(?:发生|出现))")   # (…一起纠纷也没有发生)
_PLANNED = re.compile(r"下一步|今后|将要|将推动|将继续|要继续|计划|打算|准备|拟|力争|争取在|有望|建议")
_PLANNED_LEAD = re.compile(r"(?:(?:谈到|谈起|说到|说起|展望|对于|至于)?(?:接下来|下一步|今后|未来|下阶段|下一阶段|明年|下半年)|(?:[^，。]{0,8}，)?[^，。]{0,10}(?:建议|提议|呼吁|希望|要继续))")
_DEFICIENCY = re.compile(r"不够|不足|缺乏|缺少|没有|没人|不强|不明显|不到位|不高|很少|较少")
_LOOKS_BACK = re.compile(r"^(?:(?:可|但|但是|然而|可是|不过|而)[，,]?)?在?(?:那时|那时候|那时的|当时|早些年|早年|当初|原先|之前|此前|从前|过去|以前|"
                         r"(?:19|20)\d{2}年(?:以前|之前|前)|[^，。]{0,12}(?:以前|之前|那会儿)，|"
                         # "往前倒推十来年，它是全县出了名的穷村", "放在几年前，这里的人家大多各管各的"
                         rf"[^，。]{{0,6}}(?:往前倒?推|往回推|倒推)[^，。]{{0,6}}年|[^，。]{{0,4}}{YEARS_BACK}|"   # (not 推行/推进…年)
                         # "可要是往回看，从前的光东村并不是这副模样", "回头看，…"
                         r"(?:要是|如果|若是?)?(?:往回看|回头看|回过头看|回头望)[，,]|"
                         # "王中臣刚接手时，村里的班子各吹各的号", "刚到任时的李长胜手里要啥没啥": the state a new
                         # secretary found
                         r"[^，。]{0,16}(?:(?:刚|初|才)(?:上任|到任|到村|接任|任职)|接手|接过(?:担子|这副担子|接力棒))[^，。]{0,10}"
                         r"(?:时|那会儿|的时候|之初))")
# verbs that report a result: a problem word in their clause is what was overcome ("实现脱贫"), not a state
_RESULT_CLAUSE = re.compile(r"实现|解决|化解|破解|摆脱|告别|消除|扭转|改变了|变成|成为|成了|摘掉|脱掉|达到|提高|增加|减少|下降")
_ASKS_HOW = re.compile(r"(?:怎么|怎样|如何|咋)[^。？?]{2,30}[？?]")
# "村民不用发愁卖不出去", "告别了…难": a difficulty named as gone is not one the unit faces
_RESOLVED = re.compile(r"(?:不用|不必|不再|无须|无需|再也不|不用再|告别了?|摆脱了?|不愁|不怕|没有发生|没发生|未发生|"
                       r"未出现|没有出现|杜绝了?|不起|没起|没闹|不闹|(?<![为是])零)(?:发愁|担心|为|过|一起|一例)?$")   # (不起纠纷)
# (… and an achievement of none, "零上访、零冲突", "实现零投诉": not 为零 / 是零, a figure that was nothing)
# "全年既没有员工上访，也没有发生刑事案件": none of it happened, a result (a few words of who between)
_NONE_HAPPENED = re.compile(r"(?:既没有|既没|既无|从没有|从未|再没有|再也没有|全年没有|全年无)[\u4e00-\u9fff]{0,4}$")
# a problem negated right before it: "不走过场", "不流于形式", "决不搞形式主义" (not 不少, 不断: not negations of it)
_NEGATED = re.compile(r"(?<![并也还])不(?:搞)?$")
_PURPOSE = re.compile(r"(?:为了让|为让|确保|保证)[^，。；]{0,12}(?:不|不再|不会)$|(?:为了|为)不让[^，。；]{0,12}$|"
                      r"没有(?:搞|停在|停留在)$|"
                      r"(?:弄不好|搞不好)[^，。；]{0,8}$")
# (… "为了不让活动走过场"; or what the unit did not do: "没有搞千篇一律"; or what might go wrong: "弄不好还会激化矛盾".
# A risk guarded against, "防止品牌千篇一律",
# still names the problem: annotators count it)
# "矛盾纠纷联调", "纠纷也随之缓和", "化解了17起": a topic word right before a verb handling or easing it
_HANDLED_AFTER = re.compile(r"[“”\"]?(?:的|联合|多元)?(?:联调|调处|调解|化解|排查|处置|三调|多元化解|得到|也随之|随之|逐步|明显|大幅)")
# "调解纠纷", "排查隐患": a topic word right after a verb of handling it names a task
_HANDLING = re.compile(r"(?:调解|化解|排查|处理|帮扶|解决|整治|治理|协调|调处|受理|救助|关爱|照料|服务)$|"
                       r"(?:调解|化解|调处|排查|处理)[\u4e00-\u9fff]{1,2}$")     # (…消费纠纷: a modifier between)
_HANDLED_NOUNS = re.compile(r"矛盾|纠纷|问题|难题|隐患|诉求")
# what may stand between the verb and its topic: the kinds counted ("调解各类矛盾纠纷82件") and a topic word before
# another ("各类矛盾" + 纠纷)
_KINDS_BEFORE = re.compile(r"(?:各类|各种|各项|大小|诸多|一批|" + _HANDLED_NOUNS.pattern + r")+$")


def _handled_before(before: str) -> bool:
    """Whether the words right before a topic word are a verb handling it, the kinds counted between them aside."""
    if _HANDLING.search(before[-4:]):
        return True
    kinds = _KINDS_BEFORE.search(before[-8:])
    return bool(kinds) and bool(_HANDLING.search(before[-8:][:kinds.start()][-4:]))


def _only_asked(text: str, part: str) -> bool:
    """Whether every occurrence of a negated part ("不强") is the second half of a question of the form A不A (强不强)."""
    if len(part) < 2:
        return False
    ats = positions(text, part)
    return bool(ats) and all(at > 0 and text[at - 1] == part[1] for at in ats)


def _clause_at(text: str, surface: str) -> str:
    """The clause of ``text`` where ``surface`` (or, for "A&B" and variants, its first part) occurs."""
    return _clauses_at(text, surface)[0]


# up to the last clause break before a position (greedy: one C scan, not one rfind per break character) …
_TO_CLAUSE_START = re.compile(r".*[，；：,;]", re.S)
# … and the first break or full stop from it
_CLAUSE_END = re.compile(r"[，；：,;。]")


def _states_itself(sentence: str, surface: str) -> bool:
    """Whether a surface says what is wrong by itself ("集体经济薄弱", "在外务工") — read where it stands, so that a
    word right after it can make it a name ("在外务工党员的组织": members working away, not people leaving)."""
    bare = surface.lstrip("~")
    if "&" in bare:   # each part where it stands ("人均收入&不到" in "不到3年，村民人均收入就翻了一番": 不到 is how soon)
        parts = [p for p in bare.split("&") if p]
        if all(p in sentence for p in parts):
            return any(m.end() <= len(p) for p in parts for at in positions(sentence, p)
                       for m in _PROBLEM_STATED.finditer(sentence[at:at + len(p) + 2]))
    at = sentence.find(bare) if "&" not in bare else -1
    if at < 0:
        return bool(_PROBLEM_STATED.search(bare))
    return any(m.end() <= len(bare) for m in _PROBLEM_STATED.finditer(sentence[at:at + len(bare) + 2]))


# work done on a count of things, or a result, anywhere in the sentence ("整改了…等问题30处", "累计423件")
_WORK_ON_A_COUNT = re.compile(r"整改|调处|处置|办理|累计|共计")
_NEGATED_RIGHT_BEFORE = re.compile(r"(?:没有|没|无|不)$")


def _lack_in_a_later_clause(sentence: str, surface: str) -> bool:
    """Whether a synonym of several parts states its lack in the clause of a later part, in a sentence whose figures
    report no result: "村集体每年能稳定拿到手的钱，只有鱼塘租金400元加上林场承包费2000元，连村里日常开支都撑不住"
    (not "…也没有负债，家底算是厚实": a lack negated)."""
    parts = [p for p in surface.lstrip("~").split("&") if p]
    if len(parts) < 2 or _RESULT_CLAUSE.search(sentence) or _SOLVED_COUNT.search(sentence) \
            or _WORK_ON_A_COUNT.search(sentence):
        return False
    for part in parts[1:]:
        at = sentence.find(part)
        if at < 0 or _NEGATED_RIGHT_BEFORE.search(sentence, max(0, at - 2), at):
            return False
    return any(_PROBLEM_STATED.search(c) for c in _clauses_at(sentence, surface)[1:])


def _clauses_at(text: str, surface: str) -> list[str]:
    """The clauses of ``text`` holding each part of ``surface`` ("外卖&党员" may state its problem in either)."""
    out = []
    for part in surface.lstrip("~").split("&"):
        pos = text.find(part) if part else -1
        if pos < 0:
            continue
        before = _TO_CLAUSE_START.match(text, 0, pos)
        end = _CLAUSE_END.search(text, pos)
        clause = text[before.end() if before else 0:end.start() if end else len(text)]
        if clause not in out:
            out.append(clause)
    return out or [text]


def _states_problem(sentence: str, surface: str, clause_only: bool = False) -> bool:
    """Whether a clause of ``surface`` (the topic word itself left out) states a lack, a difficulty or a past state,
    or the sentence as a whole looks back ("那时…") or asks how to overcome something ("怎么把…聚起来？") — the
    latter not for ``clause_only`` (a topic the clause handles: "过去，…调解消费纠纷执行的是…制度")."""
    if not clause_only and (_LOOKS_BACK.match(sentence) or _ASKS_HOW.search(sentence)):
        return True
    bare = surface.lstrip("~")
    # (for a topic handled, the nouns naming what is handled state nothing either: 矛盾 of "矛盾纠纷“三调”")
    return any(_PROBLEM_STATED.search(_BENEFICIARY.sub("", _HANDLED_NOUNS.sub("", c.replace(bare, "")) if clause_only
                                                   else c.replace(bare, "")))
               for c in _clauses_at(sentence, surface))


# someone going to a place ("回到村党群服务中心", "来到党员活动室", "往社区党群服务中心走", "在…门前碰到") …
_GOES_TO = re.compile(r"(?:回到|来到|走到|走进|一进|赶到|跑到|吵到|闹到|找到|带到|请到|到了?|往|朝|在)[^，。；：]{0,10}$")
# … while its sentence says nothing of building, setting up or running one
_BUILDS = re.compile(r"建|设|办|开放|敞开|改造|升级|提档|打造|挂牌|揭牌|落成|开张|启用|投用|配齐|配备|搭|整合|用房|面积|平方米|"
                     r"功能|阵地|窗口|一站式|服务站点")


# … or the place where a report's opening scene is set ("…党群服务中心里坐得满满当当", "'邻里中心'里格外热闹",
# "村党群服务中心门前排起了长队", "党群服务站点随之忙碌起来")
_SCENE_AFTER = re.compile(r"[”\"]?[^，。；：]{0,6}?(?:热闹|坐满|坐得满|满满当当|排起|挤满|忙碌|人头攒动|人来人往|欢声笑语)")


# what is set up inside a facility that stands there already
_HOSTS = re.compile(r"[”\"]?(?:里|内|中)?(?:设立|设置|设了|设|开设|增设|开辟)[^，。；]{2,}")


def _scene_only(sentence: str, surface: str) -> bool:
    """Whether a facility (党群服务中心, 党员活动室) is named only as where someone went or where a scene took place
    ("前些日子，2户邻居…一路吵到了龙华社区党群服务中心"; a feature's opening, "5月30日这天，…党群服务中心里坐得满满当当"):
    nothing in its sentence says the unit built, set up or runs one ("…建起8个会客厅，其余放在网格党群服务站" is about
    spaces built)."""
    word = surface.lstrip("~").split("&")[0]
    at = sentence.find(word)
    if at < 0:
        return False
    if _GOES_TO.search(sentence[max(0, at - 12):at]):
        if _HOSTS.match(sentence, at + len(word)) and "在" in sentence[max(0, at - 12):at]:
            return True     # "在嘎查村党群服务中心设立金融服务点": the place where something else was set up
        return not _BUILDS.search(sentence)
    if _SCENE_AFTER.match(sentence, at + len(word)):
        # (the facility's own name is no word of building: 服务阵地, 党群服务站点)
        return not _BUILDS.search(sentence.replace(word, "", 1))
    return False


# 少 in a word that does not say "few": 不少 "many", 多少, 至少, 少不了
def _says_many(text: str, i: int) -> bool:
    return text[max(i - 1, 0):i + 1] in ("不少", "多少", "至少") or text[i:i + 3] in ("少不了", "少不得")


# an honour's title, from the verb that confers it to the end of its clause ("被评为…标准化示范点", "拿到了…调解组织的
# 称号", "进入了…网格化服务的试点名单"): the words of a measure inside it name the honour, not what the unit did
_HONOUR = re.compile(r"(?:评为|评上|获评|荣获|授予|命名为|被定为|跻身)[^，。；]*|"
                     r"(?:拿到|拿回|捧回|获得|取得|进入|列入)[^，。；]{0,40}?(?:称号|牌子|名单|荣誉)|"
                     # … or one quoted, its kind at its end ("“10个标准化建设示范单位”", "“全国化解社会矛盾…突出律师”")
                     r"“[^“”]{2,40}?(?:示范单位|先进单位|先进集体|先进个人|先进党组织|突出集体|突出个人|突出律师|标兵|"
                     r"模范|能手|示范点|奖)”")


def _in_honour(sentence: str, surface: str) -> bool:
    """Whether a word the listed surface needs stands in ``sentence`` only inside an honour's title (支部&标准化 in
    "打造…党支部品牌，被评为党支部建设的标准化示范点": 支部 stands outside too, 标准化 only in the title)."""
    spans = [m.span() for m in _HONOUR.finditer(sentence)]
    if not spans:
        return False
    for part in surface.lstrip("~").split("&"):
        at = positions(sentence, part)
        if at and all(any(a <= i and i + len(part) <= b for a, b in spans) for i in at):
            return True
    return False


# a complaint channel named with the complaints that went to it, and nothing in the clause handling them: how many
# residents complained (before the work, or fewer after it), not the unit answering a hotline (development sets: 7
# such claims of hotline-response, none of them an annotator's)
_COMPLAINED = re.compile(r"投诉|工单[^，。；]{0,8}(?:少|降|减|剩)|(?:只剩|剩下)[^，。；]{0,10}工单")
_ANSWERED = re.compile(r"办理|受理|办结|接诉|派单|派到|派给|转办|交办|督办|回应|响应|回复|处置|解决|跟进|盯")


def _complaints_only(sentence: str, surface: str) -> bool:
    """Whether every clause naming the listed surface counts complaints sent to it and none answers them."""
    clauses = _clauses_at(sentence, surface.lstrip("~").split("&")[0])
    return bool(clauses) and all(_COMPLAINED.search(c) and not _ANSWERED.search(c) for c in clauses)


# what a visit or a survey found: the finding follows the listed words in the same clause
_FOUND_AFTER = re.compile(r"[^，。；：]{0,4}?(?:后|时|中|过程中)?(?:才)?发现")


def _found_by(sentence: str, surface: str) -> bool:
    """Whether every occurrence of the surface's last part is followed, in its clause, by what it found."""
    last = surface.lstrip("~").split("&")[-1]
    at = positions(sentence, last)
    return bool(at) and all(_FOUND_AFTER.match(sentence, i + len(last)) for i in at)


# listed words that, followed by these, name something else: 便民服务 of a 便民服务大厅, 便民服务中心, 便民服务站 is the
# government's counter for paperwork (independent annotators never read it as members' service: 0 of 10 sentences)
_OTHER_NAME = {"便民服务": re.compile(r"(?:大厅|中心|站|代办点|窗口|事项|方式)"),
               # … and 信访 of a 信访部门, 信访局, 信访办 is the agency that takes petitions, not petitions the unit faced
               "信访": re.compile(r"(?:部门|局|办|室|接待|窗口|干部|系统|渠道|平台)"),
               # … and 12345 of a "12345工作法" (a five-point method) or of a longer number ("123456双理念") no hotline
               "12345": re.compile(r"\d|工作法"),
               # … and 一家一户 followed by going to the door ("一家一户上门做工作", "一家一户地往农户家里跑", "一家一户地
               # 登记", "在一家一户的走访中") is how the cadres went about it, not farming done household by household
               "一家一户": re.compile(r"地?(?:上门|走访|地?跑|登记|动员|做工作|敲门|入户|摸排|排查|发放|宣传|劝)|"
                                    r"的(?:走访|上门|摸排)")}


def _in_other_name(sentence: str, surface: str) -> bool:
    """Whether a bare listed surface stands in ``sentence`` only as part of a longer name that means another thing."""
    follows = _OTHER_NAME.get(surface)
    return bool(follows) and all(follows.match(sentence, i + len(surface)) for i in positions(sentence, surface))


# (…都是自己: "茶农过去都是自己零零散散地卖" is everyone on their own, not one person)
_ONE_PERSON = re.compile(r"(?:(?<![们])[他她](?:自己|本人|家)?|(?<!都)(?<!都是)自己|本人|(?:一位|一名)[^，。；、]{1,8})$")


def _mentions(matches, sentences: list[Sentence], label: str, prefer: tuple[str, ...]) -> list[Mention]:
    best: dict[str, tuple[int, int, Concept, bool]] = {}
    # the words of every &-surface matched in a sentence: a bare surface that is one of another concept's words
    # there is that concept's detail ("村务公开流于形式" is about village affairs, not a brand's formalism)
    combined: dict[int, list[tuple[str, tuple[str, ...]]]] = {}
    for k, concept, _surface in matches:
        if concept.label == label and "&" in _surface:
            combined.setdefault(k, []).append((concept.id, tuple(_surface.lstrip("~").split("&"))))
    for k, concept, _surface in matches:
        if concept.label != label:
            continue
        if "&" not in _surface and any(cid != concept.id and any(_surface.lstrip("~") in part for part in parts)
                                       for cid, parts in combined.get(k, ())):
            continue
        s = sentences[k]
        role = s.role
        if role not in prefer and label == S.PROBLEM and (_BEFORE_AFTER.search(s.text) or _NAMED_THEN_SOLVED.search(
                s.text[max(s.text.find(_surface.lstrip("~").split("&")[-1]), 0):])):
            # "从空壳村变成…" names the problem the unit started from; "物业费收不上来之类的难题已解决了23项"
            # names the difficulties that were there before they were solved
            role = prefer[-1]
        if role not in prefer and label == S.PROBLEM and _LOOKS_BACK.match(s.text.lstrip(OPENERS)):
            role = "problem"    # "2019年以前，南陈村是集体经济薄弱村：集体一年收入不过3万元": figures of the before
        if role not in prefer and label == S.PROBLEM and not _surface.startswith("~"):
            # a figure put the sentence among results, but the clause with the problem states a lack or difficulty
            # and reports no result ("可账目从不公开，钱花到哪里没人说得清")
            clause = _clause_at(s.text, _surface)
            if _PROBLEM_STATED.search(clause) and not _RESULT_CLAUSE.search(clause) and not _SOLVED_COUNT.search(clause):
                role = "context"
            elif "&" in _surface and _lack_in_a_later_clause(s.text, _surface):
                role = "context"
        if role not in prefer:
            continue
        if label == S.PROBLEM:
            clause = _clause_at(s.text, _surface)
            bare = _surface.lstrip("~").split("&")[0]
            before = s.text[:max(s.text.find(bare), 0)]
            if _RESOLVED.search(before[-8:]) or _PURPOSE.search(before) or _NEGATED.search(before[-3:]) \
                    or _NONE_HAPPENED.search(before[-10:]):
                continue   # (also "为了让挂钩服务不走过场": what the work is there to prevent; "不打折扣、不走过场": a
                #            rule the unit keeps, negated)
            if any(_only_asked(s.text, part) for part in _surface.lstrip("~").split("&") if part.startswith("不")):
                continue   # "一个支部强不强，要看领头的人行不行": a question (A不A), not a lack
            if "少" in _surface.split("&") and all(_says_many(s.text, i) for i in positions(s.text, "少")):
                continue   # "不少年轻人主动递交了入党申请": 少 of 不少, 多少, 至少 says many, or nothing, not few
            # (a share of people, "老人占了89%", states the problem itself: the people are most of those there)
            topic = not _states_itself(s.text, _surface) and not _surface.endswith("占")
            # a topic word ("纠纷") outside a problem sentence, a group of people anywhere ("空巢老人") or a topic
            # right after a verb handling it ("调解纠纷") needs its clause to state a problem — not a list of tasks
            # or of who is served
            last_word = _surface.lstrip("~").split("&")[-1]
            at_last = max(s.text.find(last_word), 0)
            # (… or, for a surface of two parts, right before its last, "物业、商户…调处矛盾": a task of the list's)
            handled = (_handled_before(before)
                       or bool(_HANDLED_AFTER.match(s.text, at_last + len(last_word)))
                       or (last_word != bare and _HANDLED_NOUNS.fullmatch(last_word) is not None
                           and _handled_before(s.text[:at_last])))
            needs_statement = role != "problem" or _PEOPLE.search(_surface) or handled
            # (a synonym that names a difficulty by itself, 物业&矛盾, is a task as well where a verb handles it: "把物业
            # 小区的党组织建起来；设立协调机制，用于民主决策和矛盾调处")
            if (topic and needs_statement or handled) and not _states_problem(s.text, _surface, clause_only=handled):
                continue   # (a topic handled, "调解纠纷", "矛盾纠纷联调", is a task even in a sentence that looks back)
            last = clause.find(last_word)
            if _SOLVED_HERE.search(clause[:max(last, 0)]):
                continue   # "为骑手解决了充电难": a difficulty solved is a result
            if _ONE_PERSON.search(clause[:max(clause.find(bare), 0)]):
                continue   # "邱荣俊自己收入不高，也表态掏2万元", "一位姓杨的高龄老人腿脚不便": one person's lot
            solved = _SOLVED_COUNT.search(clause)
            if solved and solved.start() <= max(clause.find(bare), 0) < solved.end():
                continue   # "帮企业解决生产难题63个": difficulties solved are a result, not the unit's problem
            after_topic = max(last, 0) + len(last_word)
            if _COUNTED_AS_SOLVED.match(clause, after_topic) or _FEWER_NOW.match(clause, after_topic):
                continue   # "生活纠纷、邻里矛盾等问题累计化解了17起", "邻里之间的纠纷变少了": the same, told after the
                #            topic — counted as solved, or fewer now
        if label == S.MEASURE and (_PLANNED.search(_clause_at(s.text, _surface))
                                   or _PLANNED_LEAD.match(s.text.lstrip(OPENERS))):
            continue   # "下一步将推动…", "接下来，双方将…": a plan, not a measure the unit applied
        if label == S.MEASURE and role in ("problem", "context") and _DEFICIENCY.search(s.text):
            continue   # "亮身份、作表率不够" states a lack, not a measure the unit applied
        if label == S.MEASURE and concept.extra.get("facility") and _scene_only(s.text, _surface):
            continue   # "一路吵到了龙华社区党群服务中心": where a scene happens, not a space the unit built
        if label == S.MEASURE and concept.extra.get("channel") and _complaints_only(s.text, _surface):
            continue   # "过去12345热线的投诉量一直居高不下": where residents complained, not the unit answering them
        if label == S.MEASURE and _found_by(s.text, _surface):
            continue   # "社区联户长挨家入户走访后发现，…老人还真不少": how a need came to light, not the work done
        if label == S.MEASURE and _in_honour(s.text, _surface):
            continue   # "被评为全省“五星级”党支部", "拿到了全省枫桥式基层调解组织的称号": an honour's title
        if _in_other_name(s.text, _surface):
            continue   # "便民服务大厅": a government service hall, not a service members give; "信访部门": an agency
        rank = prefer.index(role)
        if concept.id not in best or (rank, k) < best[concept.id][:2]:
            best[concept.id] = (rank, k, concept, _surface.startswith("~"))
    ordered = sorted(best.values(), key=lambda x: x[1])
    return [Mention(c.id, c.name, sentences[k].text[:300], category=c.category, variant=v) for _, k, c, v in ordered]


def pick_model(matches, sentences: list[Sentence], tx: Taxonomy, meta: dict[str, Any], title: str,
               warnings: list[str], field: str | None = None) -> dict[str, Any] | None:
    declared = normalise_short(meta.get("model"))
    if declared:
        concept = tx.resolve_name(S.MODEL, declared)
        if concept is None:
            # also accept a declared name that contains a known synonym (e.g. "新时代枫桥经验")
            found = [c for _, c, _ in tx.match_spans(declared, [(0, len(declared))]) if c.label == S.MODEL]
            concept = found[0] if found else None
        if concept is not None:
            return {"id": concept.id, "name": concept.name}
        if tx.is_rejected(S.MODEL, declared):   # reviewed and rejected: not proposed again
            warnings.append(f"“{declared}”不是已知模式（审核已否决）/ unknown model (rejected in review)")
            return None
        warnings.append(f"“{declared}”不是已知模式，记为候选模式 / unknown model kept as a candidate")
        return {"id": S.concept_id(S.MODEL, declared), "name": declared, "candidate": True}
    scores: dict[str, float] = {}
    concepts: dict[str, Concept] = {}
    for k, concept, _surface in matches:
        if concept.label != S.MODEL:
            continue
        s = sentences[k]
        weight = 3.0 if s.heading or k == 0 else 1.0
        scores[concept.id] = scores.get(concept.id, 0.0) + weight
        concepts[concept.id] = concept
    for concept in tx.models.values():
        if title and any(form in title for form in tx.plain_forms(concept)):
            scores[concept.id] = scores.get(concept.id, 0.0) + 3.0
            concepts[concept.id] = concept
    # a model bound to one field (``only_in`` in models.yaml) is not what a unit of another field follows when it
    # uses one of its words: an oil plant's "积分制激励" is not 乡村治理积分制 (the other models' field lists say
    # where they began, not where they stop: a power company runs 小微权力清单 too)
    scores = {mid: v for mid, v in scores.items()
              if not field or concepts[mid].extra.get("only_in") in (None, field)}
    if not scores:
        return None
    # a model named once in the body counts when the text also applies its signature measure
    applied = {c.id for _, c, _ in matches if c.label == S.MEASURE}
    for mid in list(scores):
        signature = (concepts[mid].extra.get("measures") or [None])[0]
        if signature and S.concept_id(S.MEASURE, signature) in applied:
            scores[mid] += 1.0
    best = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if best[1] < MODEL_MIN_SCORE:  # one passing mention in the body does not make a case an instance
        return None
    c = concepts[best[0]]
    return {"id": c.id, "name": c.name}


# models whose defining mechanism is specific enough that applying it makes a case an instance even when the
# write-up never names the model (a rider station is 新就业群体党建; a district-wide grid is 网格化管理 …). Not 驻村第一书记:
# a first secretary or a work team sent to the village is in most village write-ups on other things, and inferring
# it, even with a problem it answers, only added wrong models (twenty-sixth session, tests/test_real_text.py)
_INFERABLE = ("new-employment-groups", "mobile-member-station", "grid-management", "organ-integration",
              "dual-leader-teachers", "petty-power-list", "points-system", "branch-led-cooperative",
              "building-party-work", "hub-social-org", "member-responsibility-zones", "red-property", "whistle-and-report",
              "complaint-response", "fengqiao-experience")
_UMBRELLA = ("fengqiao-experience",)
# a model whose signature measure is common well beyond it (党员突击队, 攻关小组 and 示范岗 are in most state firms'
# write-ups; mediation is in many on other things): inferred only when the case
# also states a problem the model answers (the same bound on 网格化管理 and 红色物业 lost the sealed sets three models)
_PROBLEM_BOUND = ("member-responsibility-zones", "fengqiao-experience")


def infer_model(measure_ids: list[str], field: str | None, tx: Taxonomy,
                problem_ids: list[str] | tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The model whose signature measure the case applies, when exactly one fits the case's field — or, of several,
    exactly one also answers a problem the case states (a model is a way of doing things against a problem);
    marked ``inferred`` so that readers can tell it from a model the write-up names."""
    applied = set(measure_ids)
    stated = {p.split(":", 1)[-1] for p in problem_ids}
    fits = []
    for key in _INFERABLE:
        concept = tx.by_id.get(S.concept_id(S.MODEL, key))
        if concept is None:
            continue
        signature = (concept.extra.get("measures") or [None])[0]
        fields = concept.extra.get("fields") or []
        if signature and S.concept_id(S.MEASURE, signature) in applied and (not field or field in fields):
            if key in _PROBLEM_BOUND and not stated & set(concept.extra.get("problems") or []):
                continue
            fits.append(concept)
    if len(fits) > 1:      # an umbrella model (枫桥经验: mediation) gives way to a specific one that also fits
        fits = [c for c in fits if c.key not in _UMBRELLA] or fits
    if len(fits) > 1:
        fits = [c for c in fits if stated & set(c.extra.get("problems") or [])]
    if len(fits) != 1:
        return None
    return {"id": fits[0].id, "name": fits[0].name, "inferred": True}


def _not_restating_learned(proposed: list[Mention], problems: list[Mention]) -> list[Mention]:
    """The candidate problems of ``proposed`` but those that restate a problem the problem model read from the same
    sentence, in words its name shares ("家底薄弱" beside 村集体经济薄弱, "党组织难建" beside 非公企业和楼宇党组织覆盖面窄):
    proposing them as new concepts would ask reviewers to add what the taxonomy has. A candidate that shares nothing
    with it stays ("家庭矛盾" beside 基层治理精细化不足): the model may be wrong, the candidate a problem of its own.
    (Measures keep theirs: a measure's candidate is mostly a named local practice, "“黑白板”制度", that a learned
    broad measure does not name.)"""
    learned = {}
    for m in problems:
        if m.learned:
            learned.setdefault(m.evidence, set()).update(_bigrams(m.name))
    if not learned:
        return proposed
    return [c for c in proposed if not (_bigrams(c.name) & learned.get(c.evidence, set()))]


# property management that is missing ("物业公司撤走以后", "物业也一直缺位", "既没有物业公司"): an estate nobody manages,
# not a quarrel with its manager — unless the sentence tells of a quarrel too
_MANAGER_GONE = re.compile(r"没有(?:专业的?|专门的|像样的|任何)?物业|无物业|物业[^，。；]{0,6}?(?:缺位|缺失|撤|放弃|不管|没了|跟不上|撂)|弃管")
_QUARREL = re.compile(r"纠纷|矛盾|吵|投诉|闹|冲突|纷争|扯皮|上访")


def _not_restating_unmanaged(problems: list[Mention]) -> list[Mention]:
    """``problems`` without a property dispute read from a sentence that only says the estate's manager is gone, where
    the estate nobody manages (unmanaged-compounds) is read as well: the same state told once, not two problems."""
    ids = {m.id for m in problems}
    if "problem:property-disputes" not in ids or "problem:unmanaged-compounds" not in ids:
        return problems
    return [m for m in problems if m.id != "problem:property-disputes"
            or not _MANAGER_GONE.search(m.evidence) or _QUARREL.search(m.evidence)]


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _matched_sentences(matches: list[tuple[int, Concept, str]], label: str) -> set[int]:
    return {k for k, c, _ in matches if c.label == label}


# --- quality (the seed article's failure modes) -------------------------------------------------------

def _any_cue(cues: list[str], text: str, sentences: list[Sentence]) -> bool:
    """A cue is a word, or "A&B": all parts in one sentence (打分&群众 — the public, not the committee, scores)."""
    for c in cues:
        if not c:
            continue
        if "&" not in c:
            if c in text:
                return True
        else:
            parts = c.split("&")
            if all(p in text for p in parts) and any(all(p in s.text for p in parts) for s in sentences):
                return True
    return False


# the work spread, copied or shown to others
_PROMOTED = re.compile(r"推广|复制|经验交流|现场会|观摩|学习借鉴|写入")


def quality(sentences: list[Sentence], problems: list[Mention], measures: list[Mention],
            outcomes: list[OutcomeFact], tx: Taxonomy, text: str) -> tuple[list[str], list[str]]:
    flags: list[str] = []
    signals: list[str] = []
    # (a problem read from the wording alone is no problem the text states)
    has_problem = any(not m.candidate and not m.learned for m in problems) \
        or any(s.role == "problem" and not s.heading for s in sentences)
    if not has_problem:
        flags.append("no_problem")
    quantified = [o for o in outcomes if o.value is not None and getattr(o, "scope", "unit") != "region"]
    if measures and not quantified:
        flags.append("no_quantified_outcome")
    slogans = sum(text.count(c) for c in (tx.cue_list("slogan_cues") or
                                          ["高举", "全面贯彻", "打造", "全力", "着力", "不断", "进一步", "切实"]))
    # a measure read from the wording alone is no concrete measure: a text of slogans uses the words of the work too
    concrete = len([m for m in measures if not m.candidate and not m.learned])
    if slogans >= 6 and slogans > 2 * max(1, concrete) or (slogans >= 3 and concrete <= 1):
        flags.append("slogan_heavy")
    mass = tx.cue_list("mass_evaluation_cues") or ["满意度", "群众评议", "测评", "满意率"]
    if _any_cue(mass, text, sentences):
        signals.append("mass_evaluation")
    else:
        flags.append("no_mass_evaluation")
    inst = tx.cue_list("institutionalisation_cues") or ["出台", "制定", "办法", "标准", "规范"]
    if _any_cue(inst, text, sentences):
        signals.append("institutionalised")
    if _PROMOTED.search(text):
        signals.append("promoted")
    if quantified:
        signals.append("quantified")
    return flags, signals

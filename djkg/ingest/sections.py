"""Stage 3 — sections and sentences: structure of a write-up, and the role of each sentence.

Recognises 一、/（一）/1./【】/Markdown headings, keyword sections (问题/背景/做法/举措/成效/启示 …),
labelled lines (问题：…) and texts with no headings at all (news, abstracts). Each sentence gets a role —
problem, measure, outcome or context — from its section and its own cue words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .normalise import blank
from .taxonomy import taxonomy
from .wordscan import WordScanner

ROLES = ("problem", "measure", "outcome", "context")

_HEADING_PATTERNS = [
    (1, re.compile(r"^#{1,2}\s*(.+)$")),
    (2, re.compile(r"^#{3,6}\s*(.+)$")),
    (1, re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]\s*(.+)$")),
    (2, re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.+)$")),
    (3, re.compile(r"^(\d{1,2})[、.．](?!\d)\s*(.+)$")),
    (3, re.compile(r"^[（(](\d{1,2})[）)]\s*(.+)$")),
    (1, re.compile(r"^【([^】]{1,20})】\s*(.*)$")),
]
# what a heading begins with (or a decimal digit, \d): a line that begins otherwise, most lines, is tried
# against none of the seven patterns
_HEADING_STARTS = frozenset("#一二三四五六七八九十（(【")
_LABEL = re.compile(r"^([\u4e00-\u9fff]{2,6})[：:]\s*(.+)$")
_SENT_END = re.compile(r"[^。！？；!?\n]*(?:[。！？；!?]+[”’」』)]?|\n|$)")
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_FULL_STOP = re.compile(r"[。！？]")
# \d\d* rather than \d+: a pattern that starts with a class lets re skip to the digits
_QTY = re.compile(r"\d\d*(?:\.\d+)?\s*(?:%|个百分点|万元|亿元|元|万人|人次|余人|多人|人|户|个|件|次|家|名|天|小时|分钟|项|条|倍|宗|起|批次|批|支|所|场|座)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    section: str        # role of the enclosing section ("" when none)
    role: str           # problem / measure / outcome / context
    heading: bool = False
    labelled: bool = False


@lru_cache(maxsize=1)
def _keywords() -> dict[str, tuple[str, ...]]:
    tx = taxonomy()
    sk = tx.cues.get("section_keywords") or {}
    defaults = {"problem": ("问题", "背景", "起因", "现状", "困境", "难题", "短板", "痛点", "挑战", "基本情况"),
                "measure": ("做法", "举措", "措施", "路径", "机制", "经验做法", "主要做法", "探索", "实践"),
                "outcome": ("成效", "成果", "效果", "成绩", "变化", "收获"),
                "lesson": ("启示", "思考", "体会", "经验", "展望", "建议")}
    return {role: tuple(dict.fromkeys([*(sk.get(role) or []), *defaults[role]])) for role in defaults}


@lru_cache(maxsize=1)
def _cue_sets() -> dict[str, tuple[str, ...]]:
    tx = taxonomy()
    defaults = {
        "problem_cues": ("难", "薄弱", "突出", "矛盾", "短板", "不足", "困境", "瓶颈", "面临", "问题", "缺乏", "滞后",
                         "涣散", "空壳", "不高", "不强", "不畅", "不到位", "一度", "曾经", "堵点", "痛点"),
        "measure_cues": ("推行", "建立", "实施", "探索", "成立", "开展", "创新", "构建", "打造", "推动", "组织", "选派",
                         "出台", "制定", "设立", "搭建", "引导", "整合", "完善", "落实", "采取", "依托", "通过"),
        "outcome_cues": ("实现", "提高", "提升", "达到", "增长", "下降", "减少", "累计", "获评", "被评为", "荣获",
                         "增加", "突破", "成效", "办结", "化解", "缩短", "入选", "推广", "如今", "目前"),
    }
    return {k: tuple(dict.fromkeys([*tx.cue_list(k), *v])) for k, v in defaults.items()}


@lru_cache(maxsize=1)
def _cue_automaton():
    roles: dict[str, set[str]] = {}
    for key, cues in _cue_sets().items():
        for c in cues:
            if c:
                roles.setdefault(c, set()).add(key.replace("_cues", ""))
    return WordScanner({cue: (cue, tuple(sorted(rs))) for cue, rs in roles.items()})


# "解决‘谁来领’的问题" / "破解服务难题" heads what was done about a problem: a measure section
_SOLVED = re.compile(r"(?:解决|破解|化解|攻克|办结|解答|调处|调解|处置)(?:[^，。；]{0,20}(?:难题|难处|难事|问题|矛盾|诉求|纠纷)"
                     r"[^，。；]{0,4}\d|了?\d[^，。；]{0,12}(?:难题|难处|难事|问题|矛盾|诉求|纠纷))")
_LESS_THAN = re.compile(r"(?:不足|不到)(?=[\d一两二三四五六七八九十半几])")   # "用了不足3年": less than, not a lack
# 难 that says nothing is hard: "更难得的是", "难忘", "难怪", "不难看出" (problem_frames builds on the same words)
NOT_HARD_WORDS = r"难得|难忘|难怪|不难|难能可贵"
_NOT_HARD = re.compile(NOT_HARD_WORDS)
# a count of years back ("几年前", "十来年前"): how a sentence that looks back often starts (extract.py and
# problem_frames.py read it so)
YEARS_BACK = r"(?:[几十多两三四五六七八九\d]|十来|十几)年前"
# what a sentence may open with before its first word: quotation marks, brackets, spaces
OPENERS = "“\"（(　 "
# people in need are whom the work serves, not a difficulty the unit faces: "资助了17户日子过得困难的牧民",
# "和困难群众结成3000多对帮扶对子", "为110户困难居民落实低保政策" (extract.py reads problem statements past them too)
IN_NEED = re.compile(r"困难(?:户|群众|人群|党员|家庭|职工|老人|学生|群体|对象|居民|村民|农户|人员|儿童|妇女|残疾人|退役军人)|(?:生活|日子过得|家境[^，。；]{0,4})困难的?")
# a sentence opening on the problem just stated as what it answers ("针对这个问题，", "面对这种局面，")
_ANSWERING = re.compile(r"(?:针对|面对|为解决|为破解|为了解决)(?:这个|这一|这些|这种|上述|此)(?:问题|难题|局面|情况|短板|困境)[，,]")
# "疫情之下困难一个接一个，但全年仍卸下粮食1004万吨": the difficulty is the backdrop the figure was reached against
_DESPITE = re.compile(r"[，,](?:但|但是|却|可|然而)[^，。；]{0,12}?(?:仍|仍然|依然|依旧|照样|还是)")
_SHED = re.compile(r"摘掉|摘帽|摘下|甩掉|甩开|摆脱|告别了|得到(?:了)?(?:有效)?(?:解决|化解|破解|缓解)|迎刃而解|克服[^，。；]{0,16}(?:困难|难题|难关)")
_SOLVING = re.compile(r"解决|破解|化解|回答|攻克|应对|聚焦|针对|着力|补齐|补上|打通|答好")


def heading_role(text: str) -> str:
    kw = _keywords()
    for role in ("problem", "outcome", "measure", "lesson"):
        if any(k in text for k in kw[role]):
            if role == "problem" and _SOLVING.search(text):
                return "measure"
            return "context" if role == "lesson" else role
    return ""


def split(text: str) -> list[Sentence]:
    """Sentences of a normalised text, each with its section and role."""
    out: list[Sentence] = []
    section_stack: list[tuple[int, str]] = []   # (level, role)
    body_seen = False                            # a sentence of the body has been read
    holds = _TextHolds.of(text)
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        offset = line_start + (len(line) - len(line.lstrip()))
        level, title, rest_at = _heading(stripped)
        role_here = ""
        labelled = False
        if level:
            role = heading_role(title)
            if role and not body_seen and stripped.startswith("【") and not _names_a_section(title):
                role = ""   # a column's label above the headline (【乡村变化看小康】) is no section of the text
            while section_stack and section_stack[-1][0] >= level:
                section_stack.pop()
            inherited = section_stack[-1][1] if section_stack else ""
            # a sub-heading ("（一）聚焦问题，建立清单") belongs to its parent's section when that has a role
            section_stack.append((level, inherited or role))
            head_end = offset + rest_at if rest_at else offset + len(stripped)
            out.append(Sentence(offset, head_end, text[offset:head_end], section_stack[-1][1],
                                _classify(text[offset:head_end], section_stack[-1][1], holds), heading=True))
            if not rest_at:
                continue
            offset += rest_at
            stripped = text[offset:line_start + len(line)].strip()
        else:
            lab = _LABEL.match(stripped)
            if lab:
                role_here = heading_role(lab.group(1))
                labelled = bool(role_here)
        section = role_here or (section_stack[-1][1] if section_stack else "")
        for m in _SENT_END.finditer(stripped):
            s = m.group(0).strip()
            if not s or not _WORDLIKE.search(s):
                continue
            start = offset + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append(Sentence(start, start + len(s), s, section, _classify(s, section, holds), labelled=labelled))
            body_seen = body_seen or (len(s) >= 20 and s.rstrip("”’\"")[-1:] in "。！？；")   # not a masthead line
    return out


def _names_a_section(title: str) -> bool:
    """A bracketed heading that names a section (【基本情况】, 【主要做法和成效】), not a column (【乡村变化看小康】) or a
    headline in brackets: short, or ending in the word that names the section."""
    return len(title) <= 6 or bool(heading_role(title[-4:]))


def _heading(line: str) -> tuple[int, str, int]:
    """(level, heading text, offset where body text on the same line starts or 0)."""
    if len(line) > 300 or not (line[0] in _HEADING_STARTS or line[0].isdecimal()):
        return 0, "", 0
    for level, pat in _HEADING_PATTERNS:
        m = pat.match(line)
        if not m:
            continue
        body = m.group(m.lastindex)
        title_start = m.start(m.lastindex)
        if line.startswith("【"):
            title = m.group(1)
            return level, title, (m.start(2) if m.group(2) else 0)
        # "（一）聚焦问题，建立机制。正文……": the heading ends at the first full stop
        stop = _FULL_STOP.search(body)
        if stop and stop.end() < len(body):
            if stop.start() <= 40:
                return level, body[:stop.start()], title_start + stop.end()
            return 0, "", 0
        if len(body) <= 40 or line.startswith("#"):
            return level, body, 0
        return 0, "", 0
    return 0, "", 0


# periods (一年来, 3年内, 半年后 …) are matched by _PERIOD_LEAD below
_RESULT_LEADS = ("去年", "今年以来", "如今", "目前", "截至", "推行后", "实施后", "运行以来", "此后", "经过", "据统计")


# "过去… / 以前… / 几年前…" describes the state before the measures: the problem the unit started from
_PROBLEM_LEADS = ("过去", "以前", "此前", "曾经", "长期以来", "一度", "原来", "早些年", "几年前", "当时", "以往", "起初",
                  "那时", "那会儿")   # (那时 begins 那时候 too)
# … also when someone looking back says it ("老支书回忆：“那时候…"): the lead is what they say first
_SPEAKER = re.compile(r"^[^，。；“”]{1,12}?(?:回忆|说|介绍|坦言|感慨|告诉记者)[：:，,]?[“\"]")
_PAST_PERIOD = re.compile(r"^过去(?:的)?[一两二三四五六七八九十几\d]+年")   # "过去一年…" reports results
# "很长一段时间里…", "在相当长的一段时间内…": a long stretch before the work, told anywhere in the sentence
_LONG_WHILE = re.compile(r"(?:相当|很|较)长(?:的)?一段时间(?:里|内|中|都|也|没|不)")
# a sentence setting the scene (位于…, 全村312户, 下设7个支部) carries figures that are not results
_SETTING = ("位于", "全村", "全镇", "全乡", "现有", "下设", "下辖", "辖区面积", "辖区内有", "共有", "常住人口", "户籍人口",
            "占地", "总面积")
_RESULT_WORDS = ("超过", "提高", "提升", "增加", "增长", "达到", "实现", "产值", "增收", "创收", "下降", "减少", "缩短")
_PROBLEM_LEAD_RE = re.compile("|".join(_PROBLEM_LEADS))
_SETTING_RE = re.compile("|".join(_SETTING))
_RESULT_RE = re.compile("|".join(_RESULT_WORDS))


# normalisation turns 三年来 into 3年来: periods written either way lead a result
_PERIOD_LEAD = re.compile(r"(?:\d+|[一两二三四五六七八九十几多半]+)(?:个)?(?:年|个月|月|天)(?:来|以来|内|后|间|下来)")


# 组织 is a measure cue as a verb ("组织党员…"); in 党组织, 社会组织, 组织生活 it is a noun
_ORG_NOUNS = re.compile(r"(?:党|社会|基层|经济|自治|群团|群众|团|工会|妇女|新兴领域|两新)组织|"
                        r"组织(?:生活|部|关系|力|覆盖|体系|建设|优势|振兴|形式|架构|机构)")


# 长期 says something was wrong for long ("长期联系不上", "长期以来") or that work went on for long ("长期联系服务群众")
_LONG_STANDING = re.compile(r"长期(?:以来|存在|[^，。；]{0,6}(?:不|没|难|缺|无|未|空|弱|薄))")


def names_work(sentence: str) -> bool:
    """Whether a sentence names work done: a measure cue that is a verb, not the noun of 党组织 or 社会组织 (a
    narrative sentence with no heading above it takes the measure role from such a noun)."""
    masked = _ORG_NOUNS.sub(blank, sentence)
    return any("measure" in roles for _, (_, roles) in _cue_automaton().iter(masked))


class _TextHolds(NamedTuple):
    """Whether a text holds a difficulty solved or shed, or 长期, at all: searched once per text, a text without
    them (19 texts in 20) spares three searches in each of its sentences. A sentence is a substring of its text and
    these patterns neither anchor nor look around, so a sentence holds a match only if its text does. (The rarer
    "…，但…仍…" and "针对这个问题，" are cheaper asked of each sentence: one only of a sentence with a figure, the
    other only at its start.)"""
    solved_or_shed: bool
    long_standing: bool

    @classmethod
    def of(cls, text: str) -> _TextHolds:
        return cls(bool(_SOLVED.search(text) or _SHED.search(text)), bool(_LONG_STANDING.search(text)))


_RESULT_LEAD_RE = re.compile("|".join(_RESULT_LEADS))


def _classify(sentence: str, section: str, holds: _TextHolds) -> str:
    if section == "context":   # 启示/体会 sections reflect; they state no new facts
        return "context"
    # the scores of problem, measure and outcome, each summed in the order the rules below add to it
    problem = 2.0 if section == "problem" else 0.0
    measure = 2.0 if section == "measure" else 0.0
    outcome = 2.0 if section == "outcome" else 0.0
    # one Aho–Corasick pass finds every cue word: distinct cues per role count, and whether a measure cue
    # opens the sentence (its first 8 characters)
    found_problem: set[str] = set()
    found_measure: set[str] = set()
    found_outcome: set[str] = set()
    measure_head = False
    scanned = _LESS_THAN.sub(blank, sentence) if ("不足" in sentence or "不到" in sentence) else sentence
    if "难" in scanned:
        scanned = _NOT_HARD.sub(blank, scanned)
        scanned = IN_NEED.sub(blank, scanned)
    for end, (cue, roles) in _cue_automaton().iter(scanned):
        for role in roles:
            if role == "problem":
                found_problem.add(cue)
            elif role == "measure":
                found_measure.add(cue)
                if end < 8:
                    measure_head = True
            else:
                found_outcome.add(cue)
    head = sentence[:8]
    if holds.long_standing and _LONG_STANDING.search(sentence):
        found_problem.add("长期")
    problem += min(2.0, float(len(found_problem)))
    measure += min(2.0, float(len(found_measure))) + (1.0 if measure_head else 0.0)
    outcome += min(2.0, float(len(found_outcome)))
    opening = sentence.lstrip(OPENERS)
    # (whoever is quoted speaks after a quotation mark: a sentence with none has no speaker to skip)
    speaker = _SPEAKER.match(opening) if ("“" in opening or '"' in opening) else None
    lead = opening[speaker.end():][:6] if speaker else opening[:6]
    if _PROBLEM_LEAD_RE.match(lead) and not _PAST_PERIOD.match(lead):
        problem += 2.0
    elif "一段时间" in sentence and _LONG_WHILE.search(sentence):
        problem += 2.0     # "可在相当长一段时间里，它给人的印象却是‘穷’": looking back, wherever it stands
    if not found_outcome and _SETTING_RE.search(sentence) and not _RESULT_RE.search(sentence):
        outcome -= 1.0
    if _ANSWERING.match(opening):
        measure += 2.0     # "针对这个问题，支部…安排了培训": what was done about the problem just stated
        problem -= 2.0
    if holds.solved_or_shed and (_SOLVED.search(sentence) or _SHED.search(sentence)):
        problem -= 2.0     # "帮企业解决生产难题63个", "空壳村的帽子就此摘掉": a difficulty left behind is a result
    if _QTY.search(sentence):
        outcome += 1.0
        if _DESPITE.search(sentence):
            problem -= 2.0
            outcome += 1.0
        # "一年来… / 去年… / 推行后…" followed by figures is how write-ups report results
        if _RESULT_LEAD_RE.search(head) or _PERIOD_LEAD.search(head):
            outcome += 2.0
        problem += 0.3 if section == "problem" else 0.0
    # the highest score; at a tie the section's own role, then the first of problem, measure, outcome
    best, key = "problem", (problem, section == "problem")
    if (measure, section == "measure") > key:
        best, key = "measure", (measure, section == "measure")
    if (outcome, section == "outcome") > key:
        best, key = "outcome", (outcome, section == "outcome")
    return best if key[0] >= 1.0 else "context"

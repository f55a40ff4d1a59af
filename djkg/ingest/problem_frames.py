"""Problems stated the way news reports state them, in words nobody listed.

The taxonomy's synonyms are whole phrases ("外卖员&分散"); a real report puts the problem's topic and what is wrong
with it in its own words: "外卖骑手和快递员数以十万计，人多却分散", "党建和业务各搞各的", "党的工作很难扎下根，
不少楼宇一度成了党建洼地". A *frame* is a problem's topic word (its ``anchors`` in problems.yaml: 骑手, 楼宇,
党建&业务) with a word saying something is wrong (``difficulty_cues`` in cues.yaml: 分散, 各搞各的, 洼地, 说不清)
in the same clause or the next one. A frame counts only where the text describes how things are or were — a
problem or context sentence, or any sentence that looks back (过去一直…, 一度…, 长期以来…) — and never for a
difficulty being solved ("帮骑手解难处"), gone ("不再…") or planned ("下一步…").

A context sentence that continues a problem sentence in the same paragraph describes the same state
("早些年…是出了名的空壳村；年轻劳力大多外出务工"): ``continued`` gives it the problem role for the problem search.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from .normalise import blank, positions
from .sections import NOT_HARD_WORDS, YEARS_BACK, Sentence, names_work
from .taxonomy import Concept, Taxonomy
from .wordscan import WordScanner

# a difficulty being solved, gone, handled or planned is not a state the unit faced
_NOT_A_STATE = re.compile(r"解决|破解|化解|攻克|摆脱|告别|消除|扭转|解难|纾难|帮|不再|不用|不必|再也不|现在|如今|目前|"
                          r"下一步|今后|将要|计划|打算|力争|有望|办结|缓解|改善|提升|提高|增强|实现|变成|成为|"
                          r"引进|引入|选派|派驻|查找|排查|交给|攻下|啃下|拧成|整合|凝聚|探索|"
                          r"没有发生|没发生|未发生|未出现|没有出现|杜绝|"
                          # an obstacle that did not stop anyone ("路途再远…也没有拦住党员教师…的脚步")
                          r"拦住|挡住|拦不住|挡不住|阻挡|难不倒|难不住")
# words that look back at how things were: a sentence holding one describes a state even if it also names work
_LOOKS_BACK = re.compile(r"过去一直|过去|以前|一度|长期以来|长期|曾经|曾是|以往|此前|原来|原先|早些年|多年来|一直|"
                         rf"往前倒?推|{YEARS_BACK}")
# difficulties named as nouns ("难题", "急难愁盼") are what work takes on far more often than a state described;
# people or places in need are who is served
_NOT_DIFFICULT = re.compile(NOT_HARD_WORDS + r"|难道|困难|疑难|难免|难题|难关|难处|难点|难事|难熬|急难愁盼|堵点|痛点|"
                            # members spread out on purpose ("将90名党员分散到32个班组中"): a deployment, not a state
                            r"分散到|分散至|分散安排|分散派|"
                            r"困难群众|困难户|困难党员|困难家庭|困难职工|困难老人|困难企业|薄弱村|后进村|贫困村|"
                            # perseverance, not a lack ("没有泄气", "没有因此收手", "没有把党建和生意分成两摊")
                            r"没有(?:放松|泄气|退缩|松懈|停下|停步|止步|放弃|气馁|收手|因此|把|等靠|另起炉灶|绕开|绕过|回避|躲开|躲避)|"
                            r"有没有|只有[^。；]{0,24}?才|(?:仅有|唯一|只有)的[^，。；]{0,4}(?:一个|一家|一项|一支)")
# (a question asked; a condition, "只有…才能…"; the only one of its kind, "全省仅有的一个集体奖项")
_CLAUSE = re.compile(r"[，；：,;]")
# a question of how to do something, the difficulty a sentence may end on ("怎样…，成了…难题")
_HOW = re.compile(r"怎样|如何|怎么")
_CLAUSE_END = re.compile(r"[。！？；;]")
# ... except a difficulty the topic became ("流动党员怎么管，成了全县的一道难题")
_BECAME_DIFFICULT = re.compile(r"(?:成了|成为|是)[^，。；]{0,10}(?:难题|难点|痛点|短板|难处)")


@dataclasses.dataclass(frozen=True)
class Frame:
    concept: Concept
    parts: tuple[str, ...]      # every part must be in the sentence; the first anchors the clause


@dataclasses.dataclass(frozen=True)
class _Frames:
    frames: tuple[Frame, ...]
    cues: tuple[str, ...]               # difficulty words, longest first
    automaton: Any                      # every anchor part: one pass finds which parts a sentence holds
    # first part -> (index, the other parts) of each frame it begins: a frame is looked up once, by its first part,
    # and only a frame of several parts asks for the others (it was a third of frame_problems to ask every frame
    # of every part found whether it holds all its parts)
    by_first_part: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]

    def in_sentence(self, text: str) -> list[Frame]:
        """The frames all of whose parts the sentence holds, in taxonomy order."""
        found = self.automaton.values_in(text)
        hits = [i for part in found for i, others in self.by_first_part.get(part, ())
                if not others or all(p in found for p in others)]
        return [self.frames[i] for i in sorted(hits)]


@lru_cache(maxsize=4)
def _frames(tx: Taxonomy) -> _Frames:
    frames = []
    for concept in tx.problems.values():
        for anchor in concept.extra.get("anchors") or ():
            parts = tuple(p for p in str(anchor).split("&") if p)
            if parts:
                frames.append(Frame(concept, parts))
    by_first_part: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, f in enumerate(frames):
        by_first_part.setdefault(f.parts[0], []).append((i, f.parts[1:]))
    automaton = WordScanner({part: part for f in frames for part in f.parts})
    return _Frames(tuple(frames), tuple(sorted(tx.cue_list("difficulty_cues"), key=len, reverse=True)), automaton,
                   {k: tuple(v) for k, v in by_first_part.items()})


def continued(sentences: list[Sentence], text: str) -> list[Sentence]:
    """The sentences with each context sentence that directly continues a problem sentence of the same paragraph
    given the problem role (one step: a continuation does not continue itself), and each sentence that introduces
    a list of problems ("监管主要卡在5个方面：一是…", "新的难题又摆在面前：拿什么致富？") given it with the items of
    the list that follow in the same paragraph ("二是…；三是…") — whatever their own cue words say."""
    out = list(sentences)
    in_list = False
    for k, s in enumerate(sentences):
        prev = sentences[k - 1] if k else None
        same_paragraph = prev is not None and not prev.heading and "\n" not in text[prev.end:s.start]
        if s.heading:
            in_list = False
            continue
        # (every list intro ends in a colon: the pattern, which starts with a group, runs only where one is)
        if ("：" in s.text or ":" in s.text) and _LIST_INTRO.search(s.text) and not _NOT_A_LIST.search(s.text):
            out[k] = dataclasses.replace(s, role="problem")
            in_list = True
        elif in_list and same_paragraph and _LIST_ITEM.match(s.text):
            out[k] = dataclasses.replace(s, role="problem")
        else:
            in_list = False
            if s.role == "context" and prev is not None and prev.role == "problem" and same_paragraph:
                out[k] = dataclasses.replace(s, role="problem")
    return out


# a sentence introducing what was wrong, the list or statement after its colon: "主要卡在5个方面：", "症结在乡镇一级：",
# "发现的头一个问题是：", "新的难题又摆在村党支部面前："
_LIST_INTRO = re.compile(r"(?:问题|短板|不足|难点|症结|弊端|难题|隐患|困境|痛点|堵点)(?:是|在于|主要有|有)?[^。；：:，,]{0,10}[：:]"
                         r"|(?:卡在|堵在|难在|症结在)[^。；：:]{0,12}[：:]")
# ... but not one introducing what was done or reached about them ("解决问题的办法：", "问题清单：")
_NOT_A_LIST = re.compile(r"(?:问题|难题|短板)(?:清单|台账|导向|的办法|的措施|的路子)|整改|成效|做法|经验|下一步|建议[：:]")
_LIST_ITEM = re.compile(r"^[“\"]?(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][，、,]|第[一二三四五六七八九十][，、是,]|"
                        r"[（(]?[一二三四五六七八九十\d][）)、]|首先|其次|再次|此外|另外|还有)")


def _window(sentence: str, at: int) -> tuple[int, int]:
    """The clause holding position ``at`` and the clause after it."""
    starts = [m.end() for m in _CLAUSE.finditer(sentence, 0, at)]
    start = starts[-1] if starts else 0
    ends = [m.start() for m in _CLAUSE.finditer(sentence, at)]
    end = ends[1] if len(ends) > 1 else len(sentence)
    return start, end


@lru_cache(maxsize=4)
def _cue_scanner(cues: tuple[str, ...]) -> WordScanner:
    return WordScanner({c: c for c in cues})


def _difficulties(window: str, anchor_spans: list[tuple[int, int]], cues: tuple[str, ...]) -> list[str]:
    """The difficulty words in ``window`` outside the anchors (longest first where they overlap)."""
    became = _BECAME_DIFFICULT.search(window)
    if became:
        return [became.group(0)]
    masked = _NOT_DIFFICULT.sub(blank, window)
    for a, b in anchor_spans:
        masked = masked[:a] + "\0" * (b - a) + masked[b:]
    present = _cue_scanner(cues).values_in(masked)
    if not present:
        return []                           # most windows hold no difficulty word: one scan says so
    words = []
    for cue in cues:                        # longest first: a found word is masked so its parts are not found again
        if cue not in present:
            continue
        i = masked.find(cue)
        if i >= 0:
            words.append(cue)
            masked = masked.replace(cue, "\0" * len(cue))
    return words


def frame_problems(sentences: list[Sentence], tx: Taxonomy, found: set[str]) -> list[tuple[int, Concept, str]]:
    """(sentence index, problem, evidence phrase) for each problem not in ``found`` that a frame states; the first
    sentence stating it wins."""
    index = _frames(tx)
    if not index.frames:
        return []
    cues = index.cues
    out: list[tuple[int, Concept, str]] = []
    seen = set(found)
    for k, s in enumerate(sentences):
        if s.heading:
            continue
        text = s.text
        # (frames of problems already found are dropped first: a third of the sentences with frames then have none
        # left, and need not be asked whether they look back or name work)
        frames = [f for f in index.in_sentence(text) if f.concept.id not in seen]
        if not frames:
            continue
        looks_back = _LOOKS_BACK.search(text)
        # a "measure" sentence that names no work ("社会组织的党员流动性大…建起来不容易") describes how things are
        states = s.role in ("problem", "context") or not names_work(text)
        # a result sentence, or one naming work, describes a state only when it looks back; a figure said to be low
        # ("一年人均收入仅2500元") states one in any sentence (``_low_figure``)
        framed = (s.role != "outcome" or looks_back) and (states or looks_back)
        describes = states or not _NOT_A_STATE.search(text)
        wondered = _ASKED_END.search(text) is not None
        for f in frames:
            if f.concept.id in seen:
                continue
            window = None
            if framed:
                # a measure or result sentence counts when it looks back and names no work done or result, or by a
                # clause that looks back; a difficulty word that is another problem's own word names that problem
                # ("楼宇党员…两张皮" is not about coverage) unless the frame has two topic words, which say more than
                # the other problem's one word (党建和业务各干各的)
                absent = bool(f.concept.extra.get("absence_is_other"))
                window = next((w for w, words in _windows(text, f.parts, cues, absent)
                               if (describes or _LOOKS_BACK.search(w))
                               and (len(f.parts) > 1 or not _names_other(w, words, f.concept, tx))
                               and not (wondered and _WONDERED.search(w))), None)
            if window is None and f.concept.extra.get("stated_by_low_figure"):
                window = _low_figure(text, f)
            if window is None:
                continue
            seen.add(f.concept.id)
            out.append((k, f.concept, window))
    return out


# a doubt someone raised ("成立工会会不会和非公企业主闹出矛盾？"): a window wondering whether a trouble would come, in a
# sentence ending on a question mark, states no trouble the unit had
_WONDERED = re.compile(r"会不会|会否|是否会|是不是会|有没有必要")
_ASKED_END = re.compile(r"[？?][”\"」]?$")

# the topic missing altogether, said right before or after it: "没有物业", "无物业管理", "连物业都没有"
_ABSENT_BEFORE = re.compile(r"(?:没有|没|无|缺少|缺乏)(?:任何)?$")
_ABSENT_AFTER = re.compile(r"(?:都|也)?(?:没有|没)")


def _windows(text: str, parts: tuple[str, ...], cues: tuple[str, ...], absence_is_other: bool = False):
    """Each window (a part's clause and the next) that states a difficulty besides the parts, and no solution.
    With ``absence_is_other`` a clause saying the topic is missing altogether ("没有物业", "连物业都没有") is about
    that absence — another problem — whatever else it says is wrong."""
    for at, part in sorted(((i, part) for part in parts for i in positions(text, part)[:5]), key=lambda x: x[0]):
        if absence_is_other and (_ABSENT_BEFORE.search(text, max(0, at - 4), at)
                                 or _ABSENT_AFTER.match(text, at + len(part))):
            continue
        start, end = _window(text, at)
        # "怎样把党员的先进性体现出来，让党员…发挥作用，…，一度成为党建管理上的一道难题": what was asked how to do
        # is the difficulty the sentence ends on, however many clauses the question runs to
        if (how := _HOW.search(text, 0, at)) and (became := _BECAME_DIFFICULT.search(text, at)) and \
                not _CLAUSE_END.search(text, how.end(), at):
            end = max(end, became.end())
        window = text[start:end]
        spans = [(i, i + len(p)) for p in parts for i in (window.find(p),) if i >= 0]
        words = _difficulties(window, spans, cues)
        if not words:
            continue
        became = _BECAME_DIFFICULT.search(window)
        if _NOT_A_STATE.search(window[:became.start()] + window[became.end():] if became else window):
            continue
        yield window, words


# a sum said to be low: "仅2500元", "只有31.2万元", "只在1500元到3000元之间", "还不到五百元", "一年不到30万元" (not
# "不到2个月": a duration). A baseline bounded so ("2018年，村集体收入一年不到30万元；到了2024年…") is the state the
# unit started from, as annotators of real reports read it: with 不到/不足 the development sets gained two problems
# and one wrong claim ("2005年时…人均纯收入也不足1.3万元" of a village the annotator did not call poor), the sealed
# sets two problems and no wrong claim (problems 0.473 -> 0.482, precision 0.568 -> 0.573)
_LOW_FIGURE = re.compile(r"(?:仅有?|只有|只在|只|才|还?不到|还?不足)(?:约|近)?\d[\d.,]*(?:多|余)?[万亿]?元")
# a clause reporting growth or a level reached states a result, whatever its figure ("不到3年就翻了一番")
_REACHED = re.compile(r"达到|增加|增长|增至|增到|提高|提升|上涨|涨|翻|突破|超过|跨过|迈过|实现|带动|多收|升至|升到")


def _low_figure(text: str, frame: Frame) -> str | None:
    """The clauses from the frame's anchor to a figure said to be low in its clause or the next one, when they
    report no result: a baseline as a report gives it ("村集体的年经营性收入，2019年时只有31.2万元") states the
    problem the unit started from, as "从空壳村变成…" does. Only for problems measured by such a figure
    (``stated_by_low_figure`` in problems.yaml: income, a collective's revenue, both sums of money)."""
    anchor = frame.parts[0]
    for at in positions(text, anchor)[:5]:
        start, end = _window(text, at)
        low = _LOW_FIGURE.search(text, at + len(anchor), end)
        if low is None:
            continue
        stop = next((c.start() for c in _CLAUSE.finditer(text, low.end())), len(text))
        span = text[start:stop]
        if all(p in span for p in frame.parts) and not _REACHED.search(span) and not _NOT_A_STATE.search(span):
            return span
    return None


def _names_other(window: str, words: list[str], concept: Concept, tx: Taxonomy) -> bool:
    """Is every difficulty word of the window part of another problem's matched words?"""
    others = [surface for _, c, surface in tx.match_spans(window, [(0, len(window))])
              if c.id != concept.id and c.label == concept.label]
    return bool(others) and all(any(w in o for o in others) for w in words)

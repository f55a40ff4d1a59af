"""Stage 2 — normalise: width, whitespace, traditional → simplified, Chinese numerals in quantities.

Chinese punctuation is kept (sections and sentences split on it); full-width Latin letters, digits and
symbols become half-width. Numerals are converted only where they count something (三十五万元, 两千余人,
百分之二十, 三成) so names such as 第一书记, 一支部一品牌 or 两委 stay as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..core.charmap import WIDE_TO_ASCII, char_mapper

# full-width forms to ASCII, keeping the Chinese punctuation the section/sentence stages rely on
_FULLWIDTH = {c: a for c, a in WIDE_TO_ASCII.items() if chr(c) not in "，：；！？（）"}
_to_halfwidth = char_mapper(_FULLWIDTH)

_NUM = "零〇一二两三四五六七八九十百千万亿"
_UNITS = ("个百分点|万元|亿元|千元|元|万人次|人次|万人|余人|多人|人|万户|户|个|件|次|家|名|位|天|小时|分钟|"
          "公里|亩|吨|项|条|所|支|场|批|倍|座|间|套|单|起|年|月|周")
# an ordinal is not a quantity (第三人民医院, 第一书记, 第二批): it stays as written, as does 人 in 人民
# (A pattern searched in every text starts with a character or a class — not a look-behind, an optional group
# or a repeat such as \d+ — so that Python's re skips to where a match can begin instead of trying it at every
# position; BENCHMARKS.md, "The nineteenth session".)
_CN_QTY = re.compile(rf"(?P<num>[{_NUM}](?<![第{_NUM}][{_NUM}])[{_NUM}]*(?:点[零〇一二三四五六七八九]+)?)"
                     rf"(?P<tail>(?:余|多)?(?:{_UNITS}))(?<!人(?=民))")
_CN_PERCENT = re.compile(rf"百分之(?P<num>[{_NUM}]+(?:点[零〇一二三四五六七八九]+)?)")
_CN_CHENG = re.compile(r"(?P<num>[一二三四五六七八九])(?<![零〇一二两三四五六七八九十][一二三四五六七八九])成(?=[，。；、的以多左]|$)")
# two neighbouring digits side by side are a rough range (一两, 两三, 七八): cn2an would read them as one number
_RANGE = re.compile("一两|一二|两三|二三|三四|四五|五六|六七|七八|八九")
# measure words village and town names are made with (六户地村, 五间房, 四道沟): followed by a place word within two
# characters after a one-character numeral they are part of the name — not in 五户村民, 三家村企, 三条村道, 两个村
_NAME_UNITS = frozenset(("户", "家", "间", "座", "条"))
_NAME_AFTER = re.compile(r"(?:(?![村庄屯镇乡])[\u4e00-\u9fff]){0,2}?(?:村|庄|屯|镇|乡(?!村|镇|亲)|街道|社区)(?!民|干部|集体|两委|级|里|内|企|务|户|组|委|庄|落|子|道)")
_LEADING_UNIT_WORDS = re.compile(r"^(一|两)(?=(个|名|位|家|项|条|批|支|次|件|场|所|座|间|套)[^\d])")


_BLANKS = re.compile(r"[ \t\u00a0\u2002-\u200b]+")
_INDENT = re.compile(r"\n[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CJK_SPACE = re.compile(r" (?<=[\u4e00-\u9fff，。；：、！？“”（）] )(?=[\u4e00-\u9fff，。；：、！？“”（）])")
_SENTENCE_ENDS = frozenset("。；！？")


def _phrased(line: str) -> bool:
    """A headline in two phrases parted by a space ("杏林先锋守初心 安康市中医医院党委以…"): a short line of two
    pieces of four characters or more, without a sentence's punctuation or digits — not a letter-spaced heading
    ("基 本 情 况"), a credit or dateline line ("XX日报 2019年3月6日 记者 …", read as before), nor a sentence a PDF
    export broke up."""
    pieces = line.split(" ")
    return (len(pieces) == 2 and len(line) <= 60 and not _SENTENCE_ENDS.intersection(line)
            and not any(ch.isdigit() for ch in line) and all(len(p) >= 4 for p in pieces))


@lru_cache(maxsize=1)
def _t2s():
    import opencc
    return opencc.OpenCC("t2s")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _simplified(text: str) -> str:
    """``text`` in simplified characters — but a character OpenCC would turn into one beyond the basic plane keeps its
    form: 輋 (a word for a hamlet in Guangdong's place names, 輋维村) becomes 𪨶, which few fonts draw and no one
    types, and the village's name would no longer match its own headline, a search or a gazetteer."""
    out = _t2s().convert(text)
    if len(out) != len(text) or not _ASTRAL.search(out):
        return out
    return "".join(o if o <= "\uffff" or t > "\uffff" else t for o, t in zip(out, text))


@lru_cache(maxsize=4096)   # the same few numerals recur in every text, and cn2an reads one in ~20 µs
def _cn_to_number(numeral: str) -> str | None:
    # (imported at the first numeral, not with this module: compiling cn2an's patterns takes ~0.3 s, which every
    # command that loads the lexicons paid, ``djkg keys list`` as much as an ingest)
    import cn2an
    try:
        value = cn2an.cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


# characters that make a word with a following 一 (唯一, 统一, 同一, 逐一): that 一 is no digit of the count after it
# ("唯一一家" is one firm, not 11; "统一三个标准" three standards, not 13)
_ONE_ENDS_WORD = frozenset("唯统同逐单专归合划整万之均择")


def _qty(m: re.Match) -> str:
    num, tail = m.group("num"), m.group("tail")
    text, start, end = m.string, m.start(), m.end()
    if len(num) > 1 and num[0] == "一" and start and text[start - 1] in _ONE_ENDS_WORD:
        rest = _CN_QTY.match(text[start + 1:])     # (the rest read on its own: the 一 before it is not its digit)
        return "一" + (_qty(rest) if rest and rest.end() == end - start - 1 else m.group(0)[1:])
    if num == "一" and (text[end:end + 1] == "一" or (start >= 2 and text[start - 2] == "一")):
        return m.group(0)   # 一户一策, 一人一岗, 一家一户: a set phrase, not a count
    if num == "一" and tail and text[end:end + len(tail)] == tail:
        return m.group(0)   # 一户户走访, 一次次上门: one after another, not one household
    if num == "二" and tail == "次" and not (start and text[start - 1] == "第"):
        return m.group(0)   # 二次事故, 二次供水, 二次分红: "secondary" (a count of two is 两次), no figure
    if len(num) == 1 and tail in _NAME_UNITS and _NAME_AFTER.match(text, end):
        return m.group(0)   # 六户地村, 三家村, 五间房镇, 四道沟村: a place's name, not a count
    # "万元"/"亿元" keep their magnitude word as the unit: 三十五万元 → 35万元
    if num.endswith(("万", "亿")) and len(num) > 1 and tail in ("元", "人", "户", "人次"):
        tail = num[-1] + tail
        num = num[:-1]
    # lone 一/两 before a measure word reads as an article ("一名党员", "两个方面"): keep it
    if num in ("一", "两") and tail not in ("万元", "亿元", "元", "万人", "余人", "多人", "人", "户", "倍", "个百分点"):
        return m.group(0)
    if _RANGE.search(num):
        return m.group(0)   # "两三个月", "三四十人": a rough range, not 23 months or 340 people
    value = _cn_to_number(num)
    return m.group(0) if value is None else value + tail


# idioms made of numerals: no count, however they read ("电梯三天两头坏" is "often", not 3 days)
# (a group, so that ``split`` keeps them: the odd pieces are the idioms)
_NUMERAL_IDIOMS = re.compile("(三天两头|三番五次|三番两次|三年五载|一年半载|三言两语|三长两短|三三两两|三五成群|"
                             "三令五申|七上八下|七嘴八舌|五花八门|四面八方|一五一十|十有八九|接二连三|四分五裂|三下五除二|"
                             "空无一人|孤身一人|独自一人)")


def convert_numerals(text: str) -> str:
    return "".join(piece if i % 2 else _convert(piece) for i, piece in enumerate(_NUMERAL_IDIOMS.split(text)))


def _percent(m: re.Match) -> str:
    value = _cn_to_number(m.group("num"))
    return value + "%" if value else m.group(0)


def _cheng(m: re.Match) -> str:
    return f"{int(_cn_to_number(m.group('num')) or 0) * 10}%"


# the passes, in order: each reads the text the one before it wrote
_PASSES = ((_CN_PERCENT, _percent), (_CN_CHENG, _cheng), (_CN_QTY, _qty))


def _convert(text: str) -> str:
    for pattern, repl in _PASSES:
        text = pattern.sub(repl, text)
    return text


def _convert_tracked(text: str) -> tuple[str, list[int], list[int]]:
    """``_convert(text)`` and, for each character it writes, the span [start, end) of ``text`` it stands for (a
    converted numeral stands, as a whole, for the whole numeral it replaced)."""
    starts, ends = list(range(len(text))), list(range(1, len(text) + 1))
    for pattern, repl in _PASSES:
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        last = 0
        for m in pattern.finditer(text):
            a, b = m.span()
            out.append(text[last:a])
            new_starts += starts[last:a]
            new_ends += ends[last:a]
            written = repl(m)
            out.append(written)
            if written == m.group(0):
                new_starts += starts[a:b]
                new_ends += ends[a:b]
            elif written:
                if b > a:
                    lo, hi = starts[a], ends[b - 1]
                else:       # (an empty match: what it writes stands where it is)
                    lo = hi = starts[a] if a < len(starts) else (ends[-1] if ends else 0)
                new_starts += [lo] * len(written)
                new_ends += [hi] * len(written)
            last = b
        out.append(text[last:])
        new_starts += starts[last:]
        new_ends += ends[last:]
        text, starts, ends = "".join(out), new_starts, new_ends
    return text, starts, ends


class WrittenForm:
    """The written form of fragments of the text the stages read: ``normalise`` writes numerals as digits
    ("五个责任" → "5个责任"), people read them as written. ``read`` is ``convert_numerals(written)``; a fragment of it
    (an evidence sentence) is given back as it stands in ``written``. Conversion keeps the lines, so a fragment's
    line is found in ``read`` and only that line is aligned; most fragments have no digit and are their own written
    form."""

    def __init__(self, written: str, read: str):
        self._written = written.split("\n")
        self._read = read
        self._maps: dict[int, tuple[list[int], list[int]] | None] = {}
        self._starts = [0]
        at = read.find("\n")
        while at >= 0:
            self._starts.append(at + 1)
            at = read.find("\n", at + 1)
        if len(self._starts) != len(self._written):
            self._written = []          # (not the conversion of ``written``: every fragment stays as read)

    def of(self, fragment: str) -> str:
        if not fragment or not self._written or not any("0" <= ch <= "9" for ch in fragment):
            return fragment          # (a conversion always writes digits: without any, nothing was converted)
        at = self._read.find(fragment)
        if at < 0:
            return fragment
        k = bisect_right(self._starts, at) - 1
        start = self._starts[k]
        end = self._starts[k + 1] - 1 if k + 1 < len(self._starts) else len(self._read)
        if at + len(fragment) > end:
            return fragment          # (runs over a line's end: an evidence sentence never does)
        if k not in self._maps:
            self._maps[k] = _line_map(self._written[k], self._read[start:end])
        spans = self._maps[k]
        if spans is None:
            return fragment
        a, b = at - start, at - start + len(fragment)
        return self._written[k][min(spans[0][a:b]):max(spans[1][a:b])]


def _line_map(line: str, read: str) -> tuple[list[int], list[int]] | None:
    """For each character of ``read`` (``convert_numerals(line)``), the span [start, end) of ``line`` it stands
    for; None when the line converted alone reads otherwise."""
    starts: list[int] = []
    ends: list[int] = []
    pieces: list[str] = []
    pos = 0
    for i, piece in enumerate(_NUMERAL_IDIOMS.split(line)):
        if i % 2:
            pieces.append(piece)
            s, e = list(range(len(piece))), list(range(1, len(piece) + 1))
        else:
            converted, s, e = _convert_tracked(piece)
            pieces.append(converted)
        starts += [pos + x for x in s]
        ends += [pos + x for x in e]
        pos += len(piece)
    return (starts, ends) if "".join(pieces) == read else None


# a dateline opening a paragraph ("烟草在线湖南消息 排料乡…", "本网讯 天津市委…", "渭源讯 在…"): the space after it
# is where the outlet's words end and the report's begin
_TITLE_MARK = re.compile(r"题[：:]")
_DATELINE_OPEN = re.compile(r"^[\u4e00-\u9fff\d]{2,20}?(?:消息|讯|\d{1,2}日电) (?=[\u4e00-\u9fff“（(])")


def _joined(line: str) -> str:
    """``line`` with the spaces between CJK characters removed but a phrased headline's and a dateline's."""
    if " " not in line:
        return line     # (most lines: nothing to remove, and no headline or dateline parted by a space)
    if _phrased(line):
        return line
    # a wire's headline after its dateline ("中新社广西梧州1月11日电（作者 张广权）题：家门口有了活干 古村留住了…"):
    # the headline keeps its phrases apart, the rest of the line is joined as any other
    if (title := _TITLE_MARK.search(line)) and _phrased(line[title.end():]):
        return _joined(line[:title.start()]) + line[title.start():]
    dateline = _DATELINE_OPEN.match(line)
    at = dateline.end() if dateline else 0
    return line[:at] + _CJK_SPACE.sub("", line[at:])


def normalise(text: str) -> str:
    """The canonical text every later stage reads."""
    return convert_numerals(normalise_written(text)).strip()


def normalise_written(text: str) -> str:
    """``normalise`` but for its numerals, written as they were ("十五年", not "15年"): what a headline shows."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _to_halfwidth(text)
    text = _simplified(text)
    text = _BLANKS.sub(" ", text)
    # no spaces between CJK characters (PDF and Word exports often insert them) — except the space that parts
    # the two phrases of a headline ("杏林先锋守初心 安康市中医医院党委以…"): there it is the only boundary
    # between a slogan and a name
    text = "\n".join(_joined(line) for line in text.split("\n"))
    text = _INDENT.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text)


# control and format characters (ESC, NUL, zero-width, bidi overrides) have no place in a one-line label: they
# would reach terminals and pages as commands or hide what a title says
_CONTROL = r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]"
_CONTROLS = re.compile(_CONTROL + _CONTROL + "*")
_WHITESPACE = re.compile(r"\s\s*")


def strip_controls(text: str) -> str:
    """A label without control or format characters (tabs and line breaks become spaces)."""
    return _WHITESPACE.sub(" ", _CONTROLS.sub(lambda m: " " if m.group(0).strip("\t\n\r\x0b\x0c") == "" else "",
                                               text)).strip()


def normalise_short(text: str | None) -> str:
    """For metadata values: width, simplified, no control characters, trimmed — no numeral rewriting."""
    if not text:
        return ""
    if isinstance(text, str) and len(text) <= _SHORT_CACHED:
        return _normalise_label_cached(text)
    return _normalise_label(str(text))


def _normalise_label(text: str) -> str:
    return strip_controls(_simplified(_to_halfwidth(text)))


# the same labels (field and model names, places, front-matter values) are normalised several times in every
# document, each time through OpenCC and two regexes (~6 µs): short ones are remembered
_SHORT_CACHED = 80
_normalise_label_cached = lru_cache(maxsize=8192)(_normalise_label)


def blank(m: re.Match) -> str:
    """A match as NULs of its length (``re.sub(pattern, blank, text)``): masked text keeps every offset, so cues
    and spans found in it index the original."""
    return "\0" * len(m.group(0))


def bracketed(text: str, at: int, reach: int = 60) -> str:
    """The text of the parentheses position ``at`` stands in, on its line ("" when none, or when they do not close
    within ``reach`` characters): a credit's or an outlet's note ("（物理与能源学院供稿）", "新乡土(武汉大学…公众号)")."""
    open_at = max(text.rfind("（", 0, at), text.rfind("(", 0, at))
    if open_at < 0 or any(ch in text[open_at:at] for ch in "）)\n"):
        return ""
    close = re.search(r"[）)\n]", text[at:at + reach])
    return text[open_at:at + close.start()] if close and close.group(0) != "\n" else ""


def positions(text: str, word: str) -> list[int]:
    """Where ``word`` begins in ``text``, every occurrence (non-overlapping, left to right): what
    ``re.finditer(re.escape(word), text)`` finds, by ``str.find`` (each new word was a pattern for re to compile, at
    ~0.2 ms; its cache holds 512, and extraction asks for several hundred distinct words)."""
    if not word:
        return list(range(len(text) + 1))    # the empty word occurs at every position, as re finds it
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + len(word))
    return out

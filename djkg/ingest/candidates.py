"""Stage 4e — open vocabulary: problems and measures the taxonomy does not know yet, kept as candidate concepts
named by their noun phrase (never dropped, never a fragment of a sentence), so that a reviewer can accept them.

A measure candidate is what a unit set up or ran: a name in quotation marks ("“积分超市”", "“红帆领航”工程") or a
noun phrase after a verb of setting up (建立、推行、组建 …) that ends in a word for an arrangement (机制, 工作室,
服务队, 驿站, 清单 …). A problem candidate is a noun phrase with a word of difficulty ("停车难", "议事难题").
Phrases that restate a known concept or model, name an organisation, or are cut out of the middle of a clause
("时同步建立党总支", "一边商量小区难") are not candidates. Variants share one id: quotation marks and spacing do
not make a new concept.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..graph import schema as S
from .sections import Sentence
from .jieba_tables import posseg as jieba_posseg
from .taxonomy import Concept, Taxonomy, segmented, tokenizer

MAX_PER_CASE = 3
_VERBS = r"建立|推行|实施|成立|开展|搭建|打造|设立|推出|创建|构建|探索|组建|开设|创办|设置|建起|办起|实行|启动|开通|编制|制定|出台"
_HEADS = (r"工作法|工作室|服务队|志愿队|突击队|先锋队|服务站|驿站|议事会|理事会|联席会|联盟|机制|制度|模式|平台|中心|课堂|讲堂|学堂|"
          r"书屋|食堂|超市|基地|专班|热线|清单|台账|积分|行动|工程|项目|网格|体系|责任区|示范岗|先锋岗|小组|小队|驿家|之家|"
          r"服务点|工作站|一张网|一本账|一件事|码|号")
_QUOTED = re.compile(rf"[“\"]([^”\"，。；]{{2,14}})[”\"]({_HEADS})?")
_MEASURE = re.compile(rf"(?:{_VERBS})(?:了|起|出)?([\u4e00-\u9fff]{{2,12}}?(?:{_HEADS}))")
_PROBLEM = re.compile(r"([\u4e00-\u9fff]{2,8}?)(难题|难|问题|矛盾|短板|痛点|堵点|不足|薄弱|滞后|不畅)")
_ORG_WORDS = re.compile(r"公司|集团|委员会|党委|党总支|党支部|党工委|医院|学校|大学|学院|局$|厅$|政府|合作社$")
_NOT_A_CONCEPT = re.compile(r"名片|样板|标杆|典范|品牌$|条件|内容|需求|这|那|该|此|相关|有关|各类|一些|许多|不少|其他|上述|以下|"
                            r"^(?:最大|第一|一道|一块|重点|几件|多名|寸步|治理|疑难|困难)|"
                            r"工作$|活动$|党建$|^党组织$|^组织$|^老大难|^民生问题$|^方面")
_BAD_EDGE = ("p", "c", "u", "d", "r", "f", "t", "y", "e", "o")
# compiled once here rather than looked up in re's cache at each quoted name or phrase
_AFTER_VERB = re.compile(rf"(?:{_VERBS})(?:了|起|出)?$")
_HEADS_THEN_END = re.compile(rf"(?:{_HEADS})$")   # a kind-word ends the phrase (an organisation named before it)
_QUOTES = re.compile(r"[“”\"]")


def candidates(sentences: list[Sentence], role: str, tx: Taxonomy, matched: set[int]) -> list:
    """Candidate problems (``role="problem"``) or measures in sentences where the taxonomy found nothing of that
    kind; at most ``MAX_PER_CASE``."""
    from .extract import Mention
    label = S.PROBLEM if role == "problem" else S.MEASURE
    out: list[Mention] = []
    seen: set[str] = set()
    for k, s in enumerate(sentences):
        if s.heading or k in matched or (role == "problem" and s.role != "problem") \
                or (role == "measure" and s.role not in ("measure", "outcome", "context")):
            continue
        for phrase in (_problem_phrases(s.text) if role == "problem" else _measure_phrases(s.text)):
            key = group_key(phrase)
            if key in seen or not _clean(phrase) or _restates(phrase, label, tx):
                continue
            if tx.is_rejected(label, phrase):   # reviewed and rejected: never proposed again
                continue
            seen.add(key)
            out.append(Mention(S.concept_id(label, key), phrase, s.text[:300], candidate=True))
            if len(out) >= MAX_PER_CASE:
                return out
    return out


def group_key(phrase: str) -> str:
    """What variants of one candidate share (quotation marks and spacing set aside). A name in quotation marks is
    the thing itself whatever kind-word follows it: "“一单通达”机制" and "“一单通达”" are one candidate (a core of
    two characters, "“红色”驿站", is too common to stand for one thing)."""
    named = _NAMED_KIND.fullmatch(phrase)
    if named:
        phrase = named.group(1)
    return S.normalise_key(re.sub(r"[“”\"‘’']", "", phrase))


_NAMED_KIND = re.compile(rf"[“\"]([^”\"，。；]{{3,14}})[”\"](?:{_HEADS})")


def _measure_phrases(text: str) -> list[str]:
    found = []
    # (a name in quotation marks needs one: most sentences have none, and the search is spared)
    quoted = _QUOTED.finditer(text) if "“" in text or '"' in text else ()
    for m in quoted:
        if m.group(2) or _AFTER_VERB.search(text[max(0, m.start() - 4):m.start()]):
            found.append(f"“{m.group(1)}”{m.group(2) or ''}")
    for m in _MEASURE.finditer(text):
        found.append(m.group(1))
    return found


def _problem_phrases(text: str) -> list[str]:
    out = []
    for m in _PROBLEM.finditer(text):
        words = _words(m.group(1))
        keep: list[tuple[str, str]] = []
        for w, f in reversed(words):
            verb = f[:1] == "v" and f != "vn"
            # a verb right before 难 names the difficulty (停车难, 出行难); anywhere else it is the clause's own
            if verb and not (not keep and m.group(2) == "难" and len(w) == 2):
                break
            if w in ("与", "和") and keep:      # 商户与管理方矛盾: a conjunction between two nouns belongs to the name
                keep.insert(0, (w, f))
                continue
            if f[:1] in _BAD_EDGE or f[:1] in ("m", "q") or w in ("的", "了", "是", "有", "在", "很", "最", "较", "更"):
                break
            if keep and f[:1] in ("i", "l"):
                break       # "群众反映" + 停车难: a set expression before the difficulty is the clause's own
            keep.insert(0, (w, f))
        while keep and keep[0][0] in ("与", "和"):
            keep.pop(0)
        if keep and not (len(keep) == 1 and keep[0][1][:1] == "v" and len(keep[0][0]) < 2):
            head = m.group(2)
            if head == "难" and text[m.end() - 2:m.end()] in _ENDS_IN_NAN:
                continue                # 困难, 艰难: 难 ends another word ("帮困难企业")
            if head == "难" and re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1]):
                # the difficulty goes on past 难 (公共收益难管, 物业公司难续聘, 业委会难产); 难 that begins another
                # word (难度, 难点, 难以 …) is no difficulty's last word
                if text[m.end() - 1:m.end() + 1] in _NAN_WORDS:
                    continue
                first = text[m.end() - 1:m.end() + 1]
                word = first if _words(first)[0][0] == first else "难" + _words(text[m.end():m.end() + 4])[0][0]
                if word[1] not in _AFTER_NAN_ENDS:     # 议事协商难的问题: the name ends at 难
                    if len(word) > 5 or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
                        continue
                    head = word
            phrase = "".join(w for w, _ in keep) + head
            if len(phrase) - len(head) >= 2 and not _SOLVING.match(phrase):
                out.append(phrase)
    return out


# words 难 ends that are no difficulty's suffix (落实难 is one: 实难 is not listed)
_ENDS_IN_NAN = frozenset("困难 艰难 灾难 为难 刁难 患难 遇难 苦难 危难 疑难 责难 发难 非难 排难 救难".split())
# words after which a difficulty's name ends at 难 ("…难的问题", "…难，")
_AFTER_NAN_ENDS = frozenset("的了地得是和与及也都就还又在把被让给等")
# words 难 begins that name no difficulty after a topic
_NAN_WORDS = frozenset("难以 难度 难点 难事 难处 难关 难怪 难道 难得 难免 难忘 难过 难受 难看 难题 难民 难于 难能".split())
# a verb of solving before 难 ("解决难事") names no difficulty
_SOLVING = re.compile(r"(?:解决|破解|化解|攻克|排解|纾解)难")


def _clean(phrase: str) -> bool:
    """A whole noun phrase: not an organisation's name, not an evaluation, no function word at either end."""
    bare = _QUOTES.sub("", phrase)
    if len(bare) < 3 or _NOT_A_CONCEPT.search(bare) or (_ORG_WORDS.search(bare) and not _HEADS_THEN_END.search(bare)):
        return False
    if phrase.count("“") != phrase.count("”"):
        return False
    words = _words(bare)
    if not words or words[0][1][:1] in _BAD_EDGE or words[-1][1][:1] in _BAD_EDGE:
        return False
    return not any(w in ("时", "后", "时候", "自己", "格外", "一边") for w, _ in words)


def _restates(phrase: str, label: str, tx: Taxonomy) -> bool:
    """The phrase names a concept or model the taxonomy already has."""
    bare = _QUOTES.sub("", phrase)
    if any(tx.resolve_name(lbl, bare) for lbl in (S.PROBLEM, S.MEASURE, S.MODEL)):
        return True
    found: list[Concept] = [c for _, c, _ in tx.match_spans(bare, [(0, len(bare))])]
    return any(c.label in (label, S.MODEL) for c in found)


@segmented   # (cleared when the user dictionary changes)
@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[tuple[str, str], ...]:
    tokenizer()
    return tuple((p.word, p.flag) for p in jieba_posseg().cut(text, HMM=False))

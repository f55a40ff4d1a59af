"""Case identity: which document a case is, so that distinct documents never share a case id.

An id comes from, in order: the front-matter ``id``; else unit + title + year when all three are known and
specific (the id survives edits of the body); else the file's path relative to the ingested folder plus its
title when the title is its own (an edited body keeps the id); else that path plus a digest of its text (the API
has no path: the digest alone). A generic line ("经验材料", "党建工作简报", "2023年第6期")
is never a title and a generic or anonymised unit ("某村党支部", "社区党委") never names a case.

Each case carries an ``identity`` record (basis, origin, text digest). The store refuses to replace a case by
a different document (``graph.schema.check_replaces``); ``RunClaims`` catches the same within one run before
anything is written, and also a second copy of the same text, so a re-run changes nothing.
"""

from __future__ import annotations

import hashlib
import re

from ..graph import schema as S

# words that say what kind of paper a line heads, not what it is about
_GENRE = re.compile(
    r"基层|党建|党务|工作|典型|经验|交流|材料|汇报|发言|事迹|先进|总结|情况|报告|调研|述职|简报|快报|专报|动态|信息|"
    r"通讯|案例|特色|亮点|做法|品牌|创建|申报|推荐|参评|评选|会议|讲话|附件|范文|征文|选编|汇编|优秀|创新|年度|"
    r"上半年|下半年|全年|第?[一二三四五六七八九十百\d]+期|\d+年|[主要]*成效|[主要]*做法|"
    r"[^\w]|_|\d")
# section headings ("一、面临问题", "（二）", "1.", "第三部分") head a part, not the paper
_SECTION = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|"
                      r"第[一二三四五六七八九十]+(?:部分|章|节))")
_ORG_SUFFIX = re.compile(r"(?:党支部|党总支|党委|党工委|党组|支部|总支|委员会|党小组|联合党委)+$")
_PLACE_WORD = re.compile(r"(?:村|社区|街道|镇|乡|公司|集团|医院|学校|大学|学院|机关|单位|企业|协会|商会|中心|局|所|站)$")
_ANONYMOUS = re.compile(r"某|示意|[xX×＊*]{2}|ＸＸ|〇〇")


def is_generic_title(line: str, unit: str = "") -> bool:
    """A line that only names a genre, an issue number, a section or the unit itself."""
    text = S.normalise_key(line)
    if not text or _SECTION.match(text):
        return True
    if unit:
        text = text.replace(S.normalise_key(unit), "")
    return len(_GENRE.sub("", text)) < 2


def is_specific_unit(unit: str) -> bool:
    u = S.normalise_key(unit)
    if len(u) < 3 or _ANONYMOUS.search(u):
        return False
    core = _PLACE_WORD.sub("", _ORG_SUFFIX.sub("", u))
    return len(core) >= 2


def text_digest(text: str) -> str:
    """Digest of a document's text, insensitive to whitespace and character width."""
    return hashlib.sha1(S.normalise_key(text).encode("utf-8")).hexdigest()[:16]


def assign(*, explicit: str | None, title: str, unit: str, year: int | None, origin: str,
           text: str) -> tuple[str, dict[str, str]]:
    """(case id, identity record) for one document."""
    digest = text_digest(text)
    explicit_id = S.explicit_case_id(explicit)
    if explicit_id:
        cid, basis = explicit_id, "id"
    elif (title and unit and isinstance(year, int) and 1949 <= year <= 2100 and is_specific_unit(unit)
          and not is_generic_title(title, unit)):
        cid, basis = S.case_id(title=title, unit=unit, year=year), "meta"
    elif origin and title and not is_generic_title(title, unit):
        # a file with a title of its own: its path and title name it, so editing the body updates the same case
        # (the same path in another folder with another title is another case)
        cid, basis = S.case_id(origin=origin, text="title:" + S.normalise_key(title)), "path-title"
    else:
        cid, basis = S.case_id(origin=origin, text=text), "path"
    return cid, {"basis": basis, "origin": origin, "digest": digest}


class RunClaims:
    """The case ids one run has handed out: a second document with the same id is reported, never written
    (a different text would overwrite the first; the same text again would flip the stored source each run)."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[str, str]] = {}

    def claim(self, case_id: str, identity: dict[str, str], source: str) -> str | None:
        """None when ``case_id`` is free in this run, else the bilingual reason the document is refused."""
        first = self._seen.setdefault(case_id, (source, identity.get("digest", "")))
        if first == (source, identity.get("digest", "")):
            return None
        if first[1] == identity.get("digest"):
            return (f"与本次导入的 {first[0]} 内容相同（案例 id {case_id}），已跳过"
                    f" / same text as {first[0]} in this run (case id {case_id}); skipped")
        return (f"案例 id {case_id} 已被本次导入的 {first[0]} 使用，但内容不同，未导入；请在头信息中写不同的 id"
                f" / case id {case_id} is already used by {first[0]} in this run with a different text; not "
                f"ingested — give one of them its own front-matter id")

"""``outcomes._tagged_from_end``: the noun phrase that names a figure is read from posseg's tags one piece at a time
from the end — the same words and tags as tagging the whole fragment, on the fragments of real text."""

import re

import pytest

from djkg.ingest.outcomes import _tagged_from_end
from djkg.ingest.pos_tagging import posseg
from djkg.ingest.taxonomy import tokenizer

from conftest import gold_and_corpus_texts


def _fragments(limit: int) -> list[str]:
    """What ``noun_phrase`` tags: the clause before each number, numbers blanked, its last 24 characters — those of
    more than one piece (the only ones tagged piece by piece), from every gold and corpus text."""
    split = posseg().re_han_internal.split
    out: set[str] = set()
    for text in gold_and_corpus_texts(normalised=True):
        for m in re.finditer(r"(?:^|(?<=[，；：:,;。！？\n]))[^，；：:,;。！？\n]*?(?=\d)", text):
            fragment = re.sub(r"[\d.,%]+", " ", m.group(0)).strip()[-24:]
            if len(split(fragment)) > 3:
                out.add(fragment)
    return sorted(out)[:: max(1, len(out) // limit)]


def test_the_same_words_and_tags_as_tagging_the_whole_fragment():
    tokenizer()
    fragments = _fragments(1500)
    assert len(fragments) >= 1000
    for fragment in fragments:
        whole = [(w, f) for w, f in posseg().cut(fragment) if w.strip()]
        assert list(_tagged_from_end(fragment)) == whole[::-1], fragment


@pytest.mark.parametrize("fragment, name", [
    ("从党员进社区开始算，医院一共组织了", "医院"),          # 一共 (tagged as an abbreviation) ends the clause, not the name
    ("刑事警情、治安警情同比分别下降", "治安警情"),         # … and so does 同比
    ("来自台湾南投县竹山镇的", ""),                          # places and their kind name no measure
    ("全省同比增长", ""),                                     # an area names where, not what
    ("村集体经济组织的经营收益达到", "经营收益"),
])
def test_a_figures_name_is_a_noun_phrase_not_an_adverb_or_a_place(fragment, name):
    from djkg.ingest.outcomes import noun_phrase
    tokenizer()
    assert noun_phrase(fragment) == name


def test_an_honour_asked_about_is_no_result():
    # (corpus: d-anhui-huoqiu) "一个县级大厅凭什么入选？" opens the section that answers it
    from djkg.ingest.extract import extract
    from djkg.ingest.readers import RawDoc
    text = "霍邱县政务服务中心入选全国案例\n\n一个县级大厅凭什么入选？\n\n中心推行帮办代办，群众办事少跑腿。"
    honours = [o for o in extract(RawDoc(source="x.txt", text=text)).outcomes if o.metric == "honour"]
    assert not any("凭什么" in (o.name or "") for o in honours), honours

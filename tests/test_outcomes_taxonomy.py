"""Outcome extraction and taxonomy matching, on a small inline taxonomy (each stage testable alone)."""

from __future__ import annotations

import pytest

from djkg.ingest.normalise import normalise
from djkg.ingest.outcomes import extract_outcomes
from djkg.ingest.sections import split
from djkg.ingest.taxonomy import Taxonomy

TX = Taxonomy({
    "problems": [{"id": "weak-economy", "name": "村集体经济薄弱", "synonyms": ["空壳村", "集体经济&薄弱", "集体收入&低"]},
                 {"id": "parking", "name": "停车难", "synonyms": ["停车&难"]}],
    "measures": [{"id": "coop", "name": "党支部领办合作社", "synonyms": ["领办合作社", "土地入股"]}],
    "models": [{"id": "branch-led-cooperative", "name": "党支部领办合作社", "synonyms": ["支部领办合作社"]}],
    "metrics": [{"id": "collective-income", "name": "村集体收入", "cues": ["集体收入", "集体经济收入"], "direction": "up",
                 "units": ["万元", "元", "亿元"]},
                {"id": "satisfaction", "name": "群众满意度", "cues": ["满意度", "满意率"], "direction": "up", "units": ["%"]},
                {"id": "complaints", "name": "投诉量", "cues": ["投诉"], "direction": "down", "units": ["件", "%"]},
                {"id": "response-time", "name": "响应时间", "cues": ["响应时间", "到场时间"], "direction": "down",
                 "units": ["分钟", "小时", "天"]}],
})


def outcomes(text: str):
    return extract_outcomes(split(normalise(text)), TX)


def test_from_a_to_b_reads_b_with_a_as_baseline():
    [o] = outcomes("三、取得成效\n村集体收入由2万元提高到三十五万元。")
    assert (o.metric, o.value, o.unit, o.direction, o.baseline) == ("collective-income", 35.0, "万元", "up", 2.0)


@pytest.mark.parametrize("text, value, baseline", [
    ("三、取得成效\n3年间，公司的党员从建支部时的6人增加到了21人。", 21.0, 6.0),     # the start named by its event (r624)
    # … or as the time before it (r2606), and a yearly average as the start (r2600)
    ("三、取得成效\n患者满意度由改革推行前的86.62分提高到90.61分。", 90.61, 86.62),
    ("三、取得成效\n村里的矛盾纠纷从每年平均5起降到了3起。", 3.0, 5.0),
])
def test_a_change_from_a_start_named_by_what_happened_then(text, value, baseline):
    [o] = outcomes(text)
    assert (o.value, o.baseline) == (value, baseline)


def test_a_starting_figure_before_a_comma_and_a_later_year_is_a_baseline():
    # "从投产当年的4600万元，到2021年已攀升至8亿元": 4600 is where it started (r619)
    got = outcomes("三、取得成效\n出口产值则从投产当年的4600万元，到2021年已攀升至8亿元。")
    assert 4600.0 not in [o.value for o in got] and 8.0 in [o.value for o in got]


def test_percentages_counts_and_durations():
    found = outcomes("三、取得成效\n群众满意度达到98.5%，投诉量下降了百分之六十，平均响应时间缩短到15分钟，累计服务两千余人次。")
    got = {(o.metric, o.value, o.unit, o.direction) for o in found}
    assert ("satisfaction", 98.5, "%", "up") in got
    assert ("complaints", 60.0, "%", "down") in got
    assert ("response-time", 15.0, "分钟", "down") in got
    [served] = [o for o in found if o.value == 2000.0]
    assert served.unit == "人次" and served.approx    # "两千余人次": the unit stays whole, the 余 becomes approx


def test_baselines_in_problem_sentences_and_years_are_not_outcomes():
    got = outcomes("一、面临问题\n2015年以前，村集体收入不足1万元，是有名的空壳村。\n三、取得成效\n2020年村集体收入达到50万元。")
    assert [(o.value, o.unit) for o in got] == [(50.0, "万元")]


def test_qualitative_honours_and_promotion():
    got = outcomes("三、取得成效\n该村获评全国乡村治理示范村，做法被省委组织部在全省推广。")
    assert {o.metric for o in got} <= {"honour", "promotion"} and got
    assert all(o.value is None for o in got)


def test_cooccurrence_synonyms_match_within_one_sentence_only():
    text = normalise("这里集体经济一度很薄弱。另一句说停车。还有一句说难。")
    spans = [(s.start, s.end) for s in split(text)]
    found = {c.id for _, c, _ in TX.match_spans(text, spans)}
    assert found == {"problem:weak-economy"}


def test_names_resolve_to_concepts():
    assert TX.resolve_name("Model", "支部领办合作社").id == "model:branch-led-cooperative"
    assert TX.resolve_name("Model", "不存在") is None
    assert "领办合作社" in TX.user_dictionary()


def test_candidate_concepts_are_names_not_sentence_fragments():
    """A phrase that looks like a problem/measure but matches no concept is kept as a candidate — named by
    the phrase itself, not by the syntax around it, and never when it only restates a known concept."""
    from djkg.ingest.extract import extract
    from djkg.ingest.readers import RawDoc

    text = ("一、存在问题\n其起点应是对商户与管理方矛盾的回应。针对这一问题，街道多次研究。"
            "当时面临流动党员管理难。\n"
            "二、主要做法\n社区建立了联系卡制度，并开展“局长走流程”。打造成为亮丽名片。")
    case = extract(RawDoc(source="t.txt", text=text, meta={"title": "测试", "region": "浙江省杭州市"}))
    problems = {m.name for m in case.problems if m.candidate}
    measures = {m.name for m in case.measures if m.candidate}
    assert "商户与管理方矛盾" in problems
    assert not any("这一" in p or "问题" == p for p in problems)
    assert "流动党员管理难" not in problems        # a known synonym → the known concept, not a candidate
    assert any(m.id == "problem:mobile-members-hard-to-manage" for m in case.problems)
    assert "联系卡制度" in measures
    assert not any("名片" in m for m in measures)


def test_a_named_candidate_and_its_kind_are_one_candidate():
    """"“一单通达”机制" and "“一单通达”" name one thing: a reviewer sees one candidate with its cases, not two."""
    from djkg.ingest.candidates import group_key
    from djkg.ingest.extract import extract
    from djkg.ingest.readers import RawDoc

    assert group_key("“一单通达”机制") == group_key("“一单通达”") == group_key("一单通达")
    assert group_key("“红色”驿站") != group_key("“红色”议事会")     # two characters are too common a core
    text = ("二、主要做法\n街道推出“三色夜巡”机制，每晚分片巡查。又在各小区设立“三色夜巡”岗，居民随时反映。")
    case = extract(RawDoc(source="t.txt", text=text, meta={"title": "测试", "region": "浙江省杭州市"}))
    named = [m for m in case.measures if m.candidate and "三色夜巡" in m.name]
    assert len(named) == 1, [m.name for m in named]


def test_a_cooperative_named_in_quotation_marks_is_an_organisation_not_a_measure():
    from djkg.ingest.candidates import _clean
    assert not _clean("“莒南县农联农机专业合作社”")
    assert _clean("“积分超市”") and _clean("“一单通达”机制")


@pytest.mark.parametrize("sentence, named, not_named", [
    ("以前公共收益难管、业委会难换届，居民意见很大。", {"公共收益难管", "业委会难换届"}, {"业委会难"}),
    ("过去这里基层治理难度大，群众反映停车难。", {"停车难"}, {"基层治理难", "群众反映停车难"}),
    ("以前工作难以推进，居民的难事没人管。", set(), {"工作难", "居民的难"}),
    ("税收大数据帮困难企业找到了销路。", set(), {"税收大数据帮困难", "税收大数据帮困难企业"}),   # 困难 is one word
])
def test_a_problem_candidate_is_the_difficultys_whole_name(sentence, named, not_named):
    from djkg.ingest.candidates import _problem_phrases
    got = set(_problem_phrases(sentence))
    assert named <= got and not (not_named & got)


def test_a_synonym_matches_with_an_aspect_particle_inside_it():
    """拧成一股绳 is as often written 拧成了一股绳 (r632); 了 of 说了算 or 了解 stays a character of its word."""
    tx = Taxonomy({"measures": [{"id": "one-rope", "name": "党建业务融合", "synonyms": ["党建&拧成一股绳&生产"]}],
                   "problems": [{"id": "one-voice", "name": "一言堂", "synonyms": ["书记&说了算"]}]})
    for text, key in (("党建和生产经营拧成了一股绳。", "one-rope"), ("党建和生产拧成一股绳。", "one-rope"),
                      ("过去村里书记说了算。", "one-voice")):
        spans = [(s.start, s.end) for s in split(text)]
        assert [c.key for _, c, _ in tx.match_spans(text, spans)] == [key], text
    text = "党建的事他了解，生产上拧不成一股绳。"
    assert tx.match_spans(text, [(s.start, s.end) for s in split(text)]) == []


def test_a_synonym_matches_with_quotation_marks_around_part_of_it():
    """Reports put a word's first part in quotation marks for emphasis: "这是个“空壳”村" is a 空壳村 (r2123), "“三无”
    小区" a 三无小区. A quoted term that ends a phrase joins nothing: "叫“空壳”，村里…" names no 空壳村."""
    tx = Taxonomy({"problems": [{"id": "shell", "name": "集体经济薄弱", "synonyms": ["空壳村"]},
                                {"id": "unmanaged", "name": "老旧小区无人管理", "synonyms": ["三无小区"]}]})
    for text, key in (("说到底，这是个“空壳”村，连打印纸都得赊着买。", "shell"), ("这里原是“三无”小区。", "unmanaged"),
                      ("这里原是「三无」小区。", "unmanaged"), ("这是个空壳村。", "shell")):
        spans = [(s.start, s.end) for s in split(text)]
        assert [c.key for _, c, _ in tx.match_spans(text, spans)] == [key], text
    text = "大家把它叫“空壳”，村里人听了不服气。"
    assert tx.match_spans(text, [(s.start, s.end) for s in split(text)]) == []


def test_everyday_variants_of_a_synonym_match():
    """People write 没收入 as often as 没有收入: each synonym also matches with the other form."""
    tx = Taxonomy({"problems": [{"id": "no-income", "name": "集体无收入", "synonyms": ["集体&没有收入", "没钱办事"]}]})
    for text in ("村集体没收入。", "村集体没有收入。", "村里没有钱办事。"):
        spans = [(s.start, s.end) for s in split(text)]
        assert [c.key for _, c, _ in tx.match_spans(text, spans)] == ["no-income"], text


def test_wordings_read_in_reports_name_known_concepts_keep_their_sources_and_are_matched():
    import yaml
    from importlib import resources
    from djkg.ingest.taxonomy import taxonomy
    entries = yaml.safe_load(resources.files("djkg.ingest").joinpath("data", "report_forms.yaml")
                             .read_text(encoding="utf-8"))
    tx = taxonomy()
    assert entries
    for e in entries:
        assert e["concept"] in tx.by_id and e["form"] in tx.by_id[e["concept"]].synonyms
        assert e["sources"] and all(u.startswith("http") for u in e["sources"])
    from djkg.ingest.extract import extract
    from djkg.ingest.readers import RawDoc
    c = extract(RawDoc(source="t.txt", text="某社区党委带着辖区单位结成党建共同体，一起给居民办实事。", meta={}))
    assert "measure:joint-building" in {m.id for m in c.measures}


@pytest.mark.parametrize("text", [
    "收费所党支部的思路是用党建给业务添力，领着所站往前走。",                       # (r563)
    "队里把支部建在水域救援第一线，党员冲在最前面。",                               # (r355)
    "公司党委让党建和生产相互促进，一线班组的难题由党员牵头攻关。",
    "推广总站的党支部把支部建在了早稻高产攻关的田头。",                              # (r645)
    "集团把党建作为抓手，将党的组织建到项目上，党员领着工人一道道闯关。",           # (r652)
    "交警支队把“以党建带队建、以队建促业务”作为工作思路。",                         # (r659)
])
def test_party_work_and_the_business_made_one_in_the_words_reports_use(text):
    from djkg.ingest.extract import extract
    from djkg.ingest.readers import RawDoc
    c = extract(RawDoc(source="t.txt", text=text, meta={}))
    assert "measure:party-business-integration" in {m.id for m in c.measures}


@pytest.mark.parametrize(("fragment", "name"), [("行业工会联合会同步吸纳货运企业156家、货车司机", "货车司机"),
                                               ("全区便民热线平台共收到群众工单", "群众工单")])
def test_a_word_of_our_own_dictionary_can_name_what_was_counted(fragment, name):
    # our dictionary's words join jieba without a part of speech (tag x); the noun phrase before a figure dropped
    # them and the outcome was shown without a name
    from djkg.ingest.outcomes import noun_phrase
    assert noun_phrase(fragment) == name


@pytest.mark.parametrize("text, hoped", [("可达", True), ("年产值可再增加", True), ("可实现", True),
                                         ("认可达", False), ("许可增", False), ("批准许可", False)])
def test_可_hopes_unless_it_ends_认可_or_许可(text, hoped):
    from djkg.ingest.outcomes import _PLAN, _PLAN_BEHIND
    assert bool(_PLAN_BEHIND.search(text)) is hoped
    assert bool(_PLAN.search(text)) is hoped


def test_segmentation_caches_follow_a_change_of_the_user_dictionary(tmp_path):
    """A concept accepted in review puts its words into jieba; what was cut before with the old dictionary (unit
    names, outcome fragments, candidate phrases are cached) is cut again, as a fresh process would."""
    import jieba.posseg as pseg

    from djkg.ingest import candidates, taxonomy, units
    from djkg.ingest.accepted import empty, write
    phrase = "柳树湾合作联社"
    before = units._words(phrase)
    decisions = empty()
    decisions["measures"] = [{"id": "liushuwan-lianshe", "name": phrase, "category": "产业发展"}]
    write(tmp_path / "accepted_concepts.yaml", decisions)
    taxonomy.use_accepted_concepts(tmp_path / "accepted_concepts.yaml")
    try:
        taxonomy.tokenizer()
        fresh = tuple((p.word, p.flag) for p in pseg.cut(phrase, HMM=False))
        assert phrase in [w for w, _ in fresh] and fresh != before    # the new word does cut it otherwise
        assert units._words(phrase) == fresh and candidates._words(phrase) == fresh
    finally:
        taxonomy.use_accepted_concepts(None)
        taxonomy.tokenizer()
    assert units._words(phrase) == before

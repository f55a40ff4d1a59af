"""A case's title is the report's headline, not the page around it: real reports open with a site's name, a column
tag, a date, a byline or a repost note before (or instead of) the headline, and the case list shows whatever was
taken. The figures are measured on two annotated title sets (tests/gold/titles_*.yaml; tests/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from djkg.ingest.extract import extract
from djkg.ingest.readers import RawDoc
from djkg.services.evaluation import evaluate_titles

GOLD = Path(__file__).parent / "gold"
BODY = "\n\n柳树村党支部领办合作社，把撂荒的坡地流转过来统一种苹果，过去村集体一年收入不到两万元，如今达到35万元。\n"


def title_of(top: str) -> str:
    return extract(RawDoc(source="a.txt", origin="a.txt", text=top + BODY)).title


@pytest.mark.parametrize("furniture", [
    "（转载自《法制日报》）", "（文摘 2024-08-21 浙江）", "（网页转载，2018年8月25日）",     # notes in brackets
    "本报嵩明讯", "洛阳网讯（2024年11月22日）", "中新网重庆7月7日电（2024年）",              # datelines
    "本报记者祝大伟刘以晴", "文/杜燕飞王静", "作者：孙晓霞", "西宁公交集团有限责任公司供稿",    # bylines, credits
    "凤凰网甘肃 2022年11月6日", "天府信息快讯 2023-06-25 来源：综合", "2025年7月10日",        # outlets, dates
    "点击上方蓝字 关注我们", "网易山西 > 正文", "吉林市教育 | 公众号推送", "中国工商报", "党群园地",
])
def test_page_furniture_above_the_headline_is_passed_over(furniture):
    assert title_of(f"{furniture}\n\n柳树村：荒坡变成了果园") == "柳树村：荒坡变成了果园"


@pytest.mark.parametrize("furniture", ["（转载自《法制日报》）", "本报记者祝大伟刘以晴", "作者：孙晓霞", "中国工商报"])
def test_a_report_without_a_headline_is_titled_by_its_opening_not_by_its_furniture(furniture):
    assert title_of(furniture).startswith("柳树村党支部领办合作社")


@pytest.mark.parametrize(("line", "title"), [
    ("【转载】山邑村：撂荒地上开出千亩红莲", "山邑村：撂荒地上开出千亩红莲"),          # a repost's tag
    ("【基层动态】西昌卷烟厂卷包车间：党员示范岗跑出“加速度”", "西昌卷烟厂卷包车间：党员示范岗跑出“加速度”"),
    ("〔转帖〕四川蓬安：集体经济壮起来 村民腰包鼓起来", "四川蓬安：集体经济壮起来 村民腰包鼓起来"),
    ("咱们的小康路 | 白沙：“两新”党组织助力脱贫攻坚", "白沙：“两新”党组织助力脱贫攻坚"),     # a series' name
    ("【龙岩：机关干部沉到一线，帮企业破解发展难题】", "龙岩：机关干部沉到一线，帮企业破解发展难题"),  # wrapped
    ("【电视新闻稿】栏目：乡村振兴进行时 标题：“养猪村”变身记", "“养猪村”变身记"),       # a script's field
    ("人人都是一面旗——记者走访海天集装箱公司", "人人都是一面旗——记者走访海天集装箱公司"),  # 记者 in a headline
])
def test_a_column_or_repost_tag_is_not_part_of_the_headline(line, title):
    assert title_of(line) == title


def test_a_line_that_only_names_the_publisher_or_leads_in_heads_the_headline_below_it():
    assert title_of("青岛大学党委组织部\n\n党建引领促业务 护航健康谱新篇") == "党建引领促业务 护航健康谱新篇"
    assert title_of("凤阳经济开发区——\n\n用高质量党建为园区发展“加马力”") == "用高质量党建为园区发展“加马力”"
    assert title_of("【“四强”党支部巡礼】\n\n掘进头上党旗红——记漳村煤矿综掘一队党支部") == \
        "掘进头上党旗红——记漳村煤矿综掘一队党支部"


def test_an_opening_sentence_standing_in_for_a_headline_says_where_it_was_cut():
    long = "2025年，锡林郭勒盟总商会党委一直把习近平新时代中国特色社会主义思想作为行动指南，把党的二十大精神落到实处。"
    title = extract(RawDoc(source="a.txt", origin="a.txt", text=long + "\n\n正文。")).title
    assert title.endswith("…") and long.startswith(title[:-1]) and len(title) == 41
    tagged = extract(RawDoc(source="a.txt", origin="a.txt", text="【龙岩：机关干部沉到一线，帮企业破解发展难题】\n\n正文。"))
    assert tagged.title == "龙岩：机关干部沉到一线，帮企业破解发展难题"      # a headline is never marked cut
    assert title_of("本报记者祝大伟刘以晴").endswith("…")   # (BODY's opening sentence runs past 40 characters)
    short = extract(RawDoc(source="a.txt", origin="a.txt", text="柳树村办起了合作社。\n\n正文。")).title
    assert short == "柳树村办起了合作社"                     # a whole sentence: nothing cut


def test_the_headline_keeps_its_numerals_as_written():
    """Extraction reads "十五年" as 15 years (normalise); the headline a reader sees says 十五年."""
    assert title_of("十五年，一个异地商会的“党建促会建”之路") == "十五年，一个异地商会的“党建促会建”之路"
    assert title_of("沙荒地上的“二次创业”") == "沙荒地上的“二次创业”"


def test_a_headline_over_two_lines_and_an_opening_sentence_keep_their_numerals_as_written():
    assert title_of("紫阳县委办党支部：\n三个联建办实事") == "紫阳县委办党支部：三个联建办实事"
    opening = extract(RawDoc(source="a.txt", origin="a.txt", text=(
        "七年前，村里一年要经手的民事调解有五十件\n\n如今一年不到五件。"))).title
    assert opening == "七年前，村里一年要经手的民事调解有五十件"


def test_a_short_line_wholly_in_brackets_is_the_headline_when_none_follows_it():
    # a column's tag above a headline ("【企业家年会·高端对话实录】") or the headline itself
    assert title_of("【三年建成五个示范点】") == "三年建成五个示范点"
    tagged = extract(RawDoc(source="a.txt", origin="a.txt", text="【企业家年会·高端对话实录】\n柳树村办起了合作社\n\n正文。"))
    assert tagged.title == "柳树村办起了合作社"


def test_a_line_of_the_body_below_the_opening_paragraph_is_never_the_headline():
    text = ("（配图为资料图片，仅供参考）\n\n这几年，开发区的市场监督管理局把力气用在小微企业、个体工商户和专业市场的"
            "党组织上，让这些党组织不光建起来，还要强起来。\n\n——“芜湖市高质量发展先进集体”（授予公司）；\n")
    assert extract(RawDoc(source="a.txt", origin="a.txt", text=text)).title.startswith("这几年")


# figures on the annotated sets: the development sample was read for the rules above, the sealed one only scored
# (first measured 2026-12-04 with the code before them: development 0.688 / 0.310, sealed 0.583 / 0.400)
@pytest.mark.parametrize(("gold", "found", "taken"), [("titles_dev.yaml", 0.97, 0.02),
                                                      ("titles_sealed.yaml", 0.80, 0.10)])
def test_the_headline_is_found_in_annotated_real_reports(gold, found, taken):
    result = evaluate_titles(GOLD / gold)
    assert result["headline"]["n"] >= 170 and result["no_headline"]["n"] >= 80
    assert result["headline"]["accuracy"] >= found, result["misses"][:10] if "dev" in gold else ""
    assert result["no_headline"]["share"] <= taken

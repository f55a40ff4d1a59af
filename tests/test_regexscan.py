"""``regexscan.Prefiltered``: the same matches as ``Pattern.finditer``, visiting only the characters a match can
begin with."""

import re

import pytest

from djkg.ingest import units
from djkg.ingest.regexscan import Prefiltered, first_chars

from conftest import gold_and_corpus_texts


def spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


def test_first_characters_skip_look_behinds_and_optional_parts():
    pattern = re.compile(r"(?<![乡农])村(?!民)|[煤铁]矿|(?:有限)?公司|第?[一二]中")
    assert first_chars(pattern) == frozenset("村煤铁有公第一二")


@pytest.mark.parametrize("source", [r".村", r"[^，]村", r"[\u4e00-\u9fff]村", r"村?", r"(?i)ab", r"\w+村"])
def test_a_pattern_whose_start_cannot_be_bounded_has_no_first_characters(source):
    assert first_chars(re.compile(source)) is None


def test_an_unbounded_pattern_is_scanned_as_before():
    pattern = re.compile(r"[\u4e00-\u9fff]{2}村")
    text = "走进何家村，又到李庄村。"
    assert spans(Prefiltered(pattern).finditer(text)) == spans(pattern.finditer(text))


def test_a_look_behind_sees_the_text_before_the_character_tried():
    pattern = re.compile(r"(?<![乡农])村(?!民)")
    text = "乡村振兴，农村改革，村民议事，何家村"
    assert spans(Prefiltered(pattern).finditer(text)) == [(17, 18, "村")]


def test_matches_do_not_overlap_and_the_first_alternative_wins_as_in_finditer():
    pattern = re.compile(r"公司|有限公司|司法所")
    text = "某某有限公司司法所公司"
    assert spans(Prefiltered(pattern).finditer(text)) == spans(pattern.finditer(text))


def test_organisation_words_are_found_where_finditer_finds_them_in_every_gold_and_corpus_text():
    scan = Prefiltered(units._ORG_RE)
    assert first_chars(units._ORG_RE), "the organisation words should have bounded first characters"
    texts = gold_and_corpus_texts()
    assert len(texts) > 1000
    for text in texts:
        assert spans(scan.finditer(text)) == spans(units._ORG_RE.finditer(text))


def test_the_unit_finders_scan_tries_only_the_words_a_character_begins_and_finds_what_finditer_finds():
    # (units._ORG_SCAN: at each character a word can begin with, the words that begin with it, in their order)
    for text in gold_and_corpus_texts():
        assert spans(units._ORG_SCAN.finditer(text)) == spans(units._ORG_RE.finditer(text))
    text = "乡村振兴，农村改革，何家村、李庄社区和某某有限公司"
    assert spans(units._ORG_SCAN.finditer(text)) == spans(units._ORG_RE.finditer(text))


def test_search_is_the_leftmost_match_as_in_search():
    pattern = re.compile(r"(?:(?<![还但])是|作为)一家[\u4e00-\u9fff]{2}企业")
    scan = Prefiltered(pattern)
    for text in ("该公司还是一家民营企业，作为一家国有企业", "它是一家民营企业", "没有所说的那种", ""):
        found, expected = scan.search(text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_a_firms_stated_ownership_is_found_where_search_finds_it_in_every_gold_and_corpus_text():
    from djkg.ingest import industry
    for text in gold_and_corpus_texts():
        found, expected = industry._OWNERSHIP_SCAN.search(text), industry._OWNERSHIP_STATED.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_figures_are_tried_only_where_one_can_start_and_found_where_finditer_finds_them():
    # (outcomes._QUANTITIES: _QUANTITY matched at the characters _FIGURE_START finds, not tried at every character)
    from djkg.ingest import outcomes
    for text in gold_and_corpus_texts(normalised=True):
        assert spans(outcomes._QUANTITIES.finditer(text)) == spans(outcomes._QUANTITY.finditer(text))
    for text in ("第3批共12个村，近300户、约1.5万人，逾20%", "2.5亿元，超100家，3-4次"):
        assert spans(outcomes._QUANTITIES.finditer(text)) == spans(outcomes._QUANTITY.finditer(text))


def test_a_state_firms_honours_are_found_where_finditer_finds_them_in_every_gold_and_corpus_text():
    from djkg.ingest import industry
    assert first_chars(industry._HONOUR_AFTER), "the honours should have bounded first characters"
    for text in gold_and_corpus_texts():
        assert spans(industry._HONOUR_AFTER_SCAN.finditer(text)) == spans(industry._HONOUR_AFTER.finditer(text))


@pytest.mark.parametrize("module, scan, pattern", [("industry", "_SOE_HONOUR_SCAN", "_SOE_HONOUR"),
                                                   ("extract", "_BRAND_SCAN", "_BRAND")])
def test_a_state_honour_and_a_brand_are_found_where_search_finds_them_in_every_gold_and_corpus_text(module, scan, pattern):
    import importlib
    mod = importlib.import_module(f"djkg.ingest.{module}")
    found_any = False
    for text in gold_and_corpus_texts():
        found, expected = getattr(mod, scan).search(text), getattr(mod, pattern).search(text)
        assert (found and found.span()) == (expected and expected.span())
        found_any = found_any or expected is not None
    assert found_any


def test_a_texts_references_to_its_units_kind_are_counted_as_findall_counts_them_in_every_gold_and_corpus_text():
    # (units._anaphora: each kind's references, tried only at 该, 本, 全, 这 and the kind's own first character)
    kinds = re.findall(r"[\u4e00-\u9fff]+", units._KIND_END.pattern) + ["行", "部"]   # (every kind _kind gives)
    texts = gold_and_corpus_texts()
    found_any = False
    for kind in kinds:
        scan = units._anaphora(kind)
        assert scan._skip is not None, kind
        for text in texts:
            body = text[:4000]
            assert spans(scan.finditer(body)) == spans(scan.pattern.finditer(body))
            found_any = found_any or scan.search(body) is not None
    assert found_any

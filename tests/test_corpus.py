"""The shipped case library (data/cases/) is documented, checkable and broad enough to compare models: the corpus
check's numbers are guarded here, and the library ingests whole."""

from __future__ import annotations

import re

from djkg.ingest.readers import RawDoc, Skipped, read_all
from djkg.queries.cases import list_cases
from djkg.queries.index import model_index
from djkg.queries.models import list_models
from djkg.services.corpus import check_corpus

from conftest import CORPUS

CANONICAL = ["党支部领办合作社", "红色物业", "街乡吹哨、部门报到", "枫桥经验", "小微权力清单", "乡村治理积分制",
             "网格化管理、组团式服务", "在职党员进社区“双报到”", "区域化党建联建", "楼宇党建", "新就业群体党建",
             "流动党员驿站", "教师党支部书记“双带头人”", "机关党建与业务“双融双促”", "党员责任区和示范岗", "驻村第一书记",
             "接诉即办", "枢纽型社会组织党建", "一支部一品牌"]


def test_the_corpus_check_passes_on_the_shipped_library():
    """≥ 200 cases, ≥ 85% documented with a URL, every model ≥ 5 documented cases in ≥ 3 provinces, every field
    ≥ 15, ≥ 28 provinces, ≥ 30 local brands, start years spread 2005–2025, no unit twice with one start year,
    every write-up 300–2000 characters, start year never after the report."""
    report = check_corpus(CORPUS)
    assert report.ok, ([c for c in report.checks if not c.ok], report.problems[:10])


def test_the_corpus_check_finds_what_is_wrong(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: 甲\nunit: 某村党支部\nyear: 2023\nreported: 2021-05-01\nregion: 火星\n"
                                   "industry: 农村\nstyle: 新闻报道\nsource: 某报\nillustrative: false\n---\n"
                                   + "村里办起了合作社。" * 10, encoding="utf-8")
    report = check_corpus(tmp_path)
    problems = " ".join(p["problem"] for p in report.problems)
    for expected in ("来源没有网址", "晚于报道日期", "正文", "无法识别"):
        assert expected in problems, problems
    assert not report.ok and not next(c for c in report.checks if c.name == "cases").ok


def test_every_file_ingests(corpus_ingest):
    _, report = corpus_ingest
    assert report.failed == 0, [(i.source, i.error) for i in report.items if i.error]
    assert report.inserted >= 200


def test_every_model_is_in_the_graph_with_its_cases(corpus_store):
    models = {m.name: m for m in list_models(model_index(corpus_store))}
    assert sorted(models) == sorted(CANONICAL)
    for name in CANONICAL:
        assert models[name].cases >= 5 and models[name].maturity.provinces >= 3, name


def test_every_reader_is_exercised_and_documented_cases_cite_a_url():
    suffixes: dict[str, int] = {}
    for doc in read_all([CORPUS]):
        if isinstance(doc, Skipped):
            assert doc.source == "README.md"   # the library's own description, listed as not a write-up
            continue
        assert isinstance(doc, RawDoc), doc
        suffix = doc.source.split("#")[0].rsplit(".", 1)[1]
        suffixes[suffix] = suffixes.get(suffix, 0) + 1
        if not doc.meta.get("illustrative"):
            assert any(s.get("url", "").startswith("http") for s in doc.meta.get("source") or []), doc.source
        assert not doc.meta.get("synthetic"), doc.source
    assert suffixes.get("docx", 0) >= 2 and suffixes.get("pdf", 0) >= 2 and suffixes.get("jsonl", 0) >= 5
    assert suffixes.get("md", 0) >= 150


def test_illustrative_cases_are_few_and_say_so(corpus_store):
    cases = list_cases(corpus_store, limit=10000)
    shown = [c for c in cases if c["illustrative"]]
    assert len(shown) <= 0.15 * len(cases)
    assert sum(1 for c in cases if "slogan_heavy" in c["flags"]) >= 2     # the weak write-ups stay, flagged


def test_no_sentence_is_copied_between_write_ups():
    """No sentence of 15 or more characters appears in two write-ups (templated text makes a library look larger
    than it is)."""
    seen: dict[str, str] = {}
    for doc in (d for d in read_all([CORPUS]) if isinstance(d, RawDoc)):
        for sentence in re.split(r"[。！？\n]", doc.text):
            sentence = sentence.strip()
            if len(sentence) >= 15 and not sentence.startswith("（示意"):   # the illustrative-case notice
                assert seen.setdefault(sentence, doc.source) == doc.source, (sentence, doc.source, seen[sentence])

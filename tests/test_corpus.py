"""The shipped corpus (data/cases/) makes djkg useful on day one: these numbers are guarded here."""

from __future__ import annotations

from collections import defaultdict

from djkg.graph.schema import FIELDS
from djkg.ingest.readers import RawDoc, read_all
from djkg.queries.cases import list_cases
from djkg.queries.index import model_index
from djkg.queries.models import list_models

from conftest import CORPUS

CANONICAL = ["党支部领办合作社", "红色物业", "街乡吹哨、部门报到", "枫桥经验", "小微权力清单", "乡村治理积分制",
             "网格化管理、组团式服务", "在职党员进社区“双报到”", "区域化党建联建", "楼宇党建", "新就业群体党建",
             "流动党员驿站", "教师党支部书记“双带头人”", "机关党建与业务“双融双促”", "党员责任区和示范岗", "驻村第一书记",
             "接诉即办", "枢纽型社会组织党建", "一支部一品牌"]


def test_every_file_ingests(corpus_ingest):
    _, report = corpus_ingest
    assert report.failed == 0, [(i.source, i.error) for i in report.items if i.error]
    assert report.inserted >= 80


def test_all_19_models_have_3_cases_in_3_cities(corpus_store):
    models = {m.name: m for m in list_models(model_index(corpus_store))}
    assert sorted(models) == sorted(CANONICAL)
    for name in CANONICAL:
        m = models[name]
        assert m.cases >= 3, name
        assert m.maturity.cities >= 3, (name, m.cities)


def test_provinces_and_fields_are_covered(corpus_store):
    cases = list_cases(corpus_store, limit=10000)
    provinces = {c["region"]["province"] for c in cases if c["region"]["province"]}
    assert len(provinces) >= 20, sorted(provinces)
    per_field = defaultdict(int)
    for c in cases:
        per_field[c["industry"]["field"]] += 1
    for f in FIELDS:
        assert per_field[f] >= 5, (f, dict(per_field))


def test_every_reader_is_exercised_and_every_case_is_sourced():
    suffixes = defaultdict(int)
    for doc in read_all([CORPUS]):
        assert isinstance(doc, RawDoc), doc
        suffixes[doc.source.split("#")[0].rsplit(".", 1)[1]] += 1
        if doc.fmt in ("md", "jsonl"):
            assert doc.meta.get("source") or doc.meta.get("illustrative"), doc.source
        assert not doc.meta.get("synthetic"), doc.source
    assert suffixes["docx"] >= 2 and suffixes["jsonl"] >= 1 and suffixes["txt"] >= 1 and suffixes["md"] >= 50


def test_corpus_has_local_brands_and_weak_write_ups(corpus_store):
    cases = list_cases(corpus_store, limit=10000)
    assert sum(1 for c in cases if c["model"] is None or c["model"].get("candidate")) >= 3
    assert sum(1 for c in cases if "slogan_heavy" in c["flags"] or "no_problem" in c["flags"]) >= 2


def test_write_ups_are_400_to_1500_characters_and_not_templated():
    """Realistic variety: each write-up is 400–1500 characters (whitespace excluded) and no sentence of 15 or
    more characters is copied between two of them (templated closings make a corpus look larger than it is)."""
    import re

    seen: dict[str, str] = {}
    for doc in (d for d in read_all([CORPUS]) if isinstance(d, RawDoc)):
        if doc.source.endswith(".jsonl") or "README" in doc.source:
            continue
        n = len(re.sub(r"\s", "", doc.text))
        assert 400 <= n <= 1500, (doc.source, n)
        for sentence in re.split(r"[。！？\n]", doc.text):
            sentence = sentence.strip()
            if len(sentence) >= 15 and not sentence.startswith("（示意"):   # the illustrative-case notice
                assert seen.setdefault(sentence, doc.source) == doc.source, (sentence, doc.source, seen[sentence])

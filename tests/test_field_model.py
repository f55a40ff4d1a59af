"""The field model (djkg/ingest/field_model.py): a second reading of a write-up's field from its words and the rules'
decision. It decides only what the write-up does not declare, says so when it overrules the rules (``learned``, a
confidence below 1), and never reads a sealed gold set."""

import json
import sys
from pathlib import Path

import pytest

from djkg.ingest import field_model
from djkg.ingest.extract import extract
from djkg.ingest.readers import RawDoc, read_path

GOLD = Path(__file__).parent / "gold"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "cases"
# real reports retold (development sets), annotated 国有企业 and 非公有制经济组织 by their authors:
# a metro company's station team, whose "地铁…站" and 志愿服务 read to the rules as a government body's work
METRO = GOLD / "extraction_real53" / "r1455-taiyuan-ditie-danan-men.txt"
# a private group whose text names no kind of unit the rules know (annotated 非公有制经济组织): they give it no field
PRIVATE_GROUP = GOLD / "extraction_real39" / "r1075-hongdoujituan.txt"


def _doc(path: Path) -> RawDoc:
    return next(d for d in read_path(path) if isinstance(d, RawDoc))


def test_the_shipped_model_loads_with_the_seven_fields():
    from djkg.graph.schema import FIELDS
    model = field_model.shipped()
    assert model is not None
    assert sorted(model.fields) == sorted(FIELDS)
    assert len(model.intercepts) == len(model.fields)
    assert all(len(row) == len(model.fields) for row in model.rows.values())


def test_a_file_fitted_to_other_features_is_refused(tmp_path):
    data = json.loads(field_model.MODEL_PATH.read_text(encoding="utf-8"))
    data["features_version"] = field_model.FEATURES_VERSION + 1
    path = tmp_path / "field_model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(field_model.ModelFileError, match="train_field_model"):
        field_model.load(path)


def test_without_a_file_the_rules_decide_alone(tmp_path):
    assert field_model.load(tmp_path / "absent.json") is None


def test_the_rules_decision_is_two_features():
    assert field_model.rule_features("国有企业", 1.0) == ["rule=国有企业", "rule1=国有企业"]
    assert field_model.rule_features("国有企业", 0.7) == ["rule=国有企业"]
    assert field_model.rule_features(None, None) == []


def test_where_the_rules_misread_the_unit_the_model_reads_the_annotated_field_and_says_so():
    with field_model.rules_only():
        by_rules = extract(_doc(METRO)).industry
    case = extract(_doc(METRO))
    assert by_rules["field"] == "机关" and "learned" not in by_rules
    assert case.industry["field"] == "国有企业"
    assert case.industry["learned"] is True
    # the model's probability is the confidence: below the rules' certainty, above the bar a model's field list uses
    assert field_model.shipped().threshold <= case.industry["confidence"] < 1.0


def test_a_write_up_the_rules_give_no_field_keeps_none():
    # nothing the rules know names the kind of unit (or their exclusions left nothing): a guess from the words alone
    # would give a meeting notice a field and make it a case
    with field_model.rules_only():
        assert extract(_doc(PRIVATE_GROUP)).industry["field"] is None
    assert extract(_doc(PRIVATE_GROUP)).industry["field"] is None
    assert field_model.shipped().rereads("会议安排：周五下午三点在三楼会议室开会。", None, None) is None


def test_a_doubtful_reading_leaves_the_rules_field():
    # the model reads the tobacco shopkeepers' branch as a state firm's (烟草), but not surely enough to overrule the
    # ownership its name states
    from test_real_text import case
    text = "永兴县烟草零售户党支部推行党员责任区，党员带头服务群众，半年来解决问题30件。"
    model = field_model.shipped()
    field, p = model.decide(text, "非公有制经济组织", 0.35)
    assert field != "非公有制经济组织" and p < model.threshold
    assert case(text, unit="永兴县烟草零售户党支部").industry["field"] == "非公有制经济组织"


def test_where_the_model_agrees_the_rules_reading_stands_unchanged():
    # a state heating firm the rules read as one, but unsure of it: the model agrees, and the rules' reading (their
    # confidence too) stands
    doc = _doc(GOLD / "extraction_real47" / "r1251-binhaigongre.txt")
    with field_model.rules_only():
        by_rules = extract(doc).industry
    assert by_rules["field"] == "国有企业" and by_rules["confidence"] < 0.6
    assert extract(doc).industry == by_rules


def test_a_declared_field_is_never_read_again():
    # every corpus write-up declares its field in its front matter: the model leaves all of them as the rules do
    from djkg.ingest.readers import read_all
    docs = [d for d in read_all([CORPUS]) if isinstance(d, RawDoc) and d.meta.get("industry")]
    assert len(docs) > 50
    for doc in docs:
        industry = extract(doc).industry
        with field_model.rules_only():
            assert industry == extract(doc).industry, doc.source
        assert "learned" not in industry


def test_rules_only_ends_with_its_block_even_on_an_error():
    with pytest.raises(RuntimeError):
        with field_model.rules_only():
            assert field_model.active() is None
            raise RuntimeError
    assert field_model.active() is field_model.shipped()


def test_the_training_script_never_reads_a_sealed_set():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import train_field_model
    from djkg.services.evaluation import is_sealed
    sealed = [p.name for p in GOLD.iterdir() if p.is_dir() and p.name.startswith("extraction_real") and is_sealed(p)]
    assert sealed
    assert not set(sealed) & set(train_field_model.development_sets())
    with pytest.raises(SystemExit, match="sealed"):
        train_field_model.documents(sealed[0])
    trained = json.loads(field_model.MODEL_PATH.read_text(encoding="utf-8"))["trained_on"]
    assert trained and not set(trained) & set(sealed)
    assert all((GOLD / name / "gold.yaml").exists() for name in trained)


def test_a_learned_field_is_stored_as_such_and_the_case_page_says_so_until_an_editor_sets_it(tmp_path):
    from fastapi.testclient import TestClient

    from djkg.api.app import create_app
    from djkg.core.config import Settings
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_paths
    from djkg.queries.cases import case_record, list_cases
    from djkg.viz.labels import LEARNED_FIELD
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    try:
        ingest_paths([METRO], store)
        (case,) = list_cases(store)
        rec = case_record(store, case["id"], with_text=True)
        assert rec["industry"]["field"] == "国有企业" and rec["industry"]["learned"] is True
        settings = Settings(data_dir=tmp_path, api_key="k" * 32)
        with TestClient(create_app(settings, store=store)) as client:
            html = client.get(f"/cases/{case['id']}").text
            assert "国有企业" + (f"（{rec['industry']['sector']}）" if rec["industry"].get("sector") else "") \
                + LEARNED_FIELD in html
            # an editor who sets the field confirms it: no longer marked as read from the wording
            url = f"/api/v1/cases/{case['id']}"
            version = client.get(url).json()["version"]
            r = client.patch(url, headers={"X-API-Key": "k" * 32}, json={"version": version, "field": "国有企业"})
            assert r.status_code == 200, r.text
            assert "learned" not in r.json()["case"]["industry"]
            html = client.get(f"/cases/{case['id']}").text
            assert LEARNED_FIELD not in html.split("<dt>领域</dt>", 1)[1].split("</dd>", 1)[0]
    finally:
        store.close()


def test_the_field_models_words_from_the_measure_models_scan_are_those_of_its_own_scan_in_every_gold_and_corpus_text():
    # field_model.words_from_measure_scan: its words from the measure model's words and a scan for the few others
    from conftest import gold_and_corpus_texts
    from djkg.ingest import measure_model
    model, measures = field_model.shipped(), measure_model.shipped()
    texts = gold_and_corpus_texts(normalised=True)
    assert len(texts) > 1000
    for text in texts:
        assert field_model.words_from_measure_scan(model, text, measures.scanner.values_in(text)) == model.scanner.values_in(text)

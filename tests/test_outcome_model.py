"""The learned outcome model (djkg/ingest/outcome_model.py): a second opinion on every figure the outcome rules
judge, fitted to the development gold sets of real text, never to a sealed one."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from djkg.ingest import outcome_model
from djkg.ingest.extract import extract
from djkg.ingest.readers import RawDoc
from djkg.services.evaluation import is_sealed

from conftest import gold_and_corpus_texts

GOLD = Path(__file__).parent / "gold"


def figures(text: str) -> set[float]:
    return {o.value for o in extract(RawDoc("t.txt", text)).outcomes if o.value is not None}


def test_how_a_body_is_divided_is_no_result():
    text = ("福州市行政服务中心机关党委\n\n目前全中心共建有19个党支部，党员260名，其中行政服务中心按片区设8个支部，"
            "市民服务中心设6个支部。")
    with outcome_model.collect():
        assert {8.0, 6.0} <= figures(text)
    assert not {8.0, 6.0} & figures(text)


def test_a_figure_the_rules_miss_can_come_in():
    text = ("苍溪县驻东莞流动党委\n\n据苍溪县委组织部一位负责人介绍，这是流动党员管理方式的一次创新，"
            "使近500名在粤苍溪籍党员重新找到组织。")
    with outcome_model.collect():
        assert 500.0 not in figures(text)
    assert 500.0 in figures(text)


def test_the_thresholds_decide_each_way(monkeypatch):
    """A hand-set model shows the rule of decision: below ``kept`` a figure the rules took is dropped; from
    ``added`` one they left out comes in."""
    text = "某社区党委\n\n社区现有常住人口1.2万人。去年以来，社区党委共调解邻里纠纷136起，居民满意率达到98.5%。"
    with outcome_model.collect():
        assert figures(text) == {136.0, 98.5}
    for intercept, expected in ((-9.0, set()), (9.0, {1.2, 136.0, 98.5})):
        model = outcome_model.OutcomeModel(intercept, {}, kept=0.45, added=0.7)
        monkeypatch.setattr(outcome_model, "shipped", lambda model=model: model)
        assert figures(text) == expected


def test_the_model_adds_back_no_figure_a_rule_ruled_out_and_leaves_a_wider_areas_figures_to_the_rules(monkeypatch):
    """A hand-set model that keeps everything: "人口1.2万" (a setting, 3 or more off) stays out at veto 3 and comes in
    without a veto; the county's figure after 在全县推开 keeps the rules' decision (shown as the county's) whatever the
    model reads."""
    setting = "某社区党委\n\n社区现有常住人口1.2万人。去年以来，社区党委共调解邻里纠纷136起，居民满意率达到98.5%。"
    with outcome_model.collect() as seen:
        figures(setting)
    assert [(c.value, c.ruled_in, c.penalty >= 3) for c in seen][0] == (1.2, False, True)
    for veto, expected in ((3.0, {136.0, 98.5}), (math.inf, {1.2, 136.0, 98.5})):
        model = outcome_model.OutcomeModel(9.0, {}, kept=0.45, added=0.7, veto=veto)
        monkeypatch.setattr(outcome_model, "shipped", lambda model=model: model)
        assert figures(setting) == expected
    wider = "某村党支部\n\n这一做法已在全县推开，全县建成党群服务中心205个。村集体经济收入达到92万元。"
    for intercept in (-9.0, 9.0):
        model = outcome_model.OutcomeModel(intercept, {}, kept=0.45, added=0.7, veto=3.0)
        monkeypatch.setattr(outcome_model, "shipped", lambda model=model: model)
        got = [(o.value, o.scope) for o in extract(RawDoc("t.txt", wider)).outcomes if o.value is not None]
        assert (205.0, "region") in got, got


def test_collect_records_every_candidate_the_rules_judged():
    with outcome_model.collect() as seen:
        figures("某村党支部\n\n全村319户、854人。截至2023年，村集体经济收入达到92万元。")
    assert [(c.value, c.ruled_in) for c in seen] == [(319.0, False), (854.0, False), (92.0, True)]
    assert all(c.text[c.a:c.b].startswith(str(int(c.value))) for c in seen)


def _sealed(name: str) -> bool:
    return is_sealed(GOLD / name)


def test_the_shipped_model_never_learned_from_a_sealed_set():
    data = json.loads(outcome_model.MODEL_PATH.read_text(encoding="utf-8"))
    trained = data["trained_on"]
    assert trained and all((GOLD / name / "gold.yaml").is_file() for name in trained)
    assert not [name for name in trained if _sealed(name)]
    sealed = [p.name for p in GOLD.glob("extraction_real*") if _sealed(p.name)]
    assert len(sealed) >= 7 and not set(sealed) & set(trained)
    assert data["features_version"] == outcome_model.FEATURES_VERSION
    assert 0 < data["thresholds"]["kept"] < data["thresholds"]["added"] < 1


def test_a_model_trained_on_other_features_is_refused(tmp_path):
    data = json.loads(outcome_model.MODEL_PATH.read_text(encoding="utf-8"))
    stale = tmp_path / "outcome_model.json"
    stale.write_text(json.dumps({**data, "features_version": outcome_model.FEATURES_VERSION + 1}), encoding="utf-8")
    with pytest.raises(outcome_model.ModelFileError, match=re.escape("train_outcome_model.py")):
        outcome_model.load(stale)
    assert outcome_model.load(tmp_path / "none.json") is None      # no file: the rules decide alone


def test_grams_are_distinct_and_in_order_with_or_without_a_repeated_character():
    for s in ("村集体收入", "好好学习天天向上", "一一", ""):
        for longest in (2, 3):
            every = [s[i:i + n] for n in range(1, longest + 1) for i in range(len(s) - n + 1)]
            assert list(outcome_model._grams(s, longest)) == list(dict.fromkeys(every))


def test_probability_is_the_plain_sum_over_features_on_every_gold_and_corpus_figure():
    """``probability`` looks weights up by tag, without joining feature names: bit for bit the z of the plain sum
    over ``features`` (numeric features first, then each indicator present), on every figure the rules judge in
    every fourth gold and corpus text (an identity of arithmetic: a fixed share of the texts, over 7,000 figures,
    tries it as well as all of them would, in a quarter of the time, which grows with every gold set)."""
    model = outcome_model.shipped()
    assert model is not None
    with outcome_model.collect() as seen:
        for text in gold_and_corpus_texts()[::4]:
            extract(RawDoc("t.txt", text))
    assert len(seen) > 5000
    for c in seen:
        f = outcome_model.features(c)
        numeric = sum(model.weights.get(k, 0.0) * f[k] for k in outcome_model._NUMERIC)
        z = model.intercept + numeric + sum(model.weights.get(k, 0.0) for k in f if k not in outcome_model._NUMERIC)
        assert model.probability(c) == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), c

"""The unit finder's weights (djkg/ingest/unit_model.py): the evidence for each organisation a write-up names is
weighed by weights fitted to the development gold sets of real text, never to a sealed one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from djkg.ingest import unit_model, units
from djkg.ingest.weighing import ModelFileError
from djkg.services.evaluation import is_sealed

GOLD = Path(__file__).parent / "gold"

# the title names one organisation; the body keeps coming back to another
TITLE = "红旗村党支部：村里的路修好了"
TEXT = ("红旗村党支部\n\n今年以来，青山镇党委多次调度。青山镇组织干部入户走访，青山镇还请来技术员。"
        "青山镇党委书记说，青山镇今年要把路修到每个组。")


def test_the_evidence_is_named_and_counted():
    ranking = units.rank_candidates(TITLE, TEXT)
    village, town = ranking.features["红旗村"], ranking.features["青山镇"]
    assert village["title_party"] == 1 and village["first_body"] == 1
    assert town["count"] == 5 and town["town"] == 1
    assert units.rank_candidates("无题", "今天天气很好。") is None


def test_the_weights_decide(monkeypatch):
    """Weights that believe the title choose the titled village; weights that count mentions only choose the town
    the body keeps naming."""
    assert units.guess_unit(TITLE, TEXT) == "红旗村党支部"
    monkeypatch.setattr(unit_model, "weights", lambda: {"count": 1.0})
    assert units.guess_unit(TITLE, TEXT) == "青山镇党委"


def test_every_feature_has_a_weight():
    names = {k for f in units.rank_candidates(TITLE, TEXT).features.values() for k in f}
    assert names and names <= set(unit_model.weights())
    assert set(unit_model.RULE_WEIGHTS) <= set(unit_model.weights())


def _sealed(name: str) -> bool:
    return is_sealed(GOLD / name)


def test_the_shipped_weights_never_learned_from_a_sealed_set():
    data = json.loads(unit_model.MODEL_PATH.read_text(encoding="utf-8"))
    trained = data["trained_on"]
    assert trained and all((GOLD / name / "gold.yaml").is_file() for name in trained)
    sealed = [p.name for p in GOLD.glob("extraction_real*") if _sealed(p.name)]
    assert len(sealed) >= 17 and not set(sealed) & set(trained)
    assert data["features_version"] == unit_model.FEATURES_VERSION


def test_weights_fitted_to_other_features_are_refused(tmp_path):
    data = json.loads(unit_model.MODEL_PATH.read_text(encoding="utf-8"))
    stale = tmp_path / "unit_model.json"
    stale.write_text(json.dumps({**data, "features_version": unit_model.FEATURES_VERSION + 1}), encoding="utf-8")
    with pytest.raises(ModelFileError, match=re.escape("train_weights.py unit")):
        unit_model.MODEL.load(stale)
    assert unit_model.MODEL.load(tmp_path / "absent.json") == unit_model.RULE_WEIGHTS

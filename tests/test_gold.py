"""Quality against our own gold sets (tests/gold/): the issues' targets, measured on every run.

Recommendation: hit@3 ≥ 0.9 over unit profiles typed the way users type them. Extraction: per-field
recall targets of the ingest issue over write-ups that are not part of the shipped corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from djkg.services.evaluation import evaluate_extraction, evaluate_recommend

GOLD = Path(__file__).resolve().parent / "gold"


@pytest.mark.parametrize("gold", ["profiles.yaml", "profiles_heldout.yaml", "profiles_sealed.yaml"])
def test_recommendation_gold_set_meets_hit_at_3(corpus_store, gold):
    report = evaluate_recommend(corpus_store, GOLD / gold)
    assert report["profiles"] >= 20
    assert report["hit@3"] >= 0.9, report["misses"]
    assert report["mrr"] >= 0.8 and report["ndcg@5"] >= 0.8


@pytest.mark.parametrize("gold, documents", [("extraction", 30), ("extraction_heldout", 24), ("extraction_sealed", 24)])
def test_extraction_gold_set_meets_the_targets(gold, documents):
    report = evaluate_extraction(GOLD / gold)
    assert report["documents"] >= documents
    failing = {k: v for k, v in report["fields"].items() if not v["meets_target"]}
    assert not failing, (failing, [m for m in report["misses"] if m["field"] in failing][:20])

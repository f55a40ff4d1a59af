"""A learned second opinion on which measures a write-up states: one logistic regression per measure over the words
the write-up uses.

The measure lists (``measures.yaml``) name a measure by its listed surfaces. On text no rule was written against
(the sealed gold sets) a third of the measures the annotators read were missed, and almost every miss had *no*
listed surface in the text at all — the measure was told in other words ("群众点单、支部派单", "把党小组建在项目上"),
not misread. Lists grown by reading misses only ever covered the texts they were read on. So each measure also gets
a bag-of-words classifier: which words, anywhere in the write-up, go with the annotators saying the write-up states
the measure. Fitted (``scripts/train_measure_model.py``, which needs scikit-learn) to the development gold sets only;
a sealed set is never read. It only *adds*: a measure the rules found stays; one they missed comes in when the
classifier gives it at least ``threshold``, marked ``learned`` (it does not choose the case's model, which
listed surfaces alone do).

Features are words present in the normalised text, found by one Aho–Corasick scan over the model's vocabulary (no
segmentation at ingest; training finds its candidate words with jieba, then reads each document the same way as
here). The weights are data (``data/measure_model.json``); ``FEATURES_VERSION`` names the feature set, and a file
fitted to another is refused. Without a data file the rules decide alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .wordscan import WordScanner

FEATURES_VERSION = 1
MODEL_PATH = Path(__file__).parent / "data" / "measure_model.json"


class ModelFileError(ValueError):
    pass


def words_in(text: str, scanner: WordScanner[str]) -> set[str]:
    """The vocabulary's words that occur in ``text`` (presence, not counts: one mention is as good as five)."""
    return {w for _end, w in scanner.iter(text)}


@dataclass(frozen=True)
class MeasureModel:
    threshold: float
    intercepts: dict[str, float]              # measure id -> intercept
    weights: dict[str, dict[str, float]]      # word -> {measure id: weight}: one scan, then a sum per measure
    scanner: WordScanner[str]

    def probabilities(self, text: str) -> dict[str, float]:
        z = dict(self.intercepts)
        for word in words_in(text, self.scanner):
            for cid, w in self.weights[word].items():
                z[cid] += w
        return {cid: 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, v)))) for cid, v in z.items()}

    def stated(self, text: str) -> dict[str, float]:
        """The measures the classifier says ``text`` states (id -> probability), at or above the threshold."""
        return {cid: p for cid, p in self.probabilities(text).items() if p >= self.threshold}

    def evidence(self, cid: str, sentence_words: list[set[str]]) -> int | None:
        """Index of the sentence whose words (``words_in`` of each) speak most for measure ``cid``; None when none
        speaks for it."""
        best, best_score = None, 0.0
        for k, words in enumerate(sentence_words):
            score = sum(max(0.0, self.weights[w].get(cid, 0.0)) for w in words)
            if score > best_score:
                best, best_score = k, score
        return best


def load(path: Path = MODEL_PATH) -> MeasureModel | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features_version") != FEATURES_VERSION:
        raise ModelFileError(f"{path}: fitted to features version {data.get('features_version')}, this code reads "
                             f"version {FEATURES_VERSION}: run scripts/train_measure_model.py")
    by_word: dict[str, dict[str, float]] = {}
    for cid, m in data["measures"].items():
        for word, w in m["weights"].items():
            by_word.setdefault(word, {})[cid] = float(w)
    return MeasureModel(float(data["threshold"]), {cid: float(m["intercept"]) for cid, m in data["measures"].items()},
                        by_word, WordScanner({w: w for w in by_word}))


@lru_cache(maxsize=1)
def shipped() -> MeasureModel | None:
    return load()

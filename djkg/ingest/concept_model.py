"""A learned second opinion on which concepts of one kind (measures, problems) a write-up states: one logistic
regression per concept over the words the write-up uses.

The taxonomy's lists name a concept by its listed surfaces. On text no rule was written against (the sealed gold
sets) many concepts the annotators read were missed although nothing was misread: the concept was told in other
words ("群众点单、支部派单", "把党小组建在项目上"), and lists grown by reading misses only ever covered the texts they
were read on. So a kind of concept may also get a bag-of-words classifier per concept: which words, anywhere in the
write-up, go with the annotators saying the write-up states it. It only *adds* (``extract``): a concept the rules
found stays; one they missed comes in when the classifier gives it at least the file's ``threshold``, marked
``learned``. ``measure_model.py`` and ``problem_model.py`` hold one each, fitted by
``scripts/train_concept_model.py`` (which needs scikit-learn) to the development gold sets only; a sealed set is
never read.

Features are words present in the normalised text, found by one Aho–Corasick scan over the model's vocabulary (no
segmentation at ingest; training finds its candidate words with jieba, then reads each document the same way as
here). The weights are data; ``FEATURES_VERSION`` names the feature set, and a file fitted to another is refused.
Without a data file the rules decide alone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .weighing import read_model_file
from .wordscan import WordScanner

FEATURES_VERSION = 1
REFIT = "scripts/train_concept_model.py"


def words_in(text: str, scanner: WordScanner[str]) -> set[str]:
    """The vocabulary's words that occur in ``text`` (presence, not counts: one mention is as good as five)."""
    return scanner.values_in(text)


@dataclass(frozen=True)
class ConceptModel:
    threshold: float
    ids: tuple[str, ...]                      # the concepts, in the order of every row below
    intercepts: tuple[float, ...]
    rows: dict[str, tuple[float, ...]]        # word -> its weight for each concept (0.0 where it has none)
    scanner: WordScanner[str]

    def _logits(self, words: set[str]):
        # one row per word present, summed column by column in C (zip, sum): a dictionary update per word and
        # concept cost twice as much (BENCHMARKS.md, twenty-eighth session). In sorted order: a set of words is
        # iterated in an order that depends on the process's string hashing, and a float sum on its order — the
        # same text must read the same in every process (``ingest --jobs``), to the last bit (math.fsum would
        # too, at three times the cost)
        rows = [self.rows[w] for w in sorted(words)]
        return map(sum, zip(self.intercepts, *rows)) if rows else iter(self.intercepts)

    def stated(self, text: str) -> dict[str, float]:
        """The concepts the classifier says ``text`` states (id -> probability), at or above the threshold."""
        return self.stated_by(words_in(text, self.scanner))

    def stated_by(self, words: set[str]) -> dict[str, float]:
        bar = math.log(self.threshold / (1.0 - self.threshold))     # p >= threshold where the logit >= bar
        return {cid: _sigmoid(z) for cid, z in zip(self.ids, self._logits(words)) if z >= bar}

    def evidence(self, cid: str, sentence_words: list[set[str]]) -> int | None:
        """Index of the sentence whose words (``words_in`` of each) speak most for concept ``cid``; None when none
        speaks for it."""
        j, support = self.ids.index(cid), self.support
        best, best_score = None, 0.0
        for k, words in enumerate(sentence_words):
            score = sum(support[w][j] for w in sorted(words))      # (in a fixed order: see _logits)
            if score > best_score:
                best, best_score = k, score
        return best

    @cached_property
    def support(self) -> dict[str, tuple[float, ...]]:
        """Each word's weights with the negative ones as 0.0: what speaks *for* a concept in a sentence."""
        return {w: tuple(max(0.0, x) for x in row) for w, row in self.rows.items()}


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load(path: Path, kind: str, refit: str = REFIT) -> ConceptModel | None:
    """The model in ``path``, its concepts under the file's key ``kind`` ("measures", "problems"); None without a
    file."""
    data = read_model_file(path, FEATURES_VERSION, refit)
    if data is None:
        return None
    ids = tuple(sorted(data[kind]))
    rows: dict[str, list[float]] = {}
    for j, cid in enumerate(ids):
        for word, w in data[kind][cid]["weights"].items():
            rows.setdefault(word, [0.0] * len(ids))[j] = float(w)
    return ConceptModel(float(data["threshold"]), ids, tuple(float(data[kind][c]["intercept"]) for c in ids),
                        {w: tuple(r) for w, r in rows.items()}, WordScanner({w: w for w in rows}))

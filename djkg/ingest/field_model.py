"""A learned second reading of a write-up's field: one multinomial logistic regression over the words the write-up
uses and what the field rules (``industry.infer``) decided.

The field rules weigh cue words in the unit's name, the title and the text. On the development sets they read
0.91, tuned on those very texts; on the sealed sets 0.885. Where the rules are unsure (confidence below 1.0) they
were right about three times in five on the sealed sets. A bag-of-words classifier fitted to the development sets,
read leave-one-set-out (each set by a model fitted on the others), was as accurate as the rules alone (0.912 against
0.914) and right where they were unsure more often (0.81 against 0.75); given the rules' decision as two more
features — which field they chose, and whether with full confidence — and the last word wherever the rules give a
field, it reads 0.940: it learns when the rules are to be trusted and when the text says otherwise
(``scripts/train_field_model.py --check``).

So the model re-reads the field of a write-up that does not declare one (front matter wins as before): where it
gives another field than the rules at least ``threshold`` — the probability a field needs to count as certain
(``FIELD_CERTAIN``), chosen leave-one-set-out — its field replaces theirs, and the case's industry says so
(``learned``) with that probability as its confidence. A write-up the rules give no field keeps none. Read so,
leave-one-set-out: 0.914 -> 0.937, 33 decisions changed, 28 of them to the annotated field.

Features are the vocabulary's words present in the normalised text, found by one Aho–Corasick scan (no segmentation
at ingest; training finds its candidate words with jieba, then reads each document the same way as here), and
``rule=<field>`` / ``rule1=<field>``. Fitted (``scripts/train_field_model.py``, which needs scikit-learn) to the
development gold sets only; a sealed set is never read. The weights are data (``data/field_model.json``);
``FEATURES_VERSION`` names the feature set, and a file fitted to another is refused. Without a data file the rules
decide alone.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from . import measure_model
from .weighing import ModelFileError, read_model_file  # noqa: F401  (ModelFileError: what load raises)
from .wordscan import WordScanner

FEATURES_VERSION = 1
MODEL_PATH = Path(__file__).parent / "data" / "field_model.json"
RULE_CERTAIN = 1.0      # the rules' confidence that sets ``rule1=<field>``
RULE_PREFIXES = ("rule=", "rule1=")   # the rule features' names begin so; every other feature is a word


def rule_features(field: str | None, confidence: float | None) -> list[str]:
    """The rules' decision as features: which field they chose, and whether they were fully confident."""
    if not field:
        return []
    return [f"rule={field}"] + ([f"rule1={field}"] if (confidence or 0.0) >= RULE_CERTAIN else [])


@dataclass(frozen=True)
class FieldModel:
    threshold: float                          # the probability from which its field replaces the rules'
    fields: tuple[str, ...]                   # the classes, in the order of every row below
    intercepts: tuple[float, ...]
    rows: dict[str, tuple[float, ...]]        # feature (a word, or a rule feature) -> its weight for each field
    scanner: WordScanner[str]                 # the vocabulary's words

    def features(self, text: str, field: str | None, confidence: float | None,
                 words: set[str] | None = None) -> set[str]:
        """``words``: the vocabulary's words in ``text`` where the caller has them already (else they are scanned for)."""
        return (self.scanner.values_in(text) if words is None else words) | set(rule_features(field, confidence))

    def probabilities(self, features: set[str]) -> dict[str, float]:
        """Each field's probability (a softmax over the fields' sums)."""
        # summed in a fixed order: a set's order follows the process's string hashes, and float sums its order
        rows = [self.rows[f] for f in sorted(features) if f in self.rows]
        logits = [sum(col) for col in zip(self.intercepts, *rows)] if rows else list(self.intercepts)
        top = max(logits)
        exp = [math.exp(z - top) for z in logits]
        total = sum(exp)
        return {f: e / total for f, e in zip(self.fields, exp)}

    def decide(self, text: str, field: str | None, confidence: float | None,
               words: set[str] | None = None) -> tuple[str, float]:
        """The most probable field for the write-up, given the rules' decision, and its probability (ties go to the
        field listed first). ``words`` as for ``features``."""
        p = self.probabilities(self.features(text, field, confidence, words))
        best = max(self.fields, key=lambda f: (p[f], -self.fields.index(f)))
        return best, p[best]

    def rereads(self, text: str, field: str | None, confidence: float | None,
                words: set[str] | None = None) -> tuple[str, float] | None:
        """Another field than the rules' ``field`` with its probability, where the model gives it at least
        ``threshold``; else None. A write-up the rules give no field keeps none: they found no cue, or their hard
        exclusions (a company is no village) left none, and a guess from its words alone would make a meeting
        notice a case."""
        if not field:
            return None
        best, p = self.decide(text, field, confidence, words)
        return (best, p) if best != field and p >= self.threshold else None


def load(path: Path = MODEL_PATH) -> FieldModel | None:
    """The model in ``path``; None when there is no file (the rules then decide alone)."""
    data = read_model_file(path, FEATURES_VERSION, "scripts/train_field_model.py")
    if data is None:
        return None
    fields = tuple(data["fields"])
    rows = {w: tuple(float(x) for x in r) for w, r in data["weights"].items()}
    words = [w for w in rows if not w.startswith(RULE_PREFIXES)]
    return FieldModel(float(data["threshold"]), fields, tuple(float(x) for x in data["intercepts"]), rows,
                      WordScanner({w: w for w in words}))


# how many ``rules_only`` blocks are open: the training script's switch (one thread; never entered while a server or an
# ingest extracts)
_off = [0]


@contextmanager
def rules_only() -> Iterator[None]:
    """Extraction without the model inside the block: what the training script reads as the rules' decision."""
    _off[0] += 1
    try:
        yield
    finally:
        _off[0] -= 1


def active() -> FieldModel | None:
    """The shipped model, unless ``rules_only`` is in force."""
    return None if _off[0] else shipped()


@lru_cache(maxsize=1)
def shipped() -> FieldModel | None:
    return load()


def words_from_measure_scan(model: FieldModel, text: str, measure_words: set[str] | None) -> set[str] | None:
    """The field model's words in ``text`` given ``measure_words`` (the shipped measure model's words in it), or None
    (the field model then scans for its own): most of its words are the measure model's too (3,262 of 3,495), so
    only the others are scanned for — one scan of the text less."""
    split = _vocabulary_split()
    if measure_words is None or split is None or split[0] is not model:
        return None
    _model, shared, others = split
    return (measure_words & shared) | others.values_in(text)


@lru_cache(maxsize=1)
def _vocabulary_split() -> tuple[FieldModel, frozenset[str], WordScanner[str]] | None:
    """The shipped field model, its words the shipped measure model has too, and a scanner over the rest."""
    fmodel, mmodel = shipped(), measure_model.shipped()
    if fmodel is None or mmodel is None:
        return None
    words = {w for w in fmodel.rows if not w.startswith(RULE_PREFIXES)}
    return fmodel, frozenset(words & mmodel.rows.keys()), WordScanner({w: w for w in words - mmodel.rows.keys()})

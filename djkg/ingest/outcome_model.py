"""A learned second opinion on every figure the outcome rules judge (``outcomes._score``): is it a result?

Ten rounds of hand-written rules held on the texts they were written against and carried over to new real
reports almost not at all (the sealed sets' headers). This is a logistic regression over the figure's
surroundings — the characters just before and after it in its clause, the clauses before, its unit, the
sentence's role, and the rules' own score — fitted to every figure the rules judged in the *development* gold
sets of real text, labelled by their annotation (a result of the unit, or a number listed as not one). It never
sees a sealed set. A figure the rules accept stays unless the model gives it less than ``kept``; a figure they
reject comes in only at ``added`` or more. Measured before it was adopted: leave-one-set-out on the development
sets, precision 0.810 -> 0.825 at recall 0.730 -> 0.727 over the figures the rules judged; on the seven sealed
sets together (`djkg eval extraction`, figures only), outcome values 0.641 -> 0.668 at precision 0.708 -> 0.726
and numbers wrongly extracted 7.8% -> 7.3%. Two sets written afterwards read it blind: worse on r547-r576 (outcome
values 0.69/0.83 -> 0.66/0.80), better on r577-r606 (precision 0.75 -> 0.77) — a small, uneven gain, not a cure
(README; the cost, ~0.1 ms a document, in BENCHMARKS.md). Both are now among the sets it is fitted to (sealed sets
together, with that fit: 0.664 at precision 0.731). Refitted on nineteen development sets (3,201 figures; the five
newer ones had read it blind): leave-one-set-out precision 0.803 -> 0.826 at recall 0.708 -> 0.710; the eleven
sealed sets together 0.629 -> 0.632 at precision 0.733 -> 0.738, numbers wrongly extracted 6.86% -> 6.59%; refitted
again when figures in more measure words (立方米, 斤, 基 …) became candidates (3,245 figures; sealed 0.635 at 0.735,
6.68%).

The weights are data (``data/outcome_model.json``), written by ``scripts/train_outcome_model.py`` (which needs
scikit-learn; running the model needs nothing but this module). ``FEATURES_VERSION`` names the feature set: a
model trained on another one is refused, so features and weights cannot drift apart silently.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Iterator

from .weighing import ModelFileError, read_model_file  # noqa: F401  (ModelFileError: what load raises)

FEATURES_VERSION = 1
MODEL_PATH = Path(__file__).parent / "data" / "outcome_model.json"


@dataclass(frozen=True)
class Candidate:
    """A figure as the outcome rules saw it: ``text`` the sentence, ``a``–``b`` the figure, ``c0``–``c1`` its clause."""
    text: str
    a: int
    b: int
    c0: int
    c1: int
    unit: str
    value: float
    role: str
    section: str
    lead: bool
    direction: str
    approx: bool
    score: float          # the rules' score, without the credit a carried-on clause gets
    ruled_in: bool        # what the rules alone decide


def _ngrams(s: str, tag: str, longest: int, out: dict[str, float]) -> None:
    for n in range(1, longest + 1):
        for i in range(len(s) - n + 1):
            out[tag + s[i:i + n]] = 1.0


def features(c: Candidate) -> dict[str, float]:
    """The candidate as the model reads it (names are what the weights file keys on)."""
    before, after = c.text[c.c0:c.a], c.text[c.b:c.c1]
    f: dict[str, float] = {}
    _ngrams(before[-8:], "L:", 3, f)
    _ngrams(after[:6], "R:", 3, f)
    f["L2:" + before[-2:]] = 1.0
    f["R2:" + after[:2]] = 1.0
    _ngrams(c.text[:c.c0][-10:], "P:", 2, f)      # the end of the clauses before
    f["U:" + c.unit] = 1.0
    f["role:" + c.role] = 1.0
    f["sec:" + (c.section or "-")] = 1.0
    f["lead"] = float(c.lead)
    f["dir:" + c.direction] = 1.0
    f["approx"] = float(c.approx)
    f["first_clause"] = float(c.c0 == 0)
    f["score"] = max(-6.0, min(6.0, c.score)) / 3
    f["acc_rule"] = float(c.ruled_in)
    f["bias"] = 1.0
    f["logv"] = math.log10(abs(c.value) + 1) / 3
    return f


_NUMERIC = ("lead", "approx", "first_clause", "score", "acc_rule", "bias", "logv")


@dataclass(frozen=True)
class OutcomeModel:
    intercept: float
    weights: dict[str, float]
    kept: float       # a figure the rules accept stays from this probability
    added: float      # a figure the rules reject comes in from this probability

    def probability(self, c: Candidate) -> float:
        f = features(c)
        # every feature but the numeric ones is 1.0: their weights are summed by key (a third of the time)
        numeric = sum(self.weights.get(k, 0.0) * f.pop(k) for k in _NUMERIC)
        z = self.intercept + numeric + sum(map(self.weights.get, f, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_result(self, c: Candidate) -> bool:
        return self.probability(c) >= (self.kept if c.ruled_in else self.added)


def load(path: Path = MODEL_PATH) -> OutcomeModel | None:
    """The model in ``path``; None when there is no file (the rules then decide alone)."""
    data = read_model_file(path, FEATURES_VERSION, "scripts/train_outcome_model.py")
    if data is None:
        return None
    return OutcomeModel(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()},
                        float(data["thresholds"]["kept"]), float(data["thresholds"]["added"]))


@lru_cache(maxsize=1)
def shipped() -> OutcomeModel | None:
    return load()


# the training script's recorder: one thread, and never entered while a server or an ingest extracts
_collecting: list[list[Candidate]] = []


def is_result(c: Candidate) -> bool:
    """The decision for one candidate: the shipped model's, or the rules' alone while ``collect`` records
    candidates for training (the model must learn from the rules' view, never from its own)."""
    if _collecting:
        _collecting[-1].append(c)
        return c.ruled_in
    model = shipped()
    return c.ruled_in if model is None else model.is_result(c)


@contextmanager
def collect() -> Iterator[list[Candidate]]:
    """Within the block, every candidate judged is recorded (in order) and decided by the rules alone."""
    bucket: list[Candidate] = []
    _collecting.append(bucket)
    try:
        yield bucket
    finally:
        _collecting.pop()

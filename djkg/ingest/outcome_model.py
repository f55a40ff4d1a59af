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

Refitted in the sixty-first session on all 70 development sets (10,859 figures; scripts/train_outcome_model.py),
with two rules around it: a wider area's figure (``Candidate.wider``) is the rules' alone — the model learned a wider
area's result as no result of the unit, and would take it off the area's card too — and the model adds back no
figure the rules took ``veto`` or more off (``Candidate.penalty``: a plan, a price, one person's story), however
sure it is. Leave-one-set-out over the 49 sets the old fit never saw: precision / recall of the rules' candidates
0.669 / 0.670 -> 0.683 / 0.686; the 50 sealed sets together: outcome values 0.676 -> 0.683 at precision 0.653 ->
0.678, forbidden numbers extracted 8.84% -> 8.02% (tests/test_gold.py, OUTCOME_MODEL_TRADE).

The weights are data (``data/outcome_model.json``), written by ``scripts/train_outcome_model.py`` (which needs
scikit-learn; running the model needs nothing but this module). ``FEATURES_VERSION`` names the feature set: a
model trained on another one is refused, so features and weights cannot drift apart silently.
"""

from __future__ import annotations

import math
from contextlib import contextmanager
from dataclasses import dataclass
from collections import defaultdict
from functools import cached_property, lru_cache
from itertools import repeat
from operator import add, mul
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

from .weighing import ModelFileError, read_model_file  # noqa: F401  (ModelFileError: what load raises)

FEATURES_VERSION = 1
MODEL_PATH = Path(__file__).parent / "data" / "outcome_model.json"
_NONE: dict[str, float] = {}
_ABSENT = repeat(0.0)   # the weight of a feature the model does not know (endless: one serves every lookup)


class Candidate(NamedTuple):
    """A figure as the outcome rules saw it: ``text`` the sentence, ``a``–``b`` the figure, ``c0``–``c1`` its clause.
    (A named tuple, immutable as a frozen dataclass and built in a fifth of the time: every figure judged makes one.)"""
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
    wider: bool = False   # the clause speaks of a wider area (``outcomes._scope``): the rules alone decide it
    penalty: float = 0.0  # what the rules that speak against it took off its score (part of ``score`` already)


def _grams(s: str, longest: int) -> Iterable[str]:
    """The distinct substrings of ``s`` of one, two and (``longest`` 3) three characters, shortest first, each length
    in order (no repeats). Built by ``map`` from the characters and pairs: no loop in Python."""
    # the pairs and triples are joined from ``chars``, not from ``s`` again: iterating a Chinese string makes a new
    # string of each character every time, and hashes it anew; these are made once, and hashed once (by ``set``
    # here, the hash kept for the weight lookups)
    chars = list(s)
    pairs = list(map(add, chars, chars[1:]))
    grams = [*chars, *pairs] if longest == 2 else [*chars, *pairs, *map(add, pairs, chars[2:])]
    # a substring can repeat only where a character does: the dict that drops repeats (keeping the first of each)
    # is built only then (nine windows in ten have no character twice)
    return grams if len(set(chars)) == len(chars) else dict.fromkeys(grams)


_TAGS = ("L:", "R:", "L2:", "R2:", "P:", "U:", "role:", "sec:", "dir:")


def _indicators(c: Candidate) -> tuple[Iterable[str], ...]:
    """The values of the features that are 1.0 when present, one group for each tag of ``_TAGS``, in its order (the
    order ``features`` writes them): a feature's name is its tag and value joined."""
    before, after = c.text[c.c0:c.a], c.text[c.b:c.c1]
    return (_grams(before[-8:], 3), _grams(after[:6], 3), (before[-2:],), (after[:2],),
            _grams(c.text[:c.c0][-10:], 2),      # the end of the clauses before
            (c.unit,), (c.role,), ((c.section or "-"),), (c.direction,))


_NUMERIC = ("lead", "approx", "first_clause", "score", "acc_rule", "bias", "logv")


def _numeric(c: Candidate) -> tuple[float, ...]:
    """The values of the features named in ``_NUMERIC``, in its order."""
    return (float(c.lead), float(c.approx), float(c.c0 == 0), max(-6.0, min(6.0, c.score)) / 3,
            float(c.ruled_in), 1.0, math.log10(abs(c.value) + 1) / 3)


def features(c: Candidate) -> dict[str, float]:
    """The candidate as the model reads it (names are what the weights file keys on)."""
    f = {tag + value: 1.0 for tag, values in zip(_TAGS, _indicators(c)) for value in values}
    f.update(zip(_NUMERIC, _numeric(c)))
    return f


@dataclass(frozen=True)
class OutcomeModel:
    intercept: float
    weights: dict[str, float]
    kept: float       # a figure the rules accept stays from this probability
    added: float      # a figure the rules reject comes in from this probability
    # … unless the rules that speak against it took this much or more off its score (a plan, a price, a duration, a
    # quota or a baseline takes 4 off, one person's story or a rate 3): those stay out whatever the model reads
    veto: float = math.inf

    @cached_property
    def _by_tag(self) -> dict[str, dict[str, float]]:
        """The indicator weights by tag, keyed by value: ``probability`` looks a value up without first joining it
        to its tag into a feature name (joining and hashing those names was most of its time)."""
        tables: dict[str, dict[str, float]] = defaultdict(dict)
        for name, weight in self.weights.items():
            tag, colon, value = name.partition(":")
            if colon:
                tables[tag + colon][value] = weight
        return dict(tables)

    @cached_property
    def _lookups(self) -> tuple[Callable[[str, float], float], ...]:
        """The weight lookup (``dict.get``) of each tag of ``_TAGS``, in its order: ``probability`` zips them with
        ``_indicators``' groups instead of finding each tag's table by name for every figure."""
        return tuple(self._by_tag.get(tag, _NONE).get for tag in _TAGS)

    @cached_property
    def _numeric_weights(self) -> tuple[float, ...]:
        return tuple(self.weights.get(k, 0.0) for k in _NUMERIC)

    def probability(self, c: Candidate) -> float:
        # the same sum as over ``features(c)``, term by term in its order (so bit for bit the same z): the numeric
        # features weighted first, then the weights of the indicators present (each 1.0), summed in order
        numeric = sum(map(mul, self._numeric_weights, _numeric(c)))
        present: list[float] = []
        for get, values in zip(self._lookups, _indicators(c)):
            present += map(get, values, _ABSENT)
        z = self.intercept + numeric + sum(present)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decides(self, p: float, ruled_in: bool, penalty: float) -> bool:
        """The decision on a figure the model gives ``p``, which the rules took in or not, ``penalty`` off its score
        (also the training script's, which scores examples without a ``Candidate``)."""
        return p >= self.kept if ruled_in else (penalty < self.veto and p >= self.added)

    def is_result(self, c: Candidate) -> bool:
        if not c.ruled_in and c.penalty >= self.veto:
            return False    # (vetoed: no need to sum its weights)
        return self.decides(self.probability(c), c.ruled_in, c.penalty)


def load(path: Path = MODEL_PATH) -> OutcomeModel | None:
    """The model in ``path``; None when there is no file (the rules then decide alone)."""
    data = read_model_file(path, FEATURES_VERSION, "scripts/train_outcome_model.py")
    if data is None:
        return None
    return OutcomeModel(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()},
                        float(data["thresholds"]["kept"]), float(data["thresholds"]["added"]),
                        float(data["thresholds"].get("veto", math.inf)))


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
    # a wider area's figure is the rules' alone: the model was taught a wider area's result as no result of the unit
    # (what it is, on the unit's card), and would take it off the card of the area's figures too
    return c.ruled_in if model is None or c.wider else model.is_result(c)


@contextmanager
def collect() -> Iterator[list[Candidate]]:
    """Within the block, every candidate judged is recorded (in order) and decided by the rules alone."""
    bucket: list[Candidate] = []
    _collecting.append(bucket)
    try:
        yield bucket
    finally:
        _collecting.pop()

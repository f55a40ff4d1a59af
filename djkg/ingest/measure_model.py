"""The measure model: a learned second opinion on which measures a write-up states (``concept_model.py`` says how
it reads and why it exists).

On the sealed gold sets a third of the measures the annotators read were missed, and almost every miss had *no*
listed surface in the text at all. The measure model adds a measure the rules missed when it gives it at least its
threshold, marked ``learned``; it does not choose the case's model, which listed surfaces alone do. The weights are
``data/measure_model.json``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .concept_model import FEATURES_VERSION, REFIT, ConceptModel, words_in  # noqa: F401  (the module's API)
from .concept_model import load as _load
from .weighing import ModelFileError  # noqa: F401  (what load raises)

MODEL_PATH = Path(__file__).parent / "data" / "measure_model.json"
MeasureModel = ConceptModel


def load(path: Path = MODEL_PATH) -> MeasureModel | None:
    return _load(path, "measures", f"{REFIT} measures")


@lru_cache(maxsize=1)
def shipped() -> MeasureModel | None:
    return load()

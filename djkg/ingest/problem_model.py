"""The problem model: a learned second opinion on which problems a write-up states (``concept_model.py`` says how it
reads and why it exists).

The problem lists name a problem by its listed wordings and frames; on text no rule was written against (the sealed
gold sets) about half the problems the annotators read were missed, most told in words no list holds. The problem
model adds a problem the rules missed when it gives it at
least its threshold, marked ``learned`` (the case page says "据行文推断"): the sentence whose words speak most for it
is its evidence. It does not choose the case's model, and a text stating no problem keeps its ``no_problem`` flag.
The weights are ``data/problem_model.json``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .concept_model import REFIT, ConceptModel
from .concept_model import load as _load

MODEL_PATH = Path(__file__).parent / "data" / "problem_model.json"


def load(path: Path = MODEL_PATH) -> ConceptModel | None:
    return _load(path, "problems", f"{REFIT} problems")


@lru_cache(maxsize=1)
def shipped() -> ConceptModel | None:
    return load()

"""Weights for evidence that the extractor's rules gather, fitted to the development gold sets.

Some of the extractor's decisions pick one answer among a few by adding up evidence — the unit (``units``: which of
the organisations a write-up names it is about; ``unit_model`` names its features). Each alternative gathers named
features — where it is named, how often, signs against it — and the one with the highest weighted sum wins. The rules were written with hand-set weights (``rule_weights``); fitted weights
(``scripts/train_weights.py``: a conditional logit over each write-up's alternatives, pulled toward the rule
weights, fitted to development sets only) are shipped as data beside the other vocabularies. ``features_version``
names the feature set: weights fitted to another one are refused, so features and weights cannot drift apart
silently. Without a data file the rule weights decide.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


class ModelFileError(ValueError):
    pass


def read_model_file(path: Path, features_version: int, refit: str) -> dict[str, Any] | None:
    """The data of a fitted model's file (the unit weights, the outcome and the measure models); None when there is no
    file, where the rules decide alone. A file fitted to another features version is refused: features and weights
    cannot drift apart silently. ``refit`` names the command that writes a new one."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("features_version") != features_version:
        raise ModelFileError(f"{path}: fitted to features version {data.get('features_version')}, this code reads "
                             f"version {features_version}: run {refit}")
    return data


@dataclass
class Weighing:
    name: str                          # "unit": the data file is data/<name>_model.json
    rule_weights: dict[str, float]     # the weights the rules were written with
    features_version: int
    _cache: dict[str, float] | None = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        return DATA / f"{self.name}_model.json"

    def load(self, path: Path | None = None) -> dict[str, float]:
        """The weights in ``path`` (the shipped file by default); the rules' own when there is no file."""
        data = read_model_file(path or self.path, self.features_version, f"scripts/train_weights.py {self.name}")
        if data is None:
            return dict(self.rule_weights)
        return {k: float(v) for k, v in data["weights"].items()}

    def weights(self) -> dict[str, float]:
        """The shipped weights (read once)."""
        if self._cache is None:
            self._cache = self.load()
        return self._cache


def score(features: dict[str, float], w: dict[str, float]) -> float:
    """The weighted sum of one alternative's evidence."""
    return sum(w.get(name, 0.0) * value for name, value in features.items())

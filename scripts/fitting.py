"""What the scripts that fit the extractor's learned parts to the gold sets share: which sets they may read, and the
candidate words of a bag-of-words model (``train_concept_model.py``, ``train_field_model.py``)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from djkg.ingest.taxonomy import tokenizer  # noqa: E402
from djkg.services.evaluation import is_sealed  # noqa: E402

GOLD = ROOT / "tests" / "gold"


def development_sets() -> list[str]:
    """Every real-text gold set a model may be fitted to: a set whose gold.yaml header says SEALED is never read."""
    return sorted(p.name for p in GOLD.iterdir()
                  if p.is_dir() and p.name.startswith("extraction_real") and not is_sealed(p))


def vocabulary(texts: Iterable[str], min_docs: int) -> list[str]:
    """Every word jieba (with our user dictionary) cuts from ``texts``, of two or more characters with a Chinese
    character, found in at least ``min_docs`` of them."""
    jieba = tokenizer()
    df: Counter[str] = Counter()
    for text in texts:
        df.update({w for w in jieba.lcut(text, HMM=False)
                   if len(w) >= 2 and any("\u4e00" <= ch <= "\u9fff" for ch in w)})
    return sorted(w for w, n in df.items() if n >= min_docs)

"""BM25 over short documents (models, problems; shared by ingest and queries): the fallback that keeps free text from going unanswered.

Written out here rather than taken from rank-bm25: our documents number in the hundreds, the scorer is a
dozen lines, and rank-bm25 would pull numpy into every install for no gain.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Callable, Iterable

Tokenizer = Callable[[str], list[str]]   # supplied by the caller (ingest.tokens.tokenize)


def vocabulary_of(tokenize: Tokenizer) -> object:
    """What a tokenizer's output depends on besides the text, so tokens cut earlier can be reused while it is
    the same object: ``tokenize.vocabulary()`` when the tokenizer offers it (ingest.tokens.tokenize: the taxonomy
    whose words it cuts by), else the tokenizer itself."""
    probe = getattr(tokenize, "vocabulary", None)
    return probe() if callable(probe) else tokenize


class BM25:
    def __init__(self, docs: Iterable[list[str]], *, k1: float = 1.5, b: float = 0.75):
        self.docs = [Counter(d) for d in docs]
        self.lengths = [sum(c.values()) for c in self.docs]
        self.avg = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        self.k1, self.b = k1, b
        df: Counter[str] = Counter()
        for c in self.docs:
            df.update(c.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: list[str]) -> list[float]:
        terms = [t for t in dict.fromkeys(query) if t in self.idf]
        out = []
        for c, length in zip(self.docs, self.lengths):
            s = 0.0
            norm = self.k1 * (1 - self.b + self.b * (length / self.avg if self.avg else 0.0))
            for t in terms:
                tf = c.get(t)
                if tf:
                    s += self.idf[t] * tf * (self.k1 + 1) / (tf + norm)
            out.append(s)
        return out

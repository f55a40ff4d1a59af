"""What the answers derive from one store revision, and the cache that keeps it.

``StoreIndex`` holds, for one revision of one store: the per-model index (``models.ModelIndex``), the lexical
(BM25) indexes, the memo of each model's strongest measure per problem, and the outcomes of evidence cases.
``IndexCache`` keeps one ``StoreIndex`` per store and replaces it when the store's revision changes.

Readers never wait for a rebuild they did not start: while one thread builds the index of a new revision,
other threads are answered from the previous one (a request that finds no index at all builds it).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

from ..graph.store import GraphStore
from . import catalogue
from ..core.bm25 import BM25, Tokenizer
from .models import ModelEntry, ModelIndex, build_index

MAX_CACHED_OUTCOMES = 50_000   # evidence cases whose outcomes are kept per revision


@dataclass(frozen=True)
class LexicalIndex:
    """BM25 over the models' descriptions and over the problems' names and synonyms."""
    model_ids: list[str]
    models: BM25
    problems: list[tuple[str, str]]          # (id, name)
    problem_bm25: BM25


class StoreIndex:
    """Everything derived from one store revision that a request reads."""

    def __init__(self, models: ModelIndex):
        self.models = models
        self._lock = threading.Lock()
        self._lexical: LexicalIndex | None = None
        self._mechanism: dict[tuple[str, str], tuple[float, str]] = {}
        self._outcomes: dict[str, list[dict[str, Any]]] = {}
        self._typed: dict[Any, Any] = {}

    def typed(self, key: Any, build) -> Any:
        """A typed (immutable) piece of an answer — an explanation path, an evidence card — built once per
        revision: the same paths and evidence recur from one request to the next."""
        hit = self._typed.get(key)
        if hit is None:
            if len(self._typed) > MAX_CACHED_OUTCOMES:
                self._typed.clear()
            hit = self._typed[key] = build()
        return hit

    @property
    def revision(self) -> str:
        return self.models.revision

    def lexical(self, store: GraphStore, tokenize: Tokenizer) -> LexicalIndex:
        if self._lexical is None:
            with self._lock:   # one thread builds; the others wait for it instead of building the same thing
                if self._lexical is None:
                    self._lexical = _build_lexical(store, self.models, tokenize)
        return self._lexical

    def mechanism(self, entry: ModelEntry, problem_id: str) -> tuple[float, str]:
        """The model's strongest measure that addresses the problem: (strength, measure id). It depends on the
        model and the problem only, so it is computed once per revision, not once per request."""
        key = (entry.id, problem_id)
        hit = self._mechanism.get(key)
        if hit is None:
            hit = _mechanism(self.models, entry, problem_id)
            self._mechanism[key] = hit
        return hit

    def outcomes(self, store: GraphStore, case_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Outcome properties of evidence cases. Evidence is mostly each model's showcase and path example cases,
        the same from one request to the next, so a request rarely needs a round trip."""
        with self._lock:
            missing = [c for c in case_ids if c not in self._outcomes]
        if missing:
            found: dict[str, list[dict[str, Any]]] = {c: [] for c in missing}
            for r in catalogue.run(store, "case_outcomes", cases=missing):
                found[r["case_id"]].append(r["props"])
            with self._lock:
                if len(self._outcomes) > MAX_CACHED_OUTCOMES:   # bounded: a library this size gets a fresh cache
                    self._outcomes.clear()
                self._outcomes.update(found)
                return {c: self._outcomes.get(c, found.get(c, [])) for c in case_ids}
        with self._lock:
            return {c: self._outcomes.get(c, []) for c in case_ids}


class IndexCache:
    """One ``StoreIndex`` per open store, replaced when the store's revision changes."""

    def __init__(self):
        self._lock = threading.Lock()
        self._current: weakref.WeakKeyDictionary[Any, StoreIndex] = weakref.WeakKeyDictionary()
        self._building: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()

    def get(self, store: GraphStore) -> StoreIndex:
        revision = store.revision()
        current = self._current.get(store)
        if current is not None and current.revision == revision:
            return current
        with self._lock:
            build_lock = self._building.setdefault(store, threading.Lock())
        if not build_lock.acquire(blocking=current is None):
            return current          # someone else is building the new revision: answer from the previous one
        try:
            current = self._current.get(store)
            if current is not None and current.revision == store.revision():
                return current
            fresh = StoreIndex(build_index(store, store.revision()))
            self._current[store] = fresh
            return fresh
        finally:
            build_lock.release()

    def forget(self, store: GraphStore) -> None:
        with self._lock:
            self._current.pop(store, None)


INDEXES = IndexCache()   # the process's cache: every store opened in this process shares it


def store_index(store: GraphStore) -> StoreIndex:
    return INDEXES.get(store)


def model_index(store: GraphStore) -> ModelIndex:
    return INDEXES.get(store).models


# --- builders ----------------------------------------------------------------------------------------

def _build_lexical(store: GraphStore, index: ModelIndex, tokenize: Tokenizer) -> LexicalIndex:
    model_ids = sorted(m.id for m in index.models.values() if not m.candidate)
    model_docs = []
    for mid in model_ids:
        e = index.models[mid]
        parts = [e.name, str(e.props.get("summary") or ""), " ".join(e.props.get("synonyms") or []),
                 " ".join(e.measure_names.values()), " ".join(c.title for c in e.cases[:200])]
        model_docs.append(tokenize(" ".join(parts)))
    problems: list[tuple[str, str]] = []
    problem_docs = []
    for row in catalogue.run(store, "concept_index"):
        if row["label"] != "Problem" or row["props"].get("candidate"):
            continue
        problems.append((row["id"], row["name"]))
        syn = " ".join(s.replace("&", " ") for s in row["props"].get("synonyms") or [])
        problem_docs.append(tokenize(f"{row['name']} {row['name']} {syn}"))
    return LexicalIndex(model_ids, BM25(model_docs), problems, BM25(problem_docs))


def _mechanism(index: ModelIndex, e: ModelEntry, problem_id: str) -> tuple[float, str]:
    best = (0.0, "")
    addr = index.addresses.get(problem_id, {})
    top_addr = max(addr.values(), default=0)
    for measure, a in addr.items():
        u = e.measures.get(measure)
        if u:
            strength = (a / top_addr) * min(1.0, u / len(e.cases))
            if strength > best[0] or (strength == best[0] and measure < best[1]):
                best = (strength, measure)
    return best

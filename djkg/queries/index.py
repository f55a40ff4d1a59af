"""What the answers derive from one store revision, and the cache that keeps it.

``StoreIndex`` holds, for one revision of one store: the per-model index (``models.ModelIndex``), the lexical
(BM25) indexes, the memo of each model's strongest measure per problem, the outcomes of evidence cases and typed
pieces of answers. ``IndexCache`` keeps one ``StoreIndex`` per store. When the store's revision moves on, the next
index is made from the previous one and the cases that changed (the store's change log, ``graph/changes.py``;
``contributions.py`` updates the model index), and each cache keeps what the change did not touch; only when the
log cannot say (pruned, cleared, or a large share of the library changed) is everything rebuilt.

Readers never wait for a rebuild they did not start: while one thread makes the index of a new revision, other
threads are answered from the previous one (a request that finds no index at all builds it).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

from ..graph.changes import ChangeSet
from ..graph.store import GraphStore
from . import catalogue
from ..core.bm25 import BM25, Tokenizer, vocabulary_of
from .contributions import IndexDelta, build_index, update_index
from .models import ModelEntry, ModelIndex

MAX_CACHED_OUTCOMES = 50_000   # evidence cases whose outcomes are kept per revision
UPDATE_MIN_CASES = 1_000       # an update is made for up to this many changed cases, or
UPDATE_MAX_SHARE = 0.25        # this share of the library, whichever is more; past that a rebuild is cheaper
MODEL_DOC_CASES = 200          # case titles in a model's lexical document


@dataclass(frozen=True)
class LexicalIndex:
    """BM25 over the models' descriptions and over the problems' names and synonyms, with the texts and tokens
    they were made from (the next revision reuses the tokens of every text that did not change)."""
    model_ids: list[str]
    models: BM25
    problems: list[tuple[str, str]]          # (id, name)
    problem_bm25: BM25
    vocabulary: object = None                # what the tokens depend on besides the texts (core/bm25.py)
    model_texts: tuple[tuple[str, ...], ...] = ()        # each model's document, in pieces
    problem_texts: tuple[str, ...] = ()
    pieces: dict[str, list[str]] = field(default_factory=dict)   # text → its tokens, for every piece above


@dataclass(frozen=True)
class Scope:
    """What a typed piece of an answer was built from, so that an update drops it only when that changed:
    models' entries, cases' facts, and (``names``) problem and region names."""
    models: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    names: bool = False

    def touched_by(self, delta: IndexDelta) -> bool:
        return bool(self.models & delta.models or self.cases & delta.cases or (self.names and delta.names))


class StoreIndex:
    """Everything derived from one store revision that a request reads."""

    def __init__(self, models: ModelIndex, origin: str = "built"):
        self.models = models
        self.origin = origin        # "built" whole, or "updated" from the previous revision's (tests, benchmarks)
        self._lock = threading.Lock()
        self._lexical: LexicalIndex | None = None
        self._lexical_seed: LexicalIndex | None = None    # the previous revision's, for the tokens it can lend
        self._mechanism: dict[tuple[str, str], tuple[float, str]] = {}
        self._outcomes: dict[str, list[dict[str, Any]]] = {}
        self._typed: dict[Any, tuple[Any, Scope | None]] = {}

    def updated(self, store: GraphStore, changes: ChangeSet) -> "StoreIndex":
        """The index of ``changes.revision``: the model index updated for the changed cases, and every cache
        entry they did not touch carried over (this index is left as it is for the readers still using it)."""
        models, delta = update_index(store, self.models, changes)
        fresh = StoreIndex(models, "updated")
        fresh._lexical_seed = self._lexical or self._lexical_seed
        fresh._mechanism = {k: v for k, v in list(self._mechanism.items())
                            if k[0] not in delta.models and k[1] not in delta.problems}
        with self._lock:
            fresh._outcomes = {c: v for c, v in self._outcomes.items() if c not in delta.cases}
        fresh._typed = {k: v for k, v in list(self._typed.items()) if v[1] is not None and not v[1].touched_by(delta)}
        return fresh

    def typed(self, key: Any, build, scope: Scope | None = None) -> Any:
        """A typed (immutable) piece of an answer — an explanation path, an evidence card — built once per
        revision: the same paths and evidence recur from one request to the next. With a ``scope`` (what it was
        built from) it outlives revisions that did not change that; without one it lasts one revision."""
        hit = self._typed.get(key)
        if hit is None:
            if len(self._typed) > MAX_CACHED_OUTCOMES:
                self._typed.clear()
            hit = self._typed[key] = (build(), scope)
        return hit[0]

    @property
    def revision(self) -> str:
        return self.models.revision

    def lexical(self, store: GraphStore, tokenize: Tokenizer) -> LexicalIndex:
        if self._lexical is None:
            with self._lock:   # one thread builds; the others wait for it instead of building the same thing
                if self._lexical is None:
                    self._lexical = _build_lexical(store, self.models, tokenize, self._lexical_seed)
                    self._lexical_seed = None
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
    """One ``StoreIndex`` per open store, brought up to date when the store's revision changes."""

    def __init__(self):
        self._lock = threading.Lock()
        self._current: weakref.WeakKeyDictionary[Any, StoreIndex] = weakref.WeakKeyDictionary()
        self._building: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()

    def get(self, store: GraphStore) -> StoreIndex:
        revision = store.revision()
        current = self._current.get(store)
        if current is not None and _current(current.revision, revision):
            return current
        with self._lock:
            build_lock = self._building.setdefault(store, threading.Lock())
        if not build_lock.acquire(blocking=current is None):
            return current          # someone else is making the new revision's: answer from the previous one
        try:
            current = self._current.get(store)
            revision = store.revision()
            if current is not None and _current(current.revision, revision):
                return current
            fresh = _next(store, current, revision)
            self._current[store] = fresh
            return fresh
        finally:
            build_lock.release()

    def ready(self, store: GraphStore) -> bool:
        """Is this store's index made for its revision now (a request would not build or update anything)?"""
        current = self._current.get(store)
        return current is not None and current._lexical is not None and _current(current.revision, store.revision())

    def forget(self, store: GraphStore) -> None:
        with self._lock:
            self._current.pop(store, None)


def _current(indexed: str, revision: str) -> bool:
    """Is an index of revision ``indexed`` current for a store at ``revision``? Revisions only grow, and the
    change log may have shown an index a revision a store's cached revision (Neo4jStore.REVISION_TTL) is behind."""
    if indexed == revision:
        return True
    try:
        return int(indexed) > int(revision)
    except ValueError:
        return False


def _next(store: GraphStore, current: StoreIndex | None, revision: str) -> StoreIndex:
    """The index of the store's revision now: the current one updated for the cases that changed, when the
    change log can say which and they are not too many; else built whole."""
    if current is not None:
        log = getattr(store, "changed_cases", None)
        changes = log(current.revision) if log is not None else None
        limit = max(UPDATE_MIN_CASES, int(len(current.models.contributions) * UPDATE_MAX_SHARE))
        if changes is not None and len(changes.cases) <= limit:
            if not changes.cases and changes.revision == current.revision:
                return current      # the log shows nothing newer yet (read-committed Neo4j): ask again later
            return current.updated(store, changes)
    return StoreIndex(build_index(store, revision))


INDEXES = IndexCache()   # the process's cache: every store opened in this process shares it


def store_index(store: GraphStore) -> StoreIndex:
    return INDEXES.get(store)


def index_ready(store: GraphStore) -> bool:
    return INDEXES.ready(store)


def model_index(store: GraphStore) -> ModelIndex:
    return INDEXES.get(store).models


# --- builders ----------------------------------------------------------------------------------------

def _build_lexical(store: GraphStore, index: ModelIndex, tokenize: Tokenizer,
                   seed: LexicalIndex | None = None) -> LexicalIndex:
    """BM25 over the models and the problems. Tokens of a text that ``seed`` (the previous revision's index)
    already cut with the same vocabulary are taken from it, so an update cuts only the texts that changed."""
    vocabulary = vocabulary_of(tokenize)
    same = seed is not None and seed.vocabulary is vocabulary
    known: dict[str, list[str]] = dict(seed.pieces) if same else {}

    def cut(text: str) -> list[str]:
        tokens = known.get(text)
        if tokens is None:
            tokens = known[text] = tokenize(text)
        return tokens

    model_ids = sorted(m.id for m in index.models.values() if not m.candidate)
    model_texts = tuple(tuple(model_pieces(index.models[mid])) for mid in model_ids)
    # a model's document is its pieces joined by spaces; the tokenizer cuts at spaces, so its tokens are the
    # pieces' tokens in order (tests/test_incremental_index.py holds this on the corpus)
    model_tokens = [[t for piece in pieces for t in cut(piece)] for pieces in model_texts]
    problems: list[tuple[str, str]] = []
    problem_texts = []
    for row in catalogue.run(store, "concept_index"):
        if row["label"] != "Problem" or row["props"].get("candidate"):
            continue
        problems.append((row["id"], row["name"]))
        syn = " ".join(s.replace("&", " ") for s in row["props"].get("synonyms") or [])
        problem_texts.append(f"{row['name']} {row['name']} {syn}")
    problem_tokens = [cut(t) for t in problem_texts]
    models_bm25 = seed.models if same and seed.model_texts == model_texts else BM25(model_tokens)
    problems_bm25 = seed.problem_bm25 if same and seed.problem_texts == tuple(problem_texts) else BM25(problem_tokens)
    used = {piece for pieces in model_texts for piece in pieces} | set(problem_texts)
    return LexicalIndex(model_ids, models_bm25, problems, problems_bm25, vocabulary, model_texts,
                        tuple(problem_texts), {t: v for t, v in known.items() if t in used})


def model_pieces(e: ModelEntry) -> list[str]:
    """A model's lexical document, in pieces: what it is called and does, then its first case titles."""
    head = " ".join([e.name, str(e.props.get("summary") or ""), " ".join(e.props.get("synonyms") or []),
                     " ".join(e.measure_names.values())])
    return [head, *(c.title for c in e.cases[:MODEL_DOC_CASES])]


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

"""Copy one store into another in batches of whole cases (idempotent: unchanged cases are skipped by hash), with
the corrections and the audit trail kept beside the cases (a later re-ingest into the target must find them)."""

from __future__ import annotations

import queue
import threading
from typing import Callable, Iterator

from .review import Commit, dumps
from .schema import CaseGraph
from .store import GraphStore, StoredCase

COPY_BATCH = 500   # whole cases per target transaction (200 -> 500: fewer statements per case, same memory class)
REVIEW_BATCH = 1000


def _batches(source: GraphStore, have: dict[str, str], batch: int,
             on_case: Callable[[], None] | None) -> Iterator[list[StoredCase]]:
    pending: list[StoredCase] = []
    for stored in source.iter_stored_cases():
        # the source's stored hash is the graph's content hash; an empty target needs no comparison at all
        if not have or have.get(stored.graph.id) != stored.hash:
            pending.append(stored)
            if len(pending) >= batch:
                yield pending
                pending = []
        if on_case:
            on_case()
    if pending:
        yield pending


def copy_store(source: GraphStore, target: GraphStore, *, on_case: Callable[[], None] | None = None,
               batch: int = COPY_BATCH, verify: bool = True) -> dict:
    """Copy every case of ``source`` into ``target``. Reading and decoding the next batch (and, for a target that
    encodes its writes ahead, ``prepare_cases``: Neo4jStore) runs in a thread while the current one is written, so
    that work overlaps the target server's. ``verify`` compares both stores' counts afterwards (a full pass over
    each; benchmarks time the copy without it)."""
    have = target.case_hashes()
    prepare = getattr(target, "prepare_cases", None)
    write = target.upsert_prepared if prepare else (lambda b: target.upsert_cases([s.graph for s in b]))
    ready: queue.Queue = queue.Queue(maxsize=2)
    done, stop = object(), threading.Event()

    def produce() -> None:
        try:
            for b in _batches(source, have, batch, on_case):
                if stop.is_set():
                    return
                ready.put(prepare(b) if prepare else b)
        except BaseException as exc:  # handed to the writer, which raises it
            ready.put(exc)
            return
        ready.put(done)

    reader = threading.Thread(target=produce, name="djkg-copy-reader", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            write(item)   # whole cases, one transaction per batch
    finally:
        stop.set()
        while reader.is_alive():        # a failed write: let the reader finish its put and end
            try:
                ready.get(timeout=0.1)
            except queue.Empty:
                pass
    copy_review(source, target)
    # cases the target holds but the source does not are left alone: migration adds, it never deletes
    if not verify:
        return {}
    a, b = source.stats(), target.stats()
    return {"source": a, "target": b, "equal": a == b}


def copy_review(source: GraphStore, target: GraphStore) -> None:
    """Corrections and audit entries the target lacks, in the source's order and with their times."""
    have = {(k.case_id, k.at, k.actor, dumps(k.change)) for k in target.iter_corrections()}
    corrections = [k for k in source.iter_corrections() if (k.case_id, k.at, k.actor, dumps(k.change)) not in have]
    seen = {(e.at, e.actor, e.action, e.target) for e in target.iter_audit()}
    audit = [e for e in source.iter_audit() if (e.at, e.actor, e.action, e.target) not in seen]
    for i in range(0, max(len(corrections), len(audit)), REVIEW_BATCH):
        target.commit(Commit(corrections=corrections[i:i + REVIEW_BATCH], audit=audit[i:i + REVIEW_BATCH]))

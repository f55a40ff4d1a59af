"""Copy one store into another, case by case (idempotent: unchanged cases are skipped by hash), with the
corrections and the audit trail kept beside the cases (a later re-ingest into the target must find them)."""

from __future__ import annotations

from typing import Callable

from .review import Commit, dumps
from .store import GraphStore

REVIEW_BATCH = 1000


def copy_store(source: GraphStore, target: GraphStore, *, on_case: Callable[[], None] | None = None,
               batch: int = 200) -> dict:
    have = target.case_hashes()
    pending = []
    for graph in source.iter_case_graphs():
        if have.get(graph.id) != graph.content_hash():
            pending.append(graph)
            if len(pending) >= batch:  # whole cases, one transaction per batch
                target.upsert_cases(pending)
                pending = []
        if on_case:
            on_case()
    if pending:
        target.upsert_cases(pending)
    copy_review(source, target)
    # cases the target holds but the source does not are left alone: migration adds, it never deletes
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

"""Copy one store into another, case by case (idempotent: unchanged cases are skipped by hash)."""

from __future__ import annotations

from typing import Callable

from .store import GraphStore


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
    # cases the target holds but the source does not are left alone: migration adds, it never deletes
    a, b = source.stats(), target.stats()
    return {"source": a, "target": b, "equal": a == b}

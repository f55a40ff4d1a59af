"""The audit trail as pages: newest first, filtered by who, what, which target and when (named queries
``audit_entries`` and ``audit_count``; the store only appends to it, nothing edits it)."""

from __future__ import annotations

from typing import Any

from ..graph.store import GraphStore
from . import catalogue


def audit_page(store: GraphStore, *, actor: str | None = None, action: str | None = None, target: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 50,
               offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    filters = {"actor": actor, "action": action, "target": target, "since": since, "until": until}
    rows = catalogue.run(store, "audit_entries", **filters, limit=int(limit), offset=int(offset))
    total = int(catalogue.run(store, "audit_count", **filters)[0]["n"])
    return [{**r, "seq": int(r["seq"])} for r in rows], total

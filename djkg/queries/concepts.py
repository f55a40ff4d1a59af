"""Concept lists: candidates waiting to be reviewed into the taxonomy."""

from __future__ import annotations

from typing import Any

from ..graph.store import GraphStore
from . import catalogue


EVIDENCE_PER_CANDIDATE = 3


def candidate_concepts(store: GraphStore, *, evidence: int = EVIDENCE_PER_CANDIDATE) -> list[dict[str, Any]]:
    """Concepts the taxonomy does not know yet, most supported first: each with the number of cases naming it and
    up to ``evidence`` of the sentences that do (variants share one candidate, see ingest/candidates.py)."""
    items = [{"id": r["id"], "label": r["label"], "name": r["name"], "cases": int(r["cases"]), "evidence": []}
             for r in catalogue.run(store, "candidate_concepts")]
    by_id = {it["id"]: it for it in items}
    if evidence > 0 and items:
        for r in catalogue.run(store, "candidate_evidence", concepts=list(by_id)):
            it = by_id.get(r["concept_id"])
            sentence = (r.get("edge_props") or {}).get("evidence")
            if it is not None and sentence and len(it["evidence"]) < evidence:
                it["evidence"].append({"case": r["case_id"], "title": r.get("title") or "", "sentence": sentence})
    return items

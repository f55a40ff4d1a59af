"""Concept lists: candidates waiting to be reviewed into the taxonomy."""

from __future__ import annotations

from typing import Any

from ..graph.store import GraphStore
from . import catalogue


def candidate_concepts(store: GraphStore) -> list[dict[str, Any]]:
    return [{"id": r["id"], "label": r["label"], "name": r["name"], "cases": int(r["cases"])}
            for r in catalogue.run(store, "candidate_concepts")]

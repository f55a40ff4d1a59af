"""graph/ — the schema, the GraphStore protocol and its two backends (SQLite embedded, Neo4j)."""

from __future__ import annotations

from ..core.config import Settings
from .schema import CaseGraph, Edge, Node
from .store import GraphStore, StoreError, StoreVersionError, Subgraph

__all__ = ["CaseGraph", "Edge", "Node", "GraphStore", "StoreError", "StoreVersionError", "Subgraph",
           "open_store"]


def open_store(settings: Settings, *, readonly: bool = False) -> GraphStore:
    """The store the settings ask for: Neo4j when a URI is set, else the embedded SQLite file."""
    if settings.neo4j_uri:
        from .neo4j_store import Neo4jStore
        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                          database=settings.neo4j_database)
    from .sqlite_store import SqliteStore
    return SqliteStore(settings.sqlite_path, readonly=readonly)

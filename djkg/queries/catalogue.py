"""The catalogue of named questions: ``queries/sql/NAME.sql`` and ``queries/cypher/NAME.cypher``.

Every query text djkg runs lives in those two folders, one file per question per dialect, with the same
NAME in both. Callers ask by name; the store's ``dialect`` picks the file. Values are always parameters.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from ..graph.store import GraphStore

_EXT = {"sql": "sql", "cypher": "cypher"}


class UnknownQuery(KeyError):
    pass


@lru_cache(maxsize=None)
def load(name: str, dialect: str) -> str:
    if dialect not in _EXT or not name.replace("_", "").isalnum():
        raise UnknownQuery(f"{dialect}/{name}")
    ref = resources.files(__package__).joinpath(dialect, f"{name}.{_EXT[dialect]}")
    try:
        return ref.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UnknownQuery(f"{dialect}/{name}") from exc


def names(dialect: str) -> list[str]:
    folder = resources.files(__package__).joinpath(dialect)
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith("." + _EXT[dialect]))


def run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    """Run the named question on ``store`` with ``params`` (lists are passed as arrays/JSON)."""
    return store.run(load(name, store.dialect), params)

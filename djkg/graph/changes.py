"""The change log both stores keep: which cases each write changed, so that readers update what they derived from
the store (the recommender's index, ``queries/index.py``) instead of rebuilding it.

Every write that raises a store's revision records, in the same transaction, the ids of the cases it inserted,
changed, deleted or corrected under the new revision (SQLite: the ``changes`` table; Neo4j: one ``Change`` node
per revision, without the ``Node`` label so no graph query meets it). A write that cannot name its cases (clearing
the store, rewriting every node's facts) records ``EVERYTHING``, which makes readers rebuild. The log keeps the
last ``KEEP_REVISIONS`` revisions; the ``changes_from`` mark says from which revision on it is complete, so a
reader further behind is told the log cannot say (and rebuilds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

EVERYTHING = "*"          # a write that cannot name the cases it changed
KEEP_REVISIONS = 2_000    # revisions the log keeps (a reader further behind rebuilds)
PRUNE_EVERY = 100         # the log is pruned by the write whose revision is a multiple of this


@dataclass(frozen=True)
class ChangeSet:
    """The cases changed after a revision, up to ``revision`` (the newest revision the log is complete to)."""
    revision: str
    cases: frozenset[str]


def logged_cases(cases: Iterable[str]) -> list[str]:
    """The ids a write records: sorted, distinct; a write that names none records EVERYTHING (never nothing, so
    every revision has an entry and a reader can tell a complete log from one it read too early)."""
    ids = sorted(set(cases))
    return ids or [EVERYTHING]


def prune_to(revision: int) -> int | None:
    """The revision up to which a write at ``revision`` prunes the log (None: this write does not prune)."""
    if revision % PRUNE_EVERY or revision <= KEEP_REVISIONS:
        return None
    return revision - KEEP_REVISIONS


def change_set(since: str, current: int, changes_from: int,
               entries: Iterable[tuple[int, Iterable[str]]]) -> ChangeSet | None:
    """Read log entries (revision, case ids) with revision > ``since``: the cases changed since then, or None
    when the log cannot say (``since`` is not a revision of this store, is older than the log, or a write since
    recorded EVERYTHING). Only an unbroken run of revisions counts: a reader that sees revision n + 2 but not yet
    n + 1 (Neo4j reads are read-committed) gets the set up to n and asks again later."""
    try:
        start = int(since)
    except (TypeError, ValueError):
        return None
    if start < changes_from or start > current:
        return None
    by_revision: dict[int, set[str]] = {}
    for rev, ids in entries:
        by_revision.setdefault(int(rev), set()).update(ids)
    upto = start
    cases: set[str] = set()
    while upto + 1 in by_revision:
        upto += 1
        cases |= by_revision[upto]
    if EVERYTHING in cases:
        return None
    return ChangeSet(str(upto), frozenset(cases))

"""The change log (``graph/changes.py``) on both stores: every write path records the cases it changed under the
revision it made, in the same transaction; a write that changes nothing records nothing; the log answers "which
cases changed since revision r" until it is pruned, and says it cannot (None) when it is, when the store was
cleared, or for a revision the store never had."""

from __future__ import annotations

import sqlite3

import pytest

from djkg.graph import changes as change_log
from djkg.graph.migrate import copy_store
from djkg.graph.review import AuditEntry, Commit, Correction
from djkg.graph.sqlite_store import SqliteStore
from djkg.graph import schema as S

from conftest import build_case, make_neo4j_store


def since(store, revision: str) -> set[str] | None:
    found = store.changed_cases(revision)
    if found is not None:
        assert found.revision == store.revision()
        return set(found.cases)
    return None


def test_every_write_path_logs_the_cases_it_changed(store):
    r0 = store.revision()
    assert since(store, r0) == set()
    a, b, c = build_case("a"), build_case("b", problems=("p2",)), build_case("c", model=None)
    assert store.upsert_case(a) == "inserted"
    r1 = store.revision()
    assert since(store, r0) == {a.id}
    assert store.upsert_cases([b, c, a]) == ["inserted", "inserted", "unchanged"]
    r2 = store.revision()
    assert since(store, r1) == {b.id, c.id}                      # the unchanged case is not logged
    assert store.upsert_case(a) == "unchanged" and store.revision() == r2 and since(store, r2) == set()
    assert store.upsert_case(build_case("a", title="改过的标题")) == "updated"
    assert since(store, r2) == {a.id}
    r3 = store.revision()
    assert store.delete_case(c.id) and not store.delete_case("case:none")
    assert since(store, r3) == {c.id}
    r4 = store.revision()
    store.commit(Commit(graphs=[build_case("b", problems=("p3",))], corrections=[Correction(a.id, {"year": 2019}, "t")],
                        audit=[AuditEntry("t", "correct", a.id)]))
    assert since(store, r4) == {a.id, b.id}
    r5 = store.revision()
    store.commit(Commit(audit=[AuditEntry("t", "key.add", "someone")]))   # no case, no revision
    assert store.revision() == r5 and since(store, r5) == set()
    assert since(store, r0) == {a.id, b.id, c.id}                 # a reader far behind gets the union
    assert since(store, r3) == {a.id, b.id, c.id}


def test_a_migration_logs_the_cases_it_copies(store_factory, tmp_path):
    source = SqliteStore(tmp_path / "src" / "djkg.sqlite3")
    graphs = [build_case(k) for k in ("a", "b", "c")]
    source.upsert_cases(graphs)
    target = store_factory()
    target.upsert_case(graphs[0])
    before = target.revision()
    copy_store(source, target)
    assert since(target, before) == {"case:b", "case:c"}
    source.close()


def test_the_log_is_pruned_and_then_cannot_say(store, monkeypatch):
    monkeypatch.setattr(change_log, "KEEP_REVISIONS", 4)
    monkeypatch.setattr(change_log, "PRUNE_EVERY", 2)
    start = store.revision()
    revisions = []
    for i in range(12):
        store.upsert_case(build_case(f"k{i}"))
        revisions.append(store.revision())
    assert since(store, start) is None                   # pruned away: the reader rebuilds
    assert since(store, revisions[-3]) == {"case:k10", "case:k11"}
    assert since(store, revisions[-1]) == set()
    assert since(store, "not a revision") is None and since(store, str(int(revisions[-1]) + 1)) is None


def test_clearing_neo4j_logs_everything_and_keeps_counting():
    store = make_neo4j_store()
    store.upsert_case(build_case("a"))
    before = store.revision()
    store.clear_all()
    assert int(store.revision()) > int(before)          # an index of an earlier revision never looks current
    assert since(store, before) is None
    after = store.revision()
    store.upsert_case(build_case("b"))
    assert since(store, after) == {"case:b"}
    store.close()


def test_a_file_from_before_the_log_is_migrated_and_logs_from_then_on(tmp_path):
    path = tmp_path / "djkg.sqlite3"
    s = SqliteStore(path)
    s.upsert_cases([build_case("a"), build_case("b")])
    s.close()
    with sqlite3.connect(path) as raw:                  # what a version-3 file looks like
        raw.execute("DROP TABLE changes")
        raw.execute("DELETE FROM meta WHERE key='changes_from'")
        raw.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    s = SqliteStore(path)
    assert s.schema_version() == S.SCHEMA_VERSION
    now = s.revision()
    assert since(s, str(int(now) - 1)) is None           # what happened before the log existed is unknown
    assert since(s, now) == set()
    s.upsert_case(build_case("c"))
    assert since(s, now) == {"case:c"}
    s.close()


def _document(key: str, origin: str) -> S.CaseGraph:
    g = build_case(key)
    props = {**g.case.props, S.IDENTITY: {"basis": "path", "origin": origin, "digest": origin}}
    return S.CaseGraph(S.Node(g.case.id, S.CASE, props), g.nodes, g.edges)


def test_a_refused_write_logs_nothing(store):
    """A batch the store refuses inside its transaction (a different document under a stored case's id) writes
    neither the cases nor their log entries."""
    store.upsert_case(_document("a", "a.md"))
    before = store.revision()
    with pytest.raises(S.CaseConflict):
        store.upsert_cases([build_case("c"), _document("a", "other.md")])
    assert store.revision() == before and since(store, before) == set()

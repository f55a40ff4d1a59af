"""Corrections, versions and the audit trail in the store, run on both backends (SQLite and the real Neo4j):
one guarded write (``Store.commit``), a re-ingest that keeps every correction, and writers racing for real
(threads with their own store connections, started together)."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from djkg.graph.migrate import copy_store
from djkg.graph.review import AuditEntry, Commit, Correction, CorrectionsChanged, VersionConflict
from djkg.graph.sqlite_store import SqliteStore
from djkg.ingest.corrections import CorrectionError
from djkg.ingest.pipeline import ingest_paths
from djkg.queries.audit import audit_page
from djkg.queries.cases import case_record
from djkg.services.corrections import correct_case

from conftest import REVIEW_CANDIDATE, REVIEW_CASE, build_case, make_neo4j_store, write_review_doc


def test_commit_writes_cases_and_audits_only_what_changed(store):
    g = build_case("a")
    assert store.commit(Commit(graphs=[g], audit_graphs=("alice", "ingest"))) == ["inserted"]
    version = store.case_version(g.id)
    assert version == g.content_hash()
    graph, again = store.case_graph(g.id)
    assert again == version and graph.content_hash() == version
    assert store.commit(Commit(graphs=[build_case("a")], audit_graphs=("bob", "ingest"))) == ["unchanged"]
    items, total = audit_page(store)
    assert total == 1
    assert (items[0]["actor"], items[0]["action"], items[0]["target"]) == ("alice", "ingest", g.id)
    assert items[0]["before"] == {"version": None}
    assert items[0]["after"]["version"] == version and items[0]["after"]["status"] == "inserted"
    assert store.case_version("case:none") is None and store.case_graph("case:none") is None


def test_a_stale_version_writes_nothing(store):
    g = build_case("a")
    store.commit(Commit(graphs=[g]))
    version, revision, stats = store.case_version(g.id), store.revision(), store.stats()
    changed = build_case("a", problems=("other",))
    with pytest.raises(VersionConflict) as exc:
        store.commit(Commit(graphs=[changed], versions={g.id: "0" * 64},
                            corrections=[Correction(g.id, {"unit": "x"}, "alice")],
                            audit=[AuditEntry("alice", "correct", g.id)]))
    assert exc.value.current == version and exc.value.expected == "0" * 64
    assert store.case_version(g.id) == version and store.stats() == stats and store.revision() == revision
    assert store.corrections([g.id]) == {} and audit_page(store)[1] == 0
    # a version for a case that is not there: conflict with current ""
    with pytest.raises(VersionConflict) as exc:
        store.commit(Commit(graphs=[build_case("zz")], versions={"case:zz": version}))
    assert exc.value.current == "" and store.case_version("case:zz") is None


def test_a_correction_arriving_during_a_batch_refuses_the_batch(store):
    a, b = build_case("a"), build_case("b")
    store.commit(Commit(graphs=[a, b]))
    store.commit(Commit(corrections=[Correction(a.id, {"year": 2001}, "alice", "note")]))
    with pytest.raises(CorrectionsChanged) as exc:   # the writer built both cases without the correction
        store.commit(Commit(graphs=[build_case("a", problems=("x",)), build_case("b", problems=("y",))],
                            corrections_seen={a.id: 0, b.id: 0}))
    assert exc.value.case_id == a.id
    assert store.case_version(b.id) == b.content_hash()   # all or nothing
    assert store.commit(Commit(graphs=[build_case("b", problems=("y",))], corrections_seen={a.id: 1, b.id: 0})) \
        == ["updated"]
    [k] = store.corrections([a.id, b.id, "case:none"])[a.id]
    assert (k.seq, k.change, k.actor, k.note) == (1, {"year": 2001}, "alice", "note") and k.at.endswith("Z")
    assert [c.seq for c in store.iter_corrections()] == [1]


def test_audit_pages_newest_first_with_filters(store):
    entries = [AuditEntry("alice", "correct", "case:a", {"v": 1}, {"v": 2}, at="2024-01-01T00:00:00.000000Z"),
               AuditEntry("bob", "accept", "problem:cand-x", None, {"as": "new"}, at="2024-02-01T00:00:00.000000Z"),
               AuditEntry("alice", "key.add", "carol", None, {"role": "reader"}, at="2024-03-01T00:00:00.000000Z"),
               AuditEntry("env", "correct", "case:a", {"v": 2}, {"v": 3}, at="2024-04-01T00:00:00.000000Z")]
    store.commit(Commit(audit=entries[:2]))
    store.commit(Commit(audit=entries[2:]))
    items, total = audit_page(store)
    assert total == 4 and [e["seq"] for e in items] == [4, 3, 2, 1]
    assert items[0] == {"seq": 4, "at": "2024-04-01T00:00:00.000000Z", "actor": "env", "action": "correct",
                        "target": "case:a", "before": {"v": 2}, "after": {"v": 3}}
    assert items[2]["before"] == {}   # no "before" reads as an empty object on both stores
    assert [e["seq"] for e in audit_page(store, actor="alice")[0]] == [3, 1]
    assert [e["seq"] for e in audit_page(store, action="correct", target="case:a")[0]] == [4, 1]
    assert [e["seq"] for e in audit_page(store, since="2024-02-01T00:00:00.000000Z",
                                         until="2024-04-01T00:00:00.000000Z")[0]] == [3, 2]
    page, total = audit_page(store, limit=2, offset=1)
    assert [e["seq"] for e in page] == [3, 2] and total == 4
    assert audit_page(store, actor="' OR 1=1 --")[1] == 0 and audit_page(store, target="MATCH (n) DETACH DELETE n")[1] == 0
    assert [e.seq for e in store.iter_audit()] == [1, 2, 3, 4]


def test_the_sqlite_audit_trail_and_corrections_refuse_updates_and_deletes(tmp_path):
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    store.commit(Commit(graphs=[build_case("a")], audit_graphs=("alice", "ingest"),
                        corrections=[Correction("case:a", {"year": 2001}, "alice")]))
    for sql in ("UPDATE audit_log SET actor='mallory'", "DELETE FROM audit_log",
                "UPDATE corrections SET actor='mallory'", "DELETE FROM corrections"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            store.conn.execute(sql)
    assert audit_page(store)[0][0]["actor"] == "alice"
    store.close()


# --- corrections applied, and kept by a re-ingest -----------------------------------------------------------

def test_every_stored_case_rebuilds_to_itself(corpus_store):
    """A correction rebuilds the stored case from its facts (``case_from_graph`` → ``build``): with no change, every
    case of the shipped library comes back identical, so a correction changes only what it names."""
    from djkg.ingest.corrections import rebuild
    graphs = list(corpus_store.iter_case_graphs())
    assert len(graphs) >= 80
    for g in graphs:
        assert rebuild(g, lambda case: None).content_hash() == g.content_hash(), g.id


def _outcome_id(store, name):
    return next(o["id"] for o in case_record(store, REVIEW_CASE)["outcomes"] if o["name"] == name)


def test_a_reingest_keeps_every_correction(store, tmp_path):
    folder = tmp_path / "docs"
    write_review_doc(folder)
    assert ingest_paths([folder], store, actor="loader").inserted == 1
    before = case_record(store, REVIEW_CASE)
    assert any(p["name"] == REVIEW_CANDIDATE and p.get("candidate") for p in before["problems"])
    background = _outcome_id(store, "群众满意度")     # a county-wide figure, not this village's result
    version = store.case_version(REVIEW_CASE)
    result = correct_case(store, REVIEW_CASE, {
        "region": "370686", "field": "农村", "sector": "农业合作社", "unit": "衣家村党总支", "year": 2017,
        "model": "驻村第一书记", "illustrative": True,
        "add_problems": ["党员队伍老化、发展党员难", "村里道路年久失修"], "remove_problems": [REVIEW_CANDIDATE],
        "add_measures": ["measure:first-secretary-dispatch"], "remove_measures": ["measure:talent-cultivation"],
        "add_outcomes": [{"metric": "per-capita-income", "value": 1.8, "unit": "万元", "scope": "unit"}],
        "remove_outcomes": [background]}, version=version, actor="alice", note="县委组织部核实")
    assert result.status == "updated" and result.version == store.case_version(REVIEW_CASE) != version

    def check(rec):
        problems = {p["id"] for p in rec["problems"]}
        measures = {m["id"] for m in rec["measures"]}
        assert rec["region"]["adcode"] == "370686" and rec["industry"] == {"field": "农村", "sector": "农业合作社"}
        assert (rec["unit"], rec["year"], rec["illustrative"]) == ("衣家村党总支", 2017, True)
        assert rec["model"]["id"] == "model:first-secretary"
        assert "problem:aging-members" in problems and REVIEW_CANDIDATE not in {p["name"] for p in rec["problems"]}
        assert any(p["name"] == "村里道路年久失修" and p.get("candidate") for p in rec["problems"])
        assert "measure:first-secretary-dispatch" in measures and "measure:talent-cultivation" not in measures
        names = {o["name"]: o for o in rec["outcomes"]}
        assert "群众满意度" not in names and names["人均收入"]["value"] == 1.8
        assert "村集体经济收入" in names   # untouched facts stay as extracted

    check(case_record(store, REVIEW_CASE))
    # the same file again: nothing to write (the stored case already is extraction + corrections)
    report = ingest_paths([folder], store, actor="loader")
    assert report.unchanged == 1 and store.case_version(REVIEW_CASE) == result.version
    # an edited file: re-extracted, and every correction applied again
    write_review_doc(folder, extra="\n另外，村里建成了文化广场，群众有了活动场所。\n")
    report = ingest_paths([folder], store, actor="loader", keep_items=True)
    assert report.updated == 1
    check(case_record(store, REVIEW_CASE))
    check(report.items[0].to_json())   # what ingest reports is what it stored
    actions = [(e["actor"], e["action"]) for e in audit_page(store)[0]]
    assert actions == [("loader", "ingest"), ("alice", "correct"), ("loader", "ingest")]
    correct = audit_page(store, action="correct")[0][0]
    assert correct["before"]["year"] == 2018 and correct["after"]["year"] == 2017
    assert correct["after"]["note"] == "县委组织部核实" and correct["before"]["version"] == version


def test_an_outcome_removed_before_evidence_kept_its_numerals_as_written_stays_removed():
    # stores written before the thirty-seventh session kept evidence as read ("增加到35万元") and made outcome ids
    # from it; the same outcome's evidence is now "增加到三十五万元": a removal recorded then must still hold
    from djkg.graph import schema as S
    from djkg.ingest.corrections import apply_all
    from djkg.ingest.extract import extract
    from djkg.ingest.normalise import convert_numerals
    from djkg.ingest.readers import RawDoc
    case = extract(RawDoc(source="a.txt", origin="a.txt", text=(
        "# 东村党支部领办合作社\n过去东村集体经济薄弱。村党支部领办合作社，发展特色产业。\n"
        "两年来，村集体收入由五万元增加到三十五万元。")))
    income = next(o for o in case.outcomes if o.value == 35)
    assert "三十五万元" in income.evidence
    old_id = S.outcome_id(case.id, income.metric or income.name, income.value, convert_numerals(income.evidence))
    new_id = S.outcome_id(case.id, income.metric or income.name, income.value, income.evidence)
    assert old_id != new_id
    for gone in (old_id, new_id):
        kept = apply_all(case, [{"outcomes": {"remove": [gone]}}])
        assert all(o.value != 35 for o in kept.outcomes), gone


def test_a_correction_is_strict_and_writes_nothing_when_refused(store, tmp_path):
    write_review_doc(tmp_path)
    ingest_paths([tmp_path], store)
    version = store.case_version(REVIEW_CASE)
    for bad, field in (({"region": "火星"}, "region"), ({"field": "外星"}, "field"),
                       ({"model": "不存在的模式"}, "model"), ({"remove_problems": ["problem:aging-members"]}, "remove_problems"),
                       ({"remove_outcomes": ["outcome:nope"]}, "remove_outcomes"),
                       ({"add_outcomes": [{"metric": "no-such-metric", "value": 1}]}, "add_outcomes.metric"),
                       ({"add_outcomes": [{"name": "x", "value": float("nan")}]}, "add_outcomes.value"),
                       ({"add_problems": ["problem:no-such-id"]}, "add_problems"),
                       ({"unit": "<b>村</b>"}, "unit"), ({"unit": "村\x1b[31m"}, "unit"), ({"year": 1800}, "year"),
                       ({}, "body")):
        with pytest.raises(CorrectionError) as exc:
            correct_case(store, REVIEW_CASE, bad, version=version, actor="alice")
        assert exc.value.field == field, bad
    assert store.case_version(REVIEW_CASE) == version and store.corrections([REVIEW_CASE]) == {}


# --- racing writers ----------------------------------------------------------------------------------------

def _second_store(store, tmp_path):
    """Another connection to the same database, as a second process would have."""
    if isinstance(store, SqliteStore):
        return SqliteStore(store.path)
    from conftest import neo4j_settings
    from djkg.graph.neo4j_store import Neo4jStore
    cfg = neo4j_settings()
    return Neo4jStore(cfg["uri"], cfg["user"], cfg["password"])


def test_two_editors_on_one_version_one_wins_one_gets_409(store, tmp_path):
    write_review_doc(tmp_path)
    ingest_paths([tmp_path], store)
    other = _second_store(store, tmp_path)
    try:
        for year in range(2001, 2009):   # several rounds: each starts both editors from the same version
            version = store.case_version(REVIEW_CASE)
            gate = threading.Barrier(2)
            results: list = [None, None]

            def edit(i, s, value):
                gate.wait()
                try:
                    results[i] = correct_case(s, REVIEW_CASE, {"year": value}, version=version, actor=f"editor{i}")
                except Exception as exc:   # noqa: BLE001 - the assertion below shows what happened
                    results[i] = exc

            threads = [threading.Thread(target=edit, args=(0, store, year)),
                       threading.Thread(target=edit, args=(1, other, year + 50))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            won = [r for r in results if not isinstance(r, Exception)]
            lost = [r for r in results if isinstance(r, VersionConflict)]
            assert len(won) == 1 and len(lost) == 1, results
            assert lost[0].current == won[0].version == store.case_version(REVIEW_CASE)
            assert case_record(store, REVIEW_CASE)["year"] in (year, year + 50)
        assert len(store.corrections([REVIEW_CASE])[REVIEW_CASE]) == 8 == audit_page(store, action="correct")[1]
    finally:
        other.close()


def test_two_commits_from_one_version_race_inside_the_transaction(store, tmp_path):
    """Both writers have read the case and built their graphs; only the store's check inside the write
    transaction stands between them (both stores: SQLite's BEGIN IMMEDIATE, Neo4j's lock on the CaseGraph)."""
    store.commit(Commit(graphs=[build_case("a")]))
    other = _second_store(store, tmp_path)
    try:
        for round_ in range(6):
            version = store.case_version("case:a")
            graphs = [build_case("a", problems=(f"p{round_}-{i}",)) for i in range(2)]
            gate = threading.Barrier(2)
            results: list = [None, None]

            def write(i, s):
                gate.wait()
                try:
                    results[i] = s.commit(Commit(graphs=[graphs[i]], versions={"case:a": version},
                                                 corrections=[Correction("case:a", {"round": round_}, f"w{i}")]))
                except Exception as exc:   # noqa: BLE001 - asserted below
                    results[i] = exc

            threads = [threading.Thread(target=write, args=(i, s)) for i, s in enumerate((store, other))]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert sorted(type(r).__name__ for r in results) == ["VersionConflict", "list"], results
            winner = next(i for i, r in enumerate(results) if isinstance(r, list))
            assert store.case_version("case:a") == graphs[winner].content_hash()
        assert len(store.corrections(["case:a"])["case:a"]) == 6
    finally:
        other.close()


def _loop(stop: threading.Event, errors: list, step) -> threading.Thread:
    """A thread running ``step(n)`` for n = 1, 2, … until ``stop`` is set; what it raises lands in ``errors``."""
    def run():
        n = 0
        try:
            while not stop.is_set():
                n += 1
                step(n)
        except BaseException as exc:   # noqa: BLE001 - the test asserts ``errors`` is empty
            errors.append(exc)
    return threading.Thread(target=run)


def test_reads_during_rewrites_see_a_whole_version(store, tmp_path):
    """A case rewritten over and over (its nodes replaced each time) while another connection reads it: every read
    gives one of the versions written, never a half-deleted node (Neo4j reads are read-committed)."""
    graphs = [build_case("a", problems=(f"p{i}",), title=f"版本 {i}") for i in range(2)]
    versions = {g.content_hash() for g in graphs}
    store.commit(Commit(graphs=[graphs[0]]))
    reader = _second_store(store, tmp_path)
    stop = threading.Event()
    errors: list[BaseException] = []
    writer = _loop(stop, errors, lambda n: store.commit(Commit(graphs=[graphs[n % 2]])))
    writer.start()
    try:
        for _ in range(150):
            graph, version = reader.case_graph("case:a")
            assert version in versions and graph.content_hash() == version
            assert reader.case_version("case:a") in versions
            [node] = reader.get_nodes(["case:a"])
            assert node.props["title"] in ("版本 0", "版本 1")
    finally:
        stop.set()
        writer.join(timeout=120)
        reader.close()
    assert errors == []


def test_an_ingest_during_edits_loses_no_correction(store, tmp_path):
    """One thread re-ingests the (changing) write-up again and again while another adds corrections; every
    correction is in the stored case at the end, and in a final re-ingest."""
    folder = tmp_path / "docs"
    write_review_doc(folder)
    ingest_paths([folder], store)
    other = _second_store(store, tmp_path)
    phrases = [f"第{i}号遗留问题难" for i in range(8)]
    done = threading.Event()
    ingests = [0]
    errors: list[BaseException] = []

    def reingest(n):
        write_review_doc(folder, extra=f"\n第{n}次补充说明。\n")
        ingest_paths([folder], other, actor="loader")
        ingests[0] += 1

    def edit():
        try:
            for phrase in phrases:
                seen = ingests[0]
                while ingests[0] == seen and loader.is_alive():   # each edit lands while the next ingest runs
                    time.sleep(0.01)
                while True:   # an editor who meets a 409 reloads and tries again
                    try:
                        correct_case(store, REVIEW_CASE, {"add_problems": [phrase]},
                                     version=store.case_version(REVIEW_CASE), actor="alice")
                        break
                    except VersionConflict:
                        continue
        except BaseException as exc:   # noqa: BLE001 - asserted below
            errors.append(exc)
        finally:
            done.set()

    loader, editor = _loop(done, errors, reingest), threading.Thread(target=edit)
    for t in (loader, editor):
        t.start()
    for t in (editor, loader):
        t.join(timeout=600)
    other.close()
    assert errors == [] and ingests[0] >= len(phrases)
    names = {p["name"] for p in case_record(store, REVIEW_CASE)["problems"]}
    assert set(phrases) <= names
    write_review_doc(folder, extra="\n最后一次修改。\n")
    assert ingest_paths([folder], store).updated == 1
    assert set(phrases) <= {p["name"] for p in case_record(store, REVIEW_CASE)["problems"]}


# --- migration carries the review data ------------------------------------------------------------------

def test_migration_copies_corrections_and_the_audit_trail(tmp_path):
    lite = SqliteStore(tmp_path / "djkg.sqlite3")
    write_review_doc(tmp_path / "docs")
    ingest_paths([tmp_path / "docs"], lite, actor="loader")
    correct_case(lite, REVIEW_CASE, {"year": 2016}, version=lite.case_version(REVIEW_CASE), actor="alice")
    neo = make_neo4j_store()
    try:
        for _ in range(2):   # idempotent
            assert copy_store(lite, neo)["equal"]
            assert [k.to_dict() for k in neo.iter_corrections()] == [k.to_dict() for k in lite.iter_corrections()]
            assert [e.to_dict() for e in neo.iter_audit()] == [e.to_dict() for e in lite.iter_audit()]
        assert neo.case_version(REVIEW_CASE) == lite.case_version(REVIEW_CASE)
        write_review_doc(tmp_path / "docs", extra="\n补充。\n")   # a re-ingest into the target keeps the correction
        assert ingest_paths([tmp_path / "docs"], neo).updated == 1
        assert case_record(neo, REVIEW_CASE)["year"] == 2016
    finally:
        neo.close()
        lite.close()


# --- taxonomy decisions from two reviewers at once ------------------------------------------------------------

def test_two_reviewers_deciding_at_once_lose_no_decision(store, tmp_path):
    from djkg.ingest import accepted
    from djkg.services.candidates import accept, list_candidates, reject
    docs = tmp_path / "docs"
    for key, phrase in (("demo-a", "红白喜事攀比难"), ("demo-b", "村规民约落实难")):
        path = write_review_doc(docs, name=f"{key}.md")
        path.write_text(path.read_text(encoding="utf-8").replace("review-demo", key).replace(REVIEW_CANDIDATE, phrase),
                        encoding="utf-8")
    ingest_paths([docs], store)
    ids = {c["name"]: c["id"] for c in list_candidates(store)[0]}
    decisions_file = tmp_path / "data" / "accepted_concepts.yaml"
    gate = threading.Barrier(2)
    errors = []

    def decide(fn):
        gate.wait()
        try:
            fn()
        except Exception as exc:   # noqa: BLE001 - asserted below
            errors.append(exc)

    threads = [threading.Thread(target=decide, args=(lambda: accept(store, decisions_file, ids["红白喜事攀比难"],
                                                                     as_="new", actor="alice"),)),
               threading.Thread(target=decide, args=(lambda: reject(store, decisions_file, ids["村规民约落实难"],
                                                                     actor="bob"),))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    saved = accepted.load(decisions_file)
    assert [p["name"] for p in saved["problems"]] == ["红白喜事攀比难"]
    assert [r["name"] for r in saved["rejected"]] == ["村规民约落实难"]
    a = {p["name"] for p in case_record(store, "case:demo-a")["problems"]}
    b = {p["name"] for p in case_record(store, "case:demo-b")["problems"]}
    assert "红白喜事攀比难" in a and not any(p.get("candidate") for p in case_record(store, "case:demo-a")["problems"])
    assert "村规民约落实难" not in b
    assert sorted(e["action"] for e in audit_page(store, since="2000-01-01T00:00:00.000000Z")[0]
                  if e["action"] != "ingest") == ["accept", "reject"]

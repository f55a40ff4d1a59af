"""Parallel ingest (``--jobs N``): the same items, the same store as one process; a dying worker costs nothing.

Everything here runs real worker processes (forkserver), real files and real SQLite stores; the crash tests
kill workers for real (SIGKILL from outside, ``os._exit`` inside a worker task).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from djkg.graph.sqlite_store import SqliteStore
from djkg.ingest.parallel import extract_files, prepare_files
from djkg.ingest.pipeline import ingest_paths, write_prepared
from djkg.ingest.readers import RawDoc, discover, read_all

from conftest import CORPUS, REPO, embedded_env

GOLD = [REPO / "tests" / "gold" / name for name in ("extraction_dev_lead", "extraction_dev_b", "extraction_dev_c",
                                                        "extraction_real", "extraction_real_heldout")]


def _dry_run(paths, jobs: int) -> list[str]:
    lines: list[str] = []
    report = ingest_paths(paths, None, dry_run=True, jobs=jobs,
                          on_item=lambda item: lines.append(json.dumps(item.to_json(), ensure_ascii=False)))
    assert report.dry_run + report.failed + report.skipped == len(lines)
    return lines


def store_dump(path: Path) -> dict[str, list]:
    """Every row of every table a write touches (FTS included), sorted."""
    conn = sqlite3.connect(path)
    try:
        return {table: sorted(map(tuple, conn.execute(f"SELECT {cols} FROM {table}")))
                for table, cols in (("nodes", "id, label, name, owner, props"),
                                    ("edges", "src, type, dst, case_id, props"),
                                    ("case_graphs", "case_id, hash, graph"),
                                    ("node_fts", "id, label, name, body"),
                                    ("meta", "key, value"))}
    finally:
        conn.close()


def _ingest_into(path: Path, paths, jobs: int):
    store = SqliteStore(path)
    try:
        return ingest_paths(paths, store, jobs=jobs, keep_items=True)
    finally:
        store.close()


@pytest.mark.parametrize("paths", [[CORPUS], GOLD], ids=["corpus", "gold-sets"])
def test_parallel_dry_run_json_is_identical_to_one_process(paths):
    single = _dry_run(paths, 1)
    assert len(single) > 50
    assert _dry_run(paths, 2) == single
    assert _dry_run(paths, 3) == single   # more workers than cores: still the same order


@pytest.mark.parametrize("paths", [[CORPUS], GOLD], ids=["corpus", "gold-sets"])
def test_parallel_ingest_writes_the_same_store(paths, tmp_path):
    one = _ingest_into(tmp_path / "one" / "djkg.sqlite3", paths, 1)
    two = _ingest_into(tmp_path / "two" / "djkg.sqlite3", paths, 2)
    assert one.summary() == two.summary() and one.inserted > 50
    assert [(i.source, i.status, i.error) for i in one.items] == [(i.source, i.status, i.error) for i in two.items]
    assert store_dump(tmp_path / "one" / "djkg.sqlite3") == store_dump(tmp_path / "two" / "djkg.sqlite3")
    again = _ingest_into(tmp_path / "two" / "djkg.sqlite3", paths, 2)   # idempotent in parallel too
    assert again.unchanged == one.inserted and again.inserted == again.updated == 0


def _copies(folder: Path, n: int, *, marks: dict[int, str] | None = None) -> list[Path]:
    """``n`` corpus write-ups as separate files under distinct ids (``marks`` puts a word in some names)."""
    base = [d for d in read_all([CORPUS]) if isinstance(d, RawDoc) and d.fmt == "md"]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        d = base[i % len(base)]
        head = yaml.safe_dump({**d.meta, "id": f"copy-{i}"}, allow_unicode=True, sort_keys=True)
        path = folder / f"{i:05d}{(marks or {}).get(i, '')}.md"
        path.write_text(f"---\n{head}---\n{d.text}", encoding="utf-8")
        out.append(path)
    return out


# Worker tasks that fail for real, for the files whose names carry a mark (module level: workers import them).

def crash_on_marked(files, max_bytes, with_graph):
    if any("crash-me" in str(f) for f in files):
        os._exit(70)          # the worker process dies, as it would on a segfault or the OOM killer
    return extract_files(files, max_bytes, with_graph)


def raise_on_marked(files, max_bytes, with_graph):
    if any("raise-me" in str(f) for f in files):
        raise RuntimeError("boom in a worker")
    return extract_files(files, max_bytes, with_graph)


def slow_worker(files, max_bytes, with_graph):
    time.sleep(0.05)          # a worker slower than the writer's own process
    return extract_files(files, max_bytes, with_graph)


def test_the_writers_process_extracts_while_it_would_wait_and_the_store_is_the_same(tmp_path, monkeypatch):
    """With ``--jobs N`` this process is one of the N: when the next result in order is not ready it extracts the
    next chunk itself (written in its turn) instead of waiting for the workers."""
    import docx
    import djkg.ingest.parallel as parallel
    copies = _copies(tmp_path / "in", 120)
    for k in range(0, 120, 10):       # every tenth write-up as a Word file: read only in workers
        d = docx.Document()
        for line in copies[k].read_text(encoding="utf-8").split("---", 2)[2].strip().split("\n"):
            d.add_paragraph(line)
        d.save(copies[k].with_suffix(".docx"))
        copies[k].unlink()
    here: list[str] = []

    def counted(files, *args, **kwargs):
        here.extend(str(getattr(f, "path", f)) for f in files)
        return extract_files(files, *args, **kwargs)

    monkeypatch.setattr(parallel, "extract_files", counted)   # what this process extracts (workers are untouched)
    store = SqliteStore(tmp_path / "db" / "djkg.sqlite3")
    report = write_prepared(prepare_files(list(discover([tmp_path / "in"])), jobs=2, max_bytes=10 ** 7,
                                          work=slow_worker, help_locally=True), store, batch_size=16)
    store.close()
    assert report.inserted == 120
    assert 0 < len(here) < 120 and len(set(here)) == len(here)
    assert all(name.endswith(".md") for name in here)
    ref = SqliteStore(tmp_path / "ref" / "djkg.sqlite3")
    ingest_paths([tmp_path / "in"], ref, jobs=1, batch_size=16)
    ref.close()
    assert store_dump(tmp_path / "db" / "djkg.sqlite3") == store_dump(tmp_path / "ref" / "djkg.sqlite3")


@pytest.mark.parametrize("work, mark, message", [(crash_on_marked, "-crash-me", "工作进程意外退出"),
                                                 (raise_on_marked, "-raise-me", "boom in a worker")])
def test_a_failing_worker_reports_its_file_and_the_rest_goes_in(tmp_path, work, mark, message):
    files = _copies(tmp_path / "in", 60, marks={7: mark, 41: mark})
    interrupted: list[list[str]] = []
    store = SqliteStore(tmp_path / "db" / "djkg.sqlite3")
    report = write_prepared(prepare_files(list(discover([tmp_path / "in"])), jobs=2, max_bytes=10 ** 7,
                                          work=work, on_crash=interrupted.append), store, batch_size=16)
    failed = {Path(i.source).name: i.error for i in report.items if i.error}
    assert set(failed) == {files[7].name, files[41].name}
    assert all(message in e for e in failed.values())
    assert report.inserted == 58 and store.count_nodes("Case") == 58
    if work is crash_on_marked:
        assert interrupted and all(any(files[k].name in f for f in sum(interrupted, [])) for k in (7, 41))
    # the reference: one process, the two files left out
    for k in (7, 41):
        files[k].unlink()
    ref = SqliteStore(tmp_path / "ref" / "djkg.sqlite3")
    ingest_paths([tmp_path / "in"], ref, jobs=1, batch_size=16)
    store.close(), ref.close()
    assert store_dump(tmp_path / "db" / "djkg.sqlite3")["case_graphs"] == \
        store_dump(tmp_path / "ref" / "djkg.sqlite3")["case_graphs"]


def _workers_of(pid: int) -> list[int]:
    """The pool's worker processes: children of the forkserver that ``pid`` started."""
    def children(p: int) -> list[int]:
        try:
            return [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            return []
    out = []
    for child in children(pid):
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"forkserver" in cmd:
            out += children(child)
    return out


def _cases(db: Path) -> set[str]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return {r[0] for r in conn.execute("SELECT case_id FROM case_graphs")}
        finally:
            conn.close()
    except sqlite3.Error:
        return set()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
def test_killing_a_worker_mid_run_loses_nothing(tmp_path):
    """SIGKILL one worker of a running ``djkg ingest --jobs 2``: the interrupted files are named and retried,
    what was committed before stays, and the store ends exactly as a one-process ingest of the same files."""
    _copies(tmp_path / "in", 900)
    db = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(db), "ingest",
                             str(tmp_path / "in"), "--jobs", "2"], env=embedded_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed, committed_before = None, set()
    deadline = time.monotonic() + 240
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        committed_before = _cases(db / "djkg.sqlite3")
        workers = _workers_of(proc.pid)
        if committed_before and workers:
            killed = workers[0]
            os.kill(killed, signal.SIGKILL)
        else:
            time.sleep(0.05)
    out, err = proc.communicate(timeout=600)
    assert killed is not None, f"the ingest ended before a worker could be killed (rc {proc.returncode}): {err[-500:]}"
    assert proc.returncode == 0, err[-2000:]
    assert "工作进程意外退出" in err and "a worker process died" in err
    after = _cases(db / "djkg.sqlite3")
    assert committed_before <= after and len(after) == 900
    ref = tmp_path / "ref" / "djkg.sqlite3"
    _ingest_into(ref, [tmp_path / "in"], 1)
    assert store_dump(db / "djkg.sqlite3") == store_dump(ref)


def test_extraction_does_not_depend_on_the_process_it_runs_in(tmp_path):
    """Workers are other processes, with other string hashes: nothing extracted may follow a set's or a dict's hash
    order (the unit's Party organisation on a tie came out 党委 in one process, 党组 in another — another case id)."""
    base = [d for d in read_all([CORPUS]) if isinstance(d, RawDoc) and d.fmt == "md"]
    folder = tmp_path / "plain"
    folder.mkdir()
    for i, d in enumerate(base):      # without front matter: everything is extracted
        (folder / f"{i:04d}.txt").write_text(d.text, encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        env = {**embedded_env(), "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path / "x"), "ingest",
                              str(folder), "--dry-run", "--json", "--jobs", "1"], env=env, capture_output=True,
                             text=True, timeout=600)
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append(run.stdout)
    assert outputs[0].count("\n") > len(base) // 2
    assert outputs[0] == outputs[1]


def test_workers_are_started_only_for_a_run_big_enough_to_pay_for_them(tmp_path, monkeypatch):
    """``--jobs`` left to choose: a small folder is read in this process (starting workers costs about a second);
    from ``PARALLEL_FROM_FILES`` files on, the workers start."""
    import djkg.ingest.parallel as parallel
    import djkg.ingest.pipeline as pipeline
    _copies(tmp_path / "in", 6)
    calls: list[int] = []
    real = parallel.prepare_files

    def counted(files, **kwargs):
        calls.append(kwargs["jobs"])
        return real(files, **kwargs)

    monkeypatch.setattr(parallel, "prepare_files", counted)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    assert ingest_paths([tmp_path / "in"], None, dry_run=True, jobs=None).dry_run == 6
    assert calls == []
    monkeypatch.setattr(pipeline, "PARALLEL_FROM_FILES", 5)
    assert ingest_paths([tmp_path / "in"], None, dry_run=True, jobs=None).dry_run == 6
    assert calls == [2]


def test_cli_jobs_option_gives_the_same_json(tmp_path):
    def run(jobs: str) -> list[str]:
        r = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path / jobs), "ingest",
                            str(CORPUS), "--dry-run", "--json", "--jobs", jobs], env=embedded_env(),
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr[-1000:]
        return r.stdout.splitlines()
    assert run("2") == run("1")


def test_a_workers_graph_arrives_encoded_as_the_writer_would_have_encoded_it():
    # the writer is the serial stage: a worker encodes each case (version, JSON text, props) and the writer uses it
    from djkg.graph.serialize import dumps_graph, encode, props_json
    from djkg.ingest.parallel import _graph_from_tuples, _graph_tuples
    from djkg.ingest.pipeline import prepare_doc
    doc = next(d for d in read_all([CORPUS]) if isinstance(d, RawDoc))
    _, graph = prepare_doc(doc)
    arrived = _graph_from_tuples(_graph_tuples(graph))
    assert arrived.encoded is not None and arrived == graph           # the encoding is no part of the content
    assert arrived.content_hash() == graph.content_hash() and dumps_graph(arrived) == dumps_graph(graph)
    assert arrived.encoded.node_props == tuple(props_json(n.props) for n in graph.all_nodes())
    assert encode(arrived) == arrived.encoded                         # encoding an encoded graph encodes it afresh


def test_the_encoded_version_is_the_content_hash():
    # ``encode`` puts the version together from the props it has encoded; it must be the hash of the whole graph
    from djkg.graph.schema import CaseGraph, Edge, Node
    from djkg.graph.serialize import encode
    from djkg.ingest.pipeline import prepare_doc
    graphs = [g for d in read_all([CORPUS]) if isinstance(d, RawDoc) for g in [prepare_doc(d)[1]] if g is not None]
    case = Node("case:x", "Case", {"title": 'a "quoted" 标题\n', "z": {"b": 1, "a": [2.5, None, True]}, "n": -0.1})
    region = Node("region:1", "Region", {"name": "某县"})
    graphs += [CaseGraph(case), CaseGraph(case, [region], [Edge("case:x", "LOCATED_IN", "region:1")]),
               CaseGraph(case, [region, case], [Edge("case:x", "LOCATED_IN", "region:1", {"w": 1}),
                                                Edge("case:x", "LOCATED_IN", "region:1", {"w": 1})])]
    assert len(graphs) > 150
    for g in graphs:
        assert encode(g).digest == CaseGraph(g.case, g.nodes, g.edges).content_hash()

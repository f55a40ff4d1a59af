"""Crash safety and concurrency on the embedded store, with real processes.

- an ingest killed with SIGKILL inside a write transaction leaves only whole cases, and re-running it ends
  with exactly the full set (the rest inserted, the survivors unchanged);
- the API under steady load while a CLI ingest of 1,000+ cases runs: zero 5xx, zero "database is locked",
  every case visible afterwards.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import djkg_server, embedded_env

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

pytestmark = pytest.mark.slow

DJKG = [sys.executable, "-m", "djkg.cli.main"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    from generate_cases import write_jsonl
    return write_jsonl(1200, tmp_path_factory.mktemp("synth") / "batch.jsonl", seed=11)


def count_cases(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return c.execute("SELECT count(*) FROM case_graphs").fetchone()[0]
        finally:
            c.close()
    except sqlite3.OperationalError:
        return 0


def assert_only_whole_cases(db: Path) -> int:
    from djkg.graph.sqlite_store import SqliteStore
    store = SqliteStore(db)
    try:
        assert store.integrity_check() == "ok"
        conn = store.conn
        # every stored case has exactly the edges and owned nodes its CaseGraph lists — nothing half-written
        rows = conn.execute("SELECT case_id, graph FROM case_graphs").fetchall()
        edges = dict(conn.execute("SELECT case_id, count(*) FROM edges WHERE case_id <> '' GROUP BY case_id").fetchall())
        owned = dict(conn.execute("SELECT owner, count(*) FROM nodes WHERE owner IS NOT NULL GROUP BY owner").fetchall())
        for case_id, graph in rows:
            g = json.loads(graph)
            expect_edges = sum(1 for e in g["edges"] if e["type"] != "PART_OF")
            expect_owned = sum(1 for n in g["nodes"] if n["label"] in ("Case", "Outcome"))
            assert edges.get(case_id, 0) == expect_edges, case_id
            assert owned.get(case_id, 0) == expect_owned, case_id
        orphans = conn.execute("SELECT count(*) FROM nodes WHERE owner IS NOT NULL AND owner NOT IN "
                               "(SELECT case_id FROM case_graphs)").fetchone()[0]
        assert orphans == 0
        assert store.stats()["nodes"]["Case"] == len(rows)
        return len(rows)
    finally:
        store.close()


# ``djkg ingest`` as it is, watched through SQLite's statement trace: once KILL_AFTER_COMMITS write
# transactions have committed, the process SIGKILLs itself after the KILL_AFTER_WRITES-th write statement of
# the next one — inside an open write transaction, every time, however fast or slow the machine is.
CRASHING_INGEST = r"""
import os, signal, sqlite3, sys
after, writes = int(os.environ["KILL_AFTER_COMMITS"]), int(os.environ["KILL_AFTER_WRITES"])
seen = {"commits": 0, "writes": 0}
def trace(sql):
    head = sql.lstrip()[:8].upper()
    if head.startswith("BEGIN"):
        seen["writes"] = 0
    elif head.startswith("COMMIT"):
        seen["commits"] += 1
    elif head.startswith(("INSERT", "UPDATE", "DELETE")) and seen["commits"] >= after:
        seen["writes"] += 1
        if seen["writes"] >= writes:
            os.kill(os.getpid(), signal.SIGKILL)
class Traced(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_trace_callback(trace)
connect = sqlite3.connect
sqlite3.connect = lambda *args, **kwargs: connect(*args, factory=Traced, **kwargs)
from djkg.cli.main import main
sys.argv = ["djkg", *sys.argv[1:]]
main()
"""


def ingest_summary(args: list[str], env: dict[str, str]) -> dict[str, int]:
    done = subprocess.run([*DJKG, "ingest", "--json", *args], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])["summary"]


def test_sigkill_mid_ingest_leaves_only_whole_cases_and_rerun_completes(batch, tmp_path):
    data = tmp_path / "var"
    db = data / "djkg.sqlite3"
    env = embedded_env(DJKG_DATA_DIR=str(data))
    crash = subprocess.run([sys.executable, "-c", CRASHING_INGEST, "ingest", str(batch)], capture_output=True,
                           text=True, timeout=600, env={**env, "KILL_AFTER_COMMITS": "3", "KILL_AFTER_WRITES": "40"})
    assert crash.returncode == -signal.SIGKILL, ("the ingest was not killed mid-write", crash.returncode,
                                                 crash.stderr[-2000:])
    partial = assert_only_whole_cases(db)
    assert 0 < partial < 1200
    rerun = ingest_summary([str(batch)], env)
    assert (rerun["inserted"], rerun["unchanged"], rerun["updated"], rerun["failed"]) == (1200 - partial, partial, 0, 0)
    assert assert_only_whole_cases(db) == 1200
    again = ingest_summary([str(batch)], env)
    assert (again["inserted"], again["updated"], again["unchanged"], again["failed"]) == (0, 0, 1200, 0)
    assert count_cases(db) == 1200


def test_api_under_load_while_cli_ingests(batch, tmp_path):
    data = tmp_path / "var"
    env = embedded_env(DJKG_DATA_DIR=str(data))
    # a store with some content before the server starts
    seed = subprocess.run([*DJKG, "ingest", str(REPO / "data" / "cases")], env=env, capture_output=True, timeout=600)
    assert seed.returncode in (0, 1), seed.stderr.decode()[-2000:]
    before = count_cases(data / "djkg.sqlite3")
    log = tmp_path / "server.log"
    statuses: dict[int, int] = {}
    with djkg_server(data, log=log, env=env) as base:
        ingest = subprocess.Popen([*DJKG, "ingest", str(batch)], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        requests = [
            ("POST", "/api/v1/recommendations", {"region": "山东省烟台市", "industry": "农村", "problems": ["村集体经济薄弱"]}),
            ("GET", "/api/v1/cases?limit=20", None),
            ("GET", "/api/v1/search?q=%E5%90%88%E4%BD%9C%E7%A4%BE", None),
            ("GET", "/api/v1/models", None),
            ("GET", "/healthz", None),
        ]
        deadline = time.monotonic() + 300          # bounded in time …
        sent = 0
        with httpx.Client(base_url=base, timeout=30) as client:
            while ingest.poll() is None and time.monotonic() < deadline and sent < 20000:   # … and in count
                method, path, body = requests[sent % len(requests)]
                r = client.request(method, path, json=body)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                sent += 1
        assert ingest.wait(timeout=600) == 0
        with httpx.Client(base_url=base, timeout=30) as client:
            total = client.get("/api/v1/cases?limit=1").json()["total"]
    assert sent > 50, "the load barely ran"
    assert not any(code >= 500 for code in statuses), statuses
    assert "database is locked" not in log.read_text(encoding="utf-8")
    assert total == before + 1200

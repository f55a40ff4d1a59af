"""Neo4j chosen the way a user or docker-compose chooses it, in real processes against the real test server:
``--neo4j-uri`` on the command line, and ``DJKG_NEO4J_URI`` / ``_USER`` / ``_PASSWORD`` / ``_DATABASE`` in the
environment — for the CLI and for ``djkg serve``. Every other subprocess test strips these variables.

Runs against the real test server (scripts/neo4j-test-server); skips visibly without one, fails in CI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from djkg.graph.neo4j_store import Neo4jStore

from conftest import djkg_server, embedded_env, make_neo4j_store, require_neo4j

pytestmark = pytest.mark.neo4j

CASE = """---
id: neo4j-selected
title: 通过 Neo4j 写入的案例
unit: 栖霞市某村党支部
region: 山东省烟台市栖霞市
industry: 农村
---
一、面临问题
村集体经济薄弱，土地撂荒。
二、主要做法
村党支部领办合作社，群众以土地入股。
三、取得成效
村集体收入由2万元提高到30万元。
"""


def djkg(*args: str, data: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=300, env=env)


def test_neo4j_is_selected_by_flag_and_by_environment_for_cli_and_server(tmp_path):
    cfg = require_neo4j()
    make_neo4j_store().close()   # the test server's database, cleared
    f = tmp_path / "case.md"
    f.write_text(CASE, encoding="utf-8")
    data = tmp_path / "var"
    # user and password from the environment (as docker-compose passes them), the URI from the flag
    creds = embedded_env(DJKG_NEO4J_USER=cfg["user"], DJKG_NEO4J_PASSWORD=cfg["password"])
    proc = djkg("--neo4j-uri", cfg["uri"], "ingest", "--json", str(f), data=data, env=creds)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.splitlines()[-1])["summary"]["inserted"] == 1
    direct = Neo4jStore(cfg["uri"], cfg["user"], cfg["password"])
    try:
        assert direct.get_node("case:neo4j-selected").props["title"] == "通过 Neo4j 写入的案例"
    finally:
        direct.close()

    # everything from the environment, the database named too
    env = {**creds, "DJKG_NEO4J_URI": cfg["uri"], "DJKG_NEO4J_DATABASE": "neo4j"}
    stats = djkg("stats", "--json", data=data, env=env)
    assert stats.returncode == 0, stats.stderr[-2000:]
    assert json.loads(stats.stdout)["nodes"]["Case"] == 1
    again = djkg("ingest", "--json", str(f), data=data, env=env)
    assert json.loads(again.stdout.splitlines()[-1])["summary"]["unchanged"] == 1
    # the database variable is really read: one that does not exist is refused, as the user's mistake
    missing = djkg("stats", "--json", data=data, env={**env, "DJKG_NEO4J_DATABASE": "nosuchdb"})
    assert missing.returncode == 2 and "nosuchdb" in missing.stderr and "Traceback" not in missing.stderr
    # … and so is the password
    wrong = djkg("stats", "--json", data=data, env={**env, "DJKG_NEO4J_PASSWORD": "wrong"})
    assert wrong.returncode == 2 and "Neo4j" in wrong.stderr

    # the API server picks Neo4j from the same environment (what docker-compose runs)
    with djkg_server(data, env=env) as base, httpx.Client(base_url=base, timeout=30) as client:
        health = client.get("/healthz").json()
        assert health["store"] == "neo4j" and health["cases"] == 1
        assert client.get("/api/v1/cases/case:neo4j-selected").json()["title"] == "通过 Neo4j 写入的案例"
    assert not (data / "djkg.sqlite3").exists(), "the embedded store was opened although Neo4j was chosen"

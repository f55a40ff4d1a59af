"""Concurrency for real: ``djkg serve`` processes (two workers) on 127.0.0.1 over SQLite and over the real Neo4j,
two editors sending corrections made from the same version at the same moment (one wins, one gets 409), and a
CLI ingest process re-ingesting the case again and again while editors keep correcting it (nothing is lost)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import httpx
import pytest

from conftest import (BACKENDS, REVIEW_CASE, djkg_server, embedded_env, make_neo4j_store, neo4j_settings,
                      write_review_doc)

CASE_URL = f"/api/v1/cases/{REVIEW_CASE}"


@pytest.fixture(params=BACKENDS)
def served(request, tmp_path):
    """(base URL, env, editor keys, docs folder): the review write-up ingested by the CLI, two editor keys made
    by ``djkg keys add``, and a two-worker server on the chosen store."""
    data = tmp_path / "data"
    if request.param == "sqlite":
        env = embedded_env(DJKG_DATA_DIR=str(data))
    else:
        make_neo4j_store().close()   # a clean database (and the skip or failure when there is no server)
        cfg = neo4j_settings()
        env = {**os.environ, "DJKG_DATA_DIR": str(data), "DJKG_NEO4J_URI": cfg["uri"], "DJKG_NEO4J_USER": cfg["user"],
               "DJKG_NEO4J_PASSWORD": cfg["password"]}
    docs = tmp_path / "docs"
    write_review_doc(docs)
    run = lambda *args: subprocess.run([sys.executable, "-m", "djkg.cli.main", *args], env=env,   # noqa: E731
                                       capture_output=True, text=True, timeout=300)
    done = run("ingest", str(docs))
    assert done.returncode == 0, done.stderr[-2000:]
    keys = []
    for name in ("editor-a", "editor-b"):
        made = run("keys", "add", name, "--role", "editor")
        assert made.returncode == 0, made.stderr
        keys.append(made.stdout.strip())
    with djkg_server(data, env=env, workers=2, log=tmp_path / "server.log") as base:
        yield base, env, keys, docs
    assert "Traceback" not in (tmp_path / "server.log").read_text(encoding="utf-8")


def _version(client) -> str:
    return client.get(CASE_URL).json()["version"]


def test_two_editors_same_version_over_http_one_wins_one_gets_409(served):
    base, _, keys, _ = served
    with httpx.Client(base_url=base, timeout=60) as reader:
        for round_ in range(6):
            version = _version(reader)
            gate = threading.Barrier(2)
            answers: list = [None, None]

            def edit(i):
                with httpx.Client(base_url=base, timeout=60, headers={"X-API-Key": keys[i]}) as client:
                    gate.wait()
                    answers[i] = client.patch(CASE_URL, json={"version": version, "year": 2001 + round_ * 2 + i})

            threads = [threading.Thread(target=edit, args=(i,)) for i in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            codes = sorted(r.status_code for r in answers)
            assert codes == [200, 409], [r.text[:200] for r in answers]
            won = next(r for r in answers if r.status_code == 200)
            lost = next(r for r in answers if r.status_code == 409)
            assert lost.json()["detail"]["current_version"] == won.json()["version"] == _version(reader)
            assert lost.json()["detail"]["zh"] and lost.json()["detail"]["en"]
            assert reader.get(CASE_URL).json()["year"] == won.json()["case"]["year"]
        corrections = reader.get(CASE_URL).json()["corrections"]
        assert len(corrections) == 6 and {k["actor"] for k in corrections} <= {"editor-a", "editor-b"}


def test_an_ingest_process_during_edits_loses_nothing(served):
    base, env, keys, docs = served
    phrases = [f"第{i}号老大难" for i in range(6)]
    stop = threading.Event()
    runs = [0]

    def ingest_loop():
        n = 0
        while not stop.is_set():
            n += 1
            write_review_doc(docs, extra=f"\n第{n}次补充材料。\n")
            done = subprocess.run([sys.executable, "-m", "djkg.cli.main", "ingest", str(docs)], env=env,
                                  capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-2000:]
            runs[0] += 1

    loader = threading.Thread(target=ingest_loop)
    loader.start()
    conflicts = 0
    try:
        with httpx.Client(base_url=base, timeout=60, headers={"X-API-Key": keys[0]}) as client:
            for phrase in phrases:
                seen = runs[0]
                while runs[0] == seen and loader.is_alive():   # each edit lands while the next ingest runs
                    time.sleep(0.02)
                for _ in range(200):   # an editor who meets a 409 reloads the case and tries again
                    r = client.patch(CASE_URL, json={"version": _version(client), "add_problems": [phrase]})
                    if r.status_code == 200:
                        break
                    assert r.status_code == 409, r.text
                    conflicts += 1
                else:
                    pytest.fail("a correction never got through")
    finally:
        stop.set()
        loader.join(timeout=600)
    with httpx.Client(base_url=base, timeout=60) as client:
        names = {p["name"] for p in client.get(CASE_URL).json()["problems"]}
        assert set(phrases) <= names, (set(phrases) - names, runs[0], conflicts)
    write_review_doc(docs, extra="\n最后一次修改。\n")
    done = subprocess.run([sys.executable, "-m", "djkg.cli.main", "ingest", str(docs)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    with httpx.Client(base_url=base, timeout=60) as client:
        assert set(phrases) <= {p["name"] for p in client.get(CASE_URL).json()["problems"]}
    assert runs[0] >= len(phrases)

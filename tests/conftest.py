"""Shared fixtures: stores (parametrised over backends), CaseGraph builders, the shipped corpus — and CI mode.

Neo4j joins the parametrisation when ``DJKG_NEO4J_URI`` points at a server (``scripts/neo4j-test-server
start`` prints the variables). Without one the Neo4j variants skip with a visible reason — unless
``DJKG_REQUIRE_NEO4J=1`` (CI), where a missing server is a failure.

CI mode (``DJKG_REQUIRE_NO_SKIP=1``, set by ``.ci/run``): any test that skips fails instead, so a green CI run
means every test ran. A test may skip in CI only if it says why with ``@pytest.mark.skip_allowed("why")``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from djkg.graph import schema as S
from djkg.graph.schema import CaseGraph, Edge, Node
from djkg.graph.sqlite_store import SqliteStore

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))   # harness helpers shared with benchmarks/ (scripts/loopback.py)
CORPUS = REPO / "data" / "cases"

BACKENDS = ["sqlite", "neo4j"]


def gold_and_corpus_files() -> list[Path]:
    """Every gold-set report and every Markdown case of the shipped corpus: the real text a fast path is compared
    with its plain reading on."""
    return sorted((REPO / "tests" / "gold").glob("*/*.txt")) + sorted(CORPUS.rglob("*.md"))


@lru_cache(maxsize=2)
def gold_and_corpus_texts(*, normalised: bool = False) -> tuple[str, ...]:
    """The texts of ``gold_and_corpus_files``, as read or as extraction reads them (``normalise``)."""
    from djkg.ingest.normalise import normalise
    texts = (p.read_text(encoding="utf-8") for p in gold_and_corpus_files())
    return tuple(normalise(t) for t in texts) if normalised else tuple(texts)


def _this_workers_neo4j_server() -> None:
    """Under pytest-xdist each worker has a Neo4j test server of its own (scripts/run-tests starts one per worker and
    names them DJKG_NEO4J_URI_GW0 …): the Neo4j tests clear the database they use, so two workers never share one.
    Setting the plain variables here also hands the worker's server to the ``djkg`` processes its tests start."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return
    suffix = "_" + worker.upper()
    if os.environ.get("DJKG_NEO4J_URI" + suffix):
        for var in ("DJKG_NEO4J_URI", "DJKG_NEO4J_USER", "DJKG_NEO4J_PASSWORD"):
            os.environ[var] = os.environ.get(var + suffix, "")


_this_workers_neo4j_server()


def pytest_configure(config):
    if getattr(config.option, "dist", "no") in ("loadscope", "loadfile", "loadgroup"):
        # these modes key tests by node id, and schemathesis's per-operation tests share theirs: xdist drops them
        raise pytest.UsageError(f"--dist {config.option.dist} would silently drop the fuzz module's tests (they share "
                                "node ids): use --dist load or worksteal (scripts/run-tests)")
    workers = getattr(config.option, "numprocesses", None)
    if isinstance(workers, int) and workers > 1 and os.environ.get("DJKG_NEO4J_URI") \
            and not os.environ.get("DJKG_NEO4J_URI_GW0"):
        raise pytest.UsageError("DJKG_NEO4J_URI names one database but several test workers would clear it: run "
                                "the suite with scripts/run-tests (a server per worker) or with -n 0")


def neo4j_settings() -> dict[str, str] | None:
    uri = os.environ.get("DJKG_NEO4J_URI")
    if not uri:
        return None
    return {"uri": uri, "user": os.environ.get("DJKG_NEO4J_USER", "neo4j"),
            "password": os.environ.get("DJKG_NEO4J_PASSWORD", "")}


def embedded_env(**extra: str) -> dict[str, str]:
    """The environment for a ``djkg`` subprocess that must use the embedded store (no Neo4j variables)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJKG_NEO4J_")}
    env.update(extra)
    return env


@contextlib.contextmanager
def djkg_server(data_dir: Path, *, log: Path | None = None, env: dict[str, str] | None = None, workers: int = 1):
    """``djkg serve`` on a free loopback port with the embedded store in ``data_dir`` (or the store ``env`` names);
    yields the base URL once /healthz answers, stops the server (SIGTERM) afterwards."""
    with djkg_server_process(data_dir, log=log, env=env, workers=workers) as (base, _):
        yield base


@contextlib.contextmanager
def djkg_server_process(data_dir: Path, *, log: Path | None = None, env: dict[str, str] | None = None,
                        workers: int = 1):
    """As ``djkg_server``, yielding (base URL, the server's Popen) — for tests that watch the process."""
    import subprocess
    import sys

    from loopback import free_port, wait_healthy
    port = free_port()
    out = log.open("w") if log else subprocess.DEVNULL
    server = subprocess.Popen([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data_dir), "serve",
                               "--port", str(port), "--workers", str(workers)], env=env or embedded_env(), stdout=out,
                              stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=30)
        if log:
            out.close()


# --- CI mode: no test may skip ------------------------------------------------------------------------

REQUIRE_NO_SKIP = "DJKG_REQUIRE_NO_SKIP"


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    return str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if (report.skipped and not hasattr(report, "wasxfail") and os.environ.get(REQUIRE_NO_SKIP) == "1"
            and item.get_closest_marker("skip_allowed") is None):
        report.outcome = "failed"
        report.longrepr = (f"{REQUIRE_NO_SKIP}=1 (CI mode) but this test skipped — make it run, or mark it "
                           f"skip_allowed with the reason: {_skip_reason(report)}")


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    """A whole module skipped at import (``pytest.importorskip`` …) fails in CI mode too."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get(REQUIRE_NO_SKIP) == "1":
        report.outcome = "failed"
        report.longrepr = f"{REQUIRE_NO_SKIP}=1 (CI mode) but {collector.nodeid} skipped: {_skip_reason(report)}"


def require_neo4j() -> dict[str, str]:
    cfg = neo4j_settings()
    if cfg is None:
        if os.environ.get("DJKG_REQUIRE_NEO4J") == "1":
            pytest.fail("DJKG_REQUIRE_NEO4J=1 but DJKG_NEO4J_URI is not set: start scripts/neo4j-test-server")
        pytest.skip("no Neo4j server (set DJKG_NEO4J_URI, see scripts/neo4j-test-server)")
    return cfg


def make_neo4j_store():
    cfg = require_neo4j()
    from djkg.graph.neo4j_store import Neo4jStore
    store = Neo4jStore(cfg["uri"], cfg["user"], cfg["password"])
    store.clear_all()  # tests own the test server's database
    return store


@pytest.fixture(params=BACKENDS)
def store_factory(request, tmp_path):
    """A function returning a fresh, empty store of the parametrised backend."""
    made = []

    def factory():
        if request.param == "sqlite":
            s = SqliteStore(tmp_path / f"db{len(made)}" / "djkg.sqlite3")
        else:
            s = make_neo4j_store()
        made.append(s)
        return s

    factory.backend = request.param
    yield factory
    for s in made:
        s.close()


@pytest.fixture
def store(store_factory):
    return store_factory()


@pytest.fixture(autouse=True)
def _shipped_taxonomy():
    """Every test starts and ends with the shipped lexicons: a test whose app or CLI pointed ``taxonomy()`` at a
    data directory with review decisions must not change what later tests extract."""
    from djkg.ingest.taxonomy import use_accepted_concepts
    use_accepted_concepts(None)
    yield
    use_accepted_concepts(None)


# --- CaseGraph builders ---------------------------------------------------------------------------

def region_nodes(chain: list[tuple[str, str, str]]) -> tuple[list[Node], list[Edge]]:
    """[(adcode, name, level), ...] province first → Region nodes and PART_OF edges."""
    nodes = [Node(S.region_id(code), S.REGION, {"name": name, "level": level, "adcode": code})
             for code, name, level in chain]
    edges = [Edge(nodes[i + 1].id, S.PART_OF, nodes[i].id) for i in range(len(nodes) - 1)]
    return nodes, edges


def build_case(key: str, *, title: str | None = None, problems=("weak-collective-economy",),
               measures=("branch-led-cooperative",), model: str | None = "branch-led-cooperative",
               outcomes=(("collective-income", 120.0, "万元"),), text: str = "正文",
               region=(("370000", "山东省", "province"), ("370600", "烟台市", "city"),
                       ("370686", "栖霞市", "county")),
               field: str = "农村") -> CaseGraph:
    cid = S.case_id(explicit=key)
    case = Node(cid, S.CASE, {"title": title or f"案例 {key}", "unit": f"{key} 党支部", "year": 2020,
                               "text": text, "flags": []})
    nodes: list[Node] = []
    edges: list[Edge] = []
    rnodes, redges = region_nodes(list(region))
    nodes += rnodes
    edges += redges
    edges.append(Edge(cid, S.LOCATED_IN, rnodes[-1].id))
    ind = Node(S.industry_id(field), S.INDUSTRY, {"name": field, "level": "field"})
    nodes.append(ind)
    edges.append(Edge(cid, S.IN_INDUSTRY, ind.id))
    for p in problems:
        pid = S.concept_id(S.PROBLEM, p)
        nodes.append(Node(pid, S.PROBLEM, {"name": p}))
        edges.append(Edge(cid, S.FACES, pid, {"evidence": f"{p} 的证据"}))
    for m in measures:
        mid = S.concept_id(S.MEASURE, m)
        nodes.append(Node(mid, S.MEASURE, {"name": m}))
        edges.append(Edge(cid, S.APPLIES, mid, {"evidence": f"{m} 的证据"}))
        for p in problems:
            edges.append(Edge(mid, S.ADDRESSES, S.concept_id(S.PROBLEM, p)))
    if model:
        mo = S.concept_id(S.MODEL, model)
        nodes.append(Node(mo, S.MODEL, {"name": model}))
        edges.append(Edge(cid, S.INSTANCE_OF, mo))
        for m in measures:
            edges.append(Edge(mo, S.USES, S.concept_id(S.MEASURE, m)))
    for metric, value, unit in outcomes:
        oid = S.outcome_id(cid, metric, value, f"{metric}{value}{unit}")
        nodes.append(Node(oid, S.OUTCOME, {"name": metric, "metric": metric, "value": value, "unit": unit,
                                            "direction": "up", "evidence": f"{metric}{value}{unit}"}))
        edges.append(Edge(cid, S.ACHIEVES, oid))
    return CaseGraph(case=case, nodes=nodes, edges=edges)


# --- the shipped corpus, ingested once per test session ------------------------------------------

@pytest.fixture(scope="session")
def corpus_ingest(tmp_path_factory):
    """(store, report) for data/cases ingested into a fresh embedded store."""
    from djkg.ingest.pipeline import ingest_paths
    store = SqliteStore(tmp_path_factory.mktemp("corpus") / "djkg.sqlite3")
    report = ingest_paths([CORPUS], store, keep_items=True)
    yield store, report
    store.close()


@pytest.fixture(scope="session")
def corpus_store(corpus_ingest):
    return corpus_ingest[0]


# --- review and correct: a write-up whose extraction has every kind of fact (and a candidate problem) --------

REVIEW_DOC = """---
id: review-demo
title: 衣家村党支部领办合作社
unit: 衣家村党支部
region: 山东省烟台市栖霞市
industry: 农村
year: 2018
---
一、面临问题
过去村集体经济薄弱，集体账上分文没有，年轻人外出务工，土地撂荒。村里还存在议事协商难的问题。
二、主要做法
村党支部领办合作社，群众以土地入股。建立了“周末夜校”培训机制，每周给党员群众上课。
三、取得成效
村集体收入由2万元提高到35万元，入社农户达到120户。全县群众满意度达到98%。
"""
REVIEW_CASE = "case:review-demo"
REVIEW_CANDIDATE = "议事协商难"


def write_review_doc(folder: Path, *, extra: str = "", name: str = "review-demo.md") -> Path:
    """The review write-up in ``folder`` (``extra`` appended: a changed text re-ingests as "updated")."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(REVIEW_DOC + extra, encoding="utf-8")
    return path

"""Exports: GraphML read back by networkx, JSON-LD expanded by a JSON-LD processor, neo4j-admin CSV imported by the
real Neo4j import tool into a real server that then answers like the embedded store, spreadsheet tables, the
CLI verb and the streaming endpoint behind the API key."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import yaml
from fastapi.testclient import TestClient
from pyld import jsonld

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph import schema as S
from djkg.graph.migrate import copy_store
from djkg.graph.sqlite_store import SqliteStore
from djkg.queries.index import model_index
from djkg.queries.models import list_models
from djkg.services.export import export_to, stream_export
from djkg.services.recommend import recommend

from conftest import REPO, build_case, embedded_env, make_neo4j_store, require_neo4j

GOLD_PROFILES = [p for name in ("profiles_dev_lead.yaml", "profiles_dev_b.yaml", "profiles_heldout_c.yaml")
                 for p in yaml.safe_load((REPO / "tests" / "gold" / name).read_text(encoding="utf-8"))]


def _all_nodes(store) -> list:
    return [n for label in S.LABELS for n in store.list_nodes(label, limit=-1)]


def test_graphml_reads_back_in_networkx_with_the_same_nodes_edges_and_labels(corpus_store, tmp_path):
    out = tmp_path / "djkg.graphml"
    export_to(corpus_store, "graphml", out)
    g = nx.read_graphml(out)
    stats = corpus_store.stats()
    assert g.number_of_nodes() == sum(stats["nodes"].values())
    assert g.number_of_edges() == sum(stats["edges"].values())
    nodes = {n.id: n for n in _all_nodes(corpus_store)}
    assert set(g.nodes) == set(nodes)
    for nid, data in g.nodes(data=True):
        assert data["type"] == nodes[nid].label and data["label"] == nodes[nid].name
        assert json.loads(data["props"]) == nodes[nid].props
    assert Counter(t for _, _, t in g.edges(data="type")) == Counter({t: n for t, n in stats["edges"].items() if n})
    for src, dst, data in g.edges(data=True):
        if data["type"] in S.AGGREGATED_EDGES:
            stored = {e.dst: e for e in corpus_store.edges_of(src, types=(data["type"],), direction="out")}
            assert data["support"] == stored[dst].props["support"] == data["weight"]


def test_hostile_text_stays_data_in_graphml_and_tables(tmp_path):
    store = SqliteStore(tmp_path / "db" / "djkg.sqlite3")
    hostile = '=HYPERLINK("http://x")</data><node id="x"/>&amp;\x0c"\'<script>'
    store.upsert_case(build_case("h", title=hostile, text=hostile))
    export_to(store, "graphml", tmp_path / "h.graphml")
    g = nx.read_graphml(tmp_path / "h.graphml")
    assert g.nodes["case:h"]["label"] == hostile.replace("\x0c", "")     # XML cannot carry a form feed
    assert json.loads(g.nodes["case:h"]["props"])["title"] == hostile     # the JSON keeps it exactly
    export_to(store, "csv", tmp_path / "tables")
    with (tmp_path / "tables" / "cases.csv").open(encoding="utf-8-sig") as f:
        row = next(csv.DictReader(f))
    assert row["title"] == "'" + hostile          # a spreadsheet shows it as text, never runs it as a formula
    store.close()


def test_jsonld_expands_with_its_context(corpus_store, tmp_path):
    out = tmp_path / "djkg.jsonld"
    export_to(corpus_store, "jsonld", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["Case"] == "schema:Article" and doc["@context"]["name"] == "schema:name"
    stats = corpus_store.stats()
    assert len(doc["@graph"]) == sum(stats["nodes"].values())
    ids = {o["@id"] for o in doc["@graph"]}
    expanded = jsonld.expand(doc)        # offline: the context is inline
    assert len(expanded) == len(ids)
    refs = [r["@id"] for o in expanded for k, v in o.items() if k.startswith("urn:djkg:vocab:")
            for r in v if isinstance(r, dict) and "@id" in r]
    assert refs and all(r.startswith("urn:djkg:") for r in refs)
    by_type = Counter(o["@type"] for o in doc["@graph"])
    assert by_type == Counter({k: v for k, v in stats["nodes"].items() if v})
    cases = [o for o in expanded if "https://schema.org/Article" in o["@type"]]
    assert len(cases) == stats["nodes"]["Case"] and all("https://schema.org/headline" in c for c in cases)


def test_spreadsheet_tables_have_one_row_per_case_outcome_and_model(corpus_store, tmp_path):
    files = export_to(corpus_store, "csv", tmp_path / "tables")
    assert [f.name for f in files] == ["cases.csv", "outcomes.csv", "models.csv"]
    assert files[0].read_bytes().startswith(b"\xef\xbb\xbf")       # BOM: Excel reads Chinese right

    def rows(name):
        with (tmp_path / "tables" / name).open(encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))
    stats = corpus_store.stats()
    cases = rows("cases.csv")
    assert len(cases) == stats["nodes"]["Case"] and len(rows("outcomes.csv")) == stats["nodes"]["Outcome"]
    models = rows("models.csv")
    assert [m["id"] for m in models] == [m.id for m in list_models(model_index(corpus_store), include_candidates=True)]
    assert all(m["maturity"] for m in models)
    qixia = next(c for c in cases if c["county"] == "栖霞市")
    assert qixia["province"] == "山东省" and qixia["model"] and qixia["problems"]


def test_exports_are_the_same_from_both_stores(corpus_store, tmp_path):
    neo = make_neo4j_store()
    try:
        copy_store(corpus_store, neo)
        for fmt in ("graphml", "jsonld", "neo4j-admin", "csv"):
            a, b = export_to(corpus_store, fmt, tmp_path / "lite" / fmt), export_to(neo, fmt, tmp_path / "neo" / fmt)
            assert [f.name for f in a] == [f.name for f in b]
            for x, y in zip(a, b):
                assert x.read_bytes() == y.read_bytes(), (fmt, x.name)
    finally:
        neo.close()


def test_neo4j_admin_columns_are_typed_as_the_values_are(tmp_path):
    """year is a long, a float fact a double, text a quoted string; a row whose value has another type than its
    column's usual one goes to a second file of that label with its own header (nothing is coerced)."""
    from djkg.graph.schema import CaseGraph, Node
    store = SqliteStore(tmp_path / "db" / "djkg.sqlite3")
    store.upsert_case(build_case("a"))
    odd = build_case("b")
    store.upsert_case(CaseGraph(Node(odd.case.id, odd.case.label, {**odd.case.props, "unit": 8341}),
                                odd.nodes, odd.edges))
    files = {f.name: f for f in export_to(store, "neo4j-admin", tmp_path / "out")}
    assert {"node_Case.csv", "node_Case.1.csv", "rel_FACES.csv", "casegraph.csv", "meta.csv"} <= set(files)
    headers = {name: f.read_text(encoding="utf-8").splitlines()[0] for name, f in files.items() if name.endswith(".csv")}
    assert "year:long" in headers["node_Case.csv"] and ",unit," in headers["node_Case.csv"]
    assert ",unit:long," in headers["node_Case.1.csv"]
    assert headers["rel_FACES.csv"] == ":START_ID(Node),:END_ID(Node),case_id,props,:TYPE"
    rows = list(csv.reader(io.StringIO(files["node_Case.1.csv"].read_text(encoding="utf-8"))))
    assert rows[1][0] == "case:b" and "8341" in rows[1]
    store.close()


def _start_imported_server(folder: Path, state: Path) -> dict[str, str]:
    """A second real Neo4j server (the test server's launcher) whose database neo4j-admin imported from ``folder``."""
    require_neo4j()
    if not (shutil.which("java") and shutil.which("mvn")):
        pytest.fail("the import test needs Java and Maven (scripts/neo4j-test-server)")
    env = {**os.environ, "DJKG_NEO4J_STATE": str(state), "DJKG_NEO4J_IMPORT": str(folder), "PYTHON": sys.executable}
    run = subprocess.run([str(REPO / "scripts" / "neo4j-test-server"), "start"], env=env, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    return dict(line.split("=", 1) for line in run.stdout.splitlines() if line.startswith("DJKG_NEO4J_"))


def test_neo4j_admin_import_answers_like_the_embedded_store(corpus_store, tmp_path):
    """``djkg export --format neo4j-admin`` → ``neo4j-admin database import full`` (the real import tool, run by
    scripts/neo4j-test-server) → a Neo4jStore on the imported database: same counts, same stored cases, same
    models and maturity, the same recommendations for every gold profile."""
    from djkg.graph.neo4j_store import Neo4jStore
    folder = tmp_path / "import"
    export_to(corpus_store, "neo4j-admin", folder)
    state = tmp_path / "server"
    cfg = _start_imported_server(folder, state)
    try:
        assert "IMPORT DONE" in (state / "import.log").read_text(encoding="utf-8")
        neo = Neo4jStore(cfg["DJKG_NEO4J_URI"], cfg["DJKG_NEO4J_USER"], cfg["DJKG_NEO4J_PASSWORD"])
        try:
            assert neo.stats() == corpus_store.stats()
            assert neo.case_hashes() == corpus_store.case_hashes()
            assert [g.id for g in neo.iter_case_graphs()] == [g.id for g in corpus_store.iter_case_graphs()]
            assert [m.model_dump() for m in list_models(model_index(neo))] == \
                [m.model_dump() for m in list_models(model_index(corpus_store))]
            for p in GOLD_PROFILES:
                args = {k: p.get(k) for k in ("region", "industry", "problems", "description")}
                a, b = recommend(corpus_store, top_k=5, **args), recommend(neo, top_k=5, **args)
                assert [i.model.id for i in a.items] == [i.model.id for i in b.items], p
                assert all(math.isclose(x.score, y.score, abs_tol=1e-6) for x, y in zip(a.items, b.items))
                assert [i.paths for i in a.items] == [i.paths for i in b.items]
            # search finds the same nodes (the two stores rank case hits and cut snippets their own way)
            hits = lambda st: sorted((h["id"], h["name"]) for h in st.search("合作社", limit=500))   # noqa: E731
            assert hits(neo) == hits(corpus_store)
            # the imported store is an ordinary djkg store: it takes writes like any other
            assert neo.upsert_case(build_case("after-import")) == "inserted"
        finally:
            neo.close()
    finally:
        subprocess.run([str(REPO / "scripts" / "neo4j-test-server"), "stop"],
                       env={**os.environ, "DJKG_NEO4J_STATE": str(state)}, capture_output=True, timeout=120)


def test_cli_export_writes_each_format_and_refuses_an_unknown_one(corpus_store, tmp_path):
    djkg = [sys.executable, "-m", "djkg.cli.main", "--data-dir", str(corpus_store.path.parent)]
    run = subprocess.run([*djkg, "export", "--format", "graphml", str(tmp_path / "g.graphml")], env=embedded_env(),
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == sum(corpus_store.stats()["nodes"].values())
    run = subprocess.run([*djkg, "export", "--format", "neo4j-admin", str(tmp_path / "n")], env=embedded_env(),
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and (tmp_path / "n" / "import.sh").exists() and "import.sh" in run.stderr
    bad = subprocess.run([*djkg, "export", "--format", "xlsx", str(tmp_path / "x")], env=embedded_env(),
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "unknown format" in bad.stderr


KEY = "export-key-0123456789"


@pytest.fixture
def client(corpus_store, tmp_path):
    app = create_app(Settings(data_dir=tmp_path, api_key=KEY), store=corpus_store)
    with TestClient(app) as c:
        yield c


def test_export_endpoint_needs_the_key(client):
    for headers, code in (({}, 401), ({"X-API-Key": "wrong"}, 403)):
        r = client.get("/api/v1/export/graphml", headers=headers)
        assert r.status_code == code
        assert set(r.json()["detail"]) >= {"message", "zh", "en"}
    r = client.get("/api/v1/export/xlsx", headers={"X-API-Key": KEY})
    assert r.status_code == 422 and "zh" in r.json()["detail"]


def test_export_endpoint_streams_the_same_files_as_the_cli(client, corpus_store, tmp_path):
    r = client.get("/api/v1/export/graphml", headers={"X-API-Key": KEY})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    assert 'filename="djkg.graphml"' in r.headers["content-disposition"]
    export_to(corpus_store, "graphml", tmp_path / "cli.graphml")
    assert r.content == (tmp_path / "cli.graphml").read_bytes()
    for fmt, names in (("csv", ["cases.csv", "outcomes.csv", "models.csv"]), ("neo4j-admin", None)):
        r = client.get(f"/api/v1/export/{fmt}", headers={"Authorization": f"Bearer {KEY}"})
        assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
        files = export_to(corpus_store, fmt, tmp_path / f"cli-{fmt}")
        with zipfile.ZipFile(io.BytesIO(r.content)) as z:
            assert z.testzip() is None
            assert z.namelist() == [f"djkg-{fmt}/{f.name}" for f in files]
            for f in files:
                assert z.read(f"djkg-{fmt}/{f.name}") == f.read_bytes()
        if names:
            assert [f.name for f in files] == names
    media, name, body = stream_export(corpus_store, "jsonld")
    assert media == "application/ld+json" and json.loads(b"".join(body))["@graph"]

"""Packaging and deployment files: one import root, data files shipped, compose file consistent.

There is no Docker engine here, so docker-compose.yml and the Dockerfile are checked by reading them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(REPO)], check=True, capture_output=True, timeout=300)
    return zipfile.ZipFile(next(out.glob("djkg-*.whl")))


def test_wheel_has_a_single_import_root(wheel):
    tops = {n.split("/")[0] for n in wheel.namelist() if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"djkg"}


def test_wheel_ships_data_queries_and_templates(wheel):
    names = set(wheel.namelist())
    for required in ("djkg/ingest/data/problems.yaml", "djkg/ingest/data/models.yaml", "djkg/ingest/data/outcome_model.json", "djkg/ingest/data/unit_model.json",
                     "djkg/queries/ranking.yaml",
                     "djkg/queries/sql/model_cases_of.sql", "djkg/viz/templates/base.html",
                     "djkg/viz/templates/home.html", "djkg/viz/static/site.css", "djkg/viz/static/graph.js"):
        assert required in names, required
    sql = {Path(n).stem for n in names if n.startswith("djkg/queries/sql/")}
    cypher = {Path(n).stem for n in names if n.startswith("djkg/queries/cypher/")}
    assert sql and sql == cypher, f"every named query needs both dialects: {sql ^ cypher}"
    assert "djkg" in (wheel.read(next(n for n in names if n.endswith("entry_points.txt"))).decode())


def test_compose_runs_neo4j_526_and_the_api_against_it():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    neo, api = compose["services"]["neo4j"], compose["services"]["djkg"]
    assert re.fullmatch(r"neo4j:5\.26(\.\d+)?-community", neo["image"])
    assert "${NEO4J_PASSWORD" in neo["environment"]["NEO4J_AUTH"]            # auth from env, never in the file
    assert neo["healthcheck"]["test"] and any(v.endswith(":/data") for v in neo["volumes"])
    assert api["build"] == "." and (REPO / "Dockerfile").exists()
    assert api["environment"]["DJKG_NEO4J_URI"] == "bolt://neo4j:7687"
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    for service in (neo, api):
        assert all(p.startswith("127.0.0.1:") for p in service["ports"]), "publish on loopback only"


def test_dockerfile_copies_the_package():
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY djkg ./djkg" in text
    for room in ("core", "graph", "ingest", "queries", "services", "api", "viz", "cli"):
        assert (REPO / "djkg" / room / "__init__.py").is_file(), room
    assert "USER djkg" in text and "HEALTHCHECK" in text

"""The ``djkg`` command line, run as a user would: real files, a real data dir."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import embedded_env

CASE_MD = """---
id: test-yijia
title: 衣家村党支部领办合作社
unit: 烟台市栖霞市亭口镇衣家村党支部
region: 山东省烟台市栖霞市
industry: 农村
model: 党支部领办合作社
year: 2018
source: 测试用例
---
一、面临问题
衣家村集体经济薄弱，是有名的空壳村，年轻人大多外出务工，土地撂荒。
二、主要做法
村党支部领办合作社，群众以土地入股，党员带头示范。制定合作社章程和分红办法。
三、取得成效
村集体收入由0.5万元提高到35万元，群众满意度达到98%。
"""


def djkg(*args: str, data: Path, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=300, env=embedded_env())
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.fixture
def files(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "yijia.md").write_text(CASE_MD, encoding="utf-8")
    (d / "broken.txt").write_bytes(bytes(range(256)) * 10)
    (d / "empty.md").write_text("", encoding="utf-8")
    return d


def test_ingest_reports_bad_files_ingests_the_rest_and_exits_1(files, tmp_path):
    data = tmp_path / "var"
    proc = djkg("ingest", "--json", str(files), data=data, check=False)
    assert proc.returncode == 1
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    errors = [l for l in lines if "error" in l]
    cases = [l for l in lines if "error" not in l]
    assert {Path(e["source"]).name for e in errors} == {"broken.txt", "empty.md"}
    [case] = cases
    assert case["id"] == "case:test-yijia" and case["title"] == "衣家村党支部领办合作社"
    assert case["region"]["province"] == "山东省" and case["industry"]["field"] == "农村"
    assert case["model"]["name"] == "党支部领办合作社"
    assert set(case) >= {"source", "id", "title", "unit", "brand", "year", "region", "industry", "problems",
                         "measures", "outcomes", "model", "warnings"}
    stats = json.loads(djkg("stats", "--json", data=data).stdout)
    assert stats["nodes"]["Case"] == 1


def test_reingest_is_idempotent_and_dry_run_writes_nothing(files, tmp_path):
    data = tmp_path / "var"
    (files / "broken.txt").unlink()
    (files / "empty.md").unlink()
    djkg("ingest", str(files), data=data)
    first = djkg("stats", "--json", data=data).stdout
    again = djkg("ingest", str(files), data=data)
    assert "未变 unchanged" in again.stderr
    assert djkg("stats", "--json", data=data).stdout == first
    other = tmp_path / "dry"
    out = djkg("ingest", "--dry-run", "--json", str(files), data=other)
    assert json.loads(out.stdout.splitlines()[0])["title"] == "衣家村党支部领办合作社"
    assert json.loads(djkg("stats", "--json", data=other).stdout)["nodes"]["Case"] == 0


def test_cases_and_models_json(files, tmp_path):
    data = tmp_path / "var"
    (files / "broken.txt").unlink()
    djkg("ingest", str(files / "yijia.md"), data=data)
    cases = json.loads(djkg("cases", "--json", "--limit", "5", data=data).stdout)
    assert [c["id"] for c in cases] == ["case:test-yijia"] and "text" not in cases[0]
    models = json.loads(djkg("models", "--json", data=data).stdout)
    assert models[0]["name"] == "党支部领办合作社" and models[0]["cases"] == 1
    assert set(models[0]) >= {"id", "name", "cases", "regions", "fields", "maturity"}


def test_recommend_prints_a_table_and_json(files, tmp_path):
    data = tmp_path / "var"
    djkg("ingest", str(files / "yijia.md"), data=data)
    table = djkg("recommend", "--region", "栖霞", "--industry", "农村", "--problem", "集体经济薄弱", data=data)
    assert "党支部领办合作社" in table.stdout
    result = json.loads(djkg("recommend", "--region", "栖霞", "--industry", "农村", "--problem", "集体经济薄弱",
                             "--json", data=data).stdout)
    assert result["items"][0]["model"]["name"] == "党支部领办合作社"


def test_viz_writes_a_self_contained_page(files, tmp_path):
    data = tmp_path / "var"
    djkg("ingest", str(files / "yijia.md"), data=data)
    out = tmp_path / "out" / "model.html"
    djkg("viz", "model", "model:branch-led-cooperative", "-o", str(out), data=data)
    html = out.read_text(encoding="utf-8")
    assert "党支部领办合作社" in html and "https://" not in html.split("</head>")[0]
    missing = djkg("viz", "model", "model:nope", "-o", str(out), data=data, check=False)
    assert missing.returncode != 0


def test_newer_database_gives_a_clear_message(tmp_path):
    import sqlite3
    data = tmp_path / "var"
    djkg("stats", "--json", data=data)
    c = sqlite3.connect(data / "djkg.sqlite3")
    c.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    c.commit()
    c.close()
    proc = djkg("stats", "--json", data=data, check=False)
    assert proc.returncode == 2 and "升级 djkg" in proc.stderr

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


GOLD_PROFILES = Path(__file__).resolve().parent / "gold" / "profiles_real.yaml"


def djkg(*args: str, data: Path, check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=300, env=embedded_env(), cwd=cwd)
    if check:
        assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def ingest_json(*paths: Path, data: Path, expect: int = 0) -> tuple[list[dict], dict]:
    """``djkg ingest --json``: (one dict per case or failure, the closing summary line's tallies)."""
    proc = djkg("ingest", "--json", *map(str, paths), data=data, check=False)
    assert proc.returncode == expect, proc.stderr[-3000:]
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "summary" in lines[-1] and not any("summary" in line for line in lines[:-1]), proc.stdout[-2000:]
    return lines[:-1], lines[-1]["summary"]


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
    lines, summary = ingest_json(files, data=data, expect=1)
    assert summary["inserted"] == 1 and summary["failed"] == 2 and summary["updated"] == summary["unchanged"] == 0
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
    (files / "second.md").write_text(CASE_MD.replace("test-yijia", "test-second").replace("衣家村", "东峪村"),
                                     encoding="utf-8")
    _, first = ingest_json(files, data=data)
    assert (first["inserted"], first["updated"], first["unchanged"], first["failed"]) == (2, 0, 0, 0)
    stats = djkg("stats", "--json", data=data).stdout
    _, again = ingest_json(files, data=data)
    assert (again["inserted"], again["updated"], again["unchanged"], again["failed"]) == (0, 0, 2, 0)
    assert djkg("stats", "--json", data=data).stdout == stats
    other = tmp_path / "dry"
    cases, dry = ingest_json(files, "--dry-run", data=other)
    assert {c["title"] for c in cases} == {"衣家村党支部领办合作社", "东峪村党支部领办合作社"}
    assert dry["dry_run"] == 2 and dry["inserted"] == 0
    assert json.loads(djkg("stats", "--json", data=other).stdout)["nodes"]["Case"] == 0


EDITABLE = """---
title: 东峪村党支部领办合作社
unit: 东峪村党支部
region: 山东省烟台市栖霞市
industry: 农村
---
一、面临问题
东峪村集体经济薄弱，土地撂荒。
二、主要做法
村党支部领办合作社，群众以土地入股。
三、取得成效
村集体收入由2万元提高到{income}万元。
"""

PLAIN = """{title}

一、面临问题
村里没有集体收入，年轻人外出务工。
二、主要做法
村党支部领办合作社，党员带头入股。
三、取得成效
村集体收入达到{income}万元。
"""


@pytest.mark.parametrize("name,template", [("edit.md", EDITABLE),
                                           ("plain.txt", PLAIN.replace("{title}", "西沟村党支部领办合作社"))],
                         ids=["front-matter-without-id", "plain-text"])
def test_editing_a_file_and_reingesting_updates_its_case(tmp_path, name, template):
    """No explicit id: the case is still the same case after its body is edited — updated, never duplicated."""
    data = tmp_path / "var"
    f = tmp_path / name
    f.write_text(template.format(income=30), encoding="utf-8")
    [before], s1 = ingest_json(f, data=data)
    assert s1["inserted"] == 1
    f.write_text(template.format(income=45).replace("年轻人外出务工", "年轻人大多外出务工，地也撂荒了")
                 .replace("土地撂荒", "土地大片撂荒"), encoding="utf-8")
    [after], s2 = ingest_json(f, data=data)
    assert (s2["inserted"], s2["updated"], s2["unchanged"]) == (0, 1, 0)
    assert after["id"] == before["id"]
    [case] = json.loads(djkg("cases", "--json", data=data).stdout)
    assert case["id"] == before["id"]
    assert 45.0 in [o["value"] for o in case["outcomes"]] and 30.0 not in [o["value"] for o in case["outcomes"]]
    assert json.loads(djkg("stats", "--json", data=data).stdout)["nodes"]["Case"] == 1


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


def test_before_anything_is_ingested_recommend_says_the_store_is_empty_and_eval_refuses(tmp_path):
    data = tmp_path / "var"
    answer = djkg("recommend", "--region", "栖霞", "--problem", "集体经济薄弱", data=data)
    assert "库中还没有案例" in answer.stderr and "djkg ingest" in answer.stderr and "请补充" not in answer.stdout
    # listings say why they are empty, and where they looked (the wrong folder's ./var is the usual reason)
    listed = djkg("models", data=data)
    assert "库中还没有案例" in listed.stderr and str(data.resolve()) in listed.stderr
    assert json.loads(djkg("cases", "--json", data=data).stdout) == []   # (--json stays JSON: the note is on stderr)
    # hit@3 0.000 over an empty store would read as a broken recommender: no figures at all
    scored = djkg("eval", "recommend", "--gold", str(GOLD_PROFILES), data=data, check=False)
    assert scored.returncode == 2 and "库中还没有案例" in scored.stderr and "hit@3" not in scored.stdout


def test_text_from_cases_is_printed_as_text_not_terminal_markup(tmp_path):
    # rich reads "[red]…[/red]" in a table cell as a style: a case's title is shown as written, brackets and all
    d = tmp_path / "in"
    d.mkdir()
    (d / "yijia.md").write_text(CASE_MD.replace("title: 衣家村党支部领办合作社", "title: '[red]衣家村[/red]合作社'"),
                                encoding="utf-8")
    data = tmp_path / "var"
    djkg("ingest", str(d), data=data)
    table = djkg("recommend", "--region", "栖霞", "--industry", "农村", "--problem", "集体经济薄弱", data=data).stdout
    assert "[red]衣家村[/red]合作社" in table.replace("\n", "").replace("│", "").replace(" ", ""), table


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


# --- exit codes: 0 done, 1 the work failed, 2 the user's mistake (never a traceback) ------------------

def _commands(group=None, prefix=()):
    """Every verb of the ``djkg`` command, as its argument path (``("eval", "recommend")`` …)."""
    import click
    import typer.main

    from djkg.cli.main import app
    group = group or typer.main.get_command(app)
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))
        else:
            yield (*prefix, name)


VERBS = sorted(_commands())


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_every_verb_answers_help_with_0_and_a_bad_option_with_2(verb):
    """Enumerated from the app, so a new verb is held to the same rule without editing this test."""
    from typer.testing import CliRunner

    from djkg.cli.main import app
    runner = CliRunner()
    assert runner.invoke(app, [*verb, "--help"]).exit_code == 0
    bad = runner.invoke(app, [*verb, "--no-such-option"])
    assert bad.exit_code == 2 and isinstance(bad.exception, SystemExit), bad.output
    assert "No such option" in bad.output


# (args, a fragment of the message) — {tmp} is a fresh folder holding a-file and new.md (a case not yet stored)
BAD_INPUT = [
    (["ingest", "{tmp}/nope.md"], "找不到文件或文件夹"),
    (["ingest", "--json", "{tmp}/new.md", "{tmp}/nope"], "no such file or folder"),   # new.md is not ingested
    (["stats", "--json", "--data-dir-is-a-file"], "无法打开数据目录"),
    (["models", "--limit", "3"], "No such option"),
    (["cases", "--limit", "0"], "Invalid value"),
    (["recommend", "--region", "火星"], "无法识别地区“火星”"),
    (["recommend", "--region", "火星", "--industry", "外星"], "nothing else to go on"),
    (["recommend"], "请至少描述一个问题"),
    (["viz", "model", "model:nope", "-o", "{tmp}/x.html"], "未找到模式"),
    (["viz", "case", "-o", "{tmp}/x.html"], "请给出案例 id"),
    (["viz", "bogus", "-o", "{tmp}/x.html"], "未知视图类型"),
    (["viz", "recommend", "--region", "火星", "-o", "{tmp}/x.html"], "无法识别地区“火星”"),
    (["viz", "overview", "-o", "{tmp}/a-file/x.html"], "无法写入"),
    (["serve", "--workers", "0"], "Invalid value"),
    (["migrate", "--to-neo4j", "bolt://127.0.0.1:1", "--empty-data-dir"], "没有可迁移的内置数据库"),
    (["migrate", "--to-neo4j", "bolt://127.0.0.1:1"], "无法连接 Neo4j"),
    (["taxonomy", "candidates", "--bogus"], "No such option"),
    (["corpus", "check", "{tmp}/nope"], "文件夹不存在"),
    (["gaps", "--province", "火星"], "无法识别省份“火星”"),
    (["gaps", "--field", "外星"], "无法识别领域“外星”"),
    (["emerging", "--min-cases", "1"], "Invalid value"),
    (["eval", "extraction", "--gold", "{tmp}/nope"], "找不到金标准"),
    (["eval", "extraction", "--gold", "{tmp}/a-file"], "无法读取金标准"),     # a file, not a gold folder
    (["eval", "extraction", "--gold", "{tmp}/fraction"], "not a number"),      # "2/3" in a number list (r1136)
    (["eval", "recommend", "--gold", "{tmp}/nope.yaml"], "找不到金标准"),
    (["eval", "recommend", "--gold", "{tmp}"], "无法读取金标准"),             # a folder, not a YAML file
    (["eval", "agreement", "--gold", "{tmp}", "--second", "{tmp}/nope.yaml"], "找不到第二份标注"),
    (["eval", "agreement", "--gold", "{tmp}/nope", "--second", "{tmp}/a-file"], "找不到金标准"),
    (["eval", "titles", "--gold", "{tmp}/nope.yaml"], "找不到金标准"),
    (["eval", "titles", "--gold", "{tmp}"], "无法读取金标准"),                # a folder, not a YAML file
    (["eval", "sets", "--root", "{tmp}/nope"], "找不到金标准文件夹"),
]


@pytest.fixture(scope="module")
def one_case(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("one") / "var"
    f = data.parent / "yijia.md"
    f.write_text(CASE_MD, encoding="utf-8")
    djkg("ingest", str(f), data=data)
    return data


def store_state(data: Path) -> tuple[dict, int]:
    from djkg.graph.sqlite_store import SqliteStore
    store = SqliteStore(data / "djkg.sqlite3")
    try:
        return store.stats(), store.revision()
    finally:
        store.close()


@pytest.mark.parametrize("args,message", BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_a_users_mistake_exits_2_with_a_message_and_no_traceback(args, message, one_case, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "fraction").mkdir()
    (tmp_path / "fraction" / "a.txt").write_text("全镇的上访，这个村占了2/3。", encoding="utf-8")
    (tmp_path / "fraction" / "gold.yaml").write_text('- file: a.txt\n  outcome_forbidden: ["2/3"]\n', encoding="utf-8")
    (tmp_path / "new.md").write_text(CASE_MD.replace("test-yijia", "test-new"), encoding="utf-8")
    data = one_case
    if "--data-dir-is-a-file" in args:
        data, args = tmp_path / "a-file", [a for a in args if a != "--data-dir-is-a-file"]
    if "--empty-data-dir" in args:
        data, args = tmp_path / "empty", [a for a in args if a != "--empty-data-dir"]
    before = store_state(one_case)
    proc = djkg(*[a.format(tmp=tmp_path) for a in args], data=data, check=False)
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert message in proc.stderr, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr + proc.stdout and "╭─" not in proc.stderr   # no (rich) traceback
    assert store_state(one_case) == before                                            # nothing written


def test_a_file_that_cannot_be_ingested_is_a_failure_of_the_work_exit_1(files, tmp_path):
    """The rest goes in; the exit code says that not everything did."""
    _, summary = ingest_json(files, data=tmp_path / "var", expect=1)
    assert summary["failed"] == 2 and summary["inserted"] == 1


def test_success_exits_0_for_the_read_verbs_and_eval(one_case, tmp_path):
    djkg("taxonomy", "candidates", "--json", data=one_case)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "yijia.md").write_text(CASE_MD, encoding="utf-8")
    (gold / "gold.yaml").write_text("- file: yijia.md\n  province: 山东省\n  field: 农村\n", encoding="utf-8")
    report = json.loads(djkg("eval", "extraction", "--gold", str(gold), "--json", data=one_case).stdout)
    assert report["documents"] == 1 and report["fields"]["province"]["recall"] == 1.0
    (tmp_path / "sets").mkdir()
    gold.rename(tmp_path / "sets" / "extraction_real_one")
    gold = tmp_path / "sets" / "extraction_real_one"
    report = json.loads(djkg("eval", "sets", "--root", str(tmp_path / "sets"), "--json", data=one_case).stdout)
    assert report["development"]["documents"] == 1 and report["sealed"]["documents"] == 0
    table = djkg("eval", "sets", "--root", str(tmp_path / "sets"), data=one_case).stdout
    assert "开发组" in table and "封存组" in table
    second = tmp_path / "second.yaml"
    second.write_text("- file: yijia.md\n  province: 河北省\n  field: 农村\n", encoding="utf-8")
    report = json.loads(djkg("eval", "agreement", "--gold", str(gold), "--second", str(second), "--json",
                             data=one_case).stdout)
    assert report["fields"]["province"]["recall"] == 0.0 and report["fields"]["field"]["recall"] == 1.0
    profiles = tmp_path / "profiles.yaml"
    profiles.write_text("- region: 栖霞\n  industry: 农村\n  problems: [集体经济薄弱]\n"
                        "  expected: [model:branch-led-cooperative]\n", encoding="utf-8")
    report = json.loads(djkg("eval", "recommend", "--gold", str(profiles), "--json", data=one_case).stdout)
    assert report["profiles"] == 1 and report["hit@3"] == 1.0
    assert report["without_field"] is False
    report = json.loads(djkg("eval", "recommend", "--gold", str(profiles), "--without-field", "--json",
                             data=one_case).stdout)
    assert report["without_field"] is True and report["hit@3"] == 1.0
    ok = djkg("recommend", "--region", "火星", "--problem", "村集体经济薄弱", "--json", data=one_case)
    assert json.loads(ok.stdout)["items"], "an unknown region with a problem to go on is still answered"

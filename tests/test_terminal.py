"""What reaches a terminal: control characters in stored text are shown escaped by ``djkg cases`` (and never
stored from ingest in the first place); rich markup in a title is printed literally."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from djkg.graph.sqlite_store import SqliteStore

from conftest import build_case, embedded_env

HOSTILE = "\x1b[31m红色\x1b[0m\x1b]0;pwned\x07 [bold red]标题[/] \u202egnp.exe"


def djkg(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, env=embedded_env(COLUMNS="400"))


def test_cases_listing_escapes_control_characters_from_the_store(tmp_path):
    data = tmp_path / "var"
    store = SqliteStore(data / "djkg.sqlite3")
    store.upsert_case(build_case("hostile", title=HOSTILE))     # as an older version might have stored it
    store.close()
    proc = djkg(data, "cases")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "\u202e" not in proc.stdout
    assert "\\x1b[31m红色" in proc.stdout and "\\u202e" in proc.stdout
    assert "[bold red]标题[/]" in proc.stdout        # markup shown, not interpreted


def test_ingest_strips_control_characters_from_titles_and_units(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.md").write_text("---\nid: esc\ntitle: \"\\e[31m红色物业\\e[0m\\a\"\nunit: \"某社区\\u202e党委\"\n---\n"
                            "一、面临问题\n物业矛盾多。\n", encoding="utf-8")
    (d / "\x1b[2Jb.md").write_text("# \x1b[31m百步亭社区党委\x1b[0m红色物业\n一、面临问题\n物业矛盾多。\n", encoding="utf-8")
    proc = djkg(tmp_path / "var", "ingest", str(d))
    assert proc.returncode == 0, proc.stderr
    assert "\x1b[2J" not in proc.stderr          # a file name reaches the progress bar escaped
    cases = json.loads(djkg(tmp_path / "var", "cases", "--json").stdout)
    for c in cases:
        assert not any(ch in (c["title"] + c["unit"]) for ch in "\x1b\x07\u202e"), c
    assert {c["title"] for c in cases} >= {"[31m红色物业[0m"}

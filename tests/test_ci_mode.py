"""CI mode (``DJKG_REQUIRE_NO_SKIP=1``, set by .ci/run) turns a skipped test into a failure, unless the test
is marked ``skip_allowed``; outside CI mode a skip stays a skip. Run on a small inner suite that uses our
own conftest.py, so what is tested is the hook the real suite runs under. Also: under pytest-xdist each worker is
given the Neo4j test server scripts/run-tests started for it, and several workers refuse one shared database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

INNER = '''
import pytest

def test_runs():
    pass

def test_skips_in_the_body():
    pytest.skip("no server")

@pytest.fixture
def needs_a_thing():
    pytest.skip("no thing")

def test_skips_in_a_fixture(needs_a_thing):
    pass

@pytest.mark.skip_allowed("says why")
def test_allowed_to_skip():
    pytest.skip("allowed")
'''


@pytest.fixture
def ours(pytester):
    """A pytester whose inner suite runs under our own conftest.py."""
    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    return pytester


@pytest.fixture
def inner(ours):
    ours.makeini("[pytest]\nmarkers =\n    skip_allowed(reason): may skip in CI mode\n")
    ours.makepyfile(test_inner=INNER)
    return ours


def test_ci_mode_fails_every_skip_not_marked_allowed(inner, monkeypatch):
    monkeypatch.setenv("DJKG_REQUIRE_NO_SKIP", "1")
    result = inner.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1, errors=1, skipped=1)
    result.stdout.fnmatch_lines(["*DJKG_REQUIRE_NO_SKIP=1 (CI mode) but this test skipped*no server*"])
    assert result.ret != 0


def test_outside_ci_mode_a_skip_is_a_skip(inner, monkeypatch):
    monkeypatch.delenv("DJKG_REQUIRE_NO_SKIP", raising=False)
    result = inner.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, skipped=3)
    assert result.ret == 0


# --- one Neo4j server per test worker (scripts/run-tests) ---------------------------------------------------------

WORKER_SEES = """
import os
from pathlib import Path

def _seen():
    worker = os.environ["PYTEST_XDIST_WORKER"]
    assert os.environ["DJKG_NEO4J_URI"] == os.environ["DJKG_NEO4J_URI_" + worker.upper()]
    assert os.environ["DJKG_NEO4J_PASSWORD"] == "pw-" + worker
    (Path(os.environ["SEEN_DIR"]) / f"seen-{worker}").write_text(os.environ["DJKG_NEO4J_URI"])

def test_a():
    _seen()

def test_b():
    _seen()
"""


def _worker_servers(monkeypatch, workers: int) -> None:
    for name in [v for v in os.environ if v.startswith("DJKG_NEO4J_")]:
        monkeypatch.delenv(name)
    for i in range(workers):
        monkeypatch.setenv(f"DJKG_NEO4J_URI_GW{i}", f"bolt://127.0.0.1:{7700 + i}")
        monkeypatch.setenv(f"DJKG_NEO4J_USER_GW{i}", "neo4j")
        monkeypatch.setenv(f"DJKG_NEO4J_PASSWORD_GW{i}", f"pw-gw{i}")


def test_each_test_worker_is_given_the_neo4j_server_started_for_it(ours, monkeypatch):
    """The Neo4j tests clear their database: two workers sharing one would wipe each other's data mid-test."""
    ours.makepyfile(test_inner=WORKER_SEES)
    _worker_servers(monkeypatch, 2)
    monkeypatch.setenv("SEEN_DIR", str(ours.path))
    result = ours.runpytest("-p", "no:cacheprovider", "-n", "2", "--dist", "each")
    result.assert_outcomes(passed=4)
    seen = sorted(p.read_text() for p in ours.path.glob("seen-gw*"))
    assert seen == ["bolt://127.0.0.1:7700", "bolt://127.0.0.1:7701"]


def test_several_workers_refuse_to_share_one_neo4j_database(ours, monkeypatch):
    ours.makepyfile(test_inner="def test_x():\n    pass\n")
    _worker_servers(monkeypatch, 0)
    monkeypatch.setenv("DJKG_NEO4J_URI", "bolt://127.0.0.1:7699")
    result = ours.runpytest("-p", "no:cacheprovider", "-n", "2")
    assert result.ret != 0
    result.stderr.fnmatch_lines(["*several test workers would clear it*"])


@pytest.mark.parametrize("mode", ["loadfile", "loadscope", "loadgroup"])
def test_the_dealing_modes_that_drop_tests_sharing_a_node_id_are_refused(ours, mode):
    ours.makepyfile(test_inner="def test_x():\n    pass\n")
    result = ours.runpytest("-p", "no:cacheprovider", "-n", "2", "--dist", mode)
    assert result.ret != 0
    result.stderr.fnmatch_lines([f"*--dist {mode} would silently drop*"])

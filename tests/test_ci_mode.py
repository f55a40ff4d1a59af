"""CI mode (``DJKG_REQUIRE_NO_SKIP=1``, set by .ci/run) turns a skipped test into a failure, unless the test
is marked ``skip_allowed``; outside CI mode a skip stays a skip. Run on a small inner suite that uses our
own conftest.py, so what is tested is the hook the real suite runs under."""

from __future__ import annotations

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
def inner(pytester):
    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    skip_allowed(reason): may skip in CI mode\n")
    pytester.makepyfile(test_inner=INNER)
    return pytester


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

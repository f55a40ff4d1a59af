"""Fuzzing: schemathesis against our own OpenAPI (every operation, with and without the key) — zero 5xx,
responses match the schema — and hypothesis properties: the extractor and the profile parser never raise
on any Unicode, and hostile query strings leave both stores unchanged.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from djkg.api.app import create_app
from djkg.core.config import Limits, Settings
from djkg.graph.sqlite_store import SqliteStore
from djkg.ingest.extract import extract
from djkg.ingest.profile import ProfileError, parse_profile
from djkg.ingest.readers import RawDoc
from djkg.services.recommend import recommend

from conftest import build_case

KEY = "fuzz-key-0123456789abcdef"
_DIR = Path(tempfile.mkdtemp(prefix="djkg-fuzz-"))
atexit.register(shutil.rmtree, _DIR, True)
_STORE = SqliteStore(_DIR / "djkg.sqlite3")
for _k in ("a", "b", "c"):
    _STORE.upsert_case(build_case(_k, title=f"<script>alert('{_k}')</script> 合作社"))
APP = create_app(Settings(data_dir=_DIR, api_key=KEY, limits=Limits(max_body_bytes=256 * 1024)), store=_STORE)
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)
CHECKS = [schemathesis.checks.not_a_server_error, schemathesis.checks.response_schema_conformance,
          schemathesis.checks.content_type_conformance, schemathesis.checks.status_code_conformance]
OPERATIONS = sorted((op.ok().method.upper(), op.ok().path) for op in SCHEMA.get_all_operations())
CALLS: dict[tuple[str, str, str], int] = {}   # (with_key | without_key, METHOD, path) → requests sent
READ_ONLY_POSTS = {("POST", "/api/v1/recommendations")}   # a POST for its body; writes nothing


# HTML pages answer a bad parameter with a page in Chinese, not the API's JSON schema: they are held to
# "never a server error" here (and to escaping in test_routes.py)
PAGE_CHECKS = [schemathesis.checks.not_a_server_error]


def _call(case, headers, mode: str):
    response = case.call(headers=headers)
    op = (case.operation.method.upper(), case.operation.path)
    CALLS[(mode, *op)] = CALLS.get((mode, *op), 0) + 1
    case.validate_response(response, checks=PAGE_CHECKS if "pages" in (case.operation.tags or []) else CHECKS)
    return response


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_without_key_never_fails(case):
    revision = _STORE.revision()
    response = _call(case, {}, "without_key")
    method = case.operation.method.upper()
    if method != "GET" and (method, case.path) not in READ_ONLY_POSTS:
        assert _STORE.revision() == revision      # no write without a key, API or web form
    if method != "GET" and case.path.startswith("/api/") and (method, case.path) not in READ_ONLY_POSTS:
        # whatever the body, a write without a key is refused (401, or 4xx for a body that cannot be parsed
        # before the key is looked at) and writes nothing
        assert 400 <= response.status_code < 500, (case.method, case.path, response.status_code)
        assert _STORE.revision() == revision


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_with_key_never_fails(case):
    _call(case, {"X-API-Key": KEY}, "with_key")


FUZZED = {"test_api_without_key_never_fails": "without_key", "test_api_with_key_never_fails": "with_key"}


def _operation_of(item) -> tuple[str, str]:
    """The operation a schemathesis test is made for, from its name ("test_…[GET /api/v1/models]")."""
    method, path = item.name[item.name.index("[") + 1:-1].split(" ", 1)
    return method.upper(), path


@pytest.fixture(autouse=True)
def _every_operation_is_really_called(request):
    """Each schemathesis test is one operation of the schema in one mode; it must really have sent requests, and only
    to that operation (a test that generated nothing would pass without calling anything). Checked inside each test,
    not tallied after the module, so it holds whichever test worker runs which test (scripts/run-tests)."""
    before = dict(CALLS)
    yield
    mode = FUZZED.get(getattr(request.node, "originalname", ""))
    if mode is not None:
        sent = {key for key, n in CALLS.items() if n > before.get(key, 0)}
        assert sent == {(mode, *_operation_of(request.node))}, f"{request.node.name}: requests sent to {sorted(sent)}"


def test_the_fuzzed_tests_cover_every_operation_in_both_modes(request):
    """schemathesis makes one test per operation of the schema and mode (each checks it called its operation)."""
    for name in FUZZED:
        made = [item for item in request.session.items if getattr(item, "originalname", "") == name]
        assert sorted(_operation_of(item) for item in made) == OPERATIONS, name


# --- hypothesis properties -------------------------------------------------------------------------

UNICODE = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
CHINESE = st.text(alphabet=st.sampled_from(list("一二三问题做法成效村集体经济薄弱党支部合作社提高到万元%由，。：\n#（）【】1234567890")),
                  max_size=400)


@given(st.one_of(UNICODE, CHINESE), st.dictionaries(st.sampled_from(["title", "unit", "region", "industry", "model",
                                                                     "year", "sector"]),
                                                    st.one_of(UNICODE, st.integers(), st.none()), max_size=4))
@settings(max_examples=300, deadline=None)
def test_extractor_never_raises(text, meta):
    case = extract(RawDoc(source="fuzz.txt", fmt="txt", text=text, meta=meta))
    d = case.to_dict()
    assert d["id"] and isinstance(d["warnings"], list)


@given(UNICODE, UNICODE, st.lists(st.one_of(UNICODE, CHINESE), max_size=4), st.one_of(st.none(), UNICODE))
@settings(max_examples=300, deadline=None)
def test_profile_parser_never_raises_anything_but_profile_error(region, industry, problems, description):
    parse_profile(region=region, industry=industry, problems=problems, description=description)
    try:
        parse_profile(region=region, industry=industry, problems=problems, description=description, strict=True)
    except ProfileError as exc:
        assert " / " in str(exc)  # bilingual


HOSTILE = ["' OR 1=1 --", "MATCH (n) DETACH DELETE n", '"}) DETACH DELETE n //', "x\x00y", "'; DROP TABLE nodes; --",
           "$(rm -rf /)", "\\u0000", "<script>alert(1)</script>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_injection_strings_are_data_on_both_stores(store, text):
    for key in ("a", "b"):
        store.upsert_case(build_case(key))
    before, rev = store.stats(), store.revision()
    store.search(text)
    assert store.get_node(text) is None
    recommend(store, region=text, industry=text, problems=[text], description=text)
    assert store.stats() == before and store.revision() == rev

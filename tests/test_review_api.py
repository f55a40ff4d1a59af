"""Review and correct over HTTP, on both stores: roles, corrections with versions (409, 428, If-Match/ETag),
taxonomy review that re-links cases and takes effect without a restart, the audit trail, and hostile input on
every new field (always a bilingual 4xx, never a 500)."""

from __future__ import annotations

import pytest
import yaml
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.core.keys import KeyRing
from djkg.ingest.pipeline import ingest_paths
from djkg.ingest.taxonomy import taxonomy

from conftest import REVIEW_CANDIDATE, REVIEW_CASE, write_review_doc

ENV_KEY = "env-admin-key-0123456789"
CASE_URL = f"/api/v1/cases/{REVIEW_CASE}"


@pytest.fixture
def api(store, tmp_path):
    """(client, keys by role, data dir, docs folder) with the review write-up ingested."""
    data = tmp_path / "data"
    ring = KeyRing(data / "keys.json")
    keys = {role: ring.add(f"{role}-1", role, by="test")[0] for role in ("reader", "editor", "admin")}
    keys["editor2"] = ring.add("editor-2", "editor", by="test")[0]
    docs = tmp_path / "docs"
    write_review_doc(docs)
    ingest_paths([docs], store, actor="loader")
    with TestClient(create_app(Settings(data_dir=data, api_key=ENV_KEY), store=store)) as client:
        yield client, keys, data, docs, ring


def h(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def bilingual(resp) -> dict:
    detail = resp.json()["detail"]
    assert detail["zh"] and detail["en"] and " / " in detail["message"], detail
    return detail


def current(client) -> str:
    r = client.get(CASE_URL)
    assert r.status_code == 200 and r.headers["ETag"] == f'"{r.json()["version"]}"'
    return r.json()["version"]


# --- roles -------------------------------------------------------------------------------------------------

def test_roles_decide_who_may_correct_and_who_may_read_the_audit(api):
    client, keys, *_ = api
    body = {"version": current(client), "year": 2019}
    assert client.patch(CASE_URL, json=body).status_code == 401
    assert client.patch(CASE_URL, json=body, headers=h("wrong-key")).status_code == 403
    r = client.patch(CASE_URL, json=body, headers=h(keys["reader"]))
    assert r.status_code == 403 and "editor" in bilingual(r)["en"]
    r = client.patch(CASE_URL, json=body, headers={"Authorization": f"Bearer {keys['editor']}"})
    assert r.status_code == 200 and r.json()["case"]["year"] == 2019
    assert client.get("/api/v1/audit", headers=h(keys["editor"])).status_code == 403
    assert client.get("/api/v1/audit", headers=h(keys["admin"])).status_code == 200
    assert client.get("/api/v1/audit", headers=h(ENV_KEY)).status_code == 200
    assert client.get("/api/v1/auth/me", headers=h(keys["reader"])).json() == {"name": "reader-1", "role": "reader"}
    assert client.get("/api/v1/auth/me", headers=h(ENV_KEY)).json() == {"name": "env", "role": "admin"}
    assert client.get("/api/v1/auth/me").status_code == 401
    # an editor may also add cases; a reader may not
    assert client.post("/api/v1/cases", json={"text": "一、面临问题\n集体经济薄弱。"}, headers=h(keys["reader"])).status_code == 403


def test_a_revoked_key_stops_at_once_without_a_restart(api):
    client, keys, _, _, ring = api
    assert client.get("/api/v1/audit", headers=h(keys["admin"])).status_code == 200
    ring.revoke("admin-1", by="test")   # as `djkg keys revoke` does in another process
    r = client.get("/api/v1/audit", headers=h(keys["admin"]))
    assert r.status_code == 403 and "吊销" in bilingual(r)["zh"]
    new_key, _ = ring.add("admin-2", "admin", by="test")
    assert client.get("/api/v1/audit", headers=h(new_key)).status_code == 200


def test_reads_can_be_closed_behind_a_reader_key(store, tmp_path):
    ring = KeyRing(tmp_path / "keys.json")
    reader, _ = ring.add("r", "reader", by="test")
    with TestClient(create_app(Settings(data_dir=tmp_path, reads_need_key=True), store=store)) as client:
        for url in ("/api/v1/cases", "/api/v1/models", "/api/v1/taxonomy/candidates", "/api/v1/search?q=合作社"):
            assert client.get(url).status_code == 401, url
            assert client.get(url, headers=h("nope")).status_code == 403, url
            assert client.get(url, headers=h(reader)).status_code == 200, url
        assert client.post("/api/v1/recommendations", json={"problems": ["集体经济薄弱"]}).status_code == 401
        assert client.get("/healthz").status_code == 200   # liveness stays open
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as client:
        assert client.get("/api/v1/cases").status_code == 200   # the default: reads open


def test_without_any_key_configured_writes_are_closed(store, tmp_path):
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as client:
        r = client.patch(CASE_URL, json={"version": "x", "year": 2019}, headers=h("some-key"))
        assert r.status_code == 403 and "没有配置任何密钥" in bilingual(r)["zh"]


def test_the_key_is_checked_before_the_body_is_read(api):
    client, keys, *_ = api
    malformed = {"Content-Type": "application/json"}
    assert client.patch(CASE_URL, content=b"{not json", headers=malformed).status_code == 401
    assert client.post("/api/v1/taxonomy/candidates/x/accept", content=b"{", headers=malformed).status_code == 401
    assert client.patch(CASE_URL, content=b"{not json", headers={**malformed, **h(keys["reader"])}).status_code == 403
    assert client.patch(CASE_URL, content=b"{not json", headers={**malformed, **h(keys["editor"])}).status_code == 422


# --- corrections and versions ------------------------------------------------------------------------------

def test_a_correction_needs_the_current_version_and_shows_who_and_when(api):
    client, keys, *_ = api
    version = current(client)
    r = client.patch(CASE_URL, json={"year": 2019}, headers=h(keys["editor"]))
    assert r.status_code == 428 and "版本" in bilingual(r)["zh"]
    r = client.patch(CASE_URL, json={"version": "0" * 64, "year": 2019}, headers=h(keys["editor"]))
    assert r.status_code == 409 and r.json()["detail"]["current_version"] == version
    assert r.headers["ETag"] == f'"{version}"'
    r = client.patch(CASE_URL, json={"year": 2019, "note": "<b>据核实</b>"},
                     headers={**h(keys["editor"]), "If-Match": f'"{version}"'})
    assert r.status_code == 200 and r.json()["status"] == "updated"
    new = r.json()["version"]
    assert new != version and r.headers["ETag"] == f'"{new}"' and current(client) == new
    # the second editor still holds the old version: 409 with the current one, never a lost update
    r = client.patch(CASE_URL, json={"version": version, "year": 2020}, headers=h(keys["editor2"]))
    assert r.status_code == 409 and r.json()["detail"]["current_version"] == new
    assert client.get(CASE_URL).json()["year"] == 2019
    r = client.patch(CASE_URL, json={"version": version, "year": 2019}, headers={**h(keys["editor"]), "If-Match": new})
    assert r.status_code == 400   # body and header disagree
    detail = client.get(CASE_URL).json()
    [k] = detail["corrections"]
    assert (k["actor"], k["change"], k["note"]) == ("editor-1", {"year": 2019}, "<b>据核实</b>") and k["at"].endswith("Z")
    assert client.patch("/api/v1/cases/case:none", json={"version": new, "year": 2019},
                        headers=h(keys["editor"])).status_code == 404


def test_every_kind_of_correction_over_http(api):
    client, keys, *_ = api
    case = client.get(CASE_URL).json()
    background = next(o["id"] for o in case["outcomes"] if o["name"] == "群众满意度")
    body = {"version": case["version"], "region": "江苏省南京市栖霞区", "field": "城市社区", "sector": "",
            "unit": "某社区党委", "year": 2016, "model": "model:red-property", "illustrative": True,
            "add_problems": ["物业管理矛盾突出"], "remove_problems": ["problem:weak-collective-economy"],
            "add_measures": ["党支部领办合作社"], "remove_measures": ["土地入股、统一经营"],
            "add_outcomes": [{"name": "小区加装电梯", "value": 12, "unit": "部", "scope": "region", "direction": "up"}],
            "remove_outcomes": [background]}
    r = client.patch(CASE_URL, json=body, headers=h(keys["editor"]))
    assert r.status_code == 200, r.text
    rec = client.get(CASE_URL).json()
    assert rec["region"]["county"] == "栖霞区" and rec["region"]["adcode"].startswith("3201")
    assert rec["industry"] == {"field": "城市社区", "sector": None}
    assert (rec["unit"], rec["year"], rec["illustrative"], rec["model"]["id"]) == ("某社区党委", 2016, True,
                                                                                 "model:red-property")
    assert "problem:property-disputes" in {p["id"] for p in rec["problems"]}
    assert "problem:weak-collective-economy" not in {p["id"] for p in rec["problems"]}
    assert "measure:land-share-cooperation" not in {m["id"] for m in rec["measures"]}
    added = next(o for o in rec["outcomes"] if o["name"] == "小区加装电梯")
    assert added["value"] == 12 and added["unit"] == "部"
    assert background not in {o["id"] for o in rec["outcomes"]}
    # model: null means "no model"
    r = client.patch(CASE_URL, json={"version": rec["version"], "model": None}, headers=h(keys["editor"]))
    assert r.status_code == 200 and client.get(CASE_URL).json()["model"] is None
    # setting what is already there is recorded but changes nothing
    version = current(client)
    r = client.patch(CASE_URL, json={"version": version, "year": 2016}, headers=h(keys["editor"]))
    assert r.json()["status"] == "unchanged" and r.json()["version"] == version
    assert len(client.get(CASE_URL).json()["corrections"]) == 3


HOSTILE = [
    ({"unit": "<script>alert(1)</script>"}, 422), ({"unit": "村\x00党支部"}, 422), ({"unit": "村\u202e党支部"}, 422),
    ({"unit": "x" * 201}, 422), ({"unit": ""}, 422), ({"unit": 12}, 422), ({"unit": ["a"]}, 422),
    ({"region": "<img src=x>"}, 422), ({"region": "火星"}, 422), ({"region": "x" * 101}, 422), ({"region": {"a": 1}}, 422),
    ({"field": "工厂"}, 422), ({"field": 1}, 422), ({"sector": "<b>"}, 422), ({"sector": "\x1b[2J"}, 422),
    ({"year": "2019"}, 422), ({"year": 10 ** 30}, 422), ({"year": 1800}, 422), ({"year": True}, 422), ({"year": 2019.5}, 422),
    ({"model": "<svg onload=alert(1)>"}, 422), ({"model": "不存在的模式"}, 422), ({"model": 7}, 422),
    ({"illustrative": "yes"}, 422), ({"illustrative": 1}, 422),
    ({"add_problems": "集体经济薄弱"}, 422), ({"add_problems": ["x" * 61]}, 422), ({"add_problems": ["a"] * 21}, 422),
    ({"add_problems": ["<b>难</b>"]}, 422), ({"add_problems": ["问题\x07"]}, 422), ({"add_problems": [None]}, 422),
    ({"add_problems": ["problem:nope"]}, 422), ({"remove_problems": ["problem:aging-members"]}, 422),
    ({"add_measures": [{"a": 1}]}, 422), ({"remove_measures": ["x" * 121]}, 422),
    ({"add_outcomes": [{"name": "x", "value": "1e999"}]}, 422), ({"add_outcomes": [{"name": "x", "value": 1e13}]}, 422),
    ({"add_outcomes": [{"name": "<i>x</i>", "value": 1}]}, 422), ({"add_outcomes": [{"value": 1}]}, 422),
    ({"add_outcomes": [{"name": "x", "unit": "u" * 13}]}, 422), ({"add_outcomes": [{"name": "x", "scope": "\x00"}]}, 422),
    ({"add_outcomes": [{"name": "x", "direction": "sideways"}]}, 422), ({"add_outcomes": [{"name": "x", "extra": 1}]}, 422),
    ({"add_outcomes": [{"metric": "no-such", "value": 1}]}, 422), ({"add_outcomes": [{"name": "x"}] * 21}, 422),
    ({"remove_outcomes": ["outcome:none"]}, 422), ({"remove_outcomes": [1]}, 422),
    ({"year": 2019, "note": "x" * 501}, 422), ({"year": 2019, "note": "ok\x1b"}, 422),
    ({"year": 2019, "note": "ok\u202e"}, 422), ({"year": 2019, "note": 5}, 422), ({"unknown_field": 1}, 422), ({}, 422),
    ({"version": "v" * 129}, 422),
]


@pytest.mark.parametrize("patch,status", HOSTILE, ids=[str(i) for i in range(len(HOSTILE))])
def test_hostile_corrections_are_bilingual_4xx(api, patch, status):
    client, keys, *_ = api
    version = current(client)
    r = client.patch(CASE_URL, json={"version": version, **patch}, headers=h(keys["editor"]))
    assert r.status_code == status, (patch, r.status_code, r.text[:300])
    bilingual(r)
    assert current(client) == version   # nothing written


def test_hostile_bodies_and_headers_never_500(api):
    client, keys, *_ = api
    editor = h(keys["editor"])
    for raw in (b"[]", b"null", b'"x"', b"1e999", b'{"year": NaN}', b'{"add_outcomes": [{"name": "x", "value": NaN}]}',
                b'{"add_outcomes": [{"name": "x", "value": Infinity}]}', b"\xff\xfe", b"{" * 10000):
        r = client.patch(CASE_URL, content=raw, headers={**editor, "Content-Type": "application/json"})
        assert 400 <= r.status_code < 500, (raw[:40], r.status_code)
    r = client.patch(CASE_URL, json={"year": 2019}, headers={**editor, "If-Match": "x" * 300})
    assert 400 <= r.status_code < 500
    assert client.patch("/api/v1/cases/" + "x" * 5000, json={"version": "v", "year": 2019}, headers=editor).status_code == 404


# --- taxonomy review ---------------------------------------------------------------------------------------

def candidate_id(client) -> str:
    items = client.get("/api/v1/taxonomy/candidates").json()["items"]
    return next(c["id"] for c in items if c["name"] == REVIEW_CANDIDATE)


def test_accepting_a_candidate_relinks_cases_and_takes_effect_without_a_restart(api, tmp_path):
    client, keys, data, docs, _ = api
    r = client.get("/api/v1/taxonomy/candidates")
    item = next(c for c in r.json()["items"] if c["name"] == REVIEW_CANDIDATE)
    assert item["label"] == "Problem" and item["cases"] == 1 and item["evidence"][0]["case"] == REVIEW_CASE
    cid = item["id"]
    assert client.post(f"/api/v1/taxonomy/candidates/{cid}/accept", json={"as": "new"}).status_code == 401
    assert client.post(f"/api/v1/taxonomy/candidates/{cid}/accept", json={"as": "new"},
                       headers=h(keys["reader"])).status_code == 403
    version = current(client)
    r = client.post(f"/api/v1/taxonomy/candidates/{cid}/accept",
                    json={"as": "new", "name": "村民议事协商难", "key": "deliberation-hard", "category": "基层治理"},
                    headers=h(keys["editor"]))
    assert r.status_code == 200, r.text
    assert r.json()["concept"] == "problem:deliberation-hard" and r.json()["cases"] == [REVIEW_CASE]
    # the case is re-linked (a new version), the candidate is gone
    rec = client.get(CASE_URL).json()
    assert rec["version"] != version
    assert {"id": "problem:deliberation-hard", "name": "村民议事协商难"}.items() <= \
        next(p for p in rec["problems"] if p["id"] == "problem:deliberation-hard").items()
    assert REVIEW_CANDIDATE not in {c["name"] for c in client.get("/api/v1/taxonomy/candidates").json()["items"]}
    # kept in the data directory, and taxonomy() knows it at once
    saved = yaml.safe_load((data / "accepted_concepts.yaml").read_text(encoding="utf-8"))
    assert saved["problems"][0]["id"] == "deliberation-hard" and saved["problems"][0]["accepted_by"] == "editor-1"
    assert taxonomy().resolve_name("Problem", REVIEW_CANDIDATE).id == "problem:deliberation-hard"
    # a new write-up using the phrase is linked to the accepted concept straight away
    r = client.post("/api/v1/cases", headers=h(keys["editor"]), json={
        "id": "another", "title": "某村议事会", "region": "浙江省湖州市安吉县", "industry": "农村",
        "text": "一、面临问题\n过去村里议事协商难，大事小事没人商量。\n二、主要做法\n成立村民议事会。"})
    assert r.status_code == 201
    assert "problem:deliberation-hard" in {p["id"] for p in r.json()["case"]["problems"]}
    # accepting again is a clash, not a silent duplicate
    r = client.post(f"/api/v1/taxonomy/candidates/{cid}/accept", json={"as": "new"}, headers=h(keys["editor"]))
    assert r.status_code == 404 and bilingual(r)
    audit = client.get("/api/v1/audit", params={"action": "accept"}, headers=h(keys["admin"])).json()
    assert audit["total"] == 1 and audit["items"][0]["target"] == cid
    assert audit["items"][0]["before"]["name"] == REVIEW_CANDIDATE and audit["items"][0]["after"]["cases"] == 1


def test_accepting_as_a_synonym_and_the_export(api, tmp_path):
    client, keys, data, *_ = api
    cid = candidate_id(client)
    r = client.post(f"/api/v1/taxonomy/candidates/{cid}/accept", json={"as": "synonym", "of": "problem:nope"},
                    headers=h(keys["editor"]))
    assert r.status_code == 422
    r = client.post(f"/api/v1/taxonomy/candidates/{cid}/accept",
                    json={"as": "synonym", "of": "problem:villager-participation-low"}, headers=h(keys["editor"]))
    assert r.status_code == 200 and r.json()["concept"] == "problem:villager-participation-low"
    assert "problem:villager-participation-low" in {p["id"] for p in client.get(CASE_URL).json()["problems"]}
    from djkg.ingest import accepted
    from djkg.ingest.taxonomy import base_data, shipped_header
    out = accepted.export(base_data(), accepted.load(data / "accepted_concepts.yaml"), tmp_path / "release",
                          {"problems": shipped_header("problems.yaml")})
    problems = yaml.safe_load(out[0].read_text(encoding="utf-8"))
    entry = next(p for p in problems if p["id"] == "villager-participation-low")
    assert entry["synonyms"][-1] == REVIEW_CANDIDATE
    assert out[0].read_text(encoding="utf-8").startswith("# Problems")
    assert "accepted_by" not in out[0].read_text(encoding="utf-8")


def test_cli_exports_the_reviewed_taxonomy_in_the_shipped_form(api, tmp_path):
    import subprocess
    import sys

    from djkg.ingest.taxonomy import Taxonomy

    from conftest import embedded_env
    client, keys, data, docs, _ = api
    cid = candidate_id(client)
    client.post(f"/api/v1/taxonomy/candidates/{cid}/accept", json={"as": "new", "key": "deliberation-hard"},
                headers=h(keys["editor"]))
    out = tmp_path / "release"
    run = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), "taxonomy", "export",
                          "-o", str(out)], capture_output=True, text=True, env=embedded_env(), timeout=120)
    assert run.returncode == 0, run.stderr
    lexicons = {k: yaml.safe_load((out / f"{k}.yaml").read_text(encoding="utf-8")) for k in ("problems", "measures", "models")}
    assert lexicons["problems"][-1] == {"id": "deliberation-hard", "name": REVIEW_CANDIDATE}
    assert Taxonomy(lexicons).resolve_name("Problem", REVIEW_CANDIDATE).id == "problem:deliberation-hard"
    (data / "accepted_concepts.yaml").write_text("- not: [a mapping", encoding="utf-8")
    damaged = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(data), "taxonomy", "export",
                              "-o", str(out)], capture_output=True, text=True, env=embedded_env(), timeout=120)
    assert damaged.returncode == 1 and "Traceback" not in damaged.stderr and "无法读取" in damaged.stderr
    # a damaged decisions file never stops the server: the shipped lexicons answer, and no decision is added to it
    assert taxonomy().resolve_name("Problem", REVIEW_CANDIDATE) is None
    r = client.post("/api/v1/taxonomy/candidates/x/reject", headers=h(keys["editor"]))
    assert r.status_code == 404
    write_review_doc(docs, extra="\n村里议事协商难。\n")
    ingest_paths([docs], client.app.state.store)
    r = client.post(f"/api/v1/taxonomy/candidates/{candidate_id(client)}/reject", headers=h(keys["editor"]))
    assert r.status_code == 503 and bilingual(r)
    assert (data / "accepted_concepts.yaml").read_text(encoding="utf-8") == "- not: [a mapping"


def test_rejecting_a_candidate_means_it_is_never_proposed_again(api):
    client, keys, data, docs, _ = api
    cid = candidate_id(client)
    r = client.post(f"/api/v1/taxonomy/candidates/{cid}/reject", json={"reason": "不是问题，是一句套话"},
                    headers=h(keys["editor"]))
    assert r.status_code == 200 and r.json()["cases"] == [REVIEW_CASE]
    assert REVIEW_CANDIDATE not in {p["name"] for p in client.get(CASE_URL).json()["problems"]}
    assert client.get("/api/v1/taxonomy/candidates").json()["total"] == 0
    # a re-ingest of an edited write-up does not bring it back
    write_review_doc(docs, extra="\n村里议事协商难的问题仍然存在。\n")
    store = client.app.state.store
    assert ingest_paths([docs], store).updated == 1
    assert REVIEW_CANDIDATE not in {p["name"] for p in client.get(CASE_URL).json()["problems"]}
    assert client.get("/api/v1/taxonomy/candidates").json()["total"] == 0
    assert client.post(f"/api/v1/taxonomy/candidates/{cid}/reject", headers=h(keys["editor"])).status_code == 404


def test_hostile_review_requests_are_bilingual_4xx(api):
    client, keys, *_ = api
    editor = h(keys["editor"])
    cid = candidate_id(client)
    for url, body in ((f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "merge"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "name": "<b>x</b>"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "key": "Bad Key"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "key": "weak-collective-economy"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "name": "村集体经济薄弱"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "category": "\x00"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "synonym", "of": "measure:branch-led-coop"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "name": "x" * 41}),
                      (f"/api/v1/taxonomy/candidates/{cid}/accept", {"as": "new", "zzz": 1}),
                      (f"/api/v1/taxonomy/candidates/{cid}/reject", {"reason": "x\x1b[31m"}),
                      (f"/api/v1/taxonomy/candidates/{cid}/reject", {"reason": "x" * 501}),
                      ("/api/v1/taxonomy/candidates/problem:weak-collective-economy/accept", {"as": "new"}),
                      ("/api/v1/taxonomy/candidates/<script>/reject", {}),
                      ("/api/v1/taxonomy/candidates/" + "x" * 3000 + "/reject", {})):
        r = client.post(url, json=body, headers=editor)
        assert 400 <= r.status_code < 500, (url[:80], body, r.status_code, r.text[:200])
        bilingual(r)
    assert client.get("/api/v1/taxonomy/candidates", params={"limit": 10 ** 6}).status_code == 400
    assert client.get("/api/v1/taxonomy/candidates", params={"offset": -1}).status_code == 422
    assert cid in {c["id"] for c in client.get("/api/v1/taxonomy/candidates").json()["items"]}   # nothing decided


# --- the audit trail ---------------------------------------------------------------------------------------

def test_the_audit_trail_pages_filters_and_cannot_be_edited(api):
    client, keys, *_ = api
    admin = h(keys["admin"])
    client.patch(CASE_URL, json={"version": current(client), "year": 2019}, headers=h(keys["editor"]))
    client.patch(CASE_URL, json={"version": current(client), "year": 2020}, headers=h(keys["editor2"]))
    body = client.get("/api/v1/audit", headers=admin).json()
    assert body["total"] == 3 and [e["action"] for e in body["items"]] == ["correct", "correct", "ingest"]
    assert [e["actor"] for e in body["items"]] == ["editor-2", "editor-1", "loader"]
    first = body["items"][-2]
    assert first["before"]["year"] == 2018 and first["after"]["year"] == 2019 and first["target"] == REVIEW_CASE
    assert client.get("/api/v1/audit", params={"actor": "editor-1"}, headers=admin).json()["total"] == 1
    page = client.get("/api/v1/audit", params={"limit": 1, "offset": 1}, headers=admin).json()
    assert page["total"] == 3 and page["items"][0]["actor"] == "editor-1"
    at = first["at"]
    assert client.get("/api/v1/audit", params={"since": at}, headers=admin).json()["total"] == 2
    assert client.get("/api/v1/audit", params={"until": at}, headers=admin).json()["total"] == 1
    assert client.get("/api/v1/audit", params={"since": "2000-01-01T08:00:00+08:00"}, headers=admin).json()["total"] == 3
    # a bound whose UTC time is before year 1 or after 9999 is the calendar's edge, not a 500 (found by test_fuzz)
    assert client.get("/api/v1/audit", params={"until": "0001-01-01T00:00:00+00:01"}, headers=admin).json()["total"] == 0
    assert client.get("/api/v1/audit", params={"since": "9999-12-31T23:59:00-00:01"}, headers=admin).json()["total"] == 0
    assert client.get("/api/v1/audit", params={"since": "0001-01-01T00:00:00+00:01"}, headers=admin).json()["total"] == 3
    for bad in ({"action": "delete"}, {"since": "yesterday"}, {"limit": 0}, {"actor": "x" * 65}):
        r = client.get("/api/v1/audit", params=bad, headers=admin)
        assert r.status_code == 422, bad
        bilingual(r)
    assert client.get("/api/v1/audit", params={"limit": 10 ** 6}, headers=admin).status_code == 400
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/v1/audit", headers=admin).status_code == 405
    assert client.get("/api/v1/audit", headers=admin).json()["total"] == 3

"""The review pages over HTTP on both stores: signing in with named keys (roles, revocation, local redirects only),
a case's edit mode (form → preview that writes nothing → save; a stale form gets the latest case; hostile input
stays text or is refused in Chinese), the case page's corrections list, the candidates page (accept, merge,
reject), and closed reads for browsers."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from djkg.api import page_session
from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.core.keys import KeyRing
from djkg.ingest.pipeline import ingest_paths
from djkg.queries.audit import audit_page
from djkg.queries.cases import case_record

from conftest import REVIEW_CANDIDATE, REVIEW_CASE, write_review_doc
from test_pages import BROWSER, assert_plain_chinese

EDIT = f"/cases/{REVIEW_CASE}/edit"
CASE = f"/cases/{REVIEW_CASE}"
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


@pytest.fixture
def site(store, tmp_path):
    """(client, keys by role, store, docs folder): the review write-up ingested, three named keys."""
    data = tmp_path / "data"
    ring = KeyRing(data / "keys.json")
    keys = {role: ring.add(f"{role}-web", role, by="test")[0] for role in ("reader", "editor", "admin")}
    docs = tmp_path / "docs"
    write_review_doc(docs)
    ingest_paths([docs], store, actor="loader")
    with TestClient(create_app(Settings(data_dir=data), store=store), headers=BROWSER) as client:
        yield client, keys, store, docs, ring


def sign_in(client, key: str, next_url: str = "") -> None:
    r = client.post("/signin", data={"key": key, "next": next_url}, follow_redirects=False)
    assert r.status_code == 303 and page_session.COOKIE in r.cookies, r.text[:300]


def form_of(html: str) -> dict[str, str]:
    """The edit form's fields as a browser would send them untouched."""
    fields: dict = {name: value for tag, name, value in re.findall(r'(<input[^>]*name="(\w+)"[^>]*value="([^"]*)")', html)
                    if 'type="checkbox"' not in tag}
    fields["remove"] = re.findall(r'<input type="checkbox" name="remove" value="([^"]*)" checked', html)
    for name in ("field", "model"):
        m = re.search(rf'<select id="{name}" name="{name}">.*?</select>', html, flags=re.S)
        chosen = re.search(r'<option value="([^"]*)" selected', m.group(0)) if m else None
        fields[name] = chosen.group(1) if chosen else ""
    fields["illustrative"] = re.search(r'name="illustrative" value="(\d)" checked', html).group(1)
    for name, value in fields.items():
        if isinstance(value, str):
            fields[name] = (value.replace("&#34;", '"').replace("&#39;", "'").replace("&lt;", "<")
                            .replace("&gt;", ">").replace("&amp;", "&"))
    return {k: v for k, v in fields.items() if k not in ("key",)}


# --- signing in ---------------------------------------------------------------------------------------------

def test_signing_in_with_named_keys_and_roles(site):
    client, keys, *_, ring = site
    r = client.get("/review")
    assert r.status_code == 401 and 'action="/signin"' in r.text and 'value="/review"' in r.text
    r = client.post("/signin", data={"key": "wrong"})
    assert r.status_code == 403 and "密钥不正确" in r.text
    sign_in(client, keys["reader"], "/review")
    r = client.get("/review")
    assert r.status_code == 403 and "只能浏览" in r.text and "reader-web" in r.text
    r = client.get(EDIT)
    assert r.status_code == 403
    assert "已登录：reader-web（只读）" in client.get("/signin").text
    sign_in(client, keys["editor"])
    assert client.get("/review").status_code == 200 and client.get(EDIT).status_code == 200
    ring.revoke("editor-web", by="test")           # revoking a key ends its sessions at once
    assert client.get("/review").status_code == 401
    client.post("/signout")
    assert page_session.COOKIE not in client.cookies


def test_after_signing_in_only_local_paths(site):
    client, keys, *_ = site
    for evil in ("//evil.example/x", "https://evil.example/", "\\\\evil", "javascript:alert(1)"):
        r = client.post("/signin", data={"key": keys["editor"], "next": evil}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/signin", evil
    r = client.post("/signin", data={"key": keys["editor"]}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403


# --- the edit mode -------------------------------------------------------------------------------------------

def test_edit_preview_writes_nothing_and_save_records_who_and_when(site):
    client, keys, store, *_ = site
    sign_in(client, keys["editor"])
    html = client.get(EDIT).text
    assert_plain_chinese(html)
    form = form_of(html)
    version = store.case_version(REVIEW_CASE)
    assert form["version"] == version and form["unit"] == "衣家村党支部" and form["year"] == "2018"
    background = next(o["id"] for o in case_record(store, REVIEW_CASE)["outcomes"] if o["name"] == "群众满意度")
    candidate = next(p["id"] for p in case_record(store, REVIEW_CASE)["problems"] if p["name"] == REVIEW_CANDIDATE)
    changed = {**form, "year": "2017", "unit": "衣家村党总支", "remove": [background, candidate],
               "add_problems": "党员队伍老化、发展党员难\n村里道路年久失修", "o1_name": "人均收入", "o1_value": "1.8",
               "o1_unit": "万元", "o1_scope": "unit", "note": "据县委组织部核实 " + HOSTILE}
    r = client.post(EDIT, data={**changed, "action": "preview"})
    assert r.status_code == 200 and 'id="preview-table"' in r.text
    assert "年份改为：2017" in r.text and "添加问题：党员队伍老化、发展党员难、村里道路年久失修" in r.text
    assert "去掉成效 1 项" in r.text and "去掉问题：" + REVIEW_CANDIDATE in r.text
    assert store.case_version(REVIEW_CASE) == version and store.corrections([REVIEW_CASE]) == {}   # nothing written
    r = client.post(EDIT, data={**changed, "action": "save"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == CASE + "?saved=corrected"
    rec = case_record(store, REVIEW_CASE)
    assert (rec["year"], rec["unit"]) == (2017, "衣家村党总支")
    assert "problem:aging-members" in {p["id"] for p in rec["problems"]}
    assert background not in {o["id"] for o in rec["outcomes"]}
    page = client.get(r.headers["location"]).text
    assert "已保存更正" in page and 'id="corrections"' in page and "editor-web" in page
    assert "年份改为：2017" in page and "&lt;script&gt;alert(&#39;x&#39;)" in page and "<script>alert" not in page
    assert "<img src=x" not in page
    [entry] = audit_page(store, action="correct")[0]
    assert entry["actor"] == "editor-web" and entry["after"]["year"] == 2017


def test_a_stale_edit_form_gets_the_latest_case(site):
    client, keys, store, *_ = site
    sign_in(client, keys["editor"])
    form = form_of(client.get(EDIT).text)
    second = TestClient(client.app, headers=BROWSER)
    sign_in(second, keys["admin"])
    assert second.post(EDIT, data={**form_of(second.get(EDIT).text), "year": "2016", "action": "save"},
                       follow_redirects=False).status_code == 303
    r = client.post(EDIT, data={**form, "year": "2015", "action": "save"})
    assert r.status_code == 409 and "刚刚被别人更正过" in r.text
    assert form_of(r.text)["version"] == store.case_version(REVIEW_CASE) and form_of(r.text)["year"] == "2016"
    assert case_record(store, REVIEW_CASE)["year"] == 2016


HOSTILE_FORMS = [
    {"unit": HOSTILE}, {"unit": "村\x1b[31m党支部"}, {"region": HOSTILE}, {"region": "火星"}, {"sector": HOSTILE},
    {"year": "二〇一九"}, {"year": "99999"}, {"model": HOSTILE}, {"field": "<b>农村</b>"},
    {"add_problems": HOSTILE}, {"add_problems": "问题\x07"}, {"add_problems": "\n".join(["某某问题难"] * 21)},
    {"add_measures": "x" * 61}, {"o1_name": HOSTILE, "o1_value": "1"}, {"o1_name": "收入", "o1_value": "很多"},
    {"o1_name": "收入", "o1_value": "1e999"}, {"o1_name": "收入", "o1_value": "nan"}, {"o1_name": "x", "o1_unit": HOSTILE},
    {"remove": ["problem:" + HOSTILE]}, {"note": "x\x1b"}, {"illustrative": "7"}, {"action": "<b>"},
]


@pytest.mark.parametrize("bad", HOSTILE_FORMS, ids=[str(i) for i in range(len(HOSTILE_FORMS))])
def test_hostile_edit_input_is_refused_in_chinese_or_kept_as_text(site, bad):
    client, keys, store, *_ = site
    sign_in(client, keys["editor"])
    form = form_of(client.get(EDIT).text)
    version = store.case_version(REVIEW_CASE)
    for action in ("preview", "save"):
        r = client.post(EDIT, data={**form, "action": action, **bad}, follow_redirects=False)
        assert r.status_code < 500, (bad, r.status_code)
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
        if r.status_code >= 400:
            assert re.search(r'class="notice error"[^>]*>[^<]*[\u4e00-\u9fff]', r.text), (bad, r.text[:400])
    assert case_record(store, REVIEW_CASE)["unit"] == "衣家村党支部"
    assert HOSTILE not in str(case_record(store, REVIEW_CASE))
    assert store.case_version(REVIEW_CASE) == version or bad.get("action") == "<b>"


def test_edit_posts_from_another_site_are_refused(site):
    client, keys, store, *_ = site
    sign_in(client, keys["editor"])
    form = form_of(client.get(EDIT).text)
    r = client.post(EDIT, data={**form, "year": "2016", "action": "save"}, headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and case_record(store, REVIEW_CASE)["year"] == 2018


# --- candidates ------------------------------------------------------------------------------------------------

def decide(client, cid: str, **form):
    return client.post(f"/review/{quote(cid, safe=':')}/decide", data={"page": "1", **form}, follow_redirects=False)


def candidate(store) -> str:
    return next(p["id"] for p in case_record(store, REVIEW_CASE)["problems"] if p.get("candidate"))


def test_candidates_page_accepts_a_new_concept(site):
    client, keys, store, *_ = site
    sign_in(client, keys["editor"])
    html = client.get("/review").text
    assert REVIEW_CANDIDATE in html and "村里还存在议事协商难的问题" in html and "衣家村党支部领办合作社" in html
    assert_plain_chinese(html)
    r = decide(client, candidate(store), action="accept", name="村民议事协商难")
    assert r.status_code == 303 and r.headers["location"] == "/review?page=1&done=accept"
    assert "已接受为新概念" in client.get(r.headers["location"]).text
    names = {p["name"]: p for p in case_record(store, REVIEW_CASE)["problems"]}
    assert "村民议事协商难" in names and not names["村民议事协商难"].get("candidate")
    assert audit_page(store, action="accept")[0][0]["actor"] == "editor-web"


def test_candidates_page_merges_and_rejects(site, tmp_path):
    client, keys, store, docs, _ = site
    sign_in(client, keys["editor"])
    r = decide(client, candidate(store), action="merge", of="problem:villager-participation-low")
    assert r.status_code == 303
    assert "problem:villager-participation-low" in {p["id"] for p in case_record(store, REVIEW_CASE)["problems"]}
    other = write_review_doc(docs, name="other.md")
    other.write_text(other.read_text(encoding="utf-8").replace("review-demo", "other")
                     .replace(REVIEW_CANDIDATE, "红白喜事攀比难"), encoding="utf-8")
    ingest_paths([docs], store)
    cid = next(p["id"] for p in case_record(store, "case:other")["problems"] if p.get("candidate"))
    r = decide(client, cid, action="reject", reason="套话 " + HOSTILE)
    assert r.status_code == 303 and "已否决" in client.get(r.headers["location"]).text
    assert "红白喜事攀比难" not in client.get("/review").text
    # hostile or unknown decisions: a page in Chinese, never a 500
    for form in ({"action": "merge", "of": "problem:nope"}, {"action": "accept", "name": HOSTILE},
                 {"action": "explode"}, {"action": "reject", "reason": "x\x1b"}):
        r = decide(client, cid, **form)
        assert 400 <= r.status_code < 500 and "<script>alert" not in r.text, (form, r.status_code)
    r = decide(client, "problem:" + HOSTILE, action="reject")
    assert r.status_code == 404 and "<script>alert" not in r.text
    r = client.post(f"/review/{quote(cid, safe=':')}/decide", data={"action": "reject", "page": "1"},
                    headers={"origin": "http://evil.example"})
    assert r.status_code == 403


# --- closed reads ----------------------------------------------------------------------------------------------

def test_closed_reads_ask_a_browser_to_sign_in(store, tmp_path):
    ring = KeyRing(tmp_path / "keys.json")
    reader, _ = ring.add("reader-only", "reader", by="test")
    with TestClient(create_app(Settings(data_dir=tmp_path, reads_need_key=True), store=store), headers=BROWSER) as c:
        for path in ("/", "/cases", "/models"):
            r = c.get(path)
            assert r.status_code == 401 and 'action="/signin"' in r.text and f'value="{path}"' in r.text, path
        assert c.get("/signin").status_code == 200 and c.get("/static/site.css").status_code == 200
        sign_in(c, reader, "/cases")
        assert c.get("/cases").status_code == 200 and c.get("/api/v1/cases").status_code == 200
        assert c.get("/review").status_code == 403   # a reader reads, never reviews
        # an API client still gets JSON
        r = TestClient(c.app).get("/api/v1/cases")
        assert r.status_code == 401 and r.json()["detail"]["zh"]

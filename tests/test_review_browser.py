"""The review pages in a real headless Chromium at 1400 and 390 px, served by `djkg serve` on loopback with named
keys: an editor signs in, corrects a case through the edit mode (preview, then save) and sees the correction on
the case page; accepts, merges and rejects candidates. Hostile strings (a case title, an evidence sentence, the
editor's note) stay text: no dialog fires and no element is made from them; no console error, no request leaves
127.0.0.1, nothing is wider than the screen, no code or internal id is shown. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from djkg.core.keys import KeyRing
from djkg.graph.sqlite_store import SqliteStore
from djkg.ingest.pipeline import ingest_paths
from djkg.queries.audit import audit_page
from djkg.queries.cases import case_record

from conftest import REVIEW_CANDIDATE, REVIEW_CASE, djkg_server, embedded_env, write_review_doc
from test_browser import ARTIFACTS, WIDTHS, Visit, _plain_chinese, browser  # noqa: F401 - browser is a fixture

HOSTILE_TITLE = "<script>alert('t')</script><img src=x onerror=alert(1)>衣家村"
HOSTILE_NOTE = "据核实 <script>alert('note')</script><img src=x onerror=alert(2)>"
CANDIDATES = {"case:review-demo": REVIEW_CANDIDATE, "case:demo-b": "红白喜事攀比难", "case:demo-c": "村规民约落实难"}


@pytest.fixture(scope="module")
def review_site(tmp_path_factory):
    """(base url, store, editor key): three write-ups with one candidate each (one with a hostile title and a
    hostile sentence), served with named keys only."""
    data = tmp_path_factory.mktemp("review-browser")
    docs = data / "docs"
    for cid, phrase in CANDIDATES.items():
        key = cid.split(":", 1)[1]
        path = write_review_doc(docs, name=f"{key}.md")
        text = path.read_text(encoding="utf-8").replace("review-demo", key).replace(REVIEW_CANDIDATE, phrase)
        if key == "demo-b":
            text = text.replace("title: 衣家村党支部领办合作社", f"title: \"{HOSTILE_TITLE}\"").replace(
                f"{phrase}的问题。", f"{phrase}的问题<img src=x onerror=alert(3)>。")
        path.write_text(text, encoding="utf-8")
    store = SqliteStore(data / "djkg.sqlite3")
    ingest_paths([docs], store, actor="loader")
    editor, _ = KeyRing(data / "keys.json").add("zhang-editor", "editor", by="test")
    try:
        with djkg_server(data, env=embedded_env()) as base:
            yield base, store, editor
    finally:
        store.close()


def sign_in(v: Visit, key: str) -> None:
    v.page.fill("input[name=key]", key)
    with v.page.expect_navigation():
        v.page.click("form.key-form button[type=submit]")


def check_screen(v: Visit, size: tuple[int, int]) -> None:
    _plain_chinese(v, graph=False)
    assert v.page.evaluate("document.documentElement.scrollWidth") <= size[0] + 1, v.name   # nothing off-screen
    assert v.page.evaluate("document.querySelectorAll('img[src=x]').length") == 0


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_editor_corrects_a_case_in_the_browser(review_site, browser, width):  # noqa: F811
    base, store, editor = review_site
    size = WIDTHS[width]
    case_id = "case:demo-b" if width == "wide" else "case:demo-c"
    v = Visit(browser, f"{base}/cases/{quote(case_id)}", f"review-case-{size[0]}", size)
    if width == "wide":
        assert HOSTILE_TITLE in v.page.inner_text("h1")
    with v.page.expect_navigation():
        v.page.click("#edit-link")
    assert v.page.title().startswith("登录")                  # the edit mode needs a key: sign in, come back
    v.console = [c for c in v.console if "status of 401" not in c]
    sign_in(v, editor)
    assert v.page.url.endswith(f"/cases/{quote(case_id, safe=':')}/edit")
    check_screen(v, size)
    outcome = next(o for o in case_record(store, case_id)["outcomes"] if o["name"] == "群众满意度")
    v.page.fill("#year", "2016")
    v.page.fill("#add_problems", "村里道路年久失修")
    v.page.check(f"input[name=remove][value='{outcome['id']}']")
    v.page.fill("#o1-name", "人均收入")
    v.page.fill("#o1-value", "1.8")
    v.page.fill("#o1-unit", "万元")
    v.page.fill("#note", HOSTILE_NOTE)
    version = store.case_version(case_id)
    with v.page.expect_navigation():
        v.page.click("#preview")
    lines = v.page.inner_text("#preview-lines")
    assert "年份改为：2016" in lines and "添加问题：村里道路年久失修" in lines and "去掉成效 1 项" in lines
    assert store.case_version(case_id) == version               # a preview writes nothing
    check_screen(v, size)
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=str(ARTIFACTS / f"review-edit-preview-{size[0]}.png"), full_page=True)
    with v.page.expect_navigation():
        v.page.click("#save")
    assert v.page.url.endswith(f"/cases/{quote(case_id, safe=':')}?saved=corrected")
    body = v.page.inner_text("body")
    assert "已保存更正" in body
    table = v.page.inner_text("#corrections")
    assert "zhang-editor" in table and "年份改为：2016" in table and HOSTILE_NOTE in table   # the note, as text
    check_screen(v, size)
    rec = case_record(store, case_id)
    assert rec["year"] == 2016 and "村里道路年久失修" in {p["name"] for p in rec["problems"]}
    assert outcome["id"] not in {o["id"] for o in rec["outcomes"]}
    v.name = f"review-corrected-{size[0]}"
    v.finish(full_page=True)


def test_an_editor_reviews_candidates_in_the_browser(review_site, browser):  # noqa: F811
    base, store, editor = review_site
    for width, size in WIDTHS.items():   # the page at both widths before anything is decided
        v = Visit(browser, f"{base}/review", f"review-candidates-{size[0]}", size)
        v.console = [c for c in v.console if "status of 401" not in c]
        sign_in(v, editor)
        assert v.page.url.endswith("/review")
        text = v.page.inner_text("body")
        assert all(phrase in text for phrase in CANDIDATES.values())
        assert "<img src=x onerror=alert(3)>" in text          # the hostile sentence, shown as text
        check_screen(v, size)
        v.finish(full_page=True)
    v = Visit(browser, f"{base}/review", "review-candidates-decided", WIDTHS["wide"])
    v.console = [c for c in v.console if "status of 401" not in c]
    sign_in(v, editor)

    def panel(phrase: str):
        return v.page.locator("section.candidate", has=v.page.locator(".candidate-name", has_text=phrase))

    with v.page.expect_navigation():                            # accept as a new concept
        panel(REVIEW_CANDIDATE).locator("form.decision", has_text="接受").locator("button").click()
    assert "已接受为新概念" in v.page.inner_text("body")
    with v.page.expect_navigation():                            # merge into an existing problem
        merge = panel("红白喜事攀比难").locator("form.decision", has_text="并入")
        merge.locator("select").select_option(label="群众参与治理积极性不高")
        merge.locator("button").click()
    assert "已并入已有概念" in v.page.inner_text("body")
    with v.page.expect_navigation():                            # reject
        reject = panel("村规民约落实难").locator("form.decision", has_text="否决")
        reject.locator("input[name=reason]").fill("套话")
        reject.locator("button").click()
    assert "已否决" in v.page.inner_text("body")
    # the three decided are no longer proposed (a phrase an editor added elsewhere may still wait for review)
    proposed = v.page.evaluate("Array.from(document.querySelectorAll('.candidate-name')).map(function (e) { return e.textContent; })")
    assert not set(CANDIDATES.values()) & set(proposed), proposed
    check_screen(v, WIDTHS["wide"])
    v.finish(full_page=True)
    names = {cid: {p["name"] for p in case_record(store, cid)["problems"]} for cid in CANDIDATES}
    assert REVIEW_CANDIDATE in names["case:review-demo"]
    assert "群众参与治理积极性不高" in names["case:demo-b"] and "红白喜事攀比难" not in names["case:demo-b"]
    assert "村规民约落实难" not in names["case:demo-c"]
    actions = [e["action"] for e in audit_page(store)[0] if e["actor"] == "zhang-editor"]
    assert (actions.count("accept"), actions.count("reject")) == (2, 1)   # a merge is an acceptance as a synonym

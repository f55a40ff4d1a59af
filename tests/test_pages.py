"""The pages people read, as HTML from the real app over the real shipped corpus (and small built stores):
case, model, result, case library, search, regions, CSV exports, the submit flow and its session — plus the
sentences of viz/text.py. The browser tests (test_browser.py) look at the same pages in Chromium."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from urllib.parse import quote

import hypothesis.strategies as st
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from djkg.api import page_session
from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph.sqlite_store import SqliteStore
from djkg.queries.index import model_index
from djkg.queries.models import list_models
from djkg.viz import labels as L
from djkg.viz.csv_export import cell
from djkg.viz.text import UNIT_NOUNS, best_outcome, maturity_ranks, outcome_label, zh_only

from conftest import build_case

BROWSER = {"accept": "text/html,application/xhtml+xml"}
KEY = "page-key-0123456789"
HOSTILE_TITLE = "<script>alert('t')</script><img src=x onerror=alert(1)>合作社"
HOSTILE_TEXT = ("一、问题\n某村集体经济薄弱，土地撂荒。</textarea><script>alert(2)</script>\n二、做法\n"
                "村党支部领办合作社，群众以土地入股。\n三、成效\n村集体收入由3万元提高到30万元。")


@pytest.fixture(scope="module")
def corpus_client(corpus_store, tmp_path_factory):
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("pages")), store=corpus_store)
    with TestClient(app) as c:
        yield c


@pytest.fixture
def own(tmp_path):
    """(client, store) over a small store of its own, with the API key set (writes allowed)."""
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    for i in range(3):
        store.upsert_case(build_case(f"c{i}"))
    with TestClient(create_app(Settings(data_dir=tmp_path, api_key=KEY), store=store)) as c:
        yield c, store
    store.close()


def visible(html: str) -> str:
    """The text a reader sees: tags, scripts and JSON data blocks removed."""
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    html = re.sub(r"<style\b.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def codes() -> set[str]:
    """Every code the label table turns into words: none may be read on a page."""
    from djkg.ingest.taxonomy import taxonomy
    out = set(L.NODE_TYPES) | set(L.RELATIONS) | set(L.FLAGS) | set(L.SIGNALS) | set(L.MATURITY_LEVELS)
    out |= set(L.SCORE_COMPONENTS) | set(L.MATURITY_COMPONENTS) | set(L.DIRECTIONS) | set(L.PROBLEM_MATCH)
    out |= set(L.SOURCE_KINDS) | {m.id for m in taxonomy().metrics}
    return out | {"none", "Legend", "layout", "settled"}


ID_PREFIX = re.compile(r"\b(?:case|model|problem|measure|outcome|region|industry):[\w-]")


def assert_plain_chinese(html: str) -> None:
    text = visible(html)
    found = [c for c in codes() if re.search(rf"(?<![A-Za-z_]){re.escape(c)}(?![A-Za-z_])", text)]
    assert not found, found
    assert not ID_PREFIX.search(text), ID_PREFIX.search(text).group(0)
    for attr in re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', html):
        assert not ID_PREFIX.search(attr) and not any(re.search(rf"\b{re.escape(c)}\b", attr) for c in codes()), attr


# --- subjects picked from whatever corpus is shipped (no case id or place is assumed) ----------------------

def a_documented_case(store):
    """A documented case with a model and marked problems, measures and outcomes (the richest first)."""
    from djkg.queries.cases import case_record
    best, score = None, -1
    for node in store.list_nodes("Case", limit=400):
        if node.props.get("illustrative"):
            continue
        rec = case_record(store, node.id, with_text=True)
        if not rec["model"] or not rec.get("sources"):
            continue
        n = min(len(rec["problems"]), 3) + min(len(rec["measures"]), 3) + min(
            sum(1 for o in rec["outcomes"] if o.get("evidence")), 3)
        if n > score:
            best, score = rec, n
    return best


def a_city(store):
    """(what a user types, the official name): a city with cases whose short name resolves to it (定西 → 定西市)."""
    from djkg.queries.cases import page_cases
    from djkg.services.regions import adcode_prefix, resolve_region
    for region in store.list_nodes("Region", limit=5000):
        name, code = str(region.props.get("name") or ""), str(region.props.get("adcode") or "")
        if region.props.get("level") != "city" or not name.endswith("市") or len(name) < 3:
            continue
        short = name[:-1]
        ref = resolve_region(short)
        if ref is not None and ref.adcode == code and page_cases(store, limit=1, prefix=adcode_prefix(code))[1]:
            province = str(ref.province or "").rstrip("省")
            return short, province + short, name
    raise AssertionError("no city in the corpus")


# --- sentences ------------------------------------------------------------------------------------------

def test_outcome_labels_are_noun_figure_unit():
    assert outcome_label({"name": "个", "value": 9.0, "unit": "个"}) == "数量 9个"
    assert outcome_label({"name": '会对面山坡上"穷则思变"', "value": 4.0, "unit": "个"}) == "数量 4个"
    assert outcome_label({"name": "村集体经济收入", "metric": "collective-income", "value": 4800.0, "unit": "元"}) \
        == "村集体经济收入 4800元"
    assert outcome_label({"name": "群众满意度", "value": 98.5, "unit": "%", "scope": "region"}) == "群众满意度 98.5%（全地区数字）"
    assert outcome_label({"name": "青年教师中有", "value": 6.0, "unit": "人"}) == "青年教师 6人"


def test_the_outcome_shown_first_is_one_that_says_what_changed():
    bare = {"name": "", "value": 5.0, "unit": "头"}                               # "数量 5头"
    named = {"name": "育肥牛出栏收入", "value": 12.0, "unit": "万元"}
    listed = {"name": "村集体经济收入", "metric": "collective-income", "value": 35.0, "unit": "万元"}
    area = {"name": "群众满意度", "metric": "satisfaction", "value": 98.0, "unit": "%", "scope": "region"}
    assert best_outcome([bare, named]) == "育肥牛出栏收入 12万元"                 # not the first one
    assert best_outcome([bare, named, listed, area]) == "村集体经济收入 35万元"
    assert best_outcome([bare]) == "数量 5头" and best_outcome([bare], named=True) == ""
    assert best_outcome([area]) == "" and best_outcome([]) == ""


def test_warnings_are_said_in_chinese_only():
    assert zh_only("问题描述未匹配到分类词表，已按文本相似度匹配 / problems matched by text similarity") == \
        "问题描述未匹配到分类词表，已按文本相似度匹配"
    assert "top_k" not in zh_only("top_k 已调整为 50（允许 1–50）/ top_k clamped to 50")
    assert zh_only("only english") == "系统提示：部分输入未能理解"


def test_maturity_ranks_tell_equal_levels_apart():
    r = maturity_ranks({"a": 0.77, "b": 0.61, "c": 0.70})
    assert (r["a"].rank, r["c"].rank, r["b"].rank) == (1, 2, 3)
    assert r["a"].percent == 100 and r["b"].percent == 0 and r["a"].total == 3
    assert r["a"].compare == "是全部模式中最成熟的" and r["c"].compare == "比 50% 的其他模式成熟"


def test_csv_cells_cannot_become_formulas():
    assert cell("=cmd|'/c calc'!A1") == "'=cmd|'/c calc'!A1"
    assert cell("-12") == "-12" and cell("@x") == "'@x" and cell(True) == "是"


# --- the pages over the shipped corpus -------------------------------------------------------------------

def test_case_page_has_the_whole_writeup_marked_and_its_facts(corpus_client, corpus_store):
    rec = a_documented_case(corpus_store)
    r = corpus_client.get(f"/cases/{quote(rec['id'])}")
    assert r.status_code == 200 and r.headers["content-security-policy"]
    html = r.text
    assert unescape(re.sub(r"<[^>]+>", "", html)).count(rec["title"]) >= 1 and "有来源" in html
    for src in rec["sources"]:
        if src.get("url", "").startswith(("http://", "https://")):
            assert f'href="{src["url"]}"'.replace("&", "&amp;") in html
    assert html.count('<mark class="s-problem"') >= 1 and html.count('<mark class="s-measure"') >= 1
    assert html.count('<mark class="s-outcome"') >= 1
    # the whole text is there: every line of the stored write-up, marks or not
    page_text = unescape(re.sub(r"<[^>]+>", "", html))
    for line in rec["text"].splitlines():
        assert line.lstrip("#").strip() in page_text, line
    for flag in rec["flags"]:
        assert L.flag_text(flag) in html
    assert f'href="/models/{rec["model"]["id"]}"' in html and 'href="/regions/' in html
    assert_plain_chinese(html)


def test_illustrative_case_has_the_badge(own):
    client, store = own
    from djkg.graph import schema as S
    from djkg.graph.schema import CaseGraph, Node
    g = build_case("shown", outcomes=(("村集体经济收入", 120.0, "万元"),))
    store.upsert_case(CaseGraph(case=Node(g.case.id, S.CASE, {**g.case.props, "illustrative": True}),
                                nodes=g.nodes, edges=g.edges))
    html = client.get(f"/cases/{quote(g.case.id)}").text
    assert "示意案例" in html and 'class="badge illustrative"' in html
    assert_plain_chinese(html)


def test_a_case_citing_no_report_is_not_called_publicly_sourced(own):
    # a unit's own material ingested without front matter: real, but nothing to check it against
    client, store = own
    g = build_case("uncited", outcomes=(("村集体经济收入", 120.0, "万元"),))
    store.upsert_case(g)
    rec = client.get("/cases/" + quote(g.case.id)).text
    assert "来源：未注明" in rec and "未注明出处" in rec
    assert "有公开来源" not in rec and 'class="badge documented"' not in rec
    assert_plain_chinese(rec)
    # the lists say 有来源 (not made up) for it, never 有公开来源
    for path in ("/cases", "/regions", "/cases.csv"):
        page = client.get(path).text
        assert "有公开来源" not in page and "有来源" in page, path


def test_the_writeup_is_shown_as_written_with_its_sentences_marked(own):
    # extraction reads "五个" as "5个"; the page shows what the report says, and still marks its sentences
    from djkg.ingest.build import build
    from djkg.ingest.extract import extract
    from djkg.ingest.readers import RawDoc
    client, store = own
    case = extract(RawDoc(source="own.txt", text=(
        "# 东村党支部划分党员责任区\n过去，东村集体经济薄弱，村集体年收入不足五万元。\n"
        "村党支部划分五个党员责任区，每名党员联系十户群众，领办合作社。\n"
        "两年来，村集体收入由五万元增加到三十五万元，群众满意率达到百分之九十八。")))
    store.upsert_case(build(case))
    html = client.get(f"/cases/{quote(case.id)}").text
    writeup = html.split('<div class="writeup">')[1].split("</div>")[0]
    shown = visible(writeup)          # (a mark's tooltip names the outcome, "村集体经济收入 35万元": a label)
    assert "五个" in shown and "5个" not in shown and "35万元" not in shown and "98%" not in shown
    assert re.search(r'<mark class="s-measure"[^>]*>[^<]*划分五个党员责任区', writeup)
    assert re.search(r'<mark class="s-outcome"[^>]*>[^<]*增加到三十五万元', writeup)
    assert re.search(r'<mark class="s-problem"[^>]*>[^<]*不足五万元', writeup)
    facts = html.split("抽取到的问题和做法")[1]
    assert "划分五个党员责任区" in facts and "划分5个" not in facts       # evidence as written too
    # search finds the words the page shows
    found = client.get("/search?q=" + quote("五个党员责任区")).text
    assert f'href="/cases/{quote(case.id, safe=":")}"' in found


def test_sources_are_links_only_when_they_are_web_addresses():
    from djkg.viz.pages_case import source_items
    items = source_items({"sources": [{"publication": "人民日报", "date": "2020-06-12", "title": "标题",
                                       "url": "https://example.org/a?b=1&c=2"},
                                      {"publication": "某报", "url": "javascript:alert(1)"},
                                      {"publication": "示意案例（illustrative）"}]})
    assert items[0] == {"text": "《标题》 人民日报 2020-06-12", "url": "https://example.org/a?b=1&c=2"}
    assert items[1]["url"] == "" and items[2]["text"] == "示意案例"


def test_model_pages_say_maturity_in_words_with_a_scale(corpus_client, corpus_store):
    models = list_models(model_index(corpus_store))
    html = corpus_client.get("/models").text
    assert all(m.name in html for m in models)
    assert f"第 1 / {len(models)}" in html and f"第 {len(models)} / {len(models)}" in html
    assert_plain_chinese(html)
    m = models[0]
    html = corpus_client.get(f"/models/{quote(m.id)}").text
    assert "先从这几步开始" in html and "个省份采用" in html and f"在 {len(models)} 个模式中排第 1" in html
    assert html.count('href="/cases/case:') >= m.cases
    assert_plain_chinese(html)
    assert corpus_client.get("/models/model:nope", headers=BROWSER).status_code == 404


def test_csv_exports_open_in_a_spreadsheet(corpus_client, corpus_store):
    m = list_models(model_index(corpus_store))[0]
    for path, first in (("/models.csv", "模式"), (f"/models/{quote(m.id)}/cases.csv", "案例"),
                        ("/cases.csv?field=" + quote("农村"), "案例"),
                        ("/recommend.csv?region=" + quote("栖霞") + "&problems=" + quote("村集体经济薄弱"), "名次")):
        r = corpus_client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), path
        assert r.content.startswith("\ufeff".encode("utf-8")) and "attachment" in r.headers["content-disposition"]
        rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
        assert rows[0][0] == first and len(rows) > 1, path


def test_result_page_gives_reasons_steps_and_evidence(corpus_client):
    q = "/recommend?region=" + quote("甘肃定西") + "&industry=" + quote("农村") + "&problems=" + quote(
        "村里没什么集体收入，年轻人都出去打工了\n地撂荒了不少")
    r = corpus_client.get(q)
    assert r.status_code == 200
    html = r.text
    items = html.count('class="panel result-item"')
    assert "我们理解为" in html and re.search(r"你提到“(村里没什么集体收入，年轻人都出去打工了|地撂荒了不少)”", html)
    assert items >= 3 and html.count("可以先读这些案例") == items and html.count("得分构成") == items
    assert html.count("先做这几步") >= items - 1
    assert 'name="keep"' in html and 'name="shown"' in html
    assert_plain_chinese(html)
    # untick a tag: it is dropped from the next answer and stays dropped in the shared URL
    first = re.search(r'name="keep" value="([^"]+)"', html).group(1)
    shown = re.findall(r'name="shown" value="([^"]+)"', html)
    again = corpus_client.get(q + "&" + "&".join(f"shown={quote(s)}" for s in shown)
                              + "&" + "&".join(f"keep={quote(s)}" for s in shown if s != first))
    assert f'name="keep" value="{first}"' not in again.text and f'name="drop" value="{first}"' in again.text
    added = corpus_client.get(q + "&add=" + quote("problem:weak-collective-economy"))
    assert 'name="keep" value="problem:weak-collective-economy"' in added.text
    assert corpus_client.get("/recommend?region=" + quote("火星"), headers=BROWSER).status_code == 400
    # a reason says what a case achieved only with a figure that names what it counts ("…后数量5头" says nothing)
    for page in (html, corpus_client.get("/recommend?region=" + quote("湖州") + "&problems=" + quote(
            "村里没什么集体收入，年轻人都出去打工了")).text):
        said = re.findall(r"采用“[^”]+”后([^。<]+)。", page)
        assert said, "no reason names a result"
        assert not [x for x in said if x.split(" ")[0] in {*UNIT_NOUNS.values(), "数量"}], said


def test_case_library_filters_and_pages(corpus_client, corpus_store):
    html = corpus_client.get("/cases").text
    total = corpus_store.count_nodes("Case")
    assert f"共 {total} 条" in html and "下一页" in html
    p2 = corpus_client.get("/cases?page=2").text
    first_ids = set(re.findall(r'href="/cases/(case:[^"]+)"', html))
    assert not first_ids & set(re.findall(r'href="/cases/(case:[^"]+)"', p2))
    farm = corpus_client.get("/cases?field=" + quote("农村") + "&source=documented").text
    assert "示意</span>" not in farm.split("<tbody>")[1]
    short, long, official = a_city(corpus_store)
    city = corpus_client.get("/cases?region=" + quote(long)).text
    assert official in city and city.count('href="/cases/case:') >= 1
    assert_plain_chinese(city)
    problem = next(n for n in corpus_store.list_nodes("Problem", limit=1000) if not n.props.get("candidate"))
    prob = corpus_client.get("/cases?problem=" + quote(problem.id)).text
    assert f"只看面临“{problem.props['name']}”的案例" in prob


def test_search_groups_collapses_outcomes_and_links_every_hit(corpus_client):
    html = corpus_client.get("/search?q=" + quote("集体经济")).text
    assert "模式（" in html and "案例（" in html and "成效（" in html
    section = html.split("成效（")[1]
    names = re.findall(r"<li>(?:<a [^>]+>|<b>)([^<]+)<", section)
    assert names and len(names) == len(set(names))                 # identical outcome rows are one row
    hits = [li for ul in re.findall(r'<ul class="hits plain">(.*?)</ul>', html, re.S)
            for li in re.findall(r"<li>(.*?)</li>", ul, re.S)]
    assert len(hits) > 5
    for li in hits:
        assert "href=" in li, li
    assert_plain_chinese(html)


def test_region_urls_accept_the_names_the_form_accepts(corpus_client, corpus_store):
    short, long, official = a_city(corpus_store)          # e.g. 定西, 甘肃定西 → 定西市
    for name in (short, long):
        r = corpus_client.get("/regions/" + quote(name), follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == "/regions/" + quote(official)
        r = corpus_client.get("/views/region/" + quote(name), follow_redirects=False)
        assert r.status_code == 307 and r.headers["location"] == "/views/region/" + quote(official)
    html = corpus_client.get("/regions/" + quote(official)).text
    assert official in html and 'href="/cases/case:' in html
    assert_plain_chinese(html)
    assert corpus_client.get("/regions/" + quote("火星"), headers=BROWSER).status_code == 404
    from djkg.queries.cases import case_provinces
    province = corpus_store.get_node("region:" + case_provinces(corpus_store)[0]["adcode"]).props["name"]
    html = corpus_client.get("/regions").text
    assert f'href="/regions/{quote(province)}"' in html
    assert_plain_chinese(html)


def test_every_page_is_well_formed_markup(corpus_client, corpus_store):
    """Attribute names are names and every quoted value closes where it should: a stray quote in a template
    (the home page's placeholder once held a second placeholder="…" inside it and showed "placeholder=" to people)
    turns text into attribute names, which no browser reports."""
    from html.parser import HTMLParser

    rec = a_documented_case(corpus_store)
    model = rec["model"]["id"]
    pages = ["/", "/cases", "/models", f"/models/{quote(model)}", f"/cases/{quote(rec['id'])}", "/regions",
             "/gaps", "/search?q=" + quote("集体经济"), "/signin", "/submit",
             "/recommend?region=" + quote("湖州") + "&problems=" + quote("村里没什么集体收入"),
             f"/views/case/{quote(rec['id'])}", f"/views/model/{quote(model)}",
             "/regions/" + quote((rec.get("region") or {}).get("province") or "浙江省")]

    class Check(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.bad: list[str] = []

        def handle_starttag(self, tag, attrs):
            names = [name for name, _ in attrs]
            self.bad += [f"<{tag} {name}>" for name in names if not re.fullmatch(r"[a-z][a-z0-9_.:-]*", name)]
            self.bad += [f"<{tag} {name}> twice" for name in set(names) if names.count(name) > 1]
            self.bad += [f"<{tag} {name}={value!r}>" for name, value in attrs
                         if value and re.search(r"\b(?:placeholder|class|href|name|value|title)=", value)]

    for path in pages:
        r = corpus_client.get(path, follow_redirects=True)
        assert r.status_code == 200, path
        check = Check()
        check.feed(r.text)
        assert not check.bad, (path, check.bad[:5])


def test_docs_are_offline(corpus_client):
    for path in ("/docs", "/redoc"):
        html = corpus_client.get(path).text
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), path
    js = corpus_client.get("/docs-assets/redoc-offline.js").text
    assert "cdn.redoc.ly" not in js
    assert "fastapi.tiangolo.com" not in corpus_client.get("/docs").text


# --- submitting a case -------------------------------------------------------------------------------------

def _sign_in(client) -> None:
    r = client.post("/submit/key", data={"key": KEY}, follow_redirects=False)
    assert r.status_code == 303 and page_session.COOKIE in r.cookies


def test_submit_needs_the_key_once_and_previews_before_saving(own):
    client, store = own
    before = store.count_nodes("Case")
    form = {"title": HOSTILE_TITLE, "unit": "某村党支部", "region": "甘肃定西", "text": HOSTILE_TEXT}
    assert client.post("/submit/preview", data=form).status_code == 401
    assert client.post("/submit/key", data={"key": "wrong"}).status_code == 403
    _sign_in(client)
    empty = client.get("/submit")
    assert empty.status_code == 200 and 'id="case-form"' in empty.text and "确认保存" not in empty.text
    r = client.post("/submit/preview", data=form)
    assert r.status_code == 200 and "确认保存" in r.text
    assert "<script>alert" not in r.text and "<img src=x" not in r.text and "</textarea><script>" not in r.text
    assert "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in r.text
    assert "甘肃省定西市" in r.text and "村党支部领办合作社" in r.text
    assert store.count_nodes("Case") == before                         # a preview saves nothing
    r = client.post("/submit/save", data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/cases/case:")
    assert store.count_nodes("Case") == before + 1
    page = client.get(r.headers["location"]).text
    assert "已保存为新案例" in page and "&lt;script&gt;" in page and "<script>alert" not in page
    # a post from another site is refused even with the session cookie
    assert client.post("/submit/save", data=form, headers={"origin": "http://evil.example"}).status_code == 403


def test_submit_errors_are_in_chinese(own):
    client, _ = own
    _sign_in(client)
    r = client.post("/submit/preview", data={"text": "\u200b\u200b  "})
    assert r.status_code == 422 and "请填写案例正文" in r.text
    r = client.post("/submit/preview", data={"text": "正文", "year": "二〇二一"})
    assert r.status_code == 422 and "年份请写四位数字" in r.text


def test_submit_is_closed_without_a_server_key(tmp_path):
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        assert "网页提交已关闭" in c.get("/submit").text
        assert c.post("/submit/key", data={"key": ""}).status_code == 403
        assert c.post("/submit/save", data={"text": "x"}).status_code == 401
    store.close()


def test_session_tokens_are_signed_and_expire(tmp_path):
    from djkg.core.keys import KeyRing, Principal
    ring = KeyRing(tmp_path / "keys.json", env_key="k")
    token = page_session.new_token(ring, "env", now=1000)
    assert page_session.read_token(ring, token, now=1001) == Principal("env", "admin")
    assert page_session.read_token(KeyRing(tmp_path / "keys.json", env_key="other"), token, now=1001) is None  # new key
    assert page_session.read_token(ring, token, now=1000 + page_session.LIFETIME + 1) is None
    assert page_session.read_token(ring, token[:-1] + ("0" if token[-1] != "0" else "1"), now=1001) is None
    # a named key's session names it, and ends when the key is revoked
    ring.add("zhangsan", "editor", by="test")
    named = page_session.new_token(ring, "zhangsan", now=1000)
    assert page_session.read_token(ring, named, now=1001) == Principal("zhangsan", "editor")
    ring.revoke("zhangsan", by="test")
    assert page_session.read_token(ring, named, now=1001) is None and page_session.new_token(ring, "zhangsan") is None
    # another data directory has another session secret: its cookies mean nothing here
    assert page_session.read_token(KeyRing(tmp_path / "elsewhere" / "keys.json", env_key="k"), token, now=1001) is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=60), text=st.text(min_size=1, max_size=400))
def test_preview_never_fails_and_keeps_any_input_as_text(own, title, text):
    client, store = own
    client.cookies.set(page_session.COOKIE, page_session.new_token(client.app.state.keyring, "env"))
    r = client.post("/submit/preview", data={"title": title, "text": text + "<script>alert(9)</script>"})
    assert r.status_code in (200, 422)
    assert "<script>alert(9)" not in r.text


def test_a_wider_areas_figures_are_shown_apart_from_the_units_results(corpus_client):
    """衣家村's page: the city's 3.91亿元 sits under 所在地区的数字, never under the village's own results."""
    r = corpus_client.get("/cases/case:c1-yantai-qixia-yijia")
    assert r.status_code == 200
    own, _, area = r.text.partition("所在地区的数字")
    assert "3.91亿元" in area and "3.91亿元" not in own.split("取得的成效")[1]

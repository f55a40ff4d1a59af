"""The organisation-department pages from the real app over the real shipped corpus (and small built stores):
the gap map (/gaps: the ranked list and two heat tables whose every cell opens exactly the cases it counts, the
filters read as the API reads them, the CSV twin) and the model page's diffusion section (the story in words, the
province tile map, adopters by year). The browser tests (test_browser.py) look at the same pages in Chromium."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from djkg.api.app import create_app
from djkg.core.analyses import Adopter, Diffusion, DiffusionOrigin, PlaceRef, ProvinceSpread, YearSpread
from djkg.core.config import Settings
from djkg.core.contract import ModelRef
from djkg.graph.sqlite_store import SqliteStore
from djkg.queries.diffusion import diffusion
from djkg.queries.index import model_index
from djkg.queries.models import list_models
from djkg.queries.provinces import provinces
from djkg.services.analyses import gaps
from djkg.viz.pages_diffusion import diffusion_context
from djkg.viz.pages_gaps import CSV_HEADER
from djkg.viz.site import environment
from djkg.viz.text_analyses import diffusion_story, gap_level, short
from djkg.viz.tilemap import COLS, ROWS, tiles

from analyses_data import gap_and_diffusion_cases
from conftest import build_case
from test_pages import BROWSER, assert_plain_chinese

CELL = re.compile(r'<td class="num heat-(\d)[^"]*" data-value="[^"]*"><a href="([^"]+)" title="([^"]+)">(\d+)'
                  r'<span class="sr-only">([^<]+)</span></a></td>')
LIST_ROW = re.compile(r'<th scope="row" class="stick" data-value="([^"]+)"><a href="([^"]+)"')
TOTAL = re.compile(r"共 (\d+) 条")


@pytest.fixture(scope="module")
def client(corpus_store, tmp_path_factory):
    app = create_app(Settings(data_dir=tmp_path_factory.mktemp("analysis-pages")), store=corpus_store)
    with TestClient(app) as c:
        yield c


def section(html: str, heading: str) -> str:
    """The panel under an <h2> (up to the next panel)."""
    part = html.split(f"<h2>{heading}")[1]
    return part.split('<section class="panel"')[0]


def library_total(client, href: str) -> int:
    html = client.get(unescape(href)).text
    return int(TOTAL.search(html).group(1))


# --- the gap map ------------------------------------------------------------------------------------------

def test_gap_page_shows_every_problem_and_column_in_plain_chinese(client, corpus_store):
    g = gaps(corpus_store)
    assert g.problems and g.by_field and g.by_province       # the shipped corpus has something to show
    r = client.get("/gaps")
    assert r.status_code == 200 and r.headers["content-security-policy"]
    html = r.text
    text = unescape(html)
    assert 'href="/gaps" aria-current="page"' in html                   # in the site nav, marked current
    assert "面临这个问题的单位越多" in text and "还没有成熟的模式回答它，分数就越高" in text
    ranked = LIST_ROW.findall(section(html, "缺口从大到小"))
    assert [unescape(name) for name, _ in ranked] == [p.name for p in g.problems]   # largest gap first
    for p in g.problems:
        level = gap_level(p.gap)
        assert f">{level.score}</span> <span class=\"small muted\">{level.words}<" in html
        if p.best:
            assert f'href="/models/{p.best.model.id}"' in html
    fields = section(html, "按领域看")
    for f in g.fields:
        assert f">{f}</th>" in fields
    places = section(html, "按省份看")
    for place in g.provinces:
        assert f' title="{place.name}">{short(place)}</th>' in places
    assert len(CELL.findall(fields)) == len(g.by_field) and len(CELL.findall(places)) == len(g.by_province)
    for rank, _href, title, count, said in CELL.findall(html):
        assert f"：{count} 个案例" in unescape(title) and "缺口" in title          # the count on hover …
        assert said.startswith("个案例，缺口")                                   # … and as text for a reader
        assert int(rank) in range(5)
    assert "<script>" not in html and 'src="/static/tables.js' in html
    assert_plain_chinese(html)


def test_every_heat_cell_opens_exactly_the_cases_it_counts(client, corpus_store):
    for params in ("", "?province=" + quote("山东"), "?field=" + quote("农村")):
        html = client.get("/gaps" + params).text
        found = CELL.findall(html)
        assert found, params
        for _rank, href, _title, count, _said in found:
            assert href.startswith("/cases?") and "problem=problem%3A" in href
            assert library_total(client, href) == int(count), (params, unescape(href))
        for _name, href in LIST_ROW.findall(section(html, "缺口从大到小"))[:8]:
            assert library_total(client, href) > 0


def test_gap_filters_are_read_as_the_api_reads_them(client):
    for params in ({"province": "山东"}, {"province": "370000", "field": "农村"}, {"field": "国企"},
                   {"province": "内蒙古自治区"}):
        api = client.get("/api/v1/gaps", params=params).json()
        html = client.get("/gaps", params=params).text
        names = [unescape(n) for n, _ in LIST_ROW.findall(html)]
        assert names == [p["name"] for p in api["problems"]], params
        if api["province"]:
            code = api["province"]["adcode"]
            option = next(p.short for p in provinces().values() if p.adcode == code)
            assert f'<option value="{option}" selected>' in html
            if api["by_province"] and any(c["key"] == code for c in api["by_province"]):
                assert 'class="num vert chosen"' in html                  # its column is framed
        if api["field"]:
            assert f'<option value="{api["field"]}" selected>' in html
    for bad in ({"province": "火星"}, {"province": "定西"}, {"field": "外星人"}):
        for path in ("/gaps", "/gaps.csv"):
            r = client.get(path, params=bad, headers=BROWSER)
            assert r.status_code == 400 and r.headers["content-type"].startswith("text/html"), (path, bad)
            assert "筛选条件有误" in r.text and "无法识别" in r.text and "unknown" not in r.text


def test_gap_csv_is_the_page_in_a_spreadsheet(client, corpus_store):
    g = gaps(corpus_store, field="农村")
    r = client.get("/gaps.csv?field=" + quote("农村"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith("\ufeff".encode("utf-8")) and "attachment" in r.headers["content-disposition"]
    assert "filename*=UTF-8''" + quote("问题缺口.csv") in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows[0] == CSV_HEADER
    body = rows[1:]
    assert len(body) == len(g.problems) + len(g.by_field) + len(g.by_province)
    totals = [row for row in body if row[2] == "全部"]
    assert [row[0] for row in totals] == [p.name for p in g.problems]
    for row, p in zip(totals, g.problems):
        assert row[3] == "全国·农村" and int(row[4]) == p.cases and int(row[5]) == p.units
        assert int(row[12]) == gap_level(p.gap).score and row[13] == gap_level(p.gap).words
        assert row[9] == (p.best.model.name if p.best else "")
    for row in body[len(totals):][:20]:
        assert row[2] in ("按领域", "按省份") and row[14].startswith("/cases?")
        assert library_total(client, row[14]) == int(row[4]), row


def test_gap_and_spread_pages_are_the_same_on_both_stores(store_factory, tmp_path):
    """On SQLite and on the real Neo4j server: each cell opens exactly its cases, the spread is drawn."""
    store = store_factory()
    assert all(s == "inserted" for s in store.upsert_cases(gap_and_diffusion_cases()))
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        for params in ("", "?province=" + quote("山东"), "?field=" + quote("城市社区")):
            found = CELL.findall(c.get("/gaps" + params).text)
            assert found, (store_factory.backend, params)
            for _rank, href, _title, count, _said in found:
                assert library_total(c, href) == int(count), (store_factory.backend, params, unescape(href))
        html = c.get("/models/model:branch-led-cooperative").text
        story = diffusion_story(diffusion(store, "model:branch-led-cooperative"))
        assert story[0].startswith("2015年在山东最早出现") and "2017年起进入江苏，2019年进入北京" in story[0]
        for sentence in story:
            assert sentence in unescape(html), (store_factory.backend, sentence)
        assert len(re.findall(r'<li class="tile has', html)) == 4              # 山东, 江苏, 北京, 甘肃 (undated)


@pytest.fixture
def hostile(tmp_path):
    """A store whose problem names are a formula and markup."""
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    for i, name in enumerate(("=HYPERLINK(\"http://x\")", "<img src=x onerror=alert(1)>难题", "-2+3")):
        store.upsert_case(build_case(f"h{i}", problems=(name,), model=None))
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        yield c
    store.close()


def test_formula_like_and_markup_names_stay_text(hostile):
    rows = list(csv.reader(io.StringIO(hostile.get("/gaps.csv").text.lstrip("\ufeff"))))
    names = {row[0] for row in rows[1:]}
    assert "'=HYPERLINK(\"http://x\")" in names and "'-2+3" in names
    assert not any(row[0].startswith(("=", "+", "-", "@")) for row in rows[1:])
    html = hostile.get("/gaps").text
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;难题" in html
    assert "还没有模式回答" in html                                      # no model answers these problems


def test_gap_page_of_an_empty_store_says_so(tmp_path):
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as c:
        r = c.get("/gaps")
        assert r.status_code == 200 and "还没有写明面临问题的案例" in r.text
        assert list(csv.reader(io.StringIO(c.get("/gaps.csv").text.lstrip("\ufeff")))) == [CSV_HEADER]
    store.close()


def test_gap_levels_are_words_and_scores():
    assert gap_level(0.0) == gap_level(0.0) and gap_level(0.0).words == "很小" and gap_level(0.0).rank == 0
    assert (gap_level(0.5).score, gap_level(0.5).rank, gap_level(0.5).words) == (50, 4, "很大")
    assert gap_level(0.36).words == "较大" and gap_level(0.2).words == "较小" and gap_level(0.3).rank == 2


# --- the province tile map -----------------------------------------------------------------------------------

def test_tile_map_places_every_province_once_near_where_it_is():
    layout = {t.province.short: (t.col, t.row) for t in tiles()}
    assert len(layout) == len(provinces()) == 34 and len(set(layout.values())) == 34
    assert all(0 <= c < COLS and 0 <= r < ROWS for c, r in layout.values())
    col, row = (lambda name: layout[name][0]), (lambda name: layout[name][1])
    assert col("新疆") < col("西藏") < col("四川") < col("湖北") < col("上海")          # west to east
    assert row("黑龙江") < row("吉林") <= row("北京") < row("山东") < row("浙江") < row("福建") < row("海南")
    assert row("内蒙古") < row("山西") < row("河南") < row("湖北") < row("湖南") < row("广东")
    assert col("台湾") > col("福建") and col("上海") > col("安徽")
    lon0 = min(p.lon for p in provinces().values())
    lon1 = max(p.lon for p in provinces().values())
    lat0 = min(p.lat for p in provinces().values())
    lat1 = max(p.lat for p in provinces().values())
    for t in tiles():      # no province is pushed far from its centroid
        x = (t.province.lon - lon0) / (lon1 - lon0) * (COLS - 1)
        y = (lat1 - t.province.lat) / (lat1 - lat0) * (ROWS - 1)
        assert abs(t.col - x) <= 2 and abs(t.row - y) <= 2, t.province.short


# --- a model's spread ------------------------------------------------------------------------------------------

def test_model_page_tells_how_each_model_spread(client, corpus_store):
    for m in list_models(model_index(corpus_store)):
        d = diffusion(corpus_store, m.id)
        html = client.get(f"/models/{quote(m.id)}").text
        part = section(html, "传播情况")
        text = unescape(part)
        story = diffusion_story(d)
        for sentence in story:
            assert sentence in text, (m.name, sentence)
        first = d.first_adopter
        assert f"{first.year}年" in story[0] and short(first.province) in story[0]
        joined = {p.province.adcode: p.joined for p in d.provinces}
        tiles_html = re.findall(r'<li class="tile([^"]*)"[^>]*?(?: data-joined="(\d*)")?>\s*'
                                r'<span class="t-name">([^<]+)<', part)
        assert len(tiles_html) == 34
        shown = {name: (cls, year) for cls, year, name in tiles_html}
        for p in provinces().values():
            cls, year = shown[p.short]
            if p.adcode in joined:
                assert " has " in cls + " " and year == str(joined[p.adcode] or ""), (m.name, p.short)
            else:
                assert "has" not in cls, (m.name, p.short)
        if d.origin.province:
            assert "origin" in shown[short(d.origin.province)][0]
        bars = re.findall(r'<div class="ybar" data-year="(\d+)" data-units="(\d+)" data-provinces="(\d+)"', part)
        assert [(int(y), int(u), int(n)) for y, u, n in bars] == [(y.year, y.units, y.provinces) for y in d.by_year]
        if d.by_year[0].year != d.by_year[-1].year:
            assert (f'min="{d.by_year[0].year}" max="{d.by_year[-1].year}"' in part
                    and f'value="{d.by_year[-1].year}"' in part)
        assert part.count('<tr><th scope="row"') == len(d.provinces)
        assert 'src="/static/diffusion.js' in html and "<script>" not in html
        assert_plain_chinese(html)


def _diffusion(**kw) -> Diffusion:
    zj, sh, gz = (PlaceRef(adcode=a, name=n) for a, n in (("330000", "浙江省"), ("310000", "上海市"),
                                                           ("520000", "贵州省")))
    base = dict(
        model=ModelRef(id="model:x", name="某模式"), cases=4, units=3,
        origin=DiffusionOrigin(province=zj, source="declared", declared="浙江省诸暨市"),
        first_adopter=Adopter(case="case:a", unit="某村党支部", year=2012, province=zj),
        by_year=[YearSpread(year=2012, cases=1, new_units=1, units=1, provinces=1, new_provinces=["330000"]),
                 YearSpread(year=2013, cases=0, new_units=0, units=1, provinces=1),
                 YearSpread(year=2014, cases=1, new_units=1, units=2, provinces=2, new_provinces=["310000"]),
                 YearSpread(year=2015, cases=1, new_units=1, units=3, provinces=3, new_provinces=["520000"])],
        provinces=[ProvinceSpread(province=zj, joined=2012, cases=1, units=1, distance_km=0.0, first_case="case:a"),
                   ProvinceSpread(province=sh, joined=2014, cases=1, units=1, distance_km=281.4, first_case="case:b"),
                   ProvinceSpread(province=gz, joined=2015, cases=2, units=1, distance_km=1323.6,
                                  first_case="case:c")],
        undated=1, unplaced=0)
    return Diffusion(**{**base, **kw})


def test_the_story_says_when_and_where_in_plain_words():
    story = diffusion_story(_diffusion())
    assert story[0] == "2012年在浙江最早出现（某村党支部），2014年起进入上海，2015年进入贵州。"
    assert story[1] == "到2015年，共有 3 个省份的 3 个单位采用。"
    assert story[2] == "浙江是模式资料写明的发源地；离发源地最远的是贵州（约1320公里）。"
    assert story[3] == "另有 1 个案例没有写明年份，图中没有计入。"
    sh = PlaceRef(adcode="310000", name="上海市")
    moved = diffusion_story(_diffusion(first_adopter=Adopter(case="case:b", unit="", year=2012, province=sh)))
    assert moved[0].startswith("模式资料写明发源于浙江，案例库里最早的案例则是2012年在上海，")
    assert "距离从发源地浙江算起" in moved[2]
    guessed = diffusion_story(_diffusion(origin=DiffusionOrigin(province=PlaceRef(adcode="330000", name="浙江省"),
                                                                source="first_adopter", declared="教育部")))
    assert "模式资料没有写明发源省份，这里把最早案例所在的浙江当作发源地" in guessed[2]
    assert diffusion_story(_diffusion(cases=0, provinces=[], by_year=[], first_adopter=None)) == [
        "案例库里还没有这个模式的案例，暂时看不出它传到了哪里。"]
    undated = diffusion_story(_diffusion(first_adopter=None, by_year=[]))
    assert undated[0] == "这个模式的 4 个案例都没有写明年份，看不出传播的先后。"


def test_a_model_without_cases_gets_a_sentence_not_a_map():
    empty = _diffusion(cases=0, units=0, provinces=[], by_year=[], first_adopter=None, undated=0)
    html = environment().get_template("diffusion.html").render(spread=diffusion_context(empty, {}))
    assert "案例库里还没有这个模式的案例" in html and 'class="tilemap"' not in html
    one_year = _diffusion(by_year=_diffusion().by_year[:1])
    html = environment().get_template("diffusion.html").render(spread=diffusion_context(one_year, {}))
    assert 'class="tilemap"' in html and 'type="range"' not in html         # no slider over a single year

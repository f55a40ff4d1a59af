"""Case identity: distinct documents never collapse into one case, a collision is reported (never an overwrite),
re-ingesting changes nothing — on both stores, through the library, the CLI and the API."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from djkg.api.app import create_app
from djkg.core.config import Settings
from djkg.graph import schema as S
from djkg.graph.sqlite_store import SqliteStore
from djkg.ingest.identity import is_generic_title, is_specific_unit, text_digest
from djkg.ingest.pipeline import ingest_paths
from djkg.ingest.readers import RawDoc, read_text
from djkg.ingest.extract import extract

from conftest import CORPUS

KEY = "identity-key-0123456789"


def counts(report) -> tuple[int, int, int, int]:
    s = report.summary()
    return s["inserted"], s["updated"], s["unchanged"], s["failed"]


def case_texts(store) -> list[str]:
    return sorted(n.props["text"] for n in store.list_nodes(S.CASE, limit=10_000))


def write(folder: Path, name: str, text: str) -> Path:
    f = folder / name
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(text, encoding="utf-8")
    return f


def test_issue_repro_two_reports_under_a_generic_first_line_stay_two_cases(store, tmp_path):
    """The report's exact files: both headed "经验材料", no unit, no year."""
    d = tmp_path / "in"
    write(d, "a.txt", "经验材料\n一、面临问题\n村集体经济薄弱。\n")
    write(d, "b.txt", "经验材料\n一、面临问题\n社区物业矛盾多。\n")
    assert counts(ingest_paths([d], store)) == (2, 0, 0, 0)
    assert counts(ingest_paths([d], store)) == (0, 0, 2, 0)
    assert store.count_nodes(S.CASE) == 2
    titles = {n.props["title"] for n in store.list_nodes(S.CASE)}
    assert "经验材料" not in titles


@pytest.mark.parametrize("line", ["经验材料", "简报", "党建工作简报", "工作汇报", "2023年第6期", "典型案例",
                                  "基层党建创新典型案例申报材料", "一、面临问题", "（二）主要做法", "情况汇报"])
def test_generic_lines_are_never_titles(line):
    assert is_generic_title(line)
    doc = RawDoc(source="a.txt", origin="a.txt",
                 text=f"{line}\n衣家村党支部领办合作社让山村增收\n一、面临问题\n村集体经济薄弱。\n")
    assert extract(doc).title == "衣家村党支部领办合作社让山村增收"


@pytest.mark.parametrize("title", ["衣家村党支部领办合作社", "红色物业经验材料", "枫源村：在“枫桥经验”发源地守住“零上访”"])
def test_specific_titles_stay_titles(title):
    assert not is_generic_title(title)


def test_units_that_name_no_one_are_not_specific():
    assert is_specific_unit("烟台市栖霞市亭口镇衣家村党支部")
    for unit in ("某村党支部", "社区党委", "村党支部", "某市律师行业党委（示意）", "XX公司党委", "党支部"):
        assert not is_specific_unit(unit), unit


def test_a_title_that_only_repeats_the_unit_does_not_identify_a_case(tmp_path):
    base = "---\ntitle: 衣家村党支部经验材料\nunit: 衣家村党支部\nyear: 2020\n---\n一、面临问题\n"
    docs = [read_text(base + body, name, fmt="md") for name, body in (("a.md", "村集体经济薄弱。"), ("b.md", "土地撂荒。"))]
    for d in docs:
        d.origin = d.source
    a, b = (extract(d) for d in docs)
    assert a.title == "衣家村党支部经验材料" and a.year == 2020
    assert a.identity["basis"] == "path" and a.id != b.id


FULL = "---\ntitle: 衣家村党支部领办合作社\nunit: 烟台市栖霞市亭口镇衣家村党支部\nyear: 2018\n---\n"


def test_same_unit_title_year_with_different_texts_in_one_run_is_reported_not_overwritten(store, tmp_path):
    d = tmp_path / "in"
    write(d, "a.md", FULL + "一、面临问题\n村集体经济薄弱。\n")
    write(d, "b.md", FULL + "一、面临问题\n土地撂荒，年轻人外出。\n")
    report = ingest_paths([d], store, keep_items=True)
    assert counts(report) == (1, 0, 0, 1)
    failed = [i for i in report.items if i.error][0]
    assert failed.source == "b.md" and failed.code == "conflict" and "a.md" in failed.error
    assert "不同" in failed.error and "different" in failed.error
    stored = store.list_nodes(S.CASE)
    assert len(stored) == 1 and "村集体经济薄弱" in stored[0].props["text"]
    assert counts(ingest_paths([d], store)) == (0, 0, 1, 1)       # the same outcome, nothing rewritten


def test_collision_against_the_store_is_reported_and_the_stored_case_kept(store, tmp_path):
    write(tmp_path / "one", "a.md", FULL + "一、面临问题\n村集体经济薄弱。\n")
    write(tmp_path / "two", "other.md", FULL + "一、面临问题\n土地撂荒。\n")
    assert counts(ingest_paths([tmp_path / "one"], store)) == (1, 0, 0, 0)
    report = ingest_paths([tmp_path / "two"], store, keep_items=True)
    assert counts(report) == (0, 0, 0, 1) and report.items[0].code == "conflict"
    assert "a.md" in report.items[0].error
    assert ["村集体经济薄弱" in t for t in case_texts(store)] == [True]


def test_an_edited_file_updates_its_own_case(store, tmp_path):
    f = write(tmp_path / "in", "a.md", FULL + "一、面临问题\n村集体经济薄弱。\n")
    assert counts(ingest_paths([tmp_path / "in"], store)) == (1, 0, 0, 0)
    f.write_text(FULL + "一、面临问题\n村集体经济薄弱，几乎没有收入。\n", encoding="utf-8")
    assert counts(ingest_paths([tmp_path / "in"], store)) == (0, 1, 0, 0)
    assert counts(ingest_paths([tmp_path / "in"], store)) == (0, 0, 1, 0)


def test_the_same_text_twice_in_one_run_is_reported_once_and_rerun_is_idempotent(store, tmp_path):
    d = tmp_path / "in"
    write(d, "a.md", FULL + "一、面临问题\n村集体经济薄弱。\n")
    write(d, "copy/a.md", FULL + "一、面临问题\n村集体经济薄弱。\n")
    report = ingest_paths([d], store, keep_items=True)
    assert counts(report) == (1, 0, 0, 1) and "内容相同" in [i for i in report.items if i.error][0].error
    assert counts(ingest_paths([d], store)) == (0, 0, 1, 1)


def test_front_matter_ids_of_the_shipped_corpus_are_unchanged_and_reingest_is_idempotent(store, tmp_path):
    report = ingest_paths([CORPUS], store, keep_items=True)
    assert report.failed == 0
    declared = {}
    for f in CORPUS.glob("*.md"):
        text = f.read_text(encoding="utf-8")
        if text.startswith("---"):
            declared[f.name] = "case:" + str(yaml.safe_load(text.split("---")[1])["id"])
    by_source = {i.source: i.case.id for i in report.items if i.case is not None}
    assert declared and all(by_source[name] == cid for name, cid in declared.items())
    assert all(not i.source.startswith("/") for i in report.items)     # relative to the ingested folder
    assert counts(ingest_paths([CORPUS], store)) == (0, 0, report.inserted, 0)


def test_source_is_relative_to_the_ingested_folder(tmp_path):
    store = SqliteStore(tmp_path / "db" / "djkg.sqlite3")
    write(tmp_path / "in" / "sub", "a.md", FULL + "一、面临问题\n村集体经济薄弱。\n")
    ingest_paths([(tmp_path / "in").resolve()], store)
    assert [n.props["source"] for n in store.list_nodes(S.CASE)] == ["sub/a.md"]
    store.close()


# --- the API -------------------------------------------------------------------------------------------

@pytest.fixture
def api(store, tmp_path):
    with TestClient(create_app(Settings(data_dir=tmp_path, api_key=KEY), store=store)) as c:
        yield c


HEAD = {"X-API-Key": KEY}
META = {"title": "衣家村党支部领办合作社", "unit": "烟台市栖霞市亭口镇衣家村党支部", "year": 2018}


def test_api_posts_never_overwrite_a_different_case(api):
    first = api.post("/api/v1/cases", headers=HEAD, json={**META, "text": "一、面临问题\n村集体经济薄弱。"})
    assert first.status_code == 201
    again = api.post("/api/v1/cases", headers=HEAD, json={**META, "text": "一、面临问题\n村集体经济薄弱。"})
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    other = api.post("/api/v1/cases", headers=HEAD, json={**META, "text": "一、面临问题\n土地撂荒。"})
    assert other.status_code == 409
    detail = other.json()["detail"]
    assert "未覆盖" in detail["zh"] and "not overwritten" in detail["en"]
    case = api.get(f"/api/v1/cases/{first.json()['case']['id']}").json()
    assert "村集体经济薄弱" in case["text"]


def test_api_generic_texts_without_metadata_stay_distinct(api):
    a = api.post("/api/v1/cases", headers=HEAD, json={"text": "经验材料\n一、面临问题\n村集体经济薄弱。"})
    b = api.post("/api/v1/cases", headers=HEAD, json={"text": "经验材料\n一、面临问题\n社区物业矛盾多。"})
    assert a.status_code == b.status_code == 201 and a.json()["case"]["id"] != b.json()["case"]["id"]


def test_api_update_by_explicit_id_but_not_over_a_file_case(api, store, tmp_path):
    r = api.post("/api/v1/cases", headers=HEAD, json={"id": "api-1", "text": "一、面临问题\n村集体经济薄弱。"})
    assert r.status_code == 201
    r = api.post("/api/v1/cases", headers=HEAD, json={"id": "api-1", "text": "一、面临问题\n村集体经济薄弱，已改。"})
    assert r.status_code == 200 and r.json()["status"] == "updated"
    write(tmp_path / "in", "f.md", "---\nid: from-file\n---\n一、面临问题\n土地撂荒。\n")
    ingest_paths([tmp_path / "in"], store)
    r = api.post("/api/v1/cases", headers=HEAD, json={"id": "from-file", "text": "一、面临问题\n别的内容。"})
    assert r.status_code == 409 and "f.md" in r.json()["detail"]["zh"]


def test_uploads_never_overwrite_a_different_case(api):
    body = "---\ntitle: 衣家村党支部领办合作社\nunit: 烟台市栖霞市亭口镇衣家村党支部\nyear: 2018\n---\n一、面临问题\n"
    r = api.post("/api/v1/cases/upload", headers=HEAD, files={"file": ("a.md", (body + "村集体经济薄弱。").encode())})
    assert r.status_code == 201 and r.json()["case"]["source"] == "upload:a.md"
    r = api.post("/api/v1/cases/upload", headers=HEAD, files={"file": ("a.md", (body + "土地撂荒。").encode())})
    assert r.status_code == 409


# --- property: one case per distinct document ----------------------------------------------------------

FIRST_LINES = ["经验材料", "简报", "党建工作简报", "工作汇报", "衣家村党支部领办合作社", "红色物业让小区更和谐"]
UNITS = [None, "烟台市栖霞市亭口镇衣家村党支部", "某村党支部", "武汉市江岸区百步亭社区党委"]
TITLES = [None, "衣家村党支部领办合作社", "红色物业让小区更和谐", "经验材料"]
YEARS = [None, 2018, 2021]
BODIES = ["村集体经济薄弱。", "社区物业矛盾多。", "土地撂荒，年轻人外出务工。", "党员作用发挥不明显。"]

document = st.fixed_dictionaries({
    "first": st.sampled_from(FIRST_LINES), "unit": st.sampled_from(UNITS), "title": st.sampled_from(TITLES),
    "year": st.sampled_from(YEARS), "body": st.lists(st.sampled_from(BODIES), min_size=1, max_size=3),
})


def render(doc: dict) -> str:
    meta = {k: doc[k] for k in ("title", "unit", "year") if doc[k] is not None}
    head = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" if meta else ""
    return head + doc["first"] + "\n一、面临问题\n" + "".join(doc["body"]) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(document, min_size=1, max_size=8))
def test_property_one_case_per_distinct_document_and_a_second_ingest_changes_nothing(docs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    texts = {f"d{i:02d}.md": render(doc) for i, doc in enumerate(docs)}
    for name, text in texts.items():
        write(folder, name, text)
    store = SqliteStore(tmp_path_factory.mktemp("db") / "djkg.sqlite3")
    try:
        first = ingest_paths([folder], store, keep_items=True)
        items = {i.source: i for i in first.items}
        stored = {n.props["source"]: n for n in store.list_nodes(S.CASE, limit=1000)}
        refused = {name for name, i in items.items() if i.error}
        # every file is exactly one case of its own, or refused — never merged, never overwritten
        assert set(stored) | refused == set(texts) and not set(stored) & refused
        assert len({n.id for n in stored.values()}) == len(stored)
        for name, node in stored.items():
            assert node.props["identity"]["origin"] == name
            assert node.props["identity"]["digest"] == text_digest(texts[name].split("---\n")[-1])
        # a file is refused only for a conflict with an earlier file holding the same id, and only when that id
        # came from a specific unit + title + year (or the very same text); a year-less file is never refused
        for name in refused:
            item = items[name]
            assert item.code == "conflict" and docs[int(name[1:3])]["year"] is not None
            holder = next(n for n in stored.values() if n.id == item.case.id)
            assert holder.props["source"] < name
            same_text = holder.props["identity"]["digest"] == item.case.identity["digest"]
            assert same_text or (holder.props["identity"]["basis"] == "meta"
                                 and (holder.props["title"], holder.props["unit"], holder.props["year"])
                                 == (item.case.title, item.case.unit, item.case.year)
                                 and is_specific_unit(item.case.unit)
                                 and not is_generic_title(item.case.title, item.case.unit))
        # files that differ in text and carry no year all go in
        yearless = {n for n, d in zip(texts, docs) if d["year"] is None and "年" not in texts[n]}
        assert yearless <= set(stored)
        second = ingest_paths([folder], store)
        assert (second.inserted, second.updated, second.unchanged, second.failed) == (0, 0, len(stored), len(refused))
    finally:
        store.close()


# --- the width-insensitive key: the fast NFKC is NFKC ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "党建引领，村集体收入（2023年）：52万元！",        # full-width punctuation: the common case
    "ＡＢＣ１２３　党支部",                             # full-width letters, digits, ideographic space
    "Ａ\u0301 e\u0301",                                # a mapped letter followed by a combining accent composes
    "① ㎡ ﬁ ™ Å ẛ̣",                                   # compatibility forms the quick map leaves to NFKC
    "\u1100\u1161\u11a8 한국",                           # Hangul jamo compose
    "",
])
def test_nfkc_is_unicodedata_nfkc(text):
    assert S.nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFEF), max_size=20))
def test_nfkc_is_unicodedata_nfkc_on_any_text(text):
    assert S.nfkc(text) == unicodedata.normalize("NFKC", text)


# --- a document keeps its case when the extractor changes ---------------------------------------------------

REPORT = ("柳树村党支部领办合作社：荒坡变成了果园\n\n"
          "2023年，山东省烟台市栖霞市亭口镇柳树村党支部领办合作社，把撂荒的坡地流转过来统一种苹果。"
          "过去村集体一年收入不到两万元，如今达到35万元。\n")


def _stored_as_an_earlier_djkg_named_it(store, folder: Path, old_id: str) -> str:
    """Write the folder's one document under ``old_id``, as an earlier version of djkg whose extraction named it
    differently did (ids without front matter derive from the title and the unit); returns the id this
    version gives it."""
    from djkg.ingest.build import build
    from djkg.ingest.readers import read_all
    (doc,) = [d for d in read_all([folder]) if isinstance(d, RawDoc)]
    case = extract(doc)
    now = case.id
    case.id = old_id
    store.upsert_cases([build(case)])
    return now


def test_reingesting_after_an_upgrade_keeps_the_case_id_of_each_document(store, tmp_path):
    folder = tmp_path / "in"
    write(folder, "liushu.txt", REPORT)
    now = _stored_as_an_earlier_djkg_named_it(store, folder, "case:an-earlier-name")
    assert now != "case:an-earlier-name"
    report = ingest_paths([folder], store, keep_items=True)
    assert counts(report) == (0, 0, 1, 0)              # the same document: its case, unchanged
    assert [n.id for n in store.list_nodes(S.CASE)] == ["case:an-earlier-name"]
    assert report.items[0].case.id == "case:an-earlier-name"
    assert store.documents([text_digest(REPORT)]) == {
        text_digest(REPORT): [("case:an-earlier-name", "liushu.txt")]}


def test_a_correction_made_under_the_earlier_id_survives_the_upgrade(store, tmp_path):
    from djkg.services.corrections import correct_case
    folder = tmp_path / "in"
    write(folder, "liushu.txt", REPORT)
    _stored_as_an_earlier_djkg_named_it(store, folder, "case:an-earlier-name")
    old = "case:an-earlier-name"
    assert correct_case(store, old, {"unit": "柳树村党总支"}, version=store.case_version(old),
                        actor="alice").status == "updated"
    assert counts(ingest_paths([folder], store)) == (0, 0, 1, 0)
    (case,) = store.list_nodes(S.CASE)
    assert case.id == old and case.props["unit"] == "柳树村党总支"


def test_the_same_text_in_another_folder_is_not_taken_for_the_stored_document(store, tmp_path):
    folder = tmp_path / "in"
    write(folder, "liushu.txt", REPORT)
    _stored_as_an_earlier_djkg_named_it(store, folder, "case:an-earlier-name")
    write(tmp_path / "other", "copy.txt", REPORT)       # another file (origin), the same text: its own case
    assert counts(ingest_paths([tmp_path / "other"], store)) == (1, 0, 0, 0)
    assert store.count_nodes(S.CASE) == 2


def test_a_file_edited_across_the_upgrade_is_named_as_this_version_names_it(store, tmp_path):
    """Its text changed, so nothing says it is the stored document: a second case (the known limit; README)."""
    folder = tmp_path / "in"
    write(folder, "liushu.txt", REPORT)
    now = _stored_as_an_earlier_djkg_named_it(store, folder, "case:an-earlier-name")
    write(folder, "liushu.txt", REPORT + "村里还办起了采摘节。\n")
    assert counts(ingest_paths([folder], store)) == (1, 0, 0, 0)
    assert sorted(n.id for n in store.list_nodes(S.CASE)) == sorted(["case:an-earlier-name", now])

"""Reading case files: every format, every encoding we promise, and a clear error for everything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from djkg.ingest.readers import RawDoc, ReadError, Skipped, read_all, read_path

BODY = "一、面临问题\n村集体经济薄弱，年轻人外出务工。\n二、主要做法\n党支部领办合作社，群众以土地入股。\n三、取得成效\n村集体收入由2万元提高到35万元。\n"
FRONT = "---\ntitle: 衣家村的合作社\nunit: 衣家村党支部\nregion: 山东省烟台市栖霞市\nyear: 2018\nindustry: 农村\n---\n"


def only_doc(items) -> RawDoc:
    assert len(items) == 1 and isinstance(items[0], RawDoc), items
    return items[0]


def only_error(items) -> ReadError:
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    return items[0]


def test_markdown_front_matter_becomes_metadata(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(FRONT + BODY, encoding="utf-8")
    doc = only_doc(read_path(f))
    assert doc.meta == {"title": "衣家村的合作社", "unit": "衣家村党支部", "region": "山东省烟台市栖霞市",
                        "year": 2018, "industry": "农村"}
    assert doc.text.startswith("一、面临问题")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_supported_encodings_are_detected(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes((FRONT + BODY).encode(encoding))
    doc = only_doc(read_path(f))
    assert doc.meta["title"] == "衣家村的合作社"
    assert "党支部领办合作社" in doc.text


def test_unknown_encoding_is_a_clear_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(BODY.encode("big5", errors="ignore") * 3 + bytes(range(128, 256)) * 20)
    err = only_error(read_path(f))
    assert "编码" in err.error or "乱码" in err.error


def test_empty_and_binary_files_are_errors(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 40)
    assert "为空" in only_error(read_path(tmp_path / "empty.md")).error
    assert "二进制" in only_error(read_path(tmp_path / "junk.txt")).error


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes(b"a" * 2048)
    assert "过大" in only_error(read_path(f, max_bytes=1024)).error


def test_malformed_front_matter_keeps_the_text_and_warns(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: [unclosed\nregion: 北京\n---\n" + BODY, encoding="utf-8")
    doc = only_doc(read_path(f))
    assert doc.meta == {}
    assert any("front matter" in w for w in doc.warnings)
    assert "党支部领办合作社" in doc.text


def test_front_matter_without_body_is_an_error(tmp_path):
    f = tmp_path / "a.md"
    f.write_text(FRONT, encoding="utf-8")
    assert "没有正文" in only_error(read_path(f)).error


def test_labelled_lines_at_the_top_are_metadata(tmp_path):
    f = tmp_path / "brief.txt"
    f.write_text("红色物业简报\n单位：某社区党委\n地区：湖北省武汉市\n年份：2019年\n\n问题：物业矛盾多。\n做法：党建引领物业服务。\n",
                 encoding="utf-8")
    doc = only_doc(read_path(f))
    assert doc.meta == {"unit": "某社区党委", "region": "湖北省武汉市", "year": 2019}
    assert "单位：" not in doc.text and "问题：物业矛盾多" in doc.text


def test_a_label_line_that_runs_into_the_write_up_loses_nothing(tmp_path):
    # a repost's source label on the same line as the first paragraph: the label keeps its value, the paragraph
    # stays text (it named the county and the unit, and was dropped whole)
    f = tmp_path / "repost.txt"
    f.write_text("来源：和田（2023年5月15日）　策勒县有个民族团结慈善协会，这几年抓党建。\n\n首先是把家底摸清。\n",
                 encoding="utf-8")
    doc = only_doc(read_path(f))
    assert doc.text.startswith("策勒县有个民族团结慈善协会") and "首先是把家底摸清" in doc.text
    # a line of sentences after a label is the write-up itself; a source line with a title stays one value
    f.write_text("来源：据说这个村很穷。后来变富了。\n正文。\n", encoding="utf-8")
    assert "据说这个村很穷" in only_doc(read_path(f)).text
    f.write_text("来源：人民网 2020-06-12《坚持党建引领！推动发展》\n正文在这里。\n", encoding="utf-8")
    doc = only_doc(read_path(f))
    assert doc.text.strip() == "正文在这里。" and "推动发展" in str(doc.meta.get("source"))


def test_a_source_line_with_its_date_labelled_gives_publication_and_date_apart(tmp_path):
    # the way a page prints it: "来源：齐鲁晚报　　发布时间：2024年05月17日" — the date's label and its 日 were left in
    # the publication ("齐鲁晚报　　发布时间：日") and the date cut short ("2024年05月17")
    f = tmp_path / "page.txt"
    f.write_text("撬动多元力量巧解老旧小区治理难题\n\n来源：齐鲁晚报　　发布时间：2024年05月17日\n\n小区党支部牵头议事。\n",
                 encoding="utf-8")
    doc = only_doc(read_path(f))
    assert doc.meta["source"] == [{"publication": "齐鲁晚报", "date": "2024年05月17日"}]
    assert doc.text.strip().endswith("小区党支部牵头议事。") and "发布时间" not in doc.text


def test_jsonl_yields_one_doc_per_line_and_reports_bad_lines(tmp_path):
    f = tmp_path / "batch.jsonl"
    lines = [json.dumps({"title": "甲", "region": "浙江省", "text": BODY}, ensure_ascii=False),
             "{not json", json.dumps({"title": "乙"}, ensure_ascii=False),
             json.dumps({"title": "丙", "text": BODY}, ensure_ascii=False)]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = read_path(f)
    docs = [i for i in items if isinstance(i, RawDoc)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.meta["title"] for d in docs] == ["甲", "丙"]
    assert [e.source.rsplit("#", 1)[1] for e in errors] == ["L2", "L3"]


def test_docx_headings_are_kept(tmp_path):
    import docx
    d = docx.Document()
    d.add_heading("衣家村党支部领办合作社", level=1)
    d.add_paragraph("单位：衣家村党支部")
    d.add_paragraph("地区：山东省烟台市栖霞市")
    d.add_heading("一、面临问题", level=2)
    d.add_paragraph("村集体经济薄弱。")
    f = tmp_path / "a.docx"
    d.save(f)
    doc = only_doc(read_path(f))
    assert doc.meta["unit"] == "衣家村党支部"
    assert "# 衣家村党支部领办合作社" in doc.text
    assert "### 一、面临问题" in doc.text or "## 一、面临问题" in doc.text


def test_broken_docx_is_a_clear_error(tmp_path):
    f = tmp_path / "a.docx"
    f.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    assert "Word" in only_error(read_path(f)).error


def _cjk_font() -> Path:
    """WenQuanYi Micro Hei (CJK and Latin glyphs), shipped inside a test dependency (pyproject.toml), so the
    PDF fixture is the same on every machine whatever fonts it has installed."""
    from importlib import resources
    return Path(str(resources.files("paperang_p2_fonts_cjk").joinpath("fonts", "wqy-microhei.ttc")))


def test_pdf_text_layer_is_read(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(_cjk_font()), collection_font_number=0)
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 8, "衣家村党支部领办合作社。村集体收入由2万元提高到35万元，群众满意度达到98%。")
    f = tmp_path / "a.pdf"
    pdf.output(str(f))
    doc = only_doc(read_path(f))
    assert doc.fmt == "pdf"
    assert "衣家村党支部领办合作社" in doc.text and "群众满意度" in doc.text
    assert "35万元" in doc.text and "98%" in doc.text


def test_scanned_pdf_without_text_is_a_clear_error(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")   # an "image" with no text layer
    f = tmp_path / "scan.pdf"
    pdf.output(str(f))
    assert "扫描" in only_error(read_path(f)).error


def test_folders_recurse_and_skip_readmes_and_unknown_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(FRONT + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "README.md").write_text("# corpus", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    found = list(read_all([tmp_path]))
    assert sorted(Path(d.source).name for d in found if isinstance(d, RawDoc)) == ["a.md", "b.txt"]
    # the README is listed as skipped (with its reason), not silently dropped; unknown types are not looked at
    assert [(d.source, d.code) for d in found if isinstance(d, Skipped)] == [("README.md", "not_a_write_up")]


def test_missing_path_is_reported(tmp_path):
    items = list(read_all([tmp_path / "nope"]))
    assert len(items) == 1 and isinstance(items[0], ReadError) and "不存在" in items[0].error


# --- only the folder's own files -------------------------------------------------------------------

def test_symlinks_leaving_the_folder_are_skipped_and_reported(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("服务器上的秘密文件，不属于案例库。" * 3, encoding="utf-8")
    (outside / "dir").mkdir()
    (outside / "dir" / "x.md").write_text(FRONT + BODY, encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text(FRONT + BODY, encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "linked").symlink_to(outside / "dir")
    (folder / "sub" / "inner.md").symlink_to(folder / "a.md")      # stays inside: read
    items = list(read_all([folder]))
    docs = {d.source for d in items if isinstance(d, RawDoc)}
    errors = {e.source: e for e in items if isinstance(e, ReadError)}
    assert docs == {"a.md", "sub/inner.md"}
    assert set(errors) == {"secret.txt", "linked"}
    assert all(e.code == "outside" and "符号链接" in e.error and "symlink" in e.error for e in errors.values())
    assert not any("秘密" in d.text for d in items if isinstance(d, RawDoc))
    # the CLI may allow them explicitly
    allowed = {d.source for d in read_all([folder], follow_links=True) if isinstance(d, RawDoc)}
    assert allowed == {"a.md", "sub/inner.md", "secret.txt", "linked/x.md"}


def test_sources_are_relative_to_the_ingested_folder(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.md").write_text(FRONT + BODY, encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_text(json.dumps({"text": BODY}, ensure_ascii=False), encoding="utf-8")
    items = list(read_all([(tmp_path / "in").resolve()]))
    assert sorted(d.source for d in items) == ["b.jsonl#L1", "sub/a.md"]
    assert sorted(d.origin for d in items) == ["b.jsonl", "sub/a.md"]
    single = list(read_all([(tmp_path / "in" / "sub" / "a.md").resolve()]))
    assert [d.source for d in single] == ["a.md"]


# --- JSONL line by line ----------------------------------------------------------------------------

def _line(title: str) -> bytes:
    return json.dumps({"title": title, "text": BODY}, ensure_ascii=False).encode("utf-8")


def test_jsonl_lines_are_decoded_one_by_one(tmp_path):
    lines = [_line(f"案例{i}") for i in range(50)]
    lines.insert(20, json.dumps({"title": "国标编码的一行", "text": BODY}, ensure_ascii=False).encode("gb18030"))
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b"\n".join(lines) + b"\n")
    items = read_path(f)
    docs = [d for d in items if isinstance(d, RawDoc)]
    assert len(docs) == 51 and not [e for e in items if isinstance(e, ReadError)]
    assert docs[20].meta["title"] == "国标编码的一行" and docs[20].source == "mixed.jsonl#L21"


def test_a_binary_or_undecodable_jsonl_line_is_reported_with_its_number(tmp_path):
    lines = [_line(f"案例{i}") for i in range(60)]
    lines[0] = b'{"title": "\x00\x01\x02", "text": "\x00\x00\x00"}'        # NUL in the first 4 KB
    lines[50] = bytes(range(128, 256)) * 4                                 # junk at line 51
    f = tmp_path / "bad.jsonl"
    f.write_bytes(b"\r\n".join(lines))
    items = read_path(f)
    errors = {e.source: e.error for e in items if isinstance(e, ReadError)}
    assert set(errors) == {"bad.jsonl#L1", "bad.jsonl#L51"}
    assert "第 1 行" in errors["bad.jsonl#L1"] and "line 1" in errors["bad.jsonl#L1"]
    assert "第 51 行" in errors["bad.jsonl#L51"]
    assert len([d for d in items if isinstance(d, RawDoc)]) == 58


def test_utf16_jsonl_and_bom(tmp_path):
    body = "\n".join(json.dumps({"title": f"案例{i}", "text": BODY}, ensure_ascii=False) for i in range(3))
    for name, data in (("u16.jsonl", body.encode("utf-16")), ("bom.jsonl", body.encode("utf-8-sig"))):
        (tmp_path / name).write_bytes(data)
        docs = read_path(tmp_path / name)
        assert [d.meta["title"] for d in docs] == ["案例0", "案例1", "案例2"], name


@pytest.mark.parametrize("text", ["\x00" * 50, "\u200b\u200c\u200d\ufeff" * 20, " \t\n\u3000" * 30, "\u202e\u2066" * 9])
def test_texts_without_visible_characters_are_refused(tmp_path, text):
    f = tmp_path / "empty.txt"
    f.write_text(text, encoding="utf-8")
    assert isinstance(read_path(f)[0], ReadError)
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": text}), encoding="utf-8")
    assert "可见" in only_error(read_path(tmp_path / "e.jsonl")).error


def test_control_characters_are_stripped_from_titles_and_units():
    from djkg.ingest.extract import extract
    case = extract(RawDoc(source="a.md", text=BODY, meta={"title": "\x1b[31m红色\x1b[0m物业\u202e", "unit": "某\x07社区\x00党委"}))
    assert case.title == "[31m红色[0m物业" and case.unit == "某社区党委"
    guessed = extract(RawDoc(source="b.md", text="\x1b[2J衣家村\x1b]0;x\x07党支部领办合作社\n" + BODY))
    assert "\x1b" not in guessed.title and "\x07" not in guessed.title


def test_yaml_is_read_through_libyaml_exactly_as_the_pure_loader_reads_it():
    """Front matter, the lexicons, the ranking weights and the gold sets are read by ``core.yamlio``: libyaml when
    PyYAML has it (the pure-Python loader was ~0.5 s of every process's start on the lexicons alone), falling back
    to the pure loader for what libyaml refuses. The two loaders share PyYAML's Python resolver and constructor and
    differ only in how they scan characters into tokens, so every YAML file is read both ways except the real-text
    gold sets: those ~8 MB (40 s of the suite under the pure loader) are written by one tool in one layout, so every
    eighth set and the newest are read both ways, and none of them may hold a character the two scanners are known
    to treat differently (tabs, carriage returns, the byte-order mark, NEL and the Unicode line and paragraph
    separators, control characters)."""
    import re

    import yaml

    from djkg.core import yamlio
    repo = Path(__file__).resolve().parents[1]
    files = sorted({*repo.glob("djkg/**/*.yaml"), *repo.glob("tests/gold/**/*.yaml"), *repo.glob("data/**/*.yaml")})
    assert len(files) > 100
    assert yamlio._C_LOADER is not None, "PyYAML without libyaml: every process starts ~0.5 s slower"
    scanners_differ = re.compile("[\t\r\ufeff\x85\u2028\u2029]|[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

    def real_set(f: Path) -> int | None:
        m = re.fullmatch(r"extraction_real(\d*)", f.parent.name)
        return None if m is None else int(m.group(1) or 0)

    newest = max(n for f in files if (n := real_set(f)) is not None)
    both_ways = 0
    for f in files:
        text = f.read_text(encoding="utf-8")
        number = real_set(f)
        if number is not None and number % 8 and number != newest:
            assert not scanners_differ.search(text), f
            continue
        assert yamlio.safe_load(text) == yaml.safe_load(text), f
        both_ways += 1
    assert both_ways > 30

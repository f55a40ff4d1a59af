"""Reading case files: every format, every encoding we promise, and a clear error for everything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from djkg.ingest.readers import RawDoc, ReadError, read_all, read_path

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
    sources = sorted(Path(d.source).name for d in read_all([tmp_path]))
    assert sources == ["a.md", "b.txt"]


def test_missing_path_is_reported(tmp_path):
    items = list(read_all([tmp_path / "nope"]))
    assert len(items) == 1 and isinstance(items[0], ReadError) and "不存在" in items[0].error

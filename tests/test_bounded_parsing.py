"""Bounded document parsing: zip bombs, lying zip headers, DTDs, PDF bombs, page and text caps — each refused
with a clear per-file message before it costs more than the limits, and the rest of an ingest goes on."""

from __future__ import annotations

import json

import time
import tracemalloc
from pathlib import Path

import pytest

from djkg.core.config import Limits
from djkg.ingest.readers import RawDoc, ReadError, read_path

import hostile_files as H

MB = 1024 * 1024


def refused(path: Path, limits: Limits | None = None, *, code: str = "too_large") -> ReadError:
    items = read_path(path, limits=limits)
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    err = items[0]
    assert err.code == code, err
    assert " / " in err.error   # Chinese and English
    return err


def bounded(fn, *, max_peak_mb: float, max_seconds: float):
    """Run ``fn`` and check how much Python memory and time it took."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        result = fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    took = time.perf_counter() - t0
    assert peak < max_peak_mb, f"peak {peak:.1f} MB"
    assert took < max_seconds, f"took {took:.1f} s"
    return result


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    f = tmp_path / name
    f.write_bytes(data)
    return f


def test_an_honest_docx_passes_the_checks(tmp_path):
    doc = read_path(write(tmp_path, "ok.docx", H.docx_with([])))[0]
    assert isinstance(doc, RawDoc) and "村集体经济薄弱" in doc.text


def test_docx_declaring_more_than_the_limit_is_refused_before_inflating(tmp_path):
    f = write(tmp_path, "big.docx", H.size_bomb(60))
    assert f.stat().st_size < MB
    err = bounded(lambda: refused(f), max_peak_mb=5, max_seconds=2)
    assert "解压后超过" in err.error and "zip bomb" in err.error


def test_docx_over_the_ratio_is_refused(tmp_path):
    f = write(tmp_path, "ratio.docx", H.ratio_bomb(8))      # 8 MB from ~30 KB: under 50 MB, ratio far over 100
    assert "压缩比" in refused(f).error
    relaxed = read_path(f, limits=Limits(max_compression_ratio=100_000))[0]
    assert "压缩比" not in getattr(relaxed, "error", "")      # the ratio alone refused it (8 MB < 50 MB)


def test_lying_zip_part_is_refused_without_inflating_it(tmp_path):
    # declared 1000 bytes (with their crc), really 200 MB: ZipFile.read would inflate all of it first
    f = write(tmp_path, "liar.docx", H.lying_bomb(200))
    err = bounded(lambda: refused(f), max_peak_mb=8, max_seconds=5)
    assert "声明不符" in err.error


def test_docx_with_a_dtd_is_refused_and_nothing_is_expanded(tmp_path):
    err = refused(write(tmp_path, "dtd.docx", H.dtd_docx()))
    assert "DTD" in err.error and "root:" not in err.error


def test_python_docx_itself_does_not_expand_entities():
    """The second line of defence, should a DTD ever get past the first: python-docx's parser (lxml with
    resolve_entities=False) neither reads external entities nor multiplies internal ones."""
    from docx.oxml.parser import parse_xml
    from lxml import etree
    external = H.BILLION_LAUGHS.split(b"<!ENTITY a")[0] + b'<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' \
        + H.BILLION_LAUGHS.split(b"]>\n", 1)[1].replace(b"&h;", b"")
    assert "root:" not in "".join(parse_xml(external).itertext())
    try:
        element = bounded(lambda: parse_xml(H.BILLION_LAUGHS), max_peak_mb=20, max_seconds=2)
    except etree.XMLSyntaxError as exc:      # libxml2 refuses the amplification outright
        assert "amplification" in str(exc)
    else:
        assert "lol" not in "".join(element.itertext())


def test_docx_with_too_many_parts_or_tags_is_refused(tmp_path):
    assert "部件过多" in refused(write(tmp_path, "parts.docx", H.many_parts_docx(60)),
                              Limits(max_archive_entries=50)).error
    assert "XML 标记" in refused(write(tmp_path, "tags.docx", H.docx_with([])), Limits(max_xml_tags=100)).error


def test_docx_text_over_the_cap_is_refused_not_cut(tmp_path):
    f = write(tmp_path, "long.docx", H.docx_with([]))
    assert "文字过多" in refused(f, Limits(max_document_chars=10)).error


def test_not_a_zip_is_unreadable_not_too_large(tmp_path):
    err = refused(write(tmp_path, "a.docx", b"PK\x03\x04 not really a zip" * 10), code="unreadable")
    assert "Word" in err.error


def test_pdf_bomb_is_refused_within_the_budget(tmp_path):
    f = write(tmp_path, "bomb.pdf", H.pdf_bomb(200))
    assert f.stat().st_size < MB
    err = bounded(lambda: refused(f), max_peak_mb=120, max_seconds=10)
    assert "PDF" in err.error


def test_pdf_over_the_ratio_is_refused(tmp_path):
    f = write(tmp_path, "ratio.pdf", H.make_pdf([b" " * (4 * MB)]))
    assert "压缩比" in refused(f).error


def test_pdf_page_count_and_text_caps(tmp_path):
    f = write(tmp_path, "pages.pdf", H.make_pdf([H.text_page(f"Page {i} of a long report") for i in range(3)]))
    doc = read_path(f)[0]
    assert isinstance(doc, RawDoc) and "Page 2" in doc.text
    assert "页数过多" in refused(f, Limits(max_pdf_pages=2)).error
    assert "文字过多" in refused(f, Limits(max_document_chars=30)).error


def test_cli_reports_the_bomb_and_ingests_the_rest(tmp_path):
    import subprocess
    import sys

    from conftest import embedded_env
    d = tmp_path / "in"
    d.mkdir()
    (d / "bomb.docx").write_bytes(H.lying_bomb(100))
    (d / "zip.docx").write_bytes(H.size_bomb(60))
    (d / "pdf.pdf").write_bytes(H.pdf_bomb(100))
    (d / "ok.md").write_text("---\nid: ok-case\ntitle: 衣家村合作社\n---\n一、面临问题\n村集体经济薄弱。\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path / "var"), "ingest",
                           str(d)], capture_output=True, text=True, timeout=120, env=embedded_env())
    assert proc.returncode == 1
    for name in ("bomb.docx", "zip.docx", "pdf.pdf"):
        assert f"失败 / failed {name}" in proc.stderr
    assert "zip bomb" in proc.stderr
    summary = json.loads(subprocess.run(
        [sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path / "var2"), "ingest", "--json", str(d)],
        capture_output=True, text=True, timeout=120, env=embedded_env()).stdout.splitlines()[-1])["summary"]
    assert (summary["inserted"], summary["failed"]) == (1, 3)   # the write-up went in beside the three bombs

"""Bounded reading of compressed containers, before any parser sees them.

A .docx is a zip: every part is inflated here in small steps (nothing kept but the first bytes of XML parts),
so a part that inflates beyond what its header declares, a total beyond ``max_decompressed_bytes`` or a ratio
beyond ``max_compression_ratio`` or more than ``max_xml_tags`` XML tags is refused before python-docx reads it (``ZipFile.read`` trusts the inflater,
not the header: a lying part would be inflated whole before being cut). XML parts must not declare a DTD:
Office files never do, and refusing them keeps entity tricks out even before lxml (which python-docx already
runs with ``resolve_entities=False``).

A PDF's streams are decoded under one budget (pypdf's per-stream limits set to ours, then the text-bearing
streams summed) before any text is extracted; images, embedded fonts and attachments are not decoded by text
extraction and are left out of the sum. The page count and the characters read are capped too.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.config import Limits

_STEP = 64 * 1024                # compressed bytes fed to the inflater at a time
_OUT_STEP = 1024 * 1024          # most bytes one inflate call may produce
_XML_HEAD = 64 * 1024            # an XML part's root element must start within this many bytes
_RATIO_FLOOR = 1024 * 1024       # below this much output no ratio is suspicious (tiny files compress well)
_LOCAL_HEADER = struct.Struct("<4s22xHH")
_XML_START = re.compile(rb"<(!DOCTYPE|!ENTITY|[A-Za-z_])", re.I)


class Refused(Exception):
    """A container over a limit; ``str()`` is the bilingual message for that file."""


class Damaged(Exception):
    """A container that cannot be read at all (not a zip, unsupported compression, encrypted)."""


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _too_much(total: int, size: int, limits: "Limits", zh: str, en: str) -> None:
    if total > limits.max_decompressed_bytes:
        raise Refused(f"{zh}解压后超过 {_mb(limits.max_decompressed_bytes)}，拒绝读取（可能是压缩炸弹）"
                      f" / {en} decompresses to more than {limits.max_decompressed_bytes} bytes; refused (zip bomb?)")
    if total > _RATIO_FLOOR and total > limits.max_compression_ratio * max(size, 1):
        raise Refused(f"{zh}压缩比超过 {limits.max_compression_ratio} 倍，拒绝读取（可能是压缩炸弹）"
                      f" / {en} compression ratio above {limits.max_compression_ratio}x; refused (zip bomb?)")


# --- zip (.docx) ----------------------------------------------------------------------------------

def check_zip(path: Path, limits: "Limits") -> None:
    """Raise ``Refused`` or ``Damaged`` unless every part of the zip at ``path`` is within the limits."""
    size = path.stat().st_size
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise Damaged(f"不是有效的 Word 文件（zip 包损坏） / not a valid .docx (broken zip: {type(exc).__name__})") \
            from None
    with zf, path.open("rb") as fh:
        infos = zf.infolist()
        if len(infos) > limits.max_archive_entries:
            raise Refused(f"Word 文件内部件过多（{len(infos)} 个，上限 {limits.max_archive_entries}）"
                          f" / too many parts in the .docx ({len(infos)} > {limits.max_archive_entries})")
        declared = sum(i.file_size for i in infos)
        _too_much(declared, size, limits, "Word 文件", "the .docx")
        total = tags = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise Damaged("Word 文件已加密 / the .docx is encrypted")
            xml = info.filename.lower().endswith((".xml", ".rels"))
            real, head, part_tags = _inflate(fh, info, budget=limits.max_decompressed_bytes - total, count_tags=xml)
            if real != info.file_size:
                raise Refused(f"Word 文件部件“{info.filename[:60]}”的实际大小与声明不符，拒绝读取（可能是压缩炸弹）"
                              f" / part {info.filename[:60]!r} inflates to a size other than declared; refused "
                              f"(zip bomb?)")
            total += real
            tags += part_tags
            if xml:
                _check_xml_head(info.filename, head)
            # the parsed tree costs memory and time per element, whatever the bytes: a 5 MB upload can hold
            # millions of tiny paragraphs
            if tags > limits.max_xml_tags:
                raise Refused(f"Word 文件结构过于庞大（超过 {limits.max_xml_tags} 个 XML 标记），拒绝读取"
                              f" / the .docx holds more than {limits.max_xml_tags} XML tags; refused")
        _too_much(total, size, limits, "Word 文件", "the .docx")


def _inflate(fh, info: zipfile.ZipInfo, *, budget: int, count_tags: bool) -> tuple[int, bytes, int]:
    """(bytes the part really inflates to, its first ``_XML_HEAD`` bytes, its "<" count if ``count_tags``);
    stops early past the declared size or the budget, so a lying part costs no more than the budget."""
    fh.seek(info.header_offset)
    raw = fh.read(_LOCAL_HEADER.size)
    if len(raw) < _LOCAL_HEADER.size or raw[:4] != b"PK\x03\x04":
        raise Damaged("Word 文件的 zip 结构损坏 / broken zip structure in the .docx")
    name_len, extra_len = _LOCAL_HEADER.unpack(raw)[1:]
    fh.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
    limit = min(info.file_size, max(budget, 0)) + 1     # one byte past either bound is enough to know
    if info.compress_type == zipfile.ZIP_STORED:
        if not count_tags:
            return info.compress_size, b"", 0
        data = fh.read(min(info.compress_size, limit))
        return info.compress_size, data[:_XML_HEAD], data.count(b"<")
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise Damaged(f"Word 文件使用了不支持的压缩方式 {info.compress_type} / unsupported zip compression method")
    inflater = zlib.decompressobj(-15)
    left, out, head, tags = info.compress_size, 0, b"", 0
    try:
        while left > 0 and not inflater.eof and out < limit:
            chunk = fh.read(min(_STEP, left))
            if not chunk:
                break
            left -= len(chunk)
            while chunk and out < limit:
                data = inflater.decompress(chunk, _OUT_STEP)
                out += len(data)
                if count_tags:
                    tags += data.count(b"<")
                if len(head) < _XML_HEAD:
                    head += data[:_XML_HEAD - len(head)]
                chunk = inflater.unconsumed_tail
    except zlib.error:
        raise Damaged(f"Word 文件部件“{info.filename[:60]}”已损坏 / damaged part in the .docx") from None
    if out > budget:
        raise Refused(f"Word 文件解压后超过上限，拒绝读取（可能是压缩炸弹）"
                      f" / the .docx decompresses beyond the limit; refused (zip bomb?)")
    return out, head, tags


def _check_xml_head(name: str, head: bytes) -> None:
    m = _XML_START.search(head.replace(b"\x00", b""))   # UTF-16 parts: drop the zero bytes
    if m is None or m.group(1).startswith(b"!"):
        raise Refused(f"Word 文件部件“{name[:60]}”含有 DTD 声明或结构异常，拒绝读取"
                      f" / part {name[:60]!r} declares a DTD or has no root element; refused")


# --- PDF --------------------------------------------------------------------------------------------

# streams text extraction never decodes: images, embedded fonts, attachments
_SKIP_SUBTYPES = {"/Image", "/Type1C", "/CIDFontType0C", "/OpenType"}
_SKIP_TYPES = {"/EmbeddedFile"}


_PDF_CAPS = ("zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
             "brotli_maximum_output_length", "jbig2_maximum_output_length", "array_based_stream_maximum_output_length",
             "maximum_declared_stream_length", "image_maximum_buffer_size")


# tokens pypdf may parse from one content stream: a dense page has tens of thousands; parsing holds every
# token (12 MB of content → 2 M tokens took 13 s and 780 MB), so this bounds the memory one page can take
_PDF_TOKENS_PER_STREAM = 250_000
# one stream decodes to at most this much: 250,000 tokens are 1–3 MB of content, so nothing text extraction
# could use is lost, and zlib's output buffer (held twice while it is joined) stays small — with the whole
# budget per stream a 1 MB bomb took 100 MB
_PDF_STREAM_BYTES = 8 * 1024 * 1024


def _pdf_caps(n: int) -> dict[str, int]:
    caps = {k: max(n, 1) for k in _PDF_CAPS}    # (0 would switch pypdf's limit off)
    caps["stream_parsing_work_maximum_count"] = _PDF_TOKENS_PER_STREAM
    return caps


def pdf_pages(path: Path, limits: "Limits") -> list[str]:
    """The text of each page, read within the limits (``Refused``/``Damaged`` otherwise)."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError

    size = path.stat().st_size
    try:
        with apply_configuration(**_pdf_caps(min(limits.max_decompressed_bytes, _PDF_STREAM_BYTES))):
            reader = PdfReader(str(path))
            if reader.is_encrypted and not reader.decrypt(""):
                raise Damaged("PDF 已加密，需要密码 / the PDF is encrypted with a password")
            pages = len(reader.pages)
            if pages > limits.max_pdf_pages:
                raise Refused(f"PDF 页数过多（{pages} 页，上限 {limits.max_pdf_pages}）"
                              f" / too many pages ({pages} > {limits.max_pdf_pages})")
            _pdf_stream_budget(reader, size, limits)
            texts: list[str] = []
            chars = 0
            for page in reader.pages:
                text = page.extract_text() or ""
                chars += len(text)
                if chars > limits.max_document_chars:
                    raise Refused(too_long_message(limits.max_document_chars))
                texts.append(text)
            return texts
    except LimitReachedError as exc:
        raise Refused(f"PDF 内容超过上限，拒绝读取（可能是压缩炸弹） / PDF content over a limit; refused ({exc})") \
            from None


def _pdf_stream_budget(reader, size: int, limits: "Limits") -> None:
    """Decode every stream text extraction may read, each capped at what is left of the budget (so no more
    than the budget is ever held); over it → ``Refused``. Decoded streams stay cached for extraction."""
    from pypdf import apply_configuration
    from pypdf.errors import LimitReachedError
    from pypdf.generic import IndirectObject, StreamObject

    allowed = limits.max_decompressed_bytes
    if size * limits.max_compression_ratio < allowed:
        allowed = max(size * limits.max_compression_ratio, _RATIO_FLOOR)
    total = 0
    for generation, table in list(reader.xref.items()):
        for number in list(table):
            try:
                obj = reader.get_object(IndirectObject(number, generation, reader))
            except LimitReachedError:
                raise
            except Exception:   # a damaged object: text extraction reports what matters
                continue
            if not isinstance(obj, StreamObject) or obj.get("/Subtype") in _SKIP_SUBTYPES \
                    or obj.get("/Type") in _SKIP_TYPES or "/Length1" in obj:
                continue
            cap = min(allowed - total + 1, _PDF_STREAM_BYTES)
            try:
                with apply_configuration(**_pdf_caps(cap)):
                    total += len(obj.get_data())
            except LimitReachedError:
                if cap == _PDF_STREAM_BYTES:
                    raise Refused(f"PDF 中的一个数据流解压后超过 {_mb(_PDF_STREAM_BYTES)}，拒绝读取（可能是压缩炸弹）"
                                  f" / a PDF stream decompresses to more than {_PDF_STREAM_BYTES} bytes; refused "
                                  f"(zip bomb?)") from None
                total = allowed + 1
            except Exception:
                continue
            _too_much(total, size, limits, "PDF ", "the PDF")


def too_long_message(limit: int) -> str:
    return f"文字过多（超过 {limit} 字），拒绝读取 / too much text (more than {limit} characters); refused"

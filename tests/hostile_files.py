"""Hostile documents built on the spot: zip bombs dressed as .docx, PDF bombs, DTD tricks.

Nothing here is stored in the repository; each builder returns bytes sized by its arguments, so a test states
how big its bomb is."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


def base_docx(text: str = "一、面临问题\n村集体经济薄弱。") -> bytes:
    """A real .docx from python-docx (the parts every Word file has)."""
    import docx
    d = docx.Document()
    d.add_heading("衣家村党支部领办合作社", level=1)
    for line in text.split("\n"):
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _deflate_stream(chunks) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return b"".join(c.compress(x) for x in chunks) + c.flush()


def zeros(total: int, step: int = 1 << 20):
    """``total`` zero bytes, produced in steps (a bomb's payload is never held whole)."""
    left = total
    while left > 0:
        yield b"\0" * min(step, left)
        left -= step


def write_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from (name, deflated data, crc32, declared uncompressed size) — the declared size and crc are
    whatever the caller says, which is how a lying part is made."""
    out = bytearray()
    central = bytearray()
    for name, data, crc, size in members:
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0)
        out += raw + data
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(raw), 0, 0, 0, 0, 0, offset) + raw
    start = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), start, 0)
    return bytes(out)


def docx_parts(docx: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


def honest(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    return name, _deflate_stream([data]), zlib.crc32(data), len(data)


def docx_with(extra: list[tuple[str, bytes, int, int]], replace: dict[str, bytes] | None = None) -> bytes:
    """The base .docx with parts replaced and ``extra`` (already deflated) parts added."""
    replace = replace or {}
    members = [honest(n, replace.get(n, d)) for n, d in docx_parts(base_docx())]
    return write_zip(members + extra)


def zeros_part(name: str, size: int) -> tuple[str, bytes, int, int]:
    """An honest part of ``size`` zero bytes (deflates about 1000:1)."""
    crc = 0
    for chunk in zeros(size):
        crc = zlib.crc32(chunk, crc)
    return name, _deflate_stream(zeros(size)), crc, size


def lying_part(name: str, real: int, declared: int = 1000) -> tuple[str, bytes, int, int]:
    """A part whose headers declare ``declared`` bytes (with the crc of those first bytes) but whose data
    inflates to ``real`` bytes: ``ZipFile.read`` inflates all of it before cutting it to the declared size."""
    return name, _deflate_stream(zeros(real)), zlib.crc32(b"\0" * declared), declared


# bombs sit in a part every Word file has and python-docx always reads (the styles), so that without the
# guard they would really be inflated
BOMB_PART = "word/styles.xml"


def docx_with_part(member: tuple[str, bytes, int, int]) -> bytes:
    """The base .docx with one part replaced by an already deflated ``member`` of the same name."""
    return write_zip([member if n == member[0] else honest(n, d) for n, d in docx_parts(base_docx())])


def size_bomb(mb: int = 60) -> bytes:
    return docx_with_part(zeros_part(BOMB_PART, mb * 1024 * 1024))


def ratio_bomb(mb: int = 8) -> bytes:
    return docx_with_part(zeros_part(BOMB_PART, mb * 1024 * 1024))


def lying_bomb(real_mb: int = 200) -> bytes:
    return docx_with_part(lying_part(BOMB_PART, real_mb * 1024 * 1024))


BILLION_LAUGHS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  b'<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                  b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
                  b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
                  b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">'
                  b'<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                  b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                  b'<w:body><w:p><w:r><w:t>&h;&x;</w:t></w:r></w:p></w:body></w:document>')


def dtd_docx() -> bytes:
    return docx_with([], replace={"word/document.xml": BILLION_LAUGHS})


def many_parts_docx(n: int) -> bytes:
    return docx_with([honest(f"customXml/item{i}.bin", b"x") for i in range(n)])


# --- PDF --------------------------------------------------------------------------------------------

def make_pdf(streams: list[bytes], *, compress: bool = True) -> bytes:
    """A minimal PDF, one page per content stream (Helvetica), FlateDecode'd when ``compress``."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(len(streams)))}] "
            f"/Count {len(streams)} >>".encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, content in enumerate(streams):
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                    f" /Contents {5 + 2 * i} 0 R >>".encode())
        data = zlib.compress(content, 9) if compress else content
        filt = b" /Filter /FlateDecode" if compress else b""
        objs.append(b"<< /Length " + str(len(data)).encode() + filt + b" >>\nstream\n" + data + b"\nendstream")
    return _pdf_file(objs)


def _pdf_file(objs: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_page(text: str) -> bytes:
    """A content stream showing ``text`` (Latin only: the base-14 font has no CJK glyphs)."""
    return b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"


def pdf_bomb(mb: int = 200) -> bytes:
    """One page whose content stream inflates to ``mb`` MB of spaces."""
    stream = _deflate_stream(zeros(mb * 1024 * 1024))
    # zlib container around the raw deflate data (FlateDecode expects a zlib header)
    wrapped = b"\x78\xda" + stream
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Length " + str(len(wrapped)).encode() + b" /Filter /FlateDecode >>\nstream\n" + wrapped
            + b"\nendstream"]
    return _pdf_file(objs)

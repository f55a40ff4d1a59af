"""A real ``djkg serve`` under hostile uploads: every bomb answered 413 in seconds, streamed bodies over the limit
answered 413, and the server's peak resident memory (VmHWM from /proc) stays bounded throughout."""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import httpx
import pytest

from conftest import djkg_server_process, embedded_env

import hostile_files as H

pytestmark = pytest.mark.slow

KEY = "hostile-key-0123456789"
MB = 1024 * 1024


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def many_paragraphs_docx(n: int) -> bytes:
    """A 'legitimate-looking' .docx of ``n`` tiny paragraphs (random text, so it compresses only ~8x)."""
    rnd = random.Random(7)
    body = "".join(f"<w:p><w:r><w:t>{rnd.getrandbits(24):06x}</w:t></w:r></w:p>" for _ in range(n))
    parts = dict(H.docx_parts(H.base_docx()))
    doc = parts["word/document.xml"].decode()
    at = doc.index("<w:body>") + len("<w:body>")
    return H.docx_with([], replace={"word/document.xml": (doc[:at] + body + doc[at:]).encode()})


def streamed(total: int, head: bytes = b'{"text": "', tail: bytes = b'"}', step: int = 256 * 1024):
    yield head
    sent = 0
    while sent < total:
        yield b"a" * step
        sent += step
    yield tail


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("var")
    with djkg_server_process(data, env=embedded_env(DJKG_API_KEY=KEY)) as (base, proc):
        yield base, proc


def test_hostile_uploads_keep_the_server_bounded(server, capsys):
    base, proc = server
    head = {"X-API-Key": KEY}
    with httpx.Client(base_url=base, timeout=120) as client:
        # warm up with honest files of every kind, so imports and caches are in the baseline
        ok_pdf = H.make_pdf([H.text_page("Party branch cooperative raised collective income to 350000 yuan")])
        for name, data in (("ok.docx", H.base_docx()), ("ok.pdf", ok_pdf),
                           ("ok.md", "衣家村党支部领办合作社\n一、面临问题\n村集体经济薄弱。\n".encode())):
            r = client.post("/api/v1/cases/upload", headers=head, files={"file": (name, data)})
            assert r.status_code in (200, 201, 422), (name, r.text)
        baseline = peak_rss_mb(proc.pid)
        bombs = {
            "lying.docx (1 GB behind a 1000-byte header)": ("bomb.docx", H.lying_bomb(1024)),
            "size.docx (1 GB declared)": ("size.docx", H.size_bomb(1024)),
            "ratio.docx (40 MB of zeros)": ("ratio.docx", H.ratio_bomb(40)),
            "dtd.docx (billion laughs)": ("dtd.docx", H.dtd_docx()),
            "paragraphs.docx (600,000 tiny paragraphs)": ("many.docx", many_paragraphs_docx(600_000)),
            "bomb.pdf (1 GB content stream)": ("bomb.pdf", H.pdf_bomb(1024)),
        }
        took = {}
        for label, (name, data) in bombs.items():
            assert len(data) < 5 * MB, (label, len(data))
            t0 = time.perf_counter()
            r = client.post("/api/v1/cases/upload", headers=head, files={"file": (name, data)})
            took[label] = time.perf_counter() - t0
            assert r.status_code == 413, (label, r.status_code, r.text[:300])
            assert r.json()["detail"]["zh"] and r.json()["detail"]["en"]
            assert took[label] < 30, (label, took[label])
        # streamed (chunked) bodies over the 5 MB limit: 413, not 400, for JSON and for uploads
        r = client.post("/api/v1/cases", headers={**head, "Content-Type": "application/json"},
                        content=streamed(50 * MB))
        assert r.status_code == 413, r.text[:300]
        boundary = "hostile-boundary"
        r = client.post("/api/v1/cases/upload",
                        headers={**head, "Content-Type": f"multipart/form-data; boundary={boundary}"},
                        content=streamed(50 * MB, head=f"--{boundary}\r\nContent-Disposition: form-data; "
                                         f"name=\"file\"; filename=\"a.txt\"\r\n\r\n".encode(),
                                         tail=f"\r\n--{boundary}--\r\n".encode()))
        assert r.status_code == 413, r.text[:300]
        # no key: refused before the body is read
        r = client.post("/api/v1/cases/upload", files={"file": ("bomb.docx", bombs["lying.docx (1 GB behind a "
                                                                                   "1000-byte header)"][1])})
        assert r.status_code == 401
        assert client.get("/healthz").status_code == 200
    peak = peak_rss_mb(proc.pid)
    with capsys.disabled():
        print(f"\n  server peak RSS: baseline {baseline:.0f} MB, after the bombs {peak:.0f} MB "
              f"(+{peak - baseline:.0f} MB); " + ", ".join(f"{k.split(' ')[0]} {v:.2f}s" for k, v in took.items()))
    assert peak - baseline < 80, f"peak RSS grew by {peak - baseline:.0f} MB"

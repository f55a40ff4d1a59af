"""Stage 1 — read: files and folders → ``RawDoc`` values (text + front-matter metadata).

Readers know formats, not meaning: .md/.txt (optional YAML front matter), .docx (headings kept as
Markdown-style ``#`` lines, "单位：…" metadata paragraphs at the top become metadata), .pdf (text layer),
.jsonl (one case per line). A file that cannot be read becomes a ``ReadError`` for that file only.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".pdf", ".jsonl")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# front-matter keys we understand; Chinese labels used in Word files and plain text map onto them
META_KEYS = ("id", "title", "unit", "brand", "year", "reported", "region", "industry", "sector", "model", "source",
             "illustrative", "style", "synthetic")
_LABELLED_META = {"标题": "title", "题目": "title", "单位": "unit", "品牌": "brand", "年份": "year",
                  "时间": "year", "地区": "region", "所在地": "region", "领域": "industry", "行业": "industry",
                  "模式": "model", "来源": "source", "出处": "source", "报道": "reported", "发布": "reported",
                  "示意": "illustrative", "体裁": "style", "文体": "style", "网址": "source_url", "链接": "source_url"}


@dataclass
class RawDoc:
    source: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    fmt: str = "txt"


@dataclass
class ReadError:
    source: str
    error: str


class ReadFailure(Exception):
    pass


# --- discovery ------------------------------------------------------------------------------------

def discover(paths: Iterable[str | Path | ReadError]) -> Iterator[Path | ReadError]:
    """Files under the given paths (folders recurse, sorted for a stable order); a ``ReadError`` passes through."""
    for p in paths:
        if isinstance(p, ReadError):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith((".", "~$")) \
                        and f.name.lower() != "readme.md":
                    yield f
        elif path.is_file():
            yield path
        else:
            yield ReadError(str(path), f"文件不存在 / no such file or folder: {path}")


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[RawDoc | ReadError]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            raise ReadFailure("文件为空 / empty file")
        if size > max_bytes:
            raise ReadFailure(f"文件过大（{size // 1024 // 1024} MB，上限 {max_bytes // 1024 // 1024} MB）"
                              f" / file too large ({size} bytes)")
        suffix = path.suffix.lower()
        if suffix == ".docx":
            return [read_docx(path)]
        if suffix == ".pdf":
            return [read_pdf(path)]
        if suffix == ".jsonl":
            return read_jsonl_text(decode_bytes(path.read_bytes()), source)
        if suffix in (".md", ".markdown", ".txt"):
            return [read_text(decode_bytes(path.read_bytes()), source, fmt=suffix.lstrip("."))]
        raise ReadFailure(f"不支持的文件类型 {suffix} / unsupported file type (use {', '.join(SUFFIXES)})")
    except ReadFailure as exc:
        return [ReadError(source, str(exc))]
    except (OSError, ValueError) as exc:
        return [ReadError(source, f"无法读取文件：{exc} / cannot read file")]


# --- encodings ------------------------------------------------------------------------------------

def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        return _check_text(data[3:].decode("utf-8", errors="strict"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _check_text(data.decode("utf-16"))
    if b"\x00" in data[:4096]:
        raise ReadFailure("看起来是二进制文件，不是文本 / looks like a binary file, not text")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _check_text(data.decode("gb18030"))
    except UnicodeDecodeError:
        raise ReadFailure("无法识别的文本编码（支持 UTF-8、GB18030）/ unknown text encoding "
                          "(UTF-8, UTF-8 with BOM and GB18030 are supported)") from None


def _check_text(text: str) -> str:
    sample = text[:20000]
    if not sample.strip():
        raise ReadFailure("文件没有正文 / file has no text")
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > max(8, len(sample) // 50):
        raise ReadFailure("文本中控制字符过多，可能是二进制或编码错误 / too many control characters (binary?)")
    # GB18030 decodes almost any byte soup; real Chinese text is mostly CJK, ASCII and punctuation.
    odd = sum(1 for ch in sample if not (ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                                       or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·《》〈〉【】"))
    if odd > max(40, len(sample) // 5):
        raise ReadFailure("文本像是乱码（编码不符或混合编码）/ text looks garbled (wrong or mixed encoding)")
    return text


# --- text, Markdown, front matter -------------------------------------------------------------------

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def read_text(text: str, source: str, *, fmt: str = "txt") -> RawDoc:
    doc = RawDoc(source=source, text=text, fmt=fmt)
    m = _FRONT.match(text)
    if m:
        doc.text = text[m.end():]
        try:
            meta = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"第 {mark.line + 2} 行 / line {mark.line + 2}" if mark else ""
            doc.warnings.append(f"front matter 不是合法的 YAML，已忽略元数据 {where} / malformed front matter ignored")
            meta = None
        if meta is not None and not isinstance(meta, dict):
            doc.warnings.append("front matter 应为键值对，已忽略 / front matter must be a mapping; ignored")
            meta = None
        doc.meta = clean_meta(meta or {}, doc.warnings)
    else:
        meta, body = _labelled_meta(text)
        if meta:
            doc.meta = clean_meta(meta, doc.warnings)
            doc.text = body
    if not doc.text.strip():
        raise ReadFailure("只有元数据，没有正文 / front matter but no body text")
    return doc


def _labelled_meta(text: str) -> tuple[dict[str, Any], str]:
    """Leading lines such as "单位：…" / "地区：…" (Word exports, briefings) as metadata."""
    meta: dict[str, Any] = {}
    lines = text.splitlines()
    consumed = 0
    seen_content = False
    for i, line in enumerate(lines[:16]):
        s = line.strip().lstrip("#").strip()
        m = re.match(r"^([\u4e00-\u9fff]{2,3})[：:]\s*(.+)$", s)
        if m and m.group(1) in _LABELLED_META and len(m.group(2)) <= (300 if m.group(1) in ("来源", "出处") else 80):
            meta.setdefault(_LABELLED_META[m.group(1)], m.group(2).strip())
            consumed = i + 1
        elif s and meta:
            break
        elif s:
            if seen_content:
                break
            seen_content = True  # a title line may precede the labelled block
    if not meta:
        return {}, text
    kept = [ln for j, ln in enumerate(lines[:consumed])
            if not re.match(r"^\s*#*\s*([\u4e00-\u9fff]{2,3})[：:]", ln)
            or re.match(r"^\s*#*\s*([\u4e00-\u9fff]{2,3})", ln).group(1) not in _LABELLED_META]
    return meta, "\n".join(kept + lines[consumed:])


def clean_meta(meta: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in meta.items():
        k = str(key).strip().lower()
        k = _LABELLED_META.get(str(key).strip(), k)
        if k == "source_url" and value:   # a Word file or briefing gives the link on its own line ("网址：…")
            url = _URL.search(str(value))
            if url:
                sources = out.setdefault("source", [{}])
                sources[0].setdefault("url", url.group(0))
            continue
        if k not in META_KEYS or value is None:
            continue
        if k == "year":
            m = re.search(r"(19|20)\d{2}", str(value))
            if m:
                out[k] = int(m.group(0))
            else:
                warnings.append(f"年份无法识别：{value!r} / year not understood")
        elif k in ("illustrative", "synthetic"):
            out[k] = value is True or str(value).strip().lower() in ("true", "yes", "1", "是")
        elif k == "source":
            sources = parse_sources(value, warnings)
            if sources:
                given = out.get("source") or [{}]
                sources[0] = {**given[0], **sources[0]}
                out[k] = sources
        elif k == "reported":
            m = re.search(r"(19|20)\d{2}(?:[-./年]\d{1,2}(?:[-./月]\d{1,2})?)?", str(value))
            if m:
                out[k] = re.sub(r"[./年月]", "-", m.group(0)).rstrip("-")
            else:
                warnings.append(f"报道日期无法识别：{value!r} / report date not understood")
        elif isinstance(value, (str, int, float)):
            text = str(value).strip()
            if text:
                out[k] = text[:500]
        else:
            warnings.append(f"元数据 {k} 应为文本 / metadata {k} should be text")
    return out


_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_SOURCE_FIELDS = ("publication", "date", "title", "url")


def parse_sources(value: Any, warnings: list[str]) -> list[dict[str, str]]:
    """Where a case comes from, as a list of {publication, date, title, url}: front matter may give that list (or
    one such mapping), a Word file or briefing one line "来源：人民网 2020-06-12《标题》https://…"."""
    items = value if isinstance(value, list) else [value]
    out: list[dict[str, str]] = []
    for item in items:
        if isinstance(item, dict):
            src = {k: str(item[k]).strip()[:300] for k in _SOURCE_FIELDS if item.get(k) not in (None, "")}
        elif isinstance(item, (str, int, float)):
            text = str(item).strip()
            url = _URL.search(text)
            title = re.search(r"《([^》]{1,120})》", text)
            date = re.search(r"(19|20)\d{2}[-./年]\d{1,2}(?:[-./月]\d{1,2})?", text)
            rest = _URL.sub("", text)
            for m in (title, date):
                if m:
                    rest = rest.replace(m.group(0), "")
            src = {"publication": rest.strip(" ，,;；：:")[:300] or None, "date": date.group(0) if date else None,
                   "title": title.group(1) if title else None, "url": url.group(0) if url else None}
            src = {k: v for k, v in src.items() if v}
        else:
            warnings.append("来源应为文本或列表 / source should be text or a list")
            continue
        if src.get("url") and not _URL.fullmatch(src["url"]):
            warnings.append(f"来源网址无效，已忽略：{src['url'][:80]} / source URL ignored")
            src.pop("url")
        if src:
            out.append(src)
    return out


# --- docx, pdf, jsonl --------------------------------------------------------------------------------

def read_docx(path: Path) -> RawDoc:
    try:
        import docx  # python-docx
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise ReadFailure(f"无法打开 Word 文件：{type(exc).__name__} / cannot open .docx") from exc
    lines: list[str] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        if style.startswith("heading") or style.startswith("title") or style.startswith("标题"):
            level = re.search(r"\d", style)
            lines.append("#" * (int(level.group(0)) + 1 if level else 1) + " " + text)
        else:
            lines.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                lines.append("：".join(cells) if len(cells) == 2 else " ".join(cells))
    if not lines:
        raise ReadFailure("Word 文件没有文字 / .docx has no text")
    doc = read_text("\n".join(lines), str(path), fmt="docx")
    return doc


def read_pdf(path: Path) -> RawDoc:
    try:
        from pypdf import PdfReader
        reader = PdfReader(str(path))
        pages = [(page.extract_text() or "") for page in reader.pages[:500]]
    except Exception as exc:  # pypdf raises many types for damaged files
        raise ReadFailure(f"无法读取 PDF：{type(exc).__name__} / cannot read PDF") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise ReadFailure("PDF 没有文字层（可能是扫描件），请先做 OCR / PDF has no text layer (scanned?); "
                          "run OCR first")
    # PDF text layers break lines mid-sentence: a line that fills the width and does not end a sentence goes on in
    # the next one — unless that one starts a heading or a labelled line ("网址：…")
    joined = "\n".join(_join_wrapped(text.split("\n")))
    return read_text(joined, str(path), fmt="pdf")


_NEW_BLOCK = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[\.、]|[\u4e00-\u9fff]{2,3}[：:])")


def _join_wrapped(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) >= 30 and not re.search(r"[。！？；：:]$|https?://\S+$", out[-1]) \
                and not _NEW_BLOCK.match(line):
            out[-1] += line
        else:
            out.append(line)
    return out


def read_jsonl_text(text: str, source: str) -> list[RawDoc | ReadError]:
    out: list[RawDoc | ReadError] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#L{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(ReadError(where, f"第 {n} 行不是合法 JSON：{exc.msg} / line {n} is not valid JSON"))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            out.append(ReadError(where, f"第 {n} 行缺少 text 字段 / line {n} has no \"text\""))
            continue
        doc = RawDoc(source=where, text=obj["text"], fmt="jsonl")
        doc.meta = clean_meta({k: v for k, v in obj.items() if k != "text"}, doc.warnings)
        out.append(doc)
    if not out:
        out.append(ReadError(source, "JSONL 文件没有任何案例 / JSONL file holds no case"))
    return out


def read_all(paths: Iterable[str | Path | ReadError], *,
             max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDoc | ReadError]:
    """Every document under ``paths`` (files, folders, or what ``discover`` already found), in order."""
    for item in discover(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes)

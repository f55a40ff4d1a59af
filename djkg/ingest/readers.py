"""Stage 1 — read: files and folders → ``RawDoc`` values (text + front-matter metadata).

Readers know formats, not meaning: .md/.txt (optional YAML front matter), .docx (headings kept as
Markdown-style ``#`` lines, "单位：…" metadata paragraphs at the top become metadata), .pdf (text layer),
.jsonl (one case per line, each line decoded on its own). A file that cannot be read becomes a ``ReadError``
for that file (or line) only. Compressed containers are measured before they are parsed (``containers.py``).

Only the folder's own files are read: a symlink that leads outside the folder being ingested is skipped and
reported unless the caller allows it (the CLI can; the API never reads folders). Each document's ``source``
is its path relative to that folder, so no absolute server path reaches the store.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from ..core.config import Limits
from ..core.yamlio import safe_load
from . import containers

SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".pdf", ".jsonl")
DEFAULT_LIMITS = Limits()

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
    # the file this document came from, relative to the ingested folder ("" when it came through the API):
    # what tells an edited file from a different document that happens to share its case id
    origin: str = ""
    # found by walking a folder (not named by the user): a file that turns out not to be a write-up is skipped
    in_folder: bool = False


@dataclass
class ReadError:
    source: str
    error: str
    code: str = "unreadable"   # unreadable / too_large / outside (a symlink leaving the folder)


@dataclass(frozen=True)
class SourceFile:
    """A file found by ``discover``: where to read it and its path relative to the ingested folder."""
    path: Path
    source: str
    in_folder: bool = False


@dataclass
class Skipped:
    """A file in a folder that is not a case write-up (an index, notes or sources file), with the reason. Named
    explicitly, the same file is read."""
    source: str
    reason: str
    code: str = "not_a_write_up"


# index, notes and source lists kept beside the write-ups (by file name, in a folder)
NOT_WRITE_UP_NAMES = re.compile(r"^(?:readme|notes?|sources?|index|changelog|license|todo|目录|索引|说明|来源|出处|备注|"
                                r"笔记|资料来源|参考文献)(?:[-_ .].*)?$", re.I)


class ReadFailure(Exception):
    pass


class TooLarge(ReadFailure):
    """Over a size limit (the API answers 413)."""


# --- discovery ------------------------------------------------------------------------------------

def discover(paths: Iterable[str | Path | SourceFile | ReadError | Skipped], *,
             follow_links: bool = False) -> Iterator[SourceFile | ReadError | Skipped]:
    """Files under the given paths (folders recurse, sorted for a stable order); what ``discover`` already found
    (a ``SourceFile`` or ``ReadError``) passes through. A file named directly is its own root. Inside a folder,
    a symlink (to a file or a folder) whose target lies outside the folder is reported and skipped unless
    ``follow_links``."""
    for p in paths:
        if isinstance(p, (ReadError, SourceFile, Skipped)):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            yield from _discover_folder(path, follow_links=follow_links)
        elif path.is_file():
            yield SourceFile(path, path.name)
        else:
            yield ReadError(str(path), f"文件不存在 / no such file or folder: {path}")


def _wanted(name: str) -> bool:
    return Path(name).suffix.lower() in SUFFIXES and not name.startswith((".", "~$"))


def _discover_folder(folder: Path, *, follow_links: bool) -> Iterator[SourceFile | ReadError]:
    root = folder.resolve()
    found: list[SourceFile | ReadError | Skipped] = []
    seen_dirs: set[Path] = set()
    for here, dirs, files in os.walk(folder, followlinks=follow_links):
        real = Path(here).resolve()
        if real in seen_dirs:      # a link loop (only possible when following links)
            dirs[:] = []
            continue
        seen_dirs.add(real)
        kept = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            full = Path(here) / d
            if full.is_symlink() and not _inside(full.resolve(), root) and not follow_links:
                found.append(_outside(full, folder))
                continue
            kept.append(d)
        dirs[:] = kept
        # a file that is no symlink lies where its folder lies: resolving every file's path again (a system call
        # per part of it) was a third of the time this took; only symlinks are resolved one by one
        here_inside = _inside(real, root)
        prefix = Path(here).relative_to(folder).as_posix()
        for name in files:
            full = Path(here) / name
            if not _wanted(name) or not full.is_file():
                continue
            if not follow_links and not (_inside(full.resolve(), root) if full.is_symlink() else here_inside):
                found.append(_outside(full, folder))
                continue
            rel = name if prefix == "." else f"{prefix}/{name}"
            if NOT_WRITE_UP_NAMES.match(Path(name).stem):
                found.append(Skipped(rel, "索引、说明或来源文件，不是案例材料（直接指定该文件可导入）"
                                          " / an index, notes or sources file, not a write-up (name it to ingest it)"))
                continue
            found.append(SourceFile(full, rel, in_folder=True))
    found.sort(key=lambda x: x.source)
    yield from found


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _outside(path: Path, folder: Path) -> ReadError:
    rel = path.relative_to(folder).as_posix()
    return ReadError(rel, f"符号链接指向导入文件夹之外，已跳过（命令行可用 --follow-symlinks 允许）"
                          f" / symlink leads outside the ingested folder; skipped", code="outside")


def read_path(item: Path | SourceFile, *, max_bytes: int | None = None,
              limits: Limits | None = None) -> list[RawDoc | ReadError]:
    """The documents in one file (a JSONL file holds several). A bare ``Path`` is named by its file name."""
    limits = limits or DEFAULT_LIMITS
    max_bytes = limits.max_ingest_file_bytes if max_bytes is None else max_bytes
    path, source = (item.path, item.source) if isinstance(item, SourceFile) else (Path(item), Path(item).name)
    try:
        size = path.stat().st_size
        if size == 0:
            raise ReadFailure("文件为空 / empty file")
        if size > max_bytes:
            raise TooLarge(f"文件过大（{size // 1024 // 1024} MB，上限 {max_bytes // 1024 // 1024} MB）"
                           f" / file too large ({size} bytes, max {max_bytes})")
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            return read_jsonl_bytes(path.read_bytes(), source, limits=limits)
        if suffix == ".docx":
            doc = read_docx(path, limits=limits)
        elif suffix == ".pdf":
            doc = read_pdf(path, limits=limits)
        elif suffix in (".md", ".markdown", ".txt"):
            doc = read_text(decode_bytes(path.read_bytes()), source, fmt=suffix.lstrip("."))
        else:
            raise ReadFailure(f"不支持的文件类型 {suffix} / unsupported file type (use {', '.join(SUFFIXES)})")
        if len(doc.text) > limits.max_document_chars:
            raise TooLarge(containers.too_long_message(limits.max_document_chars))
        doc.source = doc.origin = source
        doc.in_folder = isinstance(item, SourceFile) and item.in_folder
        return [doc]
    except (TooLarge, containers.Refused) as exc:
        return [ReadError(source, str(exc), code="too_large")]
    except (ReadFailure, containers.Damaged) as exc:
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
        raise ReadFailure("无法识别的文本编码（支持 UTF-8、GB18030） / unknown text encoding "
                          "(UTF-8, UTF-8 with BOM and GB18030 are supported)") from None


# characters that show nothing: controls, format characters (zero-width, bidi), separators, fillers
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cn", "Co", "Cs"})
_FILLERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def has_visible_text(text: str) -> bool:
    """True when ``text`` has at least one character that shows (not only NULs, zero-width or spaces)."""
    return any(not ch.isspace() and ch not in _FILLERS and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
               for ch in text)


# control characters other than \t \n \f \r; characters outside ASCII, CJK, CJK punctuation, full-width forms and
# the quotes and dashes of Chinese text (regexes: a per-character loop cost ~0.3 ms per write-up)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_ODD = re.compile("[^\x00-\x7f\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…·《》〈〉【】]")


def _check_text(text: str) -> str:
    sample = text[:20000]
    if not has_visible_text(text):
        raise ReadFailure("文件没有可见的文字 / file has no visible text")
    control = len(_CONTROL.findall(sample))
    if control > max(8, len(sample) // 50):
        raise ReadFailure("文本中控制字符过多，可能是二进制或编码错误 / too many control characters (binary?)")
    # GB18030 decodes almost any byte soup; real Chinese text is mostly CJK, ASCII and punctuation.
    odd = len(_ODD.findall(sample))
    if odd > max(40, len(sample) // 5):
        raise ReadFailure("文本像是乱码（编码不符或混合编码） / text looks garbled (wrong or mixed encoding)")
    return text


# --- text, Markdown, front matter -------------------------------------------------------------------

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def read_text(text: str, source: str, *, fmt: str = "txt") -> RawDoc:
    doc = RawDoc(source=source, text=text, fmt=fmt)
    m = _FRONT.match(text)
    if m:
        doc.text = text[m.end():]
        try:
            meta = safe_load(m.group(1))   # (libyaml, the pure loader for what it refuses)
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
    if not has_visible_text(doc.text):
        raise ReadFailure("只有元数据，没有正文 / front matter but no body text")
    return doc


def _labelled_meta(text: str) -> tuple[dict[str, Any], str]:
    """Leading lines such as "单位：…" / "地区：…" (Word exports, briefings) as metadata. A label line that runs on
    into the write-up ("来源：和田（2023年5月15日）　策勒县有个…协会，……。") gives the label its first part and keeps
    the rest as text; one that cannot be split that way is text, not metadata: nothing of the write-up is dropped."""
    meta: dict[str, Any] = {}
    lines = text.splitlines()
    kept: list[str] = []
    consumed = 0
    seen_content = False
    for i, line in enumerate(lines[:16]):
        s = line.strip().lstrip("#").strip()
        m = re.match(r"^([\u4e00-\u9fff]{2,3})[：:]\s*(.+)$", s)
        label = m and m.group(1) in _LABELLED_META and len(m.group(2)) <= (300 if m.group(1) in ("来源", "出处") else 80)
        value, rest = (_label_value(m.group(2).strip()) if label else (None, ""))
        if label and value:
            meta.setdefault(_LABELLED_META[m.group(1)], value)
            if rest:
                kept.append(rest)
            consumed = i + 1
            continue
        if s and meta:
            break
        kept.append(line)
        consumed = i + 1
        if s:
            if seen_content:
                break
            seen_content = True  # a title line may precede the labelled block
    if not meta:
        return {}, text
    return meta, "\n".join(kept + lines[consumed:])


# a full stop: a label's value holding one has run on into the write-up (titles in a source line may end in ！ or !)
_SENTENCE_END = re.compile(r"。")


def _label_value(value: str) -> tuple[str | None, str]:
    """(the label's value, the text that follows it on its line); (None, "") when the line is text. A value is
    cut from the text at the first run of spaces ("来源：和田（2023年5月15日）　策勒县有个…")."""
    gap = re.search(r"[ \t\u3000]+", value)
    if gap and _SENTENCE_END.search(value, gap.end()) and not _SENTENCE_END.search(value, 0, gap.start()):
        return value[:gap.start()], value[gap.end():]
    if _SENTENCE_END.search(value.rstrip("。 ")):
        return None, ""             # sentences: the write-up itself
    return value, ""                # one value, perhaps ending in a full stop ("单位：某社区党委。")


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
_DATE_LABEL = re.compile(r"(?:发布|发表|刊发|更新|来源)?(?:时间|日期)[：:]\s*")


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
            date = re.search(r"(19|20)\d{2}[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?", text)
            rest = _URL.sub("", text)
            for m in (title, date):
                if m:
                    rest = rest.replace(m.group(0), "")
            # a page's own line "来源：齐鲁晚报　　发布时间：2024年05月17日": the date's label is no part of the publication
            rest = _DATE_LABEL.sub("", rest).strip(" \u3000\t")
            rest = re.split(r"[ \t\u3000]{2,}", rest)[0] if rest else rest
            src = {"publication": rest.strip(" \u3000，,;；：:")[:300] or None, "date": date.group(0) if date else None,
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

def read_docx(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> RawDoc:
    containers.check_zip(path, limits)      # sizes, ratio, lying parts and DTDs: before python-docx parses
    try:
        import docx  # python-docx
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several unrelated types for broken packages
        raise ReadFailure(f"无法打开 Word 文件：{type(exc).__name__} / cannot open .docx") from exc
    lines: list[str] = []
    chars = 0

    def add(line: str) -> None:
        nonlocal chars
        chars += len(line) + 1
        if chars > limits.max_document_chars:
            raise TooLarge(containers.too_long_message(limits.max_document_chars))
        lines.append(line)

    from docx.text.paragraph import Paragraph
    # style names looked up once: Paragraph.style searches every style for the default on each call
    # (2 ms a paragraph; a 20,000-paragraph file took 50 s)
    style_names = {s.style_id: (s.name or "").lower() for s in document.styles}
    for p in document.element.body.p_lst:
        text = Paragraph(p, document).text.strip()
        if not text:
            continue
        style = style_names.get(p.style, "") if p.style else ""
        if style.startswith("heading") or style.startswith("title") or style.startswith("标题"):
            level = re.search(r"\d", style)
            add("#" * (int(level.group(0)) + 1 if level else 1) + " " + text)
        else:
            add(text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                add("：".join(cells) if len(cells) == 2 else " ".join(cells))
    if not lines:
        raise ReadFailure("Word 文件没有文字 / .docx has no text")
    return read_text("\n".join(lines), str(path.name), fmt="docx")


def read_pdf(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> RawDoc:
    try:
        pages = containers.pdf_pages(path, limits)
    except (containers.Refused, containers.Damaged):
        raise
    except Exception as exc:  # pypdf raises many types for damaged files
        raise ReadFailure(f"无法读取 PDF：{type(exc).__name__} / cannot read PDF") from exc
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < 20:
        raise ReadFailure("PDF 没有文字层（可能是扫描件），请先做 OCR / PDF has no text layer (scanned?); "
                          "run OCR first")
    # PDF text layers break lines mid-sentence: a line that fills the width and does not end a sentence goes on in
    # the next one — unless that one starts a heading or a labelled line ("网址：…")
    joined = "\n".join(_join_wrapped(text.split("\n")))
    return read_text(joined, str(path.name), fmt="pdf")


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


def _split_message(message: str) -> tuple[str, str]:
    zh, _, en = message.partition(" / ")
    return zh, en or zh


def _jsonl_lines(data: bytes) -> Iterator[tuple[int, bytes | str]]:
    """(line number, raw line): bytes, each to be decoded alone — except in a UTF-16 file, whose lines
    cannot be cut as bytes (it is decoded whole; a BOM says it is UTF-16)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            yield from enumerate(data.decode("utf-16").splitlines(), start=1)
        except UnicodeDecodeError:
            raise ReadFailure("UTF-16 文件解码失败 / cannot decode the UTF-16 file") from None
        return
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    yield from enumerate((line.rstrip(b"\r") for line in data.split(b"\n")), start=1)


def read_jsonl_bytes(data: bytes, source: str, *, limits: Limits = DEFAULT_LIMITS) -> list[RawDoc | ReadError]:
    """One case per line. Each line is decoded on its own (UTF-8, else the same detection as files, the
    binary check on the line itself), so one bad line is reported with its number and the rest go in."""
    out: list[RawDoc | ReadError] = []
    for n, raw in _jsonl_lines(data):
        where = f"{source}#L{n}"
        if isinstance(raw, bytes):
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw)
            except ReadFailure as exc:
                zh, en = _split_message(str(exc))
                out.append(ReadError(where, f"第 {n} 行：{zh} / line {n}: {en}"))
                continue
        else:
            if not raw.strip():
                continue
            line = raw
        out.extend(_jsonl_doc(line, n, where, source, limits))
    if not out:
        out.append(ReadError(source, "JSONL 文件没有任何案例 / JSONL file holds no case"))
    return out


def _jsonl_doc(line: str, n: int, where: str, source: str, limits: Limits) -> list[RawDoc | ReadError]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return [ReadError(where, f"第 {n} 行不是合法 JSON：{exc.msg} / line {n} is not valid JSON")]
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not has_visible_text(obj["text"]):
        return [ReadError(where, f"第 {n} 行缺少 text 字段或正文没有可见文字 / line {n} has no \"text\" "
                                 f"with visible content")]
    if len(obj["text"]) > limits.max_document_chars:
        return [ReadError(where, f"第 {n} 行：{containers.too_long_message(limits.max_document_chars)}",
                          code="too_large")]
    doc = RawDoc(source=where, text=obj["text"], fmt="jsonl", origin=source)
    doc.meta = clean_meta({k: v for k, v in obj.items() if k != "text"}, doc.warnings)
    return [doc]


def read_all(paths: Iterable[str | Path | SourceFile | ReadError | Skipped], *, max_bytes: int | None = None,
             limits: Limits | None = None, follow_links: bool = False) -> Iterator[RawDoc | ReadError | Skipped]:
    """Every document under ``paths`` (files, folders, or what ``discover`` already found), in order."""
    for item in discover(paths, follow_links=follow_links):
        if isinstance(item, (ReadError, Skipped)):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes, limits=limits)

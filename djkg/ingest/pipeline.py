"""The ingest pipeline: read → normalise → sections → extract → link/build → store.

``ingest_paths`` is the one library call the CLI and the API both use. A file that fails is reported
and skipped; cases are written whole, a small batch per transaction, so an interruption loses at most
the batch being written (never part of a case), and re-running the same ingest is idempotent.

Corrections people made to a case (``corrections.py``) are re-applied to its new extraction just before the
batch is written, and the store checks in the write transaction that no correction arrived in between
(``CorrectionsChanged`` → the batch is rebuilt with it): a re-ingest never loses a correction. Every case the
batch inserts or changes gets an audit entry naming ``actor``.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..core.config import Limits
from ..graph.review import Commit, CorrectionsChanged
from ..graph.schema import CaseConflict, CaseGraph
from ..graph.store import GraphStore, StoreError
from .build import build
from .corrections import apply_all
from .extract import ExtractedCase, extract
from .identity import RunClaims
from .readers import RawDoc, ReadError, Skipped, discover, read_path
from .taxonomy import taxonomy


# a batch is rebuilt this often when corrections keep arriving while it is written (each retry reads them anew)
CORRECTION_RETRIES = 20
DEFAULT_ACTOR = "cli"
# ``--jobs`` left to choose: workers from this many files on (measured through the CLI on two cores: 20 files 1.3 s
# with one process and 2.3 s with two, 300 files 1.9 s and 2.5 s, 900 files 3.2 s and 3.4 s; BENCHMARKS.md)
PARALLEL_FROM_FILES = 1000
WRITE_BATCH = 128  # whole cases per write transaction (amortises commit and FTS merge; 32 -> 128: -18% write time)


@dataclass
class ItemResult:
    source: str
    case: ExtractedCase | None = None
    status: str = ""          # inserted / updated / unchanged / dry-run / failed / skipped
    error: str | None = None
    code: str = ""            # why it failed or was skipped: unreadable / too_large / outside / conflict /
                              # extraction / write / not_a_write_up / table / not_a_case
    reason: str | None = None  # why a file in a folder was skipped (not a write-up)

    def to_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"source": self.source, "error": self.error}
        if self.status == "skipped":
            return {"source": self.source, "skipped": self.reason, "code": self.code}
        assert self.case is not None
        return self.case.to_dict()


@dataclass
class IngestReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: int = 0
    dry_run: int = 0
    skipped: int = 0
    items: list[ItemResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed, "warnings": self.warnings, "dry_run": self.dry_run, "skipped": self.skipped}


def prepare_doc(doc: RawDoc) -> tuple[ItemResult, CaseGraph | None]:
    """Extract and build one document; a failure is a reported item, never an exception. A file found in a
    folder that is a table, or in which nothing of a case is found, is skipped with the reason; named on its
    own it goes in, flagged (``not_a_case``)."""
    if doc.in_folder and is_table(doc.text):
        return ItemResult(doc.source, status="skipped", code="table",
                          reason="表格，不是案例材料（直接指定该文件可导入） / a table, not a write-up (name it to ingest it)"), None
    try:
        case = extract(doc)
        if doc.in_folder and "not_a_case" in case.flags:
            return ItemResult(doc.source, case, status="skipped", code="not_a_case",
                              reason="没有找到地区、领域、问题或做法，不像案例材料（直接指定该文件可导入）"
                                     " / no region, field, problem or measure found (name it to ingest it)"), None
        graph = build(case)
    except Exception as exc:  # one bad document must not stop the batch; the error is reported
        return ItemResult(doc.source, status="failed", code="extraction",
                          error=f"抽取失败：{type(exc).__name__}: {exc} / extraction failed"), None
    return ItemResult(doc.source, case, "dry-run"), graph


def is_table(text: str) -> bool:
    """Most lines are rows of a table (Markdown pipes or tab-separated columns): a list, not a write-up."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 3:
        return False
    rows = sum(1 for ln in lines if ln.count("|") >= 2 or ln.count("\t") >= 2)
    return rows / len(lines) >= 0.6


def process_doc(doc: RawDoc, store: GraphStore | None, *, dry_run: bool, actor: str = DEFAULT_ACTOR) -> ItemResult:
    item, graph = prepare_doc(doc)
    if graph is None or dry_run or store is None:
        return item
    write_batch([(item, graph)], store, actor=actor)
    return item


def _refuse(item: ItemResult, exc: CaseConflict | str) -> None:
    item.status, item.error, item.code = "failed", str(exc), "conflict"


def write_batch(batch: list[tuple[ItemResult, CaseGraph]], store: GraphStore, *, actor: str = DEFAULT_ACTOR) -> None:
    """Write whole cases, ``WRITE_BATCH`` per transaction (the store never holds part of a case), with their
    corrections re-applied. If the batch is refused, each case is retried alone so one bad case cannot take
    the others down (a case that would overwrite a different document is refused: ``CaseConflict``)."""
    if not batch:
        return
    batch = _keep_stored_ids(batch, store)
    try:
        _commit_corrected(batch, store, actor)
        return
    except StoreError:
        raise
    except Exception:  # e.g. a SchemaError in one case: find it, keep the rest
        pass
    for one in batch:
        item = one[0]
        try:
            _commit_corrected([one], store, actor)
        except StoreError:
            raise
        except CaseConflict as exc:
            _refuse(item, exc)
        except Exception as exc:
            item.status, item.error = "failed", f"写入失败：{type(exc).__name__}: {exc} / write failed"
            item.code = "write"


def _keep_stored_ids(batch: list[tuple[ItemResult, CaseGraph]],
                     store: GraphStore) -> list[tuple[ItemResult, CaseGraph]]:
    """A document the store already holds under another case id — the same file (origin) with the same text —
    keeps that id. A case id without front matter derives from the title and the unit (``identity.assign``),
    which extraction keeps improving: re-ingesting a folder after an upgrade must update its cases (with their
    corrections and their audit trail), never add a second case beside each. A changed text is a new version of
    the document and is named as this extractor names it (the same file with an edited body keeps its id only
    while its title stays: ``identity``)."""
    def document(item: ItemResult) -> tuple[str, str] | None:
        ident = item.case.identity if item.case is not None else {}
        if ident.get("basis") == "id" or not ident.get("origin") or not ident.get("digest"):
            return None   # an id the author gave, or a text from the API: named as given
        return ident["digest"], ident["origin"]

    docs = [document(item) for item, _ in batch]
    if not any(docs):
        return batch
    stored = store.documents([doc[0] for doc in docs if doc])
    out = []
    for (item, graph), doc in zip(batch, docs):
        held = [cid for cid, origin in stored.get(doc[0], ()) if origin == doc[1]] if doc else []
        if held and item.case.id not in held:
            item.case.id = held[0]
            graph = build(item.case)
        out.append((item, graph))
    return out


def _commit_corrected(batch: list[tuple[ItemResult, CaseGraph]], store: GraphStore, actor: str) -> None:
    """One transaction for the batch, each case with the corrections stored for it at that moment."""
    ids = [item.case.id for item, _ in batch if item.case is not None]
    for _ in range(CORRECTION_RETRIES):
        found = store.corrections(ids)
        cases, graphs = [], []
        for item, graph in batch:
            changes = [k.change for k in found.get(item.case.id, [])] if item.case is not None else []
            case = apply_all(item.case, changes) if changes else item.case
            cases.append(case)
            graphs.append(build(case) if changes else graph)
        try:
            statuses = store.commit(Commit(graphs=graphs, corrections_seen={i: len(found.get(i, [])) for i in ids},
                                           audit_graphs=(actor, "ingest")))
        except CorrectionsChanged:
            continue   # a correction landed while this batch was built: build it again with it
        for (item, _), case, status in zip(batch, cases, statuses):
            item.case, item.status = case, status
        return
    raise RuntimeError("更正持续变化，未能写入 / corrections kept changing; batch not written")


def ingest_paths(paths: Iterable[str | Path], store: GraphStore | None, *, dry_run: bool = False,
                 max_bytes: int | None = None, limits: Limits | None = None, follow_links: bool = False,
                 on_item: Callable[[ItemResult], None] | None = None,
                 on_total: Callable[[int], None] | None = None, keep_items: bool = False,
                 batch_size: int = WRITE_BATCH, on_read: Callable[[str], None] | None = None,
                 jobs: int | None = 1, on_crash: Callable[[list[str]], None] | None = None,
                 actor: str = DEFAULT_ACTOR) -> IngestReport:
    """Ingest files and folders. ``follow_links`` reads symlinks that leave a folder (the CLI's
    --follow-symlinks; never the API). With ``jobs`` > 1, files are read and extracted by that many processes
    (this one and ``jobs`` − 1 workers, ``parallel.py``) and written here, in the same order and batches as with
    one: the result is identical. ``jobs`` None: the number of cores from ``PARALLEL_FROM_FILES`` files on, else 1."""
    taxonomy()  # load dictionaries once, before the first file
    files = list(discover(paths, follow_links=follow_links))
    if on_total:
        on_total(len(files))
    if jobs is None:   # starting workers costs ~1 s (their tables load once): it pays from ~1,000 files on
        from .parallel import default_jobs
        jobs = default_jobs() if len(files) >= PARALLEL_FROM_FILES else 1
    if jobs > 1 and len(files) > 1:
        from .parallel import prepare_files
        prepared = prepare_files(files, jobs=jobs, max_bytes=max_bytes, limits=limits, on_crash=on_crash,
                                 with_graph=store is not None and not dry_run)
    else:
        prepared = _prepare_each(doc for file in files for doc in read_file(file, max_bytes=max_bytes, limits=limits))
    return write_prepared(prepared, store, dry_run=dry_run, on_item=on_item, keep_items=keep_items,
                          batch_size=batch_size, on_read=on_read, actor=actor)


def read_file(file: Any, *, max_bytes: int | None = None,
              limits: Limits | None = None) -> list[RawDoc | ReadError | Skipped]:
    """The documents of one item ``discover`` found (what it already settled passes through)."""
    if isinstance(file, (ReadError, Skipped)):
        return [file]
    return read_path(file, max_bytes=max_bytes, limits=limits)


def prepare_any(doc: RawDoc | ReadError | Skipped) -> tuple[ItemResult, CaseGraph | None]:
    """``prepare_doc`` for a document, and the reported item for what could not be read or is not a write-up."""
    if isinstance(doc, ReadError):
        return ItemResult(doc.source, status="failed", error=doc.error, code=doc.code), None
    if isinstance(doc, Skipped):
        return ItemResult(doc.source, status="skipped", code=doc.code, reason=doc.reason), None
    return prepare_doc(doc)


def ingest_docs(docs: Iterable[RawDoc | ReadError | Skipped], store: GraphStore | None, *, dry_run: bool = False,
                on_item: Callable[[ItemResult], None] | None = None, keep_items: bool = True,
                batch_size: int = WRITE_BATCH, on_read: Callable[[str], None] | None = None,
                actor: str = DEFAULT_ACTOR) -> IngestReport:
    """Extract and write ``docs``; ``on_item`` gets each result once it is written (or failed), ``on_read``
    each document's source as soon as it is extracted (progress bars: writes come in batches). ``actor`` is
    who the audit trail names for the writes."""
    return write_prepared(_prepare_each(docs), store, dry_run=dry_run, on_item=on_item, keep_items=keep_items,
                          batch_size=batch_size, on_read=on_read, actor=actor)


def _prepare_each(docs: Iterable[RawDoc | ReadError | Skipped]) -> Iterator[tuple[ItemResult, CaseGraph | None]]:
    for doc in docs:
        yield prepare_any(doc)


def write_prepared(prepared: Iterable[tuple[ItemResult, CaseGraph | None]], store: GraphStore | None, *,
                   dry_run: bool = False, on_item: Callable[[ItemResult], None] | None = None,
                   keep_items: bool = True, batch_size: int = WRITE_BATCH,
                   on_read: Callable[[str], None] | None = None, actor: str = DEFAULT_ACTOR) -> IngestReport:
    """The single writer: extracted documents in order, whole cases ``batch_size`` per transaction; one case id
    per document in a run (``RunClaims``)."""
    report = IngestReport()
    pending: list[tuple[ItemResult, CaseGraph]] = []
    claims = RunClaims()   # one case id, one document per run

    def finish(item: ItemResult) -> None:
        _count(report, item, keep=keep_items)
        if on_item:
            on_item(item)

    def flush() -> None:
        write_batch(pending, store, actor=actor)
        for item, _ in pending:
            finish(item)
        pending.clear()

    # many transactions in a row: the store may put off its housekeeping (SQLite's log checkpoints) to the end
    with store.bulk_writes() if store is not None and not dry_run else nullcontext():
        for item, graph in prepared:
            if on_read:
                on_read(item.source)
            if item.status in ("failed", "skipped"):
                finish(item)
                continue
            refused = claims.claim(item.case.id, item.case.identity, item.source) if item.case else None
            if refused:
                _refuse(item, refused)
                graph = None
            if graph is None or dry_run or store is None:
                finish(item)
                continue
            pending.append((item, graph))
            if len(pending) >= batch_size:
                flush()
        if store is not None and not dry_run:
            flush()
    return report


def _count(report: IngestReport, item: ItemResult, *, keep: bool) -> None:
    if keep:
        report.items.append(item)
    if item.error is not None:
        report.failed += 1
        return
    if item.status == "skipped":
        report.skipped += 1
        return
    if item.case is not None and item.case.warnings:
        report.warnings += len(item.case.warnings)
    if item.status == "inserted":
        report.inserted += 1
    elif item.status == "updated":
        report.updated += 1
    elif item.status == "unchanged":
        report.unchanged += 1
    else:
        report.dry_run += 1

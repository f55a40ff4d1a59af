"""The ingest pipeline: read → normalise → sections → extract → link/build → store.

``ingest_paths`` is the one library call the CLI and the API both use. A file that fails is reported
and skipped; every case is written in its own transaction, so an interruption loses at most the case
being written, and re-running the same ingest is idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..graph.store import GraphStore
from .build import build
from .extract import ExtractedCase, extract
from .readers import DEFAULT_MAX_BYTES, RawDoc, ReadError, discover, read_path
from .taxonomy import taxonomy


@dataclass
class ItemResult:
    source: str
    case: ExtractedCase | None = None
    status: str = ""          # inserted / updated / unchanged / dry-run / failed
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        if self.error is not None:
            return {"source": self.source, "error": self.error}
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
    items: list[ItemResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> dict[str, int]:
        return {"inserted": self.inserted, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed, "warnings": self.warnings, "dry_run": self.dry_run}


def process_doc(doc: RawDoc, store: GraphStore | None, *, dry_run: bool) -> ItemResult:
    try:
        case = extract(doc)
        graph = build(case)
    except Exception as exc:  # one bad document must not stop the batch; the error is reported
        return ItemResult(doc.source, status="failed",
                          error=f"抽取失败：{type(exc).__name__}: {exc} / extraction failed")
    if dry_run or store is None:
        return ItemResult(doc.source, case, "dry-run")
    status = store.upsert_case(graph)
    return ItemResult(doc.source, case, status)


def ingest_paths(paths: Iterable[str | Path], store: GraphStore | None, *, dry_run: bool = False,
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 on_item: Callable[[ItemResult], None] | None = None,
                 on_total: Callable[[int], None] | None = None, keep_items: bool = False) -> IngestReport:
    taxonomy()  # load dictionaries once, before the first file
    files = list(discover(paths))
    if on_total:
        on_total(len(files))
    report = IngestReport()
    for f in files:
        docs = [f] if isinstance(f, ReadError) else read_path(f, max_bytes=max_bytes)
        for doc in docs:
            if isinstance(doc, ReadError):
                item = ItemResult(doc.source, status="failed", error=doc.error)
            else:
                item = process_doc(doc, store, dry_run=dry_run)
            _count(report, item, keep=keep_items)
            if on_item:
                on_item(item)
    return report


def ingest_docs(docs: Iterable[RawDoc], store: GraphStore | None, *, dry_run: bool = False) -> IngestReport:
    report = IngestReport()
    for doc in docs:
        _count(report, process_doc(doc, store, dry_run=dry_run), keep=True)
    return report


def _count(report: IngestReport, item: ItemResult, *, keep: bool) -> None:
    if keep:
        report.items.append(item)
    if item.error is not None:
        report.failed += 1
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

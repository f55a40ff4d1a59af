"""Copy one store into another in batches of whole cases (idempotent: unchanged cases are skipped by hash), with
the corrections and the audit trail kept beside the cases (a later re-ingest into the target must find them)."""

from __future__ import annotations

import multiprocessing as mp
import pickle
import queue
import threading
from contextlib import closing
from typing import Callable, Iterator

from .review import Commit, dumps
from .schema import CaseGraph
from .store import GraphStore, StoredCase, StoreError

COPY_BATCH = 500   # whole cases per target transaction (200 -> 500: fewer statements per case, same memory class)
REVIEW_BATCH = 1000


def _batches(source: GraphStore, have: dict[str, str], batch: int,
             on_case: Callable[[], None] | None) -> Iterator[list[StoredCase]]:
    pending: list[StoredCase] = []
    for stored in source.iter_stored_cases():
        # the source's stored hash is the graph's content hash; an empty target needs no comparison at all
        if not have or have.get(stored.graph.id) != stored.hash:
            pending.append(stored)
            if len(pending) >= batch:
                yield pending
                pending = []
        if on_case:
            on_case()
    if pending:
        yield pending


Feed = Iterator[tuple[int, list]]   # (source cases read since the last batch, the next batch to write)


def _thread_feed(source: GraphStore, have: dict[str, str], batch: int, prepare: Callable | None) -> Feed:
    """Batches read, decoded (and encoded) in a thread of this process, two ahead of the writer."""
    ready: queue.Queue = queue.Queue(maxsize=2)
    done, stop = object(), threading.Event()
    read = [0]

    def count() -> None:
        read[0] += 1

    def produce() -> None:
        try:
            for b in _batches(source, have, batch, count):
                if stop.is_set():
                    return
                ready.put((read[0], prepare(b) if prepare else b))
        except BaseException as exc:  # handed to the writer, which raises it
            ready.put(exc)
            return
        ready.put(done)

    reader = threading.Thread(target=produce, name="djkg-copy-reader", daemon=True)
    reader.start()
    seen = 0
    try:
        while (item := ready.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item[0] - seen, item[1]
            seen = item[0]
        yield read[0] - seen, []
    finally:
        stop.set()
        while reader.is_alive():        # a failed write: let the reader finish its put and end
            try:
                ready.get(timeout=0.1)
            except queue.Empty:
                pass


def _read_sqlite(path: str, have: dict[str, str], batch: int, prepare: Callable | None, out) -> None:
    """In a child process: read a SQLite store's cases, send them in batches (encoded by ``prepare``)."""
    from .sqlite_store import SqliteStore
    try:
        source = SqliteStore(path, readonly=True)
        read = [0]

        def count() -> None:
            read[0] += 1
        for b in _batches(source, have, batch, count):
            out.put((read[0], prepare(b) if prepare else b))
            read[0] = 0
        out.put((read[0], None))
        source.close()
    except BaseException as exc:  # noqa: BLE001 - handed to the writer, which raises it
        try:
            pickle.dumps(exc)
        except Exception:  # noqa: BLE001 - an exception that cannot travel travels as its text
            exc = StoreError(f"读取源数据库失败：{exc!r} / reading the source store failed")
        out.put((0, exc))


def _process_feed(path: str, have: dict[str, str], batch: int, prepare: Callable | None) -> Feed:
    """Batches read, decoded and encoded in a child process (a thread of this one would hold the interpreter
    lock the writer needs between its round trips: measured, the two then hardly overlap). The child comes
    from a fork server (spawn where there is none), never a fork of this process and its driver."""
    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    out = ctx.Queue(maxsize=2)
    child = ctx.Process(target=_read_sqlite, args=(path, have, batch, prepare, out), name="djkg-copy-reader",
                        daemon=True)
    child.start()
    try:
        while True:
            try:
                n, item = out.get(timeout=1.0)
            except queue.Empty:
                if child.exitcode is not None:
                    raise StoreError("读取源数据库的进程意外退出 / the process reading the source store died")
                continue
            if isinstance(item, BaseException):
                raise item
            yield n, item if item is not None else []
            if item is None:
                return
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        out.close()


def copy_store(source: GraphStore, target: GraphStore, *, on_case: Callable[[], None] | None = None,
               batch: int = COPY_BATCH, verify: bool = True) -> dict:
    """Copy every case of ``source`` into ``target``. Reading and decoding the next batch (and, for a target that
    encodes its writes ahead, ``prepare_cases``: Neo4jStore) runs beside the writer, so that work overlaps the
    target server's: in a child process for a SQLite source, else in a thread. ``verify`` compares both stores'
    counts afterwards (a full pass over each; benchmarks time the copy without it)."""
    from .sqlite_store import SqliteStore
    have = target.case_hashes()
    prepare = getattr(target, "prepare_cases", None)
    write = target.upsert_prepared if prepare else (lambda b: target.upsert_cases([s.graph for s in b]))
    feed = (_process_feed(str(source.path), have, batch, prepare) if isinstance(source, SqliteStore)
            else _thread_feed(source, have, batch, prepare))
    with closing(feed), target.bulk_writes():
        for read, item in feed:
            if item:
                write(item)   # whole cases, one transaction per batch
            if on_case:
                for _ in range(read):
                    on_case()
        copy_review(source, target)
    # cases the target holds but the source does not are left alone: migration adds, it never deletes
    if not verify:
        return {}
    a, b = source.stats(), target.stats()
    return {"source": a, "target": b, "equal": a == b}


def copy_review(source: GraphStore, target: GraphStore) -> None:
    """Corrections and audit entries the target lacks, in the source's order and with their times."""
    have = {(k.case_id, k.at, k.actor, dumps(k.change)) for k in target.iter_corrections()}
    corrections = [k for k in source.iter_corrections() if (k.case_id, k.at, k.actor, dumps(k.change)) not in have]
    seen = {(e.at, e.actor, e.action, e.target) for e in target.iter_audit()}
    audit = [e for e in source.iter_audit() if (e.at, e.actor, e.action, e.target) not in seen]
    for i in range(0, max(len(corrections), len(audit)), REVIEW_BATCH):
        target.commit(Commit(corrections=corrections[i:i + REVIEW_BATCH], audit=audit[i:i + REVIEW_BATCH]))

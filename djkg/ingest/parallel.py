"""Parallel ingest: files are read, extracted and built in worker processes; the caller stays the single writer.

``prepare_files`` yields, for every file in the order given, what ``pipeline.prepare_doc`` would have made of
each of its documents, so the writer (``pipeline.write_prepared``) sees exactly the stream ``--jobs 1`` sees:
same items, same order, same batches, same store. The design:

- Workers come from a ``forkserver`` context (``spawn`` where there is none), never a bare ``fork`` of a
  process that may hold threads, open stores or a Neo4j driver. Each loads the taxonomy and the gazetteer once,
  in its initialiser, and keeps them for every file it is given.
- ``--jobs N`` is N processes: this one and N − 1 workers. Files go out in chunks (a task per file would cost
  as much in messaging as a short write-up costs to extract), enough of them to keep the workers busy while the
  writer commits a batch; whenever the next result in order is not ready, this process extracts plain-text files
  itself (the next not handed out, or a chunk no worker has started yet) instead of waiting. On two cores that
  is two busy processes instead of three (two workers beside the writer left the writer, the serial stage, two
  thirds of a core): 9–20% more cases per second, measured alternately (BENCHMARKS.md). Word and PDF files are
  read only in workers, so a file that crashes its reader still costs one worker, not the run.
- Results travel as plain tuples (a CaseGraph's nodes and edges rebuilt here: unpickling dataclasses costs
  3× more) with the graph's encoding made in the worker (its version, JSON text and props: the writer, the one
  serial stage, no longer encodes them; +0.01–0.07 on ``jobs_ratio_vs_segmentation``, BENCHMARKS.md), and without
  the graph in a dry run, through a file per task in a spool folder of the run: only the
  file's name goes through the pool's pipe (``spooled``), so a worker killed mid-message cannot hang the run.
- A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool: the files that were in
  flight are retried one at a time in a one-worker pool. A file that kills that worker too is reported as
  failed; the others go in as usual, and ``on_crash`` is told which files were interrupted. Cases already
  committed are never touched, and nothing after the crash is lost. Then a full pool takes over again.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import shutil
import tempfile
import uuid
from importlib import import_module
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..graph.schema import CaseGraph, Edge, Node
from ..graph.serialize import Encoded, encode

CHUNK_FILES = 8          # files per task
IN_FLIGHT_FILES = 384    # files submitted ahead of the writer: about three write batches of one-case files
# chunks queued per worker while this process helps: a worker must not run dry while a batch commits here
# (128 cases, ~0.1 s of writes ≈ 10 chunks of extraction)
WORKER_AHEAD_CHUNKS = 12
# files this process takes at a time: few, so that the writer is back soon when the next result comes in
LOCAL_FILES = 2
PLAIN_TEXT = (".md", ".markdown", ".txt", ".jsonl")    # the formats this process reads itself (``_plain_text``)

Prepared = tuple[Any, CaseGraph | None]     # (pipeline.ItemResult, its graph or None)
WorkFn = Callable[[list[Any], int, bool], list[list[tuple]]]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _context() -> mp.context.BaseContext:
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    # the fork server loads the tables once; workers forked from it start warm (~0.7 s saved per worker)
    ctx.set_forkserver_preload(["djkg.ingest.warm"])
    return ctx


# --- in the worker ----------------------------------------------------------------------------------------

def _warm_up() -> None:
    """Load the taxonomy automaton, the gazetteer and the cue tables once per worker, not per file (a no-op in a
    worker forked from a preloaded fork server; the work itself under ``spawn``)."""
    import_module(".warm", __package__)   # importing it is the warm-up


def _graph_tuples(graph: CaseGraph) -> tuple:
    """A graph for the trip to the writer, with its encoding made here (``serialize.encode``): the writer is the
    one serial stage of a parallel ingest, and encoding a case's JSON was a sixth of its work."""
    enc = encode(graph)
    return ([(n.id, n.label, n.props) for n in graph.all_nodes()],
            [(e.src, e.type, e.dst, e.props) for e in graph.edges],
            (enc.digest, enc.text, enc.node_props, enc.edge_props))


def _graph_from_tuples(data: tuple) -> CaseGraph:
    nodes = [Node(*n) for n in data[0]]
    return CaseGraph(case=nodes[0], nodes=nodes[1:], edges=[Edge(*e) for e in data[1]], encoded=Encoded(*data[2]))


def extract_files(files: list[Any], max_bytes: int | None, with_graph: bool,
                  limits: Any = None) -> list[list[tuple]]:
    """Worker task: for each file, its documents as ``(source, case, error, graph tuples, status, code,
    reason)``. Never raises for one file: an unexpected error becomes that file's failure."""
    from .pipeline import prepare_any, read_file
    out: list[list[tuple]] = []
    for f in files:
        try:
            results = []
            for doc in read_file(f, max_bytes=max_bytes, limits=limits):
                item, graph = prepare_any(doc)
                results.append((item.source, item.case, item.error,
                                _graph_tuples(graph) if with_graph and graph is not None else None,
                                item.status, item.code, item.reason))
            out.append(results)
        except Exception as exc:  # a bug must cost one file, not the run
            out.append([(str(getattr(f, "source", f)), None, f"处理失败：{type(exc).__name__}: {exc} / processing failed",
                         None, "failed", "extraction", None)])
    return out


def spooled(work: WorkFn, spool: str, files: list[Any], max_bytes: int | None, with_graph: bool) -> str:
    """Worker task around ``work``: its results go to a file of their own in ``spool`` and only the file's name
    travels back. A result message of a few hundred bytes is written to the pipe in one piece (atomic below
    PIPE_BUF); a worker killed while writing a large one left half a message that the pool's reader then waited
    on for ever (seen in the SIGKILL test) — a half-written file is simply never read."""
    out = work(files, max_bytes, with_graph)
    path = os.path.join(spool, uuid.uuid4().hex)
    with open(path, "wb") as fh:
        pickle.dump(out, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return path


# --- in the writer's process ------------------------------------------------------------------------------

def _unspool(path: str) -> list[list[tuple]]:
    with open(path, "rb") as fh:
        out = pickle.load(fh)
    os.unlink(path)
    return out


def _results(future: Future, here: bool) -> list[list[tuple]]:
    """A chunk's results: held by the future when this process extracted it, else read from the worker's file."""
    return future.result() if here else _unspool(future.result())


def _items(results: list[tuple]) -> Iterator[Prepared]:
    from .pipeline import ItemResult
    for source, case, error, graph, *rest in results:
        status, code, reason = (rest + ["", "", None])[:3] if rest else ("", "", None)
        if error is not None:
            yield ItemResult(source, status="failed", error=error, code=code or "extraction"), None
        elif status == "skipped":
            yield ItemResult(source, case, status="skipped", code=code, reason=reason), None
        else:
            yield ItemResult(source, case, "dry-run"), (_graph_from_tuples(graph) if graph is not None else None)


def _settle(future: Future, f: Any) -> list[tuple]:
    """The results of a one-file task, or that file's failure if the task raised (a dead worker still raises
    BrokenProcessPool)."""
    try:
        return _unspool(future.result())[0]
    except BrokenProcessPool:
        raise
    except Exception as exc:
        return [(str(getattr(f, "source", f)), None, f"处理失败：{type(exc).__name__}: {exc} / processing failed", None)]


def _crashed(f: Any) -> list[tuple]:
    return [(str(getattr(f, "source", f)), None,
             "处理此文件时工作进程意外退出（可能是内存不足或文件触发了崩溃）/ the worker process died on this file", None)]


def prepare_files(files: Iterable[Any], *, jobs: int, max_bytes: int | None, with_graph: bool = True,
                  on_crash: Callable[[list[str]], None] | None = None, limits: Any = None,
                  work: WorkFn = extract_files, help_locally: bool | None = None) -> Iterator[Prepared]:
    """``(ItemResult, CaseGraph | None)`` for every document of ``files``, in order, extracted by ``jobs``
    processes: this one and ``jobs`` − 1 workers. Workers are kept a few chunks ahead; whenever the next result in
    order is not ready, this process extracts the next chunk itself (written in its turn) instead of waiting. On
    two cores that is two busy processes; two workers beside the writer were three, and fair scheduling left the
    writer — the one serial stage — two thirds of a core. ``work`` is the worker task (tests pass one that really
    crashes; such a task runs only in workers: ``help_locally`` False, ``jobs`` workers)."""
    if help_locally is None:
        help_locally = work is extract_files
    local = partial(extract_files, limits=limits) if limits is not None else extract_files
    if limits is not None:   # the run's size limits travel with each task (a module-level partial pickles)
        work = partial(work, limits=limits)
    spool = tempfile.mkdtemp(prefix="djkg-ingest-")
    work = partial(spooled, work, spool)
    ctx = _context()
    pending: deque[tuple[list[Any], Future, bool]] = deque()     # (files, result, extracted here)
    source = iter(files)
    workers = max(1, jobs - 1) if help_locally else jobs
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up)
    max_chunks = max(2 * jobs, IN_FLIGHT_FILES // CHUNK_FILES)
    ahead = min(max_chunks, WORKER_AHEAD_CHUNKS * workers) if help_locally else max_chunks
    in_flight = 0
    try:
        while True:
            while in_flight < ahead and len(pending) < max_chunks:
                chunk = [f for _, f in zip(range(CHUNK_FILES), source)]
                if not chunk:
                    break
                pending.append((chunk, _submit(pool, work, chunk, max_bytes, with_graph), False))
                in_flight += 1
                if _broke(pending[-1][1]):
                    break           # no more tasks for a dead pool; what it held is settled below
            if not pending:
                return
            if help_locally and not pending[0][1].done():
                # the next chunk not handed out, or else the last one handed out that no worker has started
                # (a cancelled task never runs), is extracted here and written in its turn
                chunk = [f for _, f in zip(range(LOCAL_FILES), source)] if len(pending) < max_chunks else []
                if chunk and not all(map(_plain_text, chunk)):     # a worker's, after all
                    pending.append((chunk, _submit(pool, work, chunk, max_bytes, with_graph), False))
                    in_flight += 1
                    continue
                at = len(pending)
                if not chunk:
                    at = next((i for i in range(len(pending) - 1, 0, -1) if not pending[i][2]
                               and all(map(_plain_text, pending[i][0])) and pending[i][1].cancel()), 0)
                    if at:
                        chunk = pending[at][0]
                        in_flight -= 1
                if chunk:
                    done: Future = Future()
                    done.set_result(local(chunk, max_bytes, with_graph))
                    if at == len(pending):
                        pending.append((chunk, done, True))
                    else:
                        pending[at] = (chunk, done, True)
                    continue
            chunk, future, here = pending.popleft()
            in_flight -= not here
            try:
                per_file = _results(future, here)
            except BrokenProcessPool:
                # the pool is gone with every chunk it held: settle them in order, one file at a time
                pool.shutdown(wait=True, cancel_futures=True)
                lost = [(chunk, future, here), *pending]
                pending.clear()
                in_flight = 0
                if on_crash:
                    on_crash([str(getattr(f, "source", f)) for c, fut, _ in lost if not _finished(fut) for f in c])
                retry = _one_by_one([f for c, fut, _ in lost if not _finished(fut) for f in c],
                                    ctx, work, max_bytes, with_graph)
                for c, fut, mine in lost:
                    for r in (_results(fut, mine) if _finished(fut) else (next(retry) for _ in c)):
                        yield from _items(r)
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_up)
                continue
            except Exception:  # the task itself raised (a result that cannot be sent back …): find the file
                per_file = [_settle(pool.submit(work, [f], max_bytes, with_graph), f) for f in chunk]
            for r in per_file:
                yield from _items(r)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(spool, ignore_errors=True)


def _plain_text(f: Any) -> bool:
    """Whether this process may read ``f`` itself: plain text is read by Python alone; a Word or PDF file goes
    through C extensions (lxml …), and a file that kills the process reading it must kill a worker, not the run."""
    path = getattr(f, "path", None)
    return path is None or Path(path).suffix.lower() in PLAIN_TEXT


def _submit(pool: ProcessPoolExecutor, work: WorkFn, chunk: list[Any], max_bytes: int, with_graph: bool) -> Future:
    """A task for ``chunk``; if the pool has just broken, a future holding that error (settled like the rest)."""
    try:
        return pool.submit(work, chunk, max_bytes, with_graph)
    except BrokenProcessPool as exc:
        future: Future = Future()
        future.set_exception(exc)
        return future


def _broke(future: Future) -> bool:
    return future.done() and not future.cancelled() and isinstance(future.exception(), BrokenProcessPool)


def _finished(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _one_by_one(files: list[Any], ctx: mp.context.BaseContext, work: WorkFn, max_bytes: int,
                with_graph: bool) -> Iterator[list[tuple]]:
    """Each file's results from a one-worker pool, one file in flight at a time, so a worker that dies names
    the file that killed it (reported as failed; a fresh worker takes the next file)."""
    single: ProcessPoolExecutor | None = None
    try:
        for f in files:
            if single is None:
                single = ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_warm_up)
            try:
                yield _settle(single.submit(work, [f], max_bytes, with_graph), f)
            except BrokenProcessPool:
                single.shutdown(wait=True)
                single = None
                yield _crashed(f)
    finally:
        if single is not None:
            single.shutdown(wait=True)

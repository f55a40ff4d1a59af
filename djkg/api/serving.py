"""Several server processes on one port, with new connections spread over them by the kernel.

``uvicorn --workers N`` shares one listening socket: every worker waits on it, and the first to wake accepts all
pending connections at once. A client that opens its keep-alive connections together (a reverse proxy's pool, a load
test) can land every one of them on one worker, which then serves alone while the others idle. Measured with
``serve --workers 2`` and 8 connections: 740 recommendations/s with one worker at 8.0 s of CPU and the other at
0.1 s, against 1,400–1,600/s when the connections split (BENCHMARKS.md, "Connections spread over the workers").

Here each worker binds its own socket with ``SO_REUSEPORT`` and Linux hashes each new connection to one of them
(sockets of the same user only, so another user cannot join the group). Where the option does not exist the
caller falls back to uvicorn's shared socket. The supervisor restarts a worker that dies, at most once a second,
gives up (``WorkersFailed``) when workers keep exiting right after they start — a store that cannot be opened must
not become an endless loop of tracebacks — and stops them all on SIGINT or SIGTERM (uvicorn's graceful shutdown
in each).
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import time
from multiprocessing.connection import wait
from typing import Any

RESTART_PAUSE_S = 1.0
STOP_TIMEOUT_S = 30.0
EARLY_EXIT_S = 15.0      # a worker gone this soon after its start did not start at all (a store it cannot open …)
EARLY_EXITS_ALLOWED = 3  # so many in a row and the server gives up instead of restarting forever


class WorkersFailed(RuntimeError):
    """The workers keep exiting right after they start: nothing would ever answer."""


def spreads_connections() -> bool:
    """Whether the kernel balances connections over sockets bound to one port (Linux; elsewhere the option, where
    it exists, does not balance)."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _address(host: str, port: int) -> tuple[int, Any]:
    family, _, _, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    return family, addr


def _socket(host: str, port: int) -> socket.socket:
    family, addr = _address(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(addr)
    return sock


def check_port(host: str, port: int) -> None:
    """Raise OSError now, in the caller's process, when the port cannot be bound (taken by another program)."""
    _socket(host, port).close()


def _worker(factory: str, host: str, port: int, log_level: str) -> None:
    import uvicorn
    sock = _socket(host, port)
    sock.listen(2048)
    server = uvicorn.Server(uvicorn.Config(factory, factory=True, log_level=log_level))
    server.run(sockets=[sock])


def serve_processes(factory: str, *, host: str, port: int, workers: int, log_level: str = "warning") -> None:
    """Run ``workers`` server processes of the app made by ``factory`` ("module:function") until stopped."""
    check_port(host, port)
    ctx = multiprocessing.get_context("spawn")   # a clean interpreter per worker: no threads or handles inherited

    started: dict[int, float] = {}

    def start() -> Any:
        proc = ctx.Process(target=_worker, args=(factory, host, port, log_level), daemon=False)
        proc.start()
        started[id(proc)] = time.monotonic()
        return proc

    stopping = False

    def stop(signum, frame) -> None:   # noqa: ARG001 - signal handler signature
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    procs = [start() for _ in range(workers)]
    early_exits = 0
    try:
        while not stopping:
            wait([p.sentinel for p in procs], timeout=0.5)
            for i, proc in enumerate(procs):
                if proc.is_alive() or stopping:
                    continue
                early = time.monotonic() - started.pop(id(proc), 0.0) < EARLY_EXIT_S
                early_exits = early_exits + 1 if early else 0
                if early_exits >= EARLY_EXITS_ALLOWED:
                    raise WorkersFailed(f"{early_exits} worker processes exited right after starting")
                time.sleep(RESTART_PAUSE_S)   # a worker that cannot start must not spin
                procs[i] = start()
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for proc in procs:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)

"""``djkg serve --workers N`` runs N processes that each take their share of new connections (a client opening its
keep-alive connections together must not land them all on one worker), restarts a worker that dies, refuses a
taken port with a message, and stops every process on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from conftest import djkg_server_process, embedded_env
from loopback import free_port, wait_healthy


def _workers(server: subprocess.Popen) -> list[int]:
    kids = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [int(k) for k in kids if b"spawn_main" in _cmdline(int(k))]


def _cmdline(pid: int) -> bytes:
    """A process's command line; empty when it exited between being listed and being read (a short-lived helper
    the server starts, seen once in CI as FileNotFoundError)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def _started_workers(server: subprocess.Popen, port: int, n: int = 2) -> list[int]:
    """The workers once all ``n`` have started and each listens on its socket: the server answers as soon as the
    first worker is up, and on a loaded machine the second one may take a few seconds more (bounded wait)."""
    deadline = time.monotonic() + 60
    while True:
        workers = _workers(server)
        listening = _sockets_on(port, "0A")
        if len(workers) == n and all(_socket_inodes(pid) & listening for pid in workers):
            return workers
        if time.monotonic() > deadline:
            return workers
        time.sleep(0.1)


def _sockets_on(port: int, state: str) -> set[int]:
    """Inodes of the IPv4 sockets in ``state`` (01 established, 0A listening) whose local port is ``port``."""
    out = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == state and int(fields[1].split(":")[1], 16) == port:
            out.add(int(fields[9]))
    return out


def _socket_inodes(pid: int) -> set[int]:
    inodes = set()
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return inodes       # the process has gone since it was listed
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    return inodes


def test_connections_opened_together_are_spread_over_the_workers(tmp_path):
    with djkg_server_process(tmp_path / "var", workers=2) as (base, server):
        port = int(base.rsplit(":", 1)[1])
        workers = _started_workers(server, port)
        assert len(workers) == 2
        # each worker listens on a socket of its own (one shared socket lets the first worker to wake take every
        # pending connection): the kernel then hashes each new connection to one of them
        listening = _sockets_on(port, "0A")
        owned = [_socket_inodes(pid) & listening for pid in workers]
        assert len(listening) == 2 and all(len(o) == 1 for o in owned) and owned[0] != owned[1], (listening, owned)
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(32)]
        try:
            for c in clients:   # one request each, so that every connection has been accepted and answered
                c.sendall(b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
            for c in clients:
                assert c.recv(4096).startswith(b"HTTP/1.1 200")
            established = _sockets_on(port, "01")
            held = {pid: len(_socket_inodes(pid) & established) for pid in workers}
        finally:
            for c in clients:
                c.close()
    assert sum(held.values()) == 32, held
    # a fair split of 32 is 16/16; one worker holding 28 or more happens with p < 1e-5 when the kernel spreads them
    assert min(held.values()) >= 4, held


def test_a_worker_that_dies_is_replaced_and_sigterm_stops_them_all(tmp_path):
    with djkg_server_process(tmp_path / "var", workers=2) as (base, server):
        first = _started_workers(server, int(base.rsplit(":", 1)[1]))
        assert len(first) == 2
        os.kill(first[0], signal.SIGKILL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            now = _workers(server)
            if len(now) == 2 and first[0] not in now:
                break
            time.sleep(0.2)
        assert len(now) == 2 and first[0] not in now, now
        wait_healthy(base)
        assert httpx.get(base + "/healthz").status_code == 200
        workers = _workers(server)
    # the context manager sent SIGTERM and waited for the supervisor: no worker outlives it
    assert server.returncode is not None
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists() or b"zombie" in Path(f"/proc/{pid}/status").read_bytes().lower()


def test_a_taken_port_is_refused_with_a_message(tmp_path):
    port = free_port()
    holder = socket.socket()
    holder.bind(("127.0.0.1", port))
    holder.listen(1)
    try:
        run = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path / "var"), "serve",
                              "--port", str(port), "--workers", "2"], env=embedded_env(), capture_output=True,
                             text=True, timeout=60)
    finally:
        holder.close()
    assert run.returncode == 2, run.stderr
    assert "无法监听" in run.stderr and "cannot listen" in run.stderr


def test_workers_that_cannot_start_end_the_server_with_a_message(tmp_path):
    """A store that cannot be opened (Neo4j not listening) makes every worker exit at start: the server gives up
    with exit code 1 and says why, instead of restarting them forever."""
    dead = free_port()   # nothing listens there
    run = subprocess.run([sys.executable, "-m", "djkg.cli.main", "--data-dir", str(tmp_path / "var"),
                          "--neo4j-uri", f"bolt://127.0.0.1:{dead}", "serve", "--port", str(free_port()),
                          "--workers", "2"], env=embedded_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr[-2000:]
    assert "工作进程启动后立即退出" in run.stderr and "exit right after starting" in run.stderr

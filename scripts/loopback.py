"""Helpers for harnesses that start a real djkg server on 127.0.0.1 (tests and benchmarks share them)."""

from __future__ import annotations

import socket
import time

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, *, seconds: float = 90.0) -> None:
    """Return once ``base``/healthz answers 200; raise TimeoutError after ``seconds``. (A bound, not a speed check:
    the test suite runs a worker per core, and a server warming its index beside them took over 30 s once.)"""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{base} did not become healthy within {seconds:.0f} s")

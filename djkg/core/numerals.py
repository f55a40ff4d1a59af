"""Reading a number someone typed: ASCII digits only.

``str.isdigit()`` also accepts superscripts and other scripts' digits ("²", "٣"), which ``int()`` refuses or reads
as a number nobody meant; a year, a page or a code checked with it answered 500 (found by the API fuzzer)."""

from __future__ import annotations


def ascii_digits(text: str | None) -> bool:
    """Whether ``text`` is a non-empty run of the digits 0-9."""
    return bool(text) and text.isascii() and text.isdigit()

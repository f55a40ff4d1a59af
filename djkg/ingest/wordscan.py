"""Find every listed word in a text in one pass: the Aho–Corasick scans of extraction (taxonomy surfaces, place
names, cue words, problem anchors).

Backed by ``ahocorasick_rs`` (the Rust ``aho-corasick`` crate). ``pyahocorasick``, used before, walks a node's
children one by one, and the gazetteer's root has thousands of them (every first character of a place name): a
scan cost ~0.2 µs per character, 0.1 ms for an average write-up and four scans of it per document. The Rust
automaton scans the same text in ~9 µs with the same matches (BENCHMARKS.md, "Word scans").

``iter`` keeps the shape the callers were written for: ``(end, value)`` with ``end`` the index of the last
character, in order of ``end`` and, at one end, longest word first; overlapping matches all reported.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any, Generic, TypeVar

import ahocorasick_rs

V = TypeVar("V")
_BY_END_LONGEST_FIRST = itemgetter(2, 1)   # (end, start): a C key, not a lambda called per match


class WordScanner(Generic[V]):
    """An immutable automaton over ``words`` (word -> value); safe to share between threads."""

    __slots__ = ("_words", "_values", "_automaton")

    def __init__(self, words: dict[str, V]):
        self._words = [w for w in words if w]
        self._values = [words[w] for w in self._words]
        self._automaton: Any = ahocorasick_rs.AhoCorasick(
            self._words, matchkind=ahocorasick_rs.MATCHKIND_STANDARD) if self._words else None

    def __len__(self) -> int:
        return len(self._words)

    def iter(self, text: str) -> list[tuple[int, V]]:
        return _in_order(self._matches(text), self._values)

    def values_in(self, text: str) -> set[V]:
        """The distinct values of the words in ``text``, for a caller that needs neither where nor in what order:
        no sort and no pair per match (``iter`` pays both; a measure-model scan finds ~150 words in a write-up)."""
        return _values_of(self._matches(text), self._values)

    def values_and_where(self, text: str) -> tuple[set[V], Callable[[], list[tuple[int, V]]]]:
        """``values_in(text)``, and a function that gives ``iter(text)`` from the same scan: for a caller that needs
        where the words are only now and then (the measure model's evidence, one write-up in six)."""
        hits = self._matches(text)
        values = _values_of(hits, self._values)     # (before _in_order sorts the hits: the same set as values_in)
        return values, lambda: _in_order(hits, self._values)

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        if self._automaton is None or not text:
            return []
        return self._automaton.find_matches_as_indexes(text, overlapping=True)


def _in_order(hits: list[tuple[int, int, int]], values: list) -> list[tuple[int, Any]]:
    hits.sort(key=_BY_END_LONGEST_FIRST)   # by end, then the longest (earliest start) first
    return [(end - 1, values[i]) for i, _start, end in hits]


def _values_of(hits: list[tuple[int, int, int]], values: list) -> set:
    return {values[i] for i, _start, _end in hits}

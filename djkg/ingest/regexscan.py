"""Scan a text with a long alternation of organisation, place or cue words without trying every alternative at
every character.

Python's ``re`` skips ahead to the characters a pattern can begin with only when it can see them: when every
alternative starts with a literal or a class. ``units._ORG_RE`` and its kind start many alternatives with a
look-behind (``(?<![乡农渔牧])村``), so the engine tries all ~130 alternatives at each of a write-up's ~500
characters: 0.42 ms a document, a tenth of extraction. ``Prefiltered`` reads the pattern's possible first
characters from its parse tree once, jumps between them with a character class (a C loop) and tries the pattern
only there. The matches are the same as ``Pattern.finditer``'s (tests/test_regexscan.py checks them on every
shipped and gold text); a pattern whose first character cannot be bounded (``.``, a negated or wide class, a
pattern that can match the empty string, ``re.IGNORECASE``) is scanned by ``finditer`` itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as C   # noqa: N812 — the parser's opcodes
from re import _parser

# a class wider than this (a CJK range) would not narrow the scan: treat it as unbounded
_WIDEST_RANGE = 512


def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with, or None when they cannot be bounded."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    chars, nullable = _sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    return None if chars is None or nullable else frozenset(chars)


def _sequence(items: list) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return set(), True      # zero-width: the match begins with what follows
    if op is C.IN:
        return _class(av), False
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _sequence(list(branch))
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None, False
        return _sequence(list(sub))
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        chars, nullable = _sequence(list(sub))
        return chars, nullable or low == 0
    return None, False          # ., NOT_LITERAL, categories, back-references, conditionals


def _class(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None         # NEGATE, CATEGORY (\d, \w), a wide range
    return out


class Prefiltered:
    """``pattern`` with ``finditer`` that visits only the characters a match can begin with."""

    __slots__ = ("pattern", "_skip")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        chars = first_chars(pattern)
        self._skip = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") if chars else None

    def search(self, text: str) -> re.Match | None:
        """``pattern.search(text)``: the leftmost match is the first ``finditer`` meets."""
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self._skip is None:
            yield from self.pattern.finditer(text)
            return
        skip, match = self._skip.search, self.pattern.match
        pos = 0
        while (hit := skip(text, pos)) is not None:
            at = hit.start()
            m = match(text, at)
            if m is None:
                pos = at + 1
                continue
            yield m
            pos = m.end()       # never empty: a nullable pattern has no first characters

"""jieba's two big tables, loaded in a third of the time jieba takes: every process that segments pays for them
once at start (each ``djkg`` command, each server worker, the parallel ingest's fork server).

- The prefix dictionary. ``jieba.Tokenizer.initialize`` loads its cache file with ``marshal.load`` on the open
  file, which reads it in small pieces, object by object: 1.5 s for the default dictionary's 498,113 entries on
  this machine, against 0.4 s for ``marshal.loads`` of the same bytes read at once. ``initialise`` reads the file
  jieba would use, as jieba decides to use it, and leaves every other case to jieba (a tokenizer with a dictionary or
  cache file of its own, a missing or unreadable cache: jieba then builds the dictionary and writes the cache).
- The part-of-speech table. Importing ``jieba.posseg`` parses the 349,045 lines of jieba's dict.txt for each word's
  tag (0.57 s). ``posseg`` imports it with that table read from a cache of ours beside jieba's (0.2 s with the
  import; written the first time, keyed by the dictionary file's size and time and jieba's version).

Measured in BENCHMARKS.md (forty-ninth session); tests/test_start_up.py checks both tables equal jieba's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import os
import sys
import tempfile
import threading
from types import ModuleType
from typing import Any

_DEFAULT_CACHE = "jieba.cache"    # the name jieba gives the default dictionary's cache


def initialise(tokenizer: Any) -> None:
    """Initialise a ``jieba.Tokenizer`` exactly as its ``initialize()`` would, its cache read in one piece."""
    import jieba
    if tokenizer.initialized:
        return
    with tokenizer.lock:
        if tokenizer.initialized:
            return
        if tokenizer.dictionary == jieba.DEFAULT_DICT and not tokenizer.cache_file:
            loaded = _read_cache(os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), _DEFAULT_CACHE))
            if loaded is not None:
                tokenizer.FREQ, tokenizer.total = loaded
                tokenizer.initialized = True
                return
    tokenizer.initialize()


def _read_cache(path: str) -> tuple[dict[str, int], int] | None:
    """(word frequencies, their total) from a jieba cache file; None when there is none or it is not one."""
    try:
        with open(path, "rb") as f:
            freq, total = marshal.loads(f.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(freq, dict) or not freq or not isinstance(total, int) or total <= 0:
        return None
    return freq, total


# --- the part-of-speech table ------------------------------------------------------------------------------

_TAGS_FORMAT = 1        # bumped when the cache's layout changes
_posseg_lock = threading.Lock()


def posseg() -> ModuleType:
    """``jieba.posseg``, its word-tag table read from our cache when there is one (written when there is none).
    Every import of ``jieba.posseg`` in djkg goes through here."""
    module = sys.modules.get("jieba.posseg")
    if module is not None:
        return module
    with _posseg_lock:
        if "jieba.posseg" in sys.modules:
            return sys.modules["jieba.posseg"]
        import jieba
        path = _tags_cache_path() if jieba.dt.dictionary == jieba.DEFAULT_DICT else None
        table = _read_tags(path) if path else None
        if table is None:
            import jieba.posseg as module
            if path:
                _write_tags(path, module.dt.word_tag_tab)
            return module
        # posseg's default tagger parses the default tokenizer's dictionary file when the module is imported:
        # given an empty one for that moment, it parses nothing, and is given the cached table right after
        # (under the tokenizer's lock: a thread building jieba's dictionary meanwhile must read the real file)
        with jieba.dt.lock:
            jieba.dt.get_dict_file = io.BytesIO
            try:
                import jieba.posseg as module
            finally:
                del jieba.dt.get_dict_file
        module.dt.word_tag_tab = table
        return module


def _tags_cache_path() -> str | None:
    import jieba
    dictionary = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    try:
        st = os.stat(dictionary)
    except OSError:
        return None
    key = f"{_TAGS_FORMAT}|{jieba.__version__}|{dictionary}|{st.st_size}|{st.st_mtime_ns}"
    return os.path.join(tempfile.gettempdir(), f"djkg-jieba-tags.{hashlib.md5(key.encode()).hexdigest()}.cache")


def _read_tags(path: str) -> dict[str, str] | None:
    try:
        with open(path, "rb") as f:
            words, tag_of, tags = marshal.loads(f.read())
        words = words.split("\n")
        if not words or len(words) != len(tag_of):
            return None
        return dict(zip(words, [tags[i] for i in tag_of]))
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        return None


def _write_tags(path: str, table: dict[str, str]) -> None:
    """The table as its words joined by line ends, one byte per word for its tag and the tags themselves (a tag
    object per tag, not per word); written to a temporary file and moved into place, so a reader never sees half
    of it. Nothing is written when that cannot be done (a read-only temp folder, a word with a line end in it)."""
    tags = sorted(set(table.values()))
    if len(tags) > 256 or any("\n" in w for w in table):
        return
    index = {t: i for i, t in enumerate(tags)}
    data = marshal.dumps(("\n".join(table), bytes(index[t] for t in table.values()), tuple(tags)))
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".djkg-jieba-tags.")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

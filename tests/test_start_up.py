"""What a process loads at start, loaded faster and the same: jieba's tables read by ``djkg.ingest.jieba_tables``
are jieba's own (the prefix dictionary ``Tokenizer.initialize`` builds, the part-of-speech table importing
``jieba.posseg`` parses), and what a command does not use is not loaded (cn2an's patterns)."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import jieba
import pytest

from djkg.ingest.jieba_tables import initialise
from djkg.ingest.taxonomy import tokenizer


def _forbid_jiebas_own_load(t: jieba.Tokenizer) -> None:
    def refuse(*_a, **_k):
        raise AssertionError("jieba's own initialize() was called: the cache was not read in one piece")
    t.initialize = refuse


def test_the_prefix_dictionary_is_read_from_jiebas_cache_and_equals_jiebas_own_load():
    tokenizer()      # jieba's default tokenizer is loaded, so its cache file exists (jieba writes it the first time)
    fast = jieba.Tokenizer()
    _forbid_jiebas_own_load(fast)
    initialise(fast)
    own = jieba.Tokenizer()
    own.initialize()
    assert fast.initialized
    assert fast.total == own.total and fast.FREQ == own.FREQ
    assert len(fast.FREQ) > 300_000
    assert fast.lcut("村党支部领办合作社带动群众增收") == own.lcut("村党支部领办合作社带动群众增收")


def test_without_a_readable_cache_jieba_builds_the_dictionary_and_the_next_start_reads_what_it_wrote(tmp_path):
    (tmp_path / "jieba.cache").write_bytes(b"not a cache")     # a half-written or foreign file: jieba rebuilds it
    first = jieba.Tokenizer()
    first.tmp_dir = str(tmp_path)
    initialise(first)
    assert first.initialized and len(first.FREQ) > 300_000
    assert (tmp_path / "jieba.cache").stat().st_size > 1_000_000
    second = jieba.Tokenizer()
    second.tmp_dir = str(tmp_path)
    _forbid_jiebas_own_load(second)
    initialise(second)
    assert second.FREQ == first.FREQ and second.total == first.total


def test_a_tokenizer_with_a_dictionary_of_its_own_is_left_to_jieba(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("党支部 100 n\n合作社 80 n\n领办 50 v\n", encoding="utf-8")
    t = jieba.Tokenizer(str(words))
    t.tmp_dir = str(tmp_path)
    initialise(t)
    assert t.initialized and t.FREQ["党支部"] == 100 and t.total == 230


_CHILD = r"""
from djkg.ingest.jieba_tables import posseg
pseg = posseg()
import jieba
# jieba's own reading of its dictionary's tags, as importing jieba.posseg does it
own = {}
for line in jieba.dt.get_dict_file():
    word, _, tag = line.strip().decode("utf-8").split(" ")
    own[word] = tag
print(pseg.dt.word_tag_tab == own, len(pseg.dt.word_tag_tab), dict(pseg.cut("村党支部领办合作社"))["党支部"])
"""


def test_the_part_of_speech_table_is_jiebas_own_whether_parsed_or_read_from_our_cache(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}

    def start() -> list[str]:
        done = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.split()

    first = start()                       # the first start parses dict.txt as jieba does, and writes the cache
    assert first[0] == "True" and int(first[1]) > 300_000
    cache, = tmp_path.glob("djkg-jieba-tags.*.cache")
    written = cache.stat().st_mtime_ns
    assert start() == first               # the next start reads it: the same table, the same tags
    assert cache.stat().st_mtime_ns == written and not list(tmp_path.glob(".djkg-jieba-tags.*"))
    # … read, not parsed again: a table planted in the cache is the table the tagger has
    cache.write_bytes(marshal.dumps(("党支部\n合作社", bytes([1, 0]), ("n", "zz"))))
    assert start() == ["False", "2", "zz"]


def test_loading_the_lexicons_does_not_load_the_numeral_reader_until_a_numeral_is_read():
    """A command that reads the lexicons but no text (``djkg stats``, ``djkg keys list``) does not compile cn2an's
    patterns (~0.3 s); the first Chinese numeral normalised loads it and reads it as before."""
    child = ("import sys\n"
             "from djkg.ingest.taxonomy import taxonomy\n"
             "from djkg.ingest.normalise import normalise\n"
             "taxonomy()\n"
             "print('cn2an' in sys.modules)\n"
             "print(normalise('村集体收入三十五万元'))\n"
             "print('cn2an' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "村集体收入35万元", "True"]

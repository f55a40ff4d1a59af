"""The unit finder's shortcuts agree with the full reading on every gold and corpus text: ``_left_edge``'s early
exits find the same left edge for every organisation word, and a text the list word is missing from lists nothing."""

import inspect
import textwrap

from djkg.ingest import units

from conftest import gold_and_corpus_texts

# the early exits, removed from the function's source to rebuild the full reading they stand for
_EARLY_EXITS = (
    "    if not window:\n        return None",
)


def _full_reading():
    source = textwrap.dedent(inspect.getsource(units._left_edge))
    for lines in _EARLY_EXITS:
        assert lines in source, "an early exit the test knows of is gone: update _EARLY_EXITS"
        source = source.replace(lines, "")
    namespace = dict(vars(units))
    exec(compile(source, units.__file__, "exec"), namespace)   # noqa: S102 — the module's own source
    return namespace["_left_edge"]


def test_the_early_exits_find_the_left_edge_the_full_reading_finds_in_every_gold_and_corpus_text():
    full = _full_reading()
    texts = gold_and_corpus_texts(normalised=True)
    assert len(texts) > 1000
    tried = 0
    for text in texts:
        for m in units._ORG_SCAN.finditer(text[:4000]):
            assert units._left_edge(text, m.start(), m.end()) == full(text, m.start(), m.end()), \
                text[max(0, m.start() - 20):m.end()]
            tried += 1
    assert tried > 10000


def test_a_text_without_the_list_word_lists_no_organisation():
    # (rank_candidates asks _listed only of a text holding units._LIST_WORD)
    assert units._listed("下设4个党支部，分别是甲公司党支部", 12)
    for text in gold_and_corpus_texts(normalised=True):
        body = text[:4000]
        if units._LIST_WORD not in body:
            assert not any(units._listed(body, m.start()) for m in units._ORG_SCAN.finditer(body))
        assert all(units._LIST_WORD in m.group(0) for m in units._LIST_OPENS.finditer(body))


def test_a_word_across_a_boundary_is_found_as_by_looking_up_every_span_in_every_gold_and_corpus_text():
    # (units._word_across stops looking further from a start once jieba's dictionary lacks the string as a prefix)
    freq = units.tokenizer().dt.FREQ

    def every_span(window, cut):
        return next((a for a in range(max(0, cut - 3), cut) for b in range(cut + 1, min(len(window), cut + 3) + 1)
                     if freq.get(window[a:b], 0) >= units.WORD_FREQ), None)

    tried = found = 0
    for text in gold_and_corpus_texts(normalised=True):
        for m in units._ORG_SCAN.finditer(text[:4000]):
            window = text[max(0, m.start() - units.MAX_NAME):m.end()]
            for cut in range(1, len(window)):
                expected = every_span(window, cut)
                assert units._word_across(window, cut, freq) == expected, (window, cut)
                tried += 1
                found += expected is not None
    assert tried > 100000 and found > 10000

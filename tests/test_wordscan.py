"""The word scanner behind extraction's one-pass look-ups finds exactly what a brute-force search finds: every
listed word at every position, overlapping ones included, in order of where they end, longest first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from djkg.ingest.wordscan import WordScanner


def brute_force(words: dict[str, object], text: str) -> list[tuple[int, object]]:
    hits = [(start + len(w) - 1, -len(w), words[w]) for w in words if w
            for start in range(len(text)) if text.startswith(w, start)]
    return [(end, value) for end, _, value in sorted(hits, key=lambda h: (h[0], h[1]))]


def test_overlapping_words_are_all_found_in_order_of_their_end_longest_first():
    scanner = WordScanner({"吉林": "place", "吉林省": "province", "林省": "x", "合作社": "coop", "合作": "work"})
    assert list(scanner.iter("吉林省党支部领办合作社")) == [
        (1, "place"), (2, "province"), (2, "x"), (9, "work"), (10, "coop")]


def test_no_words_and_no_text_find_nothing():
    assert list(WordScanner({}).iter("任何文字")) == []
    assert list(WordScanner({"村": 1, "": 2}).iter("")) == []
    assert len(WordScanner({"村": 1, "": 2})) == 1


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="村社区党支部合作", min_size=1, max_size=4), min_size=1, max_size=12, unique=True),
       text=st.text(alphabet="村社区党支部合作，。", max_size=60))
def test_the_same_matches_as_a_brute_force_search(words, text):
    table = {w: i for i, w in enumerate(words)}
    assert list(WordScanner(table).iter(text)) == brute_force(table, text)


def test_values_in_names_each_found_word_once_without_where():
    scanner = WordScanner({"吉林": "place", "吉林省": "province", "合作社": "coop", "合作": "work"})
    assert scanner.values_in("吉林省合作社，吉林合作") == {"place", "province", "coop", "work"}
    assert scanner.values_in("") == set() and WordScanner({}).values_in("吉林") == set()


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="村社区党支部合作", min_size=1, max_size=4), min_size=1, max_size=12, unique=True),
       text=st.text(alphabet="村社区党支部合作，。", max_size=60))
def test_values_in_is_the_set_of_what_iter_finds(words, text):
    scanner = WordScanner({w: i for i, w in enumerate(words)})
    assert scanner.values_in(text) == {value for _end, value in scanner.iter(text)}


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="村社区党支部合作", min_size=1, max_size=4), min_size=1, max_size=12, unique=True),
       text=st.text(alphabet="村社区党支部合作，。", max_size=60))
def test_values_and_where_are_values_in_and_iter_from_one_scan(words, text):
    scanner = WordScanner({w: i for i, w in enumerate(words)})
    values, where = scanner.values_and_where(text)
    assert values == scanner.values_in(text)
    assert where() == scanner.iter(text)


def test_values_and_where_give_the_measure_models_words_as_values_in_and_iter_do_in_every_gold_and_corpus_text():
    # the measure model sums its weights in the order its set of words iterates: the same set, in the same order
    from conftest import gold_and_corpus_texts
    from djkg.ingest import measure_model
    scanner = measure_model.shipped().scanner
    texts = gold_and_corpus_texts(normalised=True)
    assert len(texts) > 1000
    for text in texts:
        values, where = scanner.values_and_where(text)
        assert list(values) == list(scanner.values_in(text))
        assert where() == scanner.iter(text)

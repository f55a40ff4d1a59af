"""``industry._text_cue_counts``: the field cues' counts from one scan are ``str.count``'s."""

from djkg.ingest import industry

from conftest import gold_and_corpus_texts


def test_text_cues_are_counted_as_str_count_counts_them_in_every_gold_and_corpus_text():
    cues = {c for spec in industry._table().values() for c in spec["text"] if c}
    texts = gold_and_corpus_texts(normalised=True)
    assert len(texts) > 1000
    for text in texts:
        head = text[:3000]
        counts = industry._text_cue_counts(head)
        assert {c: head.count(c) for c in cues if head.count(c)} == counts, head[:40]


def test_a_cue_that_overlaps_itself_is_counted_apart_from_the_left(monkeypatch):
    from djkg.ingest.wordscan import WordScanner
    monkeypatch.setattr(industry, "_text_cue_scanner", lambda: WordScanner({"党员党员": "党员党员", "党员": "党员"}))
    text = "党员党员党员，党员"
    assert industry._text_cue_counts(text) == {"党员党员": text.count("党员党员"), "党员": text.count("党员")}

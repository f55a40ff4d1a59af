"""``industry._text_cue_counts``: the field cues' counts from one scan are ``str.count``'s."""

from pathlib import Path

from djkg.ingest import industry
from djkg.ingest.normalise import normalise

REPO = Path(__file__).resolve().parent.parent


def test_text_cues_are_counted_as_str_count_counts_them_in_every_gold_and_corpus_text():
    cues = {c for spec in industry._table().values() for c in spec["text"] if c}
    files = sorted((REPO / "tests" / "gold").glob("*/*.txt")) + sorted((REPO / "data" / "cases").rglob("*.md"))
    assert len(files) > 1000
    for path in files:
        head = normalise(path.read_text(encoding="utf-8"))[:3000]
        counts = industry._text_cue_counts(head)
        assert {c: head.count(c) for c in cues if head.count(c)} == counts, path


def test_a_cue_that_overlaps_itself_is_counted_apart_from_the_left(monkeypatch):
    from djkg.ingest.wordscan import WordScanner
    monkeypatch.setattr(industry, "_text_cue_scanner", lambda: WordScanner({"党员党员": "党员党员", "党员": "党员"}))
    text = "党员党员党员，党员"
    assert industry._text_cue_counts(text) == {"党员党员": text.count("党员党员"), "党员": text.count("党员")}

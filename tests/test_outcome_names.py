"""``outcomes._tagged_from_end``: the noun phrase that names a figure is read from posseg's tags one piece at a time
from the end — the same words and tags as tagging the whole fragment, on the fragments of real text."""

import re

from djkg.ingest.outcomes import _tagged_from_end
from djkg.ingest.pos_tagging import posseg
from djkg.ingest.taxonomy import tokenizer

from conftest import gold_and_corpus_texts


def _fragments(limit: int) -> list[str]:
    """What ``noun_phrase`` tags: the clause before each number, numbers blanked, its last 24 characters — those of
    more than one piece (the only ones tagged piece by piece), from every gold and corpus text."""
    split = posseg().re_han_internal.split
    out: set[str] = set()
    for text in gold_and_corpus_texts(normalised=True):
        for m in re.finditer(r"(?:^|(?<=[，；：:,;。！？\n]))[^，；：:,;。！？\n]*?(?=\d)", text):
            fragment = re.sub(r"[\d.,%]+", " ", m.group(0)).strip()[-24:]
            if len(split(fragment)) > 3:
                out.add(fragment)
    return sorted(out)[:: max(1, len(out) // limit)]


def test_the_same_words_and_tags_as_tagging_the_whole_fragment():
    tokenizer()
    fragments = _fragments(1500)
    assert len(fragments) >= 1000
    for fragment in fragments:
        whole = [(w, f) for w, f in posseg().cut(fragment) if w.strip()]
        assert list(_tagged_from_end(fragment)) == whole[::-1], fragment

"""``pos_tagging.viterbi``: jieba's part-of-speech search, visiting only the states that can be reached — the same
route and score as jieba's own on real text."""

import re
from pathlib import Path

from djkg.ingest.pos_tagging import jieba_viterbi, posseg, viterbi

REPO = Path(__file__).resolve().parent.parent


def _runs(limit: int) -> list[str]:
    runs: set[str] = set()
    for path in sorted((REPO / "tests" / "gold").glob("*/*.txt")):
        runs.update(re.findall(r"[\u4e00-\u9fff]{2,24}", path.read_text(encoding="utf-8")))
    return sorted(runs)[:: max(1, len(runs) // limit)]


def test_the_same_route_and_score_as_jiebas_own_search_on_runs_of_gold_text():
    pseg = posseg()
    tables = (pseg.char_state_tab_P, pseg.start_P, pseg.trans_P, pseg.emit_P)
    runs = _runs(600)
    assert len(runs) >= 500
    original = jieba_viterbi()
    assert original is not viterbi
    for run in runs:
        assert viterbi(run, *tables) == original(run, *tables), run


def test_the_tagger_uses_it_and_tags_as_with_jiebas_own():
    pseg = posseg()
    assert pseg.viterbi is viterbi
    text = "合作社的净收益达到，犀牛岙村茶农零零散散地卖鲜叶，涂家堡的复产率"
    ours = [(p.word, p.flag) for p in pseg.cut(text)]
    pseg.viterbi = jieba_viterbi()
    try:
        theirs = [(p.word, p.flag) for p in pseg.cut(text)]
    finally:
        pseg.viterbi = viterbi
    assert ours == theirs

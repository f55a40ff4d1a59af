"""The problem model (djkg/ingest/problem_model.py): a bag-of-words second opinion that adds problems a write-up
tells in words no listed wording or frame covers. It only adds, it says so (``learned``, "据行文推断" on the case
page), it shows the sentence that speaks for it, it never chooses the case's model, and a text the rules read as
stating no problem keeps that flag. (What it shares with the measure model, its storing and the case page's mark
included: test_measure_model.py.)"""

from pathlib import Path

from djkg.ingest import problem_model
from djkg.ingest.extract import extract
from djkg.ingest.normalise import normalise
from djkg.ingest.readers import RawDoc, read_path

GOLD = Path(__file__).parent / "gold"
# real reports retold (development sets): a resettled village in a water-protection area "家底薄弱" (its collective
# economy weak, in words no list holds); a village whose farmland, spread thin, "捆住了手脚" (no problem sentence the
# rules read as one)
GULING = GOLD / "extraction_real50" / "r1351-fuding-guling-cun.txt"
XIANGRONG = GOLD / "extraction_real45" / "r1202-xiangrongcun.txt"
# an estate whose learned problems (read with the rules' measures) would make it a 红色物业 case: its model stays none
LINFENLU = GOLD / "extraction_real19" / "r559-linfenlu99nong.txt"


def _doc(path: Path) -> RawDoc:
    return next(d for d in read_path(path) if isinstance(d, RawDoc))


def test_a_problem_told_in_other_words_is_added_marked_learned_with_its_sentence():
    from djkg.ingest.sections import split
    case = extract(_doc(GULING))
    learned = {m.id: m for m in case.problems if m.learned}
    assert "problem:weak-collective-economy" in learned
    evidence = learned["problem:weak-collective-economy"].evidence
    text = normalise(_doc(GULING).text)
    assert evidence and evidence in text and "家底薄弱" in evidence
    # the sentence shown is one that tells the unit's state, not what the work brought
    assert {s.text[:300]: s.role for s in split(text)}[evidence] in ("problem", "context")


def test_the_model_only_adds_what_the_rules_did_not_find():
    for path in (GULING, XIANGRONG):
        case = extract(_doc(path))
        by_rules = {m.id for m in case.problems if not m.learned and not m.candidate}
        learned = {m.id for m in case.problems if m.learned}
        assert learned and not learned & by_rules
        assert learned <= set(problem_model.shipped().stated(normalise(_doc(path).text))) - by_rules


def test_a_learned_problem_changes_nothing_else_the_case_says(monkeypatch):
    # read with the model and without it (the rules alone): the same case but for the learned problems — the same
    # model (a problem read from the wording alone does not choose it), flags, measures and outcomes
    paths = (GULING, XIANGRONG, LINFENLU)
    with_model = [extract(_doc(path)) for path in paths]
    assert all(any(m.learned for m in case.problems) for case in with_model)
    monkeypatch.setattr(problem_model, "shipped", lambda: None)
    for case, path in zip(with_model, paths):
        alone = extract(_doc(path)).to_dict()
        got = case.to_dict()
        # (but for a candidate that restates a learned problem: the next test)
        assert [p for p in got["problems"] if not p.get("learned") and not p.get("candidate")] \
            == [p for p in alone["problems"] if not p.get("candidate")]
        assert {k: v for k, v in got.items() if k != "problems"} == {k: v for k, v in alone.items() if k != "problems"}


def test_a_candidate_problem_restating_a_learned_one_from_its_sentence_is_not_proposed(monkeypatch):
    # Guling's "家底薄弱" would go to the reviewers as a new problem beside the learned 村集体经济薄弱 read from the same
    # sentence; Lining's "家庭矛盾" shares no words with the problem learned from its sentence, and stays (the model may
    # be wrong there, the candidate a problem of its own)
    lining = GOLD / "extraction_real47" / "r1266-liningshequ.txt"
    def candidates(path):
        return {m.name for m in extract(_doc(path)).problems if m.candidate}
    with_model = {path: candidates(path) for path in (GULING, lining)}
    monkeypatch.setattr(problem_model, "shipped", lambda: None)
    assert "家底薄弱" in candidates(GULING) and "家底薄弱" not in with_model[GULING]
    assert with_model[GULING] == candidates(GULING) - {"家底薄弱"}
    assert "家庭矛盾" in with_model[lining] and with_model[lining] == candidates(lining)


def test_a_text_the_rules_read_as_stating_no_problem_keeps_that_flag():
    # the model reads problems into Xiangrong's wording; the case page then says both "没有写明要解决的问题" and
    # "（据行文推断）" beside each: inferred, not stated
    case = extract(_doc(XIANGRONG))
    assert any(m.learned for m in case.problems)
    assert not any(not m.learned and not m.candidate for m in case.problems)
    assert "no_problem" in case.flags


def test_an_editor_naming_a_learned_problem_confirms_it():
    from djkg.ingest.corrections import apply, resolve
    case = extract(_doc(GULING))
    learned = next(m for m in case.problems if m.learned)
    apply(case, resolve({"add_problems": [learned.name]}, case))
    (now,) = [m for m in case.problems if m.id == learned.id]
    assert not now.learned and now.evidence == learned.evidence

"""The measure model (djkg/ingest/measure_model.py): a bag-of-words second opinion that adds measures a write-up
tells in words no listed surface covers. It only adds, it says so (``learned``), it shows the sentence that speaks
for it, and it never chooses the case's model. What every concept model shares (loading, refusing a file fitted to
other features, reading the same in every process) is checked here for the problem model too
(``problem_model.py``; what is its own: test_problem_model.py)."""

import json
import sys
from pathlib import Path

import pytest

from djkg.ingest import measure_model, problem_model
from djkg.ingest.extract import extract
from djkg.ingest.readers import RawDoc, read_path
from djkg.ingest.wordscan import WordScanner

GOLD = Path(__file__).parent / "gold"
# a real report retold (development set): a street's service centre rebuilt around one hall of windows
JIANCHANGDAO = GOLD / "extraction_real47" / "r1262-jianchangdao.txt"


def _doc(path: Path) -> RawDoc:
    return next(d for d in read_path(path) if isinstance(d, RawDoc))


def case_text(path: Path) -> str:
    """The normalised text extraction reads (its sentences and evidence are substrings of it)."""
    from djkg.ingest.normalise import normalise
    return normalise(_doc(path).text)


# (module, the kind of concept it names, the training script's argument)
MODELS = [pytest.param(measure_model, "measure:", "measures", id="measures"),
          pytest.param(problem_model, "problem:", "problems", id="problems")]


@pytest.mark.parametrize("module, prefix, kind", MODELS)
def test_the_shipped_model_loads_and_names_only_taxonomy_concepts_of_its_kind(module, prefix, kind):
    from djkg.ingest.taxonomy import taxonomy
    model = module.shipped()
    assert model is not None
    assert 0 < model.threshold < 1
    assert set(model.ids) <= set(taxonomy().by_id)
    assert model.ids and all(cid.startswith(prefix) for cid in model.ids)


@pytest.mark.parametrize("module, prefix, kind", MODELS)
def test_a_file_fitted_to_other_features_is_refused(tmp_path, module, prefix, kind):
    from djkg.ingest.concept_model import FEATURES_VERSION
    data = json.loads(module.MODEL_PATH.read_text(encoding="utf-8"))
    data["features_version"] = FEATURES_VERSION + 1
    path = tmp_path / module.MODEL_PATH.name
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(measure_model.ModelFileError, match=f"train_concept_model.py {kind}"):
        module.load(path)


@pytest.mark.parametrize("module, prefix, kind", MODELS)
def test_without_a_file_the_rules_decide_alone(tmp_path, module, prefix, kind):
    assert module.load(tmp_path / "absent.json") is None


def test_words_are_counted_once_however_often_they_occur():
    scanner = WordScanner({w: w for w in ("合作社", "分红", "入股")})
    assert measure_model.words_in("合作社年底分红，合作社再分红", scanner) == {"合作社", "分红"}


def test_a_measure_told_in_other_words_is_added_marked_learned_with_its_sentence():
    case = extract(_doc(JIANCHANGDAO))
    learned = {m.id: m for m in case.measures if m.learned}
    # the centre that gathers the street's services in one place: no listed surface of the measure is in the text
    assert "measure:neighbourhood-activity-space" in learned
    evidence = learned["measure:neighbourhood-activity-space"].evidence
    assert evidence and evidence in case_text(JIANCHANGDAO)
    assert "服务中心" in evidence


def test_the_model_only_adds_to_what_the_rules_found():
    case = extract(_doc(JIANCHANGDAO))
    by_rules = [m.id for m in case.measures if not m.learned and not m.candidate]
    assert by_rules, "the rules find measures in this write-up too"
    model = measure_model.shipped()
    assert not set(by_rules) & {m.id for m in case.measures if m.learned}
    # what the model adds is what it gives at least its threshold, and nothing the rules already hold
    stated = model.stated(case_text(JIANCHANGDAO))
    assert {m.id for m in case.measures if m.learned} == set(stated) - set(by_rules)


def test_a_learned_measure_does_not_choose_the_model():
    from djkg.ingest.extract import infer_model
    from djkg.ingest.taxonomy import taxonomy
    case = extract(_doc(JIANCHANGDAO))
    listed = [m.id for m in case.measures if not m.variant and not m.learned]
    expected = infer_model(listed, case.industry.get("field"), taxonomy(), [m.id for m in case.problems])
    assert (case.model or {}).get("id") == (expected or {}).get("id")


@pytest.mark.parametrize("kind", ["measures", "problems"])
def test_the_training_script_never_reads_a_sealed_set(kind):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import train_concept_model
    from djkg.services.evaluation import is_sealed
    sealed = [p.name for p in GOLD.iterdir() if p.is_dir() and p.name.startswith("extraction_real") and is_sealed(p)]
    assert sealed
    assert not set(sealed) & set(train_concept_model.development_sets())
    with pytest.raises(SystemExit, match="sealed"):
        train_concept_model.documents(sealed[0], kind)


@pytest.mark.parametrize("path, kind, cid, mark", [
    pytest.param(JIANCHANGDAO, "measures", "measure:neighbourhood-activity-space", "LEARNED_MEASURE", id="measures"),
    # (a resettled village whose weak collective economy is told as "家底薄弱": test_problem_model.py)
    pytest.param(GOLD / "extraction_real50" / "r1351-fuding-guling-cun.txt", "problems",
                 "problem:weak-collective-economy", "LEARNED_PROBLEM", id="problems")])
def test_a_learned_concept_is_stored_as_such_and_the_case_page_says_so(tmp_path, path, kind, cid, mark):
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_paths
    from djkg.queries.cases import case_record, list_cases
    from fastapi.testclient import TestClient
    from djkg.api.app import create_app
    from djkg.core.config import Settings
    from djkg.viz import labels
    said = getattr(labels, mark)
    store = SqliteStore(tmp_path / "djkg.sqlite3")
    try:
        ingest_paths([path], store)
        (case,) = list_cases(store)
        rec = case_record(store, case["id"], with_text=True)
        learned = [m for m in rec[kind] if m.get("learned")]
        listed = [m for m in rec[kind] if not m.get("learned")]
        assert cid in {m["id"] for m in learned}
        assert listed
        with TestClient(create_app(Settings(data_dir=tmp_path), store=store)) as client:
            html = client.get(f"/cases/{case['id']}").text
        for m in learned:
            assert m["name"] + said in html
        for m in listed:
            assert m["name"] + said not in html
    finally:
        store.close()



def test_a_measure_read_from_the_wording_is_no_concrete_measure_against_slogans():
    # a text of slogans uses the words of the work too ("推进党建与业务融合"): the model may read a measure into them,
    # which must not count as a concrete measure when the quality flags weigh slogans against measures
    from djkg.ingest.extract import Mention, quality
    from djkg.ingest.sections import split
    from djkg.ingest.taxonomy import taxonomy
    tx = taxonomy()
    cues = tx.cue_list("slogan_cues")[:3]
    text = "。".join(f"{c}推进党建工作" for c in cues) + "。"
    sentences = split(text)
    two = ("measure:party-business-integration", "measure:brand-creation")
    learned = [Mention(cid, tx.by_id[cid].name, sentences[0].text, learned=True) for cid in two]
    listed = [Mention(cid, tx.by_id[cid].name, sentences[0].text) for cid in two]
    assert "slogan_heavy" in quality(sentences, [], learned, [], tx, text)[0]
    assert "slogan_heavy" not in quality(sentences, [], listed, [], tx, text)[0]


def test_the_evidence_of_a_learned_measure_tells_what_was_done_not_what_it_brought():
    # 兰州城市学院物理系 (shipped corpus): the words that speak most for training "双带头人" secretaries are in the
    # sentence of the honours that followed ("此后，支部先后成为甘肃省首批“双优”党支部书记工作室…"); the evidence shown is
    # the sentence of what was done
    from djkg.ingest.sections import split
    path = Path(__file__).resolve().parents[1] / "data" / "cases" / "d-gansu-lanzhou-chengshixueyuan-wulixi.md"
    case = extract(_doc(path))
    learned = [m for m in case.measures if m.learned]
    assert learned
    roles = {s.text[:300]: s.role for s in split(case_text(path))}
    for m in learned:
        assert "此后，支部先后成为" not in m.evidence
        assert roles.get(m.evidence) == "measure"


def test_an_editor_naming_a_learned_measure_confirms_it():
    from djkg.ingest.corrections import apply, resolve
    case = extract(_doc(JIANCHANGDAO))
    learned = next(m for m in case.measures if m.learned)
    others = [(m.id, m.learned) for m in case.measures if m.id != learned.id]
    apply(case, resolve({"add_measures": [learned.name]}, case))
    (now,) = [m for m in case.measures if m.id == learned.id]
    assert not now.learned
    assert now.evidence == learned.evidence        # the sentence it was read from stays its evidence
    assert [(m.id, m.learned) for m in case.measures if m.id != learned.id] == others


@pytest.mark.parametrize("path, kind, cid", [
    pytest.param(JIANCHANGDAO, "measures", "measure:neighbourhood-activity-space", id="measures"),
    pytest.param(GOLD / "extraction_real50" / "r1351-fuding-guling-cun.txt", "problems",
                 "problem:weak-collective-economy", id="problems")])
def test_the_ingest_json_keeps_the_design_shape_and_adds_learned_only_where_true(path, kind, cid):
    # DESIGN.md: problems and measures are [{"id","name","evidence"}]; `learned` is an added key, like `candidate`,
    # never false
    mentions = extract(_doc(path)).to_dict()[kind]
    assert all({"id", "name", "evidence"} <= set(m) for m in mentions)
    assert {m["id"] for m in mentions if m.get("learned")} >= {cid}
    assert all(m.get("learned", True) is True for m in mentions)
    assert any("learned" not in m for m in mentions)


@pytest.mark.parametrize("module, prefix, kind", MODELS)
def test_a_workers_warm_up_builds_the_evidence_table(module, prefix, kind):
    # parallel ingest's workers fork from a process that imported djkg.ingest.warm: what it builds, they inherit
    # (the evidence table took each worker 35 ms in its first write-up that needed it)
    # (in a fresh interpreter: in this one an earlier test may have built it already)
    import subprocess
    import sys
    code = (f"import djkg.ingest.warm\nfrom djkg.ingest import {module.__name__.rsplit('.', 1)[1]} as m\n"
            "print('support' in vars(m.shipped()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


@pytest.mark.parametrize("module, prefix, kind", MODELS)
def test_a_write_up_reads_the_same_whatever_order_its_words_come_in(module, prefix, kind):
    """A set of words is iterated in an order that depends on the process's string hashing (PYTHONHASHSEED), and a
    float sum depends on its order: an ingest's worker processes must read each text exactly as one process does."""
    model = module.shipped()
    differed = 0
    for path in sorted(GOLD.glob("extraction_real*/*.txt"))[:400]:
        words = measure_model.words_in(path.read_text(encoding="utf-8"), model.scanner)
        one, other = sorted(words), sorted(words, reverse=True)
        assert list(model._logits(one)) == list(model._logits(other)), path.name
        differed += sum(a != b for a, b in zip(map(sum, zip(*[model.rows[w] for w in one])),
                                               map(sum, zip(*[model.rows[w] for w in other]))))
        sentences = [set(one[:k]) for k in range(1, 6)]
        for cid in model.ids[:5]:
            assert model.evidence(cid, sentences) == model.evidence(cid, [set(reversed(list(s))) for s in sentences])
    assert differed, "no text whose plain sums differ by order: the test would not catch a plain sum"

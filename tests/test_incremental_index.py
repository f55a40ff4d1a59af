"""The recommender's index after a write, updated for the cases the write changed (the stores' change log,
``graph/changes.py``; ``queries/contributions.py``), is the index a fresh build gives — field by field and in the
order of every mapping — and every answer made from it (the gold profiles' recommendations, model details, the
gap map's inputs) is the same. On both stores (SQLite and the real Neo4j test server), over seeded random
sequences of real writes: ingest of new and edited write-ups, deletions, corrections, taxonomy decisions with
their re-link, batches; with answers asked before every write so every cache kept beside the index is carried."""

from __future__ import annotations

import contextlib
import dataclasses
import random
from pathlib import Path

import pytest
import yaml

from djkg.graph.changes import EVERYTHING
from djkg.ingest import taxonomy as taxonomy_module
from djkg.ingest.corrections import CorrectionError
from djkg.ingest.pipeline import ingest_docs
from djkg.ingest.readers import RawDoc, read_all
from djkg.ingest.tokens import tokenize
from djkg.queries import index as index_module
from djkg.queries.contributions import build_index
from djkg.queries.index import IndexCache, model_pieces, store_index
from djkg.queries.models import list_models, model_detail
from djkg.services.candidates import accept, list_candidates, reject
from djkg.services.corrections import correct_case
from djkg.services.recommend import recommend

from conftest import CORPUS, REPO, REVIEW_DOC

GOLD = REPO / "tests" / "gold"
PROFILE_KEYS = ("region", "industry", "problems", "description")


def gold_profiles() -> list[dict]:
    out = []
    for name in ("profiles_real.yaml", "profiles_dev_lead.yaml"):
        for p in yaml.safe_load((GOLD / name).read_text(encoding="utf-8")):
            out.append({k: p[k] for k in PROFILE_KEYS if p.get(k)})
    return out


PROFILES = gold_profiles()
CORPUS_DOCS = sorted((d for d in read_all([CORPUS]) if isinstance(d, RawDoc)), key=lambda d: d.source)
CANDIDATE_PHRASES = ("议事协商难", "红白喜事攀比难", "村规民约落实难", "老人吃饭难", "停车位紧张")
REGIONS = ("山东省烟台市栖霞市", "江苏省南京市栖霞区", "北京市朝阳区", "四川省成都市", "甘肃省定西市", "浙江省",
           "湖北省武汉市江汉区", "吉林省长春市朝阳区")


def doc(key: str, base: RawDoc, **meta) -> RawDoc:
    return RawDoc(source=f"inc/{key}.md", text=base.text, fmt=base.fmt, meta={**base.meta, "id": key, **meta})


def review_doc(key: str, phrase: str, region: str) -> RawDoc:
    head, body = REVIEW_DOC.split("---\n", 2)[1:]
    meta = yaml.safe_load(head)
    return RawDoc(source=f"inc/{key}.md", text=body.replace("议事协商难", phrase), fmt="md",
                  meta={**meta, "id": key, "region": region})


# --- comparing an index with a fresh build ------------------------------------------------------------------

def assert_same_index(live, fresh) -> None:
    assert [f.name for f in dataclasses.fields(live)] == [f.name for f in dataclasses.fields(fresh)]
    for f in dataclasses.fields(fresh):
        a, b = getattr(live, f.name), getattr(fresh, f.name)
        if f.name == "models":
            assert list(a) == list(b)
            for mid in b:
                for g in dataclasses.fields(b[mid]):
                    x, y = getattr(a[mid], g.name), getattr(b[mid], g.name)
                    assert x == y, (mid, g.name)
                    if isinstance(y, dict):
                        assert list(x.items()) == list(y.items()), (mid, g.name, "order")
        elif isinstance(b, dict) and f.name not in ("cases", "contributions", "region_refs"):
            assert list(a.items()) == list(b.items()), f.name      # same content, same order
        else:
            assert a == b, f.name


@contextlib.contextmanager
def fresh_indexes(monkeypatch):
    """Answers made with a cache that has never seen this store: everything built from scratch."""
    with monkeypatch.context() as m:
        m.setattr(index_module, "INDEXES", IndexCache())
        yield


def answers(store) -> list:
    recs = [recommend(store, **p, top_k=5).model_dump() for p in PROFILES]
    models = [m.model_dump() for m in list_models(store_index(store).models, include_candidates=True)]
    details = [model_detail(store, store_index(store).models, m["id"]).model_dump() for m in models[:6]]
    return [recs, models, details]


def check(store, monkeypatch, expect_update: bool = True) -> None:
    live = store_index(store)
    assert live.revision == store.revision()
    if expect_update:
        assert live.origin == "updated"     # the comparison below is of an update, not of two builds
    assert_same_index(live.models, build_index(store, store.revision()))
    mine = answers(store)
    with fresh_indexes(monkeypatch):
        assert mine == answers(store)


# --- the random walk --------------------------------------------------------------------------------------

class Walk:
    """Real writes chosen by a seeded random generator."""

    def __init__(self, store, tmp_path: Path, seed: int):
        self.store = store
        self.rng = random.Random(seed)
        self.decisions = tmp_path / "data" / "accepted_concepts.yaml"
        self.decisions.parent.mkdir(parents=True, exist_ok=True)
        taxonomy_module.use_accepted_concepts(self.decisions)
        self.n = 0

    def ids(self) -> list[str]:
        return sorted(self.store.case_hashes())

    def insert(self) -> str:
        self.n += 1
        base = self.rng.choice(CORPUS_DOCS)
        ingest_docs([doc(f"inc-{self.n}", base, region=self.rng.choice(REGIONS))], self.store, keep_items=False)
        return "insert"

    def batch(self) -> str:
        docs = []
        for _ in range(self.rng.randint(2, 6)):
            self.n += 1
            docs.append(doc(f"inc-{self.n}", self.rng.choice(CORPUS_DOCS), region=self.rng.choice(REGIONS)))
        ingest_docs(docs, self.store, keep_items=False)
        return "batch"

    def edit(self) -> str:
        ours = [i for i in self.ids() if i.startswith("case:inc-")]
        if not ours:
            return self.insert()
        key = self.rng.choice(ours).split(":", 1)[1]
        # the same document (same id and source) with another body: other problems, measures, model, place
        ingest_docs([doc(key, self.rng.choice(CORPUS_DOCS), region=self.rng.choice(REGIONS))], self.store,
                    keep_items=False)
        return "edit"

    def delete(self) -> str:
        ids = self.ids()
        self.store.delete_case(self.rng.choice(ids))
        return "delete"

    def correct(self) -> str:
        cid = self.rng.choice(self.ids())
        version = self.store.case_version(cid)
        record = store_index(self.store).models.contributions.get(cid)
        choice = self.rng.randrange(5)
        if choice == 0:
            request = {"region": self.rng.choice(REGIONS)}
        elif choice == 1:
            request = {"model": self.rng.choice(["model:branch-led-cooperative", "model:red-property",
                                                 "model:fengqiao-experience", "model:points-system", ""])}
        elif choice == 2 and record and record.problems:
            request = {"remove_problems": [record.problems[0]]}
        elif choice == 3:
            request = {"add_problems": [self.rng.choice(["weak-collective-economy", "labour-outflow",
                                                         self.rng.choice(CANDIDATE_PHRASES)])]}
        else:
            request = {"illustrative": self.rng.random() < 0.5, "year": self.rng.randint(2005, 2024)}
        try:
            correct_case(self.store, cid, request, version=version, actor="test")
        except CorrectionError:      # a request this case cannot take (removing what it lacks …) changes nothing
            pass
        return "correct"

    def decide(self) -> str:
        found = list_candidates(self.store)[0]
        if not found:
            return self.insert()
        cand = self.rng.choice(found)
        kind = self.rng.randrange(3)
        if kind == 0 and cand["label"] != "Model":
            accept(self.store, self.decisions, cand["id"], as_="new", actor="test")
            return "accept"
        if kind == 1 and cand["label"] == "Problem":
            accept(self.store, self.decisions, cand["id"], as_="synonym", of="problem:weak-collective-economy",
                   actor="test")
            return "merge"
        reject(self.store, self.decisions, cand["id"], actor="test")
        return "reject"

    def plan(self, extra: int) -> list:
        """Every kind of write twice, and ``extra`` more drawn at random, in a random order."""
        kinds = [self.insert, self.batch, self.edit, self.delete, self.correct, self.decide]
        steps = kinds * 2 + self.rng.choices(kinds, weights=[3, 1, 3, 2, 3, 2], k=extra)
        self.rng.shuffle(steps)
        return steps


@pytest.mark.parametrize("seed", [1, 2])
def test_updated_index_equals_a_fresh_build_after_every_kind_of_write(store, tmp_path, monkeypatch, seed):
    walk = Walk(store, tmp_path, seed)
    rng = random.Random(seed)
    start = [doc(f"seed-{i}", d) for i, d in enumerate(rng.sample(CORPUS_DOCS, 30))]
    start += [review_doc(f"cand-{i}", phrase, REGIONS[i]) for i, phrase in enumerate(CANDIDATE_PHRASES)]
    ingest_docs(start, store, keep_items=False)
    check(store, monkeypatch, expect_update=False)
    done = []
    for step in walk.plan(extra=6):
        done.append(step())
        check(store, monkeypatch)
    assert {"insert", "batch", "edit", "delete", "correct"} <= set(done), done
    assert {"accept", "merge", "reject"} & set(done), done


def test_a_write_the_log_cannot_name_makes_readers_rebuild(store_factory, tmp_path, monkeypatch):
    store = store_factory()
    ingest_docs([doc(f"seed-{i}", d) for i, d in enumerate(CORPUS_DOCS[:5])], store, keep_items=False)
    first = store_index(store)
    revision = store.revision()
    ingest_docs([doc("one-more", CORPUS_DOCS[6])], store, keep_items=False)
    changes = store.changed_cases(revision)
    assert changes is not None and changes.cases == {"case:one-more"} and changes.revision == store.revision()
    assert store_index(store).origin == "updated"
    if store_factory.backend == "neo4j":
        store.clear_all()              # cannot name its cases: logs EVERYTHING
        assert store.changed_cases(revision) is None and store.changed_cases(store.revision()) is not None
        ingest_docs([doc("after-clear", CORPUS_DOCS[7])], store, keep_items=False)
        again = store_index(store)
        assert again.origin == "built" and list(again.models.contributions) == ["case:after-clear"]
        assert_same_index(again.models, build_index(store, store.revision()))
    assert store.changed_cases("not a revision") is None
    assert store.changed_cases(str(int(store.revision()) + 5)) is None
    assert first.revision == revision          # the index readers held is untouched by the updates
    assert EVERYTHING == "*"


def test_a_models_document_is_cut_by_its_pieces(corpus_store):
    """The lexical index cuts a model's document piece by piece and reuses the tokens of pieces it has cut; that
    is only right if the tokenizer cuts at the spaces that join them — held here on the shipped corpus."""
    models = store_index(corpus_store).models.models
    assert models
    for entry in models.values():
        pieces = model_pieces(entry)
        assert tokenize(" ".join(pieces)) == [t for p in pieces for t in tokenize(p)], entry.id


def test_the_index_aggregates_what_the_database_aggregates(corpus_store):
    """Summed per case, the index holds what the aggregating named queries compute in the database: the
    support of every (model, problem) with its example case, of every ADDRESSES and USES link, and the names."""
    from djkg.queries import catalogue
    mi = store_index(corpus_store).models
    problems = {(r["model_id"], r["problem_id"]): (r["cases"], r["example_case"])
                for r in catalogue.run(corpus_store, "model_problem_support") if r["model_id"] in mi.models}
    assert problems == {(m, p): (n, e.problem_examples[p]) for m, e in mi.models.items() for p, n in e.problems.items()}
    addresses = {(r["problem_id"], r["measure_id"]): r["support"] for r in catalogue.run(corpus_store, "addresses_support")}
    assert addresses == {(p, m): n for p, ms in mi.addresses.items() for m, n in ms.items()}
    uses = {(r["model_id"], r["measure_id"]): (r["support"], r["measure_name"])
            for r in catalogue.run(corpus_store, "model_measure_support") if r["model_id"] in mi.models}
    assert uses == {(m, x): (n, e.measure_names[x]) for m, e in mi.models.items() for x, n in e.measures.items()}
    assert len(problems) > 20 and len(addresses) > 20 and len(uses) > 20


def test_readers_are_answered_from_the_previous_revision_while_one_makes_the_next(store, monkeypatch):
    """Issue 20 item 6: a write never makes readers wait. While one thread makes the index of the new revision,
    every other reader gets the previous revision's at once; once it is made, everyone gets the new one."""
    import threading
    ingest_docs([doc(f"seed-{i}", d) for i, d in enumerate(CORPUS_DOCS[:5])], store, keep_items=False)
    cache = IndexCache()
    before = cache.get(store)
    ingest_docs([doc("while-reading", CORPUS_DOCS[6])], store, keep_items=False)
    started, release = threading.Event(), threading.Event()
    real_next = index_module._next

    def slow_next(*args):
        started.set()
        assert release.wait(30)
        return real_next(*args)

    monkeypatch.setattr(index_module, "_next", slow_next)
    made: list = []
    builder = threading.Thread(target=lambda: made.append(cache.get(store)))
    builder.start()
    try:
        assert started.wait(30)
        for _ in range(3):                         # the build is held: readers are not
            got: list = []
            reader = threading.Thread(target=lambda: got.append(cache.get(store)), daemon=True)
            reader.start()
            reader.join(5)
            assert got and got[0] is before, "a reader waited for the build"
    finally:
        release.set()
        builder.join(30)
    assert made and made[0].revision == store.revision() and "case:while-reading" in made[0].models.contributions
    assert cache.get(store) is made[0]


def test_a_served_app_makes_its_index_before_the_first_request(corpus_store, tmp_path):
    """``djkg serve`` sets warm_index: the app's start-up makes the store's index (and the lexical one), so the
    first request does not pay for it."""
    import gc
    from fastapi.testclient import TestClient
    from djkg.api.app import create_app
    from djkg.core.config import Settings
    index_module.INDEXES.forget(corpus_store)
    try:
        with TestClient(create_app(Settings(data_dir=tmp_path, warm_index=True), store=corpus_store)):
            warmed = index_module.INDEXES._current.get(corpus_store)
            assert warmed is not None and warmed.revision == corpus_store.revision()
            assert warmed._lexical is not None
    finally:
        gc.unfreeze()
    index_module.INDEXES.forget(corpus_store)
    with TestClient(create_app(Settings(data_dir=tmp_path), store=corpus_store)):
        assert index_module.INDEXES._current.get(corpus_store) is None    # tests and embedders build on demand

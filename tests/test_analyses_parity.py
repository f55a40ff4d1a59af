"""The analyses answer the same on Neo4j as on SQLite: the whole gap map under several filters, the emerging groups,
and every model's diffusion — equal as typed answers (every count, score, name and order), on a hand-built library
with a planted group and on the shipped corpus.

Runs against the real test server (scripts/neo4j-test-server); skips visibly without one, fails in CI.
"""

from __future__ import annotations

import pytest

from djkg.graph.migrate import copy_store
from djkg.graph.sqlite_store import SqliteStore
from djkg.queries.diffusion import diffusion
from djkg.queries.emerging import emerging_models
from djkg.queries.index import model_index
from djkg.services.analyses import gaps

from analyses_data import gap_and_diffusion_cases, linked_lookalikes, planted, scatter
from conftest import make_neo4j_store

FILTERS = [{}, {"province": "山东"}, {"field": "农村"}, {"field": "城市社区"}, {"province": "湖北", "field": "城市社区"},
           {"province": "北京"}]


@pytest.fixture(scope="module", params=["built", "corpus"])
def stores(request, tmp_path_factory):
    neo = make_neo4j_store()
    if request.param == "built":
        lite = SqliteStore(tmp_path_factory.mktemp("analyses-parity") / "djkg.sqlite3")
        graphs = gap_and_diffusion_cases() + scatter(60, seed=3) + planted() + linked_lookalikes()
        assert lite.upsert_cases(graphs) == neo.upsert_cases(graphs)
        own = True
    else:
        lite = request.getfixturevalue("corpus_store")
        assert copy_store(lite, neo)["equal"]
        own = False
    yield request.param, lite, neo
    neo.close()
    if own:
        lite.close()


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "-".join(f.values()) or "all")
def test_gap_maps_are_identical(stores, filters):
    dataset, lite, neo = stores
    a, b = gaps(lite, **filters), gaps(neo, **filters)
    assert b.model_dump() == a.model_dump()
    if not filters:
        assert a.problems and a.by_field and a.by_province and any(p.best for p in a.problems)


def test_emerging_groups_are_identical(stores):
    dataset, lite, neo = stores
    for kwargs in ({}, {"min_cities": 1}, {"min_cases": 2, "min_cities": 1}):
        a, b = emerging_models(lite, **kwargs), emerging_models(neo, **kwargs)
        assert b.model_dump() == a.model_dump(), kwargs
    if dataset == "built":
        assert len(emerging_models(lite).groups) == 1


def test_diffusion_is_identical_for_every_model(stores):
    _, lite, neo = stores
    models = sorted(model_index(lite).models)
    assert models and sorted(model_index(neo).models) == models
    for mid in models + ["model:none"]:
        a, b = diffusion(lite, mid), diffusion(neo, mid)
        assert (b.model_dump() if b else None) == (a.model_dump() if a else None), mid

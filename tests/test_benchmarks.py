"""The benchmark scripts stay in step with the code they time: a renamed stage fails here, not in a later session."""

import collections
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _stages():
    spec = importlib.util.spec_from_file_location("bench_stages", REPO / "benchmarks" / "stages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_timed_stage_is_a_function_of_todays_extractor():
    stages = _stages()
    held = stages.resolve()
    assert len(held) == len(stages.STAGES)
    assert all(callable(getattr(owner, name)) for owner, name in held)


def test_a_stage_the_extractor_no_longer_has_is_named_in_the_error():
    with pytest.raises(AttributeError, match="extract.normalise "):
        _stages().resolve([("extract.normalise", "normalise")])


def test_each_stage_is_on_the_path_of_a_raw_report(monkeypatch):
    stages = _stages()
    from djkg.ingest import pipeline
    from djkg.ingest.readers import RawDoc
    calls = collections.Counter()
    for (owner, name), (_, label) in zip(stages.resolve(), stages.STAGES):
        original = getattr(owner, name)

        def counted(*args, _original=original, _label=label, **kwargs):
            calls[_label] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
    text = ("东风村党支部领办合作社带富群众\n本报讯 过去东风村集体经济薄弱，年轻人外出打工。村党支部领办合作社，"
            "流转土地300亩，去年村集体收入达到92万元，比上年增长20%。")
    item, graph = pipeline.prepare_doc(RawDoc(text=text, source="r.txt"))
    assert graph is not None
    assert set(calls) == {label for _, label in stages.STAGES}

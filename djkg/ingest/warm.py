"""Importing this module loads what extraction needs once per process: the taxonomy automaton, the gazetteer,
the cue tables. Parallel ingest preloads it in the forkserver, so every worker forked from it starts warm."""

from __future__ import annotations

from . import measure_model, problem_model
from .pipeline import prepare_doc
from .readers import RawDoc
from .taxonomy import taxonomy


def warm_up() -> None:
    taxonomy()
    prepare_doc(RawDoc("warm-up", "山东省烟台市栖霞市衣家村党支部领办合作社，村集体收入增加20万元。"))
    for model in (measure_model.shipped(), problem_model.shipped()):
        if model is not None:
            model.support   # built on first use otherwise: 35 ms in each worker's first write-up that needs evidence


warm_up()

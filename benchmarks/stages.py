"""Where extraction spends its time: CPU milliseconds per document for each stage of ``extract``, over the
shipped corpus read without its front matter (as a raw report would arrive).

    python benchmarks/stages.py [--rounds 3]

Each stage function is wrapped with a CPU timer for the run (nested stages are counted in their parent too, so the
lines do not add up to the total). Figures move by ±5% from run to run on a shared machine: compare two versions
alternately, in the same minute (BENCHMARKS.md, "Extraction on more real text").
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# (module attribute path, label): the stages ``extract`` calls, as the module that calls them sees them
STAGES = (
    ("extract.normalise_written", "normalise"), ("extract.convert_numerals", "numerals"), ("extract.split", "split"),
    ("extract.units.guess_unit", "unit"), ("extract.units.own_site", "unit (masthead)"),
    ("extract.find_region", "region"), ("extract.industry_mod.infer", "field"),
    ("extract._second_reading", "field model"), ("extract.Taxonomy.match_spans", "taxonomy spans"),
    ("extract.problem_frames.continued", "problem view"), ("extract.problem_frames.frame_problems", "frames"),
    ("extract._mentions", "mentions"), ("extract._learned", "measure model"),
    ("extract._learned_problems", "problem model"), ("extract.pick_model", "model"),
    ("extract.extract_outcomes", "outcomes"), ("extract.candidates.candidates", "candidates"),
    ("extract.quality", "quality"), ("extract.identity.assign", "identity"),
    ("pipeline.extract", "extract (all)"), ("pipeline.build", "build graph"),
)


def resolve(stages=STAGES) -> list[tuple[object, str]]:
    """Each stage as (the object that holds it, its attribute name); a stage the extractor no longer has is an
    error naming it (tests/test_benchmarks.py keeps the list in step with the code)."""
    from djkg.ingest import extract, pipeline
    modules = {"extract": extract, "pipeline": pipeline}
    out = []
    for path, _label in stages:
        parts = path.split(".")
        owner = holder = modules[parts[0]]
        for part in parts[1:]:
            if not hasattr(owner, part):
                raise AttributeError(f"benchmarks/stages.py: {path} is not in the code (no {part!r})")
            owner, holder = getattr(owner, part), owner
        if not callable(owner):
            raise TypeError(f"benchmarks/stages.py: {path} is not a function")
        out.append((holder, parts[-1]))
    return out


def _wrap(owner, name: str, label: str, spent: collections.Counter) -> None:
    original = getattr(owner, name)

    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from djkg.ingest import pipeline
    from djkg.ingest.readers import RawDoc, read_all
    spent: collections.Counter = collections.Counter()
    for (owner, name), (_, label) in zip(resolve(STAGES), STAGES):
        _wrap(owner, name, label, spent)
    docs = [d for d in read_all([REPO / "data" / "cases"]) if isinstance(d, RawDoc)]
    for d in docs:
        d.meta = {}
    for d in docs[:30]:                       # warm: taxonomy, gazetteer, jieba, variants
        pipeline.prepare_doc(d)
    spent.clear()
    start = time.process_time()
    for _ in range(args.rounds):
        for d in docs:
            pipeline.prepare_doc(d)
    n = args.rounds * len(docs)
    print(f"prepare_doc {(time.process_time() - start) / n * 1000:.3f} ms of CPU per document ({len(docs)} documents,"
          f" {args.rounds} rounds)")
    for label, seconds in spent.most_common():
        print(f"  {label:14s} {seconds / n * 1000:.3f}")


if __name__ == "__main__":
    main()

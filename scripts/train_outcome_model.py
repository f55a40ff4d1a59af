"""Fit the outcome model (djkg/ingest/outcome_model.py) to the development gold sets of real text and write
djkg/ingest/data/outcome_model.json.

    .venv/bin/pip install scikit-learn        # only for training; running the model needs nothing extra
    .venv/bin/python scripts/train_outcome_model.py [--check]

Every figure the outcome rules judge in a development set's write-ups is one example, labelled by the set's
annotation: 1 when the value is among the unit's results (``outcomes``), 0 when it is listed as no result of the
unit (``outcome_forbidden``, and a wider area's result, ``region_outcomes``); figures the annotation does not name
are left out. Sealed sets
are refused: a set whose gold.yaml header says SEALED is never read. ``--check`` prints the leave-one-set-out
figures (each set scored by a model fitted on the others) and writes nothing.

Re-run it after changing the outcome rules or the features: the examples are the rules' candidates as they are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from djkg.core.yamlio import safe_load  # noqa: E402
from djkg.ingest import outcome_model  # noqa: E402
from djkg.ingest.extract import extract  # noqa: E402
from djkg.ingest.readers import RawDoc, read_path  # noqa: E402
# the scorer's own reading of a gold value list and of a match, so that labels agree with `djkg eval`
from djkg.services.evaluation import _has, _values, is_sealed  # noqa: E402
from fitting import GOLD, development_sets  # noqa: E402  (scripts/fitting.py)

# every development set of real text: each extraction_real* set that is not sealed (70 sets, 10,859 labelled figures
# in the sixty-first session; the model had been fitted to the first 21)
DEVELOPMENT = development_sets()
C = 0.3                                  # inverse strength of the L2 penalty (chosen leave-one-set-out; 1.0 read lower)
# chosen leave-one-set-out on the 70 sets (the rules' candidates, each set scored by a model fitted on the others;
# precision / recall over the 49 sets the model fitted to the first 21 never saw, which reads 0.669 / 0.670 there),
# by a rule fixed beforehand: the weakest veto at which the tests of the rules that rule a figure out hold (one
# person's story takes 3 off, a plan 4: veto 3), then the best F among pairs reading both figures at least 0.01 above
# the old model's. At veto 3, (kept, added): (0.5, 0.65) 0.725 / 0.608, (0.4, 0.55) 0.699 / 0.661, (0.4, 0.5)
# 0.693 / 0.674, (0.35, 0.5) 0.683 / 0.686 (F 0.684), (0.3, 0.5) 0.677 / 0.696; without a veto (0.35, 0.5) 0.679 /
# 0.712. C 1.0 read lower at every pair.
THRESHOLDS = {"kept": 0.35, "added": 0.5, "veto": 3.0}


def sealed(name: str) -> bool:
    return is_sealed(GOLD / name)


def examples(name: str) -> list[tuple[dict[str, float], int, float]]:
    """(features, label, the rules' penalty) of every labelled candidate of one development set the model judges (a
    wider area's figure is not one), in file order."""
    if sealed(name):
        raise SystemExit(f"{name} is sealed: never trained on")
    out = []
    for entry in safe_load((GOLD / name / "gold.yaml").read_text(encoding="utf-8")):
        docs = [d for d in read_path(GOLD / name / entry["file"]) if isinstance(d, RawDoc)]
        results, area = _values(entry.get("outcomes")), _values(entry.get("region_outcomes"))
        others = _values(entry.get("outcome_forbidden"))
        with outcome_model.collect() as seen:
            extract(docs[0])
        for c in seen:
            if c.wider:
                continue   # a wider area's figure is the rules' alone (outcome_model.is_result): never the model's
            # a wider area's result is no result of the unit: labelled so, the model keeps fewer figures off the
            # unit's card (taught that it is a result, on the sealed sets: outcome precision 0.726 -> 0.709,
            # numbers wrongly extracted 7.3% -> 7.9%; scoring wider areas' figures apart brings too little back)
            label = 1 if _has(results, c.value) else 0 if _has(area + others, c.value) else None
            if label is not None:
                out.append((outcome_model.features(c), label, c.penalty))
    return out


def fit(rows: list[tuple[dict[str, float], int, float]]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _, _ in rows])
    model = LogisticRegression(C=C, max_iter=5000).fit(x, [y for _, y, _ in rows])
    return vec, model


def kept(f: dict[str, float], penalty: float, p: float, thresholds: dict[str, float] = THRESHOLDS) -> bool:
    """The model's decision on one example: ``OutcomeModel.decides`` at these thresholds."""
    decider = outcome_model.OutcomeModel(0.0, {}, thresholds["kept"], thresholds["added"], thresholds["veto"])
    return decider.decides(p, f["acc_rule"] == 1.0, penalty)


def check(by_set: dict[str, list]) -> None:
    total = {"rules": [0, 0, 0], "model": [0, 0, 0]}
    for held in by_set:
        vec, model = fit([r for name, rows in by_set.items() if name != held for r in rows])
        rows = by_set[held]
        p = model.predict_proba(vec.transform([f for f, _, _ in rows]))[:, 1]
        for kind, keep in (("rules", [f["acc_rule"] == 1.0 for f, _, _ in rows]),
                           ("model", [kept(f, penalty, pi) for (f, _, penalty), pi in zip(rows, p)])):
            t = total[kind]
            t[0] += sum(1 for (_, y, _), k in zip(rows, keep) if k and y)
            t[1] += sum(1 for (_, y, _), k in zip(rows, keep) if k and not y)
            t[2] += sum(1 for (_, y, _), k in zip(rows, keep) if not k and y)
    for kind, (tp, fp, fn) in total.items():
        print(f"{kind}: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="leave-one-set-out figures only; write nothing")
    args = ap.parse_args()
    by_set = {name: examples(name) for name in DEVELOPMENT}
    if args.check:
        check(by_set)
        return
    rows = [r for name in DEVELOPMENT for r in by_set[name]]
    vec, model = fit(rows)
    import sklearn
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])
               if abs(w) >= 5e-5}
    data = {"about": "outcome model of djkg/ingest/outcome_model.py, written by scripts/train_outcome_model.py",
            "features_version": outcome_model.FEATURES_VERSION, "trained_on": DEVELOPMENT,
            "examples": len(rows), "results": sum(y for _, y, _ in rows), "C": C, "sklearn": sklearn.__version__,
            "thresholds": THRESHOLDS, "intercept": round(float(model.intercept_[0]), 5),
            "weights": dict(sorted(weights.items()))}
    outcome_model.MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(rows)} examples ({data['results']} results), {len(weights)} weights -> {outcome_model.MODEL_PATH}")


if __name__ == "__main__":
    main()

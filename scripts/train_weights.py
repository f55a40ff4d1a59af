"""Fit the weights of the extractor's weighed decisions (djkg/ingest/weighing.py) to the development gold sets of
real text and write djkg/ingest/data/<decision>_model.json.

    .venv/bin/python scripts/train_weights.py unit [--check] [--penalty P]

``unit``: every write-up whose annotation names a unit is one example — the organisations the unit finder gathers
from it (``units.rank_candidates``), each with its features, and which of them the scorer counts as the annotated
unit (``evaluation._same_unit``). Write-ups where none or all of the alternatives are right teach nothing and are
left out (a name's forms are merged into it by the shipped weights, so a refit reads the candidates as the shipped
finder does: refitting twice in a row may move the fourth decimal). The weights maximise the right alternative's
probability under a conditional logit (a softmax over each write-up's alternatives), less ``penalty`` times the
squared distance from the rules' own weights: with few examples a feature keeps the weight the rules gave it.
Sealed sets are refused: a set whose gold.yaml header says SEALED is never read. ``--check`` prints leave-one-set-out
figures (each set read with weights fitted on the others, against the rule weights) for a few penalties and writes
nothing. Needs numpy and scipy (only for fitting; running the extractor needs neither).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from djkg.core.yamlio import safe_load  # noqa: E402
from djkg.ingest import unit_model, units  # noqa: E402
from djkg.ingest.extract import extract  # noqa: E402
from djkg.ingest.readers import RawDoc, read_path  # noqa: E402
from djkg.ingest.weighing import score  # noqa: E402
from djkg.services.evaluation import _same_unit, is_sealed  # noqa: E402
from fitting import GOLD, development_sets  # noqa: E402  (scripts/fitting.py)

PENALTY = {"unit": 1.0}      # chosen leave-one-set-out (--check)
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
MODELS = {"unit": unit_model.MODEL}


def sealed(name: str) -> bool:
    return is_sealed(GOLD / name)


def development() -> list[str]:
    return development_sets()


def _unit_alternatives(entry, doc) -> list[tuple[dict[str, float], int]]:
    if not entry.get("unit"):
        return []
    seen = []       # the unit finder's ranking, as ingest's ``extract`` calls it
    real = units.rank_candidates

    def spy(title: str, text: str):
        seen.append(real(title, text))
        return seen[-1]

    units.rank_candidates = spy
    try:
        extract(doc)
    finally:
        units.rank_candidates = real
    if not seen or seen[0] is None:
        return []
    ranking = seen[0]
    rows = []
    for core, f in ranking.features.items():
        f = dict(f)
        for k, v in ranking.thanks.get(core, {}).items():
            f[k] = f.get(k, 0.0) + v
        rows.append((f, int(_same_unit(core, entry["unit"]))))
    return rows


ALTERNATIVES = {"unit": _unit_alternatives}


def examples(decision: str, name: str) -> list[list[tuple[dict[str, float], int]]]:
    """Per write-up of one development set: (features, is it right) of each alternative it offers."""
    if sealed(name):
        raise SystemExit(f"{name} is sealed: never trained on")
    out = []
    for entry in safe_load((GOLD / name / "gold.yaml").read_text(encoding="utf-8")):
        docs = [d for d in read_path(GOLD / name / entry["file"]) if isinstance(d, RawDoc)]
        rows = ALTERNATIVES[decision](entry, docs[0]) if docs else []
        if 0 < sum(y for _, y in rows) < len(rows):
            out.append(rows)
    return out


def fit(groups, prior_weights: dict[str, float], penalty: float) -> dict[str, float]:
    import numpy as np
    from scipy.optimize import minimize
    names = sorted({k for rows in groups for f, _ in rows for k in f} | set(prior_weights))
    index = {n: i for i, n in enumerate(names)}
    prior = np.array([prior_weights.get(n, 0.0) for n in names])
    data = []
    for rows in groups:
        x = np.zeros((len(rows), len(names)))
        for r, (f, _) in enumerate(rows):
            for k, v in f.items():
                x[r, index[k]] = v
        data.append((x, np.array([y for _, y in rows], dtype=bool)))

    def loss(w):
        total, grad = penalty * ((w - prior) ** 2).sum(), 2 * penalty * (w - prior)
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y
            total -= np.log(q.sum())
            grad -= x.T @ (q / q.sum()) - x.T @ p
        return total, grad

    w = minimize(loss, prior, jac=True, method="L-BFGS-B").x
    return {n: round(float(v), 4) for n, v in zip(names, w)}


def right(groups, w: dict[str, float]) -> int:
    """Write-ups whose highest-weighted alternative is right (a tie goes to the first)."""
    return sum(rows[max(range(len(rows)), key=lambda i: score(rows[i][0], w))][1] for rows in groups)


def check(decision: str, by_set: dict[str, list]) -> None:
    rules_w = MODELS[decision].rule_weights
    n = sum(len(g) for g in by_set.values())
    rules = sum(right(g, rules_w) for g in by_set.values())
    for penalty in PENALTIES:
        fitted = sum(right(by_set[held], fit([g for name, groups in by_set.items() if name != held for g in groups],
                                             rules_w, penalty)) for held in by_set)
        print(f"{decision}, penalty {penalty}: rule weights {rules}/{n}, fitted leave-one-set-out {fitted}/{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("decision", choices=sorted(MODELS))
    ap.add_argument("--check", action="store_true", help="leave-one-set-out figures only; write nothing")
    ap.add_argument("--penalty", type=float)
    args = ap.parse_args()
    model = MODELS[args.decision]
    names = development()
    by_set = {name: examples(args.decision, name) for name in names}
    if args.check:
        check(args.decision, by_set)
        return
    penalty = args.penalty if args.penalty is not None else PENALTY[args.decision]
    groups = [g for name in names for g in by_set[name]]
    w = fit(groups, model.rule_weights, penalty)
    data = {"about": f"{args.decision} weights of djkg/ingest/{args.decision}_model.py, written by "
                     f"scripts/train_weights.py", "features_version": model.features_version, "trained_on": names,
            "write_ups": len(groups), "penalty": penalty, "weights": dict(sorted(w.items()))}
    model.path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(groups)} write-ups, {len(w)} weights -> {model.path}")


if __name__ == "__main__":
    main()

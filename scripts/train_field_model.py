"""Fit the field model (djkg/ingest/field_model.py) to the development gold sets of real text and write
djkg/ingest/data/field_model.json.

    .venv/bin/pip install scikit-learn        # only for fitting; running the model needs nothing extra
    .venv/bin/python scripts/train_field_model.py [--check]

Every write-up of a development set whose annotation names a field is one example, labelled with that field. Its
features are the words of the vocabulary present in its normalised text (as at ingest) and the field rules' decision
(``field_model.rule_features``: read with the model off, ``field_model.rules_only``). The vocabulary is every word
jieba (with our user dictionary) cuts from the development write-ups, of two or more characters with a Chinese
character, found in at least ``MIN_DOCS`` of them. One multinomial L2 logistic regression over the seven fields.
Sealed sets are refused: a set whose gold.yaml header says SEALED is never read. ``--check`` prints leave-one-set-out
figures (each set read by a model fitted on the others, against the rules alone, at a few thresholds) and writes
nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from djkg.core.yamlio import safe_load  # noqa: E402
from djkg.ingest import field_model  # noqa: E402
from djkg.ingest.extract import extract  # noqa: E402
from djkg.ingest.normalise import normalise  # noqa: E402
from djkg.ingest.readers import RawDoc, read_path  # noqa: E402
from djkg.ingest.wordscan import WordScanner  # noqa: E402
from djkg.services.evaluation import is_sealed  # noqa: E402
from fitting import GOLD, development_sets, vocabulary  # noqa: E402  (scripts/fitting.py)

# inverse strength of the L2 penalty: a leave-one-set-out trial (jieba's words as features, no threshold) read 0.944 at
# 0.3, 1.0 and 3.0 alike (39 sets); the rule features count 1.0 like a word (weighting them 1.5-5x read 0.919-0.930:
# the model then hardly ever disagrees)
C = 1.0
# the model's field replaces the rules' from this probability: the bar a field must reach to count as certain
# (FIELD_CERTAIN); leave-one-set-out reads 0.937 at 0.5 and 0.6, 0.934 at 0.7, 0.927 at 0.8 (39 sets)
THRESHOLD = 0.6
MIN_DOCS = 3          # a word in fewer development write-ups is no evidence
PRUNE = 0.05          # a word whose every weight is smaller than this is left out of the file (as the measure model's)



def documents(name: str) -> list[dict]:
    """Each annotated write-up of a development set: its normalised text, the rules' field and the annotated one."""
    if is_sealed(GOLD / name):
        raise SystemExit(f"{name} is sealed: never trained on")
    out = []
    for entry in safe_load((GOLD / name / "gold.yaml").read_text(encoding="utf-8")):
        if not entry.get("field"):
            continue
        docs = [d for d in read_path(GOLD / name / entry["file"]) if isinstance(d, RawDoc)]
        if not docs:
            continue
        with field_model.rules_only():
            case = extract(docs[0])
        out.append({"set": name, "text": normalise(docs[0].text), "gold": entry["field"],
                    "rules": case.industry.get("field"),
                    "rule_features": field_model.rule_features(case.industry.get("field"),
                                                               case.industry.get("confidence"))})
    return out



def _features(doc: dict, scanner: WordScanner[str]) -> dict[str, float]:
    return dict.fromkeys([*scanner.values_in(doc["text"]), *doc["rule_features"]], 1.0)


def fit(docs: list[dict], words: list[str]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    scanner = WordScanner({w: w for w in words})
    vec = DictVectorizer()
    x = vec.fit_transform([_features(d, scanner) for d in docs])
    model = LogisticRegression(C=C, max_iter=5000).fit(x, [d["gold"] for d in docs])
    return vec, scanner, model


def check(docs: list[dict]) -> None:
    thresholds = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
    rules = 0
    right, changed, changed_right = Counter(), Counter(), Counter()
    for held in sorted({d["set"] for d in docs}):
        train = [d for d in docs if d["set"] != held]
        test = [d for d in docs if d["set"] == held]
        vec, scanner, model = fit(train, vocabulary((d["text"] for d in train), MIN_DOCS))
        probs = model.predict_proba(vec.transform([_features(d, scanner) for d in test]))
        for d, row in zip(test, probs):
            rules += d["rules"] == d["gold"]
            k = max(range(len(row)), key=lambda j: row[j])
            for t in thresholds:
                # as at ingest: the model re-reads a field the rules found, never one they found none for
                p = model.classes_[k] if d["rules"] and row[k] >= t else d["rules"]
                right[t] += p == d["gold"]
                if p != d["rules"]:
                    changed[t] += 1
                    changed_right[t] += p == d["gold"]
    n = len(docs)
    print(f"{n} write-ups: field {rules / n:.3f} by the rules")
    for t in thresholds:
        print(f"  the model where it gives its field at least {t}: {right[t] / n:.3f}; it changed {changed[t]} "
              f"decisions, {changed_right[t]} of them to the annotated field")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="leave-one-set-out figures only; write nothing")
    args = ap.parse_args()
    sets = development_sets()
    docs = [d for name in sets for d in documents(name)]
    if args.check:
        check(docs)
        return
    vec, _scanner, model = fit(docs, vocabulary((d["text"] for d in docs), MIN_DOCS))
    import sklearn
    fields = [str(f) for f in model.classes_]
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        row = [round(float(model.coef_[k][j]), 4) for k in range(len(fields))]
        if max(abs(w) for w in row) >= PRUNE:
            weights[str(name)] = row
    data = {"about": "field model of djkg/ingest/field_model.py, written by scripts/train_field_model.py",
            "features_version": field_model.FEATURES_VERSION, "trained_on": sets, "documents": len(docs),
            "C": C, "min_docs": MIN_DOCS, "threshold": THRESHOLD, "sklearn": sklearn.__version__, "fields": fields,
            "intercepts": [round(float(b), 4) for b in model.intercept_], "weights": dict(sorted(weights.items()))}
    field_model.MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n",
                                      encoding="utf-8")
    print(f"{len(docs)} write-ups, {len(fields)} fields, {len(weights)} features -> {field_model.MODEL_PATH}")


if __name__ == "__main__":
    main()

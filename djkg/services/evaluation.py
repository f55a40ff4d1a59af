"""Quality measurement against gold sets: extraction (per-field precision/recall) and recommendation
(hit@3, MRR, nDCG@5). The gold sets live in tests/gold/; the targets are the issues' targets.

Extraction gold: a folder of write-ups (any readable format) plus ``gold.yaml`` — a list of
``{file, province, city, county, field, model, problems: [ids], measures: [ids], outcomes: [numbers]}``.
Recommendation gold: a YAML list of ``{region, industry, problems: [..], description, expected: [model ids]}``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from ..graph.schema import concept_id
from ..graph.store import GraphStore

EXTRACTION_TARGETS = {"province": 1.0, "city": 0.9, "county": 0.8, "field": 0.9, "problems": 0.8,
                      "measures": 0.8, "outcome_values": 0.85, "model": 0.8}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def evaluate_extraction(gold_dir: Path) -> dict[str, Any]:
    from ..ingest.extract import extract
    from ..ingest.readers import RawDoc, read_path
    gold_dir = Path(gold_dir)
    gold = yaml.safe_load((gold_dir / "gold.yaml").read_text(encoding="utf-8")) or []
    counts: dict[str, dict[str, int]] = {k: {"tp": 0, "pred": 0, "gold": 0} for k in EXTRACTION_TARGETS}
    misses: list[dict[str, Any]] = []
    for entry in gold:
        docs = [d for d in read_path(gold_dir / entry["file"]) if isinstance(d, RawDoc)]
        if not docs:
            misses.append({"file": entry["file"], "field": "read", "gold": "readable", "got": "error"})
            continue
        case = extract(docs[0])
        got_single = {"province": case.region.get("province"), "city": case.region.get("city"),
                      "county": case.region.get("county"), "field": case.industry.get("field"),
                      "model": (case.model or {}).get("id") if not (case.model or {}).get("candidate") else None}
        for key, value in got_single.items():
            expected = entry.get(key)
            c = counts[key]
            c["gold"] += expected is not None
            c["pred"] += value is not None
            if expected is not None and value == expected:
                c["tp"] += 1
            elif expected is not None or value is not None:
                misses.append({"file": entry["file"], "field": key, "gold": expected, "got": value})
        for key, got in (("problems", {m.id for m in case.problems if not m.candidate}),
                         ("measures", {m.id for m in case.measures if not m.candidate})):
            label = "Problem" if key == "problems" else "Measure"
            # gold files may name concepts by taxonomy id ("weak-collective-economy") or node id
            expected = {x if ":" in str(x) else concept_id(label, str(x)) for x in entry.get(key) or []}
            c = counts[key]
            c["gold"] += len(expected)
            c["pred"] += len(got)
            c["tp"] += len(expected & got)
            if expected - got:
                misses.append({"file": entry["file"], "field": key, "gold": sorted(expected - got), "got": sorted(got)})
        values = [o.value for o in case.outcomes if o.value is not None]
        expected_values = [float(v) for v in entry.get("outcomes") or []]
        c = counts["outcome_values"]
        c["gold"] += len(expected_values)
        c["pred"] += len(values)
        found = sum(1 for v in expected_values if any(math.isclose(v, g, rel_tol=1e-6) for g in values))
        c["tp"] += found
        if found < len(expected_values):
            misses.append({"file": entry["file"], "field": "outcome_values",
                           "gold": [v for v in expected_values if not any(math.isclose(v, g) for g in values)],
                           "got": values})
    fields = {}
    for key, c in counts.items():
        fields[key] = {"precision": round(_ratio(c["tp"], c["pred"]), 4), "recall": round(_ratio(c["tp"], c["gold"]), 4),
                       "target": f"recall ≥ {EXTRACTION_TARGETS[key]:.0%}", "n": c["gold"],
                       "meets_target": _ratio(c["tp"], c["gold"]) >= EXTRACTION_TARGETS[key]}
    return {"documents": len(gold), "fields": fields, "misses": misses}


def evaluate_recommend(store: GraphStore, gold_file: Path, *, k: int = 5) -> dict[str, Any]:
    from .recommend import recommend
    profiles = yaml.safe_load(Path(gold_file).read_text(encoding="utf-8")) or []
    hits = 0
    rr = 0.0
    ndcg = 0.0
    misses = []
    for p in profiles:
        result = recommend(store, region=p.get("region"), industry=p.get("industry"), problems=p.get("problems") or [],
                           description=p.get("description"), top_k=k)
        ranked = [it.model.id for it in result.items]
        expected = set(p["expected"])
        first = next((i for i, m in enumerate(ranked) if m in expected), None)
        if first is not None and first < 3:
            hits += 1
        else:
            misses.append({"profile": p.get("name") or "；".join(p.get("problems") or [])[:40],
                           "expected": sorted(expected), "got": ranked[:3]})
        rr += 1.0 / (first + 1) if first is not None else 0.0
        dcg = sum(1.0 / math.log2(i + 2) for i, m in enumerate(ranked[:5]) if m in expected)
        ideal = sum(1.0 / math.log2(i + 2) for i in range(min(5, len(expected))))
        ndcg += dcg / ideal if ideal else 0.0
    n = len(profiles) or 1
    return {"profiles": len(profiles), "hit@3": round(hits / n, 4), "mrr": round(rr / n, 4),
            "ndcg@5": round(ndcg / n, 4), "target": "hit@3 ≥ 0.9", "misses": misses}

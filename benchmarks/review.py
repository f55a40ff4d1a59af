"""Review and correct, measured: what re-applying corrections and writing the audit trail cost ingest (CPU time per
case, A/B against another source tree in the same run), and how long a correction and an acceptance take on the
shipped library (SQLite, and Neo4j when DJKG_NEO4J_URI is set).

    python benchmarks/review.py                       # this tree
    python benchmarks/review.py --against /tmp/main   # interleaved with a checkout of another commit
                                                      # (e.g. git archive main | tar -x -C /tmp/main)

CPU time (``time.process_time``) rather than wall time: the machine is shared, and wall time of the same run
varied 2× between repetitions while CPU time stayed within ±10%.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def ingest_cpu(tree: Path, n: int = 600) -> dict:
    """CPU ms per case: inserting ``n - 20`` corpus texts under distinct ids, then ingesting them again unchanged."""
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_docs
    from djkg.ingest.readers import RawDoc, read_all
    base = [d for d in read_all([tree / "data" / "cases"]) if isinstance(d, RawDoc)]
    docs = [RawDoc(source=f"bench-{i}", text=base[i % len(base)].text, fmt=base[i % len(base)].fmt,
                   meta={**base[i % len(base)].meta, "id": f"bench-{i}"}) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "djkg.sqlite3")
        ingest_docs(docs[:20], store, keep_items=False)
        t0 = time.process_time()
        ingest_docs(docs[20:], store, keep_items=False)
        insert = time.process_time() - t0
        t0 = time.process_time()
        ingest_docs(docs[20:], store, keep_items=False)
        again = time.process_time() - t0
        store.close()
    return {"insert_cpu_ms_per_case": round(insert * 1000 / (n - 20), 3),
            "unchanged_cpu_ms_per_case": round(again * 1000 / (n - 20), 3)}


def review_latency(tree: Path, corrections: int = 40) -> dict:
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_paths
    from djkg.services.candidates import accept, list_candidates
    from djkg.services.corrections import correct_case
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        lite = SqliteStore(Path(tmp) / "djkg.sqlite3")
        ingest_paths([tree / "data" / "cases"], lite)
        stores = [("sqlite", lite)]
        if os.environ.get("DJKG_NEO4J_URI"):
            from djkg.graph.migrate import copy_store
            from djkg.graph.neo4j_store import Neo4jStore
            neo = Neo4jStore(os.environ["DJKG_NEO4J_URI"], os.environ.get("DJKG_NEO4J_USER", "neo4j"),
                             os.environ.get("DJKG_NEO4J_PASSWORD", ""))
            neo.clear_all()
            copy_store(lite, neo)
            stores.append(("neo4j", neo))
        for name, store in stores:
            times = []
            for i, cid in enumerate(sorted(store.case_hashes())[:corrections]):
                version = store.case_version(cid)
                t0 = time.perf_counter()
                correct_case(store, cid, {"year": 2000 + i % 20, "add_problems": ["党员队伍老化、发展党员难"]},
                             version=version, actor="bench")
                times.append((time.perf_counter() - t0) * 1000)
            items, _ = list_candidates(store)
            top = max(items, key=lambda c: c["cases"])
            t0 = time.perf_counter()
            accept(store, Path(tmp) / f"accepted-{name}.yaml", top["id"], as_="new", actor="bench")
            out[name] = {"correction_ms_p50": round(statistics.median(times), 1),
                         "correction_ms_max": round(max(times), 1), "corrections": len(times),
                         "accept_ms": round((time.perf_counter() - t0) * 1000, 1), "accept_cases": top["cases"]}
            store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--against", type=Path, help="another source tree to interleave the ingest runs with")
    ap.add_argument("--runs", type=int, default=4)
    ap.add_argument("--only", choices=("ingest", "latency"))
    args = ap.parse_args()
    if args.only == "ingest":   # one measurement of the tree this interpreter imports
        print(json.dumps(ingest_cpu(Path(os.environ.get("DJKG_BENCH_TREE", HERE)))))
        return
    result: dict = {}
    if args.only != "latency":
        trees = [HERE] + ([args.against.resolve()] if args.against else [])
        runs: dict[str, list[dict]] = {str(t): [] for t in trees}
        for _ in range(args.runs):
            for tree in trees:   # each run in a fresh interpreter importing that tree's djkg
                env = {**os.environ, "PYTHONPATH": str(tree), "DJKG_BENCH_TREE": str(tree)}
                env.pop("DJKG_NEO4J_URI", None)
                done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--only", "ingest"], env=env,
                                      capture_output=True, text=True, check=True)
                runs[str(tree)].append(json.loads(done.stdout.strip().splitlines()[-1]))
        result["ingest"] = {t: {k: [r[k] for r in rs] for k in rs[0]} for t, rs in runs.items()}
    if args.only != "ingest":
        result["latency"] = review_latency(HERE)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

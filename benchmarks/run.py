#!/usr/bin/env python3
"""djkg benchmarks: ingest, recommend, API and views — measured side by side, reported as ratios.

    python benchmarks/run.py --quick --json        # < 5 minutes on 2 cores: stores of 1k and 20k cases
    python benchmarks/run.py --json                # full: 1k, 10k, 100k cases (takes longer)
    python benchmarks/run.py --analyses-only --json --neo4j-max 10000   # gap map and emerging models at 10k and 100k
    python benchmarks/run.py --serving-only --json --size 100000        # after-write answers, serve --workers 2, pages
    python benchmarks/run.py --viz-only --json --size 100000            # the pages' server time alone
    python benchmarks/run.py --neighbourhood-only --json --size 20000   # the API's graph neighbourhood, both stores
    DJKG_NEO4J_URI=… python benchmarks/run.py …     # adds Neo4j recommend figures (use scripts/neo4j-test-server)

References measured in the same process and run: ingest vs jieba segmentation alone on the same texts;
recommend vs an in-memory floor (the same candidate traversal over Python dicts/sets preloaded in memory).
Synthetic stores come from scripts/generate_cases.py (seeded).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from generate_cases import Generator  # noqa: E402
from loopback import free_port, wait_healthy  # noqa: E402

PROFILES = [
    {"region": "甘肃省定西市", "industry": "农村", "problems": ["村集体经济薄弱，年轻人外出务工", "土地撂荒"]},
    {"region": "湖北省武汉市", "industry": "城市社区", "problems": ["老旧小区没有物业，居民投诉多"]},
    {"region": "北京市朝阳区", "industry": "城市社区", "problems": ["群众诉求响应慢，部门之间推诿"]},
    {"region": "浙江省绍兴市", "industry": "农村", "problems": ["矛盾纠纷多，信访量大"]},
    {"region": "上海市静安区", "industry": "非公有制经济组织", "problems": ["商务楼宇里企业党组织覆盖难"]},
    {"region": "四川省成都市", "industry": "城市社区", "problems": ["快递员外卖骑手归属感弱，党员找不到组织"]},
    {"region": "江西省赣州市", "industry": "农村", "problems": ["外出务工党员多，流动党员管理难"]},
    {"region": "陕西省西安市", "industry": "事业单位", "problems": ["高校教师党支部作用弱化，党建业务两张皮"]},
    {"region": "广东省深圳市", "industry": "机关", "problems": ["机关党建和业务工作结合不紧"]},
    {"region": "云南省", "industry": "农村", "problems": ["软弱涣散村，班子战斗力不强"], "description": "山区贫困村"},
]


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "processor": platform.processor() or platform.machine()}


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# --- ingest -----------------------------------------------------------------------------------------

def corpus_docs(n: int, *, md_only: bool = False) -> list:
    """``n`` documents of the shipped corpus (real lengths and styles), repeated under distinct ids ``bench-i``."""
    from djkg.ingest.readers import RawDoc, read_all
    base = [d for d in read_all([REPO / "data" / "cases"]) if isinstance(d, RawDoc) and (d.fmt == "md" or not md_only)]
    return _under_ids(base, n, keep_meta=True)


def _under_ids(base: list, n: int, *, keep_meta: bool) -> list:
    """``n`` documents taken in turn from ``base`` under distinct ids ``bench-i`` (front matter kept or dropped)."""
    from djkg.ingest.readers import RawDoc
    return [RawDoc(source=f"bench-{i}", text=d.text, fmt=d.fmt,
                   meta={**(d.meta if keep_meta else {}), "id": f"bench-{i}"})
            for i, d in ((i, base[i % len(base)]) for i in range(n))]


def bench_ingest(n: int, rounds: int = 3) -> dict:
    """End-to-end ingest (read → extract → link → write, batched as the CLI does) vs jieba segmentation
    alone, on the same texts: the shipped corpus (real lengths and styles), repeated under distinct ids.
    ``rounds`` pairs, segmentation then ingest into a fresh store, so that both see the same machine load;
    ``ratio_vs_segmentation`` is the best rate over the best rate (the cost of the work itself, the least
    disturbed round of each), ``ratio_per_round`` each round's own pair."""
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_docs
    from djkg.ingest.taxonomy import tokenizer
    docs = corpus_docs(n)
    jieba = tokenizer()                      # initialised once, like the pipeline does
    for d in docs[:20]:                      # warm both paths
        jieba.lcut(d.text)
    seg_rates, ingest_rates, seg_cpu, ingest_cpu = [], [], [], []
    done = n - 20
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for d in docs:
            jieba.lcut(d.text)
        seg_rates.append(n / (time.perf_counter() - t0))
        seg_cpu.append((time.process_time() - c0) / n * 1000)
        with tempfile.TemporaryDirectory() as tmp:
            store = SqliteStore(Path(tmp) / "djkg.sqlite3")
            ingest_docs(docs[:20], store, keep_items=False)          # warm: taxonomy, gazetteer, first pages
            t0, c0 = time.perf_counter(), time.process_time()
            report = ingest_docs(docs[20:], store, keep_items=False)
            ingest_rates.append(done / (time.perf_counter() - t0))
            ingest_cpu.append((time.process_time() - c0) / done * 1000)
            assert report.inserted == done, report.summary()
            store.close()
    # CPU time per case (this process only: SQLite runs in it) is what other processes' load disturbs least
    return {"cases": n, "rounds": rounds, "avg_chars": round(sum(len(d.text) for d in docs) / n),
            "cases_per_s": round(max(ingest_rates), 1), "segment_only_cases_per_s": round(max(seg_rates), 1),
            "ratio_vs_segmentation": round(max(ingest_rates) / max(seg_rates), 3),
            "ratio_per_round": [round(i / s, 3) for i, s in zip(ingest_rates, seg_rates)],
            "cpu_ms_per_case": round(min(ingest_cpu), 3), "segment_cpu_ms_per_case": round(min(seg_cpu), 3),
            "cpu_ratio_vs_segmentation": round(min(seg_cpu) / min(ingest_cpu), 3)}


def raw_docs(n: int) -> list:
    """``n`` write-ups as raw reports arrive: the gold sets' texts (1,000+ distinct real-style reports), no front
    matter, each once before any repeats. The corpus (``corpus_docs``) carries front matter (unit, region, field
    given, so extraction skips finding them) and repeats 83 texts, whose per-text caches (outcome names) then hit."""
    from djkg.ingest.readers import RawDoc, read_path
    base = [d for p in sorted((REPO / "tests" / "gold").glob("*/*.txt")) for d in read_path(p) if isinstance(d, RawDoc)]
    return _under_ids(base, n, keep_meta=False)


def bench_ingest_interleaved(n: int, chunk: int = 60, *, raw: bool = False) -> dict:
    """Segmentation and ingest of the same texts (the corpus, or with ``raw`` the gold sets' reports) taken in
    turns, ``chunk`` documents each, into one growing store: on a machine whose speed drifts from minute to minute
    (shared vCPUs) both sides see the same drift, where ``bench_ingest``'s best-of-three rounds read 0.43-0.56 for
    the same code. Ratios of the totals, CPU and wall."""
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_docs
    from djkg.ingest.taxonomy import tokenizer
    docs = raw_docs(n + 40) if raw else corpus_docs(n + 40)
    jieba = tokenizer()
    for d in docs[:20]:
        jieba.lcut(d.text)
    seg_cpu = seg_wall = ing_cpu = ing_wall = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "djkg.sqlite3")
        ingest_docs(docs[:40], store, keep_items=False)            # warm: taxonomy, gazetteer, first pages
        for k in range(40, n + 40, chunk):
            part = docs[k:k + chunk]
            w0, c0 = time.perf_counter(), time.process_time()
            for d in part:
                jieba.lcut(d.text)
            seg_cpu += time.process_time() - c0
            seg_wall += time.perf_counter() - w0
            w0, c0 = time.perf_counter(), time.process_time()
            ingest_docs(part, store, keep_items=False)
            ing_cpu += time.process_time() - c0
            ing_wall += time.perf_counter() - w0
        store.close()
    return {"cases": n, "chunk": chunk, "texts": "raw gold-set reports" if raw else "corpus",
            "segment_cpu_ms_per_case": round(seg_cpu / n * 1000, 3),
            "cpu_ms_per_case": round(ing_cpu / n * 1000, 3), "cpu_ratio_vs_segmentation": round(seg_cpu / ing_cpu, 3),
            "wall_ratio_vs_segmentation": round(seg_wall / ing_wall, 3)}


def bench_parallel_ingest(n: int, jobs: int | None = None, work: Path | None = None, *, raw: bool = False) -> dict:
    """``djkg ingest --jobs N`` over N files on disk vs the same with ``--jobs 1`` and vs jieba segmentation of the
    same texts in one process; measured interleaved in one run. ``jobs_ratio_vs_segmentation`` = parallel ingest
    cases/s ÷ segmentation cases/s. The files are corpus write-ups under distinct ids (front matter, 83 texts
    repeated), or with ``raw`` the gold sets' reports as plain-text files (``raw_docs``: distinct texts, nothing
    given, every decision made from the text — what a folder of real reports costs; repeats let per-text caches
    hit, and front matter spares the region, unit and field decisions).

    Each ingest is timed in a fresh interpreter (``_ingest_fresh``), warmed on other files first: timed in this
    process, the second round's ``--jobs 1`` and the writer's own share of a parallel run met the per-text caches
    (segments, noun phrases, short names) that earlier rounds over the same files had filled — raw reports read
    7.9 ms a case cold and 6.6 warm (BENCHMARKS.md, forty-fifth session) — while the workers, new every run, did
    not. A real ingest reads new text."""
    import yaml
    from djkg.ingest.parallel import default_jobs
    from djkg.ingest.taxonomy import tokenizer
    jobs = jobs or default_jobs()
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        warm = Path(tmp) / "warm"     # other files, for the fresh process's first pool and first pages
        warm.mkdir()
        texts = []
        docs = raw_docs(n + WARM_FILES) if raw else corpus_docs(n + WARM_FILES, md_only=True)
        for i, d in enumerate(docs):
            where = folder if i < n else warm
            if i < n:
                texts.append(d.text)
            if raw:
                (where / f"bench-{i:06d}.txt").write_text(d.text, encoding="utf-8")
                continue
            head = yaml.safe_dump(d.meta, allow_unicode=True, sort_keys=True)   # its id: bench-i
            (where / f"bench-{i:06d}.md").write_text(f"---\n{head}---\n{d.text}", encoding="utf-8")
        jieba = tokenizer()
        for t in texts[:20]:
            jieba.lcut(t)

        cpu: dict[str, float] = {}

        def segment() -> float:
            t0, c0 = time.perf_counter(), time.process_time()
            for t in texts:
                jieba.lcut(t)
            cpu["segment"] = min(cpu.get("segment", 1e9), time.process_time() - c0)
            return n / (time.perf_counter() - t0)

        def ingest(j: int, k: int) -> float:
            got = _ingest_fresh(folder, warm, Path(tmp) / f"db-{j}-{k}", j)
            cpu[f"main{j}"] = min(cpu.get(f"main{j}", 1e9), got["main_cpu"])
            cpu[f"workers{j}"] = min(cpu.get(f"workers{j}", 1e9), got["workers_cpu"])
            # (a folder may hold two retellings of one report — the gold sets did until r950 went: same headline,
            # unit and year, so one case id, and the second is refused as another document under that id; and a
            # report that names no place, field, problem or measure is skipped as no write-up, as a folder's
            # ingest skips such files — one of the gold sets' texts since the sixty-third session)
            lost = got["failed"] + got.get("skipped", 0)
            assert got["inserted"] + lost == n and lost <= max(1, n // 200), got
            return n / got["wall"]

        load = os.getloadavg()[0]
        seg, single, parallel = [], [], []
        for k in range(2):        # interleaved, so drift in the machine's speed hits all three alike
            seg.append(segment())
            single.append(ingest(1, k))
            parallel.append(ingest(jobs, k))
    best = max(seg)               # the reference at its fastest: the ratio errs on the low side
    per_case = {k: round(v / n * 1000, 3) for k, v in cpu.items()}
    # what the CPU seconds allow on an otherwise idle machine with ``jobs`` cores: the writer process alone, or
    # all the work spread over the cores, whichever is slower (a model, reported beside the measurement)
    bound = max(per_case[f"main{jobs}"], (per_case[f"main{jobs}"] + per_case[f"workers{jobs}"]) / jobs)
    return {"cases": n, "jobs": jobs, "texts": "raw gold-set reports" if raw else "corpus",
            "segment_only_cases_per_s": round(best, 1),
            "jobs1_cases_per_s": round(max(single), 1), "parallel_cases_per_s": round(max(parallel), 1),
            "jobs1_ratio_vs_segmentation": round(max(single) / best, 3),
            "jobs_ratio_vs_segmentation": round(max(parallel) / best, 3),
            "cpu_ms_per_case": {"segment": per_case["segment"], "jobs1": per_case["main1"],
                                "writer": per_case[f"main{jobs}"], "workers": per_case[f"workers{jobs}"]},
            "cpu_bound_ratio_idle": round(per_case["segment"] / bound, 3),
            "load_average_at_start": round(load, 2)}


WARM_FILES = 48   # files a fresh process ingests before the timed run: its fork server and first pages


def _ingest_fresh(folder: Path, warm: Path, db: Path, jobs: int) -> dict:
    """``ingest_paths([folder], …, jobs=jobs)`` timed in a new interpreter that has first ingested ``warm`` (other
    files) the same way — its tables loaded, its fork server running, and with raw reports no text of ``folder``
    read before (the corpus repeats its 83 texts, so there the warm-up has read them): wall seconds, CPU seconds of
    the process and of its workers, inserted and failed counts."""
    out = subprocess.run([sys.executable, "-c", "import run; run._ingest_fresh_child()", str(folder), str(warm),
                          str(db), str(jobs)], cwd=Path(__file__).resolve().parent, capture_output=True, text=True,
                         timeout=3600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _ingest_fresh_child() -> None:
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import ingest_paths
    folder, warm, db, jobs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    store = SqliteStore(db / "warm" / "djkg.sqlite3")
    ingest_paths([warm], store, jobs=jobs)
    store.close()
    store = SqliteStore(db / "djkg.sqlite3")
    t0, c0, w0 = time.perf_counter(), time.process_time(), _children_cpu()
    report = ingest_paths([folder], store, jobs=jobs)
    got = {"wall": time.perf_counter() - t0, "main_cpu": time.process_time() - c0, "workers_cpu": _children_cpu() - w0,
           "inserted": report.inserted, "failed": report.failed, "skipped": report.skipped}
    store.close()
    print(json.dumps(got))


def bench_write(n: int, batch: int = 50, rounds: int = 3) -> dict:
    """The SQLite write alone: ``n`` corpus cases prepared in advance (extracted and built, as a parallel ingest's
    workers hand them over, but without their encoding), written ``batch`` whole cases per transaction into a fresh
    store; CPU time per case, each round its own store. What the serial stage of an ingest costs (issue 19)."""
    from djkg.graph.sqlite_store import SqliteStore
    from djkg.ingest.pipeline import prepare_doc
    graphs = [prepare_doc(d)[1] for d in corpus_docs(n, md_only=True)]
    cpu = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            store = SqliteStore(Path(tmp) / "djkg.sqlite3")
            c0 = time.process_time()
            for i in range(0, n, batch):
                store.upsert_cases(graphs[i:i + batch])
            cpu.append((time.process_time() - c0) / n * 1000)
            store.close()
    return {"cases": n, "batch": batch, "cpu_ms_per_case": [round(c, 3) for c in cpu]}


def _children_cpu() -> float:
    """CPU seconds of this process's worker processes so far: forkserver workers are reaped by the fork server,
    so their time shows in its children's time; spawned ones in ours."""
    tick = os.sysconf("SC_CLK_TCK")
    total = sum(os.times()[2:4])
    try:
        kids = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read_text().split()
    except OSError:
        return total
    for pid in kids:
        try:
            if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(stat[13]) + int(stat[14])) / tick     # cutime, cstime
        except OSError:
            pass
    return total


def _neo4j_server_cpu() -> float | None:
    """CPU seconds so far of the Neo4j test server's JVM on this machine (``scripts/neo4j-launcher``); None when
    there is none here."""
    tick = os.sysconf("SC_CLK_TCK")
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if b"djkg.Launcher" in (proc / "cmdline").read_bytes():
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                return (int(stat[11]) + int(stat[12])) / tick       # utime, stime
        except OSError:
            continue
    return None


def synthetic_docs(n: int, seed: int):
    """The generator's first ``n`` cases of ``seed`` as documents to ingest (each seed gives its own ids)."""
    from djkg.ingest.readers import RawDoc, clean_meta
    for c in Generator(seed=seed).cases(n):
        w: list[str] = []
        yield RawDoc(source=c["id"], text=c["text"], meta=clean_meta({k: v for k, v in c.items() if k != "text"}, w))


def build_store(path: Path, n: int, *, seed: int = 5):
    from djkg.graph.sqlite_store import SqliteStore
    store = SqliteStore(path)
    if store.count_nodes("Case") >= n:
        return store
    from djkg.ingest.pipeline import ingest_docs

    def docs():
        t0 = time.perf_counter()
        for i, d in enumerate(synthetic_docs(n, seed)):
            yield d
            if i and i % 10000 == 0:
                print(f"  built {i} cases ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    ingest_docs(docs(), store, keep_items=False)
    return store


# --- recommend -------------------------------------------------------------------------------------

def time_recommend(store, repeat: int) -> dict:
    from djkg.services.recommend import recommend
    for p in PROFILES:                                    # warm caches (model index, lexical index)
        recommend(store, **p)
    samples = []
    for _ in range(repeat):
        for p in PROFILES:
            t0 = time.perf_counter()
            recommend(store, **p)
            samples.append((time.perf_counter() - t0) * 1000)
    return {"p50_ms": round(pct(samples, 0.5), 3), "p95_ms": round(pct(samples, 0.95), 3), "n": len(samples)}


def in_memory_floor(store, repeat: int) -> dict:
    """The same candidate traversal (problem ← case → model; problem ← measure ← model) over dicts."""
    from djkg.ingest.profile import parse_profile
    conn = store.conn
    faces: dict[str, set[str]] = {}
    instance: dict[str, str] = {}
    addresses: dict[str, dict[str, int]] = {}
    uses: dict[str, dict[str, int]] = {}
    for src, typ, dst in conn.execute("SELECT src, type, dst FROM edges WHERE type IN "
                                      "('FACES','INSTANCE_OF','ADDRESSES','USES')"):
        if typ == "FACES":
            faces.setdefault(dst, set()).add(src)
        elif typ == "INSTANCE_OF":
            instance[src] = dst
        elif typ == "ADDRESSES":
            addresses.setdefault(dst, {}).setdefault(src, 0)
            addresses[dst][src] += 1
        else:
            uses.setdefault(dst, {}).setdefault(src, 0)
            uses[dst][src] += 1
    profiles = [parse_profile(**p) for p in PROFILES]
    samples = []
    for _ in range(repeat):
        for prof in profiles:
            t0 = time.perf_counter()
            counts: dict[tuple[str, str], int] = {}
            mech: dict[tuple[str, str, str], int] = {}
            for p in prof.problems:
                for case in faces.get(p.id, ()):
                    m = instance.get(case)
                    if m:
                        counts[(p.id, m)] = counts.get((p.id, m), 0) + 1
                for measure, a in addresses.get(p.id, {}).items():
                    for model, u in uses.get(measure, {}).items():
                        mech[(p.id, measure, model)] = a * u
            samples.append((time.perf_counter() - t0) * 1000)
    return {"p50_ms": round(pct(samples, 0.5), 4), "p95_ms": round(pct(samples, 0.95), 4), "n": len(samples)}


def on_neo4j_copy(sqlite_store, *measures) -> list | None:
    """Copy the store into Neo4j once (the slow part) and run each measurement on the copy; None without Neo4j."""
    uri = os.environ.get("DJKG_NEO4J_URI")
    if not uri:
        return None
    from djkg.graph.migrate import copy_store
    from djkg.graph.neo4j_store import Neo4jStore
    neo = Neo4jStore(uri, os.environ.get("DJKG_NEO4J_USER", "neo4j"), os.environ.get("DJKG_NEO4J_PASSWORD", ""))
    try:
        neo.clear_all()
        copy_store(sqlite_store, neo)
        return [measure(neo) for measure in measures]
    finally:
        neo.close()


def _neo4j_store():
    from djkg.graph.neo4j_store import Neo4jStore
    return Neo4jStore(os.environ["DJKG_NEO4J_URI"], os.environ.get("DJKG_NEO4J_USER", "neo4j"),
                      os.environ.get("DJKG_NEO4J_PASSWORD", ""))


def bench_neo4j_bulk(sqlite_store, n: int, work: Path, per_case: int = 300) -> dict | None:
    """Bulk loading into Neo4j, side by side with the per-case path (one transaction per case) and with the
    neo4j-admin import tool on the same cases:
    - ``bulk_cases_per_s``: ``copy_store`` (what ``djkg migrate --to-neo4j`` runs) of ``n`` cases into an empty
      database; ``bulk_into_populated_cases_per_s``: the second half of them into a database holding the first;
    - ``update_cases_per_s``: every case of the first half changed (new title) and written again in batches;
    - ``per_case_cases_per_s``: ``upsert_case``, one transaction per case (the path updates took before, and
      every API write), ``per_case`` further new cases into the same populated database;
    - ``admin_import``: ``djkg export --format neo4j-admin`` + ``neo4j-admin database import full`` (the real
      tool, via scripts/neo4j-test-server) into an empty database."""
    if not os.environ.get("DJKG_NEO4J_URI"):
        return None
    from djkg.graph.migrate import copy_store
    from djkg.graph.schema import CaseGraph, Node
    from djkg.graph.sqlite_store import SqliteStore
    graphs = []
    for g in sqlite_store.iter_case_graphs():
        graphs.append(g)
        if len(graphs) >= n + per_case:
            break
    graphs, fresh = graphs[:n], graphs[n:]     # ``fresh``: new cases for the per-case path
    n = len(graphs)
    half = n // 2
    load = os.getloadavg()[0]
    neo = _neo4j_store()
    try:
        neo.clear_all()
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            src = SqliteStore(Path(tmp) / "src.sqlite3")
            src.upsert_cases(graphs)
            t0, c0, k0, j0 = time.perf_counter(), time.process_time(), _children_cpu(), _neo4j_server_cpu()
            copy_store(src, neo, verify=False)
            empty = n / (time.perf_counter() - t0)
            j1 = _neo4j_server_cpu()
            # where a copy's CPU goes: this process writes, a child reads and encodes, the server stores
            copy_cpu = {"writer": round((time.process_time() - c0) / n * 1000, 3),
                        "reader": round((_children_cpu() - k0) / n * 1000, 3),
                        "server": round((j1 - j0) / n * 1000, 3) if j0 is not None and j1 is not None else None}
            t0 = time.perf_counter()
            assert neo.stats() == src.stats(), "counts differ after the copy"
            verify_s = time.perf_counter() - t0
            first = SqliteStore(Path(tmp) / "first.sqlite3")
            first.upsert_cases(graphs[:half])
            second = SqliteStore(Path(tmp) / "second.sqlite3")
            second.upsert_cases(graphs[half:])
            neo.clear_all()
            copy_store(first, neo, verify=False)
            t0 = time.perf_counter()
            copy_store(second, neo, verify=False)
            populated = (n - half) / (time.perf_counter() - t0)
            changed = [CaseGraph(Node(g.case.id, g.case.label, {**g.case.props, "title": f"{g.case.props.get('title')}（修订）"}),
                             g.nodes, g.edges) for g in graphs[:half]]
            t0 = time.perf_counter()
            for i in range(0, len(changed), 500):
                assert set(neo.upsert_cases(changed[i:i + 500])) == {"updated"}
            update = len(changed) / (time.perf_counter() - t0)
            t0 = time.perf_counter()
            for g in fresh:
                neo.upsert_case(g)
            single = len(fresh) / (time.perf_counter() - t0)
            admin = _admin_import(src, n, Path(tmp))
            for s in (src, first, second):
                s.close()
    finally:
        neo.close()
    return {"cases": n, "bulk_cases_per_s": round(empty, 1), "bulk_into_populated_cases_per_s": round(populated, 1),
            "update_cases_per_s": round(update, 1), "per_case_cases_per_s": round(single, 1),
            "copy_cpu_ms_per_case": copy_cpu,
            "bulk_vs_per_case": round(min(empty, populated) / single, 1), "verify_counts_s": round(verify_s, 2),
            "load_average_at_start": round(load, 2), "admin_import": admin}


def _admin_import(store, n: int, tmp: Path) -> dict:
    """Export as neo4j-admin CSV, import with the real tool into a fresh server's empty database."""
    from djkg.services.export import export_to
    folder = tmp / "admin"
    t0 = time.perf_counter()
    export_to(store, "neo4j-admin", folder)
    export_s = time.perf_counter() - t0
    state = tmp / "admin-server"
    env = {**os.environ, "DJKG_NEO4J_STATE": str(state), "DJKG_NEO4J_IMPORT": str(folder), "PYTHON": sys.executable}
    run = subprocess.run([str(REPO / "scripts" / "neo4j-test-server"), "start"], env=env, capture_output=True,
                         text=True, timeout=1800)
    try:
        if run.returncode != 0:
            return {"error": run.stderr[-500:]}
        log = (state / "import.log").read_text(encoding="utf-8")
        import re
        m = re.search(r"IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms", log)
        import_s = (int(m.group(1) or 0) * 60 + int(m.group(2)) + int(m.group(3)) / 1000) if m else float("nan")
    finally:
        subprocess.run([str(REPO / "scripts" / "neo4j-test-server"), "stop"],
                       env={**os.environ, "DJKG_NEO4J_STATE": str(state)}, capture_output=True, timeout=300)
    return {"export_s": round(export_s, 2), "import_tool_s": round(import_s, 2),
            "export_plus_import_cases_per_s": round(n / (export_s + import_s), 1)}


# --- API ---------------------------------------------------------------------------------------------

async def _load(base: str, total: int, concurrency: int, seconds: float) -> tuple[list[float], int, float]:
    import httpx
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        async def worker(i: int):
            nonlocal sent, errors
            while sent < total and time.perf_counter() < deadline:
                body = PROFILES[sent % len(PROFILES)]
                sent += 1
                t0 = time.perf_counter()
                r = await client.post("/api/v1/recommendations", json=body)
                latencies.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    errors += 1
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - t0
    return latencies, errors, elapsed


_WRK_LUA = """
local bodies = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/recommendations", {["Content-Type"] = "application/json"},
                    bodies[(i %% #bodies) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, '
    .. '"non2xx": %%d, "socket_errors": %%d}', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout), '\\n')
end
"""


def _wrk(base: str, concurrency: int, seconds: float, work: Path) -> dict | None:
    """wrk (C, one thread) when installed: the load generator then costs the server little CPU."""
    import shutil
    if not shutil.which("wrk"):
        return None
    bodies = ", ".join("[==[" + json.dumps(p, ensure_ascii=False) + "]==]" for p in PROFILES)
    script = work / "recommend.lua"
    script.write_text(_WRK_LUA % bodies, encoding="utf-8")
    out = subprocess.run(["wrk", "-t1", f"-c{concurrency}", f"-d{int(seconds)}s", "-s", str(script), base],
                         capture_output=True, text=True, timeout=seconds + 60).stdout
    line = next(l for l in out.splitlines() if l.startswith("WRKJSON "))
    r = json.loads(line[len("WRKJSON "):])
    return {"rps": round(r["requests"] / (r["duration_us"] / 1e6), 1), "p50_ms": round(r["p50_us"] / 1000, 2),
            "p99_ms": round(r["p99_us"] / 1000, 2), "requests": r["requests"],
            "errors": r["non2xx"] + r["socket_errors"], "client": "wrk"}


class _Server:
    """``djkg serve`` on 127.0.0.1 in its own process group, as users run it."""

    def __init__(self, data_dir: Path, workers: int, **env: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        full = {**os.environ, "DJKG_DATA_DIR": str(data_dir), **env}
        full.pop("DJKG_NEO4J_URI", None)
        self.proc = subprocess.Popen([sys.executable, "-m", "djkg.cli.main", "serve", "--port", str(self.port),
                                      "--workers", str(workers)], env=full,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self) -> "_Server":
        import httpx
        wait_healthy(self.base, seconds=600)
        for p in PROFILES:
            httpx.post(self.base + "/api/v1/recommendations", json=p, timeout=120)
        return self

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)

    def peak_rss_mb(self) -> dict:
        """Peak resident memory (VmHWM) of the server process and of each worker process it started."""
        def hwm(pid: int) -> float:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
            return 0.0
        out = {"main": round(hwm(self.proc.pid), 1)}
        kids = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text().split()
        workers = [round(hwm(int(k)), 1) for k in kids
                   if b"spawn_main" in Path(f"/proc/{k}/cmdline").read_bytes()]   # not the resource tracker
        out["workers"] = workers
        return out

    def load(self, concurrency: int, seconds: float, total: int, work: Path) -> dict:
        measured = _wrk(self.base, concurrency, seconds, work)
        if measured is None:
            latencies, errors, elapsed = asyncio.run(_load(self.base, total, concurrency, seconds))
            measured = {"rps": round(len(latencies) / elapsed, 1), "p50_ms": round(pct(latencies, 0.5), 2),
                        "p99_ms": round(pct(latencies, 0.99), 2), "requests": len(latencies), "errors": errors,
                        "client": "httpx-asyncio"}
        return measured


def bench_api(data_dir: Path, *, total: int, concurrency: int, seconds: float, workers: int = 2) -> dict:
    with _Server(data_dir, workers) as server:
        measured = server.load(concurrency, seconds, total, data_dir)
        rss = server.peak_rss_mb()
    return {**measured, "concurrency": concurrency, "workers": workers, "peak_rss_mb": rss}


def bench_api_under_writer(data_dir: Path, *, concurrency: int, seconds: float, every_s: float = 0.2,
                           workers: int = 2) -> dict:
    """Issue 20 item 6: recommendation latency read-only, then while one writer posts a new case every
    ``every_s`` seconds through the API (each post is a new store revision)."""
    import threading
    import httpx
    key = "bench-writer-key-0123456789abcdef"
    with _Server(data_dir, workers, DJKG_API_KEY=key) as server:
        read_only = server.load(concurrency, seconds, 10**6, data_dir)
        stop = threading.Event()
        posted: list[int] = []

        def writer() -> None:
            docs = synthetic_docs(int(seconds / every_s) + 50, seed=7700 + os.getpid() % 1000)
            with httpx.Client(base_url=server.base, timeout=60, headers={"X-API-Key": key}) as c:
                while not stop.is_set():
                    t0 = time.perf_counter()
                    d = next(docs, None)
                    if d is None:
                        return
                    body = {k: v for k, v in d.meta.items() if k in ("id", "title", "unit", "year", "region",
                                                                      "industry", "illustrative")}
                    r = c.post("/api/v1/cases", json={**body, "text": d.text})
                    posted.append(r.status_code)
                    stop.wait(max(0.0, every_s - (time.perf_counter() - t0)))

        t = threading.Thread(target=writer)
        t.start()
        try:
            with_writer = server.load(concurrency, seconds, 10**6, data_dir)
        finally:
            stop.set()
            t.join(60)
    ok = sum(1 for code in posted if code in (200, 201))
    return {"read_only": read_only, "with_writer": with_writer, "writes": len(posted), "writes_ok": ok,
            "p50_ratio": round(with_writer["p50_ms"] / max(read_only["p50_ms"], 1e-3), 2),
            "every_s": every_s, "concurrency": concurrency, "workers": workers}


# --- fresh answers after a write (issue 19 item 3) ------------------------------------------------------

def bench_after_write(store, writes: int = 5, seed: int = 9901) -> dict:
    """One case written into a warm store, then the next recommendation, timed from the end of the write to the
    answer: the index is updated for the changed case (incremental). The reference is the same request paying a
    full rebuild (the index forgotten). Each written case must be in its model's case count in the next answer."""
    from djkg.ingest.pipeline import ingest_docs
    from djkg.queries.index import INDEXES, store_index
    from djkg.services.recommend import recommend

    def timed(profile) -> tuple[float, object]:
        t0 = time.perf_counter()
        rec = recommend(store, **profile)
        return (time.perf_counter() - t0) * 1000, rec

    for p in PROFILES:
        recommend(store, **p)
    incremental, counted, origins = [], 0, set()
    for i, d in enumerate(synthetic_docs(writes, seed)):
        item = ingest_docs([d], store, keep_items=True).items[0]
        ms, _ = timed(PROFILES[i % len(PROFILES)])
        incremental.append(ms)
        index = store_index(store)
        origins.add(index.origin)
        counted += int(item.case.id in index.models.contributions
                       and any(c.id == item.case.id for e in index.models.models.values() for c in e.cases))
    INDEXES.forget(store)
    rebuild, _ = timed(PROFILES[0])
    return {"incremental_ms": round(pct(incremental, 0.5), 1), "incremental_max_ms": round(max(incremental), 1),
            "full_rebuild_ms": round(rebuild, 1), "writes": writes, "new_cases_in_index": counted,
            "index_origins": sorted(origins)}


def _forget_written(store) -> None:
    """Delete the cases the after-write benchmarks added (their generator seeds are not the store's)."""
    ids = [r["id"] for r in store.conn.execute("SELECT case_id AS id FROM case_graphs WHERE case_id NOT LIKE ?",
                                               ("case:syn-5-%",))]
    for case_id in ids:
        store.delete_case(case_id)


# --- views -------------------------------------------------------------------------------------------

VIZ_PAGES = {   # key in the report -> URL (formatted with the model of most cases, one of its cases and its province)
    "overview_ms": "/views/overview",
    "model_view_ms": "/views/model/{model}",
    "model_page_ms": "/models/{model}",
    "models_ms": "/models",
    "case_page_ms": "/cases/{case}",
    "case_view_ms": "/views/case/{case}",
    "region_view_ms": "/views/region/{province}",
    "region_page_ms": "/regions/{province}",
    "regions_ms": "/regions",
    "cases_ms": "/cases",
    "cases_filtered_ms": "/cases?region={province}&field=农村",
    "gaps_ms": "/gaps",
    "expand_model_ms": "/views/expand?id={model}",       # a double-click on a graph page's hub nodes
    "expand_measure_ms": "/views/expand?id={measure}",
}


def bench_viz(store, repeat: int = 5) -> dict:
    """Server time of the HTML pages a user reaches, through the ASGI app (FastAPI test client: routing, render,
    security headers; no network), with the model index warm as ``djkg serve`` makes it at start-up. Each page:
    ``first_ms`` is its first request (per-revision caches of that page empty, SQLite's page cache as the
    previous pages left it), the ``*_ms`` keys the median of ``repeat`` later requests. ``overview_cold_ms`` is
    the overview in a process whose index is not made yet (the request builds it)."""
    from urllib.parse import quote

    from fastapi.testclient import TestClient

    from djkg.api.app import create_app
    from djkg.core.config import Settings
    from djkg.graph.adcodes import province_of
    from djkg.queries.index import INDEXES, model_index, store_index
    from djkg.viz import pages

    def timed(fn) -> tuple[float, object]:
        t0 = time.perf_counter()
        out = fn()
        return (time.perf_counter() - t0) * 1000, out

    out: dict = {"load_average_at_start": round(os.getloadavg()[0], 2)}
    INDEXES.forget(store)
    out["overview_cold_ms"] = round(timed(lambda: pages.render_overview(store))[0], 1)
    out["index_warm_ms"] = round(timed(lambda: store_index(store))[0], 1)
    index = model_index(store)
    top = max((e for e in index.models.values() if not e.candidate), key=lambda e: (len(e.cases), e.id))   # largest
    case = next((c for c in top.cases if c.adcode), top.cases[0])
    province = index.region_names.get(province_of(case.adcode) or "", "北京市")
    measure = max(top.measures, key=lambda m: (top.measures[m], m))   # the model's most used measure
    first: dict[str, float] = {}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp, TestClient(create_app(Settings(data_dir=Path(tmp)), store=store)) as client:
        for key, url in VIZ_PAGES.items():
            url = url.format(model=quote(top.id, safe=":"), case=quote(case.id, safe=":"), province=quote(province),
                             measure=quote(measure, safe=":"))
            ms, response = timed(lambda: client.get(url))
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code}")
            first[key] = round(ms, 1)
            sizes[key.removesuffix("_ms")] = len(response.content)
            samples = sorted(timed(lambda: client.get(url))[0] for _ in range(repeat))
            out[key] = round(samples[len(samples) // 2], 1)
    out.update({"model": top.id, "model_cases": len(top.cases), "first_ms": first, "bytes": sizes,
                "overview_bytes": sizes["overview"]})
    return out


def bench_neighbourhood(store, repeat: int = 5) -> dict:
    """``/api/v1/graph/neighborhood`` at the API's default limit (200 nodes) on one store: the model with the most
    cases at depth 1 (its graph page) and depth 2, and one of its cases at depth 2; the median of ``repeat`` calls
    after one that warms the store's caches."""
    from djkg.queries.index import model_index
    index = model_index(store)
    top = max((e for e in index.models.values() if not e.candidate), key=lambda e: (len(e.cases), e.id))
    out: dict = {"model": top.id, "model_cases": len(top.cases)}
    for key, (node, depth) in {"model_depth1_ms": (top.id, 1), "model_depth2_ms": (top.id, 2),
                               "case_depth2_ms": (top.cases[0].id, 2)}.items():
        sub = store.neighborhood(node, depth=depth, limit=200)
        samples = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            store.neighborhood(node, depth=depth, limit=200)
            samples.append((time.perf_counter() - t0) * 1000)
        out[key] = round(sorted(samples)[len(samples) // 2], 1)
        out[key.replace("_ms", "_nodes")] = len(sub.nodes)
    return out


def neighbourhood_only(args) -> None:
    """The neighbourhood on a store of ``--size`` cases (built once, reused), and on its Neo4j copy when Neo4j is
    given and the store is within --neo4j-max."""
    n = args.size
    print(f"store of {n} cases …", file=sys.stderr)
    store = build_store(args.work / f"store-{n}" / "djkg.sqlite3", n)
    result: dict = {"machine": machine(), "mode": "neighbourhood", "cases": n,
                    "neighbourhood": {"embedded": bench_neighbourhood(store)}}
    found = on_neo4j_copy(store, bench_neighbourhood) if n <= (args.neo4j_max or 20000) else None
    if found is not None:
        result["neighbourhood"]["neo4j"] = found[0]
    store.close()
    print(json.dumps(result, ensure_ascii=False, indent=2 if args.json else None))


def viz_only(args) -> None:
    """The pages alone on the store of ``--size`` cases (built once by ``build_store``, reused)."""
    n = args.size
    print(f"store of {n} cases …", file=sys.stderr)
    store = build_store(args.work / f"store-{n}" / "djkg.sqlite3", n)
    result = {"machine": machine(), "mode": "viz", "viz": {"cases": n, **bench_viz(store)}}
    store.close()
    print(json.dumps(result, ensure_ascii=False, indent=2 if args.json else None))


# --- analyses (gap map, emerging models) ----------------------------------------------------------------

def bench_analyses(store, repeat: int = 3) -> dict:
    """Gap map and emerging models on one store. ``first`` is a request right after a write: the per-revision model
    index is rebuilt, then the analysis runs; ``compute`` is the analysis alone (model index warm, its own cache
    bypassed: the named queries and the scoring); ``cached`` is every later request of the same revision."""
    from djkg.queries import provinces
    from djkg.queries.emerging import emerging_models
    from djkg.queries.gaps import gap_map
    from djkg.queries.index import INDEXES, store_index

    def timed(fn) -> float:
        t0 = time.perf_counter()
        fn()
        return (time.perf_counter() - t0) * 1000

    shandong = provinces.resolve("山东")
    out: dict = {}
    for name, fn, uncached in (
            ("gap_map", lambda: gap_map(store), lambda: gap_map(store, cached=False)),
            ("gap_map_province_field", lambda: gap_map(store, province=shandong, field="农村"),
             lambda: gap_map(store, province=shandong, field="农村", cached=False)),
            ("emerging", lambda: emerging_models(store), lambda: emerging_models(store, cached=False))):
        INDEXES.forget(store)
        first = timed(fn)
        store_index(store)
        compute = sorted(timed(uncached) for _ in range(repeat))
        cached = sorted(timed(fn) for _ in range(max(20, repeat)))
        out[name] = {"first_ms": round(first, 1), "compute_ms": round(compute[len(compute) // 2], 1),
                     "cached_p50_ms": round(pct(cached, 0.5), 3)}
    result = emerging_models(store)
    out["emerging"].update({"population": result.population, "pairs_tested": result.pairs_tested,
                            "groups": len(result.groups),
                            "groups_resembling_a_named_model": sum(1 for g in result.groups if g.resembles)})
    g = gap_map(store)
    out["gap_map"].update({"problems": len(g.problems), "cells": len(g.by_field) + len(g.by_province),
                           "json_bytes": len(g.model_dump_json())})
    return out



def analyses_only(args) -> None:
    result: dict = {"machine": machine(), "mode": "analyses", "analyses": {"embedded": {}}}
    for n in (10000, 100000):
        print(f"store of {n} cases …", file=sys.stderr)
        store = build_store(args.work / f"store-{n}" / "djkg.sqlite3", n)
        result["analyses"]["embedded"][str(n)] = bench_analyses(store)
        found = on_neo4j_copy(store, bench_analyses) if n <= args.neo4j_max else None
        if found is not None:
            result["analyses"].setdefault("neo4j", {})[str(n)] = found[0]
        store.close()
    print(json.dumps(result, ensure_ascii=False, indent=2 if args.json else None))


def serving_only(args) -> None:
    """Issue 19 items 3-4 and issue 20 item 6 on one store (default 100k cases): recommendation, the next answer
    after a write (both stores when Neo4j is given and the store is within --neo4j-max), ``serve --workers 2``
    under load with each worker's peak memory, the same under one writer, and the pages' server time."""
    n = args.size
    result: dict = {"machine": machine(), "mode": "serving", "cases": n}
    d = args.work / f"store-{n}"
    print(f"store of {n} cases …", file=sys.stderr)
    store = build_store(d / "djkg.sqlite3", n)
    result["recommend"] = {"embedded": time_recommend(store, 10)}
    print("after a write …", file=sys.stderr)
    after = {"embedded": {"cases": n, **bench_after_write(store)}}
    _forget_written(store)
    if n <= args.neo4j_max:
        found = on_neo4j_copy(store, lambda s: time_recommend(s, 10), bench_after_write)
        if found is not None:
            result["recommend"]["neo4j"] = found[0]
            after["neo4j"] = {"cases": n, **found[1]}
    result["recommend"]["after_write"] = after
    result["recommend"]["after_write_ms"] = {k: v["incremental_ms"] for k, v in after.items()}
    print("views …", file=sys.stderr)
    result["viz"] = {"cases": n, **bench_viz(store)}
    store.close()
    print("api …", file=sys.stderr)
    result["api"] = {"cases": n, **bench_api(d, total=10000, concurrency=8, seconds=args.seconds)}
    print("api under one writer …", file=sys.stderr)
    result["api"]["under_writer"] = bench_api_under_writer(d, concurrency=8, seconds=args.seconds)
    store = build_store(d / "djkg.sqlite3", n)
    _forget_written(store)
    store.close()
    print(json.dumps(result, ensure_ascii=False, indent=2 if args.json else None))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out")
    ap.add_argument("--neo4j-max", type=int, default=None,
                    help="largest store copied into Neo4j (bulk copy over Bolt is the slow part of a run; "
                         "default 1000 with --quick so it stays under 5 minutes, 20000 otherwise)")
    ap.add_argument("--analyses-only", action="store_true",
                    help="only the gap map and emerging models, on stores of 10k and 100k cases (built once, reused)")
    ap.add_argument("--serving-only", action="store_true",
                    help="only serving at one size (--size, default 100000): after-write answers, API under load "
                         "and under one writer, page render times")
    ap.add_argument("--viz-only", action="store_true",
                    help="only the pages' server time at one size (--size, default 100000; the store is built once, "
                         "reused)")
    ap.add_argument("--neighbourhood-only", action="store_true",
                    help="only a node's neighbourhood (the API's graph call) at one size (--size), on both stores")
    ap.add_argument("--size", type=int, default=100000)
    ap.add_argument("--seconds", type=float, default=30.0, help="load duration per API measurement (serving-only)")
    args = ap.parse_args()
    if args.viz_only:
        viz_only(args)
        return
    if args.neighbourhood_only:
        neighbourhood_only(args)
        return
    if args.neo4j_max is None:
        args.neo4j_max = 1000 if args.quick else 20000
    if args.analyses_only:
        analyses_only(args)
        return
    if args.serving_only:
        serving_only(args)
        return
    sizes = [1000, 20000] if args.quick else [1000, 10000, 100000]
    repeat = 5 if args.quick else 10
    args.work.mkdir(parents=True, exist_ok=True)
    result: dict = {"machine": machine(), "mode": "quick" if args.quick else "full"}
    print("ingest …", file=sys.stderr)
    result["ingest"] = bench_ingest(600 if args.quick else 2000)
    result["ingest"]["interleaved"] = bench_ingest_interleaved(1200 if args.quick else 3000)
    result["ingest"]["interleaved_raw"] = bench_ingest_interleaved(1000 if args.quick else 3000, raw=True)
    print("parallel ingest …", file=sys.stderr)
    result["ingest"]["parallel"] = bench_parallel_ingest(1200 if args.quick else 4000, work=args.work)
    result["ingest"]["parallel_raw"] = bench_parallel_ingest(1200, work=args.work, raw=True)
    # the headline is the lower of the two: real reports as plain text (distinct, nothing given) cost more per case
    # than the corpus's write-ups (front matter, texts repeated), and that is what a user's folder holds
    result["ingest"]["jobs_ratio_vs_segmentation"] = min(
        result["ingest"][k]["jobs_ratio_vs_segmentation"] for k in ("parallel", "parallel_raw"))
    result["ingest"]["write"] = bench_write(1200)
    rec: dict = {"embedded": {}, "in_memory_floor": {}}
    neo: dict = {}
    analyses_neo: dict = {}
    after_write: dict = {}
    neighbourhood: dict = {"embedded": {}}
    stores = {}
    for n in sizes:
        print(f"store of {n} cases …", file=sys.stderr)
        d = args.work / f"store-{n}"
        store = build_store(d / "djkg.sqlite3", n)
        stores[n] = (d, store)
        rec["embedded"][str(n)] = time_recommend(store, repeat)
        rec["in_memory_floor"][str(n)] = in_memory_floor(store, repeat * 4)
        analyse = n >= 10000 or args.quick          # gap map and emerging models: 10k and up (every size if quick)
        neighbourhood["embedded"][str(n)] = bench_neighbourhood(store)
        found = on_neo4j_copy(store, lambda s: time_recommend(s, repeat),
                              lambda s: bench_analyses(s) if analyse else None, bench_neighbourhood,
                              bench_after_write) if n <= args.neo4j_max else None   # last: it writes (to the copy)
        if found is not None:
            neo[str(n)] = found[0]
            if found[1] is not None:
                analyses_neo[str(n)] = found[1]
            neighbourhood.setdefault("neo4j", {})[str(n)] = found[2]
            after_write["neo4j"] = {"cases": n, **found[3]}
    if neo:
        rec["neo4j"] = neo
    bulk_n = 5000 if args.quick else 20000
    bulk_store = next((stores[k][1] for k in sorted(stores) if k >= bulk_n + 300), None)
    if bulk_store is not None and os.environ.get("DJKG_NEO4J_URI"):
        print(f"neo4j bulk load of {bulk_n} cases …", file=sys.stderr)
        result["neo4j"] = bench_neo4j_bulk(bulk_store, bulk_n, args.work)
    print(f"after a write at {sizes[-1]} cases …", file=sys.stderr)
    after_write["embedded"] = {"cases": sizes[-1], **bench_after_write(stores[sizes[-1]][1])}
    _forget_written(stores[sizes[-1]][1])            # the store stays the seeded one for the next run
    rec["after_write"] = after_write
    rec["after_write_ms"] = {k: v["incremental_ms"] for k, v in after_write.items()}
    small, large = str(sizes[0]), str(sizes[-1])
    rec["ratios"] = {
        "embedded_p95_growth": round(rec["embedded"][large]["p95_ms"] / rec["embedded"][small]["p95_ms"], 2),
        "embedded_vs_floor_p95": {k: round(v["p95_ms"] / max(rec["in_memory_floor"][k]["p95_ms"], 1e-3), 1)
                                  for k, v in rec["embedded"].items()},
    }
    if neo:
        rec["ratios"]["neo4j_vs_embedded_p95"] = {k: round(v["p95_ms"] / rec["embedded"][k]["p95_ms"], 2)
                                                  for k, v in neo.items()}
    result["recommend"] = rec
    result["neighbourhood"] = neighbourhood
    api_size = sizes[-1]
    print(f"api at {api_size} cases …", file=sys.stderr)
    result["api"] = {"cases": api_size, **bench_api(stores[api_size][0], total=3000 if args.quick else 10000,
                                                    concurrency=8, seconds=20 if args.quick else 60)}
    print(f"api under one writer at {api_size} cases …", file=sys.stderr)
    result["api"]["under_writer"] = bench_api_under_writer(stores[api_size][0], concurrency=8,
                                                           seconds=15 if args.quick else 30)
    _forget_written(stores[api_size][1])
    print("views …", file=sys.stderr)
    result["viz"] = {"cases": sizes[-1], **bench_viz(stores[sizes[-1]][1])}
    print("analyses …", file=sys.stderr)
    analyses: dict = {"embedded": {str(n): bench_analyses(s) for n, (_, s) in sorted(stores.items())
                                   if n >= 10000 or args.quick}}
    if analyses_neo:
        analyses["neo4j"] = analyses_neo
    result["analyses"] = analyses
    for _, s in stores.values():
        s.close()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

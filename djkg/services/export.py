"""``djkg export`` and ``GET /api/v1/export/{format}``: the graph for the tools organisation departments use.

The graph formats live with the graph (``graph/export.py``: they need nothing but the schema and the store
protocol); this module adds what needs the queries room — the models table with maturity — and packs
multi-file formats into a zip for HTTP. One call per format, shared by the CLI and the API:

- ``graphml``      one file: networkx and Gephi read it (nodes first, then edges)
- ``jsonld``       one file: JSON-LD with its ``@context`` (schema.org terms where one fits)
- ``neo4j-admin``  a folder: one CSV per label and relationship type + ``import.sh`` for
                   ``neo4j-admin database import full`` (an empty database; see BENCHMARKS.md for its speed)
- ``csv``          a folder: ``cases.csv``, ``outcomes.csv``, ``models.csv`` for spreadsheets
"""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterator

from ..graph.export import (
    CASE_COLUMNS, OUTCOME_COLUMNS, case_tables, iter_graphml, iter_jsonld, text_chunks_to_bytes, write_neo4j_admin,
    write_table)
from ..graph.store import GraphStore
from ..queries.index import model_index
from ..queries.models import list_models

SINGLE_FILE = {"graphml": ("application/graphml+xml", "djkg.graphml", iter_graphml),
               "jsonld": ("application/ld+json", "djkg.jsonld", iter_jsonld)}
MULTI_FILE = ("neo4j-admin", "csv")
FORMATS = (*SINGLE_FILE, *MULTI_FILE)
MODEL_COLUMNS = ["id", "name", "cases", "provinces", "cities", "fields", "maturity", "maturity_level"]


def write_tables(store: GraphStore, folder: Path) -> list[Path]:
    """cases.csv, outcomes.csv (one pass over the cases) and models.csv (maturity from the model index)."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # both tables fill in one pass over the cases: outcome rows are spooled while cases stream to their file
        spool = Path(tmp) / "outcomes.jsonl"
        with spool.open("w", encoding="utf-8") as s:
            def case_rows() -> Iterator[dict[str, Any]]:
                for table, row in case_tables(store):
                    if table == "cases":
                        yield row
                    else:
                        s.write(json.dumps(row, ensure_ascii=False) + "\n")
            write_table(folder / "cases.csv", CASE_COLUMNS, case_rows())
        with spool.open(encoding="utf-8") as s:
            write_table(folder / "outcomes.csv", OUTCOME_COLUMNS, (json.loads(line) for line in s))
    write_table(folder / "models.csv", MODEL_COLUMNS, _model_rows(store))
    return [folder / "cases.csv", folder / "outcomes.csv", folder / "models.csv"]


def _model_rows(store: GraphStore) -> Iterator[dict[str, Any]]:
    for m in list_models(model_index(store), include_candidates=True):
        yield {"id": m.id, "name": m.name, "cases": m.cases, "provinces": "；".join(m.regions),
               "cities": "；".join(m.cities), "fields": "；".join(m.fields), "maturity": m.maturity.score,
               "maturity_level": m.maturity.level}


_FOLDER_WRITERS: dict[str, Callable[[GraphStore, Path], list[Path]]] = {
    "neo4j-admin": write_neo4j_admin, "csv": write_tables}


def export_to(store: GraphStore, fmt: str, out: Path) -> list[Path]:
    """Write ``fmt`` to ``out`` (a file for graphml/jsonld, a folder for neo4j-admin/csv); returns what was written.
    A single file is written beside its final name and renamed, so a reader never sees half of it."""
    if fmt in SINGLE_FILE:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        with tmp.open("wb") as f:
            for chunk in text_chunks_to_bytes(SINGLE_FILE[fmt][2](store)):
                f.write(chunk)
        tmp.replace(out)
        return [out]
    if fmt not in _FOLDER_WRITERS:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    files = _FOLDER_WRITERS[fmt](store, out)
    return files + ([out / "import.sh"] if fmt == "neo4j-admin" else [])


class _ChunkSink:
    """A write-only file object whose writes are collected for a streaming response (zipfile writes to it)."""

    # no tell()/seek(): zipfile then writes a streamable archive (sizes in data descriptors after each entry)
    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


def stream_export(store: GraphStore, fmt: str) -> tuple[str, str, Iterator[bytes]]:
    """(media type, file name, body chunks) for HTTP: single-file formats stream as they are produced;
    multi-file ones are written to a temporary folder, then streamed as a zip."""
    if fmt in SINGLE_FILE:
        media, name, produce = SINGLE_FILE[fmt]
        return media, name, text_chunks_to_bytes(produce(store))
    tmp = Path(tempfile.mkdtemp(prefix="djkg-export-"))
    try:
        files = export_to(store, fmt, tmp / fmt)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise

    def body() -> Iterator[bytes]:
        sink = _ChunkSink()
        try:
            with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as z:   # type: ignore[arg-type]
                for f in files:
                    with f.open("rb") as src, z.open(f"djkg-{fmt}/{f.name}", "w", force_zip64=True) as dst:
                        while block := src.read(1 << 16):
                            dst.write(block)
                            if len(sink.chunks) > 16:
                                yield sink.take()
                    yield sink.take()
            yield sink.take()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    return "application/zip", f"djkg-{fmt}.zip", body()

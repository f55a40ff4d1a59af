"""The case library's own checks (``djkg corpus check DIR``): every write-up is documented and checkable, and the
library as a whole covers what organisation departments compare (models, fields, provinces, local brands, years).

A documented case retells one publicly reported practice and cites it (publication, date, title, URL); an
illustrative one says so and stays a small minority. The thresholds are the case-library issue's and are listed in
``data/cases/README.md``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.numerals import ascii_digits
from ..graph.schema import FIELDS, normalise_key

MIN_CASES = 200
MIN_DOCUMENTED_SHARE = 0.85
MODEL_MIN_CASES, MODEL_MIN_PROVINCES = 5, 3
FIELD_MIN_CASES = 15
MIN_PROVINCES = 28
MIN_LOCAL_BRANDS = 30
YEAR_BUCKETS = ((2005, 2009), (2010, 2014), (2015, 2019), (2020, 2025))
YEAR_BUCKET_MIN = 3
BODY_CHARS = (300, 2000)
REQUIRED = ("title", "unit", "year", "region", "industry", "style")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class CorpusReport:
    documents: int = 0
    documented: int = 0
    checks: list[Check] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks) and not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "documents": self.documents, "documented": self.documented,
                "checks": [c.__dict__ for c in self.checks], "problems": self.problems, "counts": self.counts}


def check_corpus(folder: Path) -> CorpusReport:
    """Read every write-up under ``folder`` (any readable format) and check the library."""
    from ..ingest.readers import RawDoc, Skipped, read_all
    from ..ingest.regions import gazetteer
    from ..ingest.taxonomy import taxonomy
    tx = taxonomy()
    report = CorpusReport()
    seen: dict[tuple[str, int], str] = {}
    per_model: dict[str, list[str]] = defaultdict(list)
    fields: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    years: Counter[int] = Counter()
    local = 0
    for doc in read_all([folder]):
        if isinstance(doc, Skipped):
            continue          # the folder's README and notes: not case write-ups
        if not isinstance(doc, RawDoc):
            report.problems.append({"file": doc.source, "problem": doc.error})
            continue
        report.documents += 1
        name, meta = _short(doc.source, folder), doc.meta

        def problem(text: str) -> None:
            report.problems.append({"file": name, "problem": text})

        if not meta.get("title"):   # a Word file, PDF or bulletin carries its title as its first line
            first = next((ln.strip().lstrip("#").strip() for ln in doc.text.splitlines() if ln.strip()), "")
            meta = {**meta, "title": first}
        for key in REQUIRED:
            if not meta.get(key):
                problem(f"缺少 {key} / missing {key}")
        illustrative = bool(meta.get("illustrative"))
        sources = meta.get("source") or []
        if not illustrative:
            if not any(s.get("url") for s in sources):
                problem("来源没有网址 / source has no URL")
            if not meta.get("reported"):
                problem("缺少报道日期 reported / missing reported")
        start, reported = meta.get("year"), str(meta.get("reported") or "")
        if start and ascii_digits(reported[:4]) and int(start) > int(reported[:4]):
            problem(f"开始年份 {start} 晚于报道日期 {reported} / start year after the report")
        chars = len(re.sub(r"\s", "", doc.text))
        if not BODY_CHARS[0] <= chars <= BODY_CHARS[1]:
            problem(f"正文 {chars} 字，应在 {BODY_CHARS[0]}–{BODY_CHARS[1]} 字 / body length out of range")
        key = (normalise_key(str(meta.get("unit") or "")), int(start or 0))
        if key[0] and key in seen:
            problem(f"与 {seen[key]} 单位和开始年份相同 / same unit and start year as another case")
        seen.setdefault(key, name)
        if meta.get("industry") and meta["industry"] not in FIELDS:
            problem(f"领域“{meta['industry']}”不是七个领域之一 / unknown field")
        model = None
        if meta.get("model"):
            concept = tx.resolve_name("Model", meta["model"])
            if concept is None:
                problem(f"模式“{meta['model']}”不是规范名称 / not a canonical model name")
            else:
                model = concept.name
        if illustrative:
            continue
        report.documented += 1
        match = gazetteer().resolve(str(meta.get("region") or ""), hint=str(meta.get("region") or ""))
        province = match.province if match else None
        if province is None:
            problem(f"地区“{meta.get('region')}”无法识别 / region not recognised")
        provinces[province or "?"] += 1
        fields[meta.get("industry") or "?"] += 1
        if start:
            years[int(start)] += 1
        if model:
            per_model[model].append(province or "?")
        else:
            local += 1
    _library_checks(report, tx, per_model, fields, provinces, years, local)
    return report


def _library_checks(report: CorpusReport, tx, per_model, fields, provinces, years, local) -> None:
    add = report.checks.append
    share = report.documented / report.documents if report.documents else 0.0
    add(Check("cases", report.documents >= MIN_CASES, f"{report.documents} 个案例（至少 {MIN_CASES}）"))
    add(Check("documented_share", share >= MIN_DOCUMENTED_SHARE,
              f"有公开来源的占 {share:.1%}（至少 {MIN_DOCUMENTED_SHARE:.0%}）"))
    weak = []
    for concept in sorted(tx.models.values(), key=lambda c: c.id):
        places = per_model.get(concept.name, [])
        if len(places) < MODEL_MIN_CASES or len(set(places) - {"?"}) < MODEL_MIN_PROVINCES:
            weak.append(f"{concept.name} {len(places)}/{len(set(places) - {'?'})}")
    add(Check("models", not weak, "每个模式至少 5 个有来源的案例、3 个省份" + (f"；不足：{'、'.join(weak)}" if weak else "")))
    thin = [f"{f} {fields.get(f, 0)}" for f in FIELDS if fields.get(f, 0) < FIELD_MIN_CASES]
    add(Check("fields", not thin, "每个领域至少 15 个有来源的案例" + (f"；不足：{'、'.join(thin)}" if thin else "")))
    n_prov = len(set(provinces) - {"?"})
    add(Check("provinces", n_prov >= MIN_PROVINCES, f"{n_prov} 个省级行政区（至少 {MIN_PROVINCES}）"))
    add(Check("local_brands", local >= MIN_LOCAL_BRANDS, f"{local} 个地方品牌（至少 {MIN_LOCAL_BRANDS}）"))
    buckets = {f"{a}–{b}": sum(n for y, n in years.items() if a <= y <= b) for a, b in YEAR_BUCKETS}
    add(Check("years", all(n >= YEAR_BUCKET_MIN for n in buckets.values()),
              "开始年份分布：" + "，".join(f"{k} 年 {v} 个" for k, v in buckets.items())))
    report.counts = {"models": {m: len(p) for m, p in sorted(per_model.items())}, "fields": dict(fields),
                     "provinces": dict(provinces), "local_brands": local, "years": buckets}


def _short(source: str, folder: Path) -> str:
    try:
        return str(Path(source.split("#")[0]).resolve().relative_to(Path(folder).resolve())) + (
            "#" + source.split("#", 1)[1] if "#" in source else "")
    except ValueError:
        return source

"""A unit profile as a user types it (region, field, problems in free text) → linked facts.

The same extraction as ingest: the gazetteer for the region, the field resolver, the taxonomy matcher
for problems and measures, jieba tokens for lexical fallback. Never raises on any text; what cannot be
understood becomes a warning.
"""

from __future__ import annotations

from ..core.contract import Profile, ProfileProblem, RegionRef
from ..graph import schema as S
from . import industry as industry_mod
from .normalise import normalise, normalise_short
from .sections import split
from .taxonomy import taxonomy
from .tokens import tokenize


class ProfileError(ValueError):
    """The profile cannot be answered as given (message is bilingual)."""


def parse_profile(*, region: str | None = None, industry: str | None = None, problems: list[str] | None = None,
                  description: str | None = None, strict: bool = False) -> Profile:
    """What the user typed → a ``Profile`` (region, field, sector, recognised problems with their clauses).
    ``strict``: an unrecognised region or field, or nothing at all to go on, raises ``ProfileError`` instead of
    becoming a warning."""
    tx = taxonomy()
    out: dict = {"region": RegionRef(), "field": None, "sector": None, "problems": [], "warnings": []}
    warnings: list[str] = out["warnings"]
    problems = [p for p in (problems or []) if p and p.strip()]
    if region and region.strip():
        from .regions import gazetteer
        m = gazetteer().resolve(normalise_short(region), hint=normalise_short(region))
        if m is None:
            if strict:
                raise ProfileError(f"无法识别地区“{region}”，请写出省、市或县的名称 / unknown region: {region!r}")
            warnings.append(f"无法识别地区“{region}”，已忽略 / region not recognised, ignored")
        else:
            out["region"] = RegionRef(province=m.province, city=m.city, county=m.county, adcode=m.adcode,
                                      macro=gazetteer().macro_region(m.adcode))
    if industry and industry.strip():
        f = industry_mod.resolve_field(industry)
        if f is None:
            if strict:
                raise ProfileError(f"无法识别领域“{industry}”，可选：{'、'.join(S.FIELDS)} / unknown field: {industry!r}")
            warnings.append(f"无法识别领域“{industry}”，已忽略 / field not recognised, ignored")
        else:
            out["field"] = f
            sector = normalise_short(industry)
            spec = (tx.fields.get(f) or {}).get("sectors") or {}
            out["sector"] = sector if sector in spec else None
    free = "\n".join([*problems, description or ""]).strip()
    if not free:
        if strict and not (out["region"].adcode or out["field"]):
            raise ProfileError("请至少描述一个问题，或给出地区和领域 / describe at least one problem, or give region and field")
        return Profile(**out)
    text = normalise(free)
    sentences = split(text)
    seen: set[str] = set()
    for k, concept, _surface in tx.match_spans(text, [(s.start, s.end) for s in sentences]):
        if concept.id in seen:
            continue
        seen.add(concept.id)
        if concept.label == S.PROBLEM:
            out["problems"].append(ProfileProblem(id=concept.id, name=concept.name, clause=sentences[k].text[:200]))
    if out["field"] is None:
        guess = industry_mod.infer(unit="", title="", text=text)
        if guess and guess.confidence >= 0.6:
            out["field"] = guess.field
            warnings.append(f"根据描述推断领域为“{guess.field}” / field inferred from the description")
    return Profile(**out, text=text, tokens=tuple(tokenize(text)))

"""The organisation-department analyses as the CLI and the HTTP API ask for them: filters read as a person types them
(a province as "山东", "山东省" or "370000"; a field as "农村" or "国企"), then the analysis in ``queries``.

Filters that cannot be understood raise ``FilterError`` (a bilingual message) instead of silently widening the
answer to the whole country.
"""

from __future__ import annotations

from ..core.analyses import Diffusion, EmergingModels, GapMap
from ..graph.schema import FIELDS
from ..graph.store import GraphStore
from ..ingest.industry import resolve_field
from ..queries import provinces
from ..queries.diffusion import diffusion as model_diffusion
from ..queries.emerging import emerging_models
from ..queries.gaps import gap_map

__all__ = ["FilterError", "gaps", "emerging", "diffusion"]


class FilterError(ValueError):
    """A filter that names no province or field; ``str()`` is "中文 / English"."""

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en


def gaps(store: GraphStore, *, province: str | None = None, field: str | None = None) -> GapMap:
    place = None
    if province and province.strip():
        place = provinces.resolve(province[:50])
        if place is None:
            raise FilterError(f"无法识别省份“{province[:50]}”：请写省级名称（如“山东”“山东省”）或代码（如 370000）",
                              f"unknown province {province[:50]!r}: give a province name or its code")
    chosen = None
    if field and field.strip():
        chosen = resolve_field(field[:50])
        if chosen not in FIELDS:
            raise FilterError(f"无法识别领域“{field[:50]}”，可选：{'、'.join(FIELDS)}", f"unknown field {field[:50]!r}")
    return gap_map(store, province=place, field=chosen)


def emerging(store: GraphStore, *, min_cases: int = 3, min_cities: int = 2) -> EmergingModels:
    return emerging_models(store, min_cases=min_cases, min_cities=min_cities)


def diffusion(store: GraphStore, model_id: str) -> Diffusion | None:
    return model_diffusion(store, model_id)

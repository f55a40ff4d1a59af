"""Reading YAML: PyYAML's safe loader, through libyaml when PyYAML was built with it.

The lexicons (``ingest/data/*.yaml``), the ranking weights, the gold sets' answers and every write-up's front matter
are read this way. The pure-Python loader took ~0.5 s of every process's start on the lexicons alone (a one-file
``djkg ingest`` paid it as much as a thousand-file one), libyaml about a tenth of that. What libyaml refuses is read
again by the pure-Python loader, so a file the pure one accepts is never lost; both build the same objects (YAML 1.1,
safe types only)."""

from __future__ import annotations

from typing import Any

import yaml

_C_LOADER = getattr(yaml, "CSafeLoader", None)


def safe_load(text: str) -> Any:
    """The YAML document in ``text`` as plain Python objects (``yaml.safe_load``, faster)."""
    if _C_LOADER is not None:
        try:
            return yaml.load(text, Loader=_C_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)

"""A schematic map of China as a grid of equal province tiles, drawn from data: each province's centroid
(``queries/provinces.yaml``) is scaled onto a fixed grid, and the provinces are assigned to distinct cells so that
the total squared distance between a province's scaled centroid and its cell is the least possible (a minimum-cost
assignment, solved as a maximum-weight matching with networkx). Neighbours stay neighbours, crowded coasts are
spread over nearby cells, and the picture needs no outside map tiles.

Computed once per process (about 30 ms); the same layout on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import networkx as nx

from ..queries.provinces import Province, provinces

COLS, ROWS = 9, 8        # 72 cells for 34 provinces: the dense east keeps its shape, the west stays recognisable
NEAREST = 14             # candidate cells per province (the optimum never uses a farther one at this density)


@dataclass(frozen=True)
class Tile:
    province: Province
    col: int             # 0 = west
    row: int             # 0 = north


@lru_cache(maxsize=1)
def tiles() -> tuple[Tile, ...]:
    """Every province-level division with its cell, west to east within each row, north to south."""
    places = list(provinces().values())
    lon0, lon1 = min(p.lon for p in places), max(p.lon for p in places)
    lat0, lat1 = min(p.lat for p in places), max(p.lat for p in places)
    cells = [(c, r) for r in range(ROWS) for c in range(COLS)]
    # the weight of an edge is a constant minus its cost: a maximum-weight matching of maximum cardinality is
    # then a minimum-cost assignment of every province to its own cell
    graph = nx.Graph()
    for p in places:
        x = (p.lon - lon0) / (lon1 - lon0) * (COLS - 1)
        y = (lat1 - p.lat) / (lat1 - lat0) * (ROWS - 1)
        cost = {cell: (cell[0] - x) ** 2 + (cell[1] - y) ** 2 for cell in cells}
        for cell in sorted(cells, key=lambda c: (cost[c], c))[:NEAREST]:
            graph.add_edge(("p", p.adcode), ("c", *cell), weight=COLS * COLS + ROWS * ROWS - cost[cell])
    placed: dict[str, tuple[int, int]] = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        if a[0] == "c":
            a, b = b, a
        placed[a[1]] = (b[1], b[2])
    if len(placed) != len(places):     # cannot happen with 72 cells and 14 candidates each; say so if it does
        raise RuntimeError("province tile layout left a province without a cell")
    by_code = {p.adcode: p for p in places}
    return tuple(sorted((Tile(by_code[code], col, row) for code, (col, row) in placed.items()),
                        key=lambda t: (t.row, t.col)))

"""djkg — 党建品牌经验知识图谱.

The installed import root. The rooms of the design (graph, ingest, queries, api, viz, cli) are
sub-packages; this package itself only holds what all of them share: version and settings.
"""

__version__ = "0.1.0"

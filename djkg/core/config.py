"""Settings shared by every room: where data lives, which store, keys and limits.

One frozen object, read from the environment once (``Settings.from_env``) and overridable by CLI flags.
Every bound the API enforces lives here, so an operator finds them in one place (SECURITY.md lists them).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .keys import KEY_FILE


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 5 * 1024 * 1024       # request body; over → 413
    max_text_chars: int = 200_000               # one case text posted to the API
    max_upload_bytes: int = 5 * 1024 * 1024
    upload_suffixes: tuple[str, ...] = (".md", ".txt", ".docx", ".pdf", ".jsonl")
    max_top_k: int = 50                         # recommendation items
    max_page_size: int = 200                    # list endpoints
    max_depth: int = 3                          # neighbourhood depth
    max_nodes: int = 500                        # neighbourhood / view node cap
    max_query_chars: int = 200                  # search query
    max_profile_chars: int = 20_000             # all free text of a unit profile together
    max_problems: int = 20                      # problem sentences in one profile
    max_ingest_file_bytes: int = 20 * 1024 * 1024  # a file larger than this is refused by ingest
    # compressed containers (.docx is a zip, PDF streams are deflated): checked before the text is parsed
    max_decompressed_bytes: int = 50 * 1024 * 1024  # all parts of one .docx / all text streams of one PDF
    max_compression_ratio: int = 100               # decompressed ÷ file size
    max_archive_entries: int = 5000                 # parts inside one .docx
    max_xml_tags: int = 1_000_000                   # XML tags in one .docx (parse time and memory go by these)
    max_pdf_pages: int = 500
    max_document_chars: int = 2_000_000             # text read from one file; more is refused, never cut


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("./var")
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str | None = None
    api_key: str | None = None          # DJKG_API_KEY: an admin key named "env" (named keys: core/keys.py)
    reads_need_key: bool = False        # DJKG_READS_NEED_KEY=1: every read needs a key of role reader or above
    # DJKG_WARM_INDEX=1 (set by ``djkg serve``): build the recommender's index before taking requests and keep it
    # out of the cyclic collector's walks (services/recommend.py: warm)
    warm_index: bool = False
    limits: Limits = field(default_factory=Limits)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        return cls(
            data_dir=Path(env.get("DJKG_DATA_DIR") or "./var"),
            neo4j_uri=env.get("DJKG_NEO4J_URI") or None,
            neo4j_user=env.get("DJKG_NEO4J_USER") or "neo4j",
            neo4j_password=env.get("DJKG_NEO4J_PASSWORD") or "",
            neo4j_database=env.get("DJKG_NEO4J_DATABASE") or None,
            api_key=env.get("DJKG_API_KEY") or None,
            reads_need_key=_flag(env.get("DJKG_READS_NEED_KEY")),
            warm_index=_flag(env.get("DJKG_WARM_INDEX")),
        )

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "djkg.sqlite3"

    @property
    def keys_path(self) -> Path:
        return self.data_dir / KEY_FILE

    @property
    def accepted_concepts_path(self) -> Path:
        return self.data_dir / "accepted_concepts.yaml"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")

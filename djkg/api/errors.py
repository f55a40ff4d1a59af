"""Bilingual HTTP errors: every 4xx carries a Chinese message first and an English one."""

from __future__ import annotations

from fastapi import HTTPException


class ApiError(HTTPException):
    """``extra`` adds machine-readable fields beside the message (e.g. a case's current version on 409)."""

    def __init__(self, status: int, zh: str, en: str, *, headers: dict[str, str] | None = None,
                 extra: dict | None = None):
        super().__init__(status_code=status, detail={"message": f"{zh} / {en}", "zh": zh, "en": en, **(extra or {})},
                         headers=headers)


def not_found(what_zh: str, what_en: str, key: str) -> ApiError:
    return ApiError(404, f"未找到{what_zh}：{key}", f"{what_en} not found: {key}")

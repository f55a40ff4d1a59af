"""Tokens for lexical matching: jieba (with our user dictionary) in search mode, minus stopwords."""

from __future__ import annotations

from .taxonomy import taxonomy, tokenizer

STOPWORDS = frozenset("""的 了 和 与 及 等 在 是 为 对 把 将 从 由 以 中 上 下 我们 我 你 他 她 它 这 那 有 没有 一个 一些 工作 问题
情况 方面 进行 开展 加强 推进 推动 通过 实现 提高 提升 单位 我村 我们村 本村 本单位 党建 基层 群众 党员 比较 非常 很 也 都 还 就 又
""".split())


def keep_token(tok: str) -> bool:
    tok = tok.strip()
    return len(tok) >= 2 and tok not in STOPWORDS and any("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for ch in tok)


def tokenize(text: str) -> list[str]:
    return [t for t in tokenizer().lcut_for_search(text) if keep_token(t)]


# the cut depends on the taxonomy's words (jieba's user dictionary): its object says when tokens cut earlier
# still hold (core/bm25.py: vocabulary_of)
tokenize.vocabulary = taxonomy  # type: ignore[attr-defined]

"""Shared API dependencies (placeholder until the API engineer writes the real module)."""


def get_store():
    raise NotImplementedError

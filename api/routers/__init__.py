"""api/routers room."""

"""queries room."""

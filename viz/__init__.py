"""viz room."""

"""services/ — the library calls the CLI and the HTTP API share: they join ingest (understanding text) and
queries (ranking) into one answer. Every CLI verb and every endpoint is a call into this room or a room's
public function."""

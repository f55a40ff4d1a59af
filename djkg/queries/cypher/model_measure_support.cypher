// The model index aggregates these per case (queries/contributions.py, so a write updates it); this query is
// the aggregate computed by the database, which tests/test_incremental_index.py holds the index to.
// For each model, the measures its cases apply, with support (USES contributions).
MATCH (m:Node)-[u:USES]->(n:Node)
RETURN m.id AS model_id, n.id AS measure_id, n.name AS measure_name, count(u) AS support
ORDER BY model_id, measure_id

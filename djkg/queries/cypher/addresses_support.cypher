// The model index aggregates these per case (queries/contributions.py, so a write updates it); this query is
// the aggregate computed by the database, which tests/test_incremental_index.py holds the index to.
// Measure —ADDRESSES→ Problem with its support (number of cases contributing the link). Twin of sql/.
MATCH (m:Node)-[r:ADDRESSES]->(p:Node)
RETURN m.id AS measure_id, p.id AS problem_id, count(r) AS support
ORDER BY measure_id, problem_id

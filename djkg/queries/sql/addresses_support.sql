-- The model index aggregates these per case (queries/contributions.py, so a write updates it); this query is
-- the aggregate computed by the database, which tests/test_incremental_index.py holds the index to.
-- Measure —ADDRESSES→ Problem with its support (number of cases contributing the link).
-- Params: none.
SELECT src AS measure_id, dst AS problem_id, count(*) AS support
FROM edges
WHERE type = 'ADDRESSES'
GROUP BY src, dst
ORDER BY src, dst

-- The model index aggregates these per case (queries/contributions.py, so a write updates it); this query is
-- the aggregate computed by the database, which tests/test_incremental_index.py holds the index to.
-- For each model, the measures its cases apply, with support (USES contributions).
-- Params: none.
SELECT u.src AS model_id, u.dst AS measure_id, n.name AS measure_name, count(*) AS support
FROM edges u JOIN nodes n ON n.id = u.dst
WHERE u.type = 'USES'
GROUP BY u.src, u.dst
ORDER BY u.src, u.dst

-- The model index aggregates these per case (queries/contributions.py, so a write updates it); this query is
-- the aggregate computed by the database, which tests/test_incremental_index.py holds the index to.
-- Problem ←FACES— Case —INSTANCE_OF→ Model, aggregated: for each (model, problem) the number of the model's
-- cases facing the problem and one example case: a documented case before an illustrative one, then the smallest
-- id (a stable path). The example is min over "<0|1><id>" with the flag stripped again.
-- Params: none.
SELECT i.dst AS model_id, f.dst AS problem_id, count(*) AS cases,
       substr(min(coalesce(json_extract(c.props, '$.illustrative'), 0) || f.src), 2) AS example_case
FROM edges i
JOIN edges f ON f.type = 'FACES' AND f.src = i.src
JOIN nodes c ON c.id = i.src
WHERE i.type = 'INSTANCE_OF'
GROUP BY i.dst, f.dst
ORDER BY i.dst, f.dst

-- Problem ←FACES— Case —INSTANCE_OF→ Model, aggregated: for each (model, problem) the number of the
-- model's cases facing the problem and one example case (the smallest id, for a stable path).
-- Params: none.
SELECT i.dst AS model_id, f.dst AS problem_id, count(*) AS cases, min(f.src) AS example_case
FROM edges i
JOIN edges f ON f.type = 'FACES' AND f.src = i.src
WHERE i.type = 'INSTANCE_OF'
GROUP BY i.dst, f.dst
ORDER BY i.dst, f.dst

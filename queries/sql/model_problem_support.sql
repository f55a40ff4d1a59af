-- For each model, how many of its cases face each problem (the model's problem profile).
-- Params: none.
SELECT i.dst AS model_id, f.dst AS problem_id, count(*) AS cases
FROM edges i
JOIN edges f ON f.type = 'FACES' AND f.src = i.src
WHERE i.type = 'INSTANCE_OF'
GROUP BY i.dst, f.dst
ORDER BY i.dst, f.dst

-- Overview page: aggregate edges model —[n cases]→ problem, through the cases' FACES edges,
-- restricted to the shown problems and models.
-- Params: :problems, :models (JSON arrays of ids). One row per (model, problem) with its case count.
SELECT i.dst AS model_id, f.dst AS problem_id, count(*) AS cases
FROM json_each(:problems) p
CROSS JOIN edges f ON f.type = 'FACES' AND f.dst = p.value
CROSS JOIN edges i ON i.type = 'INSTANCE_OF' AND i.src = f.src
WHERE i.dst IN (SELECT value FROM json_each(:models))
GROUP BY i.dst, f.dst
ORDER BY cases DESC, i.dst, f.dst

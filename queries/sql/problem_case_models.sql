-- Profile problems → Problem ←FACES— Case —INSTANCE_OF→ Model.
-- Params: :problems (JSON array of Problem ids). One row per (problem, model) with the supporting cases.
SELECT f.dst                 AS problem_id,
       i.dst                 AS model_id,
       count(*)              AS cases,
       min(f.src)            AS example_case
FROM json_each(:problems) p
JOIN edges f ON f.type = 'FACES' AND f.dst = p.value
JOIN edges i ON i.type = 'INSTANCE_OF' AND i.src = f.src
GROUP BY f.dst, i.dst
ORDER BY f.dst, i.dst

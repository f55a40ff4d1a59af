-- Emerging models: the measures and problems of the given cases, each with how many of the cases have it.
-- Params: :cases (JSON array of Case ids).
SELECT e.type AS type, e.dst AS concept_id, n.name AS name, count(DISTINCT e.src) AS cases
FROM (SELECT DISTINCT value AS id FROM json_each(:cases)) k
CROSS JOIN edges e ON e.src = k.id AND e.type IN ('APPLIES', 'FACES')
JOIN nodes n ON n.id = e.dst
GROUP BY e.type, e.dst
ORDER BY type, concept_id

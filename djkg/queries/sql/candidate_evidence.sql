-- Evidence for candidate concepts: the cases that name each one and the sentence they name it in.
-- Params: :concepts (JSON array of concept ids). One row per (concept, case), ordered for stable display.
SELECT e.dst AS concept_id, e.src AS case_id, json_extract(c.props, '$.title') AS title,
       e.props AS edge_props
FROM json_each(:concepts) j
CROSS JOIN edges e ON e.dst = j.value AND e.type IN ('FACES', 'APPLIES')
JOIN nodes c ON c.id = e.src
ORDER BY e.dst, e.src

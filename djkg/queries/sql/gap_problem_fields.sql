-- Gap map, problem × field: cases and distinct units facing each problem in each field (cases without a field
-- are left out), within an optional province. Candidate problems are left out.
-- Params: :province (two-digit adcode prefix, or NULL for all).
SELECT f.dst AS problem_id, json_extract(c.props, '$.industry.field') AS field,
       count(DISTINCT c.id) AS cases,
       count(DISTINCT coalesce(nullif(json_extract(c.props, '$.unit'), ''), c.id)) AS units
FROM edges f
JOIN nodes c ON c.id = f.src
JOIN nodes p ON p.id = f.dst
WHERE f.type = 'FACES'
  AND coalesce(json_extract(p.props, '$.candidate'), 0) = 0
  AND json_extract(c.props, '$.industry.field') IS NOT NULL
  AND (:province IS NULL OR substr(json_extract(c.props, '$.region.adcode'), 1, 2) = :province)
GROUP BY f.dst, json_extract(c.props, '$.industry.field')
ORDER BY problem_id, field

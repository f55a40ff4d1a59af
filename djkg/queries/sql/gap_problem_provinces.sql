-- Gap map, problem × province: cases and distinct units facing each problem in each province (two-digit adcode
-- prefix; cases without a region are left out), within an optional field. Candidate problems are left out.
-- Params: :field (field name, or NULL for all).
SELECT f.dst AS problem_id, substr(json_extract(c.props, '$.region.adcode'), 1, 2) AS province,
       count(DISTINCT c.id) AS cases,
       count(DISTINCT coalesce(nullif(json_extract(c.props, '$.unit'), ''), c.id)) AS units
FROM edges f
JOIN nodes c ON c.id = f.src
JOIN nodes p ON p.id = f.dst
WHERE f.type = 'FACES'
  AND coalesce(json_extract(p.props, '$.candidate'), 0) = 0
  AND json_extract(c.props, '$.region.adcode') IS NOT NULL
  AND (:field IS NULL OR json_extract(c.props, '$.industry.field') = :field)
GROUP BY f.dst, substr(json_extract(c.props, '$.region.adcode'), 1, 2)
ORDER BY problem_id, province

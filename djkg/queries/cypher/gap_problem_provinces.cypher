// Gap map, problem × province: cases and distinct units facing each problem in each province (two-digit adcode
// prefix; cases without a region are left out), within an optional field ($field or null). Twin of sql/.
MATCH (c:Case)-[:FACES]->(p:Problem)
WHERE coalesce(p.candidate, 0) = 0 AND c.adcode IS NOT NULL
  AND ($field IS NULL OR c.field = $field)
RETURN p.id AS problem_id, substring(c.adcode, 0, 2) AS province, count(DISTINCT c.id) AS cases,
       count(DISTINCT coalesce(CASE WHEN c.unit = '' THEN null ELSE c.unit END, c.id)) AS units
ORDER BY problem_id, province

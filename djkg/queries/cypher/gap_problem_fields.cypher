// Gap map, problem × field: cases and distinct units facing each problem in each field (cases without a field
// are left out), within an optional province ($province: two-digit adcode prefix or null). Twin of sql/.
MATCH (c:Case)-[:FACES]->(p:Problem)
WHERE coalesce(p.candidate, 0) = 0 AND c.field IS NOT NULL
  AND ($province IS NULL OR substring(c.adcode, 0, 2) = $province)
RETURN p.id AS problem_id, c.field AS field, count(DISTINCT c.id) AS cases,
       count(DISTINCT coalesce(CASE WHEN c.unit = '' THEN null ELSE c.unit END, c.id)) AS units
ORDER BY problem_id, field

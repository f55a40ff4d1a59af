// Gap map counts, by kind (twin of sql/, which documents the rows): 'problem' per problem within the slice
// ($province: two-digit adcode prefix or null; $field or null), 'field' per problem and field within $province,
// 'province' per problem and province within $field, 'slice' the cases in the slice facing any problem.
// Candidate problems are left out; a case without a unit is its own unit; a municipality is its own city.
CALL {
    MATCH (c:Case)-[:FACES]->(p:Problem)
    WHERE coalesce(p.candidate, 0) = 0 AND ($field IS NULL OR c.field = $field)
      AND ($province IS NULL OR substring(c.adcode, 0, 2) = $province)
    WITH p, c, coalesce(CASE WHEN c.unit = '' THEN null ELSE c.unit END, c.id) AS unit, c.adcode AS a
    RETURN 'problem' AS kind, p.id AS problem_id, null AS key, count(DISTINCT c.id) AS cases,
           count(DISTINCT unit) AS units,
           count(DISTINCT CASE WHEN size(a) <> 6 THEN null
                               WHEN substring(a, 0, 2) IN ['11', '12', '31', '50'] THEN substring(a, 0, 2) + '0000'
                               WHEN substring(a, 2, 2) = '00' THEN null
                               ELSE substring(a, 0, 4) + '00' END) AS cities,
           count(DISTINCT substring(a, 0, 2)) AS provinces
  UNION ALL
    MATCH (c:Case)-[:FACES]->(p:Problem)
    WHERE coalesce(p.candidate, 0) = 0 AND c.field IS NOT NULL
      AND ($province IS NULL OR substring(c.adcode, 0, 2) = $province)
    RETURN 'field' AS kind, p.id AS problem_id, c.field AS key, count(DISTINCT c.id) AS cases,
           count(DISTINCT coalesce(CASE WHEN c.unit = '' THEN null ELSE c.unit END, c.id)) AS units,
           null AS cities, null AS provinces
  UNION ALL
    MATCH (c:Case)-[:FACES]->(p:Problem)
    WHERE coalesce(p.candidate, 0) = 0 AND c.adcode IS NOT NULL AND ($field IS NULL OR c.field = $field)
    RETURN 'province' AS kind, p.id AS problem_id, substring(c.adcode, 0, 2) AS key, count(DISTINCT c.id) AS cases,
           count(DISTINCT coalesce(CASE WHEN c.unit = '' THEN null ELSE c.unit END, c.id)) AS units,
           null AS cities, null AS provinces
  UNION ALL
    OPTIONAL MATCH (c:Case)-[:FACES]->(p:Problem)
    WHERE coalesce(p.candidate, 0) = 0 AND ($field IS NULL OR c.field = $field)
      AND ($province IS NULL OR substring(c.adcode, 0, 2) = $province)
    RETURN 'slice' AS kind, null AS problem_id, null AS key, count(DISTINCT c.id) AS cases, null AS units,
           null AS cities, null AS provinces
}
RETURN kind, problem_id, key, cases, units, cities, provinces
ORDER BY kind, problem_id, key

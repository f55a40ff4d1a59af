// Gap map: for each problem (candidate phrases left out), the cases facing it and their distinct units, cities and
// provinces, within an optional province ($province: two-digit adcode prefix or null) and field ($field or null).
// Twin of sql/: a case without a unit counts as its own unit; a municipality is its own city.
MATCH (c:Case)-[:FACES]->(p:Problem)
WHERE coalesce(p.candidate, 0) = 0
  AND ($field IS NULL OR c.field = $field)
  AND ($province IS NULL OR substring(c.adcode, 0, 2) = $province)
WITH p, c, coalesce(CASE WHEN c.unit = '' THEN null ELSE c.unit END, c.id) AS unit, c.adcode AS a
RETURN p.id AS problem_id, p.name AS name, p.props AS props,
       count(DISTINCT c.id) AS cases,
       count(DISTINCT unit) AS units,
       count(DISTINCT CASE WHEN size(a) <> 6 THEN null
                           WHEN substring(a, 0, 2) IN ['11', '12', '31', '50'] THEN substring(a, 0, 2) + '0000'
                           WHEN substring(a, 2, 2) = '00' THEN null
                           ELSE substring(a, 0, 4) + '00' END) AS cities,
       count(DISTINCT substring(a, 0, 2)) AS provinces
ORDER BY cases DESC, problem_id

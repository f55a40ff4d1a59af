// Region page: cases located in any of the given regions, newest first (top $limit).
UNWIND $regions AS rid
MATCH (c:Case)-[:LOCATED_IN]->(r:Node {id: rid})
RETURN c.id AS case_id, r.id AS region_id, c.year AS year
ORDER BY coalesce(c.year, 0) DESC, case_id
LIMIT $limit

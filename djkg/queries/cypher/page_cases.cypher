// Case library page: the cases matching the filters (a null filter matches every case), newest first, one page.
// Twin of sql/page_cases.sql; the case facts are the scalar copies Neo4jStore keeps (graph/schema.py CASE_FACTS).
MATCH (c:Case)
WHERE ($prefix IS NULL OR substring(c.adcode, 0, size($prefix)) = $prefix)
  AND ($field IS NULL OR c.field = $field)
  AND ($year IS NULL OR c.year = $year)
  AND ($illustrative IS NULL OR coalesce(c.illustrative, 0) = $illustrative)
  AND ($model IS NULL OR EXISTS { MATCH (c)-[:INSTANCE_OF]->(:Node {id: $model}) })
  AND ($problem IS NULL OR EXISTS { MATCH (c)-[:FACES]->(:Node {id: $problem}) })
  AND ($measure IS NULL OR EXISTS { MATCH (c)-[:APPLIES]->(:Node {id: $measure}) })
WITH c ORDER BY coalesce(c.year, 0) DESC, c.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (c)-[:INSTANCE_OF]->(m:Node)
WITH c, min(m.id) AS model_id
RETURN c.id AS case_id, c.title AS title, c.unit AS unit, c.year AS year, c.adcode AS adcode, c.field AS field,
       c.sector AS sector, coalesce(c.illustrative, 0) AS illustrative, model_id
ORDER BY coalesce(year, 0) DESC, case_id

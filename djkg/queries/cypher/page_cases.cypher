// Case library page: one page of the cases matching the filters (a null filter matches every case), newest first,
// each row with the number of matching cases. Twin of sql/page_cases.sql; the case facts are the scalar copies
// Neo4jStore keeps (graph/schema.py CASE_FACTS).
MATCH (c:Case)
WHERE ($prefix IS NULL OR substring(c.adcode, 0, size($prefix)) = $prefix)
  AND ($field IS NULL OR c.field = $field)
  AND ($year IS NULL OR c.year = $year)
  AND ($illustrative IS NULL OR coalesce(c.illustrative, 0) = $illustrative)
  AND ($model IS NULL OR EXISTS { MATCH (c)-[:INSTANCE_OF]->(:Node {id: $model}) })
  AND ($problem IS NULL OR EXISTS { MATCH (c)-[:FACES]->(:Node {id: $problem}) })
  AND ($measure IS NULL OR EXISTS { MATCH (c)-[:APPLIES]->(:Node {id: $measure}) })
WITH c ORDER BY coalesce(c.year, 0) DESC, c.id
WITH collect(c.id) AS matched
UNWIND matched[$offset..($offset + $limit)] AS case_id
MATCH (c:Case {id: case_id})
OPTIONAL MATCH (c)-[:INSTANCE_OF]->(m:Node)
WITH c, matched, min(m.id) AS model_id
RETURN c.id AS case_id, model_id, size(matched) AS total
ORDER BY coalesce(c.year, 0) DESC, case_id

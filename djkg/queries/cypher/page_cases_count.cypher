// Case library page: how many cases match the filters (the same filters as page_cases).
MATCH (c:Case)
WHERE ($prefix IS NULL OR substring(c.adcode, 0, size($prefix)) = $prefix)
  AND ($field IS NULL OR c.field = $field)
  AND ($year IS NULL OR c.year = $year)
  AND ($illustrative IS NULL OR coalesce(c.illustrative, 0) = $illustrative)
  AND ($model IS NULL OR EXISTS { MATCH (c)-[:INSTANCE_OF]->(:Node {id: $model}) })
  AND ($problem IS NULL OR EXISTS { MATCH (c)-[:FACES]->(:Node {id: $problem}) })
  AND ($measure IS NULL OR EXISTS { MATCH (c)-[:APPLIES]->(:Node {id: $measure}) })
RETURN count(c) AS total

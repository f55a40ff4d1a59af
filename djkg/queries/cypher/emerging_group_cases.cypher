// Emerging models: the cases linked to no named model that apply at least $min_shared of the given measures, with
// the facts a group lists and how many of the measures each applies. Params: $measures (list), $min_shared (int).
UNWIND $measures AS mid
WITH DISTINCT mid
MATCH (c:Case)-[:APPLIES]->(:Node {id: mid})
WITH c, count(*) AS shared
WHERE shared >= $min_shared
  AND NOT EXISTS { MATCH (c)-[:INSTANCE_OF]->(m:Model) WHERE coalesce(m.candidate, 0) = 0 }
RETURN c.id AS case_id, c.title AS title, c.unit AS unit, c.year AS year, c.adcode AS adcode, c.field AS field,
       shared
ORDER BY case_id

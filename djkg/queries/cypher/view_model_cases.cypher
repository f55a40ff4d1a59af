// Model page: the model's cases, newest first (top $limit), each with the model's total case count.
// Params: $model (Model id), $limit (int).
MATCH (:Case)-[t:INSTANCE_OF]->(:Node {id: $model})
WITH count(t) AS total
MATCH (c:Case)-[:INSTANCE_OF]->(:Node {id: $model})
RETURN c.id AS case_id, c.year AS year, total
ORDER BY coalesce(c.year, 0) DESC, case_id
LIMIT $limit

// Overview page: aggregate edges model —[n cases]→ problem through the cases' FACES edges, restricted to the
// shown problems and models. Params: $problems, $models (lists of ids).
UNWIND $problems AS pid
MATCH (p:Node {id: pid})<-[:FACES]-(c:Case)-[:INSTANCE_OF]->(m:Node)
WHERE m.id IN $models
RETURN m.id AS model_id, p.id AS problem_id, count(*) AS cases
ORDER BY cases DESC, model_id, problem_id

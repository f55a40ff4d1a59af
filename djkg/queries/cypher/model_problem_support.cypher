// Problem ←FACES— Case —INSTANCE_OF→ Model, aggregated: for each (model, problem) the number of the model's
// cases facing the problem and one example case (the smallest id, for a stable path).
MATCH (p:Node)<-[:FACES]-(c:Case)-[:INSTANCE_OF]->(m:Node)
RETURN m.id AS model_id, p.id AS problem_id, count(*) AS cases, min(c.id) AS example_case
ORDER BY model_id, problem_id

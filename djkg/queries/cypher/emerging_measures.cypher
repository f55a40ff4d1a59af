// Emerging models: each measure applied by cases linked to no named model, with how many of them apply it.
// Twin of sql/.
MATCH (c:Case) WHERE NOT EXISTS { MATCH (c)-[:INSTANCE_OF]->(m:Model) WHERE coalesce(m.candidate, 0) = 0 }
MATCH (c)-[:APPLIES]->(x:Measure)
RETURN x.id AS measure_id, x.name AS name, count(*) AS cases
ORDER BY measure_id

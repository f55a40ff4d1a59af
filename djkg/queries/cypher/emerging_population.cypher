// Emerging models: how many cases are linked to no named model (no INSTANCE_OF to a non-candidate Model).
// Twin of sql/.
MATCH (c:Case) WHERE NOT EXISTS { MATCH (c)-[:INSTANCE_OF]->(m:Model) WHERE coalesce(m.candidate, 0) = 0 }
RETURN count(c) AS cases

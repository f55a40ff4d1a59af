// Regions overview: cases per province (the first two digits of the case's adcode), with documented cases and models.
MATCH (c:Case) WHERE c.adcode IS NOT NULL
OPTIONAL MATCH (c)-[:INSTANCE_OF]->(m:Node)
WITH c, min(m.id) AS model_id
WITH substring(c.adcode, 0, 2) + '0000' AS adcode, c, model_id
RETURN adcode, count(c) AS cases,
       sum(CASE WHEN coalesce(c.illustrative, 0) = 0 THEN 1 ELSE 0 END) AS documented,
       count(DISTINCT model_id) AS models
ORDER BY cases DESC, adcode

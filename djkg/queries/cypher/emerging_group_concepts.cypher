// Emerging models: the measures and problems of the given cases, each with how many of the cases have it.
// Params: $cases (list of Case ids). Twin of sql/.
UNWIND $cases AS cid
WITH DISTINCT cid
MATCH (c:Case {id: cid})-[e:APPLIES|FACES]->(n:Node)
RETURN type(e) AS type, n.id AS concept_id, n.name AS name, count(DISTINCT c.id) AS cases
ORDER BY type, concept_id

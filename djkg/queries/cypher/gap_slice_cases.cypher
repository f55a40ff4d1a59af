// Gap map: how many cases in the slice face at least one problem (candidate phrases left out). Twin of sql/.
// Params: $province (two-digit adcode prefix, or null), $field (field name, or null).
OPTIONAL MATCH (c:Case)-[:FACES]->(p:Problem)
WHERE coalesce(p.candidate, 0) = 0
  AND ($field IS NULL OR c.field = $field)
  AND ($province IS NULL OR substring(c.adcode, 0, 2) = $province)
RETURN count(DISTINCT c.id) AS cases

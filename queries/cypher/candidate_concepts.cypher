// Candidate concepts (phrases that matched no taxonomy entry) with the number of cases using them.
MATCH (c:Node)-[e]->(n:Node)
WHERE type(e) IN ['FACES', 'APPLIES', 'INSTANCE_OF'] AND n.label IN ['Problem', 'Measure', 'Model']
  AND n.props CONTAINS '"candidate": true'
RETURN n.id AS id, n.label AS label, n.name AS name, count(DISTINCT c.id) AS cases
ORDER BY cases DESC, label, id

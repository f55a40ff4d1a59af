// Candidate concepts (phrases that matched no taxonomy entry) with the number of cases using them.
// Twin of sql/: n.candidate is the JSON value of props.candidate as SQLite reads it (true → 1).
MATCH (c:Node)-[e]->(n:Node)
WHERE type(e) IN ['FACES', 'APPLIES', 'INSTANCE_OF'] AND n.label IN ['Problem', 'Measure', 'Model']
  AND n.candidate = 1
RETURN n.id AS id, n.label AS label, n.name AS name, count(DISTINCT c.id) AS cases
ORDER BY cases DESC, label, id

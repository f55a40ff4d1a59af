// The shared nodes the given cases reach, as stored now: problems, measures and models through the cases' own
// edges and the USES/ADDRESSES rows they contribute, their regions with every ancestor (the hierarchy is at most
// county → city → province; the walk is bounded anyway). Twin of sql/.
UNWIND $cases AS cid
WITH DISTINCT cid
CALL {
  WITH cid MATCH (:Case {id: cid})-[:FACES|APPLIES|INSTANCE_OF|LOCATED_IN]->(n:Node) RETURN n
  UNION
  WITH cid MATCH (:Case {id: cid})-[:LOCATED_IN]->(:Node)-[:PART_OF*1..5]->(n:Node) RETURN n
  UNION
  WITH cid MATCH (n:Node)-[:USES {case_id: cid}]->(:Node) RETURN n
  UNION
  WITH cid MATCH (:Node)-[:USES {case_id: cid}]->(n:Node) RETURN n
  UNION
  WITH cid MATCH (n:Node)-[:ADDRESSES {case_id: cid}]->(:Node) RETURN n
  UNION
  WITH cid MATCH (:Node)-[:ADDRESSES {case_id: cid}]->(n:Node) RETURN n
}
WITH DISTINCT n
WHERE n.label IN ['Problem', 'Measure', 'Model', 'Region']
RETURN n.id AS id, n.label AS label, n.name AS name, n.props AS props
ORDER BY id

// What each of the given cases adds to the model index besides its facts (queries/contributions.py), one row per
// edge: FACES (cases of a model only), USES and ADDRESSES. Twin of sql/: USES and ADDRESSES rows are found through
// their case_id indexes, FACES from the case.
UNWIND $cases AS cid
WITH DISTINCT cid
CALL {
  WITH cid MATCH (a:Node)-[r:USES {case_id: cid}]->(b:Node)
  RETURN r.case_id AS case_id, 'USES' AS type, a.id AS src, b.id AS dst
  UNION ALL
  WITH cid MATCH (a:Node)-[r:ADDRESSES {case_id: cid}]->(b:Node)
  RETURN r.case_id AS case_id, 'ADDRESSES' AS type, a.id AS src, b.id AS dst
  UNION ALL
  WITH cid MATCH (a:Case {id: cid})-[r:FACES]->(b:Node) WHERE EXISTS { (a)-[:INSTANCE_OF]->(:Node) }
  RETURN r.case_id AS case_id, 'FACES' AS type, a.id AS src, b.id AS dst
}
RETURN case_id, type, src, dst
ORDER BY case_id, src, type, dst

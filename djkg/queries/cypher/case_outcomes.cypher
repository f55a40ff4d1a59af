// Outcomes of the given cases (for evidence figures). Params: $cases (list of Case ids).
UNWIND $cases AS cid
MATCH (c:Node {id: cid})-[:ACHIEVES]->(o:Node)
RETURN c.id AS case_id, o.id AS outcome_id, o.props AS props
ORDER BY case_id, outcome_id

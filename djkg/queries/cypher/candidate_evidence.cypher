// Evidence for candidate concepts: the cases that name each one and the sentence they name it in.
// Params: $concepts (list of concept ids). Twin of sql/ (edge props are the same JSON text; decoded in Python).
UNWIND $concepts AS cid
MATCH (c:Case)-[e]->(n:Node {id: cid})
WHERE type(e) IN ['FACES', 'APPLIES']
RETURN n.id AS concept_id, c.id AS case_id, c.title AS title, e.props AS edge_props
ORDER BY concept_id, case_id

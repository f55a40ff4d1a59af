// The model index aggregates these per case (queries/contributions.py, so a write updates it); this query is
// the aggregate computed by the database, which tests/test_incremental_index.py holds the index to.
// Problem ←FACES— Case —INSTANCE_OF→ Model, aggregated: for each (model, problem) the number of the model's
// cases facing the problem and one example case: a documented case before an illustrative one, then the smallest
// id (a stable path). The example is min over "<0|1><id>" with the flag stripped again.
MATCH (p:Node)<-[:FACES]-(c:Case)-[:INSTANCE_OF]->(m:Node)
WITH m.id AS model_id, p.id AS problem_id, count(*) AS cases,
     min(toString(coalesce(c.illustrative, 0)) + c.id) AS flagged
RETURN model_id, problem_id, cases, substring(flagged, 1) AS example_case
ORDER BY model_id, problem_id

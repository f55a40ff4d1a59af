// Each (model, case) pair of the given cases with the case facts (see sql/). Twin of sql/: the case facts are scalar
// properties Neo4jStore writes as SQLite's json_extract returns them (flags/signals as JSON text, booleans as 0/1).
UNWIND $cases AS cid
WITH DISTINCT cid
MATCH (c:Case {id: cid})-[:INSTANCE_OF]->(m:Model)
RETURN m.id AS model_id, m.name AS model_name, m.props AS model_props, c.id AS case_id,
       c.title AS title, c.unit AS unit, c.year AS year, c.adcode AS adcode, c.field AS field,
       c.sector AS sector, c.flags AS flags, c.signals AS signals, c.quantified AS quantified,
       c.illustrative AS illustrative, c.synthetic AS synthetic, c.field_confidence AS field_confidence
ORDER BY model_id, case_id

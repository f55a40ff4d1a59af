-- The shared nodes the given cases reach, as stored now: problems, measures and models through the cases' own
-- edges and the USES/ADDRESSES rows they contribute, their regions with every ancestor. A write replaces a shared
-- node's properties with the writing case's, so after these cases changed the model index refreshes the names
-- and properties it keeps from exactly these nodes (queries/contributions.py).
-- Params: cases (list of case ids; duplicates and unknown ids are ignored).
WITH RECURSIVE
  picked(id) AS (SELECT DISTINCT value FROM json_each(:cases)),
  reached(id) AS (
    SELECT e.dst FROM picked p CROSS JOIN edges e ON e.src = p.id
    WHERE e.type IN ('FACES', 'APPLIES', 'INSTANCE_OF', 'LOCATED_IN')
    UNION
    SELECT e.src FROM picked p CROSS JOIN edges e INDEXED BY edges_case ON e.case_id = p.id
    WHERE e.case_id <> '' AND e.type IN ('USES', 'ADDRESSES')
    UNION
    SELECT e.dst FROM picked p CROSS JOIN edges e INDEXED BY edges_case ON e.case_id = p.id
    WHERE e.case_id <> '' AND e.type IN ('USES', 'ADDRESSES')
    UNION
    SELECT e.dst FROM reached r CROSS JOIN edges e ON e.src = r.id WHERE e.type = 'PART_OF'
  )
SELECT n.id AS id, n.label AS label, n.name AS name, n.props AS props
FROM reached r CROSS JOIN nodes n ON n.id = r.id
WHERE n.label IN ('Problem', 'Measure', 'Model', 'Region')
ORDER BY n.id

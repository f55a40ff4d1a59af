-- What each of the given cases adds to the model index besides its facts (queries/contributions.py), one row per
-- edge: the problems it faces (FACES, for cases of a model only) and the aggregated USES and ADDRESSES rows it
-- contributes. The index keeps them per case, so an update withdraws exactly what a changed case added; a build
-- reads every case this way, a chunk at a time.
-- Params: cases (list of case ids; duplicates and unknown ids are ignored).
SELECT e.case_id AS case_id, e.type AS type, e.src AS src, e.dst AS dst
FROM (SELECT DISTINCT value AS id FROM json_each(:cases)) j
CROSS JOIN edges e INDEXED BY edges_case ON e.case_id = j.id
WHERE e.case_id <> ''
  AND (e.type IN ('USES', 'ADDRESSES')
       OR (e.type = 'FACES' AND EXISTS (SELECT 1 FROM edges i WHERE i.type = 'INSTANCE_OF' AND i.src = e.src)))
ORDER BY e.case_id, e.src, e.type, e.dst

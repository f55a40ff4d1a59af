-- Outcomes of the given cases (for evidence figures).
-- Params: :cases (JSON array of Case ids). props is the Outcome's JSON properties.
SELECT e.src AS case_id, o.id AS outcome_id, o.props AS props
FROM json_each(:cases) j
CROSS JOIN edges e ON e.type = 'ACHIEVES' AND e.src = j.value
CROSS JOIN nodes o ON o.id = e.dst
ORDER BY e.src, o.id

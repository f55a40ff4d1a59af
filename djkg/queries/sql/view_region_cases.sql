-- Region page: cases located in any of the given regions, newest first (top :limit).
-- Params: :regions (JSON array of Region ids), :limit (int).
SELECT l.src AS case_id, l.dst AS region_id, json_extract(c.props, '$.year') AS year
FROM json_each(:regions) r
CROSS JOIN edges l ON l.type = 'LOCATED_IN' AND l.dst = r.value
CROSS JOIN nodes c ON c.id = l.src
ORDER BY coalesce(json_extract(c.props, '$.year'), 0) DESC, l.src
LIMIT :limit

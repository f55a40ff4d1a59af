-- Region page: cases located in any of the given regions, newest first (top :limit).
-- Params: :regions (JSON array of Region ids), :limit (int).
SELECT l.src AS case_id, l.dst AS region_id, f.year AS year
FROM json_each(:regions) r
CROSS JOIN edges l ON l.type = 'LOCATED_IN' AND l.dst = r.value
CROSS JOIN case_facts f ON f.case_id = l.src
ORDER BY coalesce(f.year, 0) DESC, l.src
LIMIT :limit

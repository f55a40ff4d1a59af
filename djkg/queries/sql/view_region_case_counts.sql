-- Region page: how many cases are located directly in each of the given regions.
-- Params: :regions (JSON array of Region ids).
SELECT l.dst AS region_id, count(*) AS cases
FROM json_each(:regions) r
CROSS JOIN edges l ON l.type = 'LOCATED_IN' AND l.dst = r.value
GROUP BY l.dst
ORDER BY l.dst

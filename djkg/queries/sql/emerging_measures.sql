-- Emerging models: each measure applied by cases linked to no named model, with how many of them apply it.
-- Params: none.
WITH unlinked AS (
    SELECT c.id FROM nodes c
    WHERE c.label = 'Case' AND NOT EXISTS (
        SELECT 1 FROM edges i JOIN nodes m ON m.id = i.dst
        WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND coalesce(json_extract(m.props, '$.candidate'), 0) = 0)
)
SELECT a.dst AS measure_id, m.name AS name, count(*) AS cases
FROM unlinked u
CROSS JOIN edges a ON a.type = 'APPLIES' AND a.src = u.id
JOIN nodes m ON m.id = a.dst
GROUP BY a.dst
ORDER BY measure_id

-- Emerging models: each measure applied by cases linked to no named model, with how many of them apply it.
-- Params: none.
WITH named AS MATERIALIZED (
    SELECT id FROM nodes WHERE label = 'Model' AND coalesce(json_extract(props, '$.candidate'), 0) = 0
),
unlinked AS (
    SELECT c.id FROM nodes c INDEXED BY nodes_label
    WHERE c.label = 'Case' AND NOT EXISTS (
        SELECT 1 FROM edges i WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND +i.dst IN named)
)
SELECT a.dst AS measure_id, m.name AS name, count(*) AS cases
FROM unlinked u
CROSS JOIN edges a ON a.type = 'APPLIES' AND a.src = u.id
JOIN nodes m ON m.id = a.dst
GROUP BY a.dst
ORDER BY measure_id

-- Emerging models: how many cases are linked to no named model (no INSTANCE_OF to a Model that is not a
-- candidate) — the population the method looks for new groups in. Params: none.
WITH named AS MATERIALIZED (
    SELECT id FROM nodes WHERE label = 'Model' AND coalesce(json_extract(props, '$.candidate'), 0) = 0
)
SELECT count(*) AS cases
FROM nodes c INDEXED BY nodes_label
WHERE c.label = 'Case' AND NOT EXISTS (
    SELECT 1 FROM edges i WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND +i.dst IN named)

-- Emerging models: how many cases are linked to no named model (no INSTANCE_OF to a Model that is not a
-- candidate) — the population the method looks for new groups in. Params: none.
SELECT count(*) AS cases
FROM nodes c
WHERE c.label = 'Case' AND NOT EXISTS (
    SELECT 1 FROM edges i JOIN nodes m ON m.id = i.dst
    WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND coalesce(json_extract(m.props, '$.candidate'), 0) = 0)

-- Overview page: models by number of cases (INSTANCE_OF), top :limit; models without cases come last.
-- Params: :limit (int).
SELECT m.id AS model_id, m.name AS name, m.props AS props,
       (SELECT count(*) FROM edges i WHERE i.type = 'INSTANCE_OF' AND i.dst = m.id) AS cases
FROM nodes m
WHERE m.label = 'Model'
ORDER BY cases DESC, m.id
LIMIT :limit

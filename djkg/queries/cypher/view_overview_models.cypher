// Overview page: models by number of cases (INSTANCE_OF), top $limit; models without cases come last.
MATCH (m:Model)
RETURN m.id AS model_id, m.name AS name, m.props AS props, COUNT { (m)<-[:INSTANCE_OF]-() } AS cases
ORDER BY cases DESC, model_id
LIMIT $limit

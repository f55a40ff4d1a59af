// Overview page: the problems most cases face, with how many cases face each (top $limit).
MATCH (p:Problem)<-[f:FACES]-()
RETURN p.id AS problem_id, p.name AS name, p.props AS props, count(f) AS cases
ORDER BY cases DESC, problem_id
LIMIT $limit

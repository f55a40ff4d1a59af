// Overview page: the problems most cases face, with how many cases face each (top $limit).
MATCH (p:Problem)<-[f:FACES]-()
WHERE coalesce(p.candidate, 0) = 0   // candidate phrases are left out
RETURN p.id AS problem_id, p.name AS name, p.props AS props, count(f) AS cases
ORDER BY cases DESC, problem_id
LIMIT $limit

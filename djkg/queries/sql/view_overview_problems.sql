-- Overview page: the problems most cases face, with how many cases face each (top :limit).
-- Candidate phrases (matched no taxonomy entry) are left out. Params: :limit (int). Aggregated in the database — never loads the cases themselves.
SELECT f.dst AS problem_id, p.name AS name, p.props AS props, count(*) AS cases
FROM edges f
JOIN nodes p ON p.id = f.dst
WHERE f.type = 'FACES' AND coalesce(json_extract(p.props, '$.candidate'), 0) = 0
GROUP BY f.dst
ORDER BY cases DESC, f.dst
LIMIT :limit

-- Model page: the model's cases, newest first (top :limit), each with the model's total case count.
-- Params: :model (Model id), :limit (int).
SELECT c.id AS case_id, json_extract(c.props, '$.year') AS year,
       (SELECT count(*) FROM edges t WHERE t.type = 'INSTANCE_OF' AND t.dst = :model) AS total
FROM edges i
JOIN nodes c ON c.id = i.src
WHERE i.type = 'INSTANCE_OF' AND i.dst = :model
ORDER BY coalesce(json_extract(c.props, '$.year'), 0) DESC, c.id
LIMIT :limit

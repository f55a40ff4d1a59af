-- Model page: the model's cases, newest first (top :limit), each with the model's total case count.
-- Params: :model (Model id), :limit (int).
SELECT f.case_id AS case_id, f.year AS year,
       (SELECT count(*) FROM edges t WHERE t.type = 'INSTANCE_OF' AND t.dst = :model) AS total
FROM edges i
CROSS JOIN case_facts f ON f.case_id = i.src
WHERE i.type = 'INSTANCE_OF' AND i.dst = :model
ORDER BY coalesce(f.year, 0) DESC, f.case_id
LIMIT :limit

-- Case library page: one page of the cases matching the filters (a NULL filter matches every case), newest first,
-- each row with the number of matching cases. Params: :prefix (adcode prefix: 2 province, 4 city, 6 county digits),
-- :field, :year (int), :illustrative (0/1), :model, :problem, :measure (node ids), :limit, :offset (int).
SELECT c.id AS case_id,
       (SELECT min(i.dst) FROM edges i WHERE i.src = c.id AND i.type = 'INSTANCE_OF') AS model_id,
       count(*) OVER () AS total
FROM nodes c
WHERE c.label = 'Case'
  AND (:prefix IS NULL OR substr(json_extract(c.props, '$.region.adcode'), 1, length(:prefix)) = :prefix)
  AND (:field IS NULL OR json_extract(c.props, '$.industry.field') = :field)
  AND (:year IS NULL OR json_extract(c.props, '$.year') = :year)
  AND (:illustrative IS NULL OR coalesce(json_extract(c.props, '$.illustrative'), 0) = :illustrative)
  AND (:model IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'INSTANCE_OF' AND e.src = c.id AND e.dst = :model))
  AND (:problem IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'FACES' AND e.src = c.id AND e.dst = :problem))
  AND (:measure IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'APPLIES' AND e.src = c.id AND e.dst = :measure))
ORDER BY coalesce(json_extract(c.props, '$.year'), 0) DESC, c.id
LIMIT :limit OFFSET :offset

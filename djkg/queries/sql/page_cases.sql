-- Case library page: one page of the cases matching the filters (a NULL filter matches every case), newest first,
-- each row with the number of matching cases. Params: :prefix (adcode prefix: 2 province, 4 city, 6 county digits),
-- :field, :year (int), :illustrative (0/1), :model, :problem, :measure (node ids), :limit, :offset (int).
-- The case facts come from case_facts (the props as json_extract reads them, kept with each case): never parsed here.
SELECT f.case_id AS case_id,
       (SELECT min(i.dst) FROM edges i WHERE i.src = f.case_id AND i.type = 'INSTANCE_OF') AS model_id,
       count(*) OVER () AS total
FROM case_facts f
WHERE (:prefix IS NULL OR substr(f.adcode, 1, length(:prefix)) = :prefix)
  AND (:field IS NULL OR f.field = :field)
  AND (:year IS NULL OR f.year = :year)
  AND (:illustrative IS NULL OR coalesce(f.illustrative, 0) = :illustrative)
  AND (:model IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'INSTANCE_OF' AND e.src = f.case_id AND e.dst = :model))
  AND (:problem IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'FACES' AND e.src = f.case_id AND e.dst = :problem))
  AND (:measure IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'APPLIES' AND e.src = f.case_id AND e.dst = :measure))
ORDER BY coalesce(f.year, 0) DESC, f.case_id
LIMIT :limit OFFSET :offset

-- Case library page: how many cases match the filters (the same filters as page_cases).
SELECT count(*) AS total
FROM nodes c
WHERE c.label = 'Case'
  AND (:prefix IS NULL OR substr(json_extract(c.props, '$.region.adcode'), 1, length(:prefix)) = :prefix)
  AND (:field IS NULL OR json_extract(c.props, '$.industry.field') = :field)
  AND (:year IS NULL OR json_extract(c.props, '$.year') = :year)
  AND (:illustrative IS NULL OR coalesce(json_extract(c.props, '$.illustrative'), 0) = :illustrative)
  AND (:model IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'INSTANCE_OF' AND e.src = c.id AND e.dst = :model))
  AND (:problem IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'FACES' AND e.src = c.id AND e.dst = :problem))
  AND (:measure IS NULL OR EXISTS (SELECT 1 FROM edges e WHERE e.type = 'APPLIES' AND e.src = c.id AND e.dst = :measure))

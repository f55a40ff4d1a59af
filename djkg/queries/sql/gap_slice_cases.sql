-- Gap map: how many cases in the slice face at least one problem (candidate phrases left out).
-- Params: :province (two-digit adcode prefix, or NULL), :field (field name, or NULL).
SELECT count(DISTINCT c.id) AS cases
FROM edges f
JOIN nodes c ON c.id = f.src
JOIN nodes p ON p.id = f.dst
WHERE f.type = 'FACES'
  AND coalesce(json_extract(p.props, '$.candidate'), 0) = 0
  AND (:field IS NULL OR json_extract(c.props, '$.industry.field') = :field)
  AND (:province IS NULL OR substr(json_extract(c.props, '$.region.adcode'), 1, 2) = :province)

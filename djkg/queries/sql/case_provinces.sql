-- Regions overview: cases per province (the first two digits of the case's adcode), with documented cases and models.
SELECT substr(json_extract(c.props, '$.region.adcode'), 1, 2) || '0000' AS adcode,
       count(*) AS cases,
       sum(CASE WHEN coalesce(json_extract(c.props, '$.illustrative'), 0) = 0 THEN 1 ELSE 0 END) AS documented,
       count(DISTINCT (SELECT min(i.dst) FROM edges i WHERE i.src = c.id AND i.type = 'INSTANCE_OF')) AS models
FROM nodes c
WHERE c.label = 'Case' AND json_extract(c.props, '$.region.adcode') IS NOT NULL
GROUP BY substr(json_extract(c.props, '$.region.adcode'), 1, 2)
ORDER BY cases DESC, adcode

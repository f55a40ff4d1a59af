-- Regions overview: cases per province (the first two digits of the case's adcode), with documented cases and models.
-- The case facts come from case_facts (kept with each case), so no case's props are parsed.
SELECT substr(f.adcode, 1, 2) || '0000' AS adcode,
       count(*) AS cases,
       sum(CASE WHEN coalesce(f.illustrative, 0) = 0 THEN 1 ELSE 0 END) AS documented,
       count(DISTINCT (SELECT min(i.dst) FROM edges i WHERE i.src = f.case_id AND i.type = 'INSTANCE_OF')) AS models
FROM case_facts f
WHERE f.adcode IS NOT NULL
GROUP BY substr(f.adcode, 1, 2)
ORDER BY cases DESC, adcode

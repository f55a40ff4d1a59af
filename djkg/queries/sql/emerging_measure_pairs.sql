-- Emerging models: pairs of measures applied together by cases linked to no named model, with how many such
-- cases apply both and in how many distinct cities (a municipality is its own city). Pairs with fewer than
-- :min_cases cases are left out. Params: :min_cases (int).
WITH unlinked AS (
    SELECT c.id FROM nodes c
    WHERE c.label = 'Case' AND NOT EXISTS (
        SELECT 1 FROM edges i JOIN nodes m ON m.id = i.dst
        WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND coalesce(json_extract(m.props, '$.candidate'), 0) = 0)
),
applies AS (
    SELECT a.src AS case_id, a.dst AS measure_id
    FROM unlinked u CROSS JOIN edges a ON a.type = 'APPLIES' AND a.src = u.id
)
SELECT x.measure_id AS a, y.measure_id AS b, count(*) AS cases,
       count(DISTINCT CASE WHEN length(ad.adcode) <> 6 THEN NULL
                           WHEN substr(ad.adcode, 1, 2) IN ('11', '12', '31', '50') THEN substr(ad.adcode, 1, 2) || '0000'
                           WHEN substr(ad.adcode, 3, 2) = '00' THEN NULL
                           ELSE substr(ad.adcode, 1, 4) || '00' END) AS cities
FROM applies x
JOIN applies y ON y.case_id = x.case_id AND y.measure_id > x.measure_id
JOIN (SELECT c.id, json_extract(c.props, '$.region.adcode') AS adcode FROM nodes c WHERE c.label = 'Case') ad
  ON ad.id = x.case_id
GROUP BY x.measure_id, y.measure_id
HAVING count(*) >= :min_cases
ORDER BY a, b

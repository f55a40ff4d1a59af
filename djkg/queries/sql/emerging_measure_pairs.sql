-- Emerging models: pairs of measures applied together by cases linked to no named model, with how many such
-- cases apply both and in how many distinct cities (a municipality is its own city). Pairs with fewer than
-- :min_cases cases are left out. Params: :min_cases (int).
-- Each case's region is read once; the second measure of a pair is found through the edges index (a join of the
-- materialised list with itself would scan it once per row).
WITH named AS MATERIALIZED (
    SELECT id FROM nodes WHERE label = 'Model' AND coalesce(json_extract(props, '$.candidate'), 0) = 0
),
unlinked_ids AS MATERIALIZED (      -- ids from the (label, id) index: no case row is read for a linked case
    SELECT c.id FROM nodes c INDEXED BY nodes_label
    WHERE c.label = 'Case' AND NOT EXISTS (
        SELECT 1 FROM edges i WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND +i.dst IN named)
),
unlinked AS MATERIALIZED (
    SELECT n.id, json_extract(n.props, '$.region.adcode') AS adcode
    FROM unlinked_ids k CROSS JOIN nodes n ON n.id = k.id
)
SELECT x.dst AS a, y.dst AS b, count(*) AS cases,
       count(DISTINCT CASE WHEN length(u.adcode) <> 6 THEN NULL
                           WHEN substr(u.adcode, 1, 2) IN ('11', '12', '31', '50') THEN substr(u.adcode, 1, 2) || '0000'
                           WHEN substr(u.adcode, 3, 2) = '00' THEN NULL
                           ELSE substr(u.adcode, 1, 4) || '00' END) AS cities
FROM unlinked u
CROSS JOIN edges x ON x.type = 'APPLIES' AND x.src = u.id
CROSS JOIN edges y ON y.type = 'APPLIES' AND y.src = u.id AND y.dst > x.dst
GROUP BY x.dst, y.dst
HAVING count(*) >= :min_cases
ORDER BY a, b

-- Emerging models: the cases linked to no named model that apply at least :min_shared of the given measures, with
-- the facts a group lists (title, unit, year, region, field) and how many of the measures each applies.
-- Params: :measures (JSON array of Measure ids), :min_shared (int).
WITH named AS MATERIALIZED (
    SELECT id FROM nodes WHERE label = 'Model' AND coalesce(json_extract(props, '$.candidate'), 0) = 0
),
wanted AS (SELECT DISTINCT value AS id FROM json_each(:measures)),
hits AS (
    SELECT a.src AS case_id, count(*) AS shared
    FROM wanted w CROSS JOIN edges a ON a.type = 'APPLIES' AND a.dst = w.id
    GROUP BY a.src
    HAVING count(*) >= :min_shared
)
SELECT c.id AS case_id, json_extract(c.props, '$.title') AS title, json_extract(c.props, '$.unit') AS unit,
       json_extract(c.props, '$.year') AS year, json_extract(c.props, '$.region.adcode') AS adcode,
       json_extract(c.props, '$.industry.field') AS field, h.shared AS shared
FROM hits h
CROSS JOIN nodes c ON c.id = h.case_id
WHERE NOT EXISTS (SELECT 1 FROM edges i WHERE i.type = 'INSTANCE_OF' AND i.src = c.id AND +i.dst IN named)
ORDER BY case_id

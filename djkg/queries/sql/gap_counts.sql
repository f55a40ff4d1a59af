-- Gap map counts in one pass over the cases facing problems (candidate phrases left out). Rows by kind:
--   'problem'  — per problem within the slice (:province and :field): cases, distinct units, cities, provinces;
--   'field'    — per problem and field (key = field; cases without a field left out), within :province only;
--   'province' — per problem and province (key = two-digit adcode prefix; cases without a region left out),
--                within :field only;
--   'slice'    — one row: the cases in the slice facing at least one problem.
-- A case without a unit counts as its own unit; a city is the adcode's city (a municipality is its own city, as
-- graph/adcodes.py: city_of). The case facts come from case_facts (kept with each case): no props are parsed.
-- Params: :province (two-digit adcode prefix, or NULL for all), :field (field name, or NULL for all).
WITH problems AS MATERIALIZED (
    SELECT id FROM nodes WHERE label = 'Problem' AND coalesce(json_extract(props, '$.candidate'), 0) = 0
),
facts AS MATERIALIZED (
    SELECT fa.dst AS problem_id, c.case_id AS case_id, coalesce(nullif(c.unit, ''), c.case_id) AS unit,
           CASE WHEN length(c.adcode) <> 6 THEN NULL
                WHEN substr(c.adcode, 1, 2) IN ('11', '12', '31', '50') THEN substr(c.adcode, 1, 2) || '0000'
                WHEN substr(c.adcode, 3, 2) = '00' THEN NULL
                ELSE substr(c.adcode, 1, 4) || '00' END AS city,
           substr(c.adcode, 1, 2) AS province, c.field AS field
    FROM edges fa
    CROSS JOIN case_facts c ON c.case_id = fa.src
    WHERE fa.type = 'FACES' AND +fa.dst IN problems
)
SELECT * FROM (
    SELECT 'problem' AS kind, problem_id, NULL AS key, count(*) AS cases, count(DISTINCT unit) AS units,
           count(DISTINCT city) AS cities, count(DISTINCT province) AS provinces
    FROM facts
    WHERE (:field IS NULL OR field = :field) AND (:province IS NULL OR province = :province)
    GROUP BY problem_id
    UNION ALL
    SELECT 'field', problem_id, field, count(*), count(DISTINCT unit), NULL, NULL
    FROM facts
    WHERE field IS NOT NULL AND (:province IS NULL OR province = :province)
    GROUP BY problem_id, field
    UNION ALL
    SELECT 'province', problem_id, province, count(*), count(DISTINCT unit), NULL, NULL
    FROM facts
    WHERE province IS NOT NULL AND (:field IS NULL OR field = :field)
    GROUP BY problem_id, province
    UNION ALL
    SELECT 'slice', NULL, NULL, count(DISTINCT case_id), NULL, NULL, NULL
    FROM facts
    WHERE (:field IS NULL OR field = :field) AND (:province IS NULL OR province = :province)
)
ORDER BY kind, problem_id, key

-- Gap map counts in one pass over the cases facing problems (candidate phrases left out). Rows by kind:
--   'problem'  — per problem within the slice (:province and :field): cases, distinct units, cities, provinces;
--   'field'    — per problem and field (key = field; cases without a field left out), within :province only;
--   'province' — per problem and province (key = two-digit adcode prefix; cases without a region left out),
--                within :field only;
--   'slice'    — one row: the cases in the slice facing at least one problem.
-- A case without a unit counts as its own unit; a city is the adcode's city (a municipality is its own city, as
-- graph/adcodes.py: city_of). Each case's props are parsed once (one json_extract with three paths).
-- Params: :province (two-digit adcode prefix, or NULL for all), :field (field name, or NULL for all).
WITH cases AS MATERIALIZED (
    SELECT id, json_extract(props, '$.unit', '$.region.adcode', '$.industry.field') AS f
    FROM nodes WHERE label = 'Case'
),
facts AS MATERIALIZED (
    SELECT fa.dst AS problem_id, c.id AS case_id,
           coalesce(nullif(c.f ->> '$[0]', ''), c.id) AS unit,
           CASE WHEN length(c.f ->> '$[1]') <> 6 THEN NULL
                WHEN substr(c.f ->> '$[1]', 1, 2) IN ('11', '12', '31', '50') THEN substr(c.f ->> '$[1]', 1, 2) || '0000'
                WHEN substr(c.f ->> '$[1]', 3, 2) = '00' THEN NULL
                ELSE substr(c.f ->> '$[1]', 1, 4) || '00' END AS city,
           substr(c.f ->> '$[1]', 1, 2) AS province,
           c.f ->> '$[2]' AS field
    FROM edges fa
    JOIN cases c ON c.id = fa.src
    JOIN nodes p ON p.id = fa.dst
    WHERE fa.type = 'FACES' AND coalesce(json_extract(p.props, '$.candidate'), 0) = 0
)
SELECT * FROM (
    SELECT 'problem' AS kind, problem_id, NULL AS key, count(DISTINCT case_id) AS cases, count(DISTINCT unit) AS units,
           count(DISTINCT city) AS cities, count(DISTINCT province) AS provinces
    FROM facts
    WHERE (:field IS NULL OR field = :field) AND (:province IS NULL OR province = :province)
    GROUP BY problem_id
    UNION ALL
    SELECT 'field', problem_id, field, count(DISTINCT case_id), count(DISTINCT unit), NULL, NULL
    FROM facts
    WHERE field IS NOT NULL AND (:province IS NULL OR province = :province)
    GROUP BY problem_id, field
    UNION ALL
    SELECT 'province', problem_id, province, count(DISTINCT case_id), count(DISTINCT unit), NULL, NULL
    FROM facts
    WHERE province IS NOT NULL AND (:field IS NULL OR field = :field)
    GROUP BY problem_id, province
    UNION ALL
    SELECT 'slice', NULL, NULL, count(DISTINCT case_id), NULL, NULL, NULL
    FROM facts
    WHERE (:field IS NULL OR field = :field) AND (:province IS NULL OR province = :province)
)
ORDER BY kind, problem_id, key

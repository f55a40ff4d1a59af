-- Gap map: for each problem (candidate phrases left out), the cases facing it and their distinct units, cities and
-- provinces, within an optional province and field. A case without a unit counts as its own unit; a city is the
-- adcode's city (a municipality is its own city, like graph/adcodes.py: city_of).
-- Params: :province (two-digit adcode prefix, or NULL for all), :field (field name, or NULL for all).
WITH facing AS (
    SELECT f.dst AS problem_id, c.id AS case_id,
           coalesce(nullif(json_extract(c.props, '$.unit'), ''), c.id) AS unit,
           json_extract(c.props, '$.region.adcode') AS adcode
    FROM edges f
    JOIN nodes c ON c.id = f.src
    WHERE f.type = 'FACES'
      AND (:field IS NULL OR json_extract(c.props, '$.industry.field') = :field)
      AND (:province IS NULL OR substr(json_extract(c.props, '$.region.adcode'), 1, 2) = :province)
)
SELECT fc.problem_id AS problem_id, p.name AS name, p.props AS props,
       count(DISTINCT fc.case_id) AS cases,
       count(DISTINCT fc.unit) AS units,
       count(DISTINCT CASE WHEN length(fc.adcode) <> 6 THEN NULL
                           WHEN substr(fc.adcode, 1, 2) IN ('11', '12', '31', '50') THEN substr(fc.adcode, 1, 2) || '0000'
                           WHEN substr(fc.adcode, 3, 2) = '00' THEN NULL
                           ELSE substr(fc.adcode, 1, 4) || '00' END) AS cities,
       count(DISTINCT substr(fc.adcode, 1, 2)) AS provinces
FROM facing fc
JOIN nodes p ON p.id = fc.problem_id
WHERE coalesce(json_extract(p.props, '$.candidate'), 0) = 0
GROUP BY fc.problem_id
ORDER BY cases DESC, fc.problem_id

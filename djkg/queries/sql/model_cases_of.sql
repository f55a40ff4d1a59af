-- Each (model, case) pair of the given cases with the case facts that maturity, field fit and regional proximity
-- need: the model index reads every case through it in chunks, and after a write the cases that changed
-- (queries/contributions.py).
-- Params: cases (list of case ids; duplicates and unknown ids are ignored).
SELECT m.id                                        AS model_id,
       m.name                                      AS model_name,
       m.props                                     AS model_props,
       c.id                                        AS case_id,
       json_extract(c.props, '$.title')            AS title,
       json_extract(c.props, '$.unit')             AS unit,
       json_extract(c.props, '$.year')             AS year,
       json_extract(c.props, '$.region.adcode')    AS adcode,
       json_extract(c.props, '$.industry.field')   AS field,
       json_extract(c.props, '$.industry.sector')  AS sector,
       json_extract(c.props, '$.flags')            AS flags,
       json_extract(c.props, '$.signals')          AS signals,
       json_extract(c.props, '$.quantified_outcomes') AS quantified,
       json_extract(c.props, '$.illustrative')     AS illustrative,
       json_extract(c.props, '$.synthetic')        AS synthetic,
       json_extract(c.props, '$.industry.confidence') AS field_confidence
FROM (SELECT DISTINCT value AS id FROM json_each(:cases)) j
CROSS JOIN edges e ON e.src = j.id AND e.type = 'INSTANCE_OF'
CROSS JOIN nodes m ON m.id = e.dst
CROSS JOIN nodes c ON c.id = e.src
WHERE m.label = 'Model'
ORDER BY m.id, c.id

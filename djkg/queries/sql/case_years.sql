-- Case library filters: the years cases are from, with how many cases each, newest first.
SELECT json_extract(c.props, '$.year') AS year, count(*) AS cases
FROM nodes c
WHERE c.label = 'Case' AND json_extract(c.props, '$.year') IS NOT NULL
GROUP BY json_extract(c.props, '$.year')
ORDER BY year DESC

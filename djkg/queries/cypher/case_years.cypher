// Case library filters: the years cases are from, with how many cases each, newest first.
MATCH (c:Case) WHERE c.year IS NOT NULL
RETURN c.year AS year, count(*) AS cases
ORDER BY year DESC

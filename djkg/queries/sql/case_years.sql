-- Case library filters: the years cases are from, with how many cases each, newest first (from case_facts).
SELECT f.year AS year, count(*) AS cases
FROM case_facts f
WHERE f.year IS NOT NULL
GROUP BY f.year
ORDER BY year DESC

-- Measure —ADDRESSES→ Problem with its support (number of cases contributing the link).
-- Params: none.
SELECT src AS measure_id, dst AS problem_id, count(*) AS support
FROM edges
WHERE type = 'ADDRESSES'
GROUP BY src, dst
ORDER BY src, dst

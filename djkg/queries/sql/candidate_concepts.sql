-- Candidate concepts (phrases that matched no taxonomy entry) with the number of cases using them.
-- Params: none.
SELECT n.id, n.label, n.name, count(DISTINCT e.src) AS cases
FROM nodes n
JOIN edges e ON e.dst = n.id AND e.type IN ('FACES', 'APPLIES', 'INSTANCE_OF')
WHERE n.label IN ('Problem', 'Measure', 'Model') AND json_extract(n.props, '$.candidate') = 1
GROUP BY n.id, n.label, n.name
ORDER BY cases DESC, n.label, n.id

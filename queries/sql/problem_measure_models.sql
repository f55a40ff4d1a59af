-- Profile problems → Problem ←ADDRESSES— Measure ←USES— Model, with support counts of both edges.
-- Params: :problems (JSON array of Problem ids).
WITH addr AS (
    SELECT a.dst AS problem_id, a.src AS measure_id, count(*) AS addresses_support
    FROM json_each(:problems) p
    JOIN edges a ON a.type = 'ADDRESSES' AND a.dst = p.value
    GROUP BY a.dst, a.src
)
SELECT addr.problem_id, addr.measure_id, u.src AS model_id, addr.addresses_support,
       count(*) AS uses_support
FROM addr
JOIN edges u ON u.type = 'USES' AND u.dst = addr.measure_id
GROUP BY addr.problem_id, addr.measure_id, u.src
ORDER BY addr.problem_id, addr.measure_id, u.src

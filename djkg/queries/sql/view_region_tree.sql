-- Region page: the region and every sub-region below it (PART_OF, at most 3 levels), each with the
-- direct child of :region it lies under (child_id NULL for the region itself).
-- Params: :region (Region id).
WITH RECURSIVE sub(region_id, child_id, depth) AS (
    SELECT :region, NULL, 0
    UNION
    SELECT e.src, coalesce(sub.child_id, e.src), sub.depth + 1
    FROM sub
    JOIN edges e ON e.type = 'PART_OF' AND e.dst = sub.region_id
    WHERE sub.depth < 3
)
SELECT sub.region_id, sub.child_id, sub.depth, n.name AS name, n.props AS props
FROM sub
JOIN nodes n ON n.id = sub.region_id AND n.label = 'Region'
ORDER BY sub.depth, sub.region_id

// Region page: the region and every sub-region below it (PART_OF, at most 3 levels), each with the direct
// child of $region it lies under (child_id null for the region itself).
MATCH (root:Region {id: $region})
OPTIONAL MATCH path = (sub:Region)-[:PART_OF*1..3]->(root)
WITH root, sub, path
WITH root, collect(CASE WHEN sub IS NULL THEN null
                        ELSE {region_id: sub.id, child_id: nodes(path)[size(nodes(path)) - 2].id, depth: length(path),
                              name: sub.name, props: sub.props} END) AS subs
UNWIND [{region_id: root.id, child_id: null, depth: 0, name: root.name, props: root.props}] + subs AS row
WITH DISTINCT row
RETURN row.region_id AS region_id, row.child_id AS child_id, row.depth AS depth, row.name AS name, row.props AS props
ORDER BY depth, region_id

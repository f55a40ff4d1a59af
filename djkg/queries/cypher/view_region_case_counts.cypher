// Region page: how many cases are located directly in each of the given regions. Params: $regions.
UNWIND $regions AS rid
MATCH (:Node)-[l:LOCATED_IN]->(r:Node {id: rid})
RETURN r.id AS region_id, count(l) AS cases
ORDER BY region_id

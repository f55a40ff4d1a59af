// Emerging models: pairs of measures applied together by cases linked to no named model, with how many such cases
// apply both and in how many distinct cities. Pairs with fewer than $min_cases cases are left out. Twin of sql/.
MATCH (c:Case) WHERE NOT EXISTS { MATCH (c)-[:INSTANCE_OF]->(m:Model) WHERE coalesce(m.candidate, 0) = 0 }
MATCH (c)-[:APPLIES]->(x:Measure), (c)-[:APPLIES]->(y:Measure)
WHERE x.id < y.id
WITH x.id AS a, y.id AS b, c.adcode AS ad, c
WITH a, b, count(DISTINCT c) AS cases,
     count(DISTINCT CASE WHEN size(ad) <> 6 THEN null
                         WHEN substring(ad, 0, 2) IN ['11', '12', '31', '50'] THEN substring(ad, 0, 2) + '0000'
                         WHEN substring(ad, 2, 2) = '00' THEN null
                         ELSE substring(ad, 0, 4) + '00' END) AS cities
WHERE cases >= $min_cases
RETURN a, b, cases, cities
ORDER BY a, b

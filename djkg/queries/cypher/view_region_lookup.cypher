// Region page: find a Region by id ("region:370686"), adcode ("370686") or exact official name ("栖霞市").
MATCH (r:Region)
WHERE r.id = $key OR r.id = 'region:' + $key OR r.name = $key
RETURN r.id AS region_id, r.name AS name, r.props AS props
ORDER BY (r.id = $key OR r.id = 'region:' + $key) DESC, region_id
LIMIT 20

-- Region page: find a Region by id ("region:370686"), adcode ("370686") or exact official name ("栖霞市").
-- Params: :key (text). Several rows when a name is shared (homonyms); the caller picks and lists them.
SELECT r.id AS region_id, r.name AS name, r.props AS props
FROM nodes r
WHERE r.label = 'Region' AND (r.id = :key OR r.id = 'region:' || :key OR r.name = :key)
ORDER BY (r.id = :key OR r.id = 'region:' || :key) DESC, r.id
LIMIT 20

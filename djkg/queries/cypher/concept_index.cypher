// Problems and Measures in the store with their names (for lexical matching of free text).
MATCH (n:Node) WHERE n.label IN ['Problem', 'Measure']
RETURN n.id AS id, n.label AS label, n.name AS name, n.props AS props
ORDER BY id

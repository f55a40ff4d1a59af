-- Problems and Measures in the store with their names (for lexical matching of free text).
-- Params: none.
SELECT id, label, name, props FROM nodes WHERE label IN ('Problem', 'Measure') ORDER BY id

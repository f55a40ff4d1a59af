// How many audit entries match the filters of audit_entries. Twin of sql/.
MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR a.actor = $actor) AND ($action IS NULL OR a.action = $action)
  AND ($target IS NULL OR a.target = $target) AND ($since IS NULL OR a.at >= $since) AND ($until IS NULL OR a.at < $until)
RETURN count(a) AS n

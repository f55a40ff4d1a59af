// The audit trail, newest first, filtered. Twin of sql/: before/after are JSON text as SQLite keeps them.
MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR a.actor = $actor) AND ($action IS NULL OR a.action = $action)
  AND ($target IS NULL OR a.target = $target) AND ($since IS NULL OR a.at >= $since) AND ($until IS NULL OR a.at < $until)
RETURN a.seq AS seq, a.at AS at, a.actor AS actor, a.action AS action, a.target AS target, a.before AS before,
       a.after AS after
ORDER BY seq DESC
SKIP $offset LIMIT $limit

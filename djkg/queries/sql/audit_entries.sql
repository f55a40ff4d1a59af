-- The audit trail, newest first, filtered. Params: :actor, :action, :target (exact, NULL = any), :since, :until
-- (ISO 8601 UTC text, since inclusive, until exclusive, NULL = open), :limit, :offset. before/after are JSON.
SELECT seq, at, actor, action, target, before, after
FROM audit_log
WHERE (:actor IS NULL OR actor = :actor) AND (:action IS NULL OR action = :action)
  AND (:target IS NULL OR target = :target) AND (:since IS NULL OR at >= :since) AND (:until IS NULL OR at < :until)
ORDER BY seq DESC
LIMIT :limit OFFSET :offset

-- How many audit entries match the filters of audit_entries. Params: :actor, :action, :target, :since, :until.
SELECT count(*) AS n
FROM audit_log
WHERE (:actor IS NULL OR actor = :actor) AND (:action IS NULL OR action = :action)
  AND (:target IS NULL OR target = :target) AND (:since IS NULL OR at >= :since) AND (:until IS NULL OR at < :until)

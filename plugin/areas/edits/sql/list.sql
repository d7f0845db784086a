-- Pending first by default (:state); keyset on (requested_at, id), oldest first so the queue is worked in order.
select e.id, e.entity, e.entity_id as "entityId", e.customer_id as "customerId", c.unit, c.name as "customerName",
       c.confidential, c.owner_staff_id as "ownerStaffId",
       e.changes, e.before, e.after, e.base_version as "baseVersion", e.state, e.reason,
       e.requested_by as "requestedBy", r.name as "requestedByName", e.requested_at as "requestedAt",
       e.decided_by as "decidedBy", d.name as "decidedByName", e.decided_at as "decidedAt", e.decision_note as "decisionNote",
       e.result_id as "resultId"
  from edit_requests e
  join customers c on c.site = e.site and c.id = e.customer_id
  left join staff r on r.site = e.site and r.id = e.requested_by
  left join staff d on d.site = e.site and d.id = e.decided_by
 where e.site = :site
   and (:state::text is null or e.state = :state)
   and (:customerId::bigint is null or e.customer_id = :customerId::bigint)
   and (:id::bigint is null or e.id = :id::bigint)
   and (:afterRequestedAt::timestamptz is null or (e.requested_at, e.id) > (:afterRequestedAt::timestamptz, :afterId::bigint))
 order by e.requested_at, e.id
 limit :limit::int;

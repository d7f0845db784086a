-- tickets.myQueue's page (R-TIC-6): open tickets of the reader's department (:actorDepartmentId) or assigned to the
-- reader (:actorId), newest first, after the keyset (:afterAt, :afterId). Each branch reads its ordered index
-- (migration 021) and stops at :limit; the union of the two is the page. The state condition is the indexes'
-- predicate word for word (open = not replied, callback_pending or closed: model.ts openStates; a test compares).
select q.id
  from ((select t.id, t.opened_at from tickets t
          where t.site = :site and t.department_id = :actorDepartmentId::bigint
            and t.state not in ('replied', 'callback_pending', 'closed')
            and (:afterAt::timestamptz is null or (t.opened_at, t.id) < (:afterAt::timestamptz, :afterId::bigint))
          order by t.opened_at desc, t.id desc
          limit :limit::int)
        union
        (select t.id, t.opened_at from tickets t
          where t.site = :site and t.assignee_id = :actorId::bigint
            and t.state not in ('replied', 'callback_pending', 'closed')
            and (:afterAt::timestamptz is null or (t.opened_at, t.id) < (:afterAt::timestamptz, :afterId::bigint))
          order by t.opened_at desc, t.id desc
          limit :limit::int)) q
 order by q.opened_at desc, q.id desc
 limit :limit::int;

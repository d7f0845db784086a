-- tickets.search, free text no trigram narrows (issue 17): the (opened at, id) of the :bound-th ticket of the site
-- past the cursor, newest first, read from tickets_opened; the page's walk stops there. null when fewer remain.
select t.opened_at as "openedAt", t.id
  from tickets t
 where t.site = :site
   and (:afterAt::timestamptz is null or (t.opened_at, t.id) < (:afterAt::timestamptz, :afterId::bigint))
 order by t.opened_at desc, t.id desc
offset :bound::int - 1
 limit 1;

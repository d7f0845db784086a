-- R-ARC-6. Every filter is "null = not given"; the planner folds the unused ones away (custom plans), so
-- unit, floor and name each use an index. A phone (:phone, digits) is looked up in customers_phones first, as
-- an array of ids: the planner cannot estimate array containment and, given `phones @>` in this WHERE, walked
-- the whole unit index in sort order; `id = any(that array)` it reads through the primary key. The array holds
-- every customer with the phone: cut at 10,000, a placeholder number's later customers were never found.
-- :name (a LIKE prefix pattern) orders the page by name: the planner folds the CASEs below to the one order
-- given, and walks customers_name_order (migration 014) from the prefix. Otherwise sorted by unit. Keyset on
-- (unit, id), or (lower(name), id) with :name.
-- The page is chosen from customers alone, then joined to its archive and owner: a broad name prefix is
-- estimated at a few rows, and with the view's joins the planner sorted every match (590 at 1M) instead.
-- q (:q, :qDigits): LIKE patterns for a part of the unit, name or phones, and for the digits of q in the phones,
-- matched against search_text, those fields lowered and joined, stored with the row and carried in the unit index
-- (migration 025) so that a walk in unit order tests customers without reading them. The planner picks between
-- the trigram index and that walk by its guess at the fragment's breadth, and a wrong guess walked the whole site
-- (issue 17), so the caller (customers/search.ts) bounds or replaces its choice:
--   :bound (unit order only): only the customers up to the unit :bound customers past the cursor (the site's last
--     unit when fewer remain), so a walk stops there; a page that fills is the page;
--   :ids: only these customers (the fragment's matches, customers/matches.sql), read through the primary key.
-- The card's columns but its site and phones (what customers.search returns, so rows need no reshaping).
select c.id, c.unit, c.floor, c.name, c.contacts, c.category, c.grade, c."moveInDate", c.confidential,
       c."ownerStaffId", c."ownerName", c.notes, c.custom, c."formVersion", c.status, c."vacatedAt", c.version,
       c."archiveId", c.label, c."boxNo", c."archiveStatus", c.bound, c."createdAt", c."updatedAt"
  from (select k.id, k.unit, k.name
          from customers k
         where k.site = :site
           and (:unit::text is null or k.unit = :unit)
           and (:floor::int is null or k.floor = :floor)
           and (:name::text is null or lower(k.name) collate "C" like :name)
           and (:phone::text is null
                or k.id = any(array(select p.id from customers p where p.site = :site and p.phones @> array[:phone::text])))
           -- An array the planner cannot count: it reads each id through the primary key, never walks the site.
           and (:ids::bigint[] is null or k.id = any((select :ids::bigint[])::bigint[]))
           and (:bound::int is null
                or k.unit <= coalesce((select b.unit from customers b
                                        where b.site = :site and (:afterKey::text is null or (b.unit, b.id) > (:afterKey, :afterId::bigint))
                                        order by b.unit, b.id offset :bound::int - 1 limit 1),
                                      (select max(b.unit) from customers b where b.site = :site)))
           and (:category::text is null or k.category = :category)
           and (:grade::text is null or k.grade = :grade)
           and (:status::text is null or k.status = :status)
           and (:q::text is null or :ids::bigint[] is not null
                or k.search_text like :q
                or k.search_text like :qDigits::text)
           and (:custom::jsonb is null or k.custom @> :custom::jsonb)
           and (:afterKey::text is null
                or (:name::text is null and (k.unit, k.id) > (:afterKey, :afterId::bigint))
                or (:name::text is not null and (lower(k.name) collate "C", k.id) > (lower(:afterKey) collate "C", :afterId::bigint)))
           and exists (select 1 from archives a where a.site = k.site and a.customer_id = k.id)
         order by case when :name::text is null then k.unit end,
                  case when :name::text is not null then lower(k.name) collate "C" end,
                  k.id
         limit :limit::int) p
  join customer_cards c on c.site = :site and c.id = p.id
 order by case when :name::text is null then p.unit end,
          case when :name::text is not null then lower(p.name) collate "C" end,
          p.id;

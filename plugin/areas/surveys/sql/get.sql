select s.id, s.title, s.period, s.method, s.form_version as "formVersion", s.population, s.created_at as "createdAt",
       (select count(*)::int from survey_responses r where r.site = s.site and r.survey_id = s.id) as responses
  from surveys s
 where s.site = :site and (:id::bigint is null or s.id = :id::bigint) and (:period::text is null or s.period = :period::text)
 order by s.created_at desc, s.id desc
 limit :limit::int

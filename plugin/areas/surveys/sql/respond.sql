insert into survey_responses (site, survey_id, customer_id, method, answers, taken_by)
values ($1, $2::bigint, $3::bigint, $4, $5::jsonb, $6::bigint)
returning id, created_at as "createdAt"

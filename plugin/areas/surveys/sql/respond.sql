insert into survey_responses (site, survey_id, customer_id, method, answers, taken_by)
values (:site, :surveyId::bigint, :customerId::bigint, :method::text, :answers::jsonb, :actorId::bigint)
returning id, created_at as "createdAt"

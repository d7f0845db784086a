-- Answers with the customer's grade, category and floor as they are now, for the breakdowns.
select r.answers, c.grade, c.category, c.floor
  from survey_responses r
  join customers c on c.site = r.site and c.id = r.customer_id
 where r.site = :site and r.survey_id = :surveyId::bigint
 order by r.id

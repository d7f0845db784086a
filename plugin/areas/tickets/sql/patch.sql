-- $3 new state; $4 JSON patch of the columns a transition may change (plugin/tickets/types.ts TicketPatch):
-- a key present sets the column (null included), a key absent keeps it.
update tickets t
   set state = $3,
       version = t.version + 1,
       updated_at = $5::timestamptz,
       resume_state = case when $4::jsonb ? 'resume_state' then $4->>'resume_state' else t.resume_state end,
       severity = case when $4::jsonb ? 'severity' then $4->>'severity' else t.severity end,
       category = case when $4::jsonb ? 'category' then $4->>'category' else t.category end,
       serious = case when $4::jsonb ? 'serious' then ($4->>'serious')::boolean else t.serious end,
       serious_reasons = case when $4::jsonb ? 'serious_reasons'
                              then array(select jsonb_array_elements_text($4->'serious_reasons')) else t.serious_reasons end,
       reviewed_by = case when $4::jsonb ? 'reviewed_by' then ($4->>'reviewed_by')::bigint else t.reviewed_by end,
       malicious = case when $4::jsonb ? 'malicious' then ($4->>'malicious')::boolean else t.malicious end,
       malicious_reason = case when $4::jsonb ? 'malicious_reason' then $4->>'malicious_reason' else t.malicious_reason end,
       important = case when $4::jsonb ? 'important' then ($4->>'important')::boolean else t.important end,
       department_id = case when $4::jsonb ? 'department_id' then ($4->>'department_id')::bigint else t.department_id end,
       assignee_id = case when $4::jsonb ? 'assignee_id' then ($4->>'assignee_id')::bigint else t.assignee_id end,
       deadline_at = case when $4::jsonb ? 'deadline_at' then ($4->>'deadline_at')::timestamptz else t.deadline_at end,
       acknowledged_at = case when $4::jsonb ? 'acknowledged_at' then ($4->>'acknowledged_at')::timestamptz else t.acknowledged_at end,
       assigned_at = case when $4::jsonb ? 'assigned_at' then ($4->>'assigned_at')::timestamptz else t.assigned_at end,
       started_at = case when $4::jsonb ? 'started_at' then ($4->>'started_at')::timestamptz else t.started_at end,
       escalated_at = case when $4::jsonb ? 'escalated_at' then ($4->>'escalated_at')::timestamptz else t.escalated_at end,
       resolved_at = case when $4::jsonb ? 'resolved_at' then ($4->>'resolved_at')::timestamptz else t.resolved_at end,
       cause = case when $4::jsonb ? 'cause' then $4->>'cause' else t.cause end,
       action = case when $4::jsonb ? 'action' then $4->>'action' else t.action end,
       result = case when $4::jsonb ? 'result' then $4->>'result' else t.result end,
       signed_off_at = case when $4::jsonb ? 'signed_off_at' then ($4->>'signed_off_at')::timestamptz else t.signed_off_at end,
       signed_off_by = case when $4::jsonb ? 'signed_off_by' then ($4->>'signed_off_by')::bigint else t.signed_off_by end,
       replied_at = case when $4::jsonb ? 'replied_at' then ($4->>'replied_at')::timestamptz else t.replied_at end,
       reply_text = case when $4::jsonb ? 'reply_text' then $4->>'reply_text' else t.reply_text end,
       closed_at = case when $4::jsonb ? 'closed_at' then ($4->>'closed_at')::timestamptz else t.closed_at end,
       paused_at = case when $4::jsonb ? 'paused_at' then ($4->>'paused_at')::timestamptz else t.paused_at end,
       reopened_count = case when $4::jsonb ? 'reopened_count' then ($4->>'reopened_count')::int else t.reopened_count end
 where t.site = $1 and t.id = $2::bigint
returning t.version;

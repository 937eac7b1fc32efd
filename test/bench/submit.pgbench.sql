-- The writes of one POST /api/v1/appeals (AppealIntakeService.create + register + AppealJournal),
-- in one transaction, without the service's reads: the database floor for the submit benchmark.
-- Variables from run.mjs: -D citizen=<uuid> -D category=<uuid of 'general'> -D pool=<general pool uuid>.
\set r random(1, 2000000000)
BEGIN;
INSERT INTO appeals (citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date,
                     extra_fields, contact_encrypted, status, department_id, assignee_id, important, overdue)
  VALUES (:citizen, 'question', :category, NULL, 'Нагрузочное обращение № ' || :r,
          'Прошу разъяснить порядок получения услуги. Обращение для замера производительности, номер ' || :r || '.',
          'normal', NULL, '{}', NULL, 'draft', NULL, NULL, false, false)
  RETURNING id AS appeal_id \gset
INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment)
  VALUES (:appeal_id, 'created', NULL, 'draft', :citizen, 'citizen', 'Иванов Сергей Александрович', NULL, NULL);
INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  VALUES (:citizen, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.created', 'appeal', :appeal_id,
          jsonb_build_object('number', NULL, 'from', NULL, 'to', 'draft'));
INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
  VALUES ('appeal.created', 'appeal', :appeal_id,
          jsonb_build_object('appealId', :appeal_id::text, 'number', NULL, 'citizenId', :citizen::text, 'departmentId', NULL,
                             'type', 'question', 'from', NULL, 'to', 'draft', 'actorId', :citizen::text, 'actorRole', 'citizen'));
SELECT nextval('appeal_number_seq') AS number \gset
UPDATE appeals SET number = :number, status = 'registered', registered_at = now(),
                   due_at = now() + interval '7 days', first_response_due_at = now() + interval '24 hours',
                   department_id = :pool, updated_at = now(), version = version + 1
  WHERE id = :appeal_id;
INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment)
  VALUES (:appeal_id, 'submitted', 'draft', 'registered', :citizen, 'citizen', 'Иванов Сергей Александрович', NULL, NULL);
INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  VALUES (:citizen, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('number', :number::bigint, 'from', 'draft', 'to', 'registered', 'departmentId', :pool::text));
INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
  VALUES ('appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('appealId', :appeal_id::text, 'number', :number::bigint, 'citizenId', :citizen::text,
                             'departmentId', :pool::text, 'type', 'question', 'from', 'draft', 'to', 'registered',
                             'actorId', :citizen::text, 'actorRole', 'citizen'));
COMMIT;

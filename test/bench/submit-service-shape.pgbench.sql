-- Every statement one POST /api/v1/appeals sent at commit 40e9d99 (15 round trips, reads
-- included; AppealJournal then wrote history, audit and outbox with one INSERT each), in the
-- driver's protocol (run with -M extended: unnamed statements, parsed each time, as node-postgres does).
-- Informational: the database cost of the service's current statement shape, to split the
-- gap between the API and submit.pgbench.sql into "statements" and "application CPU".
\set r random(1, 2000000000)
BEGIN;
SELECT id, parent_id, code, name_ru, name_en, department_id, appeal_types, extra_fields_schema, priority, sort_order, active
  FROM categories WHERE id = :category AND active = true LIMIT 1;
INSERT INTO appeals (id, number, citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date,
                     extra_fields, contact_encrypted, status, department_id, assignee_id, important, overdue, registered_at,
                     due_at, first_response_due_at, closed_at, created_at, updated_at, version)
  VALUES (DEFAULT, NULL, :citizen, 'question', :category, NULL, 'Нагрузочное обращение № ' || :r,
          'Прошу разъяснить порядок получения услуги. Обращение для замера производительности, номер ' || :r || '.',
          'normal', NULL, '{}', NULL, 'draft', NULL, NULL, false, false, NULL, NULL, NULL, NULL, DEFAULT, DEFAULT, 1)
  RETURNING id AS appeal_id, created_at, updated_at, version \gset
INSERT INTO appeal_history (id, appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment, created_at)
  VALUES (DEFAULT, :appeal_id, 'created', NULL, 'draft', :citizen, 'citizen', 'Иванов Сергей Александрович', NULL, NULL, DEFAULT)
  RETURNING id, created_at;
INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  VALUES (:citizen, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.created', 'appeal', :appeal_id,
          jsonb_build_object('number', NULL, 'from', NULL, 'to', 'draft'))
  RETURNING id, occurred_at;
INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at, attempts, last_error)
  VALUES ('appeal.created', 'appeal', :appeal_id,
          jsonb_build_object('appealId', :appeal_id::text, 'number', NULL, 'citizenId', :citizen::text, 'departmentId', NULL,
                             'type', 'question', 'from', NULL, 'to', 'draft', 'actorId', :citizen::text, 'actorRole', 'citizen'),
          DEFAULT, DEFAULT, DEFAULT)
  RETURNING id, created_at, attempts;
SELECT nextval('appeal_number_seq')::bigint AS number \gset
SELECT id, code, name_ru, name_en, parent_id, is_general_pool, created_at FROM departments WHERE is_general_pool = true LIMIT 1;
SELECT id, number, citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date, extra_fields,
       contact_encrypted, status, department_id, assignee_id, important, overdue, registered_at, due_at, first_response_due_at,
       closed_at, created_at, updated_at, version
  FROM appeals WHERE id = :appeal_id;
UPDATE appeals SET number = :number, status = 'registered', department_id = :pool, registered_at = now(),
                   due_at = now() + interval '7 days', first_response_due_at = now() + interval '24 hours',
                   version = version + 1, updated_at = CURRENT_TIMESTAMP
  WHERE id = :appeal_id RETURNING version, updated_at;
INSERT INTO appeal_history (id, appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment, created_at)
  VALUES (DEFAULT, :appeal_id, 'submitted', 'draft', 'registered', :citizen, 'citizen', 'Иванов Сергей Александрович', NULL, NULL, DEFAULT)
  RETURNING id, created_at;
INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  VALUES (:citizen, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('number', :number::bigint, 'from', 'draft', 'to', 'registered', 'departmentId', :pool::text))
  RETURNING id, occurred_at;
INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at, attempts, last_error)
  VALUES ('appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('appealId', :appeal_id::text, 'number', :number::bigint, 'citizenId', :citizen::text,
                             'departmentId', :pool::text, 'type', 'question', 'from', 'draft', 'to', 'registered',
                             'actorId', :citizen::text, 'actorRole', 'citizen'),
          DEFAULT, DEFAULT, DEFAULT)
  RETURNING id, created_at, attempts;
SELECT id, number, citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date, extra_fields,
       contact_encrypted, status, department_id, assignee_id, important, overdue, registered_at, due_at, first_response_due_at,
       closed_at, created_at, updated_at, version
  FROM appeals WHERE id = :appeal_id LIMIT 1;
COMMIT;

-- The rows one POST /api/v1/appeals writes (AppealIntakeService.create + AppealJournal): the
-- appeal, registered in its INSERT, and its history, audit and outbox rows, in one transaction,
-- without the service's reads. The database floor for the submit benchmark.
-- Variables from run.mjs: -D citizen=<uuid> -D category=<uuid of 'general'> -D pool=<general pool uuid>.
\set r random(1, 2000000000)
BEGIN;
SELECT nextval('appeal_number_seq') AS number, gen_random_uuid() AS appeal_id \gset
INSERT INTO appeals (id, number, citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date,
                     extra_fields, contact_encrypted, status, department_id, assignee_id, important, overdue,
                     registered_at, due_at, first_response_due_at, closed_at, created_at, updated_at, version)
  VALUES (:appeal_id, :number, :citizen, 'question', :category, NULL, 'Нагрузочное обращение № ' || :r,
          'Прошу разъяснить порядок получения услуги. Обращение для замера производительности, номер ' || :r || '.',
          'normal', NULL, '{}', NULL, 'registered', :pool, NULL, false, false,
          now(), now() + interval '7 days', now() + interval '24 hours', NULL, now(), now(), 1);
INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment)
  VALUES (:appeal_id, 'submitted', NULL, 'registered', :citizen, 'citizen', 'Иванов Сергей Александрович', NULL, NULL);
INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  VALUES (:citizen, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('number', :number::bigint, 'from', NULL, 'to', 'registered', 'departmentId', :pool::text));
-- Written already dispatched: the same row, but the API under test (up beside pgbench) must not
-- relay and consume pgbench's events afterwards — that backlog was the half-peak run's work. It
-- also spares this floor the outbox_pending index entry a filing makes: the floor is no easier.
INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload, dispatched_at)
  VALUES ('appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('appealId', :appeal_id::text, 'number', :number::bigint, 'citizenId', :citizen::text,
                             'departmentId', :pool::text, 'type', 'question', 'from', NULL, 'to', 'registered',
                             'actorId', :citizen::text, 'actorRole', 'citizen'),
          clock_timestamp());
COMMIT;

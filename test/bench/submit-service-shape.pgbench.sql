-- The statements AppealIntakeService sends for one POST /api/v1/appeals, one round trip each,
-- as node-postgres sends them (extended protocol): BEGIN, the number, the appeal INSERT, the
-- journal (history + audit + outbox in one statement), COMMIT. Shows what the round trips cost
-- against the one-transaction floor in submit.pgbench.sql.
\set r random(1, 2000000000)
BEGIN;
SELECT nextval('appeal_number_seq')::bigint AS number, gen_random_uuid() AS appeal_id \gset
INSERT INTO appeals (id, number, citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date,
                     extra_fields, contact_encrypted, status, department_id, assignee_id, important, overdue,
                     registered_at, due_at, first_response_due_at, closed_at, created_at, updated_at, version)
  VALUES (:appeal_id, :number, :citizen, 'question', :category, NULL, 'Нагрузочное обращение № ' || :r,
          'Прошу разъяснить порядок получения услуги. Обращение для замера производительности, номер ' || :r || '.',
          'normal', NULL, '{}', NULL, 'registered', :pool, NULL, false, false,
          now(), now() + interval '7 days', now() + interval '24 hours', NULL, now(), now(), 1);
WITH history AS (
  INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name, actor_position, comment)
  VALUES (:appeal_id, 'submitted', NULL, 'registered', :citizen, 'citizen', 'Иванов Сергей Александрович', NULL, NULL)
), audit AS (
  INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  VALUES (:citizen, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.submitted', 'appeal', :appeal_id,
          jsonb_build_object('number', :number::bigint, 'from', NULL, 'to', 'registered', 'departmentId', :pool::text))
)
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

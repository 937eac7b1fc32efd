-- Not used by run.mjs: the statement shape recommended for AppealIntakeService.create (see the
-- bench report). The same rows as submit.pgbench.sql — the appeal (registered at once, number
-- from the sequence), two history rows, two audit rows, two outbox rows — in ONE statement.
-- Try it: pgbench -n -M prepared -c 16 -j 2 -T 15 -f test/bench/submit-collapsed.pgbench.sql \
--   -D citizen=<uuid> -D category=<uuid> -D pool=<uuid> <db>
\set r random(1, 2000000000)
BEGIN;
WITH a AS (
  INSERT INTO appeals (number, citizen_id, type, category_id, subcategory_id, subject, body, priority, desired_answer_date,
                       extra_fields, contact_encrypted, status, department_id, important, overdue,
                       registered_at, due_at, first_response_due_at)
  VALUES (nextval('appeal_number_seq'), :citizen, 'question', :category, NULL, 'Нагрузочное обращение № ' || :r,
          'Прошу разъяснить порядок получения услуги. Обращение для замера производительности, номер ' || :r || '.',
          'normal', NULL, '{}', NULL, 'registered', :pool, false, false,
          now(), now() + interval '7 days', now() + interval '24 hours')
  RETURNING *
), e (ord, event, from_status, to_status) AS (
  VALUES (1, 'created', NULL, 'draft'), (2, 'submitted', 'draft', 'registered')
), h AS (
  INSERT INTO appeal_history (appeal_id, event, from_status, to_status, actor_id, actor_role, actor_name)
  SELECT a.id, e.event, e.from_status, e.to_status, a.citizen_id, 'citizen', 'Иванов Сергей Александрович'
    FROM a, e ORDER BY e.ord
), au AS (
  INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
  SELECT a.citizen_id, 'citizen', '127.0.0.1', 'pgbench', 'pgbench-' || :r, 'appeal.' || e.event, 'appeal', a.id,
         jsonb_build_object('number', CASE WHEN e.ord = 2 THEN a.number END, 'from', e.from_status, 'to', e.to_status)
    FROM a, e ORDER BY e.ord
), o AS (
  INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload)
  SELECT 'appeal.' || e.event, 'appeal', a.id,
         jsonb_build_object('appealId', a.id, 'number', CASE WHEN e.ord = 2 THEN a.number END, 'citizenId', a.citizen_id,
                            'departmentId', CASE WHEN e.ord = 2 THEN a.department_id END, 'type', a.type,
                            'from', e.from_status, 'to', e.to_status, 'actorId', a.citizen_id, 'actorRole', 'citizen')
    FROM a, e ORDER BY e.ord
)
SELECT id, number, status, registered_at, due_at, created_at FROM a;
COMMIT;

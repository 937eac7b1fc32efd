-- 1M-ish audit rows shaped like the journal's (BENCH_ONLY=audit): four in five appeal actions
-- (details: department, number), one in five sign-ins (details: the IP, a personal key); an IP
-- and a user agent on nine rows in ten. :n rows, in one statement.
INSERT INTO audit_log (actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details)
SELECT gen_random_uuid(),
       CASE WHEN i % 5 = 0 THEN 'citizen' ELSE 'operator' END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE '10.' || (i % 250) || '.' || (i % 199) || '.' || (i % 97) END,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' END,
       'req-' || i,
       CASE WHEN i % 5 = 0 THEN 'auth.login' ELSE 'appeal.taken' END,
       CASE WHEN i % 5 = 0 THEN 'user' ELSE 'appeal' END,
       gen_random_uuid()::text,
       CASE WHEN i % 5 = 0 THEN jsonb_build_object('method', 'password', 'ip', '10.1.' || (i % 250) || '.' || (i % 199))
            ELSE jsonb_build_object('departmentId', gen_random_uuid(), 'number', 100000 + i, 'from', 'registered', 'to', 'in_progress') END
  FROM generate_series(1, :n) i;
